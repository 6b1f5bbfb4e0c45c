import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult, ComparisonProgress } from '../../src/shared/contract/api.js';
import { DEFAULT_ALIGN_THRESHOLD } from '../../src/shared/core/align.js';
import { createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { defaultLexiconPath } from '../../src/main/services/lexicon.js';
import { REPO_ROOT, SAMPLES_DIR, seedPaths } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * The API's side of comparing: the lexicon read at start classifies differences, the strictness
 * asked for with `comparison:open` is used and kept, progress reaches the page, and
 * `comparison:cancel` stops the comparison under way. Runs from source, so comparisons run in
 * this thread (the worker itself is tested in compare-pool.test.ts).
 */

const tempFolder = useTempFolders();
const LEXICON = defaultLexiconPath(join(REPO_ROOT, 'resources'));

async function start(overrides: Partial<ApiServiceOptions> = {}) {
  const folder = await tempFolder();
  return createApiHandlers({ dataDir: join(folder, 'data'), samplesDir: SAMPLES_DIR, version: 't', pickFiles: async () => [], author: 'Ana', ...overrides });
}

async function call<C extends ApiChannel>(service: Awaited<ReturnType<typeof start>>, channel: C, request: ApiRequest<C>): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

const kinds = (result: ApiResponse<'comparison:open'>): Set<string> => new Set(result.comparison.differences.map((difference) => difference.kind));

describe('comparing through the API', () => {
  it('classifies differences with the lexicon it was given', async () => {
    const withLexicon = await start({ lexiconPath: LEXICON });
    const without = await start();
    const paths = seedPaths();
    const classified = value(await call(withLexicon, 'comparison:open', { paths }));
    const plain = value(await call(without, 'comparison:open', { paths }));
    expect(classified.problems).toEqual([]);
    expect(kinds(classified)).toContain('attribution');
    expect(kinds(classified)).toContain('loaded-term');
    expect(kinds(plain)).not.toContain('attribution');
    expect(kinds(plain)).not.toContain('loaded-term');
    await withLexicon.close();
    await without.close();
  });

  it('says so beside the comparison when the lexicon cannot be read, and still compares', async () => {
    const service = await start({ lexiconPath: join(REPO_ROOT, 'nowhere', 'default.json') });
    const result = value(await call(service, 'comparison:openSample', {}));
    expect(result.comparison.groups.length).toBeGreaterThan(0);
    expect(result.problems).toEqual([
      { path: join(REPO_ROOT, 'nowhere', 'default.json'), message: expect.stringMatching(/^The lexicon "default\.json" could not be found .* not told apart by kind/) },
    ]);
    await service.close();
  });

  it('uses the strictness asked for, keeps it for what follows, and finds no more groups when stricter', async () => {
    const service = await start({ lexiconPath: LEXICON });
    const paths = seedPaths();
    const byDefault = value(await call(service, 'comparison:open', { paths }));
    expect(byDefault.comparison.threshold).toBe(DEFAULT_ALIGN_THRESHOLD);
    const counts: number[] = [];
    for (const threshold of [0.05, 0.25, 0.45, 0.65, 0.85]) {
      const result = value(await call(service, 'comparison:open', { paths, threshold }));
      expect(result.comparison.threshold).toBe(threshold);
      counts.push(result.comparison.groups.length);
    }
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[0]!).toBeGreaterThan(counts.at(-1)!);
    // Renaming a source compares again, with the setting last asked for.
    const renamed = value(await call(service, 'source:setLabel', { paths, path: paths[0]!, label: 'First' }));
    expect(renamed.comparison.threshold).toBe(0.85);
    expect(value(await call(service, 'comparison:open', { paths })).comparison.threshold).toBe(0.85);
    await service.close();
  });

  it('refuses a strictness outside 0..1', async () => {
    const service = await start();
    for (const threshold of [-0.1, 1.5, Number.NaN]) {
      expect(await call(service, 'comparison:open', { paths: seedPaths(), threshold })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    await service.close();
  });

  it('tells the page how far it has got: reading, then rising to 1', async () => {
    const heard: ComparisonProgress[] = [];
    const service = await start({ onProgress: (progress) => heard.push(progress) });
    value(await call(service, 'comparison:open', { paths: seedPaths() }));
    expect(heard[0]).toEqual({ done: 0, stage: 'Reading the sources' });
    expect(heard.at(-1)).toEqual({ done: 1, stage: 'Done' });
    await service.close();
  });

  it('cancels the comparison under way: its request answers "cancelled", and nothing is added to Recent', async () => {
    const service = await start();
    expect(value(await call(service, 'comparison:cancel', {}))).toEqual({ cancelled: false });
    const opening = call(service, 'comparison:open', { paths: seedPaths() });
    expect(value(await call(service, 'comparison:cancel', {}))).toEqual({ cancelled: true });
    expect(await opening).toEqual({ ok: false, error: { code: 'cancelled', message: 'The comparison was cancelled.' } });
    expect(value(await call(service, 'comparison:recent', {}))).toEqual([]);
    expect(value(await call(service, 'comparison:cancel', {}))).toEqual({ cancelled: false });
    await service.close();
  });

  it('cancels the comparison under way when another is asked for', async () => {
    const service = await start();
    const first = call(service, 'comparison:open', { paths: seedPaths() });
    const second = call(service, 'comparison:openSample', {});
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(value(await second).comparison.documents.length).toBeGreaterThan(1);
    await service.close();
  });
});
