import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult, Codebook } from '../../src/shared/contract/api.js';
import { createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { codeIdFromLabel } from '../../src/shared/contract/codebook.js';
import { noteRequest, useTempFolders } from './helpers.js';

/**
 * Notes of every target kind, the person's settings (the author name) and their codebook, through
 * the API as the page calls it: requests validated by dispatch, kept in the real store on disk.
 */

const tempFolder = useTempFolders();

const DEFAULT_CODEBOOK: Codebook = {
  format: 'parallax.codebook/1',
  name: 'Test frames',
  codes: [
    { id: 'conflict', label: 'Conflict', description: 'Sides set against each other.' },
    { id: 'human-interest', label: 'Human interest', description: 'A person’s story stands for the event.', family: 'Generic frames' },
  ],
};

async function setUp(overrides: Partial<ApiServiceOptions> = {}) {
  const folder = await tempFolder();
  const codebookPath = join(folder, 'codebook.json');
  await writeFile(codebookPath, JSON.stringify(DEFAULT_CODEBOOK));
  const options: ApiServiceOptions = {
    dataDir: join(folder, 'data'),
    samplesDir: folder,
    version: 't',
    pickFiles: async () => [],
    author: 'account-name',
    codebookPath,
    ...overrides,
  };
  return { folder, options };
}

type Service = Awaited<ReturnType<typeof createApiHandlers>>;

async function call<C extends ApiChannel>(service: Service, channel: C, request: ApiRequest<C> | unknown): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

const anchor = (paragraph: number, exact: string) => ({
  source: '/articles/a.txt',
  sourceHash: 'h1',
  paragraph,
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
});

describe('settings: the author name', () => {
  it('starts unset with the account name as fallback, keeps a tidied name across a restart, and goes back on blank', async () => {
    const { options } = await setUp();
    const first = await createApiHandlers(options);
    expect(value(await call(first, 'settings:get', {}))).toEqual({ author: '', authorFallback: 'account-name' });
    expect(value(await call(first, 'settings:set', { author: '  Ana \n Ruiz\t\u0007' }))).toEqual({ author: 'Ana Ruiz', authorFallback: 'account-name' });
    await first.close();

    const second = await createApiHandlers(options);
    expect(value(await call(second, 'settings:get', {}))).toEqual({ author: 'Ana Ruiz', authorFallback: 'account-name' });
    expect(value(await call(second, 'settings:set', { author: '   ' })).author).toBe('');
    await second.close();
  });

  it('refuses a name over 200 characters, unknown fields and a missing name, and keeps the old one', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    value(await call(service, 'settings:set', { author: 'Ana' }));
    const long = await call(service, 'settings:set', { author: 'x'.repeat(201) });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!long.ok && long.error.message).toMatch(/at most 200 characters/);
    // Trimmed first: 200 characters of name inside spaces are fine.
    expect(value(await call(service, 'settings:set', { author: `  ${'y'.repeat(200)}  ` })).author).toHaveLength(200);
    expect(await call(service, 'settings:set', { author: 'Ana', theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(service, 'settings:set', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(value(await call(service, 'settings:get', {})).author).toBe('y'.repeat(200));
    await service.close();
  });
});

describe('notes of every kind through the API', () => {
  it('saves paragraph, passage, group and difference notes, lists them per comparison and all together', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    value(await call(service, 'settings:set', { author: 'Ana' }));
    const paragraph = value(await call(service, 'notes:save', noteRequest('c1', '/articles/a.txt', 'on a paragraph')));
    const passage = value(await call(service, 'notes:save', { comparisonId: 'c1', target: { kind: 'passage', ...anchor(1, 'ferry') }, body: 'on a passage', tags: ['conflict'] }));
    const group = value(
      await call(service, 'notes:save', { comparisonId: 'c1', target: { kind: 'group', anchors: [anchor(2, 'one'), { ...anchor(0, 'two'), source: '/articles/b.txt' }] }, body: 'B softens A' }),
    );
    const difference = value(
      await call(service, 'notes:save', {
        comparisonId: 'c2',
        target: { kind: 'difference', differenceKind: 'attribution', summary: 'said → claimed', anchors: [anchor(3, 'said')] },
        body: 'doubt',
        author: 'Guest reader',
      }),
    );
    expect([paragraph, passage, group, difference].map((note) => note.target.kind)).toEqual(['paragraph', 'passage', 'group', 'difference']);
    // The author comes from the settings, unless the request names one.
    expect([paragraph.author, passage.author, group.author, difference.author]).toEqual(['Ana', 'Ana', 'Ana', 'Guest reader']);
    expect(group.tags).toEqual([]);

    expect(value(await call(service, 'notes:list', { comparisonId: 'c1' })).map((note) => note.body)).toEqual(['on a paragraph', 'on a passage', 'B softens A']);
    expect(value(await call(service, 'notes:listAll', {}))).toEqual([paragraph, passage, group, difference]);
    await service.close();
  });

  it('uses the account name while no author is set, and keeps author and creation time on update', async () => {
    const { options } = await setUp({ now: (() => { let t = Date.UTC(2025, 5, 1); return () => new Date((t += 1000)); })() });
    const service = await createApiHandlers(options);
    const note = value(await call(service, 'notes:save', noteRequest('c1', '/a.txt', 'first')));
    expect(note.author).toBe('account-name');
    value(await call(service, 'settings:set', { author: 'Ana' }));
    const changed = value(await call(service, 'notes:save', { ...noteRequest('c1', '/a.txt', 'second'), id: note.id, author: 'Someone else' }));
    expect(changed).toMatchObject({ id: note.id, author: 'account-name', created: note.created, body: 'second' });
    expect(changed.updated > note.updated).toBe(true);
    await service.close();
  });

  it('refuses a group note with no anchors and a difference of an unknown kind', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    expect(await call(service, 'notes:save', { comparisonId: 'c1', target: { kind: 'group', anchors: [] }, body: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(
      await call(service, 'notes:save', { comparisonId: 'c1', target: { kind: 'difference', differenceKind: 'tone', summary: '', anchors: [anchor(0, 'a')] }, body: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(value(await call(service, 'notes:listAll', {}))).toEqual([]);
    await service.close();
  });
});

describe('the codebook through the API', () => {
  it('answers the default, unchanged; saves the person’s own across a restart; resets', async () => {
    const { options } = await setUp();
    const first = await createApiHandlers(options);
    expect(value(await call(first, 'codebook:get', {}))).toEqual({ codebook: DEFAULT_CODEBOOK, changed: false });
    const own: Codebook = { ...DEFAULT_CODEBOOK, name: 'Seminar', codes: [{ id: 'blame', label: 'Blame', description: 'Who is held responsible.' }] };
    expect(value(await call(first, 'codebook:save', { codebook: own }))).toEqual({ codebook: own, changed: true });
    await first.close();

    const second = await createApiHandlers(options);
    expect(value(await call(second, 'codebook:get', {}))).toEqual({ codebook: own, changed: true });
    expect(value(await call(second, 'codebook:reset', {}))).toEqual({ codebook: DEFAULT_CODEBOOK, changed: false });
    // Saving the default itself is no change.
    expect(value(await call(second, 'codebook:save', { codebook: DEFAULT_CODEBOOK })).changed).toBe(false);
    await second.close();
  });

  it('refuses a codebook with a repeated id, a bad id or a wrong format, with the field named', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    const twice = await call(service, 'codebook:save', { codebook: { ...DEFAULT_CODEBOOK, codes: [DEFAULT_CODEBOOK.codes[0], DEFAULT_CODEBOOK.codes[0]] } });
    expect(!twice.ok && twice.error.message).toMatch(/codebook\.codes\.1\.id.*"conflict" is used twice/);
    const badId = await call(service, 'codebook:save', { codebook: { ...DEFAULT_CODEBOOK, codes: [{ id: 'Has Spaces', label: 'x', description: '' }] } });
    expect(!badId.ok && badId.error.message).toMatch(/lower-case words joined by hyphens/);
    expect(await call(service, 'codebook:save', { codebook: { ...DEFAULT_CODEBOOK, format: 'parallax.codebook/9' } })).toMatchObject({ ok: false });
    expect(value(await call(service, 'codebook:get', {})).changed).toBe(false);
    await service.close();
  });

  it('adds a code in place by its label, never twice, and makes unique ids', async () => {
    const { options } = await setUp();
    const service = await createApiHandlers(options);
    const added = value(await call(service, 'codebook:addCode', { code: { label: 'Sourcing imbalance' } }));
    expect(added.code).toEqual({ id: 'sourcing-imbalance', label: 'Sourcing imbalance', description: '' });
    expect(added.changed).toBe(true);
    expect(added.codebook.codes.map((code) => code.id)).toEqual(['conflict', 'human-interest', 'sourcing-imbalance']);

    // The same label again (in another case) is the code already there.
    const again = value(await call(service, 'codebook:addCode', { code: { label: 'sourcing IMBALANCE' } }));
    expect(again.code.id).toBe('sourcing-imbalance');
    expect(again.codebook.codes).toHaveLength(3);
    // A label whose id is taken gets a number; a label of no Latin letters gets "code".
    expect(value(await call(service, 'codebook:addCode', { code: { label: 'Conflict!', description: 'Fighting words' } })).code).toEqual({
      id: 'conflict-2',
      label: 'Conflict!',
      description: 'Fighting words',
    });
    expect(value(await call(service, 'codebook:addCode', { code: { label: 'Конфликт' } })).code.id).toBe('code');
    expect(await call(service, 'codebook:addCode', { code: { label: '   ' } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(value(await call(service, 'codebook:get', {})).codebook.codes).toHaveLength(5);
    await service.close();
  });

  it('starts from an empty codebook when the default cannot be read, and codes can still be added', async () => {
    const { folder, options } = await setUp();
    const service = await createApiHandlers({ ...options, codebookPath: join(folder, 'missing.json') });
    expect(value(await call(service, 'codebook:get', {})).codebook.codes).toEqual([]);
    expect(value(await call(service, 'codebook:addCode', { code: { label: 'Blame' } })).codebook.codes.map((code) => code.id)).toEqual(['blame']);
    await service.close();
  });

  it('makes ids from labels', () => {
    expect(codeIdFromLabel('Économie — coûts & bénéfices')).toBe('economie-couts-benefices');
    expect(codeIdFromLabel('  --  ')).toBe('');
  });
});

describe('the shipped default codebook', () => {
  it('is the codebook in use on a first start, and a bad default file is named in the log', async () => {
    const { REPO_ROOT } = await import('../support/seeds.js');
    const { defaultCodebookPath, loadCodebook } = await import('../../src/main/services/notes-api.js');
    const path = defaultCodebookPath(join(REPO_ROOT, 'resources'));
    const shipped = await loadCodebook(path);
    if (!shipped.ok) throw new Error(shipped.message);
    const { options, folder } = await setUp({ codebookPath: path });
    const service = await createApiHandlers(options);
    expect(value(await call(service, 'codebook:get', {}))).toEqual({ codebook: shipped.codebook, changed: false });
    await service.close();

    const broken = join(folder, 'broken.json');
    await writeFile(broken, JSON.stringify({ format: 'parallax.codebook/1', name: 'x', codes: [{ id: 'Bad Id', label: 'x', description: '' }] }));
    const outcome = await loadCodebook(broken);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^The codebook "broken\.json" does not fit the codebook format \(parallax\.codebook\/1\): code 1 .*lower-case words joined by hyphens/) });
  });
});
