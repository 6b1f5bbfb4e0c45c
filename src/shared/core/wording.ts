import { diffArrays } from 'diff';
import type { AlignmentGroup, Difference, SourceDocument, TextSpan } from '../contract/comparison.js';
import { STOP_WORDS, tokenize, type Token } from './text.js';

export interface WordingOptions {
  /** Longest time one pair of paragraphs may be word-diffed, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Groups with more members than this are diffed around one member rather than pair by pair. */
const PAIRWISE_LIMIT = 4;

interface PlacedToken extends Pick<Token, 'start' | 'end' | 'norm'> {
  /** Which paragraph of its document the token is in. */
  readonly paragraph: number;
}

function memberTokens(document: SourceDocument, paragraphs: readonly number[]): PlacedToken[] {
  const placed: PlacedToken[] = [];
  for (const index of paragraphs) {
    const paragraph = document.paragraphs[index];
    if (!paragraph) continue;
    for (const token of tokenize(document.text, paragraph.start, paragraph.end)) placed.push({ start: token.start, end: token.end, norm: token.norm, paragraph: index });
  }
  return placed;
}

/** Spans covering tokens[from, to) of one document, split at paragraph boundaries. */
function spansOf(doc: number, tokens: readonly PlacedToken[], from: number, to: number): TextSpan[] {
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

function quoteOf(document: SourceDocument, tokens: readonly PlacedToken[], from: number, to: number): string {
  if (from >= to) return '';
  const text = document.text.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(/\s+/g, ' ');
  return text.length > 60 ? text.slice(0, 57).trimEnd() + '…' : text;
}

function noteFor(before: string, after: string): string {
  if (!before) return `(not said) → “${after}”`;
  if (!after) return `“${before}” → (left out)`;
  return `${before} → ${after}`;
}

interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * The words that differ between members of a group, as `wording` differences: between every pair
 * of members in groups of up to four, and between each member and one chosen by content in larger
 * groups.
 *
 * Words are compared in their folded form (case, curly quotes and thousands separators do not count
 * as differences). A run of one or two function words between two changes is taken into the change,
 * so that "said on Saturday" against "announced Friday" is one difference, not two. A pair that
 * cannot be diffed within the time limit is reported as one coarse difference that says so.
 */
export function wordingDifferences(documents: readonly SourceDocument[], group: AlignmentGroup, options: WordingOptions = {}): Difference[] {
  const timeout = options.timeoutMs ?? 250;
  const differences: Difference[] = [];
  const members = group.members.map((member) => ({ doc: member.doc, tokens: memberTokens(documents[member.doc]!, member.paragraphs) }));
  // Every pair for small groups; for large ones, each member against one chosen by content (so the
  // choice does not depend on the order of the files), which keeps the work linear.
  const pairs: [number, number][] = [];
  if (members.length <= PAIRWISE_LIMIT) {
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) pairs.push([i, j]);
  } else {
    const hashOf = (i: number): string => documents[members[i]!.doc]!.hash;
    const pivot = members.map((_m, i) => i).sort((x, y) => (hashOf(x) < hashOf(y) ? -1 : hashOf(x) > hashOf(y) ? 1 : x - y))[0]!;
    for (let i = 0; i < members.length; i++) if (i !== pivot) pairs.push(i < pivot ? [i, pivot] : [pivot, i]);
  }
  for (const [i, j] of pairs) {
    const a = members[i]!;
    const b = members[j]!;
    const docA = documents[a.doc]!;
    const docB = documents[b.doc]!;
    const changes = diffArrays(
      a.tokens.map((token) => token.norm),
      b.tokens.map((token) => token.norm),
      { timeout },
    );
    if (!changes) {
      differences.push({
        group: group.id,
        kind: 'wording',
        spans: [...spansOf(a.doc, a.tokens, 0, a.tokens.length), ...spansOf(b.doc, b.tokens, 0, b.tokens.length)],
        note: 'Too different to compare word by word within the time limit; shown as one difference.',
      });
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
    for (const hunk of hunks) {
      const before = quoteOf(docA, a.tokens, hunk.a0, hunk.a1);
      const after = quoteOf(docB, b.tokens, hunk.b0, hunk.b1);
      differences.push({
        group: group.id,
        kind: 'wording',
        spans: [...spansOf(a.doc, a.tokens, hunk.a0, hunk.a1), ...spansOf(b.doc, b.tokens, hunk.b0, hunk.b1)],
        note: noteFor(before, after),
      });
    }
  }
  return differences;
}
