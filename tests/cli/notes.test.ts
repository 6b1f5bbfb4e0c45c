import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDirectory } from '../../src/main/cli/notes.js';
import { comparisonIdFor } from '../../src/main/services/api.js';
import { openSources } from '../../src/main/services/sources.js';
import { openNotesStore, STORE_FILE } from '../../src/main/services/store.js';
import { paragraphTarget, passageTarget } from '../../src/shared/notes/targets.js';
import { REPO_ROOT } from '../support/seeds.js';
import { FERRY_A, FERRY_B } from '../unit/notes/fixture.js';
import { runCli } from '../support/cli.js';

const run = runCli;

let root: string;
let dataDir: string;
let fileA: string;
let fileB: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parallax-cli-notes-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  fileA = join(root, 'ferry-a.txt');
  fileB = join(root, 'ferry-b.txt');
  writeFileSync(fileA, FERRY_A);
  writeFileSync(fileB, FERRY_B);
  // Notes written through the real store, on the documents as the app reads them.
  const { documents } = await openSources([fileA, fileB]);
  const [a, b] = documents;
  const store = await openNotesStore(dataDir);
  const comparisonId = comparisonIdFor([fileA, fileB]);
  await store.touchComparison({ id: comparisonId, title: 'Ferry aground', sources: [{ path: fileA, label: 'Ferry A' }, { path: fileB, label: 'Ferry B' }] });
  const claimed = b!.text.indexOf('claimed');
  await store.saveNote({ comparisonId, target: paragraphTarget(a!, 3)!, body: 'Only A tells how the passengers felt.', tags: ['human-interest'] }, 'Student One');
  await store.saveNote({ comparisonId, target: passageTarget(b!, claimed, claimed + 7)!, body: '=1+1 doubt', tags: ['attribution-shift'] }, 'Student One');
  await store.close();
  // The file changes after the notes were written: a line above them.
  writeFileSync(fileA, `Updated at noon.\n\n${FERRY_A}`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parallax notes export', () => {
  it('writes CSV with a row per note, re-anchored on the changed file', async () => {
    const out = join(root, 'notes.csv');
    const { code, stderr } = await run(['notes', 'export', '--format', 'csv', '--data-dir', dataDir, '--out', out]);
    expect(stderr).toContain('2 notes from 1 comparison written to');
    expect(code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('comparison,source_label,file,paragraph,start,end,quote,codes,note,author,created,updated,note_id,target,status,comparison_title');
    const a = lines.find((line) => line.includes('passengers felt'))!;
    expect(a).toContain(',5,'); // paragraph 4 is now paragraph 5
    expect(a).toContain(',moved,');
    expect(lines.find((line) => line.includes('doubt'))).toContain(",'=1+1 doubt,");
  });

  it('prints Markdown, JSON and JSON-LD, and picks a comparison by a file it compares', async () => {
    const md = await run(['notes', 'export', '--format', 'md', '--data-dir', dataDir, '--comparison', fileB]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Ferry aground');
    expect(md.stdout).toContain('> Passengers described cold cabins');
    const json = JSON.parse((await run(['notes', 'export', '--format', 'json', '--data-dir', dataDir])).stdout);
    expect(json.format).toBe('parallax.notes/1');
    expect(json.notes).toHaveLength(2);
    expect(json.codebook.codes.length).toBeGreaterThan(5);
    const jsonld = JSON.parse((await run(['notes', 'export', '--format', 'jsonld', '--data-dir', dataDir])).stdout);
    expect(jsonld.first.items).toHaveLength(2);
  });

  it('says clearly what is wrong: a missing store, an unknown format, an unknown comparison, an unwritable file', async () => {
    const missing = await run(['notes', 'export', '--format', 'csv', '--data-dir', join(root, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no notes store in .*nowhere \(no parallax-store\.json\)/);
    const format = await run(['notes', 'export', '--format', 'xlsx', '--data-dir', dataDir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "xlsx"; the formats are md, csv, json, jsonld');
    const unknown = await run(['notes', 'export', '--format', 'csv', '--data-dir', dataDir, '--comparison', 'c000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no comparison with notes is "c000"');
    const unwritable = await run(['notes', 'export', '--format', 'csv', '--data-dir', dataDir, '--out', join(root, 'no-such-folder', 'x.csv')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/could not be written \(ENOENT\)/);
  });

  it('does not touch a damaged store', async () => {
    const damaged = join(root, 'damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, STORE_FILE), '{"version": 4, "notes": [');
    const result = await run(['notes', 'export', '--format', 'json', '--data-dir', damaged]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no good backup was found');
    expect(result.stderr).toContain('Nothing was exported');
    expect(readFileSync(join(damaged, STORE_FILE), 'utf8')).toBe('{"version": 4, "notes": [');
  });

  it('exports from the newest good backup when the store is damaged, says so, and leaves the file as it is', async () => {
    const folder = join(root, 'damaged-with-backup');
    mkdirSync(folder);
    const store = await openNotesStore(folder);
    const comparisonId = comparisonIdFor([fileA, fileB]);
    await store.touchComparison({ id: comparisonId, title: 'Ferry aground', sources: [{ path: fileA, label: 'Ferry A' }, { path: fileB, label: 'Ferry B' }] });
    const { documents } = await openSources([fileA]);
    await store.saveNote({ comparisonId, target: paragraphTarget(documents[0]!, 1)!, body: 'Kept in the backup.', tags: [] }, 'Student Two');
    await store.close(); // the state on closing is backed up
    writeFileSync(join(folder, STORE_FILE), '\0\0\0');
    const result = await run(['notes', 'export', '--format', 'json', '--data-dir', folder]);
    expect(result.stderr).toContain('the notes were read from the backup made');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kept in the backup.');
    expect(readFileSync(join(folder, STORE_FILE), 'utf8')).toBe('\0\0\0');
  });

  it('finds the app’s default data folder as Electron does', () => {
    expect(defaultDataDirectory('linux', {}, '/home/u')).toBe('/home/u/.config/Parallax');
    expect(defaultDataDirectory('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/Parallax');
    expect(defaultDataDirectory('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Parallax');
    expect(defaultDataDirectory('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toContain('Parallax');
  });
});

describe('parallax report', () => {
  it('writes an HTML report of the comparison with its notes (built command)', async () => {
    const out = join(root, 'report.html');
    const { stderr } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'parallax.js'), 'report', fileA, fileB, '--html', out, '--data-dir', dataDir]);
    expect(stderr).toContain('report of 2 sources with 2 notes written to');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Ferry aground · Parallax report</title>');
    expect(html).toContain('Only A tells how the passengers felt.');
    expect(html).toContain('Group 1');
    expect(html).not.toContain('<script');
  });

  it('still writes the report without a store, and says there are no notes', async () => {
    const out = join(root, 'report-no-store.html');
    const result = await run(['report', fileA, fileB, '--html', out, '--data-dir', join(root, 'nowhere')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('The report has no notes.');
    expect(readFileSync(out, 'utf8')).toContain('0 notes');
  });

  it('reads each file with the encoding the person chose for it in the app, as the app does', async () => {
    const folder = join(root, 'encodings');
    const data = join(folder, 'data');
    mkdirSync(data, { recursive: true });
    const chosen = join(folder, 'cafe-a.txt');
    const detected = join(folder, 'cafe-b.txt');
    writeFileSync(chosen, 'Café reopens\n\nThe café on Mill Street reopened on Monday, its owner said.\n');
    writeFileSync(detected, 'Mill Street café back\n\nThe café on Mill Street opened its doors again on Monday.\n');
    const store = await openNotesStore(data);
    // Read as Windows-1252, the UTF-8 "é" shows as "Ã©": proof that the choice was used.
    await store.updateSourcePreferences(chosen, (current) => ({ ...current, encoding: 'windows-1252' }));
    await store.close();
    const out = join(folder, 'report.html');
    const result = await run(['report', chosen, detected, '--html', out, '--data-dir', data]);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('CafÃ© reopens');
    expect(html).toContain('Mill Street café back');
  });

  it('refuses a report without --html or files', async () => {
    expect((await run(['report', fileA])).stderr).toContain('--html OUT');
    expect((await run(['report', '--html', join(root, 'x.html')])).code).toBe(2);
  });
});
