import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed } from '../../../support/articles.js';

/** rules/loaded-language.ts, on an invented story (tests/unit/loaded.test.ts has more cases). */
const councillor = (verb: string): string => `Councillor Brannagh Lott ${verb} the plan for a temporary landing stage near the old boathouse on Monday.`;

describe('loaded-language', () => {
  it('marks a charged word where the matching sentence of the other source has the plain one, and names it', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: councillor('slammed') }), 'island-times': ferry({ 4: councillor('criticized') }) });
    const found = byRule(comparison.differences, 'loaded-word');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => `${term.text} (${term.role ?? ''})`).join(''))), listed(comparison.documents, comparison.differences)).toEqual([
      ['slammed (charged)', 'criticized (charged)'],
    ]);
  });

  it('is silent when both use the plain word', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: councillor('criticized') }), 'island-times': ferry({ 4: councillor('criticized') }) });
    expect(comparison.differences.filter((difference) => difference.kind === 'loaded-term'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
