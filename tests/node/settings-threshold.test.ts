import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult } from '../../src/shared/contract/api.js';
import { DEFAULT_ALIGN_THRESHOLD } from '../../src/shared/core/align.js';
import { createApiHandlers } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { openNotesStore, STORE_FILE, STORE_VERSION, storeSchema } from '../../src/main/services/store.js';
import { SAMPLES_DIR } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * The Matching setting (how alike paragraphs must be to be lined up) is kept in the store's
 * settings: an optional field of version 4, so a store written before it still opens unchanged; it
 * is read and changed through `settings:get` / `settings:set`, and main compares with it from the
 * start.
 */

const tempFolder = useTempFolders();

async function storeText(folder: string): Promise<unknown> {
  return JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8'));
}

/** A version 4 store file as Parallax wrote it before the Matching setting was kept. */
const VERSION_4_WITHOUT_THRESHOLD = `${JSON.stringify(
  { version: 4, comparisons: [], notes: [], sources: {}, lexicon: null, settings: { author: 'Ana' }, codebook: null },
  null,
  2,
)}\n`;

describe('the store keeps the Matching setting', () => {
  it('is still version 4, and opens a version 4 file without the setting unchanged', async () => {
    expect(STORE_VERSION).toBe(4);
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), VERSION_4_WITHOUT_THRESHOLD);
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(store.settings()).toEqual({ author: 'Ana' });
    expect(store.settings().threshold).toBeUndefined();
    await store.close();
    // Opening wrote nothing.
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(VERSION_4_WITHOUT_THRESHOLD);
  });

  it('keeps a threshold across a restart, on disk, beside the author name', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder);
    await first.setSettings({ author: 'Ana', threshold: 0.55 });
    await first.close();
    expect(storeSchema.parse(await storeText(folder)).settings).toEqual({ author: 'Ana', threshold: 0.55 });

    const second = await openNotesStore(folder);
    expect(second.settings()).toEqual({ author: 'Ana', threshold: 0.55 });
    // Back to the default: the field goes.
    await second.setSettings({ author: 'Ana' });
    await second.close();
    expect((await storeText(folder)) as { settings: unknown }).toMatchObject({ settings: { author: 'Ana' } });
    expect(((await storeText(folder)) as { settings: Record<string, unknown> }).settings).not.toHaveProperty('threshold');
  });

  it('refuses a threshold outside 0 to 1, and treats a file holding one as damaged', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await expect(store.setSettings({ author: '', threshold: 1.5 })).rejects.toThrow();
    await expect(store.setSettings({ author: '', threshold: -0.1 })).rejects.toThrow();
    expect(store.settings()).toEqual({ author: '' });
    await store.close();

    const damaged = await tempFolder();
    await writeFile(join(damaged, STORE_FILE), JSON.stringify({ version: 4, comparisons: [], notes: [], sources: {}, lexicon: null, settings: { author: '', threshold: 'strict' }, codebook: null }));
    const reopened = await openNotesStore(damaged);
    expect(reopened.recovery).toMatch(/not laid out the way Parallax expects/);
    expect(reopened.settings()).toEqual({ author: '' });
    await reopened.close();
  });
});

describe('the Matching setting through the API', () => {
  async function start(dataDir: string) {
    return createApiHandlers({ dataDir, samplesDir: SAMPLES_DIR, version: 't', pickFiles: async () => [], author: 'account-name' });
  }
  type Service = Awaited<ReturnType<typeof start>>;
  async function call<C extends ApiChannel>(service: Service, channel: C, request: ApiRequest<C> | unknown): Promise<ApiResult<ApiResponse<C>>> {
    return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
  }
  function value<T>(result: ApiResult<T>): T {
    if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
    return result.value;
  }

  it('is read and changed with the settings, kept across a restart, and compared with from the start', async () => {
    const dataDir = join(await tempFolder(), 'data');
    const first = await start(dataDir);
    expect(value(await call(first, 'settings:get', {}))).toEqual({ author: '', authorFallback: 'account-name' });
    expect(value(await call(first, 'comparison:openSample', {})).comparison.threshold).toBe(DEFAULT_ALIGN_THRESHOLD);
    expect(value(await call(first, 'settings:set', { threshold: 0.6 }))).toEqual({ author: '', authorFallback: 'account-name', threshold: 0.6 });
    // Changing the name keeps the setting, and the other way round.
    expect(value(await call(first, 'settings:set', { author: 'Ana' }))).toEqual({ author: 'Ana', authorFallback: 'account-name', threshold: 0.6 });
    await first.close();

    const second = await start(dataDir);
    expect(value(await call(second, 'settings:get', {}))).toEqual({ author: 'Ana', authorFallback: 'account-name', threshold: 0.6 });
    // The first comparison of the session, asked for without a threshold, uses the one kept.
    expect(value(await call(second, 'comparison:openSample', {})).comparison.threshold).toBe(0.6);
    // null: back to the default, kept as no setting at all.
    expect(value(await call(second, 'settings:set', { threshold: null }))).toEqual({ author: 'Ana', authorFallback: 'account-name' });
    await second.close();

    const third = await start(dataDir);
    expect(value(await call(third, 'comparison:openSample', {})).comparison.threshold).toBe(DEFAULT_ALIGN_THRESHOLD);
    await third.close();
  });

  it('refuses a threshold outside 0 to 1, a request with nothing to change, and unknown settings', async () => {
    const service = await start(join(await tempFolder(), 'data'));
    for (const request of [{ threshold: 1.01 }, { threshold: -1 }, { threshold: '0.5' }, {}, { theme: 'dark' }]) {
      expect(await call(service, 'settings:set', request), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(value(await call(service, 'settings:get', {}))).toEqual({ author: '', authorFallback: 'account-name' });
    await service.close();
  });
});
