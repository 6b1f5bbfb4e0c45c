import type { Comparison } from '../../../shared/contract/comparison';
import { isMarkedInText } from '../../../shared/core/counts';
import { paragraphAt, wordCount, type EventRow } from './eventRows';

/** How much one source says in one row of the event, and how much it differs there. */
export interface CoverageCell {
  readonly words: number;
  /** Its characters as a share of the row's longest source (0 when it says nothing, 1 for the longest). */
  readonly share: number;
  /** 0 (says nothing) to 4 (says the most): the shade of the cell, in four steps. */
  readonly level: 0 | 1 | 2 | 3 | 4;
  /** Differences other than plain wording that mark this source's text in this row. */
  readonly differs: number;
}

/** The words for each shade, for the legend and for screen readers. */
export const LEVEL_WORDS = ['says nothing', 'says a little', 'says some', 'says much', 'says the most'] as const;

/**
 * The coverage map's cells, row by row and source by source. Counting the differences is one pass
 * over them; the characters come from the rows' paragraphs.
 */
export function coverage(comparison: Comparison, rows: readonly EventRow[]): CoverageCell[][] {
  // By passage and source; and, for a paragraph only one source has (no passage), by paragraph:
  // the loaded words marked there.
  const differs = new Map<string, number>();
  const alone = new Map<string, number>();
  for (const difference of comparison.differences) {
    if (difference.kind === 'wording' || !isMarkedInText(difference)) continue;
    if (difference.group === '') {
      const places = new Set(difference.spans.map((span) => `${span.doc}:${paragraphAt(comparison.documents[span.doc]?.paragraphs ?? [], span.start) ?? -1}`));
      for (const key of places) alone.set(key, (alone.get(key) ?? 0) + 1);
      continue;
    }
    for (const doc of new Set(difference.spans.map((span) => span.doc))) {
      const key = `${difference.group}:${doc}`;
      differs.set(key, (differs.get(key) ?? 0) + 1);
    }
  }
  return rows.map((row) => {
    const chars = row.cells.map((paragraphs, doc) => {
      const document = comparison.documents[doc];
      return paragraphs.reduce((sum, p) => sum + ((document?.paragraphs[p]?.end ?? 0) - (document?.paragraphs[p]?.start ?? 0)), 0);
    });
    const longest = Math.max(1, ...chars);
    return row.cells.map((paragraphs, doc): CoverageCell => {
      const document = comparison.documents[doc];
      const share = chars[doc]! / longest;
      const words = paragraphs.reduce((sum, p) => sum + (document ? wordCount(document.text, document.paragraphs[p]?.start ?? 0, document.paragraphs[p]?.end ?? 0) : 0), 0);
      const level = paragraphs.length === 0 ? 0 : (Math.max(1, Math.ceil(share * 4)) as 1 | 2 | 3 | 4);
      const count = row.group ? (differs.get(`${row.group.id}:${doc}`) ?? 0) : paragraphs.reduce((sum, p) => sum + (alone.get(`${doc}:${p}`) ?? 0), 0);
      return { words, share, level, differs: count };
    });
  });
}
