import type { Comparison, Difference, DifferenceKind } from '../contract/comparison.js';

/**
 * How Parallax counts differences, in one place for the command line, the app, the HTML report and
 * the exports: the differences marked in the text, that is every difference but a whole paragraph
 * only one source has. That paragraph is a property of the paragraph (tagged "Only in this source",
 * a row of its own in the event view), counted apart as `onlyInOneSource`; the loaded words in it
 * are marked, and counted.
 */
export interface DifferenceCounts {
  /** Differences marked in the text. */
  readonly total: number;
  /** Of them, by kind. */
  readonly byKind: Readonly<Partial<Record<DifferenceKind, number>>>;
  /** Of them, the classified ones (every kind but plain wording). */
  readonly classified: number;
  /** Paragraphs only one source has. */
  readonly onlyInOneSource: number;
}

/**
 * Whether a difference is marked in the text: every difference but a whole paragraph only one
 * source has (`paragraph-one-side`; in a comparison saved before rules were recorded, a difference
 * without a rule or a group). A loaded word in such a paragraph (`loaded-word-alone`) is marked.
 */
export function isMarkedInText(difference: Difference): boolean {
  if (difference.rule === 'paragraph-one-side') return false;
  return difference.rule !== undefined || difference.group !== '';
}

/** The counts of a comparison's differences (see DifferenceCounts), optionally for one source. */
export function countDifferences(comparison: Pick<Comparison, 'differences' | 'unique'>, doc?: number): DifferenceCounts {
  const byKind: Partial<Record<DifferenceKind, number>> = {};
  let total = 0;
  for (const difference of comparison.differences) {
    if (!isMarkedInText(difference)) continue;
    if (doc !== undefined && !difference.spans.some((span) => span.doc === doc)) continue;
    total++;
    byKind[difference.kind] = (byKind[difference.kind] ?? 0) + 1;
  }
  const onlyInOneSource = (comparison.unique ?? []).filter((item) => doc === undefined || item.doc === doc).length;
  return { total, byKind, classified: total - (byKind.wording ?? 0), onlyInOneSource };
}
