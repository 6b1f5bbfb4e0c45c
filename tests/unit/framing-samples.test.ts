import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_KINDS, type Comparison, type Difference, type DifferenceKind } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon, SAMPLES_DIR } from '../support/seeds.js';

/**
 * The four sample articles against the table in resources/samples/README.md: every kind of
 * difference occurs, and the ones the table names are found with their kind.
 */
const documents = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
const comparison: Comparison = compareDocuments(documents, { lexicon: defaultLexicon() });

const W = documents.findIndex((document) => document.label === 'Amberline Wire');
const L = documents.findIndex((document) => document.label === 'Harlowmere Lantern');
const D = documents.findIndex((document) => document.label === 'Quillon Dispatch');
const C = documents.findIndex((document) => document.label === 'Veskin Valley Courier');

const textOf = (span: { doc: number; start: number; end: number }): string => comparison.documents[span.doc]!.text.slice(span.start, span.end);

function find(kind: DifferenceKind, wants: readonly [doc: number, phrase: string][]): Difference | undefined {
  return comparison.differences.find(
    (difference) => difference.kind === kind && wants.every(([doc, phrase]) => difference.spans.some((span) => span.doc === doc && textOf(span).includes(phrase))),
  );
}

function shown(kind: DifferenceKind): string {
  return comparison.differences
    .filter((difference) => difference.kind === kind)
    .map((difference) => `${difference.spans.map((span) => `${documents[span.doc]!.label}:“${textOf(span).slice(0, 60)}”`).join(' ')} — ${said(comparison, difference)}`)
    .join('\n');
}

describe('the sample articles', () => {
  it('are the four outlets of the README, compared validly', () => {
    expect([W, L, D, C].every((doc) => doc >= 0)).toBe(true);
    expect(checkComparison(JSON.parse(JSON.stringify(comparison)))).toEqual([]);
  });

  it('show every kind of difference', () => {
    const kinds = new Set(comparison.differences.map((difference) => difference.kind));
    expect([...DIFFERENCE_KINDS].filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  describe('attribution', () => {
    it('the mayor “claimed” (Wire) against “said” (Courier)', () => {
      const found = find('attribution', [
        [W, 'claimed'],
        [C, 'said'],
      ]);
      expect(found, shown('attribution')).toBeDefined();
      expect(said(comparison, found!)).toMatch(/doubt/);
    });

    it('the mayor “insisted” (Dispatch) against “said” (Courier)', () => {
      expect(find('attribution', [
        [D, 'insisted'],
        [C, 'said'],
      ]), shown('attribution')).toBeDefined();
    });

    it('the company “maintained” (Wire) against “said” (Courier)', () => {
      expect(find('attribution', [
        [W, 'maintained'],
        [C, 'said'],
      ]), shown('attribution')).toBeDefined();
    });

    it('the river rise credited to the emergency office (“according to”) where the Dispatch gives no source', () => {
      const found = find('attribution', [[C, 'According to']]);
      expect(found, shown('attribution')).toBeDefined();
    });
  });

  describe('loaded terms', () => {
    it('“rioters” (Wire) against “protesters” (Courier) and “demonstrators” (Lantern)', () => {
      expect(find('loaded-term', [
        [W, 'rioters'],
        [C, 'protesters'],
      ]), shown('loaded-term')).toBeDefined();
      expect(find('loaded-term', [
        [W, 'rioters'],
        [L, 'demonstrators'],
      ]), shown('loaded-term')).toBeDefined();
    });

    it('“disaster” against “catastrophe” and “accident” in the company paragraph', () => {
      expect(find('loaded-term', [
        [C, 'disaster'],
        [D, 'catastrophe'],
      ]) ?? find('loaded-term', [
        [W, 'disaster'],
        [D, 'catastrophe'],
      ]), shown('loaded-term')).toBeDefined();
      expect(find('loaded-term', [
        [L, 'accident'],
        [D, 'catastrophe'],
      ]), shown('loaded-term')).toBeDefined();
    });

    it('“died” (Courier) against “killed” (Wire) in the lede', () => {
      expect(find('loaded-term', [
        [W, 'killed'],
        [C, 'died'],
      ]), shown('loaded-term')).toBeDefined();
    });
  });

  describe('figures', () => {
    it('flag the Wire’s death toll of 140 as an outlier in a claims table, and none of 14, 14 and 11', () => {
      const tables = (comparison.summary?.claims ?? []).filter((table) => table.rows.some((row) => row.doc === W && row.value === 140));
      expect(tables.length, JSON.stringify(comparison.summary?.claims)).toBeGreaterThan(0);
      const table = tables.find((t) => t.rows.length === 4) ?? tables[0]!;
      for (const row of table.rows) expect(row.outlier, `${documents[row.doc]!.label}: ${row.text}`).toBe(row.doc === W);
      expect(table.rows.filter((row) => row.doc !== W).map((row) => row.value).sort((x, y) => x - y)).toEqual(table.rows.length === 4 ? [11, 14, 14] : [14, 14]);
    });

    it('say in the note that 140 is far out of line', () => {
      const found = find('figure', [[W, '140']]);
      expect(found, shown('figure')).toBeDefined();
      expect(said(comparison, found!)).toMatch(/Amberline Wire's 140 is far out of line/);
    });

    it('do not report nine missing, 3,200, 40,000 or 1961, the same in all four', () => {
      const same = comparison.differences.filter((difference) => difference.kind === 'figure' && difference.spans.some((span) => /^(3,200|40,000|1961|nine)$/.test(textOf(span))));
      expect(same.map((difference) => said(comparison, difference))).toEqual([]);
    });
  });

  describe('quotes', () => {
    it('the Dispatch quotes the mayor where the others paraphrase her', () => {
      const found = find('quote', [
        [D, 'Nobody told us the reservoir was that full'],
        [C, 'close to its limit'],
      ]);
      expect(found, shown('quote')).toBeDefined();
      expect(said(comparison, found!)).toMatch(/paraphrased by .*Veskin Valley Courier/);
    });
  });

  describe('hedges', () => {
    it('“may have weakened” (Courier) against the Dispatch’s plain “weakened”', () => {
      const found = comparison.differences.find((difference) => difference.kind === 'hedge' && difference.spans.some((span) => span.doc === C && textOf(span) === 'may'));
      expect(found, shown('hedge')).toBeDefined();
    });

    it('“reportedly weakened” (Wire) as a hedge', () => {
      expect(find('hedge', [[W, 'reportedly']]), shown('hedge')).toBeDefined();
    });

    it('“allegedly postponed” (Courier) against the Dispatch’s “postponed” as a hedge', () => {
      expect(find('hedge', [[C, 'allegedly']]), shown('hedge')).toBeDefined();
    });
  });

  describe('labels', () => {
    it('“The embattled utility” (Dispatch) against “The operator” (Courier)', () => {
      expect(find('label', [
        [D, 'embattled utility'],
        [C, 'operator'],
      ]), shown('label')).toBeDefined();
    });

    it('“the dam’s owner” (Lantern) against “the company” in the mayor paragraph', () => {
      expect(find('label', [
        [L, "the dam's owner"],
        [C, 'the company'],
      ]), shown('label')).toBeDefined();
    });
  });

  describe('omissions', () => {
    it('the 2023 inspection paragraph, which only the Courier has', () => {
      const found = find('omission', [[C, 'inspection report published in 2023']]);
      expect(found, shown('omission')).toBeDefined();
      expect(found!.group).toBe('');
      expect(said(comparison, found!)).toMatch(/Only Veskin Valley Courier/);
    });

    it('the sirens paragraph, which only the Lantern has', () => {
      expect(find('omission', [[L, 'warning sirens']]), shown('omission')).toBeDefined();
    });

    it('the postponed repairs, which the Wire and the Lantern leave out', () => {
      const doc = C;
      const paragraph = documents[doc]!.paragraphs.findIndex((p) => documents[doc]!.text.slice(p.start, p.end).includes('postponed repairs to the spillway gates'));
      const group = comparison.groups.find((g) => g.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)));
      expect(group?.members.map((member) => member.doc).sort()).toEqual([C, D].sort());
      for (const leaving of [W, L]) expect(comparison.summary?.sources[leaving]?.omits).toContain(group!.id);
    });
  });

  it('show wording differences too', () => {
    expect(comparison.differences.some((difference) => difference.kind === 'wording')).toBe(true);
  });
});
