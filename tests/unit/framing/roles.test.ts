import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/shared/contract/comparison.js';
import { parseLexicon, roleOf, type Lexicon, type LexiconSet } from '../../../src/shared/contract/lexicon.js';
import { byRule, compareArticles, ferry, FERRY, listed } from '../../support/articles.js';
import { defaultLexicon } from '../../support/seeds.js';

/**
 * The rules go by the roles of the lexicon's sets, never by their ids; a lexicon written before
 * attribution sets had a role (a person's own file, or a default set edited in the app and kept in
 * the store) still loads and behaves as before, by the ids of the default's attribution sets.
 */

const lexicon = defaultLexicon();

/** The lexicon with its attribution sets changed by `change`. */
const withAttributionSets = (change: (set: LexiconSet) => LexiconSet): Lexicon => ({ ...lexicon, sets: lexicon.sets.map((set) => (set.kind === 'attribution' ? change(set) : set)) });
const withoutRole = (set: LexiconSet): LexiconSet => {
  const { role: _role, ...rest } = set;
  return rest;
};
const RENAMED: Readonly<Record<string, string>> = { 'reporting-verbs': 'verbs-of-saying', sourcing: 'credits' };

/** Two outlets: a source credited on one side, a quotation's verb against the paraphrase's, and a verb of saying used as a noun. */
const ARTICLES = {
  'pier-post': ferry({
    2: '“Repairs will take at least two weeks,” harbour master Tamsin Vell insisted. The ferry will run again in May, according to the harbour office.',
    3: `${FERRY[3]} The claims of the islanders were heard by the council.`,
  }),
  'island-times': ferry({
    2: 'Harbour master Tamsin Vell said repairs would take at least two weeks. The ferry will run again in May.',
    3: `${FERRY[3]} The islanders were heard by the council.`,
  }),
};

/** A comparison as JSON, with set ids put back to the default's. */
const asDefault = (comparison: Comparison): string => JSON.stringify(comparison).replace(/"(verbs-of-saying|credits)"/g, (_m, id: string) => `"${Object.entries(RENAMED).find(([, renamed]) => renamed === id)![0]}"`);

describe('roles in the lexicon', () => {
  it('ships the default attribution sets with their roles', () => {
    expect(lexicon.sets.filter((set) => set.kind === 'attribution').map((set) => `${set.id}: ${set.role}`)).toEqual(['reporting-verbs: saying', 'sourcing: crediting']);
  });

  it('accepts an attribution role on an attribution set only, and a loaded role on a loaded-term set only', () => {
    const base = { schema: 'parallax.lexicon/1', name: 'x' } as const;
    const set = (kind: string, role: string) => ({ id: 'mine', name: 'Mine', kind, role, domain: 'general', terms: [{ term: 'said' }] });
    expect(parseLexicon({ ...base, sets: [set('attribution', 'saying')] }).ok).toBe(true);
    expect(parseLexicon({ ...base, sets: [set('attribution', 'crediting')] }).ok).toBe(true);
    const wrong = parseLexicon({ ...base, sets: [set('loaded-term', 'crediting')] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems.join(' ')).toMatch(/sets\.0\.role: a role \("crediting"\) is for attribution sets only, not loaded-term/);
    expect(parseLexicon({ ...base, sets: [set('attribution', 'speaking')] }).ok).toBe(false);
  });

  it('gives an attribution set without a role the role of the default set with its id, and nothing else one', () => {
    const set = (id: string, kind: LexiconSet['kind'], role?: LexiconSet['role']) => ({ id, kind, ...(role ? { role } : {}) });
    expect(roleOf(set('reporting-verbs', 'attribution'))).toBe('saying');
    expect(roleOf(set('sourcing', 'attribution'))).toBe('crediting');
    expect(roleOf(set('sourcing', 'attribution', 'saying'))).toBe('saying');
    expect(roleOf(set('my-verbs', 'attribution'))).toBeUndefined();
    expect(roleOf(set('sourcing', 'loaded-term'))).toBeUndefined();
    expect(roleOf(set('constructor', 'attribution'))).toBeUndefined();
  });

  it('reads a lexicon written before attribution sets had a role as before: the same comparison, byte for byte', () => {
    const old = withAttributionSets(withoutRole);
    expect(old.sets.some((set) => set.kind === 'attribution' && set.role !== undefined)).toBe(false);
    const parsed = parseLexicon(JSON.parse(JSON.stringify(old)));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const shipped = compareArticles(ARTICLES);
    const before = compareArticles(ARTICLES, { lexicon: parsed.lexicon });
    // The articles hold what the roles decide: a credit on one side, two verbs that signal differently, and a noun ("the claims") that is no one reporting.
    expect(byRule(shipped.differences, 'credit-one-side'), listed(shipped.documents, shipped.differences)).toHaveLength(1);
    expect(shipped.differences.filter((difference) => difference.kind === 'attribution' && difference.sides?.some((side) => side.terms.some((term) => term.text === 'insisted')))).toHaveLength(1);
    expect(shipped.differences.some((difference) => difference.sides?.some((side) => side.terms.some((term) => term.text === 'claims')))).toBe(false);
    expect(JSON.stringify(before)).toBe(JSON.stringify(shipped));
  });

  it('goes by roles, not ids: the attribution sets renamed keep their part', () => {
    const renamed = withAttributionSets((set) => ({ ...set, id: RENAMED[set.id] ?? set.id }));
    expect(asDefault(compareArticles(ARTICLES, { lexicon: renamed }))).toBe(JSON.stringify(compareArticles(ARTICLES)));
  });

  it('renamed without a role, the attribution sets play no part that needs one', () => {
    const renamed = withAttributionSets((set) => withoutRole({ ...set, id: RENAMED[set.id] ?? set.id }));
    const comparison = compareArticles(ARTICLES, { lexicon: renamed });
    expect(byRule(comparison.differences, 'credit-one-side')).toEqual([]);
    expect(byRule(comparison.differences, 'verb-contrast')).toEqual([]);
  });
});
