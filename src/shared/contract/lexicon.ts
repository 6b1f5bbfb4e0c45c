import { z } from 'zod';

/**
 * The lexicon: sets of words whose choice frames a report. A difference between two sources is
 * classified by the set its words belong to: two different members of one `loaded-term` set
 * ("hostages" against "captives") are a loaded-term difference; two different `attribution` verbs
 * ("said" against "claimed") an attribution difference; a `hedge` present in one source only a
 * hedge difference; two different members of a `label` set the same actor named differently. A
 * set's `role` says what more part it plays (a word loaded in itself, a verb of saying, a phrase
 * that credits a source): the rules of core/framing/rules go by kinds and roles, never by set ids.
 *
 * Terms are matched by their words' stems, so "claim" also finds "claims" and "claimed"; a term of
 * several words ("lost their lives", "according to") matches those words in a row.
 */
export const LEXICON_SCHEMA = 'parallax.lexicon/1' as const;
/**
 * What a set is for. A `label` set lists names for a party that are not its name ("the group",
 * "the regime", "the operator"): two different ones in aligned text are a difference, unless both
 * carry the tone "neutral" ("the company" and "the firm" name it without a verdict).
 */
export const LEXICON_KINDS = ['loaded-term', 'attribution', 'hedge', 'label'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

/**
 * How the loaded-language rule (core/framing/rules/loaded-language.ts) reads a `loaded-term` set. A
 * set without a role lists alternatives for one thing ("hostages", "captives", "prisoners"), none
 * loaded in itself: only two different ones in aligned text make a difference. With a role, a term
 * is loaded wording in itself, and is marked where one source uses it and the matching sentence of
 * another does not:
 * - `charged`: words for one meaning, each charged but those whose tone is "neutral" ("slammed",
 *   "blasted" against the plain "criticized"); a term of the same set in the other source's
 *   sentence is named as its counterpart.
 * - `evaluative`: an open list of words that judge rather than report ("phony", "disgraceful",
 *   "fiercely"), not alternatives of each other, so no counterpart is named. A term whose tone is
 *   "intensifier" only says how much ("very", "really"): marked in the outlet's words, not inside
 *   a quotation, where it is how people talk.
 */
export const LOADED_ROLES = ['charged', 'evaluative'] as const;
export type LoadedRole = (typeof LOADED_ROLES)[number];

/**
 * Which way the words of an evaluative set judge what they describe: as good ("heroic",
 * "brilliant") or as bad ("disgraceful", "ludicrous"). Inside a quotation, praise is the speaker's
 * courtesy or their view of their own side ("grateful for the invitation", "a thoughtful
 * dialogue", "Nice to see all of you") and is not marked; words that judge as bad still are.
 */
export const POLARITIES = ['approving', 'disapproving'] as const;
export type Polarity = (typeof POLARITIES)[number];

/**
 * How the attribution rules read an `attribution` set. Two different terms of one attribution set
 * in a change that signal differently are a difference whatever the role ("said" → "claimed");
 * the role adds:
 * - `saying`: verbs of saying ("said", "claimed", "insisted"), each with the tone it signals. They
 *   are compared sentence by sentence too (a quotation and a paraphrase put the verb in different
 *   places), and one used as a noun or in the passive ("the claims", "could be dismissed") is no
 *   one reporting.
 * - `crediting`: phrases that credit a statement to a source ("according to", "citing"). One
 *   source crediting a source where the other credits none anywhere in the passage is a
 *   difference.
 */
export const ATTRIBUTION_ROLES = ['saying', 'crediting'] as const;
export type AttributionRole = (typeof ATTRIBUTION_ROLES)[number];

/** Every role a set may have: what part it plays for the rules, never its id. */
export const LEXICON_ROLES = [...LOADED_ROLES, ...ATTRIBUTION_ROLES] as const;
export type LexiconRole = (typeof LEXICON_ROLES)[number];

/** The kind of set each role is for. */
export const ROLE_KINDS: Readonly<Record<LexiconRole, LexiconKind>> = {
  charged: 'loaded-term',
  evaluative: 'loaded-term',
  saying: 'attribution',
  crediting: 'attribution',
};

/** Whether a role makes a set's words loaded in themselves (`charged`, `evaluative`). */
export const isLoadedRole = (role: LexiconRole | undefined): role is LoadedRole => role === 'charged' || role === 'evaluative';

/**
 * The roles of the default lexicon's attribution sets, by id: lexicons written before attribution
 * sets had a role (a person's own file, or a default set edited and kept in the store) name the
 * sets by these ids, and an attribution set with one of them and no role plays its part as before.
 */
const ROLES_OF_DEFAULT_ATTRIBUTION_SETS: ReadonlyMap<string, AttributionRole> = new Map([
  ['reporting-verbs', 'saying'],
  ['sourcing', 'crediting'],
]);

/**
 * The role a set plays for the rules: its own, or, for an attribution set without one, that of the
 * default set with its id ("reporting-verbs": saying, "sourcing": crediting); none otherwise.
 */
export function roleOf(set: { readonly id: string; readonly kind: LexiconKind; readonly role?: LexiconRole }): LexiconRole | undefined {
  if (set.role !== undefined) return set.role;
  return set.kind === 'attribution' ? ROLES_OF_DEFAULT_ATTRIBUTION_SETS.get(set.id) : undefined;
}

/*
 * The schemas' fields are getters, which zod reads once, the first time a schema checks something
 * (zod's own way to define a field later, as recursive schemas do): building every field's schema
 * at load took some 3 ms of every `parallax compare`, which checks no lexicon of its own when the
 * shipped one is used (issue 13). The schemas are the same.
 */
export const lexiconTermSchema = z.object({
  /** The word or words, in any inflected form. */
  get term() {
    return z.string().trim().min(1).max(80);
  },
  /**
   * What choosing it signals, in a word a reader understands: for attribution verbs "neutral",
   * "doubt", "emphasis", "concession"; for loaded terms a short gloss such as "sympathetic".
   */
  get tone() {
    return z.string().trim().max(40).optional();
  },
  /**
   * Matched only as a verb: for a verb whose plain form is a noun of another meaning ("doctored"
   * and "a doctor", "milked" and "milk", "blasted" and "a blast"), the plain form is never the
   * term (its forms in -ed and -ing are, and in -s after who does it, as for every verb).
   */
  get verbOnly() {
    return z.boolean().optional();
  },
  /**
   * Words right before the term that take its sense away, lower case: after "filing" or "gave",
   * "false" names an offence ("filing false tax returns") and judges nothing.
   */
  get notAfter() {
    return z.array(z.string().trim().toLowerCase().min(1).max(40)).max(60).optional();
  },
  /**
   * Words right after the term that take its sense away: before "through" or "to", "routed" is
   * "route", not the charged "rout"; before "held", "sincerely" is the courts' test of a belief.
   */
  get notBefore() {
    return z.array(z.string().trim().toLowerCase().min(1).max(40)).max(60).optional();
  },
});
export type LexiconTerm = z.infer<typeof lexiconTermSchema>;

export const lexiconSetSchema = z
  .object({
    get id() {
      return z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');
    },
    /** A name for people: "People held captive". */
    get name() {
      return z.string().trim().min(1).max(100);
    },
    get kind() {
      return z.enum(LEXICON_KINDS);
    },
    /**
     * The part the set plays for the rules, which go by roles, never by set ids: for a `loaded-term`
     * set, whether its words are loaded in themselves and how (LOADED_ROLES); for an `attribution`
     * set, whether it holds verbs of saying or phrases that credit a source (ATTRIBUTION_ROLES).
     */
    get role() {
      return z.enum(LEXICON_ROLES).optional();
    },
    /** For an `evaluative` set, which way its words judge (POLARITIES). */
    get polarity() {
      return z.enum(POLARITIES).optional();
    },
    /** Which field of reporting it belongs to: conflict, politics, crime and justice, economics, immigration, elections, health, guns, climate, general. */
    get domain() {
      return z.string().trim().min(1).max(40);
    },
    /** Why the choice matters, for the person reading the difference. */
    get description() {
      return z.string().trim().max(500).optional();
    },
    get terms() {
      return z.array(lexiconTermSchema).min(1).max(500);
    },
  })
  .superRefine((set, context) => {
    if (set.role !== undefined && ROLE_KINDS[set.role] !== set.kind) {
      context.addIssue({ code: 'custom', path: ['role'], message: `a role ("${set.role}") is for ${ROLE_KINDS[set.role]} sets only, not ${set.kind}` });
    }
    if (set.polarity !== undefined && set.role !== 'evaluative') {
      context.addIssue({ code: 'custom', path: ['polarity'], message: `a polarity ("${set.polarity}") is for sets of words that judge (role "evaluative") only` });
    }
  });
export type LexiconSet = z.infer<typeof lexiconSetSchema>;

export const lexiconSchema = z
  .object({
    get schema() {
      return z.literal(LEXICON_SCHEMA);
    },
    get name() {
      return z.string().trim().min(1).max(100);
    },
    get description() {
      return z.string().trim().max(2_000).optional();
    },
    /**
     * Other lexicon files in the same folder whose sets are read after this file's, as one lexicon
     * (the default lexicon keeps the word list derived from VADER, under its own licence, in
     * evaluative.json). File names only; an included file includes nothing itself.
     */
    get includes() {
      return z
        .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/, 'an included lexicon is named by a file name in the same folder, ending in .json'))
        .max(20)
        .optional();
    },
    get sets() {
      return z.array(lexiconSetSchema).max(1_000);
    },
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

/**
 * A lexicon with the sets of the files it includes appended, in the order it names them: one
 * lexicon, without `includes`. Problems in words when an included file includes others or a set id
 * is used twice.
 */
export function withIncludedSets(
  lexicon: Lexicon,
  included: readonly { readonly file: string; readonly lexicon: Lexicon }[],
): { ok: true; lexicon: Lexicon } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set(lexicon.sets.map((set) => set.id));
  const sets = [...lexicon.sets];
  for (const { file, lexicon: other } of included) {
    if (other.includes && other.includes.length > 0) problems.push(`${file}: an included lexicon may not include others`);
    for (const set of other.sets) {
      if (seen.has(set.id)) problems.push(`${file}: the set id "${set.id}" is used twice`);
      seen.add(set.id);
      sets.push(set);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const { includes: _includes, ...rest } = lexicon;
  return { ok: true, lexicon: { ...rest, sets } };
}
