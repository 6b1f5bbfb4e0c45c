import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { countDifferences, isMarkedInText } from '../../src/shared/core/counts.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { describeCounts, formatComparison } from '../../src/shared/core/format.js';
import { comparisonReport } from '../../src/shared/notes/export/report.js';
import { defaultLexicon, SAMPLES_DIR } from '../support/seeds.js';

// Every output counts the same differences: the ones marked in the text. A paragraph only one
// source has is a property of the paragraph, counted apart (issue 12, "Counts disagree").
const documents = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
const comparison = compareDocuments(documents, { lexicon: defaultLexicon() });
const counts = countDifferences(comparison);

describe('countDifferences', () => {
  it('counts the differences marked in the text, and the paragraphs only one source has apart', () => {
    expect(counts.total).toBe(comparison.differences.filter((d) => d.group !== '').length);
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
    // Each group's header counts its differences; together they are the total.
    const perGroup = [...text.matchAll(/^Group \d+ · .* · (\d+) differences?$/gm)].map((m) => Number(m[1]));
    expect(perGroup.reduce((sum, n) => sum + n, 0)).toBe(counts.total);
    // Each source's counts in the summary are the counts of the differences that touch it.
    for (const source of comparison.summary!.sources) expect(source.counts).toEqual(countDifferences(comparison, source.doc).byKind);
    const html = comparisonReport({ id: 'c1', title: 'Sample', comparison, notes: [] });
    expect(html).toContain(describeCounts(counts));
  });
});
