import type { Comparison } from '../../../shared/contract/comparison';
import type { ComparisonIndex, GroupBadge, ParagraphRef } from './comparisonIndex';

/**
 * The comparison as an event: one row per passage that two or more sources report, and one per
 * paragraph of article text only one source has. The event view, the coverage map and the order of
 * the differences list all read the comparison through these rows.
 */
export interface EventRow {
  /** Stable within one comparison: `g:<group id>` or `u:<doc>:<paragraph>`. */
  readonly key: string;
  /** The passage, when two or more sources report it; absent for paragraphs only one source has (in a row, one after another). */
  readonly group?: GroupBadge;
  /** For each source (in `comparison.documents` order), its paragraphs in this row; empty when it says nothing. */
  readonly cells: readonly (readonly number[])[];
}

/** The kinds of paragraph that are article text (page furniture and captions are not rows). */
const ARTICLE_KINDS = new Set(['title', 'heading', 'body']);

const refKey = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

/**
 * The rows in reading order: the first source's order, with what each later source adds slotted in
 * just before the next row it shares with the sources already read (or at the end). So the first
 * source reads straight down, and a paragraph only 002 has sits where 002 tells it.
 */
export function eventRows(comparison: Comparison, index: ComparisonIndex): EventRow[] {
  const docCount = comparison.documents.length;
  const rows: EventRow[] = [];
  const rowOf = new Map<string, number>();

  for (const group of index.groups) {
    const cells: number[][] = Array.from({ length: docCount }, () => []);
    for (const member of group.members) cells[member.doc]?.push(...member.paragraphs);
    const row = rows.push({ key: `g:${group.id}`, group, cells: cells.map((c) => [...new Set(c)].sort((a, b) => a - b)) }) - 1;
    for (const member of group.members) for (const p of member.paragraphs) if (!rowOf.has(refKey(member.doc, p))) rowOf.set(refKey(member.doc, p), row);
  }
  const unique: readonly ParagraphRef[] =
    comparison.unique ??
    comparison.documents.flatMap((doc, d) =>
      doc.paragraphs.flatMap((paragraph, p) => (ARTICLE_KINDS.has(paragraph.kind) && !index.groupOf({ doc: d, paragraph: p }) ? [{ doc: d, paragraph: p }] : [])),
    );
  for (const { doc, paragraph } of unique) {
    if (rowOf.has(refKey(doc, paragraph)) || doc >= docCount) continue;
    const cells = Array.from({ length: docCount }, (_, d) => (d === doc ? [paragraph] : []));
    rowOf.set(refKey(doc, paragraph), rows.push({ key: `u:${doc}:${paragraph}`, cells }) - 1);
  }

  // A doubly linked list of placed rows, so that slotting a row in is O(1) however long the event.
  const HEAD = rows.length;
  const next = new Int32Array(rows.length + 1).fill(-1);
  const prev = new Int32Array(rows.length + 1).fill(-1);
  const placed = new Uint8Array(rows.length);
  next[HEAD] = HEAD;
  prev[HEAD] = HEAD;
  const insertBefore = (row: number, before: number) => {
    const after = prev[before]!;
    next[after] = row;
    prev[row] = after;
    next[row] = before;
    prev[before] = row;
    placed[row] = 1;
  };

  for (let doc = 0; doc < docCount; doc++) {
    let pending: number[] = [];
    const seen = new Set<number>();
    for (let p = 0; p < (comparison.documents[doc]?.paragraphs.length ?? 0); p++) {
      const row = rowOf.get(refKey(doc, p));
      if (row === undefined || seen.has(row)) continue;
      seen.add(row);
      if (placed[row]) {
        for (const waiting of pending) insertBefore(waiting, row);
        pending = [];
      } else pending.push(row);
    }
    for (const waiting of pending) insertBefore(waiting, HEAD);
  }

  // Paragraphs only one source has, one after another, are one row: a stretch of that source's own
  // story, not a ladder of near-empty rows.
  const ordered: EventRow[] = [];
  let aloneDoc = -1;
  for (let r = next[HEAD]!; r !== HEAD; r = next[r]!) {
    const row = rows[r]!;
    const doc = row.group ? -1 : row.cells.findIndex((cell) => cell.length > 0);
    const last = ordered.at(-1);
    if (doc >= 0 && doc === aloneDoc && last) {
      ordered[ordered.length - 1] = { ...last, cells: last.cells.map((cell, d) => (d === doc ? [...cell, ...row.cells[d]!] : cell)) };
    } else ordered.push(row);
    aloneDoc = doc;
  }
  return ordered;
}

/** Which row each paragraph is in (`doc:paragraph` → row index), for going from text to row. */
export function rowIndexByParagraph(rows: readonly EventRow[]): Map<string, number> {
  const map = new Map<string, number>();
  rows.forEach((row, i) => row.cells.forEach((paragraphs, doc) => paragraphs.forEach((p) => map.set(refKey(doc, p), i))));
  return map;
}

/** The number of words in a stretch of text (a run of letters or digits counts as one). */
export function wordCount(text: string, start = 0, end = text.length): number {
  const matches = text.slice(start, end).match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu);
  return matches ? matches.length : 0;
}

/** The paragraph of a document that holds an offset (paragraphs are ordered and disjoint). */
export function paragraphAt(paragraphs: readonly { readonly start: number; readonly end: number }[], offset: number): number | undefined {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const paragraph = paragraphs[mid]!;
    if (offset < paragraph.start) high = mid - 1;
    else if (offset >= paragraph.end) low = mid + 1;
    else return mid;
  }
  return undefined;
}
