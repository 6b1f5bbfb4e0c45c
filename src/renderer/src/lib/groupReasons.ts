import type { AlignmentGroup, Comparison, LinkBasis, SentenceLink, TextSpan } from '../../../shared/contract/comparison';

/**
 * Why a passage's paragraphs were put together, for "Why together?": the sentence links the
 * alignment found between its members, strongest first, each with the two sources, the two
 * sentences, how alike they are, the words they share and what linked them. Pure: the views only
 * lay these rows out.
 *
 * `terms` and `basis` of a link are optional in the contract (comparisons made before they existed
 * lack them); a row without them shows what it has.
 */

/** One side of a link: a source and its sentence, trimmed for display. */
export interface ReasonSide {
  readonly doc: number;
  /** The source's name as the page shows it (neutral in blind mode). */
  readonly label: string;
  /** The sentence, whitespace tidied, cut at a word with an ellipsis when long. */
  readonly text: string;
  /** Whether `text` was cut. */
  readonly cut: boolean;
}

/** One sentence link of the passage, as shown. */
export interface ReasonRow {
  /** Stable within one group. */
  readonly key: string;
  readonly from: ReasonSide;
  readonly to: ReasonSide;
  /** How alike the two sentences are, as a whole percentage (0 to 100). */
  readonly percent: number;
  /** The shared words that weighed most, weightiest first (at most `maxTerms`); empty when unknown. */
  readonly terms: readonly string[];
  readonly basis?: LinkBasis;
  /** The basis in plain words ("Both are headlines"), when known. */
  readonly basisText?: string;
}

export interface GroupReasons {
  /** The group was formed of identical paragraphs, matched whole: it has no sentence links. */
  readonly identical: boolean;
  /** The strongest links, at most `limit`. */
  readonly rows: readonly ReasonRow[];
  /** How many links there are beyond `rows` ("and 3 more"). */
  readonly more: number;
  /** How many links the group has in all. */
  readonly total: number;
}

export interface GroupReasonsOptions {
  /** The most links listed; the rest are counted. Default 5. */
  readonly limit?: number;
  /** The longest a sentence is shown, in characters (with the ellipsis). Default 160. */
  readonly maxChars?: number;
  /** The most shared words listed per link. Default 6. */
  readonly maxTerms?: number;
}

/** What linked two sentences, in words for the reader. */
export const BASIS_TEXT: Readonly<Record<LinkBasis, string>> = {
  headlines: 'Both are headlines',
  leads: 'Both lead their stories',
  words: 'Shared words',
};

/** The strength of a link as a whole percentage: "87%". */
export function percentOf(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** Text tidied to one line and cut at a word boundary, with an ellipsis, when longer than `max`. */
export function trimSentence(text: string, max: number): { text: string; cut: boolean } {
  const tidy = text.replace(/\s+/g, ' ').trim();
  if (tidy.length <= max) return { text: tidy, cut: false };
  const room = Math.max(1, max - 1);
  let cut = tidy.slice(0, room);
  // Back to the last space, unless that would drop most of what fits (one very long word).
  const space = cut.lastIndexOf(' ');
  if (space >= room * 0.6) cut = cut.slice(0, space);
  // No dangling punctuation before the ellipsis ("said, …").
  cut = cut.replace(/[\s,;:–—-]+$/u, '');
  return { text: `${cut}…`, cut: true };
}

/** The group of a passage badge (its `number` is its 1-based place in `comparison.groups`). */
export function groupOfBadge(comparison: Comparison, badge: { readonly id: string; readonly number: number }): AlignmentGroup | undefined {
  const at = comparison.groups[badge.number - 1];
  return at?.id === badge.id ? at : comparison.groups.find((group) => group.id === badge.id);
}

function side(comparison: Comparison, span: TextSpan, label: (doc: number) => string, maxChars: number): ReasonSide {
  const document = comparison.documents[span.doc];
  const raw = document ? document.text.slice(Math.max(0, span.start), Math.max(span.start, span.end)) : '';
  const { text, cut } = trimSentence(raw, maxChars);
  return { doc: span.doc, label: label(span.doc), text, cut };
}

const BASIS_RANK: Readonly<Record<LinkBasis, number>> = { headlines: 0, leads: 1, words: 2 };

/** Strongest first; between equals, headlines before leads before shared words, then in document order. */
function strongestFirst(a: SentenceLink, b: SentenceLink): number {
  return (
    b.score - a.score ||
    (a.basis ? BASIS_RANK[a.basis] : 3) - (b.basis ? BASIS_RANK[b.basis] : 3) ||
    a.spans[0].doc - b.spans[0].doc ||
    a.spans[1].doc - b.spans[1].doc ||
    a.spans[0].start - b.spans[0].start ||
    a.spans[1].start - b.spans[1].start
  );
}

/**
 * The rows "Why together?" shows for a group. `label`: the name the page shows for a source (pass
 * the blind-aware labeller's, so outlet names stay hidden in blind mode).
 */
export function groupReasons(group: AlignmentGroup, comparison: Comparison, label: (doc: number) => string, options: GroupReasonsOptions = {}): GroupReasons {
  const limit = Math.max(0, options.limit ?? 5);
  const maxChars = Math.max(8, options.maxChars ?? 160);
  const maxTerms = Math.max(0, options.maxTerms ?? 6);
  const links = (group.sentences ?? []).filter((link) => link.spans.length === 2);
  if (links.length === 0) return { identical: true, rows: [], more: 0, total: 0 };

  const sorted = [...links].sort(strongestFirst);
  const rows = sorted.slice(0, limit).map((link): ReasonRow => {
    const [a, b] = link.spans;
    const terms = [...new Set((link.terms ?? []).map((term) => term.trim()).filter((term) => term.length > 0))].slice(0, maxTerms);
    return {
      key: `${a.doc}:${a.start}-${a.end}|${b.doc}:${b.start}-${b.end}`,
      from: side(comparison, a, label, maxChars),
      to: side(comparison, b, label, maxChars),
      percent: percentOf(link.score),
      terms,
      ...(link.basis ? { basis: link.basis, basisText: BASIS_TEXT[link.basis] } : {}),
    };
  });
  return { identical: false, rows, more: sorted.length - rows.length, total: sorted.length };
}
