import { diffArrays } from 'diff';
import type { AlignmentGroup, SourceDocument, TextSpan } from '../contract/comparison.js';
import { paragraphTokens, STOP_WORDS, type Token } from './text.js';

export interface WordingOptions {
  /**
   * The most word edits one pair of members may need before it is shown as one coarse difference.
   * A count, not a time, so that the same input always gives the same output, on a busy machine too.
   */
  readonly maxEditLength?: number;
  /** A safety net: the longest time one pair may be word-diffed, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Enough edits for any two paragraphs that report the same thing in other words. */
export const DEFAULT_MAX_EDIT_LENGTH = 2_000;
/** Far beyond what DEFAULT_MAX_EDIT_LENGTH takes; only a stalled machine reaches it. */
export const DEFAULT_DIFF_TIMEOUT_MS = 10_000;

/** Groups with more members than this are diffed around one member rather than pair by pair. */
const PAIRWISE_LIMIT = 6;

/** A word of a group member, with the paragraph it stands in. */
export interface PlacedToken extends Pick<Token, 'start' | 'end' | 'norm' | 'isNumber' | 'isCapitalized'> {
  readonly paragraph: number;
}

/** The words of one member of a group, in reading order. */
export interface MemberText {
  readonly doc: number;
  readonly tokens: readonly PlacedToken[];
}

/** A run of words that differs between two members: tokens [a0, a1) of one, [b0, b1) of the other. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Two members of a group compared word by word; `hunks` is null when they needed more edits than allowed. */
export interface MemberPair {
  readonly a: MemberText;
  readonly b: MemberText;
  readonly hunks: readonly Hunk[] | null;
}

export function memberText(document: SourceDocument, doc: number, paragraphs: readonly number[]): MemberText {
  const tokens: PlacedToken[] = [];
  for (const index of paragraphs) {
    const paragraph = document.paragraphs[index];
    if (!paragraph) continue;
    for (const token of paragraphTokens(document, index)) {
      tokens.push({ start: token.start, end: token.end, norm: token.norm, isNumber: token.isNumber, isCapitalized: token.isCapitalized, paragraph: index });
    }
  }
  return { doc, tokens };
}

/** Spans covering tokens[from, to) of one document, split at paragraph boundaries. */
export function spansOf(doc: number, tokens: readonly PlacedToken[], from: number, to: number): TextSpan[] {
  const spans: TextSpan[] = [];
  let i = from;
  while (i < to) {
    const paragraph = tokens[i]!.paragraph;
    let j = i;
    while (j + 1 < to && tokens[j + 1]!.paragraph === paragraph) j++;
    spans.push({ doc, start: tokens[i]!.start, end: tokens[j]!.end });
    i = j + 1;
  }
  return spans;
}

/** The text of tokens[from, to), on one line, shortened to `length`. */
export function textOf(document: SourceDocument, tokens: readonly PlacedToken[], from: number, to: number, length = 60): string {
  if (from >= to) return '';
  // Tokens from two paragraphs of a member (not next to each other in the source) are joined with
  // an ellipsis, never with the text between them.
  const text = spansOf(0, tokens, from, to)
    .map((span) => document.text.slice(span.start, span.end))
    .join(' … ')
    .replace(/\s+/g, ' ');
  return text.length > length ? text.slice(0, length - 3).trimEnd() + '…' : text;
}

/** Which members to compare: every pair in small groups, each member against one chosen by content in large ones. */
function memberPairs(documents: readonly SourceDocument[], group: AlignmentGroup, members: readonly MemberText[]): [number, number][] {
  const pairs: [number, number][] = [];
  if (members.length <= PAIRWISE_LIMIT) {
    // Members the alignment linked directly (a sentence of one matched a sentence of the other).
    // Two members joined only through a third report different parts of the story: diffing them
    // word by word would mark everything, and classifying those "differences" would be noise.
    const linked = new Set((group.sentences ?? []).map((link) => `${link.spans[0].doc}:${link.spans[1].doc}`));
    const isLinked = (i: number, j: number): boolean => {
      const [x, y] = [members[i]!.doc, members[j]!.doc].sort((u, v) => u - v);
      return linked.has(`${x}:${y}`);
    };
    const paired = new Set<number>();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (!isLinked(i, j)) continue;
        pairs.push([i, j]);
        paired.add(i);
        paired.add(j);
      }
    }
    // A member with no direct link (identical paragraphs are grouped by hash alone) is compared with every other.
    for (let i = 0; i < members.length; i++) {
      if (paired.has(i)) continue;
      for (let j = 0; j < members.length; j++) if (j !== i && !pairs.some(([x, y]) => x === Math.min(i, j) && y === Math.max(i, j))) pairs.push([Math.min(i, j), Math.max(i, j)]);
    }
    return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }
  const hashOf = (i: number): string => documents[members[i]!.doc]!.hash;
  const pivot = members.map((_m, i) => i).sort((x, y) => (hashOf(x) < hashOf(y) ? -1 : hashOf(x) > hashOf(y) ? 1 : x - y))[0]!;
  for (let i = 0; i < members.length; i++) if (i !== pivot) pairs.push(i < pivot ? [i, pivot] : [pivot, i]);
  return pairs;
}

/**
 * Compare the members of a group word by word (jsdiff on folded words, so case, curly quotes and
 * thousands separators are not differences). A run of one or two function words between two changes
 * is taken into the change, so "said on Saturday" against "announced Friday" is one hunk, not two.
 * Groups of up to six members compare every pair the alignment linked directly; larger ones compare each member with one chosen by content (not
 * by the order of the files), which keeps the work linear.
 */
export function diffMembers(documents: readonly SourceDocument[], group: AlignmentGroup, options: WordingOptions = {}): { members: MemberText[]; pairs: MemberPair[] } {
  const timeout = options.timeoutMs ?? DEFAULT_DIFF_TIMEOUT_MS;
  const maxEditLength = options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH;
  const members = group.members.map((member) => memberText(documents[member.doc]!, member.doc, member.paragraphs));
  const pairs: MemberPair[] = [];
  for (const [i, j] of memberPairs(documents, group, members)) {
    const a = members[i]!;
    const b = members[j]!;
    const changes = diffArrays(
      a.tokens.map((token) => token.norm),
      b.tokens.map((token) => token.norm),
      { timeout, maxEditLength },
    );
    if (!changes) {
      pairs.push({ a, b, hunks: null });
      continue;
    }
    const hunks: Hunk[] = [];
    let ia = 0;
    let ib = 0;
    let open: Hunk | null = null;
    changes.forEach((change, index) => {
      const count = change.count ?? change.value.length;
      if (change.removed || change.added) {
        if (!open) {
          open = { a0: ia, a1: ia, b0: ib, b1: ib };
          hunks.push(open);
        }
        if (change.removed) {
          ia += count;
          open.a1 = ia;
        } else {
          ib += count;
          open.b1 = ib;
        }
        return;
      }
      const between = open !== null && index < changes.length - 1;
      const absorb = between && count <= 2 && change.value.every((word) => STOP_WORDS.has(word));
      ia += count;
      ib += count;
      if (absorb && open) {
        open.a1 = ia;
        open.b1 = ib;
      } else {
        open = null;
      }
    });
    pairs.push({ a, b, hunks });
  }
  return { members, pairs };
}
