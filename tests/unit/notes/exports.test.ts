import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/shared/contract/comparison.js';
import type { Note } from '../../../src/shared/contract/notes.js';
import { CSV_COLUMNS, comparisonReport, mergeNotes, NOTES_FORMAT, notesToCsv, notesToJson, notesToJsonLd, notesToMarkdown, sourceUrl, type ExportComparison, type NotesExport } from '../../../src/shared/notes/export/index.js';
import { differenceTarget, groupTarget, paragraphTarget, passageTarget } from '../../../src/shared/notes/targets.js';
import { comparisonOf, doc, FERRY_A, FERRY_B, noteOn, rangeOf } from './fixture.js';

/** The little of jsdom these tests use (jsdom ships no types, and the tests have no DOM library). */
interface Element {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<Element>;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  closest(selector: string): Element | null;
}
interface Document {
  readonly title: string;
  readonly body: Element;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options?: { runScripts?: 'dangerously' }) => { window: { document: Document; close(): void } };
};

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. Throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`stray text after a quoted field at ${i}`);
      } else field += text[i++];
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n') throw new Error(`a bare LF at ${i}`);
    else field += text[i++];
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
}

const PATH_A = '/home/student/articles/ferry a.txt';
const PATH_B = 'C:\\Users\\r\\ferry-b.txt';
const HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=1"><a href="javascript:alert(1)">x</a>';

function fixture(): { input: NotesExport; item: ExportComparison; notes: Note[]; comparison: Comparison } {
  const a = doc(PATH_A, FERRY_A);
  const b = doc(PATH_B, `${FERRY_B}\n\nA reader wrote: ${HOSTILE}`);
  const said = rangeOf(a.text, 'said');
  const claimed = rangeOf(b.text, 'claimed');
  const comparison = comparisonOf(
    [a, b],
    [
      { id: 'g1', members: [{ doc: 0, paragraphs: [1] }, { doc: 1, paragraphs: [1] }], score: 0.8 },
      { id: 'g2', members: [{ doc: 0, paragraphs: [2] }, { doc: 1, paragraphs: [2] }], score: 0.7 },
    ],
    [
      {
        group: 'g2',
        kind: 'attribution',
        spans: [{ doc: 0, ...said }, { doc: 1, ...claimed }],
        rule: 'set-contrast',
        sides: [
          { doc: 0, part: 'has', terms: [{ text: 'said', set: 'reporting-verbs', tone: 'neutral' }] },
          { doc: 1, part: 'has', terms: [{ text: 'claimed', set: 'reporting-verbs', tone: 'doubt' }] },
        ],
        set: { id: 'reporting-verbs', name: 'Reporting verbs' },
      },
    ],
  );
  const gone = doc(PATH_A, 'An earlier version.\n\nA sentence that was later removed from the article entirely.');
  const stamp = { created: '2025-03-01T09:00:00.000Z', updated: '2025-03-02T10:30:00.000Z' };
  const notes = [
    noteOn(differenceTarget(comparison, 0)!, { body: 'B casts doubt with "claimed".', tags: ['attribution-shift'], ...stamp }),
    noteOn(passageTarget(b, claimed.start, claimed.end + 15)!, { body: `=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"`, tags: ['loaded-language', 'missing-context'], author: 'Ana, "the" student' }),
    noteOn(paragraphTarget(a, 3)!, { body: 'Human detail only A gives.', tags: ['human-interest'], author: '' }),
    noteOn(paragraphTarget(gone, 1)!, { body: 'Was on a removed sentence.', tags: [] }),
    noteOn(groupTarget(comparison, 'g1')!, { body: `Both ledes; hostile: ${HOSTILE}`, tags: ['conflict'] }),
    noteOn(paragraphTarget(a, 1)!, { body: '@SUM(A1:A2) and -1+2', tags: ['+plus'] }),
  ];
  const item: ExportComparison = { id: 'cmp-1', title: 'Ferry aground: two reports', comparison, notes };
  const codebook = { format: 'parallax.codebook/1' as const, name: 'Test codes', codes: [{ id: 'human-interest', label: 'Human interest', description: '' }, { id: 'conflict', label: 'Conflict', description: '' }] };
  return { input: { comparisons: [item], codebook, exported: '2025-04-01T12:00:00.000Z' }, item, notes, comparison };
}

describe('Markdown export', () => {
  it('lists notes in reading order, with quote, source, paragraph, group, codes and author, orphans last', () => {
    const { input } = fixture();
    const md = notesToMarkdown(input);
    const order = ['@SUM', 'Human detail only A gives', 'B casts doubt', 'claimed', 'Both ledes', 'Was on a removed sentence'].map((needle) => md.indexOf(needle.replace('@', '@')));
    // Passage notes by source order then position (A p2, A p4, B p3), then group notes in group order, then the orphan.
    const sumAt = md.indexOf('@SUM');
    const humanAt = md.indexOf('Human detail only A gives');
    const hyperlinkAt = md.indexOf('=HYPERLINK');
    const groupAt = md.indexOf('Both ledes');
    const differenceAt = md.indexOf('B casts doubt');
    const orphanAt = md.indexOf('Was on a removed sentence');
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(sumAt).toBeLessThan(humanAt);
    expect(humanAt).toBeLessThan(hyperlinkAt);
    expect(hyperlinkAt).toBeLessThan(groupAt);
    expect(groupAt).toBeLessThan(differenceAt);
    expect(differenceAt).toBeLessThan(orphanAt);
    expect(md.indexOf('## Notes not found in the sources as they are now')).toBeLessThan(orphanAt);
    expect(md).toContain('### Paragraph: Ferry A, paragraph 4\n');
    expect(md).toContain('### Paragraph: Ferry A, paragraph 2 · group 1\n');
    expect(md).toContain('### Difference (attribution): said (neutral) → claimed (doubt) · Reporting verbs: Ferry A, paragraph 3; Ferry B, paragraph 3 · group 2');
    expect(md).toContain('> Passengers described cold cabins');
    expect(md).toContain('Codes: Human interest');
    expect(md).toContain('Codes: loaded-language, missing-context');
    expect(md).toContain('— Ana, "the" student, written');
    expect(md).toContain('paragraph 2 (as it was)');
  });

  it('escapes markup in notes so it shows as written', () => {
    const { input } = fixture();
    const md = notesToMarkdown(input);
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
  });
});

describe('CSV export', () => {
  it('is RFC 4180 with CRLF and a BOM, one row per anchor, with the documented columns', () => {
    const { input, comparison } = fixture();
    const csv = notesToCsv(input);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    const rows = records.slice(1).map((record) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, record[i]!])));
    // Six notes; the difference and the group notes have two anchors each.
    expect(rows).toHaveLength(8);
    expect(records.every((record) => record.length === CSV_COLUMNS.length)).toBe(true);
    const human = rows.find((row) => row.note === 'Human detail only A gives.')!;
    const a = comparison.documents[0]!;
    expect(human).toMatchObject({ comparison: 'cmp-1', source_label: 'Ferry A', file: PATH_A, paragraph: '4', codes: 'human-interest', status: 'placed', target: 'paragraph' });
    expect(a.text.slice(Number(human.start), Number(human.end))).toBe(human.quote);
    const difference = rows.filter((row) => row.target === 'difference');
    expect(difference.map((row) => row.quote)).toEqual(['said', 'claimed']);
    expect(rows.find((row) => row.status === 'orphan')!.quote).toBe('A sentence that was later removed from the article entirely.');
  });

  it('neutralises cells a spreadsheet would run as a formula, and keeps line breaks and quotes', () => {
    const { input } = fixture();
    const rows = parseCsv(notesToCsv(input).slice(1)).slice(1);
    const noteColumn = CSV_COLUMNS.indexOf('note');
    const codesColumn = CSV_COLUMNS.indexOf('codes');
    const hyperlink = rows.find((row) => row[noteColumn]!.includes('HYPERLINK'))!;
    expect(hyperlink[noteColumn]).toBe(`'=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"`);
    expect(hyperlink[codesColumn]).toBe('loaded-language;missing-context');
    const sum = rows.find((row) => row[noteColumn]!.includes('SUM'))!;
    expect(sum[noteColumn]).toBe("'@SUM(A1:A2) and -1+2");
    expect(sum[codesColumn]).toBe("'+plus");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('JSON export and import', () => {
  it('writes parallax.notes/1 with notes, sources, placements and codebook', () => {
    const { input, notes } = fixture();
    const file = JSON.parse(notesToJson(input));
    expect(file.format).toBe(NOTES_FORMAT);
    expect(file.notes).toEqual(notes);
    expect(file.comparisons[0].sources.map((source: { label: string }) => source.label)).toEqual(['Ferry A', 'Ferry B']);
    expect(file.places.find((place: { note: string }) => place.note === notes[3]!.id).status).toBe('orphan');
    expect(file.codebook.name).toBe('Test codes');
  });

  it('merges an export back without duplicates, keeping the newer version of a note', () => {
    const { input, notes } = fixture();
    const file = JSON.parse(notesToJson(input));
    expect(mergeNotes(notes, file)).toMatchObject({ added: 0, updated: 0, skipped: notes.length, problems: [] });
    const newer = { ...notes[0]!, body: 'Edited on another computer.', updated: '2025-05-01T00:00:00.000Z' };
    const older = { ...notes[1]!, body: 'An old version.', updated: '2020-01-01T00:00:00.000Z' };
    const copy = { ...notes[2]!, id: 'another-id' };
    const fresh = { ...notes[2]!, id: 'fresh', body: 'A new note.' };
    const merged = mergeNotes(notes, { ...file, notes: [newer, older, copy, fresh] });
    expect(merged).toMatchObject({ added: 1, updated: 1, skipped: 2, problems: [] });
    expect(merged.notes).toHaveLength(notes.length + 1);
    expect(merged.notes.find((note) => note.id === notes[0]!.id)!.body).toBe('Edited on another computer.');
    expect(merged.notes.find((note) => note.id === notes[1]!.id)!.body).toBe(notes[1]!.body);
  });

  it('reports each bad note in words and still takes the good ones', () => {
    const { notes } = fixture();
    const good = { ...notes[0]!, id: 'good-one', body: 'Fine.' };
    const merged = mergeNotes([], { format: NOTES_FORMAT, notes: [{ ...notes[1]!, id: 'bad', target: { kind: 'nowhere' } }, 'not a note', good, { ...notes[2]!, id: '' }] });
    expect(merged.added).toBe(1);
    expect(merged.notes.map((note) => note.id)).toEqual(['good-one']);
    expect(merged.problems).toHaveLength(3);
    expect(merged.problems[0]).toMatch(/^note 1 \(bad\): target/);
    expect(merged.problems[1]).toMatch(/^note 2: /);
    expect(merged.problems[2]).toMatch(/^note 4: id/);
  });

  it('refuses a file of another format with a clear message and changes nothing', () => {
    const { notes } = fixture();
    expect(mergeNotes(notes, { format: 'parallax.lexicon/1', sets: [] })).toEqual({ notes, added: 0, updated: 0, skipped: 0, problems: ['This file\'s format is "parallax.lexicon/1", not "parallax.notes/1": it cannot be imported as notes.'] });
    expect(mergeNotes(notes, 42).problems[0]).toMatch(/not a Parallax notes file/);
  });
});

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection of Annotations with text and tagging bodies, selectors, creator and dates', () => {
    const { input, notes } = fixture();
    const collection = JSON.parse(notesToJsonLd(input));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(notes.length);
    expect(collection.first.type).toBe('AnnotationPage');
    const items = collection.first.items as Record<string, unknown>[];
    expect(items).toHaveLength(notes.length);
    for (const annotation of items) {
      expect(annotation.type).toBe('Annotation');
      expect(String(annotation.id)).toMatch(/^urn:parallax:note:/);
      expect(typeof annotation.created).toBe('string');
      expect(typeof annotation.modified).toBe('string');
      const targets = (Array.isArray(annotation.target) ? annotation.target : [annotation.target]) as { source: string; selector: { type: string }[] }[];
      for (const target of targets) {
        expect(target.source).toMatch(/^file:\/\/\//);
        expect(target.selector.map((selector) => selector.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      }
    }
    const doubt = items.find((annotation) => JSON.stringify(annotation.body).includes('casts doubt'))!;
    expect(doubt.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'B casts doubt with "claimed".', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'attribution-shift' },
    ]);
    expect(doubt.creator).toEqual({ type: 'Person', name: 'Tester' });
    const [first] = doubt.target as { selector: [{ exact: string; prefix: string }, { start: number; end: number }] }[];
    expect(first!.selector[0].exact).toBe('said');
    expect(FERRY_A.slice(first!.selector[1].start, first!.selector[1].end)).toBe('said');
  });

  it('makes file URLs of POSIX and Windows paths', () => {
    expect(sourceUrl('/home/student/articles/ferry a.txt')).toBe('file:///home/student/articles/ferry%20a.txt');
    expect(sourceUrl('C:\\Users\\r\\ferry-b.txt')).toBe('file:///C:/Users/r/ferry-b.txt');
    expect(sourceUrl('pasted text')).toBe('urn:parallax:source:pasted%20text');
  });
});

describe('HTML report', () => {
  it('has the sources, groups with marked differences, and the notes', () => {
    const { item, input } = fixture();
    const html = comparisonReport(item, { codebook: input.codebook, generated: '2025-04-01' });
    const { document } = new JSDOM(html).window;
    expect(document.title).toBe('Ferry aground: two reports · Parallax report');
    expect([...document.querySelectorAll('tbody tr')].map((row) => row.children[1]!.textContent)).toEqual(['Ferry A', 'Ferry B']);
    expect([...document.querySelectorAll('section.group h3')].map((h) => h.textContent)).toEqual(['Group 1 · 2 sources', 'Group 2 · 2 sources']);
    const marks = [...document.querySelectorAll('mark.k-attribution')].filter((mark) => mark.closest('.group'));
    expect(marks.map((mark) => mark.textContent)).toEqual(['said', 'claimed']);
    expect(marks[0]!.getAttribute('title')).toBe('Attribution: said (neutral) → claimed (doubt) · Reporting verbs');
    expect([...document.querySelectorAll('ul.differences li')].map((li) => li.textContent)).toEqual(['Attribution: said (neutral) → claimed (doubt) · Reporting verbs']);
    expect(document.querySelectorAll('article.note')).toHaveLength(6);
    expect(document.querySelector('article.orphan')!.textContent).toContain('A sentence that was later removed');
    expect(document.body.textContent).toContain('Codes: Human interest');
  });

  it('lets nothing executable through: hostile text in sources and notes stays text', () => {
    const { item } = fixture();
    const html = comparisonReport(item);
    // Parse with scripts enabled: anything executable would change the title.
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    const { document } = dom.window;
    expect(document.title).toBe('Ferry aground: two reports · Parallax report');
    expect(document.querySelectorAll('script, img, iframe, object, embed, link, base, form, a')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
    }
    expect(document.body.textContent).toContain(HOSTILE);
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'none'");
    dom.window.close();
  });

  it('has print rules and loads nothing', () => {
    const { item } = fixture();
    const html = comparisonReport(item);
    expect(html).toContain('@media print');
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('[src], [href], [srcset], [data], [action]')).toHaveLength(0);
    expect(html).not.toContain('@import');
    expect(html).not.toMatch(/url\(/);
  });
});
