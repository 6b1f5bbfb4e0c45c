// Imports nothing, so that the page can use it without the rest of the core.

/** The index of the paragraph of a document that holds an offset, or -1. O(log P) for P paragraphs. */
export function paragraphAt(paragraphs: readonly { readonly start: number; readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < paragraphs.length && paragraphs[lo]!.start <= offset ? lo : -1;
}
