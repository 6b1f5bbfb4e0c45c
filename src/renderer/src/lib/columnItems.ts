import type { ParagraphKind } from '../../../shared/contract/comparison';

/**
 * What a column shows, block by block: a paragraph, or a run of page furniture (boilerplate) that
 * is folded into one line until the person opens it.
 */
export type ColumnItem =
  | { readonly type: 'paragraph'; readonly paragraph: number }
  /** Paragraphs `first` to `last` (inclusive), all boilerplate; `open` when they are shown. */
  | { readonly type: 'furniture'; readonly first: number; readonly last: number; readonly open: boolean };

/**
 * The blocks of a column. Runs of boilerplate (two or more in a row, or one of any length) are
 * folded unless their first paragraph is in `openRuns`; an open run keeps a line to fold it again,
 * followed by its paragraphs. Paragraphs the person marked (`marked`) are never folded, so their
 * Undo stays in sight.
 */
export function columnItems(kinds: readonly ParagraphKind[], openRuns: ReadonlySet<number>, marked: ReadonlySet<number> = new Set()): ColumnItem[] {
  const items: ColumnItem[] = [];
  let p = 0;
  while (p < kinds.length) {
    if (kinds[p] !== 'boilerplate' || marked.has(p)) {
      items.push({ type: 'paragraph', paragraph: p });
      p++;
      continue;
    }
    const first = p;
    while (p + 1 < kinds.length && kinds[p + 1] === 'boilerplate' && !marked.has(p + 1)) p++;
    const open = openRuns.has(first);
    items.push({ type: 'furniture', first, last: p, open });
    if (open) for (let q = first; q <= p; q++) items.push({ type: 'paragraph', paragraph: q });
    p++;
  }
  return items;
}

/** The first paragraph of the run of page furniture `paragraph` is in, if it is in one. */
export function furnitureRunOf(items: readonly ColumnItem[], paragraph: number): ColumnItem | undefined {
  return items.find((item) => item.type === 'furniture' && item.first <= paragraph && paragraph <= item.last);
}

/** Where each paragraph is shown among `items` (a folded one: its run's line). */
export function itemIndexByParagraph(items: readonly ColumnItem[], paragraphCount: number): Int32Array {
  const at = new Int32Array(paragraphCount).fill(-1);
  items.forEach((item, index) => {
    if (item.type === 'paragraph') at[item.paragraph] = index;
    else if (!item.open) for (let p = item.first; p <= item.last; p++) at[p] = index;
  });
  return at;
}
