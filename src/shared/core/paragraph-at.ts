// Imports nothing, so that the page can use it without the rest of the core.

type Ranges = readonly { readonly start: number; readonly end: number }[];

/**
 * The first of items in order of their ends whose end (`endOf`) is after `offset` (items.length if
 * none): offsets into a text, token indices, anything that grows with the items. O(log N).
 */
export function firstEndAfter<T>(items: readonly T[], offset: number, endOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOf(items[mid]!) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first of ranges in text order that ends after `offset` (ranges.length if none). O(log P) for P ranges. */
export function firstEndingAfter(ranges: Ranges, offset: number): number {
  return firstEndAfter(ranges, offset, (range) => range.end);
}

/** The index of the paragraph of a document that holds an offset, or -1. O(log P) for P paragraphs. */
export function paragraphAt(paragraphs: Ranges, offset: number): number {
  const at = firstEndingAfter(paragraphs, offset);
  return at < paragraphs.length && paragraphs[at]!.start <= offset ? at : -1;
}
