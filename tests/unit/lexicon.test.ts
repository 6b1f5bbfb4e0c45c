import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LEXICON_KINDS, LEXICON_ROLES, LEXICON_SCHEMA, lexiconSchema, lexiconSetSchema, lexiconTermSchema, parseLexicon, POLARITIES, ROLE_KINDS } from '../../src/shared/contract/lexicon.js';
import { findTerms, indexLexicon, inflectionKey, termTextOf } from '../../src/shared/core/framing/lexicon-index.js';
import { tokenize } from '../../src/shared/core/text.js';
import { defaultLexicon } from '../support/seeds.js';

const termsIn = (text: string): string[] => {
  const index = indexLexicon(defaultLexicon());
  const tokens = tokenize(text);
  return findTerms(index, termTextOf(text, tokens)).map((match) => `${match.term.setId}:${text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end)}`);
};

describe('inflectionKey', () => {
  it('folds inflections but keeps derivations and short stems apart', () => {
    expect(inflectionKey('claimed')).toBe(inflectionKey('claims'));
    expect(inflectionKey('countries')).toBe(inflectionKey('country'));
    expect(inflectionKey('released')).toBe(inflectionKey('release'));
    expect(inflectionKey('reportedly')).not.toBe(inflectionKey('reported'));
    expect(inflectionKey('allegedly')).not.toBe(inflectionKey('alleged'));
    expect(inflectionKey('noted')).not.toBe(inflectionKey('not'));
    expect(inflectionKey('Farmers’')).toBe(inflectionKey('farmer'));
  });
});

describe('findTerms and the words that take a term’s sense away', () => {
  const lexicon = {
    schema: 'parallax.lexicon/1',
    name: 'Senses (test)',
    sets: [
      {
        id: 'senses-test',
        name: 'Senses (test)',
        kind: 'loaded-term',
        role: 'evaluative',
        domain: 'general',
        terms: [{ term: 'false', notAfter: ['filing'] }, { term: 'rout', notBefore: ['through'] }],
      },
    ],
  } as const;
  const found = (text: string): string[] => {
    const tokens = tokenize(text);
    return findTerms(indexLexicon(lexiconSchema.parse(lexicon)), termTextOf(text, tokens)).map((match) => text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end));
  };

  it('does not match a term after a word of its notAfter, nor before one of its notBefore, in any case', () => {
    expect(found('She was charged with filing false returns and made false claims.')).toEqual(['false']);
    expect(found('Calls were routed through Dublin; the challenger routed the mayor.')).toEqual(['routed']);
    expect(found('FILING false returns')).toEqual([]);
  });
});

describe('findTerms with the default lexicon', () => {
  it('finds reporting verbs, hedges and multi-word terms with a gap', () => {
    expect(termsIn('The ministry claimed that the figures may be wrong.')).toEqual(['reporting-verbs:claimed', 'hedges:may']);
    expect(termsIn('The conflict has claimed over 46,500 lives.')).toEqual(['the-fighting:conflict', 'deaths:claimed over 46,500 lives']);
    expect(termsIn('According to the health ministry, 12 people lost their lives.')).toEqual(['sourcing:According to', 'deaths:lost their lives']);
  });

  describe('edge cases', () => {
    it('matches a term of several words only inside one paragraph and one sentence', () => {
      expect(termsIn('Homes flooded by storm\n\nThe storm hit Pell.').filter((found) => /storm/i.test(found))).toEqual([]);
      expect(termsIn('The river rose. The crowd stormed. The gates held.').filter((found) => /storm/i.test(found))).toEqual([]);
      expect(termsIn('Protesters stormed the gates.').filter((found) => /storm/i.test(found))).toEqual([expect.stringMatching(/:stormed the$/)]);
    });

    it('never reads a name, or "not", as a term', () => {
      expect(termsIn('Pressure from the United States grew, and talks did not stop.')).toEqual([]);
    });

    it('prefers the exact word among terms as long: "the suspect" is a noun, "suspected" a hedge', () => {
      expect(termsIn('Police said the suspect fled.')).toEqual(['reporting-verbs:said', 'suspects:suspect']);
      expect(termsIn('A suspected leak was found.')).toEqual(['hedges:suspected']);
    });

    it('takes a word that judges in -ed or -ing for itself, not for the bare word it is made from; verbs of saying in every form', () => {
      const lexicon = {
        schema: LEXICON_SCHEMA,
        name: 'x',
        sets: [
          { id: 'judging', name: 'Judging', kind: 'loaded-term' as const, role: 'evaluative' as const, domain: 'general', terms: [{ term: 'heated' }, { term: 'sweeping' }] },
          { id: 'verbs', name: 'Verbs', kind: 'attribution' as const, role: 'saying' as const, domain: 'general', terms: [{ term: 'claimed' }] },
        ],
      };
      const found = (text: string): string[] => {
        const tokens = tokenize(text);
        return findTerms(indexLexicon(lexicon), termTextOf(text, tokens)).map((match) => text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end));
      };
      expect(found('a heated debate over sweeping cuts')).toEqual(['heated', 'sweeping']);
      expect(found('the heat of the summer, and a sweep of the harbour')).toEqual([]);
      expect(found('Officials claim that it works.')).toEqual(['claim']);
    });

    it('matches a verb-only term as a verb, never in its plain form, which is a noun of another meaning', () => {
      const lexicon = {
        schema: LEXICON_SCHEMA,
        name: 'x',
        sets: [
          { id: 'deceit', name: 'Deceit', kind: 'loaded-term' as const, role: 'charged' as const, domain: 'general', terms: [{ term: 'doctored', verbOnly: true }] },
          { id: 'criticism', name: 'Criticism', kind: 'loaded-term' as const, role: 'charged' as const, domain: 'general', terms: [{ term: 'blasted', verbOnly: true }, { term: 'raged' }] },
          { id: 'obstruction', name: 'Obstruction', kind: 'loaded-term' as const, role: 'charged' as const, domain: 'general', terms: [{ term: 'hamstring', verbOnly: true }] },
        ],
      };
      const found = (text: string): string[] => {
        const tokens = tokenize(text);
        return findTerms(indexLexicon(lexicon), termTextOf(text, tokens)).map((match) => text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end));
      };
      expect(found('The photo was doctored; aides are doctoring the figures.')).toEqual(['doctored', 'doctoring']);
      expect(found('A local doctor heard the blast and the rage of the crowd.')).toEqual(['rage']);
      expect(found('She went on air to blast the plan; critics would doctor nothing.')).toEqual(['blast', 'doctor']);
      expect(found('The mayor blasts the plan.')).toEqual(['blasts']);
      // The lexicon's own word in its plain form, though it ends in -ing: the tendon is not the verb.
      expect(found('He is out with a sore hamstring, and the rules would hamstring the club.')).toEqual(['hamstring']);
    });

    it('takes a polarity on a set of words that judge only, and refuses it elsewhere with the reason', () => {
      const set = (role: 'evaluative' | 'charged') => ({ id: 'praise', name: 'Praise', kind: 'loaded-term', role, polarity: 'approving', domain: 'general', terms: [{ term: 'splendid' }] });
      const good = parseLexicon({ schema: 'parallax.lexicon/1', name: 'x', sets: [set('evaluative')] });
      expect(good.ok).toBe(true);
      if (good.ok) expect(indexLexicon(good.lexicon).byFirstKey.get(inflectionKey('splendid'))?.[0]?.polarity).toBe('approving');
      const bad = parseLexicon({ schema: 'parallax.lexicon/1', name: 'x', sets: [set('charged')] });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.problems.join(' ')).toMatch(/polarity.*role "evaluative"/);
    });

    it('refuses a lexicon that does not fit its schema, with the reason', () => {
      const parsed = parseLexicon({ schema: 'parallax.lexicon/1', name: 'x', sets: [{ id: 'Bad Id', name: 'n', kind: 'loaded-term', domain: 'd', terms: [] }] });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.join(' ')).toMatch(/sets\.0\.(id|terms)/);
    });
  });
});

describe('the lexicon schemas, whose fields are built when first used (issue 13)', () => {
  // The schemas as they were written before, every field built at once.
  const words = z.array(z.string().trim().toLowerCase().min(1).max(40)).max(60).optional();
  const term = z.object({ term: z.string().trim().min(1).max(80), tone: z.string().trim().max(40).optional(), verbOnly: z.boolean().optional(), notAfter: words, notBefore: words });
  const set = z
    .object({
      id: z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens'),
      name: z.string().trim().min(1).max(100),
      kind: z.enum(LEXICON_KINDS),
      role: z.enum(LEXICON_ROLES).optional(),
      polarity: z.enum(POLARITIES).optional(),
      domain: z.string().trim().min(1).max(40),
      description: z.string().trim().max(500).optional(),
      terms: z.array(term).min(1).max(500),
    })
    .superRefine((value, context) => {
      if (value.role !== undefined && ROLE_KINDS[value.role] !== value.kind) {
        context.addIssue({ code: 'custom', path: ['role'], message: `a role ("${value.role}") is for ${ROLE_KINDS[value.role]} sets only, not ${value.kind}` });
      }
      if (value.polarity !== undefined && value.role !== 'evaluative') {
        context.addIssue({ code: 'custom', path: ['polarity'], message: `a polarity ("${value.polarity}") is for sets of words that judge (role "evaluative") only` });
      }
    });
  const lexicon = z
    .object({
      schema: z.literal(LEXICON_SCHEMA),
      name: z.string().trim().min(1).max(100),
      description: z.string().trim().max(2_000).optional(),
      includes: z
        .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/, 'an included lexicon is named by a file name in the same folder, ending in .json'))
        .max(20)
        .optional(),
      sets: z.array(set).max(1_000),
    })
    .superRefine((value, context) => {
      const seen = new Set<string>();
      value.sets.forEach((s, i) => {
        if (seen.has(s.id)) context.addIssue({ code: 'custom', path: ['sets', i, 'id'], message: `the set id "${s.id}" is used twice` });
        seen.add(s.id);
      });
    });
  const outcome = (schema: z.ZodType, value: unknown): unknown => {
    const parsed = schema.safeParse(value);
    return parsed.success ? { data: parsed.data } : { issues: parsed.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
  };
  const shipped = ['default.json', 'evaluative.json', 'induced.json'].map((file) => JSON.parse(readFileSync(join('resources', 'lexicon', file), 'utf8')) as { sets: Record<string, unknown>[] });

  it('accept and refuse what the schemas built at once did, with the same problems', () => {
    const values = fc.constantFrom<unknown>('', ' x ', 'x'.repeat(81), 'Bad Id', 'ok-id', 'loaded-term', 'attribution', 'hedge', 'charged', 'saying', 'evaluative', 'approving', 'disapproving', 3, null, undefined, [], {}, [{ term: 'said' }], [{ term: '' }], ['a.json'], ['../a.json']);
    const fields = fc.constantFrom('id', 'name', 'kind', 'role', 'polarity', 'domain', 'description', 'terms', 'tone', 'term', 'extra');
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), fc.nat(), fc.array(fc.tuple(fields, values), { maxLength: 4 }), fc.constantFrom('schema', 'name', 'includes', 'sets', 'none'), values, (file, at, edits, top, topValue) => {
        const value: Record<string, unknown> = structuredClone(shipped[file]!);
        const sets = value.sets as Record<string, unknown>[];
        const target = sets[at % sets.length]!;
        for (const [field, edit] of edits) {
          const terms = target.terms;
          if (field !== 'tone' && field !== 'term') target[field] = edit;
          else if (Array.isArray(terms) && typeof terms[0] === 'object' && terms[0] !== null) (terms[0] as Record<string, unknown>)[field] = edit;
        }
        if (at % 7 === 0) sets.push(structuredClone(sets[0]!));
        if (top !== 'none') value[top] = topValue;
        expect(outcome(lexiconSchema, value)).toEqual(outcome(lexicon, value));
        expect(outcome(lexiconSetSchema, target)).toEqual(outcome(set, target));
        expect(outcome(lexiconSetSchema.strict(), target)).toEqual(outcome(set.strict(), target));
        expect(outcome(lexiconTermSchema, (target.terms as unknown[] | undefined)?.[0])).toEqual(outcome(term, (target.terms as unknown[] | undefined)?.[0]));
      }),
      { numRuns: 300 },
    );
    for (const file of shipped) expect(outcome(lexiconSchema, file)).toEqual(outcome(lexicon, file));
  });

  it('give the same field schemas every time they are asked for', () => {
    expect(lexiconSetSchema.shape.id).toBe(lexiconSetSchema.shape.id);
    expect(outcome(lexiconSetSchema.shape.id, 'Bad Id')).toEqual(outcome(set.shape.id, 'Bad Id'));
    expect(Object.keys(lexiconSetSchema.shape)).toEqual(Object.keys(set.shape));
  });
});
