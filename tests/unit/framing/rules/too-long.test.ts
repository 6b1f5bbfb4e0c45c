import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry } from '../../../support/articles.js';

/** rules/too-long.ts, on an invented story. */
describe('too-long', () => {
  const articles = { 'pier-post': ferry(), 'island-times': ferry({ 1: FERRY_NORTH }) };

  it('shows a pair that needs more word edits than allowed as one coarse wording difference that says so', () => {
    const comparison = compareArticles(articles, { diffMaxEditLength: 1 });
    const found = byRule(comparison.differences, 'too-long');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((difference) => difference.kind === 'wording' && difference.tooLong === true)).toBe(true);
    expect(comparison.notices?.join(' ')).toMatch(/too long or too different/);
  });

  it('is silent within the limit', () => {
    expect(byRule(compareArticles(articles).differences, 'too-long')).toEqual([]);
  });
});

const FERRY_NORTH = 'The Ostrander Ferries service between Pellbrook and Carrow Island was halted on Thursday after a storm damaged the north pier.';
