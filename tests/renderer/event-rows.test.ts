import { describe, expect, it } from 'vitest';
import type { Comparison, SourceDocument } from '../../src/shared/contract/comparison';
import { indexComparison } from '../../src/renderer/src/lib/comparisonIndex';
import { differenceEntries, filterEntries, NO_FILTER, stepThrough } from '../../src/renderer/src/lib/differenceList';
import { eventRows } from '../../src/renderer/src/lib/eventRows';
import { coverage } from '../../src/renderer/src/lib/coverage';
import { explainClaim } from '../../src/renderer/src/lib/claims';
import { sourceLabels } from '../../src/renderer/src/lib/sourceLabel';

/** A source made of paragraphs of our own words, one per line pair. */
function source(label: string, paragraphs: readonly string[]): SourceDocument {
  let text = '';
  const blocks = paragraphs.map((paragraph) => {
    const start = text.length;
    text += `${paragraph}\n\n`;
    return { start, end: start + paragraph.length, kind: 'body' as const };
  });
  return { path: `/x/${label}.txt`, label, title: label, text, paragraphs: blocks, hash: label };
}

// Three reports of a ferry delayed by fog. A and B share "fog" and "count"; B and C share "harbour";
// each has a paragraph of its own.
const a = source('A', ['Fog closed the strait at dawn.', 'Only A: the mayor spoke.', 'Ninety passengers waited, the port said.']);
const b = source('B', ['Only B: a gull landed.', 'Fog shut the strait early.', 'The harbour reopened at noon.', 'Nine hundred passengers waited, the port claimed.']);
const c = source('C', ['The harbour opened again at midday.', 'Only C: tea was served.', 'Only C: then soup.']);
const comparison: Comparison = {
  schema: 'parallax.comparison/1',
  documents: [a, b, c],
  groups: [
    { id: 'fog', members: [{ doc: 0, paragraphs: [0] }, { doc: 1, paragraphs: [1] }], score: 0.8 },
    { id: 'count', members: [{ doc: 0, paragraphs: [2] }, { doc: 1, paragraphs: [3] }], score: 0.7 },
    { id: 'harbour', members: [{ doc: 1, paragraphs: [2] }, { doc: 2, paragraphs: [0] }], score: 0.7 },
  ],
  differences: [
    {
      group: 'count',
      kind: 'attribution',
      spans: [{ doc: 1, start: b.paragraphs[3]!.start + 37, end: b.paragraphs[3]!.start + 44 }],
      rule: 'set-contrast',
      sides: [
        { doc: 0, part: 'has', terms: [{ text: 'said', set: 'reporting-verbs', tone: 'neutral' }] },
        { doc: 1, part: 'has', terms: [{ text: 'claimed', set: 'reporting-verbs', tone: 'doubt' }] },
      ],
      set: { id: 'reporting-verbs', name: 'Reporting verbs' },
    },
    { group: 'fog', kind: 'wording', spans: [{ doc: 0, start: 4, end: 10 }, { doc: 1, start: b.paragraphs[1]!.start + 4, end: b.paragraphs[1]!.start + 8 }] },
    // Saved before differences carried their rule: its note stands for it.
    { group: 'count', kind: 'figure', spans: [{ doc: 1, start: b.paragraphs[3]!.start, end: b.paragraphs[3]!.start + 12 }], note: '90 → 900' },
    { group: '', kind: 'omission', spans: [{ doc: 2, start: c.paragraphs[1]!.start, end: c.paragraphs[1]!.end }] },
  ],
  unique: [
    { doc: 0, paragraph: 1 },
    { doc: 1, paragraph: 0 },
    { doc: 2, paragraph: 1 },
    { doc: 2, paragraph: 2 },
  ],
};

describe('the event rows', () => {
  const rows = eventRows(comparison, indexComparison(comparison));

  it('follow the first source, slot later sources in before the next row they share, and join runs of one source', () => {
    // C's paragraphs of its own follow nothing it shares with A or B, so they come last.
    expect(rows.map((row) => row.key)).toEqual(['u:1:0', 'g:fog', 'u:0:1', 'g:harbour', 'g:count', 'u:2:1']);
    // C's two paragraphs of its own are one row; its other cells are empty.
    expect(rows[5]!.cells).toEqual([[], [], [1, 2]]);
    expect(rows[1]!.cells).toEqual([[0], [1], []]);
  });

  it('give the coverage of each source: its words, its shade against the longest, and its differences beyond wording', () => {
    const cells = coverage(comparison, rows);
    const count = cells[4]!;
    expect(count.map((cell) => cell.words)).toEqual([6, 7, 0]);
    expect(count.map((cell) => cell.level)).toEqual([4, 4, 0]);
    expect(count.map((cell) => cell.differs)).toEqual([0, 2, 0]);
    // Wording is not counted.
    expect(cells[1]!.map((cell) => cell.differs)).toEqual([0, 0, 0]);
  });

  it('order the differences by row, leave whole paragraphs of one source out, and filter and step through them', () => {
    const entries = differenceEntries(comparison, rows);
    expect(entries.map((entry) => entry.index)).toEqual([1, 2, 0]);
    expect(entries[1]!.excerpts).toEqual([{ doc: 1, text: 'Nine hundred' }]);
    expect(filterEntries(entries, { ...NO_FILTER, hiddenKinds: ['wording'] }).map((e) => e.index)).toEqual([2, 0]);
    expect(filterEntries(entries, { ...NO_FILTER, source: 0 }).map((e) => e.index)).toEqual([1]);
    expect(filterEntries(entries, { ...NO_FILTER, query: 'CLAIMED said' }).map((e) => e.index)).toEqual([0]);
    const shown = filterEntries(entries, { ...NO_FILTER, hiddenKinds: ['figure'] });
    expect(stepThrough(entries, shown, null, 1)?.index).toBe(1);
    expect(stepThrough(entries, shown, 0, 1)?.index).toBe(1); // wraps round
    expect(stepThrough(entries, shown, null, -1)?.index).toBe(0);
    // The active one filtered out: on from where it stands.
    expect(stepThrough(entries, shown, 2, 1)?.index).toBe(0);
    expect(stepThrough(entries, shown, 2, -1)?.index).toBe(1);
    expect(stepThrough(entries, [], null, 1)).toBeUndefined();
  });

  it('describe each difference in words, naming the sources, and fall back on the note of an older comparison', () => {
    const entries = differenceEntries(comparison, rows);
    expect(entries.find((entry) => entry.index === 0)!.description).toBe('said (neutral) → claimed (doubt) · Reporting verbs');
    expect(entries.find((entry) => entry.index === 2)!.description).toBe('90 → 900');
    expect(entries.find((entry) => entry.index === 1)!.description).toBe('');
  });

  it('search what blind mode shows: a source’s hidden name finds nothing, in a description or an older note', () => {
    const outlets = ['Kestrel Times', 'Orbis Daily', 'Wyck Observer'];
    const named: Comparison = {
      ...comparison,
      documents: comparison.documents.map((doc, i) => ({ ...doc, label: outlets[i]!, title: outlets[i]! })),
      differences: [
        {
          ...comparison.differences[0]!,
          rule: 'credit-one-side',
          sides: [
            { doc: 1, part: 'has', terms: [{ text: 'the port', set: 'sourcing' }] },
            { doc: 0, part: 'lacks', terms: [] },
          ],
        },
        { ...comparison.differences[2]!, note: 'Orbis Daily says 900; Kestrel Times says 90' },
      ],
    };
    const entries = (hidden: boolean) =>
      differenceEntries(named, eventRows(named, indexComparison(named)), sourceLabels(named.documents, hidden).describe).sort((x, y) => x.index - y.index);
    const search = (hidden: boolean, query: string) => filterEntries(entries(hidden), { ...NO_FILTER, query });
    expect(entries(true).map((entry) => entry.description)).toEqual([
      'Source B credits a source (“the port …”); Source A states it without one',
      'Source B says 900; Source A says 90',
    ]);
    expect(entries(false)[0]!.description).toBe('Orbis Daily credits a source (“the port …”); Kestrel Times states it without one');
    expect(search(true, 'credits')).toHaveLength(1);
    expect(search(true, 'Orbis')).toHaveLength(0);
    expect(search(true, 'Kestrel')).toHaveLength(0);
    expect(search(true, 'Source B credits')).toHaveLength(1);
    expect(search(true, 'Source B says')).toHaveLength(1);
    expect(search(false, 'Orbis')).toHaveLength(2);
  });
});

describe('a claims row in words', () => {
  const labelOf = (doc: number) => ['A', 'B', 'C'][doc]!;
  it('says how far out of line a flagged figure is', () => {
    const table = {
      group: 'g',
      quantity: 'killed',
      rows: [
        { doc: 0, paragraph: 0, value: 46_500, text: '46,500', start: 0, end: 6, outlier: false },
        { doc: 1, paragraph: 0, value: 445_581, text: '445,581', start: 0, end: 7, outlier: true },
        { doc: 2, paragraph: 0, value: 31_923, text: '31,923', start: 0, end: 6, outlier: false },
      ],
    };
    expect(explainClaim(table, labelOf)).toBe('B’s 445,581 is about 11 times the others’ median (39,212): check it against the source it credits.');
  });
  it('gives the range when none is flagged, or says they agree', () => {
    const row = (doc: number, value: number) => ({ doc, paragraph: 0, value, text: String(value), start: 0, end: 1, outlier: false });
    expect(explainClaim({ group: 'g', quantity: 'x', rows: [row(0, 100), row(1, 130)] }, labelOf)).toMatch(/^From 100 to 130/);
    expect(explainClaim({ group: 'g', quantity: 'x', rows: [row(0, 7), row(1, 7)] }, labelOf)).toBe('Every source gives 7.');
    expect(explainClaim({ group: 'g', quantity: 'x', rows: [row(0, 7), row(1, 7)] }, labelOf, 2)).toBe('Every source gives 7.');
  });
  it('does not say "every source" when some sources of the comparison give no figure', () => {
    const row = (doc: number, value: number) => ({ doc, paragraph: 0, value, text: String(value), start: 0, end: 1, outlier: false });
    expect(explainClaim({ group: 'g', quantity: 'x', rows: [row(0, 7), row(2, 7)] }, labelOf, 4)).toBe(`${labelOf(0)} and ${labelOf(2)} give 7; the other sources give no figure for it here.`);
    expect(explainClaim({ group: 'g', quantity: 'x', rows: [row(0, 7), row(1, 7), row(3, 7)] }, labelOf, 4)).toBe(`${labelOf(0)}, ${labelOf(1)} and ${labelOf(3)} give 7; the other source gives no figure for it here.`);
    // Twelve of twenty: five named, the rest counted, so the row head stays short.
    const twelve = Array.from({ length: 12 }, (_v, i) => row(i, 7));
    expect(explainClaim({ group: 'g', quantity: 'x', rows: twelve }, (doc) => `S${doc}`, 20)).toBe('S0, S1, S2, S3, S4 and 7 others give 7; the other sources give no figure for it here.');
  });
  it('says that a figure written in another unit is the same, not a range', () => {
    const metres = { doc: 0, paragraph: 0, value: 60, text: '60 metres', start: 0, end: 9, outlier: false };
    const feet = { doc: 1, paragraph: 0, value: 61, text: '200 feet', start: 0, end: 8, outlier: false, unit: 'foot', boundText: 'Nearly' };
    expect(explainClaim({ group: 'g', quantity: 'metre', rows: [metres, feet] }, labelOf)).toBe(`Every source gives 60. ${labelOf(1)} writes “nearly 200 feet”: the same in another unit.`);
    // Further apart than the conversion's rounding, it is a range again.
    expect(explainClaim({ group: 'g', quantity: 'metre', rows: [metres, { ...feet, value: 91, text: '300 feet' }] }, labelOf)).toMatch(/^From 60 to 91/);
  });
});
