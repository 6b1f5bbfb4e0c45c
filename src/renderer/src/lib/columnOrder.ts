import type { SourceDocument } from '../../../shared/contract/comparison';

/**
 * The order of the columns on screen, as indices into `documents`: the person's order (the
 * sources' paths, left to right) for the sources it names, then any other source in the order main
 * compared them. Paths no longer in the comparison are passed over.
 */
export function displayOrder(documents: readonly Pick<SourceDocument, 'path'>[], paths: readonly string[] | undefined): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const path of paths ?? []) {
    const doc = documents.findIndex((d, i) => d.path === path && !seen.has(i));
    if (doc >= 0) {
      order.push(doc);
      seen.add(doc);
    }
  }
  documents.forEach((_d, doc) => {
    if (!seen.has(doc)) order.push(doc);
  });
  return order;
}

/** `order` with the item at position `from` moved to position `to` (both clamped to the list). */
export function moveItem<T>(order: readonly T[], from: number, to: number): T[] {
  const next = [...order];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}
