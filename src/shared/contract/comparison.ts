/**
 * The comparison contract: what `parallax compare --json` prints and what the app's views consume.
 *
 * Field names are part of the contract. Later versions add kinds and fields; they never rename or
 * remove these. All offsets are UTF-16 code units into `SourceDocument.text`, end exclusive.
 */

/** The schema tag carried by every comparison. */
export const COMPARISON_SCHEMA = 'parallax.comparison/1' as const;

/** What a block of a source is, for a reader of news. */
export const PARAGRAPH_KINDS = ['title', 'heading', 'body', 'caption', 'boilerplate'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** One block of a source: a range of its text and what kind of block it is. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly kind: ParagraphKind;
}

/** One source as analysed: its decoded text exactly as shown, and its blocks. */
export interface SourceDocument {
  /** Where it came from: a file path, or a name for text that came from elsewhere. */
  readonly path: string;
  /** The outlet or short name shown above its column. */
  readonly label: string;
  readonly title: string;
  /** The decoded text, exactly as analysed and shown. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** A hash of `text`, so that notes can tell when a source changed. */
  readonly hash: string;
}

/** The paragraphs of one document that belong to a group. */
export interface GroupMember {
  /** Index into `Comparison.documents`. */
  readonly doc: number;
  /** Indices into that document's `paragraphs`, ascending. */
  readonly paragraphs: readonly number[];
}

/** Paragraphs of two or more documents that report the same thing. */
export interface AlignmentGroup {
  readonly id: string;
  readonly members: readonly GroupMember[];
  /** How alike the members are, from 0 to 1. */
  readonly score: number;
}

/** The kinds of difference Parallax reports. Only `wording` is produced so far. */
export const DIFFERENCE_KINDS = [
  'wording',
  'attribution',
  'loaded-term',
  'figure',
  'quote',
  'hedge',
  'label',
  'omission',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** A range of one document's text. */
export interface TextSpan {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
}

/** One difference between members of a group, with the exact ranges it involves in each document. */
export interface Difference {
  /** The `id` of the group it belongs to. */
  readonly group: string;
  readonly kind: DifferenceKind;
  readonly spans: readonly TextSpan[];
  /** A short text a person can read, such as "said → claimed". */
  readonly note?: string;
}

/** The whole result of comparing several sources. */
export interface Comparison {
  readonly schema: typeof COMPARISON_SCHEMA;
  readonly documents: readonly SourceDocument[];
  readonly groups: readonly AlignmentGroup[];
  readonly differences: readonly Difference[];
}
