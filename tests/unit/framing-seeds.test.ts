import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison, Difference, DifferenceKind, SourceDocument } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon, SAMPLES_DIR, seedDocument } from '../support/seeds.js';

/**
 * The issue's checks on the seed articles: how 000 and 004 differ, the death tolls of all five in
 * one claims table with 445,581 flagged, and no difference ever inside page junk.
 */
const numbers = ['000', '001', '002', '003', '004'] as const;
const seeds = numbers.map(seedDocument);
const lexicon = defaultLexicon();

function samples(): SourceDocument[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
}

const textOf = (comparison: Comparison, span: { doc: number; start: number; end: number }): string => comparison.documents[span.doc]!.text.slice(span.start, span.end);

/** A difference of `kind` with a span in document `doc` containing each phrase of `phrases`. */
function find(comparison: Comparison, kind: DifferenceKind, wants: readonly [doc: number, phrase: string][]): Difference | undefined {
  return comparison.differences.find(
    (difference) => difference.kind === kind && wants.every(([doc, phrase]) => difference.spans.some((span) => span.doc === doc && textOf(comparison, span).includes(phrase))),
  );
}

function shown(comparison: Comparison, kind: DifferenceKind): string {
  return comparison.differences
    .filter((difference) => difference.kind === kind)
    .map((difference) => `${difference.spans.map((span) => `${span.doc}:“${textOf(comparison, span)}”`).join(' ')} — ${said(comparison, difference)}`)
    .join('\n');
}

/** The issue's four differences between 000 and 004, for a comparison in which 000 is doc `a` and 004 is doc `b`. */
function checksOf000And004(comparison: () => Comparison, a: number, b: number): void {
  it('finds the ICC wording: “wanted by” against “faces accusations”, as a loaded term', () => {
    const found = find(comparison(), 'loaded-term', [
      [a, 'wanted by'],
      [b, 'faces accusations'],
    ]);
    expect(found, shown(comparison(), 'loaded-term')).toBeDefined();
  });

  it('finds “Hamas said” against “the group claimed” as an attribution and a label difference', () => {
    const attribution = find(comparison(), 'attribution', [
      [a, 'said'],
      [b, 'claimed'],
    ]);
    expect(attribution, shown(comparison(), 'attribution')).toBeDefined();
    expect(said(comparison(), attribution!)).toMatch(/doubt/);
    const label = find(comparison(), 'label', [
      [a, 'Hamas'],
      [b, 'the group'],
    ]);
    expect(label, shown(comparison(), 'label')).toBeDefined();
  });

  it('finds the quote “hell to pay” against the paraphrase “warned of severe consequences”', () => {
    const quote = find(comparison(), 'quote', [
      [a, 'hell to pay'],
      [b, 'severe consequences'],
    ]);
    expect(quote, shown(comparison(), 'quote')).toBeDefined();
    expect(said(comparison(), quote!)).toMatch(/paraphrased by/);
  });

  it('finds “the war” against “the ongoing conflict” as a loaded term', () => {
    expect(find(comparison(), 'loaded-term', [
      [a, 'war'],
      [b, 'conflict'],
    ]), shown(comparison(), 'loaded-term')).toBeDefined();
  });

  it('finds “has killed” against “has claimed over 46,500 lives” as a loaded term', () => {
    expect(find(comparison(), 'loaded-term', [
      [a, 'killed'],
      [b, 'claimed over 46,500 lives'],
    ]), shown(comparison(), 'loaded-term')).toBeDefined();
  });

  it('gives a valid comparison, every span inside its text and inside a paragraph of its group', () => {
    expect(checkComparison(JSON.parse(JSON.stringify(comparison())))).toEqual([]);
  });
}

/** No span of any difference lies, even in part, in a boilerplate or caption paragraph. */
function expectNothingInJunk(comparison: Comparison): void {
  const inJunk: string[] = [];
  for (const difference of comparison.differences) {
    for (const span of difference.spans) {
      const document = comparison.documents[span.doc]!;
      const junk = document.paragraphs.find((paragraph) => (paragraph.kind === 'boilerplate' || paragraph.kind === 'caption') && span.start < paragraph.end && paragraph.start < span.end);
      if (junk) inJunk.push(`${document.label}: ${difference.kind} “${textOf(comparison, span)}” in a ${junk.kind} paragraph`);
    }
  }
  expect(inJunk).toEqual([]);
}

describe('seeds 000 and 004 compared alone', () => {
  let cached: Comparison | undefined;
  const comparison = (): Comparison => (cached ??= compareDocuments([seeds[0]!, seeds[4]!], { lexicon }));
  checksOf000And004(comparison, 0, 1);

  it('analyses no boilerplate or caption', () => {
    expectNothingInJunk(comparison());
  });

  it('says a classified difference once per group, even where 004 prints a paragraph twice', () => {
    const c = comparison();
    const lines = c.differences.filter((d) => d.kind !== 'wording').map((d) => `${d.group} ${d.kind} ${said(c, d)}`);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line, i) => lines.indexOf(line) !== i)).toEqual([]);
    // 004's repeated paragraph hedges with “potential” twice: one difference, with both spans.
    const hedge = c.differences.find((d) => d.kind === 'hedge' && said(c, d).includes('“potential”'));
    expect(hedge?.spans.filter((span) => textOf(c, span) === 'potential')).toHaveLength(2);
  });
});

describe('all five seeds compared together', () => {
  let cached: Comparison | undefined;
  const comparison = (): Comparison => (cached ??= compareDocuments(seeds, { lexicon }));
  // The checks of 000 against 004 hold with the other three seeds in the comparison too.
  checksOf000And004(comparison, 0, 4);

  it('says a source goes uncredited only when the other member credits none anywhere in its paragraphs', () => {
    const c = comparison();
    const wrong: string[] = [];
    for (const difference of c.differences.filter((d) => said(c, d).includes('credits a source'))) {
      const silent = said(c, difference).split('; ')[1]!.split(' states it')[0]!;
      const doc = c.documents.findIndex((document) => document.label === silent);
      const group = c.groups.find((g) => g.id === difference.group);
      const member = group?.members.find((m) => m.doc === doc);
      const text = member?.paragraphs.map((p) => c.documents[doc]!.text.slice(c.documents[doc]!.paragraphs[p]!.start, c.documents[doc]!.paragraphs[p]!.end)).join(' ') ?? '';
      if (/according to|figures from/i.test(text)) wrong.push(`${difference.group}: ${said(c, difference)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('analyses no boilerplate or caption', () => {
    expectNothingInJunk(comparison());
  });

  it('marks no change of wording and no added clause inside a headline: headlines are written to their own length', () => {
    const c = comparison();
    const inHeadline = c.differences.filter(
      (d) =>
        (d.rule === 'wording' || d.rule === 'clause-one-side') &&
        d.spans.some((span) => c.documents[span.doc]!.paragraphs.some((p) => p.kind === 'title' && span.start >= p.start && span.end <= p.end)),
    );
    expect(inHeadline.map((d) => said(c, d))).toEqual([]);
  });

  it('puts the death tolls of all five in one claims table, with 445,581 flagged and the others not', () => {
    const tables = (comparison().summary?.claims ?? []).filter((table) => table.rows.some((row) => row.value === 445_581));
    expect(tables, JSON.stringify(comparison().summary?.claims)).toHaveLength(1);
    const table = tables[0]!;
    expect(table.quantity).toBe('killed');
    expect(table.rows.map((row) => row.doc).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const row of table.rows) {
      expect(row.outlier, `${numbers[row.doc]}: ${row.text}`).toBe(row.value === 445_581);
      expect(comparison().documents[row.doc]!.text.slice(row.start, row.end)).toBe(row.text.slice(0, row.end - row.start));
    }
    const values = Object.fromEntries(table.rows.map((row) => [numbers[row.doc], row.value]));
    expect(values).toEqual({ '000': 46_500, '001': 445_581, '002': 31_923, '003': 34_683, '004': 46_500 });
  });

  it('does not read the “States” of “United States” as a reporting verb', () => {
    const wrong = comparison().differences.filter((difference) => difference.kind === 'attribution' && difference.spans.some((span) => textOf(comparison(), span) === 'States'));
    expect(wrong.map((difference) => said(comparison(), difference))).toEqual([]);
  });

  it('says in the figure difference that 001’s 445,581 is far out of line', () => {
    const figure = find(comparison(), 'figure', [[1, '445,581']]);
    expect(figure, shown(comparison(), 'figure')).toBeDefined();
    const flag = said(comparison(), figure!).split(' — ')[1] ?? '';
    expect(flag).toMatch(/001's 445,581 is far out of line/);
    for (const other of ['000', '002', '003', '004']) expect(flag).not.toContain(`${other}'s`);
  });
});

describe('the bundled sample', () => {
  it('analyses no boilerplate or caption', () => {
    expectNothingInJunk(compareDocuments(samples(), { lexicon }));
  });
});
