import type { AlignmentGroup, Comparison, GroupMember } from '../../../shared/contract/comparison';

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

/** Half-open ranges of one document's text, sorted and merged. */
export type Ranges = readonly (readonly [number, number])[];

/** What the views look up again and again, computed once per comparison. */
export interface ComparisonIndex {
  groupOf(ref: ParagraphRef): GroupBadge | undefined;
  /** The first paragraph of `doc` in `group`, if the group has one there. */
  memberIn(group: GroupBadge, doc: number): number | undefined;
  /** The wording-difference ranges of each document, sorted and merged. */
  readonly differenceRanges: readonly Ranges[];
  readonly groups: readonly GroupBadge[];
}

const key = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

/** Sort ranges and merge those that overlap or touch. Empty ranges are dropped. */
export function mergeRanges(ranges: Iterable<readonly [number, number]>): Ranges {
  const sorted = [...ranges].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

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

  const rawRanges = comparison.documents.map((): [number, number][] => []);
  for (const difference of comparison.differences) {
    // A paragraph only one source has is an `omission` by the others: its "Only in this source"
    // tag says so, so its words are not marked as worded differently.
    if (difference.kind === 'omission' || difference.group === '') continue;
    for (const span of difference.spans) rawRanges[span.doc]?.push([span.start, span.end]);
  }

  return {
    groups,
    differenceRanges: rawRanges.map((ranges) => mergeRanges(ranges)),
    groupOf: (ref) => byParagraph.get(key(ref.doc, ref.paragraph)),
    memberIn: (group, doc) => group.members.find((m) => m.doc === doc)?.paragraphs[0],
  };
}

/** A run of a paragraph's text, marked when the sources word it differently. */
export interface TextRun {
  readonly text: string;
  readonly start: number;
  readonly marked: boolean;
}

/**
 * Split the text between `start` and `end` at the given ranges (sorted and merged), so that each
 * run is either wholly inside a difference or wholly outside one.
 */
export function splitAtRanges(text: string, start: number, end: number, ranges: Ranges): TextRun[] {
  const runs: TextRun[] = [];
  let at = start;
  for (const [rangeStart, rangeEnd] of ranges) {
    if (rangeEnd <= at) continue;
    if (rangeStart >= end) break;
    const markStart = Math.max(rangeStart, at);
    const markEnd = Math.min(rangeEnd, end);
    if (markStart > at) runs.push({ text: text.slice(at, markStart), start: at, marked: false });
    runs.push({ text: text.slice(markStart, markEnd), start: markStart, marked: true });
    at = markEnd;
  }
  if (at < end) runs.push({ text: text.slice(at, end), start: at, marked: false });
  return runs;
}
