import { z } from 'zod';
import { DIFFERENCE_KINDS } from './comparison.js';

/**
 * Notes, as kept in the store and passed between processes.
 *
 * A note's passage is described the way the W3C Web Annotation model does it: the quoted text with
 * some context (TextQuoteSelector) and its position (TextPositionSelector), plus the hash of the
 * source text it was written on, so that it can be re-attached when the source changes.
 */

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().max(100_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/**
 * One place in one source a note is attached to: the source and the hash of the text the note was
 * written on, the paragraph it was in, and the passage as a W3C text-quote selector (exact text with
 * context) and text-position selector (offsets into `SourceDocument.text`).
 */
export const anchorSchema = z.object({
  /** The source's path, as in `SourceDocument.path`. */
  source: z.string().min(1).max(4_096),
  /** `SourceDocument.hash` of the text the note was written on. */
  sourceHash: z.string().max(64),
  /** Index into the source's paragraphs when the note was written. */
  paragraph: z.number().int().nonnegative(),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});
export type Anchor = z.infer<typeof anchorSchema>;

/** The kinds of difference a note may be written on. */
const differenceKind = z.enum(DIFFERENCE_KINDS);

/**
 * What a note is written on.
 * - `paragraph`: a whole paragraph (the anchor's quote is the paragraph's text);
 * - `passage`: a passage a person selected inside a paragraph;
 * - `group`: a group of aligned paragraphs ("B softens A's ICC wording"): one anchor per member
 *   paragraph, so the note finds its group again when the comparison is worked out anew;
 * - `difference`: one classified difference: its kind, its note when written ("said → claimed"),
 *   and one anchor per span it involves.
 * Group and difference ids change when a comparison is computed again, so targets never store them.
 */
export const noteTargetSchema = z.discriminatedUnion('kind', [
  anchorSchema.extend({ kind: z.literal('paragraph') }),
  anchorSchema.extend({ kind: z.literal('passage') }),
  z.object({ kind: z.literal('group'), anchors: z.array(anchorSchema).min(1).max(200) }),
  z.object({
    kind: z.literal('difference'),
    differenceKind,
    summary: z.string().max(1_000),
    anchors: z.array(anchorSchema).min(1).max(200),
  }),
]);
export type NoteTarget = z.infer<typeof noteTargetSchema>;
export type NoteTargetKind = NoteTarget['kind'];
export type ParagraphTarget = Extract<NoteTarget, { kind: 'paragraph' }>;
export type PassageTarget = Extract<NoteTarget, { kind: 'passage' }>;
export type GroupTarget = Extract<NoteTarget, { kind: 'group' }>;
export type DifferenceTarget = Extract<NoteTarget, { kind: 'difference' }>;

/** The anchors of any target: one for a paragraph or passage, several for a group or difference. */
export function targetAnchors(target: NoteTarget): readonly Anchor[] {
  return target.kind === 'group' || target.kind === 'difference' ? target.anchors : [target];
}

export const noteSchema = z.object({
  id: z.string().min(1).max(64),
  comparisonId: z.string().min(1).max(64),
  target: noteTargetSchema,
  body: z.string().max(100_000),
  tags: z.array(z.string().min(1).max(100)).max(100),
  author: z.string().max(200),
  created: z.string().max(40),
  updated: z.string().max(40),
});
export type Note = z.infer<typeof noteSchema>;

/** What the page sends to save a note: a new one has no id yet. */
export const noteInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  comparisonId: z.string().min(1).max(64),
  target: noteTargetSchema,
  body: z.string().max(100_000),
  tags: z.array(z.string().min(1).max(100)).max(100).default([]),
  /** Who wrote it; without it, main uses the author name from the settings. */
  author: z.string().max(200).optional(),
});
export type NoteInput = z.input<typeof noteInputSchema>;
