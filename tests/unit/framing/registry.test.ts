import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIFFERENCE_KINDS, DIFFERENCE_RULES, type Difference } from '../../../src/shared/contract/comparison.js';
import type { ChangeFindings, PassageFindings, Rule } from '../../../src/shared/core/framing/rule.js';
import { RULES } from '../../../src/shared/core/framing/rules/index.js';
import { compareArticles, ferry, FERRY } from '../../support/articles.js';

/** The registry of rules (rules/index.ts) and the engine that runs it (analyze.ts). */

/** Two outlets telling the invented story with a difference of nearly every kind, and a paragraph only one has. */
const ARTICLES = {
  'pier-post': ferry(
    {
      1: FERRY[1].replace('a storm damaged', 'a storm may have damaged'),
      2: 'Harbour master Tamsin Vell promised “a full rebuild of the pier by the spring” if the council paid about 40,000 pounds.',
      4: 'Councillor Brannagh Lott slammed the plan for a temporary landing stage near the old boathouse, council spokesman Odo Marrick said.',
    },
    ['A brass band from Quillon played on the harbour wall to raise money for the island school.'],
  ),
  'island-times': ferry({
    2: 'Harbour master Tamsin Vell promised to have the pier rebuilt by the spring if the council paid about 90,000 pounds.',
    4: 'Councillor Brannagh Lott criticized the plan for a temporary landing stage near the old boathouse on Monday.',
  }),
};

describe('the registry of rules', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every rule id of DIFFERENCE_RULES exactly once, each with its name, scope and kinds', () => {
    const produced = RULES.flatMap((rule) => rule.produces);
    expect([...produced].sort()).toEqual([...DIFFERENCE_RULES].sort());
    expect(new Set(produced).size).toBe(produced.length);
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.kinds.length, rule.name).toBeGreaterThan(0);
      for (const kind of rule.kinds) expect(DIFFERENCE_KINDS, rule.name).toContain(kind);
    }
  });

  it('runs every rule exactly once where it reads: each change rule once a change, each passage rule once a passage, each comparison rule once', () => {
    const spies = new Map(RULES.map((rule) => [rule, vi.spyOn(rule, 'find')]));
    const comparison = compareArticles(ARTICLES);
    const calls = (rule: Rule): number => spies.get(rule)!.mock.calls.length;
    const byScope = (scope: Rule['scope']): Rule[] => RULES.filter((rule) => rule.scope === scope);
    const changes = calls(byScope('change')[0]!);
    expect(changes).toBeGreaterThan(0);
    for (const rule of byScope('change')) expect(calls(rule), rule.name).toBe(changes);
    for (const rule of byScope('passage')) expect(calls(rule), rule.name).toBe(comparison.groups.length);
    for (const rule of byScope('comparison')) expect(calls(rule), rule.name).toBe(1);
    // …and each finds only what it declares.
    for (const [rule, spy] of spies) {
      const found = spy.mock.results.flatMap((result): readonly Difference[] => {
        const value = result.value as ChangeFindings | PassageFindings | readonly Difference[];
        return Array.isArray(value) ? value : (value as ChangeFindings | PassageFindings).differences;
      });
      for (const difference of found) {
        expect(rule.produces, rule.name).toContain(difference.rule);
        expect(rule.kinds, rule.name).toContain(difference.kind);
      }
    }
  });

  it('hands each change rule, in order, whether a rule before it explained the change', () => {
    const spies = RULES.filter((rule) => rule.scope === 'change').map((rule) => vi.spyOn(rule, 'find'));
    compareArticles(ARTICLES);
    const runs = spies[0]!.mock.calls.length;
    for (let i = 0; i < runs; i++) {
      let explained = false;
      for (const spy of spies) {
        const [change] = spy.mock.calls[i]! as [{ explained: boolean }];
        expect(change.explained).toBe(explained);
        explained ||= (spy.mock.results[i]!.value as ChangeFindings).explained;
      }
    }
  });

  it('finds a difference of every kind the fixture holds, in the engine’s order: change rules, then passage rules', () => {
    const comparison = compareArticles(ARTICLES);
    const rules = comparison.differences.map((difference) => difference.rule);
    for (const rule of ['hedge-one-side', 'quote', 'figures', 'loaded-word', 'name-one-side', 'paragraph-one-side'] as const) expect(rules, rule).toContain(rule);
    // Within a passage, what the change rules find comes before what the passage rules find.
    const order = new Map(RULES.flatMap((rule, i) => rule.produces.map((id) => [id, i] as const)));
    const changeIds = new Set(RULES.filter((rule) => rule.scope === 'change').flatMap((rule) => rule.produces));
    for (const group of comparison.groups) {
      const mine = comparison.differences.filter((difference) => difference.group === group.id).map((difference) => difference.rule!);
      const firstPassage = mine.findIndex((rule) => !changeIds.has(rule));
      if (firstPassage >= 0) expect(mine.slice(firstPassage).every((rule) => !changeIds.has(rule)), mine.join(' ')).toBe(true);
      const passageOrder = mine.filter((rule) => !changeIds.has(rule)).map((rule) => order.get(rule)!);
      expect(passageOrder).toEqual([...passageOrder].sort((x, y) => x - y));
    }
  });
});
