import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_CHANNELS, MENU_COMMANDS, type ApiHandlers, type MenuCommand, type RecentComparison } from '../../src/shared/contract/api.js';
import { REFUSED, registerApi } from '../../src/main/ipc.js';
import { applicationMenuTemplate, RECENT_IN_MENU } from '../../src/main/menu.js';
import { CONTENT_SECURITY_POLICY, isAllowedRequestUrl, isAppPageUrl, type AppOrigin } from '../../src/main/security.js';
import { appArguments, dataDirFromArguments, filePathsFromArguments, samplesDirectory } from '../../src/main/services/paths.js';

const root = join('/', 'opt', 'Parallax', 'resources', 'app.asar');
const built: AppOrigin = { rendererIndex: join(root, 'out', 'renderer', 'index.html'), devUrl: null };
const dev: AppOrigin = { rendererIndex: built.rendererIndex, devUrl: 'http://localhost:5173/' };
const pageUrl = pathToFileURL(built.rendererIndex).href;

describe('command line', () => {
  it('drops the executable, and the app path when run as `electron <app>`', () => {
    expect(appArguments(['/usr/bin/parallax', 'a.txt'], false)).toEqual(['a.txt']);
    expect(appArguments(['/usr/bin/electron', '.', 'a.txt'], true)).toEqual(['a.txt']);
    // Playwright puts Chromium switches before the app path.
    expect(appArguments(['electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '--data-dir', '/d'], true)).toEqual([
      '--inspect=0',
      '--remote-debugging-port=0',
      '--data-dir',
      '/d',
    ]);
  });

  it('reads --data-dir in both spellings, against the working directory', () => {
    expect(dataDirFromArguments(['--data-dir', 'here'], '/work')).toBe(join('/work', 'here'));
    expect(dataDirFromArguments(['--data-dir=/abs/dir'], '/work')).toBe(join('/abs', 'dir'));
    expect(dataDirFromArguments(['a.txt', '--data-dir'], '/work')).toBeNull();
    expect(dataDirFromArguments(['a.txt'], '/work')).toBeNull();
  });

  it('takes every argument that is not an option as a file', () => {
    expect(filePathsFromArguments(['--data-dir', 'data', 'a.txt', '--no-sandbox', '/abs/b.txt', '-psn_0_1234'], '/work')).toEqual([
      join('/work', 'a.txt'),
      join('/abs', 'b.txt'),
    ]);
  });

  it('finds the samples in the project in development and beside the app when installed', () => {
    expect(samplesDirectory({ isPackaged: false, appRoot: '/src/parallax', resourcesPath: '/x' })).toBe(join('/src/parallax', 'resources', 'samples'));
    expect(samplesDirectory({ isPackaged: true, appRoot: '/x', resourcesPath: '/opt/Parallax/resources' })).toBe(join('/opt/Parallax/resources', 'samples'));
  });
});

describe('what the window may load and who may call', () => {
  it('knows its own page, and nothing else, as the app', () => {
    expect(isAppPageUrl(pageUrl, built)).toBe(true);
    expect(isAppPageUrl(`${pageUrl}#/notes?x=1`, built)).toBe(true);
    expect(isAppPageUrl(pathToFileURL(join(root, 'out', 'renderer', 'other.html')).href, built)).toBe(false);
    expect(isAppPageUrl(pathToFileURL('/home/me/evil.html').href, built)).toBe(false);
    expect(isAppPageUrl('https://example.com/', built)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppPageUrl('not a url', built)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl(pageUrl, dev)).toBe(false);
  });

  it('lets the page load only its own files and in-memory data', () => {
    expect(isAllowedRequestUrl(pathToFileURL(join(root, 'out', 'renderer', 'assets', 'index.js')).href, built)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', built)).toBe(true);
    expect(isAllowedRequestUrl(pathToFileURL(join(root, 'out', 'main', 'index.js')).href, built)).toBe(false);
    expect(isAllowedRequestUrl(pathToFileURL(join(root, 'out', 'renderer', '..', '..', 'package.json')).href, built)).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAllowedRequestUrl('https://tracker.example/pixel.gif', built)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', built)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('https://example.com/', dev)).toBe(false);
  });

  it('sends a strict Content Security Policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

describe('ipc registration', () => {
  function fakeIpc() {
    const registered = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
    return {
      registered,
      ipcMain: {
        handle(channel: string, listener: (event: unknown, request: unknown) => Promise<unknown>) {
          registered.set(channel, listener);
        },
      } as unknown as Parameters<typeof registerApi>[0],
    };
  }

  const status = { version: '1', dataDir: '/d', storeRecovery: null };
  const handlers = Object.fromEntries(API_CHANNELS.map((channel) => [channel, async () => (channel === 'app:status' ? status : null)])) as unknown as ApiHandlers;
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('handles every channel, and only for the top frame of the app page', async () => {
    const { registered, ipcMain } = fakeIpc();
    registerApi(ipcMain, handlers, (url) => isAppPageUrl(url, built));
    expect([...registered.keys()].sort()).toEqual([...API_CHANNELS].sort());
    const handle = registered.get('app:status')!;
    expect(await handle(frame(pageUrl), {})).toEqual({ ok: true, value: status });
    expect(await handle(frame('https://evil.example/'), {})).toEqual(REFUSED);
    expect(await handle(frame(pageUrl, { url: pageUrl }), {})).toEqual(REFUSED);
    expect(await handle({ senderFrame: null }, {})).toEqual(REFUSED);
    // Requests are still validated after the sender check.
    expect(await handle(frame(pageUrl), { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('application menu', () => {
  const recent: RecentComparison[] = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`,
    title: i === 0 ? 'Floods & dams' : `Story ${i}`,
    sources: [{ path: `/a${i}.txt`, label: 'A' }, { path: `/b${i}.txt`, label: 'B' }],
    openedAt: '2025-01-01T00:00:00.000Z',
    noteCount: 0,
  }));

  function build(isMac: boolean, isDev: boolean) {
    const sent: MenuCommand[] = [];
    const opened: (readonly string[])[] = [];
    const template = applicationMenuTemplate({ isMac, isDev, recent }, { send: (command) => sent.push(command), openRecent: (paths) => opened.push(paths), showAbout: () => undefined });
    return { template, sent, opened };
  }

  function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
  }

  function click(item: MenuItemConstructorOptions | undefined): void {
    (item?.click as (() => void) | undefined)?.();
  }

  it('sends the page its commands from File and View', () => {
    const { template, sent } = build(false, false);
    const all = items(template);
    const byLabel = (label: string) => all.find((item) => item.label === label);
    expect(byLabel('Open…')?.accelerator).toBe('CmdOrCtrl+O');
    for (const label of ['Open…', 'Open Sample', 'Larger Text', 'Smaller Text', 'Actual Size', 'Show All Recent…']) click(byLabel(label));
    expect(sent).toEqual(['open-files', 'open-sample', 'zoom-in', 'zoom-out', 'zoom-reset', 'show-recent']);
    expect(sent.every((command) => (MENU_COMMANDS as readonly string[]).includes(command))).toBe(true);
    expect(all.some((item) => item.role === 'togglefullscreen')).toBe(true);
    expect(all.some((item) => item.role === 'quit')).toBe(true);
    expect(all.some((item) => item.label === 'About Parallax')).toBe(true);
  });

  it('lists recent comparisons, which reopen their files', () => {
    const { template, opened } = build(false, false);
    const openRecent = items(template).find((item) => item.label === 'Open Recent')!;
    const entries = (openRecent.submenu as MenuItemConstructorOptions[]).filter((item) => item.click && item.label !== 'Show All Recent…');
    expect(entries).toHaveLength(RECENT_IN_MENU);
    expect(entries[0]!.label).toBe('Floods && dams (2 sources)');
    click(entries[1]);
    expect(opened).toEqual([['/a1.txt', '/b1.txt']]);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => items(build(false, isDev).template).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has the app menu first on macOS', () => {
    expect(build(true, false).template[0]!.label).toBe('Parallax');
    expect(build(false, false).template[0]!.label).toBe('&File');
  });
});
