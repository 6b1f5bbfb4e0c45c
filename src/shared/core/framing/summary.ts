import type { AlignmentGroup, ClaimsTable, ComparisonSummary, Difference, SourceDocument, SourceSummary, UniqueParagraph } from '../../contract/comparison.js';
import { ALIGNED_KINDS } from '../align.js';
import { isMarkedInText } from '../counts.js';
import { paragraphTokens } from '../text.js';
import { BARE_UNITS, isOutlier, sameValue, type Figure } from './figures.js';
import { findTerms, termTextOf, type LexiconIndex } from './lexicon-index.js';
import { notATerm, withFilingsPlain, withoutHeldVerbs } from './passage.js';
import { quotedRanges } from './quotations.js';

/**
 * How often a source uses each term of the lexicon, as the analysis reads terms (notATerm): a verb
 * of saying used as a noun ("discrimination claims") or for a plea ("pleaded not guilty"), a word
 * inside a name or a dateline, is not counted. A loaded term inside quotation marks is counted, and
 * counted apart as `quoted`: it is the speaker's word, which the source prints, not the source's
 * own (linear in the paragraph's characters for its quotations).
 */
function countTerms(document: SourceDocument, lexicon: LexiconIndex) {
  const loaded = new Map<string, { set: string; term: string; count: number; quoted?: number }>();
  const attribution = new Map<string, { term: string; tone?: string; count: number }>();
  const hedges = new Map<string, { term: string; count: number }>();
  for (const [index, paragraph] of document.paragraphs.entries()) {
    if (!ALIGNED_KINDS.has(paragraph.kind)) continue;
    // One paragraph's tokens: the checks of notATerm need no paragraph on them (issue 13: no copy).
    const tokens = paragraphTokens(document, index);
    let quotes: [number, number][] | undefined;
    const inQuotation = (offset: number): boolean => (quotes ??= quotedRanges(document.text, paragraph.start, paragraph.end)).some(([start, end]) => start <= offset && offset < end);
    for (const match of withFilingsPlain(tokens, withoutHeldVerbs(findTerms(lexicon, termTextOf(document.text, tokens)).filter((found) => !notATerm(document, { tokens }, found))))) {
      const term = document.text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end).toLowerCase();
      const key = `${match.term.setId}:${term}`;
      if (match.term.kind === 'loaded-term' || match.term.kind === 'label') {
        const entry = loaded.get(key) ?? { set: match.term.setName, term, count: 0 };
        entry.count++;
        if (inQuotation(tokens[match.from]!.start)) entry.quoted = (entry.quoted ?? 0) + 1;
        loaded.set(key, entry);
      } else if (match.term.kind === 'attribution') {
        const entry = attribution.get(term) ?? { term, ...(match.term.tone ? { tone: match.term.tone } : {}), count: 0 };
        entry.count++;
        attribution.set(term, entry);
      } else {
        const entry = hedges.get(term) ?? { term, count: 0 };
        entry.count++;
        hedges.set(term, entry);
      }
    }
  }
  const byCount = <T extends { count: number; term: string }>(list: Iterable<T>): T[] => [...list].sort((x, y) => y.count - x.count || x.term.localeCompare(y.term));
  return { loadedTerms: byCount(loaded.values()), attribution: byCount(attribution.values()), hedges: byCount(hedges.values()) };
}

/** The share of a document's article text that the given spans cover. */
export function highlightedShare(document: SourceDocument, spans: readonly { start: number; end: number }[]): number {
  let total = 0;
  const article: [number, number][] = [];
  for (const paragraph of document.paragraphs) {
    if (!ALIGNED_KINDS.has(paragraph.kind)) continue;
    total += paragraph.end - paragraph.start;
    article.push([paragraph.start, paragraph.end]);
  }
  if (total === 0) return 0;
  // Merge the spans, then walk them and the (ordered, disjoint) article paragraphs together.
  const merged: [number, number][] = [];
  for (const span of [...spans].sort((x, y) => x.start - y.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last[1]) last[1] = Math.max(last[1], span.end);
    else if (span.end > span.start) merged.push([span.start, span.end]);
  }
  let covered = 0;
  let p = 0;
  for (const [start, end] of merged) {
    while (p < article.length && article[p]![1] <= start) p++;
    for (let q = p; q < article.length && article[q]![0] < end; q++) {
      covered += Math.max(0, Math.min(article[q]![1], end) - Math.max(article[q]![0], start));
    }
  }
  return Math.round((covered / total) * 1000) / 1000;
}

export function summarize(
  documents: readonly SourceDocument[],
  groups: readonly AlignmentGroup[],
  differences: readonly Difference[],
  unique: readonly UniqueParagraph[],
  figuresByGroup: ReadonlyMap<string, readonly Figure[]>,
  lexicon: LexiconIndex,
): ComparisonSummary {
  const sources: SourceSummary[] = documents.map((document, doc) => {
    const counts: Record<string, number> = {};
    const spans: { start: number; end: number }[] = [];
    for (const difference of differences) {
      // Counted as every output counts (core/counts.ts): the differences marked in the text; a
      // paragraph only this source has is in `unique`.
      if (!isMarkedInText(difference)) continue;
      const mine = difference.spans.filter((span) => span.doc === doc);
      if (mine.length === 0) continue;
      counts[difference.kind] = (counts[difference.kind] ?? 0) + 1;
      spans.push(...mine);
    }
    const omits = groups.filter((group) => group.members.length >= 2 && !group.members.some((member) => member.doc === doc)).map((group) => group.id);
    return {
      doc,
      counts,
      ...countTerms(document, lexicon),
      unique: unique.filter((item) => item.doc === doc).map((item) => item.paragraph),
      omits,
      highlightedShare: highlightedShare(document, spans),
    };
  });
  const claims: ClaimsTable[] = [];
  for (const group of groups) {
    const figures = figuresByGroup.get(group.id) ?? [];
    const byQuantity = new Map<string, Figure[]>();
    for (const figure of figures) {
      const list = byQuantity.get(figure.quantity) ?? [];
      if (!list.some((f) => f.doc === figure.doc)) list.push(figure);
      byQuantity.set(figure.quantity, list);
    }
    for (const [quantity, list] of byQuantity) {
      if (list.length < 2) continue;
      // Money and shares name no thing counted: sums far apart are other sums, not a figure out of line.
      const values = list.map((figure) => figure.value);
      if (BARE_UNITS.has(quantity) && Math.max(...values) >= 5 * Math.min(...values)) continue;
      // Where each source gives the first source's share or sum too, naming another first ("Romney
      // at 21 percent, Trump at 17" against "Trump at 17 percent (Romney at 21)"), they agree: the
      // figure each gives for it is set beside the first's.
      if (BARE_UNITS.has(quantity) && !list.every((figure) => sameValue(figure, list[0]!))) {
        // Only where the first source gives each other's first figure too: both list both. One
        // that gives the same sum for something else besides its own ("an $82 million deal" for one
        // player and "$80 million" for another, against "$80 million") still differs.
        const gives = (doc: number, figure: Figure): Figure | undefined => figures.find((other) => other.doc === doc && other.quantity === quantity && sameValue(other, figure));
        const same = list.map((figure) => (figure.doc === list[0]!.doc ? figure : gives(list[0]!.doc, figure) ? gives(figure.doc, list[0]!) : undefined));
        if (same.every((figure) => figure !== undefined)) list.splice(0, list.length, ...(same as Figure[]));
      }
      claims.push({
        group: group.id,
        quantity: list[0]!.counted,
        rows: list.map((figure) => ({
          doc: figure.doc,
          paragraph: figure.paragraph,
          value: figure.value,
          text: figure.text,
          start: figure.start,
          end: figure.end,
          ...(figure.attribution ? { attribution: figure.attribution } : {}),
          ...(figure.boundText ? { boundText: figure.boundText } : {}),
          ...(figure.unit ? { unit: figure.unit } : {}),
          outlier: isOutlier(figure.value, list.filter((other) => other !== figure).map((other) => other.value)),
        })),
      });
    }
  }
  return { sources, claims };
}
