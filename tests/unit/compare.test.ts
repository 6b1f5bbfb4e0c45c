import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison, SourceDocument } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { formatComparison } from '../../src/shared/core/format.js';
import { defaultLexicon, paragraphWith, SAMPLES_DIR, seedDocument } from '../support/seeds.js';
import { said } from '../support/describe.js';

function samples(): SourceDocument[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
}

/** The group holding a paragraph, or undefined. */
function groupOf(comparison: Comparison, doc: number, paragraph: number) {
  return comparison.groups.find((group) => group.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)));
}

/** Groups as sets of "path#paragraph", independent of document order and ids. */
function groupSets(comparison: Comparison): string[] {
  return comparison.groups
    .map((group) =>
      group.members
        .flatMap((member) => member.paragraphs.map((p) => `${comparison.documents[member.doc]!.path}#${p}`))
        .sort()
        .join(' | '),
    )
    .sort();
}

const seeds = ['000', '001', '002', '003', '004'];

describe('compareDocuments on the seeds', () => {
  const documents = seeds.map(seedDocument);
  const comparison = compareDocuments(documents);
  const [s000, , , , s004] = documents as [SourceDocument, SourceDocument, SourceDocument, SourceDocument, SourceDocument];

  it('gives valid contract output', () => {
    expect(comparison.schema).toBe('parallax.comparison/1');
    expect(checkComparison(JSON.parse(JSON.stringify(comparison)))).toEqual([]);
    expect(comparison.groups.length).toBeGreaterThan(3);
    expect(comparison.differences.length).toBeGreaterThan(10);
  });

  it('groups the ICC paragraphs of 000 and 004', () => {
    const group = groupOf(comparison, 0, paragraphWith(s000, 'wanted by the International Criminal Court'));
    expect(group).toBeDefined();
    expect(group!.members.find((member) => member.doc === 4)?.paragraphs).toContain(paragraphWith(s004, 'faces accusations of war crimes'));
  });

  it('groups the death-toll paragraphs of 000 and 004', () => {
    const group = groupOf(comparison, 0, paragraphWith(s000, 'has killed over 46,500'));
    expect(group?.members.find((member) => member.doc === 4)?.paragraphs).toContain(paragraphWith(s004, 'has claimed over 46,500'));
  });

  it('groups every body paragraph of 004 with a paragraph of 000', () => {
    s004.paragraphs.forEach((paragraph, index) => {
      if (paragraph.kind !== 'body') return;
      const group = groupOf(comparison, 4, index);
      expect(group?.members.some((member) => member.doc === 0), `004 ¶${index + 1}`).toBe(true);
    });
  });

  it('groups no boilerplate or caption', () => {
    for (const group of comparison.groups) {
      for (const member of group.members) {
        for (const p of member.paragraphs) expect(['title', 'heading', 'body']).toContain(documents[member.doc]!.paragraphs[p]!.kind);
      }
    }
  });

  it('finds "Hamas said" against "the group claimed" as an attribution and a label difference', () => {
    const analysed = compareDocuments(documents, { lexicon: defaultLexicon() });
    const group = groupOf(analysed, 0, paragraphWith(s000, 'Hamas said came in response'))!;
    const found = analysed.differences.filter((difference) => difference.group === group.id);
    expect(found.some((d) => d.kind === 'attribution' && /said.*→.*claimed/.test(said(analysed, d)))).toBe(true);
    expect(found.some((d) => d.kind === 'label' && /Hamas/.test(said(analysed, d)) && /the group/.test(said(analysed, d)))).toBe(true);
  });

  it('gives the same groups whatever the order of the documents', () => {
    const reversed = compareDocuments([...documents].reverse());
    expect(groupSets(reversed)).toEqual(groupSets(comparison));
  });

  it('gives the same output for the same input', () => {
    expect(JSON.stringify(compareDocuments(documents))).toBe(JSON.stringify(comparison));
  });
});

describe('compareDocuments on the bundled sample', () => {
  const documents = samples();
  const comparison = compareDocuments(documents);
  const at = (label: string, needle: string): [number, number] => {
    const doc = documents.findIndex((document) => document.label === label);
    return [doc, paragraphWith(documents[doc]!, needle)];
  };

  it('has four sources', () => {
    expect(documents.map((document) => document.label)).toEqual(['Amberline Wire', 'Harlowmere Lantern', 'Quillon Dispatch', 'Veskin Valley Courier']);
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('aligns the mayor paragraphs of all four, though told in another order', () => {
    const group = groupOf(comparison, ...at('Veskin Valley Courier', 'Mayor Orla Fennimore-Quist said'));
    expect(group?.members.map((member) => member.doc)).toEqual([0, 1, 2, 3]);
    const dispatch = at('Quillon Dispatch', 'Nobody told us');
    expect(group?.members.find((member) => member.doc === dispatch[0])?.paragraphs).toEqual([dispatch[1]]);
  });

  it('leaves the paragraphs only one source has in no group', () => {
    expect(groupOf(comparison, ...at('Veskin Valley Courier', 'inspection report published in 2023'))).toBeUndefined();
    expect(groupOf(comparison, ...at('Harlowmere Lantern', 'warning sirens'))).toBeUndefined();
  });

  it('finds the changed attribution verb and the loaded terms', () => {
    const analysed = compareDocuments(documents, { lexicon: defaultLexicon() });
    const notes = analysed.differences.map((difference) => said(analysed, difference));
    expect(notes.some((note) => note.includes('claimed') && note.includes('said'))).toBe(true);
    expect(notes.some((note) => note.includes('rioters') && note.includes('protesters'))).toBe(true);
  });

  it('sets the water and the gap each source measures in its own units side by side, as the same figures', () => {
    const analysed = compareDocuments(documents, { lexicon: defaultLexicon() });
    const tables = analysed.summary?.claims ?? [];
    const water = tables.find((table) => table.quantity === 'cubic metre');
    // "2.4 billion litres" (two sources) and "2.4 million cubic metres" (two): one row, one value.
    expect(water?.rows.map((row) => [row.text, row.value, row.unit])).toEqual([
      ['2.4 billion litres', 2_400_000, 'litre'],
      ['2.4 billion litres', 2_400_000, 'litre'],
      ['2.4 million cubic metres', 2_400_000, undefined],
      ['2.4 million cubic metres', 2_400_000, undefined],
    ]);
    expect(tables.some((table) => table.quantity === 'litre')).toBe(false);
    const gap = tables.find((table) => table.quantity === 'metre' && table.rows.some((row) => row.unit === 'foot'));
    expect(gap?.rows.map((row) => row.text)).toEqual(['200 feet', '60 metres', '60-metre', '60 metres']);
    // Each with the words that bound it, as the source wrote them.
    expect(gap?.rows.map((row) => row.boundText)).toEqual(['nearly', 'about', undefined, 'roughly']);
    // "3,200 people" and "3,200 residents" are one count of people.
    const moved = tables.filter((table) => table.rows.some((row) => row.value === 3200));
    expect(moved.map((table) => [table.quantity, table.rows.map((row) => row.text)])).toEqual([['people', ['3,200 people', '3,200 people', '3,200 residents', '3,200 residents']]]);
    // Neither is a figure that differs, in the differences or in the text output.
    expect(analysed.differences.filter((d) => d.kind === 'figure').map((d) => d.evidence?.quantity)).toEqual(['killed']);
    const text = formatComparison(analysed, { width: 200 });
    expect(text.slice(text.indexOf('Figures that differ'))).not.toMatch(/metre/);
  });
});

describe('compareDocuments edge cases', () => {
  it('aligns a document with a copy of itself paragraph by paragraph, with no differences', () => {
    const original = seedDocument('000');
    const copy = makeSourceDocument({ path: '/elsewhere/copy.txt', text: original.text });
    const comparison = compareDocuments([original, copy]);
    const aligned = original.paragraphs.flatMap((paragraph, index) => (['title', 'heading', 'body'].includes(paragraph.kind) ? [index] : []));
    for (const index of aligned) {
      const group = groupOf(comparison, 0, index);
      expect(group?.members.find((member) => member.doc === 1)?.paragraphs).toContain(index);
    }
    expect(comparison.differences).toEqual([]);
  });

  it("counts in each source's summary only the verbs of saying the analysis reads as someone saying", () => {
    const a = makeSourceDocument({
      path: 'a.txt',
      text: 'Clerk admits theft\n\nThe clerk, known for bringing injury claims, pleaded guilty on Friday, and her lawyer claimed she was unwell.',
    });
    const b = makeSourceDocument({ path: 'b.txt', text: 'Clerk denies theft\n\nThe clerk admitted the theft on Friday, and her lawyer said she was unwell.' });
    const comparison = compareDocuments([a, b], { lexicon: defaultLexicon() });
    const verbs = comparison.summary?.sources.map((source) => source.attribution.map((entry) => entry.term));
    // "admits" and "denies" in the headlines and "claimed" are someone saying ("denies theft" is no
    // noun: "denies" never is); "injury claims" is a noun and "pleaded guilty" a plea.
    expect(verbs).toEqual([
      ['admits', 'claimed'],
      ['admitted', 'denies', 'said'],
    ]);
  });

  it('sets the same share side by side in the claims table where each source gives it, whichever it names first, and still sets two shares that differ', () => {
    const poll = (first: string, second: string): string =>
      `Poll puts Veld ahead\n\nIn the poll of likely voters, ${first}, and ${second}, a survey released on Monday found.`;
    const a = makeSourceDocument({ path: 'a.txt', text: poll('Ana Veld leads with 31 percent of likely voters', 'Tom Rusk follows at 24 percent') });
    const b = makeSourceDocument({ path: 'b.txt', text: poll('Tom Rusk is second at 24 percent of likely voters', 'Ana Veld leads at 31 percent') });
    const c = makeSourceDocument({ path: 'c.txt', text: poll('Ana Veld leads with 28 percent of likely voters', 'Tom Rusk follows at 22 percent') });
    const shares = (comparison: Comparison) => (comparison.summary?.claims ?? []).filter((table) => table.quantity === 'percent');
    expect(shares(compareDocuments([a, b], { lexicon: defaultLexicon() })).map((table) => table.rows.map((row) => row.value))).toEqual([[31, 31]]);
    expect(shares(compareDocuments([a, c], { lexicon: defaultLexicon() })).map((table) => table.rows.map((row) => row.value))).toEqual([[31, 28]]);
    // One source giving the other's sum for something else besides its own still differs.
    const deal = (what: string): string => `Team signs forward

The team signed the forward Eli Brand ${what} in the off-season, the club said on Monday.`;
    const e = makeSourceDocument({ path: 'e.txt', text: deal('to a five-year, $80 million contract') });
    const f = makeSourceDocument({ path: 'f.txt', text: deal('to an $82 million deal and kept the guard Ned Ives for $80 million') });
    const sums = (compareDocuments([e, f], { lexicon: defaultLexicon() }).summary?.claims ?? []).filter((table) => table.quantity === 'dollar');
    expect(sums.map((table) => table.rows.map((row) => row.value))).toEqual([[80_000_000, 82_000_000]]);
  });

  it('gives no groups for unrelated texts, and copes with empty ones', () => {
    const a = makeSourceDocument({ path: 'a.txt', text: 'Cats\n\nThe cat sat on the warm mat all afternoon.' });
    const b = makeSourceDocument({ path: 'b.txt', text: 'Budget\n\nParliament approved the spending plan for railways.' });
    const empty = makeSourceDocument({ path: 'c.txt', text: '' });
    const comparison = compareDocuments([a, b, empty]);
    expect(comparison.groups).toEqual([]);
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('reports a pair that needs more word edits than allowed as one coarse difference that says so, every time', () => {
    const words = (seed: number) => Array.from({ length: 400 }, (_v, i) => `w${(i * seed) % 397}`).join(' ');
    const shared = 'river flood dam town mayor ';
    const a = makeSourceDocument({ path: 'a.txt', text: `Title one\n\n${shared.repeat(20)}${words(7)}.` });
    const b = makeSourceDocument({ path: 'b.txt', text: `Title two\n\n${shared.repeat(20)}${words(13)}.` });
    const coarse = (limit: number) => compareDocuments([a, b], { diffMaxEditLength: limit }).differences.filter((d) => d.tooLong);
    expect(coarse(50)).toHaveLength(1);
    expect(coarse(50)[0]!.rule).toBe('too-long');
    expect(said({ documents: [a, b] }, coarse(50)[0]!)).toMatch(/^Too different to compare word by word/);
    expect(JSON.stringify(coarse(50))).toBe(JSON.stringify(coarse(50)));
    expect(coarse(100_000)).toHaveLength(0);
  });

  it('reports a pair it cannot diff in time as one coarse difference that says so', () => {
    const words = (seed: number) => Array.from({ length: 3000 }, (_v, i) => `w${(i * seed) % 997}`).join(' ');
    const shared = 'river flood dam town mayor ';
    const a = makeSourceDocument({ path: 'a.txt', text: `Title one\n\n${shared.repeat(50)}${words(7)}.` });
    const b = makeSourceDocument({ path: 'b.txt', text: `Title two\n\n${shared.repeat(50)}${words(13)}.` });
    const comparison = compareDocuments([a, b], { diffTimeoutMs: 0 });
    expect(comparison.groups.length).toBeGreaterThan(0);
    expect(comparison.differences.some((difference) => difference.tooLong && said(comparison, difference).startsWith('Too different'))).toBe(true);
    expect(comparison.notices).toEqual([expect.stringMatching(/too long or too different to compare word by word in time/)]);
  });
});
