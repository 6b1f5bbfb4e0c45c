import { z } from 'zod';

/**
 * The lexicon: sets of words whose choice frames a report. A difference between two sources is
 * classified by the set its words belong to: two different members of one `loaded-term` set
 * ("hostages" against "captives") are a loaded-term difference; two different `attribution` verbs
 * ("said" against "claimed") an attribution difference; a `hedge` present in one source only a
 * hedge difference; two different members of a `label` set the same actor named differently.
 *
 * Terms are matched by their words' stems, so "claim" also finds "claims" and "claimed"; a term of
 * several words ("lost their lives", "according to") matches those words in a row.
 */
export const LEXICON_SCHEMA = 'parallax.lexicon/1' as const;
export const LEXICON_KINDS = ['loaded-term', 'attribution', 'hedge', 'label'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

export const lexiconTermSchema = z.object({
  /** The word or words, in any inflected form. */
  term: z.string().trim().min(1).max(80),
  /**
   * What choosing it signals, in a word a reader understands: for attribution verbs "neutral",
   * "doubt", "emphasis", "concession"; for loaded terms a short gloss such as "sympathetic".
   */
  tone: z.string().trim().max(40).optional(),
});
export type LexiconTerm = z.infer<typeof lexiconTermSchema>;

export const lexiconSetSchema = z.object({
  id: z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens'),
  /** A name for people: "People held captive". */
  name: z.string().trim().min(1).max(100),
  kind: z.enum(LEXICON_KINDS),
  /** Which field of reporting it belongs to: conflict, politics, crime and justice, economics, general. */
  domain: z.string().trim().min(1).max(40),
  /** Why the choice matters, for the person reading the difference. */
  description: z.string().trim().max(500).optional(),
  terms: z.array(lexiconTermSchema).min(1).max(500),
});
export type LexiconSet = z.infer<typeof lexiconSetSchema>;

export const lexiconSchema = z
  .object({
    schema: z.literal(LEXICON_SCHEMA),
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2_000).optional(),
    sets: z.array(lexiconSetSchema).max(1_000),
  })
  .superRefine((lexicon, context) => {
    const seen = new Set<string>();
    lexicon.sets.forEach((set, i) => {
      if (seen.has(set.id)) context.addIssue({ code: 'custom', path: ['sets', i, 'id'], message: `the set id "${set.id}" is used twice` });
      seen.add(set.id);
    });
  });
export type Lexicon = z.infer<typeof lexiconSchema>;

/** Check a lexicon read from a file; the problems in words, or the lexicon. */
export function parseLexicon(value: unknown): { ok: true; lexicon: Lexicon } | { ok: false; problems: string[] } {
  const parsed = lexiconSchema.safeParse(value);
  if (parsed.success) return { ok: true, lexicon: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`) };
}
