import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult } from '../../src/shared/contract/api.js';
import { createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { parseHtmlInertly } from '../../src/main/services/import/html.js';
import type { SaveDialogPurpose } from '../../src/main/services/notes-transfer.js';
import { STORE_FILE } from '../../src/main/services/store.js';
import { useTempFolders } from './helpers.js';

/**
 * notes:export and notes:import through the API: the save and open dialogs are fakes (as in the
 * app they are Electron's), the PDF printer is a fake that records the HTML it was given (in the
 * app it is Electron's printToPDF, which cannot run here), everything else is real: the store on
 * disk, the comparison of real files, notes-core's formats, the durable writer.
 */

const tempFolder = useTempFolders();

const LEDGER = 'Harbour wall gives way\n\nThe harbour wall gave way at dawn on Tuesday, the port authority said.\n\nTwelve boats were damaged and the ferry service was suspended until Friday.\n';
const POST = 'Harbour wall collapses\n\nThe old harbour wall collapsed at dawn on Tuesday, the port authority claimed.\n\nTwelve boats were damaged and ferries will not run until Friday.\n';

interface Dialogs {
  saves: (string | null)[];
  opens: (string | null)[];
  asked: { name: string; purpose: SaveDialogPurpose | undefined }[];
  printed: string[];
}

async function setUp() {
  const folder = await tempFolder();
  const ledger = join(folder, 'ledger.txt');
  const post = join(folder, 'post.txt');
  await writeFile(ledger, LEDGER);
  await writeFile(post, POST);
  const dialogs: Dialogs = { saves: [], opens: [], asked: [], printed: [] };
  const options: ApiServiceOptions = {
    dataDir: join(folder, 'data'),
    samplesDir: folder,
    version: 't',
    author: 'Ana',
    compareWorker: 'in-process',
    pickFiles: async () => [],
    pickSavePath: async (name, purpose) => {
      dialogs.asked.push({ name, purpose });
      return dialogs.saves.shift() ?? null;
    },
    pickNotesFile: async () => dialogs.opens.shift() ?? null,
    printToPdf: async (html) => {
      dialogs.printed.push(html);
      return Buffer.from('%PDF-1.7 fake\n');
    },
  };
  return { folder, paths: [ledger, post], dialogs, options };
}

type Service = Awaited<ReturnType<typeof createApiHandlers>>;

async function call<C extends ApiChannel>(service: Service, channel: C, request: ApiRequest<C> | unknown): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, (error) => console.error(error))) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

/** Open the two reports and write notes of each kind on them. */
async function withNotes(service: Service, paths: string[]) {
  const opened = value(await call(service, 'comparison:open', { paths }));
  const doc = opened.comparison.documents[0]!;
  const paragraph = doc.paragraphs[1]!;
  const text = doc.text.slice(paragraph.start, paragraph.end);
  const anchor = {
    source: doc.path,
    sourceHash: doc.hash,
    paragraph: 1,
    quote: { type: 'TextQuoteSelector' as const, exact: text, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: paragraph.start, end: paragraph.end },
  };
  const at = text.indexOf('port authority');
  const passage = {
    ...anchor,
    quote: { type: 'TextQuoteSelector' as const, exact: 'port authority', prefix: text.slice(Math.max(0, at - 8), at), suffix: text.slice(at + 14, at + 22) },
    position: { type: 'TextPositionSelector' as const, start: paragraph.start + at, end: paragraph.start + at + 14 },
  };
  value(await call(service, 'notes:save', { comparisonId: opened.id, target: { kind: 'paragraph', ...anchor }, body: 'Who saw it happen?', tags: ['conflict'] }));
  value(await call(service, 'notes:save', { comparisonId: opened.id, target: { kind: 'passage', ...passage }, body: '"claimed" in the Post: =doubt', tags: [] }));
  return opened;
}

describe('notes:export', () => {
  it('writes each text format where the person chose, with a suggested name and a dialog for that kind of file', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    const opened = await withNotes(service, paths);

    const out = (name: string) => join(folder, name);
    dialogs.saves.push(out('n.md'), out('n.csv'), out('n.json'), out('n.jsonld'), out('r.html'));
    for (const format of ['md', 'csv', 'json', 'jsonld', 'html'] as const) {
      expect(value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format }))).toEqual({ path: expect.stringContaining(folder) });
    }
    expect(dialogs.asked.map((ask) => ask.name)).toEqual([
      'harbour-wall-gives-way-notes.md',
      'harbour-wall-gives-way-notes.csv',
      'harbour-wall-gives-way-notes.json',
      'harbour-wall-gives-way-notes.jsonld',
      'harbour-wall-gives-way-report.html',
    ]);
    expect(dialogs.asked[1]!.purpose).toEqual({ title: 'Export notes', filter: { name: 'CSV (spreadsheets, R, pandas)', extensions: ['csv'] } });

    const markdown = await readFile(out('n.md'), 'utf8');
    expect(markdown).toContain('Who saw it happen?');
    const csv = await readFile(out('n.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Who saw it happen?');
    // A note starting with "=" cannot run as a spreadsheet formula.
    expect(csv).not.toMatch(/(^|,)=doubt/m);
    const json = JSON.parse(await readFile(out('n.json'), 'utf8'));
    expect(json.format).toBe('parallax.notes/1');
    expect(json.notes.map((note: { body: string }) => note.body)).toEqual(['Who saw it happen?', '"claimed" in the Post: =doubt']);
    const jsonld = JSON.parse(await readFile(out('n.jsonld'), 'utf8'));
    expect(JSON.stringify(jsonld)).toContain('http://www.w3.org/ns/anno.jsonld');
    const parsed = parseHtmlInertly(await readFile(out('r.html'), 'utf8'));
    const report = parsed.document as unknown as { body: { textContent: string }; querySelectorAll(selector: string): { length: number } };
    expect(report.body.textContent).toContain('Who saw it happen?');
    expect(report.querySelectorAll('script').length).toBe(0);
    parsed.close();
    await service.close();
  });

  it('exports every note of every comparison without a comparison id, placed on the comparisons worked out again', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    await withNotes(service, paths);
    dialogs.saves.push(join(folder, 'all.json'));
    value(await call(service, 'notes:export', { format: 'json' }));
    expect(dialogs.asked[0]!.name).toBe('parallax-notes.json');
    const json = JSON.parse(await readFile(join(folder, 'all.json'), 'utf8'));
    expect(json.notes).toHaveLength(2);
    expect(json.comparisons[0].sources.map((source: { path: string }) => source.path).sort()).toEqual([...paths].sort());
    expect(json.places.map((place: { status: string }) => place.status)).toEqual(['placed', 'placed']);
    await service.close();
  });

  it('renders the PDF from the HTML report with the injected printer, and writes its bytes', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    const opened = await withNotes(service, paths);
    dialogs.saves.push(join(folder, 'r.pdf'));
    value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'pdf' }));
    expect(await readFile(join(folder, 'r.pdf'), 'utf8')).toBe('%PDF-1.7 fake\n');
    expect(dialogs.printed).toHaveLength(1);
    expect(dialogs.printed[0]).toContain('Who saw it happen?');
    expect(dialogs.asked[0]!.purpose).toEqual({ title: 'Save the report', filter: { name: 'PDF report', extensions: ['pdf'] } });
    await service.close();
  });

  it('says what is wrong: a report without a comparison, a PDF without a printer, nothing to export; cancelling writes nothing', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    const report = await call(service, 'notes:export', { format: 'html' });
    expect(report).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/report is of one comparison/) } });
    const opened = value(await call(service, 'comparison:open', { paths }));
    expect(await call(service, 'notes:export', { comparisonId: opened.id, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/no notes yet/) } });
    expect(await call(service, 'notes:export', { format: 'docx' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await withNotes(service, paths);
    expect(value(await call(service, 'notes:export', { comparisonId: opened.id, format: 'md' }))).toEqual({ cancelled: true });
    expect(dialogs.printed).toEqual([]);
    await service.close();

    const { printToPdf: _printer, ...withoutPrinter } = options;
    const noPdf = await createApiHandlers(withoutPrinter);
    expect(await call(noPdf, 'notes:export', { comparisonId: opened.id, format: 'pdf' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot make a PDF here.*HTML report/) } });
    await noPdf.close();

    dialogs.saves.push(join(folder, 'no-such-folder', 'n.md'));
    const unwritable = await createApiHandlers(options);
    expect(await call(unwritable, 'notes:export', { comparisonId: opened.id, format: 'md' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be saved as "n\.md" \(ENOENT\)/) } });
    await unwritable.close();
  });
});

describe('notes:import', () => {
  it('merges a JSON export into another store without duplicates, and lists its comparison in Recent', async () => {
    const first = await setUp();
    const service = await createApiHandlers(first.options);
    const opened = await withNotes(service, first.paths);
    const file = join(first.folder, 'class.json');
    first.dialogs.saves.push(file);
    value(await call(service, 'notes:export', { format: 'json' }));
    await service.close();

    const second = await setUp();
    const other = await createApiHandlers(second.options);
    second.dialogs.opens.push(file, file);
    expect(value(await call(other, 'notes:import', {}))).toEqual({ file: 'class.json', added: 2, updated: 0, skipped: 0, problems: [] });
    expect(value(await call(other, 'notes:list', { comparisonId: opened.id })).map((note) => note.body)).toEqual(['Who saw it happen?', '"claimed" in the Post: =doubt']);
    expect(value(await call(other, 'comparison:recent', {})).map((comparison) => comparison.id)).toEqual([opened.id]);
    // The same file again adds nothing.
    expect(value(await call(other, 'notes:import', {}))).toEqual({ file: 'class.json', added: 0, updated: 0, skipped: 2, problems: [] });
    expect(value(await call(other, 'notes:listAll', {}))).toHaveLength(2);
    expect(value(await call(other, 'notes:import', {}))).toEqual({ cancelled: true });
    await other.close();
  });

  it('takes the good notes of a file and names the bad ones', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    await withNotes(service, paths);
    const file = join(folder, 'mixed.json');
    dialogs.saves.push(file);
    value(await call(service, 'notes:export', { format: 'json' }));
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.notes = [{ ...json.notes[0], id: 'new-one', body: 'another note' }, { ...json.notes[1], id: 'broken', target: { kind: 'nowhere' } }];
    await writeFile(file, JSON.stringify(json));
    dialogs.opens.push(file);
    const result = value(await call(service, 'notes:import', {}));
    expect(result).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    expect('problems' in result && result.problems).toEqual([expect.stringMatching(/^note 2 \(broken\)/)]);
    expect(value(await call(service, 'notes:listAll', {}))).toHaveLength(3);
    await service.close();
  });

  it('refuses a file that is not notes, or not JSON, with its first problems, and leaves the store untouched', async () => {
    const { folder, paths, dialogs, options } = await setUp();
    const service = await createApiHandlers(options);
    await withNotes(service, paths);
    await service.close();
    const storeBytes = await readFile(join(options.dataDir, STORE_FILE));

    const again = await createApiHandlers(options);
    const wordSets = join(folder, 'word-sets.json');
    await writeFile(wordSets, JSON.stringify({ schema: 'parallax.lexicon/1', name: 'x', sets: [] }));
    const notJson = join(folder, 'notes.json');
    await writeFile(notJson, '{"format": "parallax.notes/1", "notes": [');
    const allBad = join(folder, 'all-bad.json');
    await writeFile(allBad, JSON.stringify({ format: 'parallax.notes/1', notes: [{ id: 'x' }, { body: 3 }] }));
    dialogs.opens.push(wordSets, notJson, allBad, join(folder, 'missing.json'));

    expect(await call(again, 'notes:import', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^"word-sets\.json" could not be imported: .*parallax\.notes\/1.*Nothing was imported\.$/) } });
    expect(await call(again, 'notes:import', {})).toMatchObject({ ok: false, error: { code: 'unreadable', message: expect.stringMatching(/^"notes\.json" could not be imported: it is not valid JSON/) } });
    expect(await call(again, 'notes:import', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^"all-bad\.json" could not be imported: note 1 \(x\): .*; note 2: .*Nothing was imported\.$/) } });
    expect(await call(again, 'notes:import', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/"missing\.json" could not be imported: it could not be read \(ENOENT\)/) } });
    await again.close();
    expect(await readFile(join(options.dataDir, STORE_FILE))).toEqual(storeBytes);
  });
});
