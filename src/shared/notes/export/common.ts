import type { Comparison } from '../../contract/comparison.js';
import type { Codebook } from '../../contract/codebook.js';
import { targetAnchors, type Anchor, type Note } from '../../contract/notes.js';
import { placeNotes, type NotePlace, type PlacedAnchor } from '../place.js';

/**
 * What every export is made from: comparisons with their notes, each note placed on the comparison
 * as it is now (or an orphan when its passage or its source is gone).
 */

/** A source as the store remembers it, for comparisons whose files cannot be opened now. */
export interface ExportSource {
  readonly path: string;
  readonly label: string;
}

export interface ExportComparison {
  /** The comparison's id in the store (notes' `comparisonId`). */
  readonly id: string;
  readonly title: string;
  /** The comparison as worked out now; absent when its sources could not be opened (every note is then an orphan). */
  readonly comparison?: Comparison;
  /** Its sources as remembered; used for labels when `comparison` is absent or lacks a note's source. */
  readonly sources?: readonly ExportSource[];
  readonly notes: readonly Note[];
  /** `placeNotes(notes, comparison)`, when the caller has it already; worked out otherwise. */
  readonly places?: readonly NotePlace[];
}

export interface NotesExport {
  readonly comparisons: readonly ExportComparison[];
  /** The codebook the notes' tags come from, to give codes their labels. */
  readonly codebook?: Codebook | null;
  /** When the export was made (ISO 8601); now when absent. */
  readonly exported?: string;
}

/** Where a note stands, with what the exports need to say about it. */
export interface NoteRow {
  readonly place: NotePlace;
  /** 'passage': on a paragraph or passage; 'group': a group or difference note; 'orphan': not found now. */
  readonly section: 'passage' | 'group' | 'orphan';
  /** 1-based number of the group it is on (or its paragraph is in), as the app shows it. */
  readonly groupNumber?: number;
}

/** The notes' placements, worked out when the caller did not give them. */
export function placesOf(item: ExportComparison): readonly NotePlace[] {
  if (item.places && item.places.length === item.notes.length) return item.places;
  if (item.comparison) return placeNotes(item.notes, item.comparison);
  return item.notes.map((note) => ({ note, status: 'orphan' as const, anchors: targetAnchors(note.target).map(() => null) }));
}

/** The last part of a path, for a source with no label. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** The label people know a source by: the comparison's, the remembered one, or its file name. */
export function sourceLabel(item: ExportComparison, path: string): string {
  return (
    item.comparison?.documents.find((doc) => doc.path === path)?.label ??
    item.sources?.find((source) => source.path === path)?.label ??
    fileName(path)
  );
}

/** The group number (1-based) holding a paragraph of a comparison. */
function groupNumberOf(comparison: Comparison, doc: number, paragraph: number): number | undefined {
  const index = comparison.groups.findIndex((group) => group.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)));
  return index < 0 ? undefined : index + 1;
}

/** The group number a placed note belongs to, if any. */
function groupNumberFor(item: ExportComparison, place: NotePlace): number | undefined {
  const comparison = item.comparison;
  if (!comparison || place.status === 'orphan') return undefined;
  if (place.group !== undefined) {
    const index = comparison.groups.findIndex((group) => group.id === place.group);
    if (index >= 0) return index + 1;
  }
  if (place.difference !== undefined) {
    const id = comparison.differences[place.difference]?.group;
    const index = comparison.groups.findIndex((group) => group.id === id);
    if (index >= 0) return index + 1;
  }
  const first = place.anchors.find((anchor) => anchor !== null);
  return first ? groupNumberOf(comparison, first.doc, first.paragraph) : undefined;
}

/**
 * A comparison's notes in reading order: notes on paragraphs and passages by source order then
 * position; then group and difference notes in group order; then orphans, as they were saved.
 */
export function readingOrder(item: ExportComparison): NoteRow[] {
  const rows = placesOf(item).map((place, given): NoteRow & { key: readonly number[] } => {
    const kind = place.note.target.kind;
    const first = place.anchors.find((anchor) => anchor !== null);
    const groupNumber = groupNumberFor(item, place);
    const base = groupNumber === undefined ? {} : { groupNumber };
    if (place.status === 'orphan' || !first) return { place, section: 'orphan', ...base, key: [2, given] };
    if (kind === 'group' || kind === 'difference') return { place, section: 'group', ...base, key: [1, groupNumber ?? Number.MAX_SAFE_INTEGER, first.doc, first.start, given] };
    return { place, section: 'passage', ...base, key: [0, first.doc, first.start, first.end, given] };
  });
  rows.sort((a, b) => {
    for (let i = 0; i < Math.max(a.key.length, b.key.length); i++) {
      const difference = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return rows.map(({ place, section, groupNumber }) => (groupNumber === undefined ? { place, section } : { place, section, groupNumber }));
}

/** One anchor of a note, saved and (when found) placed, with the text it stands on now. */
export interface AnchorRow {
  readonly saved: Anchor;
  readonly placed: PlacedAnchor | null;
  readonly label: string;
  /** The words it stands on now when placed; the words saved with the note otherwise. */
  readonly quote: string;
  /** 1-based paragraph number now (as saved, for an anchor not found). */
  readonly paragraphNumber: number;
  readonly start: number;
  readonly end: number;
}

export function anchorRows(item: ExportComparison, place: NotePlace): AnchorRow[] {
  return targetAnchors(place.note.target).map((saved, i) => {
    const placed = place.anchors[i] ?? null;
    const doc = placed ? item.comparison?.documents[placed.doc] : undefined;
    if (placed && doc) {
      return { saved, placed, label: doc.label, quote: doc.text.slice(placed.start, placed.end), paragraphNumber: placed.paragraph + 1, start: placed.start, end: placed.end };
    }
    return { saved, placed: null, label: sourceLabel(item, saved.source), quote: saved.quote.exact, paragraphNumber: saved.paragraph + 1, start: saved.position.start, end: saved.position.end };
  });
}

/** A code's label from the codebook, or the tag itself. */
export function codeLabel(codebook: Codebook | null | undefined, tag: string): string {
  return codebook?.codes.find((code) => code.id === tag)?.label ?? tag;
}

/** What a note is on, in words: "Paragraph", "Passage", "Group", "Difference: Attribution". */
export function targetDescription(note: Note): string {
  const { target } = note;
  switch (target.kind) {
    case 'paragraph':
      return 'Paragraph';
    case 'passage':
      return 'Passage';
    case 'group':
      return 'Group of aligned paragraphs';
    case 'difference':
      return `Difference (${target.differenceKind})${target.summary ? `: ${target.summary}` : ''}`;
  }
}
