import type { Comparison, SourceDocument } from '../contract/comparison.js';
import { targetAnchors, type Anchor, type Note } from '../contract/notes.js';
import { bestApproximateMatch, similarity, wordSimilarity } from './match.js';
import { firstEndingAfter } from '../core/paragraph-at.js';

/**
 * Re-anchoring notes on sources that may have changed since the notes were written, and placing
 * them on a comparison (its paragraphs, groups and differences).
 *
 * The rules (trust.md, issue 7), in order:
 * 1. the source's hash is unchanged, or the quote is still at its old position: exact;
 * 2. the quote occurs elsewhere word for word, and its context (the words saved before and after
 *    it) or its length says which occurrence is meant: moved;
 * 3. a bounded approximate search, near the old position first and then through the whole text,
 *    finds a passage within a few edits of the quote that its context or length supports: moved;
 * 4. otherwise it is an orphan. A doubtful or ambiguous match is always an orphan: a note shown
 *    apart with its quote is better than a note on the wrong passage.
 */

export interface PlacedAnchor {
  readonly doc: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  /** 'exact': same hash or the quote still at its position; 'moved': found again by quote/context search */
  readonly how: 'exact' | 'moved';
}

export interface NotePlace {
  readonly note: Note;
  /**
   * 'placed': every anchor exact; 'moved': re-attached by search (for a group or difference note,
   * also when some of its anchors are gone but others were found); 'orphan': could not be placed
   * (shown with its quote, never dropped).
   */
  readonly status: 'placed' | 'moved' | 'orphan';
  /** One per targetAnchors(note.target), null where that anchor could not be found */
  readonly anchors: readonly (PlacedAnchor | null)[];
  /**
   * For group notes: the id of the group now holding the anchored paragraphs (the group holding
   * most of them). Undefined when no group holds any of them now (at another strictness the
   * paragraphs may no longer be aligned): the note then stays on its paragraphs.
   */
  readonly group?: string;
  /**
   * For difference notes: index into comparison.differences of the difference of the same kind
   * whose spans overlap the anchors most. Undefined when none of that kind overlaps them.
   */
  readonly difference?: number;
}

/** A unique word-for-word occurrence at least this long is the passage even without context. */
const LONG_QUOTE = 40;
/** Context (0..1) that counts as support for an occurrence. */
const MIN_CONTEXT = 0.5;
/** How much better the best occurrence's context must be than the next one's. */
const CONTEXT_MARGIN = 0.15;
/** How many word-for-word occurrences are weighed (the nearest to the old position). */
const MAX_OCCURRENCES = 64;
/** Quotes shorter than this are only found word for word: a few letters match too much. */
const MIN_APPROXIMATE = 8;
/** At most this share of a quote's characters may have changed for an approximate match. */
const MAX_ERROR_RATE = 0.2;
/** An approximate match this close needs no context when the quote is long. */
const SURE_ERROR_RATE = 0.1;
/** Long quotes are searched by their first and last this many characters, then checked word by word. */
const HEAD = 512;
/** Two approximate matches whose scores are this close are ambiguous. */
const SCORE_MARGIN = 0.1;
/** How many hits of one piece of a quote are followed. */
const PIECE_HITS = 32;

/** A candidate place for an anchor, with how well it fits. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Share of the quote changed, 0 for word for word. */
  readonly errorRate: number;
  /** How well the saved context fits, 0..1. */
  readonly context: number;
}

/**
 * How well the words saved before and after a quote fit `text` around `[start, end)`, from 0 to 1.
 * An empty saved prefix (suffix) means the quote began (ended) its text, which is checked too.
 */
function contextScore(anchor: Anchor, text: string, start: number, end: number): number {
  const { prefix, suffix } = anchor.quote;
  const before = prefix.length > 0 ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : start === 0 ? 1 : 0;
  const after = suffix.length > 0 ? similarity(suffix, text.slice(end, end + suffix.length)) : end === text.length ? 1 : 0;
  return (before + after) / 2;
}

/** Offsets of `quote` in `text`, nearest to `near` first, at most MAX_OCCURRENCES; and whether there were more. */
function occurrences(quote: string, text: string, near: number): { found: number[]; total: number } {
  const all: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) all.push(at);
  all.sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b);
  return { found: all.slice(0, MAX_OCCURRENCES), total: all.length };
}

/**
 * The word-for-word occurrence the context (or a long quote's uniqueness) supports. 'unsupported'
 * when the quote occurs but no occurrence is clearly the one meant; 'none' when it does not occur.
 */
function findExact(anchor: Anchor, text: string): Candidate | 'unsupported' | 'none' {
  const quote = anchor.quote.exact;
  const { found, total } = occurrences(quote, text, anchor.position.start);
  if (total === 0) return 'none';
  const scored = found
    .map((start): Candidate => ({ start, end: start + quote.length, errorRate: 0, context: contextScore(anchor, text, start, start + quote.length) }))
    .sort((a, b) => b.context - a.context);
  const [best, second] = scored;
  if (!best) return 'none';
  if (total === 1 && quote.length >= LONG_QUOTE) return best;
  if (best.context >= MIN_CONTEXT && (!second || best.context - second.context >= CONTEXT_MARGIN)) return best;
  return 'unsupported';
}

/** Estimated starts of the quote in `text[from, to)`, from exact hits of evenly spaced pieces of it, most supported first. */
function estimatedStarts(quote: string, text: string, from: number, to: number): number[] {
  const pieceLength = Math.min(16, Math.max(4, Math.floor(quote.length / 4)));
  const pieces = Math.max(1, Math.min(16, Math.floor(quote.length / pieceLength)));
  const step = pieces > 1 ? (quote.length - pieceLength) / (pieces - 1) : 0;
  const estimates: number[] = [];
  for (let k = 0; k < pieces; k++) {
    const offset = Math.round(k * step);
    const piece = quote.slice(offset, offset + pieceLength);
    if (piece.trim().length < 3) continue;
    let hits = 0;
    for (let at = text.indexOf(piece, from); at >= 0 && at < to && hits < PIECE_HITS; at = text.indexOf(piece, at + 1), hits++) {
      estimates.push(at - offset);
    }
  }
  estimates.sort((a, b) => a - b);
  // Hits of one place agree within the edits allowed; each cluster is one candidate.
  const tolerance = Math.max(8, Math.ceil(quote.length * MAX_ERROR_RATE));
  const clusters: number[][] = [];
  for (const estimate of estimates) {
    const last = clusters.at(-1);
    if (last && estimate - last[last.length - 1]! <= tolerance) last.push(estimate);
    else clusters.push([estimate]);
  }
  return clusters
    .sort((a, b) => b.length - a.length)
    .slice(0, 4)
    .map((cluster) => cluster[cluster.length >> 1]!);
}

/** The closest approximate match of the quote around an estimated start, or undefined if too far off. */
function matchAround(anchor: Anchor, text: string, estimate: number): Candidate | undefined {
  const quote = anchor.quote.exact;
  const slack = Math.ceil(quote.length * MAX_ERROR_RATE) + 8;
  let start: number;
  let end: number;
  let errorRate: number;
  if (quote.length <= 2 * HEAD) {
    const match = bestApproximateMatch(quote, text, estimate - slack, estimate + quote.length + slack);
    ({ start, end } = match);
    errorRate = match.errors / quote.length;
  } else {
    // A long quote: its head and its tail must each be found, at about the right distance, and the
    // words between them must be nearly the same.
    const head = quote.slice(0, HEAD);
    const tail = quote.slice(-HEAD);
    const first = bestApproximateMatch(head, text, estimate - slack, estimate + HEAD + slack);
    const tailAt = first.start + quote.length - HEAD;
    const last = bestApproximateMatch(tail, text, tailAt - slack, tailAt + HEAD + slack);
    start = first.start;
    end = last.end;
    if (end <= start || Math.abs(end - start - quote.length) > slack) return undefined;
    errorRate = Math.max(first.errors / HEAD, last.errors / HEAD, 1 - wordSimilarity(quote, text.slice(start, end)));
  }
  if (errorRate > MAX_ERROR_RATE || end <= start) return undefined;
  return { start, end, errorRate, context: contextScore(anchor, text, start, end) };
}

/**
 * Whether a candidate is close enough to be the passage: few edits, and either its context agrees or
 * the quote is long and nearly intact. When the quote still occurs word for word but no occurrence
 * was supported (`copies`), only context can tell, and those occurrences themselves are ruled out.
 */
const acceptable = (candidate: Candidate, quoteLength: number, copies: boolean): boolean =>
  candidate.errorRate <= MAX_ERROR_RATE &&
  !(copies && candidate.errorRate === 0) &&
  (candidate.context >= MIN_CONTEXT || (!copies && quoteLength >= LONG_QUOTE && candidate.errorRate <= SURE_ERROR_RATE));

const score = (candidate: Candidate): number => candidate.context - candidate.errorRate * 2;

/** The one acceptable candidate clearly better than any other place; undefined if none or ambiguous. */
function decide(candidates: readonly Candidate[], quoteLength: number, copies: boolean): Candidate | undefined {
  const distinct: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => score(b) - score(a))) {
    if (!distinct.some((kept) => candidate.start < kept.end && kept.start < candidate.end)) distinct.push(candidate);
  }
  const [best, second] = distinct;
  if (!best || !acceptable(best, quoteLength, copies)) return undefined;
  if (second && acceptable(second, quoteLength, copies) && score(best) - score(second) < SCORE_MARGIN) return undefined;
  return best;
}

/** The approximate search: near the old position first, then (with pieces long enough to be telling) the whole text. */
function findApproximate(anchor: Anchor, text: string, copies: boolean): Candidate | undefined {
  const quote = anchor.quote.exact;
  if (quote.length < MIN_APPROXIMATE || quote.trim() === '') return undefined;
  const old = Math.min(anchor.position.start, text.length);
  const reach = 2 * quote.length + 2_000;
  const tried = new Set<number>();
  const candidates: Candidate[] = [];
  const tryAll = (estimates: readonly number[]) => {
    for (const estimate of estimates) {
      if (tried.has(estimate)) continue;
      tried.add(estimate);
      const candidate = matchAround(anchor, text, estimate);
      if (candidate) candidates.push(candidate);
    }
  };
  tryAll([old, ...estimatedStarts(quote, text, Math.max(0, old - reach), old + quote.length + reach)]);
  const near = decide(candidates, quote.length, copies);
  if (near) return near;
  if (Math.floor(quote.length / 4) >= 8 && text.length > 2 * reach) tryAll(estimatedStarts(quote, text, 0, text.length));
  return decide(candidates, quote.length, copies);
}

/** The paragraph of `doc` that `[start, end)` overlaps most (the one holding `start` for an empty range); -1 if none. */
function paragraphOf(doc: SourceDocument, start: number, end: number): number {
  let best = -1;
  let bestOverlap = -1;
  const { paragraphs } = doc;
  // Paragraphs are in text order: skip to the first that could overlap, stop after the last.
  for (let p = firstEndingAfter(paragraphs, start); p < paragraphs.length; p++) {
    const block = paragraphs[p]!;
    if (block.start >= Math.max(end, start + 1)) break;
    const overlap = Math.min(end, block.end) - Math.max(start, block.start);
    if (overlap > bestOverlap) {
      best = p;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Find one anchor again in a source as it is now; null when the passage cannot be found with
 * confidence. `docIndex` is the source's index in its comparison, copied into the result (-1 when
 * not given; `placeNotes` gives it).
 */
export function reanchor(anchor: Anchor, doc: SourceDocument, docIndex = -1): PlacedAnchor | null {
  const { text } = doc;
  const quote = anchor.quote.exact;
  const { start, end } = anchor.position;
  const at = (from: number, to: number, how: PlacedAnchor['how']): PlacedAnchor | null => {
    const paragraph = paragraphOf(doc, from, to);
    return paragraph < 0 ? null : { doc: docIndex, paragraph, start: from, end: to, how };
  };
  if (doc.hash === anchor.sourceHash && start <= end && end <= text.length) return at(start, end, 'exact');
  if (quote.length === 0) return null;
  if (text.startsWith(quote, start)) return at(start, start + quote.length, 'exact');
  const exact = findExact(anchor, text);
  const found = typeof exact === 'object' ? exact : findApproximate(anchor, text, exact === 'unsupported');
  if (!found) return null;
  if (found.errorRate === 0) return at(found.start, found.end, 'moved');
  // An approximate match ends where the edits allow; give people whole words, or the whole paragraph
  // when the note was on one.
  if (wasWholeParagraph(anchor)) {
    const paragraph = paragraphOf(doc, found.start, found.end);
    const block = doc.paragraphs[paragraph];
    if (block) return at(block.start, block.end, 'moved');
  }
  const snapped = toWordBoundaries(text, found.start, found.end, quote);
  return at(snapped.start, snapped.end, 'moved');
}

/** Whether an anchor's quote was a whole paragraph: nothing but a line break (or the text's edge) on each side. */
function wasWholeParagraph(anchor: Anchor): boolean {
  const { prefix, suffix } = anchor.quote;
  return (prefix === '' || /\n\s*$/.test(prefix)) && (suffix === '' || /^\s*\n/.test(suffix));
}

const WORD = /[\p{L}\p{N}]/u;

/** Widen `[start, end)` so that it neither starts nor ends inside a word, where the quote did not. */
function toWordBoundaries(text: string, start: number, end: number, quote: string): { start: number; end: number } {
  let from = start;
  let to = end;
  if (WORD.test(quote[0] ?? '')) while (from > 0 && WORD.test(text[from - 1]!) && WORD.test(text[from]!)) from--;
  if (WORD.test(quote.at(-1) ?? '')) while (to < text.length && WORD.test(text[to]!) && WORD.test(text[to - 1]!)) to++;
  return { start: from, end: to };
}

/** Which group holds each `doc:paragraph` of a comparison. */
function groupIndex(comparison: Comparison): Map<string, string> {
  const index = new Map<string, string>();
  for (const group of comparison.groups) {
    for (const member of group.members) for (const paragraph of member.paragraphs) index.set(`${member.doc}:${paragraph}`, group.id);
  }
  return index;
}

/** The group holding most of the placed anchors' paragraphs (the first such group in the comparison on a tie). */
function groupOf(anchors: readonly (PlacedAnchor | null)[], groups: Map<string, string>, order: Map<string, number>): string | undefined {
  const counts = new Map<string, number>();
  for (const anchor of anchors) {
    const id = anchor && groups.get(`${anchor.doc}:${anchor.paragraph}`);
    if (id !== undefined && id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) {
    const bestCount = best === undefined ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && (order.get(id) ?? 0) < (order.get(best!) ?? 0))) best = id;
  }
  return best;
}

/** The difference of `kind` whose spans overlap the placed anchors most. */
function differenceOf(anchors: readonly (PlacedAnchor | null)[], comparison: Comparison, kind: string): number | undefined {
  let best: number | undefined;
  let bestOverlap = 0;
  comparison.differences.forEach((difference, index) => {
    if (difference.kind !== kind) return;
    let overlap = 0;
    for (const span of difference.spans) {
      for (const anchor of anchors) {
        if (!anchor || anchor.doc !== span.doc) continue;
        // An empty span (a mark between words) counts as touching when inside the anchor.
        const shared = Math.min(span.end, anchor.end) - Math.max(span.start, anchor.start);
        if (shared > 0) overlap += shared;
        else if (span.start === span.end && span.start >= anchor.start && span.start <= anchor.end) overlap += 1;
      }
    }
    if (overlap > bestOverlap) {
      best = index;
      bestOverlap = overlap;
    }
  });
  return best;
}

/**
 * Where each note stands on the comparison as it is now, in the order given. Every note comes back:
 * a note on a source that is not in the comparison, or whose passage is gone, is an orphan.
 */
export function placeNotes(notes: readonly Note[], comparison: Comparison): NotePlace[] {
  const docs = new Map<string, number>();
  comparison.documents.forEach((doc, index) => {
    if (!docs.has(doc.path)) docs.set(doc.path, index);
  });
  let groups: Map<string, string> | undefined;
  let groupOrder: Map<string, number> | undefined;
  return notes.map((note): NotePlace => {
    const anchors = targetAnchors(note.target).map((anchor) => {
      const index = docs.get(anchor.source);
      const doc = index === undefined ? undefined : comparison.documents[index];
      return doc && index !== undefined ? reanchor(anchor, doc, index) : null;
    });
    const found = anchors.filter((anchor) => anchor !== null);
    if (found.length === 0) return { note, status: 'orphan', anchors };
    const status = found.length === anchors.length && found.every((anchor) => anchor.how === 'exact') ? 'placed' : 'moved';
    const { target } = note;
    if (target.kind === 'group') {
      groups ??= groupIndex(comparison);
      groupOrder ??= new Map(comparison.groups.map((group, index) => [group.id, index]));
      const group = groupOf(anchors, groups, groupOrder);
      return group === undefined ? { note, status, anchors } : { note, status, anchors, group };
    }
    if (target.kind === 'difference') {
      const difference = differenceOf(anchors, comparison, target.differenceKind);
      return difference === undefined ? { note, status, anchors } : { note, status, anchors, difference };
    }
    return { note, status, anchors };
  });
}
