import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS, type ApiChannel, type ApiRequest, type ApiResponse, type ApiResult } from '../../src/shared/contract/api.js';
import { comparisonIdFor, createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { STORE_FILE, storeSchema } from '../../src/main/services/store.js';
import { paragraphKey } from '../../src/shared/core/document.js';
import { noteRequest, useTempFolders } from './helpers.js';
import { targetAnchors } from '../../src/shared/contract/notes.js';

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

describe('source preferences and pasted text, through dispatch', () => {
  const JUNK = 'Share this article on social media\n\n';

  async function twoSources() {
    const setup = await setUp();
    const a = join(setup.folder, 'riverside.txt');
    const b = join(setup.folder, 'harbour.txt');
    await writeFile(a, RIVERSIDE);
    await writeFile(b, HARBOUR);
    return { ...setup, a, b };
  }

  it('renames a source, remembers it for the file on every open and after a restart, and resets on blank', async () => {
    const { options, a, b } = await twoSources();
    const opened: (readonly string[])[] = [];
    const first = await createApiHandlers({ ...options, onSourcesOpened: (paths) => opened.push(paths) });
    const renamed = value(await call(first, 'source:setLabel', { paths: [a, b], path: a, label: '  The   Ledger ' }));
    expect(renamed.comparison.documents.map((document) => document.label)).toEqual(['The Ledger', 'Harbour']);
    expect(renamed.choices?.[0]).toEqual({ path: a, label: 'The Ledger', kinds: [] });
    expect(opened).toEqual([[a, b]]);
    await first.close();

    const second = await createApiHandlers(options);
    const reopened = value(await call(second, 'comparison:open', { paths: [b, a] }));
    expect(reopened.comparison.documents.map((document) => document.label)).toEqual(['Harbour', 'The Ledger']);
    expect(value(await call(second, 'comparison:recent', {}))[0]!.sources).toEqual([
      { path: b, label: 'Harbour' },
      { path: a, label: 'The Ledger' },
    ]);
    const reset = value(await call(second, 'source:setLabel', { paths: [a, b], path: a, label: '' }));
    expect(reset.comparison.documents[0]!.label).toBe('Riverside');
    expect(reset.choices?.[0]).toEqual({ path: a, kinds: [] });
    await second.close();
  });

  it('relinks a moved source: its notes and its label follow it to the new file, and the old comparison leaves Recent', async () => {
    const { options, a, b, folder } = await twoSources();
    const service = await createApiHandlers(options);
    const opened = value(await call(service, 'comparison:open', { paths: [a, b] }));
    value(await call(service, 'source:setLabel', { paths: [a, b], path: b, label: 'The Harbour' }));
    const onB = value(await call(service, 'notes:save', noteRequest(opened.id, b, 'Five million?')));
    const onA = value(await call(service, 'notes:save', noteRequest(opened.id, a, 'Three million.')));

    const moved = join(folder, 'moved', 'harbour.txt');
    await mkdir(dirname(moved));
    await writeFile(moved, HARBOUR);
    const relinked = value(await call(service, 'comparison:open', { paths: [a, moved], relink: { from: b, to: moved } }));
    expect(relinked.id).toBe(comparisonIdFor([a, moved]));
    expect(relinked.comparison.documents.map((document) => document.label)).toEqual(['Riverside', 'The Harbour']);
    const notes = value(await call(service, 'notes:list', { comparisonId: relinked.id }));
    expect(notes.map((note) => [note.id, targetAnchors(note.target)[0]?.source, note.body])).toEqual([
      [onB.id, moved, 'Five million?'],
      [onA.id, a, 'Three million.'],
    ]);
    expect(value(await call(service, 'notes:list', { comparisonId: opened.id }))).toEqual([]);
    expect(value(await call(service, 'comparison:recent', {})).map((comparison) => [comparison.id, comparison.noteCount])).toEqual([[relinked.id, 2]]);

    expect(await call(service, 'comparison:open', { paths: [a, moved], relink: { from: b, to: join(folder, 'elsewhere.txt') } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('not one of the sources') },
    });
    await service.close();
  });

  it('refuses a label for a file outside the comparison, too long a label, and unknown fields', async () => {
    const { options, a, b, folder } = await twoSources();
    const service = await createApiHandlers(options);
    expect(await call(service, 'source:setLabel', { paths: [a, b], path: join(folder, 'other.txt'), label: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('"other.txt" is not one of the sources of this comparison') },
    });
    expect(await call(service, 'source:setLabel', { paths: [a, b], path: a, label: 'x'.repeat(121) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('(label)') },
    });
    expect(await call(service, 'source:setLabel', { paths: [], path: a, label: 'X' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(service, 'source:setLabel', { paths: [a], path: a, label: 'X', html: '<b>' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await service.close();
  });

  it('marks a paragraph as junk and back: it leaves and rejoins its group, and the mark follows its words', async () => {
    const { options, a, b, dataDir } = await twoSources();
    const service = await createApiHandlers(options);
    const before = value(await call(service, 'comparison:open', { paths: [a, b] }));
    const inGroup = (result: typeof before, paragraph: number) =>
      result.comparison.groups.some((group) => group.members.some((member) => member.doc === 0 && member.paragraphs.includes(paragraph)));
    expect(inGroup(before, 1)).toBe(true);

    const marked = value(await call(service, 'source:setParagraphKind', { paths: [a, b], path: a, paragraph: 1, kind: 'boilerplate' }));
    expect(marked.comparison.documents[0]!.paragraphs[1]!.kind).toBe('boilerplate');
    expect(marked.choices?.[0]?.kinds).toEqual([{ paragraph: 1, kind: 'boilerplate' }]);
    expect(inGroup(marked, 1)).toBe(false);
    const stored = storeSchema.parse(JSON.parse(await readFile(join(dataDir, STORE_FILE), 'utf8')));
    expect(stored.sources[a]?.kinds).toEqual({ [paragraphKey(before.comparison.documents[0]!, 1)]: 'boilerplate' });

    // A line added above it moves the paragraph; the mark goes with its words.
    await writeFile(a, JUNK + RIVERSIDE);
    const moved = value(await call(service, 'comparison:open', { paths: [a, b] }));
    expect(moved.comparison.documents[0]!.paragraphs[2]!.kind).toBe('boilerplate');
    expect(moved.choices?.[0]?.kinds).toEqual([{ paragraph: 2, kind: 'boilerplate' }]);

    const undone = value(await call(service, 'source:setParagraphKind', { paths: [a, b], path: a, paragraph: 2, kind: null }));
    expect(undone.comparison.documents[0]!.paragraphs[2]!.kind).toBe('body');
    expect(undone.choices?.[0]?.kinds).toEqual([]);
    expect(inGroup(undone, 2)).toBe(true);

    expect(await call(service, 'source:setParagraphKind', { paths: [a, b], path: a, paragraph: 99, kind: 'body' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('could not be marked') },
    });
    expect(await call(service, 'source:setParagraphKind', { paths: [a, b], path: a, paragraph: -1, kind: 'body' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await call(service, 'source:setParagraphKind', { paths: [a, b], path: a, paragraph: 0, kind: 'caption' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('(kind)') },
    });
    await service.close();
  });

  it('remembers a chosen encoding, and forgets it with null', async () => {
    const { options, a, b, dataDir } = await twoSources();
    const service = await createApiHandlers(options);
    const chosen = value(await call(service, 'source:setEncoding', { paths: [a, b], path: b, encoding: 'windows-1252' }));
    expect(chosen.choices?.[1]).toEqual({ path: b, encoding: 'windows-1252', kinds: [] });
    expect(storeSchema.parse(JSON.parse(await readFile(join(dataDir, STORE_FILE), 'utf8'))).sources[b]).toEqual({ encoding: 'windows-1252' });
    const again = value(await call(service, 'comparison:open', { paths: [a, b] }));
    expect(again.choices?.[1]?.encoding).toBe('windows-1252');
    // The choice is what the file is read with.
    const quoted = join(dirname(a), 'quoted.txt');
    await writeFile(quoted, Buffer.from('Old export\n\n\x93We are ready,\x94 the mayor\x92s office said.\n', 'latin1'));
    const asUtf8 = value(await call(service, 'source:setEncoding', { paths: [a, quoted], path: quoted, encoding: 'utf-8' }));
    expect(asUtf8.comparison.documents[1]!.metadata?.undecodable?.count).toBe(3);
    const as1252 = value(await call(service, 'source:setEncoding', { paths: [a, quoted], path: quoted, encoding: 'windows-1252' }));
    expect(as1252.comparison.documents[1]!.text).toContain('“We are ready,” the mayor’s office said.');
    expect(as1252.comparison.documents[1]!.metadata?.encoding).toBe('windows-1252');

    const detected = value(await call(service, 'source:setEncoding', { paths: [a, b], path: b, encoding: null }));
    expect(detected.choices?.[1]).toEqual({ path: b, kinds: [] });
    expect(await call(service, 'source:setEncoding', { paths: [a, b], path: b, encoding: 'ebcdic' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('(encoding)') },
    });
    await service.close();
  });

  it('saves pasted text durably in the data folder, compares it, names it, and reopens it from Recent', async () => {
    const { options, a, dataDir } = await twoSources();
    const clock = () => new Date(Date.UTC(2025, 4, 2, 8, 15, 30));
    const first = await createApiHandlers({ ...options, now: clock });
    const pasted = 'Storm pounds Riverside\n\nThe mayor insisted the town was ready. Repairs may cost four million.\n';
    const result = value(await call(first, 'source:addText', { paths: [a], name: '', text: pasted }));
    const files = await readdir(join(dataDir, 'pasted'));
    expect(files).toEqual(['20250502T081530Z-storm-pounds-riverside.txt']);
    const path = join(dataDir, 'pasted', files[0]!);
    expect(await readFile(path, 'utf8')).toBe(pasted);
    expect(result.comparison.documents.map((document) => [document.path, document.label])).toEqual([
      [a, 'Riverside'],
      [path, 'Storm pounds Riverside'],
    ]);
    expect(result.comparison.groups.length).toBeGreaterThan(0);
    // The same name twice in one second gets a second file, never overwriting the first.
    value(await call(first, 'source:addText', { paths: [a], name: 'Storm pounds Riverside', text: pasted }));
    expect(await readdir(join(dataDir, 'pasted'))).toHaveLength(2);
    await first.close();

    const second = await createApiHandlers(options);
    const recent = value(await call(second, 'comparison:recent', {}));
    const entry = recent.find((comparison) => comparison.sources.some((source) => source.path === path))!;
    expect(entry.sources.map((source) => source.label)).toEqual(['Riverside', 'Storm pounds Riverside']);
    const reopened = value(await call(second, 'comparison:open', { paths: entry.sources.map((source) => source.path) }));
    expect(reopened.comparison.documents[1]!.text.trim()).toBe(pasted.trim());
    expect(reopened.comparison.documents[1]!.label).toBe('Storm pounds Riverside');
    await second.close();
  });

  it('keeps pasted HTML as a small UTF-8 HTML document titled with its name, read as a web page', async () => {
    const { options, a, dataDir } = await twoSources();
    const service = await createApiHandlers(options);
    const paragraphs = [
      'The mayor said the town was ready for the storm, and that crews had worked through the night to clear the drains along the river.',
      'Repairs to the embankment will cost three million, according to the council, which expects the work to take most of the summer.',
      'More rain is expected on Friday. Residents of the lower streets have been told to keep sandbags at their doors until the weekend.',
    ];
    const html = `<h1>Storm hits Riverside</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<script>window.pwned = 1</script>`;
    const result = value(await call(service, 'source:addText', { paths: [a], name: 'From the web', text: paragraphs.join('\n'), html }));
    const [file] = await readdir(join(dataDir, 'pasted'));
    expect(file).toMatch(/-from-the-web\.html$/);
    const saved = await readFile(join(dataDir, 'pasted', file!), 'utf8');
    expect(saved).toMatch(/^<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>From the web<\/title>/);
    expect(saved).toContain(`<body>\n${html}\n</body>`);
    const pasted = result.comparison.documents[1]!;
    expect(pasted.label).toBe('From the web');
    expect(pasted.text).toContain(paragraphs[1]);
    expect(pasted.text).not.toMatch(/<|pwned/);
    await service.close();
  });

  it('keeps the plain text instead when pasted HTML is too little for the article reader', async () => {
    const { options, a, dataDir } = await twoSources();
    const service = await createApiHandlers(options);
    const result = value(await call(service, 'source:addText', { paths: [a], name: '', text: 'Storm hits\n\nThe mayor said so.', html: '<b>Storm hits</b>' }));
    expect(await readdir(join(dataDir, 'pasted'))).toEqual([expect.stringMatching(/-storm-hits\.txt$/)]);
    expect(result.comparison.documents[1]!.text.trim()).toBe('Storm hits\n\nThe mayor said so.');
    await service.close();
  });

  it('refuses a paste with no words, and writes nothing', async () => {
    const { options, a, dataDir } = await twoSources();
    const service = await createApiHandlers(options);
    for (const request of [
      { paths: [a], name: 'x', text: '' },
      { paths: [a], name: 'x', text: ' \n\t ' },
      { paths: [a], name: 'x', text: '', html: '<p> </p><script>alert(1)</script>' },
    ]) {
      expect(await call(service, 'source:addText', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('There was no text to add') },
      });
    }
    expect(await call(service, 'source:addText', { paths: [a], text: 'no name' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(readdir(join(dataDir, 'pasted'))).rejects.toThrow(/ENOENT/);
    await service.close();
  });
});
