import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS, type ApiChannel, type ApiRequest, type ApiResponse, type ApiResult } from '../../src/shared/contract/api.js';
import { comparisonIdFor, createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { STORE_FILE, storeSchema } from '../../src/main/services/store.js';
import { noteRequest, useTempFolders } from './helpers.js';

const tempFolder = useTempFolders();

const RIVERSIDE = 'Storm hits Riverside\n\nThe mayor said the town was ready. Repairs will cost three million.\n\nMore rain is expected on Friday.\n';
const HARBOUR = 'Storm batters Riverside\n\nThe mayor claimed the town was prepared. Repairs could cost five million.\n\nMore rain is forecast for Friday.\n';

async function setUp(overrides: Partial<ApiServiceOptions> = {}) {
  const folder = await tempFolder();
  const dataDir = join(folder, 'data');
  const samplesDir = join(folder, 'samples');
  await mkdir(samplesDir);
  await writeFile(join(samplesDir, 'b-harbour-news.txt'), HARBOUR);
  await writeFile(join(samplesDir, 'a-riverside-ledger.txt'), RIVERSIDE);
  await writeFile(join(samplesDir, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
  await writeFile(join(samplesDir, 'README.md'), '# What the samples show\n');
  const options: ApiServiceOptions = { dataDir, samplesDir, version: '9.9.9', pickFiles: async () => [], author: 'Ana', ...overrides };
  return { folder, dataDir, samplesDir, options };
}

/** Call a channel the way the page does: through dispatch, with an unchecked request. */
async function call<C extends ApiChannel>(
  service: Awaited<ReturnType<typeof createApiHandlers>>,
  channel: C,
  request: ApiRequest<C> | unknown,
): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

describe('createApiHandlers + dispatch', () => {
  it('implements every channel of the contract', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    expect(Object.keys(service.handlers).sort()).toEqual([...API_CHANNELS].sort());
    await service.close();
  });

  it('rejects invalid requests with a clear message, before any handler runs', async () => {
    const { options, dataDir } = await setUp();
    const service = await createApiHandlers(options);
    expect(await call(service, 'comparison:open', { paths: [] })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^The request "comparison:open" was not valid \(paths\):/) },
    });
    expect(await call(service, 'notes:save', { comparisonId: 'c1', body: 'no target' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('(target)') },
    });
    expect(await call(service, 'notes:delete', { id: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(service, 'shell:exec' as ApiChannel, {})).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown request "shell:exec".' },
    });
    await service.close();
    // Nothing reached the store.
    await expect(readFile(join(dataDir, STORE_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('opens files as a comparison with a stable id, and reports the ones it could not open', async () => {
    const { options, folder } = await setUp();
    const a = join(folder, 'riverside.txt');
    const b = join(folder, 'harbour.txt');
    const empty = join(folder, 'empty.txt');
    await writeFile(a, RIVERSIDE);
    await writeFile(b, HARBOUR);
    await writeFile(empty, '');
    const service = await createApiHandlers(options);

    const opened = value(await call(service, 'comparison:open', { paths: [a, b, empty] }));
    expect(opened.comparison.documents.map((document) => document.path)).toEqual([a, b]);
    expect(opened.comparison.schema).toBe('parallax.comparison/1');
    expect(opened.problems).toEqual([{ path: empty, message: expect.stringContaining('"empty.txt" is empty') }]);
    expect(opened.id).toBe(comparisonIdFor([empty, b, a]));

    // The same files in another order are the same comparison.
    const again = value(await call(service, 'comparison:open', { paths: [empty, b, a] }));
    expect(again.id).toBe(opened.id);
    const recent = value(await call(service, 'comparison:recent', {}));
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ id: opened.id, title: 'Storm batters Riverside', noteCount: 0 });
    expect(recent[0]!.sources.map((source) => source.path)).toEqual([empty, b, a]);
    await service.close();
  });

  it('answers with every problem, in words, when no file opens', async () => {
    const { options, folder } = await setUp();
    const service = await createApiHandlers(options);
    const result = await call(service, 'comparison:open', { paths: [join(folder, 'gone.txt'), folder] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(!result.ok && result.error.message).toMatch(/^None of the files could be opened \("gone\.txt", ".+"\)\. "gone\.txt" could not be found.*is a folder, not a file/);
    expect(value(await call(service, 'comparison:recent', {}))).toEqual([]);
    await service.close();
  });

  it('opens the sample: every visible file in the samples folder but its README, by name', async () => {
    const { options, samplesDir } = await setUp();
    const service = await createApiHandlers(options);
    const sample = value(await call(service, 'comparison:openSample', {}));
    expect(sample.comparison.documents.map((document) => document.path)).toEqual([
      join(samplesDir, 'a-riverside-ledger.txt'),
      join(samplesDir, 'b-harbour-news.txt'),
    ]);
    expect(sample.problems).toEqual([]);
    await service.close();
  });

  it('opens the bundled samples of the project', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers({ ...options, samplesDir: join(import.meta.dirname, '..', '..', 'resources', 'samples') });
    const sample = value(await call(service, 'comparison:openSample', {}));
    expect(sample.problems).toEqual([]);
    expect(sample.comparison.documents.length).toBeGreaterThanOrEqual(2);
    expect(sample.comparison.documents.every((document) => !/readme/i.test(document.path))).toBe(true);
    expect(sample.comparison.groups.length).toBeGreaterThan(0);
    await service.close();
  });

  it('says plainly when the samples are missing', async () => {
    const { options, folder } = await setUp();
    const service = await createApiHandlers({ ...options, samplesDir: join(folder, 'nowhere') });
    expect(await call(service, 'comparison:openSample', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^The sample articles are missing \(Parallax looked in .*nowhere\)\. Reinstall Parallax/) },
    });
    await service.close();
  });

  it('keeps notes across a restart: open, save, close, reopen, list', async () => {
    const { options, folder, dataDir } = await setUp();
    const a = join(folder, 'riverside.txt');
    const b = join(folder, 'harbour.txt');
    await writeFile(a, RIVERSIDE);
    await writeFile(b, HARBOUR);

    const first = await createApiHandlers(options);
    const opened = value(await call(first, 'comparison:open', { paths: [a, b] }));
    const saved = value(await call(first, 'notes:save', noteRequest(opened.id, a, 'Three or five million?')));
    expect(saved).toMatchObject({ comparisonId: opened.id, body: 'Three or five million?', author: 'Ana', tags: ['check'] });
    await first.close();

    // On disk before the second start.
    const onDisk = storeSchema.parse(JSON.parse(await readFile(join(dataDir, STORE_FILE), 'utf8')));
    expect(onDisk.notes).toEqual([saved]);

    const second = await createApiHandlers(options);
    const reopened = value(await call(second, 'comparison:open', { paths: [b, a] }));
    expect(reopened.id).toBe(opened.id);
    expect(value(await call(second, 'notes:list', { comparisonId: reopened.id }))).toEqual([saved]);
    const recent = value(await call(second, 'comparison:recent', {}));
    expect(recent.map((comparison) => [comparison.id, comparison.noteCount])).toEqual([[opened.id, 1]]);

    expect(value(await call(second, 'notes:delete', { id: saved.id }))).toEqual({ deleted: true });
    expect(value(await call(second, 'notes:delete', { id: saved.id }))).toEqual({ deleted: false });
    expect(value(await call(second, 'comparison:forget', { id: opened.id }))).toEqual([]);
    await second.close();
  });

  it('hands files from the command line to the page once, then the ones queued later', async () => {
    const { options } = await setUp({ initialPaths: ['/x/a.txt', '/x/b.txt'] });
    const service = await createApiHandlers(options);
    expect(value(await call(service, 'comparison:pending', {}))).toEqual({ paths: ['/x/a.txt', '/x/b.txt'] });
    expect(value(await call(service, 'comparison:pending', {}))).toEqual({ paths: [] });
    service.queueOpen(['/y/c.txt']);
    expect(value(await call(service, 'comparison:pending', {}))).toEqual({ paths: ['/y/c.txt'] });
    await service.close();
  });

  it('reports status, picks files through the given function, and tells the menu when recent changes', async () => {
    const recentSeen: number[] = [];
    const { options, dataDir } = await setUp({
      pickFiles: async () => ['/picked/one.txt'],
      onRecentChanged: (recent) => recentSeen.push(recent.length),
    });
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, STORE_FILE), '');
    const service = await createApiHandlers(options);
    const status = value(await call(service, 'app:status', {}));
    expect(status).toMatchObject({ version: '9.9.9', dataDir });
    expect(status.storeRecovery).toMatch(/notes file was empty/);
    expect(value(await call(service, 'files:pick', {}))).toEqual({ paths: ['/picked/one.txt'] });
    value(await call(service, 'comparison:openSample', {}));
    expect(recentSeen).toEqual([1]);
    await service.close();
  });
});
