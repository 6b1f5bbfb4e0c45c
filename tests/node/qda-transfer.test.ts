import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, ApiResult, CodebookImportResult } from '../../src/shared/contract/api.js';
import { createApiHandlers, type ApiServiceOptions } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { STORE_FILE } from '../../src/main/services/store.js';
import { qdaGuid } from '../../src/shared/qda/uuid.js';
import { FLOOD_A, FLOOD_B, HAS_XMLLINT, openQdpx, validateProject } from '../support/qda.js';
import { REPO_ROOT } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * REFI-QDA through the API, as the app uses it: `notes:export` with format qdpx (and Parallax's
 * analysis or not), and `codebook:import` of a .qdc or .qdpx made elsewhere. The dialogs are fakes
 * (Electron's in the app); the store on disk, the comparison of real files, the zip and the XML are
 * real. Every project written is validated against the QDA-XML schema with xmllint.
 */

const tempFolder = useTempFolders();

async function setUp() {
  const folder = await tempFolder();
  const ledger = join(folder, 'ledger.txt');
  const wire = join(folder, 'wire.txt');
  await writeFile(ledger, FLOOD_A);
  await writeFile(wire, FLOOD_B);
  const saves: (string | null)[] = [];
  const opens: (string | null)[] = [];
  const asked: string[] = [];
  const options: ApiServiceOptions = {
    dataDir: join(folder, 'data'),
    samplesDir: folder,
    version: '9.9.9',
    author: 'Ana Lí',
    compareWorker: 'in-process',
    codebookPath: join(REPO_ROOT, 'resources', 'codebook', 'default.json'),
    lexiconPath: join(REPO_ROOT, 'resources', 'lexicon', 'default.json'),
    pickFiles: async () => [],
    pickSavePath: async (name) => {
      asked.push(name);
      return saves.shift() ?? null;
    },
    pickCodebookFile: async () => opens.shift() ?? null,
  };
  const service = await createApiHandlers(options);
  return { folder, paths: [ledger, wire], saves, opens, asked, service, store: join(folder, 'data', STORE_FILE) };
}

type Service = Awaited<ReturnType<typeof createApiHandlers>>;

async function call<C extends ApiChannel>(service: Service, channel: C, request: ApiRequest<C> | unknown): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatch(service.handlers, channel, request, () => undefined)) as ApiResult<ApiResponse<C>>;
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.error.message}`);
  return result.value;
}

function checkSchema(xml: string, folder: string): Promise<void> {
  if (!HAS_XMLLINT) return Promise.resolve();
  const file = join(folder, `check-${Math.random().toString(36).slice(2)}.qde`);
  return writeFile(file, xml).then(() => {
    const result = validateProject(file);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
}

describe('notes:export as a REFI-QDA project', () => {
  it.skipIf(!HAS_XMLLINT)(
    HAS_XMLLINT ? 'validates against the QDA-XML Project schema with xmllint' : 'validates against the QDA-XML Project schema — skipped: xmllint (Debian libxml2-utils) is not installed; .ci/run installs it',
    async () => {
      const { folder, paths, saves, service } = await setUp();
      const opened = value(await call(service, 'comparison:open', { paths }));
      saves.push(join(folder, 'schema.qdpx'));
      value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx', includeAnalysis: true }));
      const file = join(folder, 'project.qde');
      await writeFile(file, openQdpx(new Uint8Array(await readFile(join(folder, 'schema.qdpx')))).xml);
      expect(validateProject(file)).toEqual({ ok: true, output: '' });
      await service.close();
    },
  );

  it('writes a .qdpx with the analysis and the notes, whose selections cut the words they are on', async () => {
    const { folder, paths, saves, asked, service } = await setUp();
    const opened = value(await call(service, 'comparison:open', { paths }));
    const b = opened.comparison.documents[1]!;
    const at = b.text.indexOf('𠮷野 bridge');
    const target = {
      kind: 'passage' as const,
      source: b.path,
      sourceHash: b.hash,
      paragraph: 1,
      quote: { type: 'TextQuoteSelector' as const, exact: '𠮷野 bridge', prefix: b.text.slice(at - 10, at), suffix: b.text.slice(at + 10, at + 20) },
      position: { type: 'TextPositionSelector' as const, start: at, end: at + '𠮷野 bridge'.length },
    };
    const note = value(await call(service, 'notes:save', { comparisonId: opened.id, target, body: 'Same bridge, 🌉 & a hedge.', tags: ['attribution-shift'] }));

    saves.push(join(folder, 'flood.qdpx'), join(folder, 'flood-plain.qdpx'));
    value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx', includeAnalysis: true }));
    expect(asked[0]).toMatch(/-project\.qdpx$/);
    const { files, xml, document } = openQdpx(new Uint8Array(await readFile(join(folder, 'flood.qdpx'))));
    await checkSchema(xml, folder);
    expect(Object.keys(files).filter((name) => name.startsWith('Sources/'))).toHaveLength(2);
    expect(document.documentElement.getAttribute('origin')).toBe('Parallax 9.9.9');
    const selection = [...document.getElementsByTagName('PlainTextSelection')].find((element) =>
      [...element.getElementsByTagName('NoteRef')].some((ref) => ref.getAttribute('targetGUID') === qdaGuid('note', note.id)),
    )!;
    const source = selection.parentElement!;
    const text = files[source.getAttribute('plainTextPath')!.replace('internal://', 'Sources/')]!;
    expect(text).toBe(FLOOD_B);
    expect(Array.from(text).slice(Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))).join('')).toBe('𠮷野 bridge');
    expect(xml).toContain(qdaGuid('parallax', 'kind', 'attribution'));

    // Without the analysis: the notes only.
    value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx' }));
    const plain = openQdpx(new Uint8Array(await readFile(join(folder, 'flood-plain.qdpx'))));
    await checkSchema(plain.xml, folder);
    expect(plain.xml).not.toContain(qdaGuid('parallax', 'kind', 'attribution'));
    expect(plain.xml).toContain(qdaGuid('note', note.id));
    await service.close();
  });

  it('exports the analysis of a comparison with no notes, and refuses a project with nothing in it', async () => {
    const { folder, paths, saves, service } = await setUp();
    const opened = value(await call(service, 'comparison:open', { paths }));
    const refused = await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain("include Parallax's analysis");
    saves.push(join(folder, 'analysis.qdpx'));
    value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx', includeAnalysis: true }));
    const { xml } = openQdpx(new Uint8Array(await readFile(join(folder, 'analysis.qdpx'))));
    await checkSchema(xml, folder);
    expect(xml).toContain('name="Aligned passage"');
    await service.close();
  });
});

/** A codebook made by hand, as another program would write one: nested codes, colours, a set, CJK and emoji. */
const QDC = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Written by hand for Parallax's tests">
  <Codes>
    <Code guid="{0b8c6a52-1f0e-4c39-9d3e-1a2b3c4d5e6f}" name="Blame" isCodable="false">
      <Code guid="6f1d2c3b-4a59-4e68-8b7c-9d0e1f2a3b4c" name="Officials blamed" isCodable="true" color="#cc3300">
        <Description>The report lays the fault on officials &amp; agencies.</Description>
      </Code>
      <Code guid="7a2e3d4c-5b6a-4f79-9c8d-0e1f2a3b4c5d" name="Nature blamed" isCodable="true">
        <Description>Weather or the river is the cause.</Description>
        <Code guid="8b3f4e5d-6c7b-4a8a-ad9e-1f2a3b4c5d6e" name="Rain 🌧" isCodable="true"/>
      </Code>
    </Code>
    <Code guid="9c4a5f6e-7d8c-4b9b-be0f-2a3b4c5d6e7f" name="Conflict" isCodable="true">
      <Description>Already in the default codebook.</Description>
    </Code>
    <Code guid="ad5b6a7f-8e9d-4cac-8f1a-3b4c5d6e7f8a" name="洪水 报道" isCodable="true">
      <Description>Flood coverage in 𠮷 outlets.</Description>
    </Code>
    <Code guid="be6c7b8a-9f0e-4dbd-902b-4c5d6e7f8a9b" name="Empty folder" isCodable="false"/>
    <Code guid="cf7d8c9b-a01f-4ece-a13c-5d6e7f8a9bac" name="Officials blamed" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="d08e9dac-b12a-4fdf-b24d-6e7f8a9bacbd" name="Causes">
      <MemberCode guid="7a2e3d4c-5b6a-4f79-9c8d-0e1f2a3b4c5d"/>
    </Set>
  </Sets>
</CodeBook>
`;

/** A project made by hand, as another program would export it, zipped. */
function handMadeQdpx(): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Team scheme" origin="Hand-made">
  <CodeBook>
    <Codes>
      <Code guid="e19fae0b-c23b-4a0f-835e-7f8a9bacbdce" name="Blame" isCodable="false">
        <Code guid="f2a0bf1c-d34c-4b1a-946f-8a9bacbdcedf" name="Nature blamed" isCodable="true">
          <Code guid="03b1c02d-e45d-4c2b-a57a-9bacbdcedfe0" name="Rain 🌧" isCodable="true"/>
        </Code>
      </Code>
      <Code guid="14c2d13e-f56e-4d3c-b68b-acbdcedfe0f1" name="Evacuation" isCodable="true">
        <Description>People are moved out of harm's way.</Description>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="25d3e24f-067f-4e4d-879c-bdcedfe0f102" name="Interview" plainTextPath="internal://25d3e24f-067f-4e4d-879c-bdcedfe0f102.txt"/>
  </Sources>
</Project>
`;
  return zipSync({ 'project.qde': strToU8(qde), 'Sources/25d3e24f-067f-4e4d-879c-bdcedfe0f102.txt': strToU8('Hello 🌊') });
}

/** A zip whose central directory says its project.qde unpacks to `size` bytes (as a zip bomb would). */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength));
    if (name === 'project.qde') view.setUint32(i + 24, size, true);
  }
  return bytes;
}

describe('codebook:import', () => {
  it('merges the codes of a .qdc into the codebook, saying what was added and what was skipped', async () => {
    const { folder, opens, service } = await setUp();
    const before = value(await call(service, 'codebook:get', {}));
    const file = join(folder, 'team.qdc');
    await writeFile(file, QDC);
    opens.push(file);
    const result = value(await call(service, 'codebook:import', {})) as CodebookImportResult;
    expect(result.file).toBe('team.qdc');
    expect(result.added).toEqual(['Officials blamed', 'Nature blamed', 'Rain 🌧', '洪水 报道']);
    expect(result.skipped).toEqual([
      { label: 'Conflict', reason: 'the codebook has it already (under “Generic frames”)' },
      { label: 'Empty folder', reason: 'it is a folder with no codes in it' },
      { label: 'Officials blamed', reason: 'it is in the file twice' },
    ]);
    expect(result.notices).toEqual([
      'The colours of 1 code were not kept: Parallax’s codebook has no colours.',
      '1 set of codes was not kept: Parallax’s codebook has no sets.',
    ]);
    expect(result.changed).toBe(true);
    const codes = result.codebook.codes;
    expect(codes.slice(0, before.codebook.codes.length)).toEqual(before.codebook.codes);
    const added = codes.slice(before.codebook.codes.length);
    expect(added.map((code) => [code.label, code.family])).toEqual([
      ['Officials blamed', 'Blame'],
      ['Nature blamed', 'Blame'],
      ['Rain 🌧', 'Blame › Nature blamed'],
      ['洪水 报道', undefined],
    ]);
    expect(added[0]).toEqual({ id: 'officials-blamed', label: 'Officials blamed', description: 'The report lays the fault on officials & agencies.', family: 'Blame' });
    expect(added[3]!.id).toMatch(/^code-[0-9a-f]{6}$/);
    // Kept in the store: the codebook the app uses from now on.
    const stored = JSON.parse(await readFile(join(folder, 'data', STORE_FILE), 'utf8'));
    expect(stored.codebook.codes.map((code: { label: string }) => code.label)).toContain('Rain 🌧');
    expect(value(await call(service, 'codebook:get', {})).codebook).toEqual(result.codebook);

    // The codebook of a .qdpx project: what is there already is skipped.
    const project = join(folder, 'team.qdpx');
    await writeFile(project, handMadeQdpx());
    opens.push(project);
    const second = value(await call(service, 'codebook:import', {})) as CodebookImportResult;
    expect(second.added).toEqual(['Evacuation']);
    expect(second.skipped.map((skip) => skip.label)).toEqual(['Nature blamed', 'Rain 🌧']);
    await service.close();
  });

  it('takes nothing from a project Parallax exported itself but what is new, leaving its own codes out', async () => {
    const { folder, paths, saves, opens, service, store } = await setUp();
    const opened = value(await call(service, 'comparison:open', { paths }));
    saves.push(join(folder, 'own.qdpx'));
    value(await call(service, 'notes:export', { comparisonId: opened.id, paths, format: 'qdpx', includeAnalysis: true }));
    const bytes = await readFile(store);
    opens.push(join(folder, 'own.qdpx'));
    const result = value(await call(service, 'codebook:import', {})) as CodebookImportResult;
    expect(result.added).toEqual([]);
    expect(result.skipped.every((skip) => skip.reason.startsWith('the codebook has it already'))).toBe(true);
    expect(result.notices[0]).toMatch(/^Parallax’s own analysis codes \(\d+ codes\) were left out/);
    expect(result.changed).toBe(false);
    expect(await readFile(store)).toEqual(bytes);
    await service.close();
  });

  it('refuses a damaged or foreign file with a clear message, the store untouched', async () => {
    const { folder, opens, service, store } = await setUp();
    const projectBytes = handMadeQdpx();
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['cut.qdpx', projectBytes.slice(0, 120), /not a readable zip file/],
      ['broken.qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="x" isCodable="true">', /not well-formed XML/],
      ['laughs.qdc', '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1" name="&b;" isCodable="true"/></Codes></CodeBook>', /declares a DTD/],
      ['page.qdc', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /not a REFI-QDA codebook or project: its root element is <html>/],
      ['nothing.qdpx', zipSync({ 'readme.txt': strToU8('no project here') }), /no project\.qde inside/],
      ['bare.qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', /has no <Codes>/],
      ['no-book.qdpx', zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>') }), /the project has no codebook/],
      ['latin1.qdc', new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), /not UTF-8 text/],
      ['binary.qdc', new Uint8Array([0, 1, 2, 3, 255]), /not UTF-8 text|neither a REFI-QDA codebook/],
      ['bomb.qdpx', claimingSize(handMadeQdpx(), 0x7fff_ffff), /would unpack to more than 64 MB/],
    ];
    await readFile(store).catch(() => undefined);
    value(await call(service, 'codebook:get', {}));
    const bytes = await readFile(store).catch(() => null);
    const before = value(await call(service, 'codebook:get', {}));
    for (const [name, content, why] of cases) {
      const file = join(folder, name);
      await writeFile(file, content);
      opens.push(file);
      const result = await call(service, 'codebook:import', {});
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('unreadable');
        expect(result.error.message).toMatch(new RegExp(`^"${name.replace('.', '\\.')}" could not be imported: `));
        expect(result.error.message).toMatch(why);
        expect(result.error.message).toMatch(/\. The codebook was not changed\.$/);
      }
      expect(await readFile(store).catch(() => null), name).toEqual(bytes);
    }
    // A folder where a file was expected.
    await mkdir(join(folder, 'folder.qdc'));
    opens.push(join(folder, 'folder.qdc'));
    const folderResult = await call(service, 'codebook:import', {});
    expect(folderResult.ok).toBe(false);
    if (!folderResult.ok) expect(folderResult.error.message).toMatch(/a folder, not an ordinary file/);
    expect(value(await call(service, 'codebook:get', {}))).toEqual(before);
    // Cancelled: nothing happens.
    expect(value(await call(service, 'codebook:import', {}))).toEqual({ cancelled: true });
    await service.close();
  });
});
