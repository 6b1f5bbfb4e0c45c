import { z } from 'zod';

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

/** What a note is written on. Only paragraphs for now; passages, groups and differences come later. */
export const noteTargetSchema = z.object({
  kind: z.literal('paragraph'),
  /** The source's path, as in `SourceDocument.path`. */
  source: z.string().min(1).max(4_096),
  /** `SourceDocument.hash` of the text the note was written on. */
  sourceHash: z.string().max(64),
  /** Index into the source's paragraphs when the note was written. */
  paragraph: z.number().int().nonnegative(),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});
export type NoteTarget = z.infer<typeof noteTargetSchema>;

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
});
export type NoteInput = z.input<typeof noteInputSchema>;
