import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerApi } from '../../src/main/ipc.js';
import { isAppPageUrl, type AppOrigin } from '../../src/main/security.js';
import { createApiHandlers } from '../../src/main/services/api.js';
import { useTempFolders } from './helpers.js';

/**
 * Issue 14, trust boundaries: a page that was tricked must not read any file it names. Through
 * the real IPC registration and the real service, `comparison:open` (and every request naming
 * files) is answered only for files the person chose (the dialog, a drop, the command line), the
 * samples, pasted text, and files the store already holds.
 */

const tempFolder = useTempFolders();
const origin: AppOrigin = { rendererIndex: join('/', 'opt', 'Parallax', 'out', 'renderer', 'index.html'), devUrl: null };
const page = { senderFrame: { url: pathToFileURL(origin.rendererIndex).href, parent: null } };

async function setUp() {
  const folder = await tempFolder();
  const samplesDir = join(folder, 'samples');
  await mkdir(samplesDir);
  await writeFile(join(samplesDir, 'a.txt'), 'Storm hits Riverside\n\nThe mayor said the town was ready.\n');
  await writeFile(join(samplesDir, 'b.txt'), 'Storm batters Riverside\n\nThe mayor claimed the town was prepared.\n');
  const secret = join(folder, 'secret.txt');
  const other = join(folder, 'other.txt');
  const picked: string[] = [];
  await writeFile(secret, 'Private\n\nNot for the page to read.\n');
  await writeFile(other, 'Storm over Riverside\n\nThe mayor insisted the town was ready.\n');
  const service = await createApiHandlers({ dataDir: join(folder, 'data'), samplesDir, version: '1', pickFiles: async () => picked, author: 'Ana', compareWorker: 'in-process' });
  const registered = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, listener: (event: unknown, request: unknown) => Promise<unknown>) => registered.set(channel, listener) } as unknown as Parameters<typeof registerApi>[0];
  registerApi(ipcMain, service.handlers, (url) => isAppPageUrl(url, origin), (request) => service.refusedPaths(request));
  const ask = (channel: string, request: unknown) => registered.get(channel)!(page, request) as Promise<{ ok: boolean; error?: { message: string }; value?: unknown }>;
  return { folder, samplesDir, secret, other, picked, service, ask };
}

describe('the page opens only files the person chose', () => {
  it('refuses a file the page names on its own, and reads none of it', async () => {
    const { secret, other, ask } = await setUp();
    const answer = await ask('comparison:open', { paths: [secret, other] });
    expect(answer.ok).toBe(false);
    expect(answer.error!.message).toMatch(/^Parallax opens only files you chose/);
    expect(JSON.stringify(answer)).not.toContain('Not for the page to read');
    // Nor through a request that names one file to read again.
    expect((await ask('source:setEncoding', { paths: [other], path: secret, encoding: 'utf-8' })).ok).toBe(false);
  });

  it('opens files chosen with the dialog, from the command line, or dropped, and the samples', async () => {
    const { samplesDir, secret, other, picked, service, ask } = await setUp();
    picked.push(other);
    expect(await ask('files:pick', {})).toMatchObject({ ok: true });
    expect((await ask('comparison:open', { paths: [join(samplesDir, 'a.txt'), other] })).ok).toBe(true);
    expect((await ask('comparison:open', { paths: [other, secret] })).ok).toBe(false);
    service.queueOpen([secret]); // as the command line hands files over
    expect((await ask('comparison:open', { paths: [other, secret] })).ok).toBe(true);
  });

  it('opens again what the store holds (a recent comparison), after a restart', async () => {
    const { folder, samplesDir, secret, other, picked, service, ask } = await setUp();
    picked.push(other);
    await ask('files:pick', {});
    expect((await ask('comparison:open', { paths: [join(samplesDir, 'a.txt'), other] })).ok).toBe(true);
    await service.close();
    const again = await createApiHandlers({ dataDir: join(folder, 'data'), samplesDir, version: '1', pickFiles: async () => [], author: 'Ana', compareWorker: 'in-process' });
    expect(again.refusedPaths({ paths: [other] })).toEqual([]);
    expect(again.refusedPaths({ paths: [secret] })).toEqual([secret]);
    expect(again.refusedPaths({ paths: ['/etc/passwd'], relink: { from: '/etc/shadow', to: other } })).toEqual(['/etc/passwd', '/etc/shadow']);
    again.grant(['']);
    expect(again.refusedPaths({ path: '' })).toEqual(['']);
    await again.close();
  });
});
