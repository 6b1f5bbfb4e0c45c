import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_CHANNELS, COMPARISON_PROGRESS_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, SOURCE_CHANGED_CHANNEL } from '../../src/shared/contract/api.js';
import { useTempFolders } from './helpers.js';

/**
 * Smoke test of the BUILT app (out/), as Electron would load it, with a stub `electron` module:
 * the main bundle runs in a child Node process (harness/run-main.mjs, with a module hook that
 * resolves `electron` to harness/electron-stub.mjs) and reports what it registered. The preload
 * runs here with a fake `require`.
 */

const root = join(import.meta.dirname, '..', '..');
const mainBundle = join(root, 'out', 'main', 'index.js');
const preloadBundle = join(root, 'out', 'preload', 'preload.cjs');
const tempFolder = useTempFolders();

function requireBuilt(): void {
  for (const file of [mainBundle, preloadBundle]) {
    if (!existsSync(file)) {
      throw new Error(`The built app is missing (${file}). Run \`npm run build\` (electron-vite build) before this test.`);
    }
  }
}

interface Report {
  errors: unknown[];
  setPath: [string, string][];
  singleInstanceLock: unknown[];
  enableSandbox: boolean;
  channels: string[];
  window?: { show: boolean; webPreferences: Record<string, unknown> };
  preloadExists?: boolean;
  loaded?: { file?: string; url?: string };
  loadedExists?: boolean | null;
  navigation?: Record<string, unknown>;
  session?: Record<string, unknown>;
  ipc?: Record<string, unknown>;
  menu?: string[];
  webContentsCreatedListeners?: number;
  sentAfterSecondInstance?: unknown[];
  pendingAfterSecondInstance?: unknown;
  quit?: { prevented: boolean; quitCalls: number };
  watch?: { opened: boolean; sent: unknown[]; watchedB: string };
  guard?: { before: string; afterDropFromElsewhere: string; hasDropChannel: boolean };
  compare?: { progress: { done: number; stage: string }[]; problems: unknown };
}

describe('built main bundle, with a stub electron', () => {
  let report: Report;
  let dataDir: string;
  let fileArgument: string;

  beforeAll(async () => {
    requireBuilt();
    const folder = await tempFolder();
    dataDir = join(folder, 'data');
    fileArgument = join(folder, 'from-command-line.txt');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(import.meta.dirname, 'harness', 'run-main.mjs'), '--data-dir', dataDir, fileArgument],
      { env: { ...process.env, PARALLAX_BUNDLE: mainBundle, ELECTRON_RENDERER_URL: '' }, cwd: folder, timeout: 30_000 },
    );
    const line = stdout.split('\n').find((text) => text.startsWith('REPORT:'));
    if (!line) throw new Error(`The harness printed no report:\n${stdout}`);
    report = JSON.parse(line.slice('REPORT:'.length)) as Report;
  });

  it('starts without an error box', () => {
    expect(report.errors).toEqual([]);
  });

  it('takes the single-instance lock after moving the data folder, and forces the sandbox', () => {
    expect(report.setPath).toEqual([['userData', dataDir]]);
    expect(report.singleInstanceLock).toEqual([{ paths: [fileArgument] }]);
    expect(report.enableSandbox).toBe(true);
  });

  it('registers every channel of the contract with ipcMain.handle, and no other', () => {
    expect(report.channels).toEqual([...API_CHANNELS].sort());
  });

  it('creates the window with the secure webPreferences and an existing preload', () => {
    expect(report.window?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(report.window?.webPreferences.preload)).toMatch(/out[\\/]preload[\\/]preload\.cjs$/);
    expect(report.preloadExists).toBe(true);
    expect(report.window?.show).toBe(false); // shown on ready-to-show, without a white flash
  });

  it('loads the built page from disk, not a URL', () => {
    expect(report.loaded?.file).toBe(join(root, 'out', 'renderer', 'index.html'));
    expect(report.loadedExists).toBe(true);
  });

  it('blocks navigation, redirects, webviews and new windows', () => {
    expect(report.navigation).toMatchObject({
      blocksElsewhere: true,
      blocksOtherFile: true,
      allowsOwnPage: true,
      blocksRedirect: true,
      blocksWebview: true,
      windowOpen: { action: 'deny' },
    });
    for (const [name, count] of report.navigation!.listeners as [string, number][]) {
      expect(count, name).toBeGreaterThan(0);
    }
    expect(report.webContentsCreatedListeners).toBeGreaterThan(0);
  });

  it('refuses permissions and the network, and sends a strict CSP', () => {
    expect(report.session).toMatchObject({
      permissionRequest: false,
      permissionCheck: false,
      network: { cancel: true },
      ownFile: { cancel: false },
    });
    const headers = report.session!.csp as Record<string, string[]>;
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']![0]).toMatch(/^default-src 'none'; script-src 'self';/);
  });

  it('answers the page and refuses other senders', () => {
    expect(report.ipc?.fromPage).toEqual({ ok: true, value: { version: '0.0.0-stub', dataDir, storeRecovery: null } });
    expect(report.ipc?.fromElsewhere).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('hands command-line files to the page, and files from a second launch with open-pending', () => {
    expect(report.ipc?.pending).toEqual({ ok: true, value: { paths: [fileArgument] } });
    expect(report.sentAfterSecondInstance).toEqual([[MENU_CHANNEL, 'open-pending']]);
    expect(report.pendingAfterSecondInstance).toEqual({ ok: true, value: { paths: ['/second/launch.txt'] } });
  });

  it('opens for the page only files the person chose: refused until dropped on the window, and not on a drop reported from elsewhere', () => {
    expect(report.guard?.hasDropChannel).toBe(true);
    expect(report.guard?.before).toMatch(/^Parallax opens only files you chose/);
    expect(report.guard?.afterDropFromElsewhere).toBe('refused');
    expect(report.watch?.opened).toBe(true);
  });

  it('watches the files of the comparison it opened, and tells the page when one changes on disk', () => {
    expect(report.watch?.opened).toBe(true);
    expect(report.watch?.sent).toEqual([[SOURCE_CHANGED_CHANNEL, { path: report.watch?.watchedB, change: 'changed' }]]);
  });

  it('compares in its worker with the default lexicon, and tells the page how far it has got', () => {
    expect(report.compare?.problems).toEqual([]);
    const progress = report.compare?.progress ?? [];
    expect(progress[0]).toEqual({ done: 0, stage: 'Reading the sources' });
    expect(progress.at(-1)).toEqual({ done: 1, stage: 'Done' });
  });

  it('installs the menu', () => {
    expect(report.menu).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']));
  });

  it('waits for the store before quitting', () => {
    expect(report.quit).toEqual({ prevented: true, quitCalls: 1 });
  });
});

describe('built preload, with a fake require', () => {
  type Bridge = {
    invoke(channel: string, request: unknown): Promise<unknown>;
    onMenuCommand(listener: (command: string) => void): () => void;
    onSourceChanged(listener: (change: unknown) => void): () => void;
    onProgress(listener: (progress: unknown) => void): () => void;
    pathForFile(file: unknown): string;
  };

  function loadPreload() {
    requireBuilt();
    const exposed = new Map<string, unknown>();
    const invoked: [string, unknown][] = [];
    const sentSync: [string, unknown][] = [];
    const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: async (channel: string, request: unknown) => {
          invoked.push([channel, request]);
          return { ok: true, value: 'from main' };
        },
        sendSync: (channel: string, value: unknown) => {
          sentSync.push([channel, value]);
          return true;
        },
        on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
        removeListener: (channel: string, listener: unknown) => listeners.set(channel, (listeners.get(channel) ?? []).filter((other) => other !== listener)),
      },
      webUtils: {
        getPathForFile: (file: { path?: string }) => {
          if (!file.path) throw new TypeError('not a File');
          return file.path;
        },
      },
    };
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`The preload may require only electron, not ${name}`);
    };
    const module = { exports: {} };
    const code = readFileSync(preloadBundle, 'utf8');
    new Function('require', 'module', 'exports', '__filename', '__dirname', code)(fakeRequire, module, module.exports, preloadBundle, join(preloadBundle, '..'));
    const emit = (channel: string, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((listener) => listener({ sender: 'ipc' }, ...args));
    return { exposed, invoked, sentSync, required, emit };
  }

  it('exposes only window.api with the five bridge functions', () => {
    const { exposed, required } = loadPreload();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(exposed.get('api') as object).sort()).toEqual(['invoke', 'onMenuCommand', 'onProgress', 'onSourceChanged', 'pathForFile']);
    expect(required).toEqual(['electron']);
  });

  it('forwards every channel of the contract and refuses others without calling main', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('api') as Bridge;
    for (const channel of API_CHANNELS) expect(await api.invoke(channel, {})).toEqual({ ok: true, value: 'from main' });
    expect(invoked.map(([channel]) => channel)).toEqual(API_CHANNELS);
    expect(await api.invoke('shell:openExternal', { url: 'calc.exe' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown request "shell:openExternal".' },
    });
    expect(await api.invoke('__proto__', {})).toMatchObject({ ok: false });
    expect(invoked).toHaveLength(API_CHANNELS.length);
  });

  it('passes on only known menu commands, without the IPC event, and stops when asked', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('api') as Bridge;
    const heard: unknown[][] = [];
    const stop = api.onMenuCommand((...args) => heard.push(args));
    for (const command of MENU_COMMANDS) emit(MENU_CHANNEL, command);
    emit(MENU_CHANNEL, 'format-disk');
    emit(MENU_CHANNEL, { toString: () => 'zoom-in' });
    expect(heard).toEqual(MENU_COMMANDS.map((command) => [command]));
    stop();
    emit(MENU_CHANNEL, 'zoom-in');
    expect(heard).toHaveLength(MENU_COMMANDS.length);
  });

  it('passes on only well-formed source changes, as fresh objects, and stops when asked', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('api') as Bridge;
    const heard: unknown[][] = [];
    const stop = api.onSourceChanged((...args) => heard.push(args));
    emit(SOURCE_CHANGED_CHANNEL, { path: '/a.txt', change: 'changed' });
    emit(SOURCE_CHANGED_CHANNEL, { path: '/b.txt', change: 'removed', extra: 'dropped' });
    for (const bad of [null, 'changed', { path: '/a.txt' }, { path: '', change: 'changed' }, { path: 7, change: 'changed' }, { path: '/a.txt', change: 'exploded' }]) {
      emit(SOURCE_CHANGED_CHANNEL, bad);
    }
    expect(heard).toEqual([[{ path: '/a.txt', change: 'changed' }], [{ path: '/b.txt', change: 'removed' }]]);
    stop();
    emit(SOURCE_CHANGED_CHANNEL, { path: '/a.txt', change: 'changed' });
    expect(heard).toHaveLength(2);
  });

  it('passes on only well-formed progress, as fresh objects, and stops when asked', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('api') as Bridge;
    const heard: unknown[][] = [];
    const stop = api.onProgress((...args) => heard.push(args));
    emit(COMPARISON_PROGRESS_CHANNEL, { done: 0, stage: 'Reading the sources' });
    emit(COMPARISON_PROGRESS_CHANNEL, { done: 0.5, stage: 'Lining up paragraphs', extra: 'dropped' });
    for (const bad of [null, 0.5, { done: 0.5 }, { done: -0.1, stage: 'x' }, { done: 1.5, stage: 'x' }, { done: Number.NaN, stage: 'x' }, { done: '1', stage: 'x' }, { done: 1, stage: 'x'.repeat(201) }]) {
      emit(COMPARISON_PROGRESS_CHANNEL, bad);
    }
    expect(heard).toEqual([[{ done: 0, stage: 'Reading the sources' }], [{ done: 0.5, stage: 'Lining up paragraphs' }]]);
    stop();
    emit(COMPARISON_PROGRESS_CHANNEL, { done: 1, stage: 'Done' });
    expect(heard).toHaveLength(2);
  });

  it("gives a dropped file's path, or '' when it has none, and tells main a real one was dropped", () => {
    const { exposed, sentSync } = loadPreload();
    const api = exposed.get('api') as Bridge;
    expect(api.pathForFile({ path: '/home/me/a.txt' })).toBe('/home/me/a.txt');
    expect(api.pathForFile({})).toBe('');
    // Only the path read from a dropped File reaches main, on a channel the page has no way to call.
    expect(sentSync).toEqual([['files:dropped', '/home/me/a.txt']]);
  });

  it('is small and carries no schema library', () => {
    const code = readFileSync(preloadBundle, 'utf8');
    expect(code.length).toBeLessThan(10_000);
    expect(code).not.toMatch(/require\("zod"\)|z\.object\(|process\.env/);
    expect(pathToFileURL(preloadBundle).href).toMatch(/\.cjs$/);
  });
});
