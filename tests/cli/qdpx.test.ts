import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonIdFor } from '../../src/main/services/api.js';
import { openSources } from '../../src/main/services/sources.js';
import { openNotesStore } from '../../src/main/services/store.js';
import { passageTarget } from '../../src/shared/notes/targets.js';
import { qdaGuid } from '../../src/shared/qda/uuid.js';
import { FLOOD_A, FLOOD_B, HAS_XMLLINT, openQdpx, validateProject, type XmlDoc } from '../support/qda.js';
import { runCli } from '../support/cli.js';

/** `parallax compare --qdpx` and `parallax notes export --format qdpx`, end to end on real files and a real store. */

const run = runCli;

let root: string;
let dataDir: string;
let fileA: string;
let fileB: string;
let noteId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parallax-cli-qdpx-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  fileA = join(root, 'ledger.txt');
  fileB = join(root, 'wire.txt');
  writeFileSync(fileA, FLOOD_A);
  writeFileSync(fileB, FLOOD_B);
  const { documents } = await openSources([fileA, fileB]);
  const b = documents[1]!;
  const store = await openNotesStore(dataDir);
  const comparisonId = comparisonIdFor([fileA, fileB]);
  await store.touchComparison({ id: comparisonId, title: 'Flood at the bridge', sources: [{ path: fileA, label: 'Ledger' }, { path: fileB, label: 'Wire' }] });
  const at = b.text.indexOf('😢');
  const note = await store.saveNote({ comparisonId, target: passageTarget(b, at - 'losses '.length, at + 2)!, body: 'Feelings 😢 only here.', tags: ['human-interest'] }, 'Student Two');
  noteId = note.id;
  await store.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The text each selection cuts from its source file, counting code points. */
function cuts(document: XmlDoc, files: Record<string, string>): string[] {
  return [...document.getElementsByTagName('TextSource')].flatMap((source) => {
    const text = Array.from(files[source.getAttribute('plainTextPath')!.replace('internal://', 'Sources/')]!);
    return [...source.getElementsByTagName('PlainTextSelection')].map((selection) => text.slice(Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))).join(''));
  });
}

function check(file: string): { files: Record<string, string>; xml: string; document: XmlDoc } {
  const opened = openQdpx(new Uint8Array(readFileSync(file)));
  if (HAS_XMLLINT) {
    const qde = `${file}.qde`;
    writeFileSync(qde, opened.xml);
    expect(validateProject(qde)).toEqual({ ok: true, output: '' });
  }
  return opened;
}

describe('parallax compare --qdpx', () => {
  it('writes the comparison as a REFI-QDA project with Parallax’s analysis', async () => {
    const out = join(root, 'flood.qdpx');
    const { code, stdout, stderr } = await run(['compare', fileA, fileB, '--qdpx', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Ledger');
    expect(stderr).toMatch(/REFI-QDA project written to .*flood\.qdpx: 2 sources, 0 notes, \d+ coded passages\./);
    const { files, xml, document } = check(out);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...[...document.getElementsByTagName('TextSource')].map((source) => `Sources/${source.getAttribute('guid')}.txt`)].sort());
    expect(Object.values(files)).toContain(FLOOD_A);
    expect(xml).toContain('name="Attribution"');
    expect(cuts(document, files)).toContain('claimed');
    // The same files again: the same GUIDs, so a QDA program updates its project.
    const again = join(root, 'flood-again.qdpx');
    expect((await run(['compare', fileA, fileB, '--qdpx', again])).code).toBe(0);
    const guids = (text: string) => [...text.matchAll(/ guid="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(guids(openQdpx(new Uint8Array(readFileSync(again))).xml)).toEqual(guids(xml));
  });

  it('takes the app’s notes and codebook with --data-dir', async () => {
    const out = join(root, 'flood-notes.qdpx');
    const { code, stderr } = await run(['compare', fileA, fileB, '--qdpx', out, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stderr).toContain('2 sources, 1 note,');
    const { files, xml, document } = check(out);
    expect(xml).toContain('name="Flood at the bridge"');
    expect(xml).toContain('name="Human interest"');
    expect(xml).toContain('name="Student Two"');
    const selection = [...document.getElementsByTagName('PlainTextSelection')].find((element) =>
      [...element.getElementsByTagName('NoteRef')].some((ref) => ref.getAttribute('targetGUID') === qdaGuid('note', noteId)),
    )!;
    const source = Array.from(files[selection.parentElement!.getAttribute('plainTextPath')!.replace('internal://', 'Sources/')]!);
    expect(source.slice(Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))).join('')).toBe('losses 😢');
  });

  it('says what is wrong with its options, and when the project cannot be written', async () => {
    const alone = await run(['compare', fileA, fileB, '--data-dir', dataDir]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--data-dir is for --qdpx');
    const nowhere = await run(['compare', fileA, fileB, '--qdpx', join(root, 'missing', 'x.qdpx')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/x\.qdpx could not be written \(ENOENT\)/);
  });
});

describe('parallax notes export --format qdpx', () => {
  it('writes the notes as a project, with the analysis when asked', async () => {
    const out = join(root, 'notes.qdpx');
    const { code, stderr } = await run(['notes', 'export', '--format', 'qdpx', '--data-dir', dataDir, '--out', out]);
    expect(stderr).toContain('1 note from 1 comparison written to');
    expect(code).toBe(0);
    const { files, xml, document } = check(out);
    expect(xml).toContain(qdaGuid('note', noteId));
    expect(xml).not.toContain('name="Aligned passage"');
    expect(cuts(document, files)).toEqual(['losses 😢']);

    const withAnalysis = join(root, 'notes-analysis.qdpx');
    expect((await run(['notes', 'export', '--format', 'qdpx', '--analysis', '--data-dir', dataDir, '--out', withAnalysis])).code).toBe(0);
    expect(check(withAnalysis).xml).toContain('name="Aligned passage"');
  });

  it('needs --out', async () => {
    const { code, stderr } = await run(['notes', 'export', '--format', 'qdpx', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out FILE.qdpx');
  });
});

describe('parallax batch --qdpx', () => {
  it('writes a project per story, or one for the whole batch', async () => {
    const corpus = join(root, 'corpus');
    for (const [story, a, b] of [
      ['bridge', FLOOD_A, FLOOD_B],
      ['square', FLOOD_B, `${FLOOD_A}\n\nA late paragraph about the 市场 square 🧺.`],
    ] as const) {
      mkdirSync(join(corpus, story), { recursive: true });
      writeFileSync(join(corpus, story, 'a.txt'), a);
      writeFileSync(join(corpus, story, 'b.txt'), b);
    }
    const out = join(root, 'batch-out');
    const each = await run(['batch', corpus, '--out', out, '--qdpx', 'per-story', '--no-progress']);
    expect(each.stderr).not.toContain('could not');
    expect(each.code).toBe(0);
    for (const story of ['bridge', 'square']) {
      const { xml, document } = check(join(out, 'stories', `${story}.qdpx`));
      expect(document.documentElement.getAttribute('name')).toBe(story);
      expect([...document.getElementsByTagName('TextSource')]).toHaveLength(2);
      expect(xml).toContain('name="Attribution"');
    }

    const whole = await run(['batch', corpus, '--out', out, '--qdpx', 'whole', '--no-progress']);
    expect(whole.code).toBe(0);
    const { files, document } = check(join(out, 'batch.qdpx'));
    expect([...document.getElementsByTagName('TextSource')]).toHaveLength(4);
    expect([...document.getElementsByTagName('Set')].map((set) => set.getAttribute('name'))).toEqual(['bridge', 'square']);
    expect([...document.getElementsByTagName('Variable')].map((variable) => variable.getAttribute('name'))).toContain('Comparison');
    expect(cuts(document, files)).toContain('A late paragraph about the 市场 square 🧺.');

    const wrong = await run(['batch', corpus, '--out', out, '--qdpx', 'sometimes']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--qdpx takes per-story or whole, not "sometimes"');
  });
});
