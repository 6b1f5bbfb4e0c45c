import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult } from '../../src/shared/contract/api.js';
import { parseLexicon, type LexiconSet } from '../../src/shared/contract/lexicon.js';
import { createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { defaultLexiconPath, loadLexicon } from '../../src/main/services/lexicon.js';
import { STORE_FILE, storeSchema } from '../../src/main/services/store.js';
import { said } from '../support/describe.js';
import { REPO_ROOT } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * The person's word sets through the API: kept in the store as changes to the default, used by
 * every comparison after a change, exported as a lexicon file and imported (merged) from one.
 */

const tempFolder = useTempFolders();
const LEXICON = defaultLexiconPath(join(REPO_ROOT, 'resources'));

/** Two short reports of one event that differ only in the verb the sets below care about (a pair the default lexicon does not know). */
const WIRE = 'Council vote\n\nThe opposition grilled the budget plan on Monday after a long debate in the chamber.\n';
const POST = 'Council vote\n\nThe opposition criticised the budget plan on Monday after a long debate in the chamber.\n';

const HARSH: LexiconSet = {
  id: 'harsh-words',
  name: 'Harsh words for disagreeing',
  kind: 'loaded-term',
  domain: 'politics',
  description: 'Grilled is louder than criticised.',
  terms: [{ term: 'grilled', tone: 'loud' }, { term: 'criticised', tone: 'measured' }],
};

async function setUp(overrides: Partial<ApiServiceOptions> = {}) {
  const folder = await tempFolder();
  const dataDir = join(folder, 'data');
  const wire = join(folder, 'wire.txt');
  const post = join(folder, 'post.txt');
  await writeFile(wire, WIRE);
  await writeFile(post, POST);
  const options: ApiServiceOptions = { dataDir, samplesDir: folder, version: 't', pickFiles: async () => [], author: 'Ana', lexiconPath: LEXICON, ...overrides };
  return { folder, dataDir, paths: [wire, post], options };
}

async function call<C extends ApiChannel>(service: Awaited<ReturnType<typeof createApiHandlers>>, channel: C, request: ApiRequest<C> | unknown): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

const ids = (state: ApiResponse<'lexicon:get'>): string[] => state.lexicon.sets.map((set) => set.id);
const loadedNotes = (result: ApiResponse<'comparison:open'>): string[] =>
  result.comparison.differences.filter((difference) => difference.kind === 'loaded-term').map((difference) => said(result.comparison, difference));

describe('word sets through the API', () => {
  it('answers the default lexicon, unchanged, at first', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    const state = value(await call(service, 'lexicon:get', {}));
    const shipped = await loadLexicon(LEXICON);
    if (!shipped.ok) throw new Error(shipped.message);
    expect(state).toEqual({ lexicon: shipped.lexicon, changed: false });
    await service.close();
  });

  it('adds, replaces and removes sets, keeps them in the store, and resets to the default', async () => {
    const { options, dataDir } = await setUp();
    const service = await createApiHandlers(options);
    const defaults = ids(value(await call(service, 'lexicon:get', {})));
    expect(defaults).toContain('reporting-verbs');

    const added = value(await call(service, 'lexicon:saveSet', { set: HARSH }));
    expect(added.changed).toBe(true);
    expect(ids(added)).toEqual(['harsh-words', ...defaults]);

    const renamed = value(await call(service, 'lexicon:saveSet', { set: { ...HARSH, name: 'Loud verbs' } }));
    expect(renamed.lexicon.sets.filter((set) => set.id === 'harsh-words').map((set) => set.name)).toEqual(['Loud verbs']);

    const edited = value(await call(service, 'lexicon:saveSet', { set: { ...HARSH, id: 'reporting-verbs', kind: 'attribution', terms: [{ term: 'said' }, { term: 'claimed' }] } }));
    expect(ids(edited)).toEqual(['harsh-words', ...defaults]);
    expect(edited.lexicon.sets.find((set) => set.id === 'reporting-verbs')?.terms).toEqual([{ term: 'said' }, { term: 'claimed' }]);

    const gone = defaults.at(-1)!;
    const removed = value(await call(service, 'lexicon:removeSet', { id: gone }));
    expect(ids(removed)).not.toContain(gone);
    await service.close();

    // On disk: changes to the default, not a copy of it.
    const onDisk = storeSchema.parse(JSON.parse(await readFile(join(dataDir, STORE_FILE), 'utf8')));
    expect(onDisk.lexicon?.saved.map((set) => set.id)).toEqual(['harsh-words', 'reporting-verbs']);
    expect(onDisk.lexicon?.removed).toEqual([gone]);

    const again = await createApiHandlers(options);
    const kept = value(await call(again, 'lexicon:get', {}));
    expect(kept.changed).toBe(true);
    expect(ids(kept)).toEqual(['harsh-words', ...defaults.slice(0, -1)]);
    const reset = value(await call(again, 'lexicon:reset', {}));
    expect(reset).toEqual({ lexicon: expect.objectContaining({ sets: expect.any(Array) }), changed: false });
    expect(ids(reset)).toEqual(defaults);
    await again.close();
  });

  it('removing a set of one’s own and then every change leaves the lexicon unchanged', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    value(await call(service, 'lexicon:saveSet', { set: HARSH }));
    const after = value(await call(service, 'lexicon:removeSet', { id: 'harsh-words' }));
    expect(after.changed).toBe(false);
    expect(await call(service, 'lexicon:removeSet', { id: 'harsh-words' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('"harsh-words"') },
    });
    await service.close();
  });

  it('refuses invalid requests with the schema’s words', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    const refused = async (channel: ApiChannel, request: unknown, words: RegExp) => {
      const result = await call(service, channel, request);
      expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(words) } });
    };
    await refused('lexicon:saveSet', { set: { ...HARSH, terms: [] } }, /\(set\.terms\)/);
    await refused('lexicon:saveSet', { set: { ...HARSH, id: 'Harsh Words' } }, /ids are lower-case words joined by hyphens/);
    await refused('lexicon:saveSet', { set: { ...HARSH, kind: 'spin' } }, /\(set\.kind\)/);
    await refused('lexicon:saveSet', { set: { ...HARSH, extra: true } }, /not valid/);
    await refused('lexicon:saveSet', {}, /\(set\)/);
    await refused('lexicon:removeSet', { id: '' }, /\(id\)/);
    await refused('lexicon:get', { sneaky: 1 }, /not valid/);
    await refused('lexicon:reset', { all: true }, /not valid/);
    await refused('lexicon:export', { path: '/etc/passwd' }, /not valid/);
    await refused('lexicon:import', { path: '/tmp/x.json' }, /not valid/);
    expect(value(await call(service, 'lexicon:get', {})).changed).toBe(false);
    await service.close();
  });

  // "criticised" is also one of the default's reporting verbs: the person's own set wins the match.
  it('uses the new lexicon for every comparison after a change', async () => {
    const { options, paths } = await setUp();
    const service = await createApiHandlers(options);
    const before = value(await call(service, 'comparison:open', { paths }));
    expect(loadedNotes(before)).toEqual([]);

    value(await call(service, 'lexicon:saveSet', { set: HARSH }));
    const after = value(await call(service, 'comparison:open', { paths }));
    expect(loadedNotes(after)).toHaveLength(1);
    expect(loadedNotes(after)[0]).toMatch(/grilled.*criticised/);

    value(await call(service, 'lexicon:reset', {}));
    expect(loadedNotes(value(await call(service, 'comparison:open', { paths })))).toEqual([]);
    await service.close();
  });

  it('exports the lexicon in use as a file that parseLexicon accepts, and says when the person cancels', async () => {
    const { options, folder } = await setUp();
    const target = join(folder, 'exported.json');
    const asked: string[] = [];
    let answer: string | null = null;
    const service = await createApiHandlers({ ...options, pickSavePath: async (name) => (asked.push(name), answer) });
    expect(value(await call(service, 'lexicon:export', {}))).toEqual({ cancelled: true });
    value(await call(service, 'lexicon:saveSet', { set: HARSH }));
    answer = target;
    expect(value(await call(service, 'lexicon:export', {}))).toEqual({ path: target });
    expect(asked).toEqual(['parallax-word-sets.json', 'parallax-word-sets.json']);
    const parsed = parseLexicon(JSON.parse(await readFile(target, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.lexicon.sets.map((set) => set.id)).toContain('harsh-words');
    expect(parsed.lexicon.sets).toEqual(value(await call(service, 'lexicon:get', {})).lexicon.sets);
    await service.close();
  });

  it('imports a file by merging: new ids added, ids in use replaced, and says how many', async () => {
    const { options, folder } = await setUp();
    const file = join(folder, 'colleague.json');
    await writeFile(
      file,
      JSON.stringify({
        schema: 'parallax.lexicon/1',
        name: 'A colleague’s sets',
        sets: [HARSH, { ...HARSH, id: 'reporting-verbs', kind: 'attribution', name: 'Verbs, shorter', terms: [{ term: 'said' }, { term: 'insisted' }] }],
      }),
    );
    let picked: string | null = null;
    const service = await createApiHandlers({ ...options, pickLexiconFile: async () => picked });
    expect(value(await call(service, 'lexicon:import', {}))).toEqual({ cancelled: true });
    picked = file;
    const result = value(await call(service, 'lexicon:import', {}));
    if ('cancelled' in result) throw new Error('cancelled');
    expect(result).toMatchObject({ file: 'colleague.json', added: 1, replaced: 1, changed: true });
    expect(result.lexicon.sets.find((set) => set.id === 'reporting-verbs')?.name).toBe('Verbs, shorter');
    expect(result.lexicon.sets[0]?.id).toBe('harsh-words');
    await service.close();
  });

  it('refuses a file that does not fit, naming it and its first problems, and changes nothing', async () => {
    const { options, folder } = await setUp();
    const bad = join(folder, 'broken-sets.json');
    await writeFile(bad, JSON.stringify({ schema: 'parallax.lexicon/1', name: 'Broken', sets: [{ ...HARSH, terms: [] }, HARSH, HARSH] }));
    const notJson = join(folder, 'half.json');
    await writeFile(notJson, '{"schema": "parallax.lex');
    let picked = bad;
    const service = await createApiHandlers({ ...options, pickLexiconFile: async () => picked });
    const result = await call(service, 'lexicon:import', {});
    expect(result).toEqual({ ok: false, error: { code: 'unreadable', message: expect.stringMatching(/^The lexicon "broken-sets\.json" does not fit .*sets\.0\.terms: .*sets\.2\.id: the set id "harsh-words" is used twice.*Nothing was imported\.$/) } });
    picked = notJson;
    expect(await call(service, 'lexicon:import', {})).toEqual({ ok: false, error: { code: 'unreadable', message: expect.stringMatching(/^The lexicon "half\.json" is not valid JSON/) } });
    expect(value(await call(service, 'lexicon:get', {})).changed).toBe(false);
    await service.close();
  });
});
