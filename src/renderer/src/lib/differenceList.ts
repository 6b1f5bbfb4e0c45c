import type { Comparison, Difference, DifferenceKind } from '../../../shared/contract/comparison';
import { isMarkedInText } from '../../../shared/core/counts';
import { describeDifference, labelNamer } from '../../../shared/core/describe';
import { DIFFERENCE_KIND_NAMES } from './differenceKinds';
import { paragraphAt, rowIndexByParagraph, type EventRow } from './eventRows';

/** What the differences panel shows: which kinds and which source, and words to look for. */
export interface DifferenceFilter {
  /** Kinds left out of the list (none: every kind). */
  readonly hiddenKinds: readonly DifferenceKind[];
  /** Only the differences that involve this source (an index into `documents`), or all. */
  readonly source: number | null;
  readonly query: string;
}

export const NO_FILTER: DifferenceFilter = { hiddenKinds: [], source: null, query: '' };

/** One difference as the panel lists it, worked out once per comparison. */
export interface DifferenceEntry {
  /** Index into `Comparison.differences`. */
  readonly index: number;
  readonly kind: DifferenceKind;
  /** The row of the event it is in (reading order). */
  readonly row: number;
  /** The sources it marks, ascending. */
  readonly docs: readonly number[];
  /** The words it marks in each source it marks, shortened, as "doc → words". */
  readonly excerpts: readonly { readonly doc: number; readonly text: string }[];
  /** The difference in words, naming the sources as the page shows them ('' when there is nothing to say). */
  readonly description: string;
  /** Kind, description and marked words, lower-cased, for the search. */
  readonly haystack: string;
}

const EXCERPT_LENGTH = 90;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * Every difference marked in the text (between the members of a passage, or a loaded word in a
 * paragraph only one source has), in the order of the event's rows, then by source and place in
 * its text: so "next" walks down the story as the first source tells it. `describe` puts a difference into words
 * naming the sources as the page shows them (neutral labels in blind mode); the search reads that.
 */
export function differenceEntries(
  comparison: Comparison,
  rows: readonly EventRow[],
  describe: (difference: Difference) => string = (difference) => describeDifference(difference, labelNamer(comparison.documents)),
): DifferenceEntry[] {
  const steps = differenceEntriesInSteps(comparison, rows, describe);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** How many differences `differenceEntriesInSteps` puts into words between two pauses. */
export const ENTRIES_PER_STEP = 250;

/**
 * `differenceEntries` a step at a time, for a long comparison: the generator pauses (yields) after
 * every `perStep` differences, so that its caller can let the page paint and answer in between, and
 * returns the entries when done.
 */
export function* differenceEntriesInSteps(
  comparison: Comparison,
  rows: readonly EventRow[],
  describe: (difference: Difference) => string = (difference) => describeDifference(difference, labelNamer(comparison.documents)),
  perStep = ENTRIES_PER_STEP,
): Generator<void, DifferenceEntry[], void> {
  const rowOfGroup = new Map<string, number>();
  rows.forEach((row, i) => row.group && rowOfGroup.set(row.group.id, i));
  const rowOfParagraph = rowIndexByParagraph(rows);
  const entries: (DifferenceEntry & { readonly first: number })[] = [];
  for (let index = 0; index < comparison.differences.length; index++) {
    if (index % perStep === 0) yield;
    const difference = comparison.differences[index]!;
    // A paragraph only one source has is a row of its own in the event view and is tagged in the
    // columns; it is not listed here, so the list counts what the toolbar counts. The loaded words
    // in it are marked, and listed in its row (found by their paragraph, below).
    if (!isMarkedInText(difference)) continue;
    const spans = [...difference.spans].sort((a, b) => a.doc - b.doc || a.start - b.start);
    const firstSpan = spans[0];
    let row = rowOfGroup.get(difference.group);
    if (row === undefined && firstSpan) {
      const paragraph = paragraphAt(comparison.documents[firstSpan.doc]?.paragraphs ?? [], firstSpan.start);
      row = paragraph === undefined ? undefined : rowOfParagraph.get(`${firstSpan.doc}:${paragraph}`);
    }
    const docs = [...new Set(spans.map((span) => span.doc))];
    const excerpts = docs.map((doc) => {
      const mine = spans.filter((span) => span.doc === doc);
      const text = comparison.documents[doc]?.text ?? '';
      return { doc, text: excerpt(mine.map((span) => text.slice(span.start, span.end)).join(' … ')) };
    });
    // As shown: in blind mode, searching for an outlet's name must not find its differences.
    const description = describe(difference);
    entries.push({
      index,
      kind: difference.kind,
      row: row ?? rows.length,
      docs,
      excerpts,
      description,
      haystack: [DIFFERENCE_KIND_NAMES[difference.kind], description, ...excerpts.map((e) => e.text)].join('\n').toLowerCase(),
      first: firstSpan ? firstSpan.doc * 1e9 + firstSpan.start : 0,
    });
  }
  yield;
  entries.sort((a, b) => a.row - b.row || a.first - b.first || a.index - b.index);
  yield;
  return entries.map(({ first: _first, ...entry }) => entry);
}

/** How many differences the list has (those `differenceEntries` lists), without listing them. */
export function listedDifferenceCount(comparison: Comparison): number {
  let count = 0;
  for (const difference of comparison.differences) if (isMarkedInText(difference)) count++;
  return count;
}

/** The entries the filter lets through, in order. One pass, no matter how the filter changed. */
export function filterEntries(entries: readonly DifferenceEntry[], filter: DifferenceFilter): DifferenceEntry[] {
  const hidden = new Set(filter.hiddenKinds);
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(
    (entry) =>
      !hidden.has(entry.kind) &&
      (filter.source === null || entry.docs.includes(filter.source)) &&
      words.every((word) => entry.haystack.includes(word)),
  );
}

/** How many entries of each kind there are (for the kind filters' counts). */
export function countByKind(entries: readonly DifferenceEntry[]): Partial<Record<DifferenceKind, number>> {
  const counts: Partial<Record<DifferenceKind, number>> = {};
  for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return counts;
}

/**
 * Where a move lands in the filtered list: the next (or previous) entry after the active one, or
 * the first (last) when none is active or the active one is filtered out (then the nearest after
 * it in reading order). Wraps round at the ends.
 */
export function stepThrough(
  all: readonly DifferenceEntry[],
  shown: readonly DifferenceEntry[],
  active: number | null,
  direction: 1 | -1,
): DifferenceEntry | undefined {
  if (shown.length === 0) return undefined;
  const at = active === null ? -1 : shown.findIndex((entry) => entry.index === active);
  if (at >= 0) return shown[(at + direction + shown.length) % shown.length];
  if (active !== null) {
    // Filtered out: go on from where it stands in the whole list.
    const position = new Map(all.map((entry, i) => [entry.index, i]));
    const from = position.get(active) ?? -1;
    const after = shown.find((entry) => (position.get(entry.index) ?? 0) > from);
    const before = [...shown].reverse().find((entry) => (position.get(entry.index) ?? 0) < from);
    if (direction === 1) return after ?? shown[0];
    return before ?? shown.at(-1);
  }
  return direction === 1 ? shown[0] : shown.at(-1);
}

/**
 * Where a difference is in each source: the paragraph its first span there is in, or, for a source
 * it does not mark, that source's paragraph of the same passage. Sources with neither are absent.
 */
export function differenceTargets(comparison: Comparison, groupMembers: (groupId: string) => readonly { readonly doc: number; readonly paragraphs: readonly number[] }[], index: number): Map<number, number> {
  const difference = comparison.differences[index];
  const targets = new Map<number, number>();
  if (!difference) return targets;
  for (const span of [...difference.spans].sort((a, b) => a.start - b.start)) {
    if (targets.has(span.doc)) continue;
    const paragraph = paragraphAt(comparison.documents[span.doc]?.paragraphs ?? [], span.start);
    if (paragraph !== undefined) targets.set(span.doc, paragraph);
  }
  if (difference.group !== '') {
    for (const member of groupMembers(difference.group)) {
      const first = member.paragraphs[0];
      if (!targets.has(member.doc) && first !== undefined) targets.set(member.doc, first);
    }
  }
  return targets;
}

/** `make()`, worked out the first time it is asked for and kept. */
export function lazily<T>(make: () => T): () => T {
  let made: { readonly value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
