import type { AlignmentGroup, Comparison, Difference, DifferenceKind, GroupMember } from '../../../shared/contract/comparison';
import { KIND_PRECEDENCE } from './differenceKinds';
import { countDifferences, isMarkedInText } from '../../../shared/core/counts';

/** One paragraph of one source: indices into `Comparison.documents` and its `paragraphs`. */
export interface ParagraphRef {
  readonly doc: number;
  readonly paragraph: number;
}

/** A group as the reader sees it: a short number for the badge and its members. */
export interface GroupBadge {
  readonly id: string;
  /** 1-based, in the order the comparison lists its groups. */
  readonly number: number;
  readonly members: readonly GroupMember[];
  /** How many sources the group spans. */
  readonly sourceCount: number;
}

/** What the views look up again and again, computed once per comparison. */
export interface ComparisonIndex {
  groupOf(ref: ParagraphRef): GroupBadge | undefined;
  /** The first paragraph of `doc` in `group`, if the group has one there. */
  memberIn(group: GroupBadge, doc: number): number | undefined;
  /** The spans of each document's marked differences (by kind, with the differences they belong to), sorted by start. */
  readonly differenceSpans: readonly (readonly KindedSpan[])[];
  /** How many marked differences of each kind the comparison has (whole-paragraph omissions aside). */
  readonly kindCounts: Readonly<Partial<Record<DifferenceKind, number>>>;
  /** How many differences it has in all, as every output counts them (`countDifferences(comparison).total`). */
  readonly differenceTotal: number;
  readonly groups: readonly GroupBadge[];
}

/** One span of one difference in one document, with its kind and its difference. */
export interface KindedSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: DifferenceKind;
  /** Index of its difference in `Comparison.differences`. */
  readonly difference: number;
  /** The difference itself, to put into words where it is shown (see SourceLabels.describe). */
  readonly detail: Difference;
}

const key = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

export function indexComparison(comparison: Comparison): ComparisonIndex {
  const byParagraph = new Map<string, GroupBadge>();
  const groups = comparison.groups.map((group: AlignmentGroup, i): GroupBadge => {
    const badge: GroupBadge = {
      id: group.id,
      number: i + 1,
      members: group.members,
      sourceCount: new Set(group.members.map((m) => m.doc)).size,
    };
    for (const member of group.members) {
      for (const paragraph of member.paragraphs) {
        if (!byParagraph.has(key(member.doc, paragraph))) byParagraph.set(key(member.doc, paragraph), badge);
      }
    }
    return badge;
  });

  const spans = comparison.documents.map((): KindedSpan[] => []);
  // Counted as every output counts them (shared/core/counts.ts).
  const counts = countDifferences(comparison);
  const kindCounts = counts.byKind;
  comparison.differences.forEach((difference, i) => {
    // A paragraph only one source has is an `omission` by the others: its "Only in this source"
    // tag says so, so its words are not marked.
    if (!isMarkedInText(difference)) return;
    for (const span of difference.spans) {
      if (span.end <= span.start) continue;
      spans[span.doc]?.push({
        start: span.start,
        end: span.end,
        kind: difference.kind,
        difference: i,
        detail: difference,
      });
    }
  });
  for (const list of spans) list.sort((a, b) => a.start - b.start || a.end - b.end);

  return {
    groups,
    differenceSpans: spans,
    kindCounts,
    differenceTotal: counts.total,
    groupOf: (ref) => byParagraph.get(key(ref.doc, ref.paragraph)),
    memberIn: (group, doc) => group.members.find((m) => m.doc === doc)?.paragraphs[0],
  };
}

/** A run of a paragraph's text, marked when the sources word it differently. */
export interface TextRun {
  readonly text: string;
  readonly start: number;
  readonly marked: boolean;
  /** The kind the mark shows, where spans of several kinds overlap (see `KIND_PRECEDENCE`). */
  readonly kind?: DifferenceKind;
  /** The differences the run is part of, shown kind first: their kinds, indices and the differences themselves. */
  readonly differences?: readonly { readonly kind: DifferenceKind; readonly difference: number; readonly detail: Difference }[];
}

const rank = (kind: DifferenceKind): number => KIND_PRECEDENCE.indexOf(kind);

/**
 * Split the text between `start` and `end` at the spans of the differences (sorted by start) of
 * the kinds not hidden. Each run is either unmarked, or marked with one kind: the first by
 * `KIND_PRECEDENCE` of the spans over it. Neighbouring runs that show the same kind are one mark.
 */
export function splitAtDifferences(
  text: string,
  start: number,
  end: number,
  spans: readonly KindedSpan[],
  hidden: ReadonlySet<DifferenceKind> = new Set(),
): TextRun[] {
  const inside = spans.filter((span) => span.end > start && span.start < end && !hidden.has(span.kind));
  const cuts = new Set<number>([start, end]);
  for (const span of inside) {
    cuts.add(Math.max(span.start, start));
    cuts.add(Math.min(span.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: { text: string; start: number; kind?: DifferenceKind; spans: KindedSpan[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const over = inside.filter((span) => span.start <= from && span.end >= to);
    const kind = over.reduce<DifferenceKind | undefined>((best, span) => (best === undefined || rank(span.kind) < rank(best) ? span.kind : best), undefined);
    const last = runs.at(-1);
    if (last && last.kind === kind) {
      last.text += text.slice(from, to);
      last.spans.push(...over);
    } else {
      runs.push({ text: text.slice(from, to), start: from, ...(kind ? { kind } : {}), spans: [...over] });
    }
  }
  return runs.map((run): TextRun => {
    if (!run.kind) return { text: run.text, start: run.start, marked: false };
    const seen = new Set<number>();
    const differences = run.spans
      .filter((span) => !seen.has(span.difference) && seen.add(span.difference))
      .sort((a, b) => rank(a.kind) - rank(b.kind) || a.difference - b.difference)
      .map((span) => ({ kind: span.kind, difference: span.difference, detail: span.detail }));
    return { text: run.text, start: run.start, marked: true, kind: run.kind, differences };
  });
}
