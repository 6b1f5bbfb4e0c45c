import { z } from 'zod';

/**
 * A codebook (`parallax.codebook/1`): the codes a person tags notes with when coding articles
 * (framing analysis, a class's assignment). The shipped default is resources/codebook/default.json,
 * documented in resources/codebook/README.md. A note's tags are code ids.
 *
 * Messages are written for the person who edits the file by hand: each says what is wrong and what
 * a good value looks like.
 */

export const CODEBOOK_FORMAT = 'parallax.codebook/1' as const;

/** A code's id: lower-case letters and digits joined by hyphens, like "human-interest". */
export const CODE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const codebookCodeSchema = z
  .object({
    id: z
      .string({ error: 'each code needs an "id", such as "human-interest"' })
      .trim()
      .min(1, 'a code\'s "id" cannot be empty')
      .max(60, 'a code\'s "id" can be at most 60 characters')
      .regex(CODE_ID_PATTERN, 'ids are lower-case words joined by hyphens, such as "human-interest"'),
    label: z
      .string({ error: 'each code needs a "label", the name people see, such as "Human interest"' })
      .trim()
      .min(1, 'a code\'s "label" cannot be empty')
      .max(100, 'a code\'s "label" can be at most 100 characters'),
    description: z
      .string({ error: 'each code needs a "description" (it may be "")' })
      .trim()
      .max(2_000, 'a code\'s "description" can be at most 2,000 characters'),
    /** A heading codes are listed under, such as "Generic frames". */
    family: z.string({ error: 'a code\'s "family" must be text' }).trim().max(100, 'a code\'s "family" can be at most 100 characters').optional(),
  })
  .strict();

export const codebookSchema = z
  .object({
    format: z.literal(CODEBOOK_FORMAT, { error: `"format" must be "${CODEBOOK_FORMAT}"` }),
    name: z
      .string({ error: 'it needs a "name"' })
      .trim()
      .min(1, 'its "name" cannot be empty')
      .max(200, 'its "name" can be at most 200 characters'),
    description: z.string({ error: '"description" must be text' }).trim().max(2_000, 'its "description" can be at most 2,000 characters').optional(),
    codes: z.array(codebookCodeSchema, { error: '"codes" must be a list of codes' }).max(1_000, 'a codebook can hold at most 1,000 codes'),
  })
  .strict()
  .superRefine((codebook, context) => {
    const seen = new Set<string>();
    codebook.codes.forEach((code, i) => {
      if (seen.has(code.id)) context.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `the code id "${code.id}" is used twice` });
      seen.add(code.id);
    });
  });

export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookCode = z.infer<typeof codebookCodeSchema>;

/** Where a problem is, for people: "code 3 (“conflict”), label" rather than "codes.2.label". */
function where(path: readonly PropertyKey[], value: unknown): string {
  // Messages about the codebook's own fields name the field themselves.
  if (path.length <= 1) return 'the codebook';
  if (path[0] === 'codes' && typeof path[1] === 'number') {
    const codes = (value as { codes?: unknown } | null)?.codes;
    const code = Array.isArray(codes) ? (codes[path[1]] as { id?: unknown } | undefined) : undefined;
    const named = typeof code?.id === 'string' && code.id ? ` (“${code.id}”)` : '';
    return `code ${path[1] + 1}${named}`;
  }
  return path.map(String).join('.');
}

/** Check a codebook read from a file: the codebook, or every problem in words a person can act on. */
export function parseCodebook(value: unknown): { ok: true; codebook: Codebook } | { ok: false; problems: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [`the codebook: expected an object with "format": "${CODEBOOK_FORMAT}", a "name" and a list of "codes"`] };
  }
  const parsed = codebookSchema.safeParse(value);
  if (parsed.success) return { ok: true, codebook: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown ${issue.keys.length > 1 ? 'fields' : 'field'} ${issue.keys.map((key) => `"${key}"`).join(', ')} (${issue.path.length === 0 ? 'a codebook has format, name, description and codes' : 'a code has id, label, description and family'})`
          : issue.message;
      return `${where(issue.path, value)}: ${message}`;
    }),
  };
}

/** A code's id made from its label: lower-case letters and digits joined by hyphens ('' when none are left). */
export function codeIdFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}
