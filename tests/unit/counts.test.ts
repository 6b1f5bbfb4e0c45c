import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/shared/core/compare.js';
import type { Comparison, Difference } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { countDifferences, isMarkedInText } from '../../src/shared/core/counts.js';
import { describeDifference, labelNamer, withDescriptions } from '../../src/shared/core/describe.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { describeCounts, formatComparison } from '../../src/shared/core/format.js';
import { comparisonReport } from '../../src/shared/notes/export/report.js';
import { compareArticles, ferry, listed } from '../support/articles.js';
import { defaultLexicon, SAMPLES_DIR } from '../support/seeds.js';

// Every output counts the same differences: the ones marked in the text. A paragraph only one
// source has is a property of the paragraph, counted apart (issue 12, "Counts disagree").
const documents = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
const comparison = compareDocuments(documents, { lexicon: defaultLexicon() });
const counts = countDifferences(comparison);

describe('isMarkedInText', () => {
  const span = { doc: 0, start: 0, end: 4 };
  const alone: Difference = { group: '', kind: 'loaded-term', spans: [span], rule: 'loaded-word-alone', sides: [{ doc: 0, part: 'has', terms: [{ text: 'slammed' }] }] };
  const paragraph: Difference = { group: '', kind: 'omission', spans: [span], rule: 'paragraph-one-side', sides: [{ doc: 0, part: 'has', terms: [] }, { doc: 1, part: 'lacks', terms: [] }] };

  it('marks and counts a loaded word in a paragraph only one source has, not the paragraph itself', () => {
    expect(isMarkedInText(alone)).toBe(true);
    expect(isMarkedInText(paragraph)).toBe(false);
    const counted = countDifferences({ differences: [alone, paragraph], unique: [{ doc: 0, paragraph: 2 }] });
    expect(counted).toEqual({ total: 1, byKind: { 'loaded-term': 1 }, classified: 1, onlyInOneSource: 1 });
    expect(countDifferences({ differences: [alone, paragraph], unique: [{ doc: 0, paragraph: 2 }] }, 1).total).toBe(0);
  });

  it('reads a comparison saved before rules were recorded as it did: a difference without a group is the paragraph', () => {
    expect(isMarkedInText({ group: '', kind: 'omission', spans: [span], note: 'Only in A' })).toBe(false);
    expect(isMarkedInText({ group: 'g1', kind: 'wording', spans: [span], note: 'said → claimed' })).toBe(true);
  });

  it('counts the loaded words in a paragraph only one source has, and the text output lists each', () => {
    const invented = compareArticles({ 'pier-post': ferry({}, ['Councillor Brannagh Lott slammed the harbour board on Friday for its shameful delays.']), 'island-times': ferry() });
    const marked = invented.differences.filter((d) => d.rule === 'loaded-word-alone');
    expect(marked.length, listed(invented.documents, invented.differences)).toBeGreaterThan(0);
    const inventedCounts = countDifferences(invented);
    expect(inventedCounts.byKind['loaded-term']).toBe(invented.differences.filter((d) => d.kind === 'loaded-term').length);
    const text = formatComparison(invented, { width: 200 });
    expect(text.split('\n')[0]).toContain(`${inventedCounts.total} difference`);
    for (const difference of marked) expect(text).toContain(describeDifference(difference, labelNamer(invented.documents)));
  });

  it('says "1 group", not "1 groups", in the text output and the HTML report', () => {
    const one = { ...comparison, groups: comparison.groups.slice(0, 1) };
    expect(formatComparison(one, { width: 200 }).split('\n')[0]).toMatch(/ · 1 group of aligned paragraphs · /);
    expect(formatComparison(comparison, { width: 200 }).split('\n')[0]).toMatch(/ · \d+ groups of aligned paragraphs · /);
    expect(comparisonReport({ id: 'c1', title: 'One group', comparison: one, notes: [] })).toContain(' · 1 group of aligned paragraphs · ');
  });
});

describe('countDifferences', () => {
  it('counts the differences marked in the text, and the paragraphs only one source has apart', () => {
    expect(counts.total).toBe(comparison.differences.filter((d) => d.rule !== 'paragraph-one-side').length);
    expect(counts.onlyInOneSource).toBe((comparison.unique ?? []).length);
    expect(Object.values(counts.byKind).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(counts.total);
    expect(counts.classified).toBe(counts.total - (counts.byKind.wording ?? 0));
    // The sample has paragraphs only one source has (the 2023 warning, the sirens): they are not in the total.
    expect(comparison.differences.some((d) => !isMarkedInText(d))).toBe(true);
  });

  it('is what the command line, the summary and the HTML report say', () => {
    const text = formatComparison(comparison, { width: 200 });
    expect(text.split('\n')[0]).toContain(describeCounts(counts));
    expect(text.split('\n')[0]).toContain(`${counts.total} differences`);
    // Each group's header counts its differences, and the paragraphs only one source has count the
    // loaded words marked in them; together they are the total.
    const perGroup = [...text.matchAll(/^(?:Group \d+ · .*|Only in one source .*) · (\d+) differences?$/gm)].map((m) => Number(m[1]));
    expect(perGroup.reduce((sum, n) => sum + n, 0)).toBe(counts.total);
    // Each source's counts in the summary are the counts of the differences that touch it.
    for (const source of comparison.summary!.sources) expect(source.counts).toEqual(countDifferences(comparison, source.doc).byKind);
    const html = comparisonReport({ id: 'c1', title: 'Sample', comparison, notes: [] });
    expect(html).toContain(describeCounts(counts));
  });

  it('is what the JSON of parallax compare --json counts, each difference with the description the others give', () => {
    const json = JSON.parse(JSON.stringify(withDescriptions(comparison))) as Comparison;
    expect(checkComparison(json)).toEqual([]);
    expect(countDifferences(json)).toEqual(counts);
    expect(json.differences).toHaveLength(comparison.differences.length);
    const nameOf = labelNamer(comparison.documents);
    json.differences.forEach((difference, i) => {
      expect(difference.rule, `difference ${i}`).toBeDefined();
      expect(difference.note, `difference ${i}`).toBe(difference.description);
      expect(difference.description).toBe(describeDifference(comparison.differences[i]!, nameOf));
      expect(difference.description, `difference ${i}`).not.toBe('');
    });
  });

  it('lists the same classified differences in the same words in the command line’s text, its JSON and the report', () => {
    // Every classified difference marked in the text, in words, in the comparison's order.
    const json = withDescriptions(comparison);
    const classified = json.differences.filter((d) => isMarkedInText(d) && d.kind !== 'wording').map((d) => `${d.kind}: ${d.description}`);
    expect(classified).toHaveLength(counts.classified);
    // The command line lists them under their groups, one line each when nothing is wrapped.
    const text = formatComparison(comparison, { width: 100_000 });
    const listed = [...text.matchAll(/^ {4}([a-z-]+) +(.+)$/gm)].filter((m) => m[1]! in counts.byKind).map((m) => `${m[1]}: ${m[2]}`);
    const spaced = (line: string): string => line.replace(/\s+/g, ' ').trim();
    expect(listed.map(spaced).sort()).toEqual(classified.map(spaced).sort());
    // The report lists them under their groups too, escaped for HTML.
    const html = comparisonReport({ id: 'c1', title: 'Sample', comparison, notes: [] });
    const unescape = (value: string): string => value.replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
    const items = [...html.matchAll(/<li><strong>[^<]+<\/strong>: ([^<]*)<\/li>/g)].map((m) => unescape(m[1]!));
    expect([...items].sort()).toEqual(json.differences.filter((d) => isMarkedInText(d) && d.kind !== 'wording').map((d) => d.description!).sort());
  });
});
