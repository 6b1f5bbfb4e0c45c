import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed } from '../../../support/articles.js';

/** rules/label-for-name.ts, on an invented story. */
const builds = (who: string, pronoun: string): string => `${who} said ${pronoun} would build a temporary landing stage near the old boathouse.`;

describe('label-for-name', () => {
  it('reports an actor named on one side and labelled on the other', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: builds('Ostrander Ferries', 'it') }), 'island-times': ferry({ 4: builds('The company', 'it') }) });
    const found = byRule(comparison.differences, 'label-for-name');
    expect(found.map((difference) => difference.sides?.map((side) => `${side.part}: ${side.terms.map((term) => term.text).join(', ')}`)), listed(comparison.documents, comparison.differences)).toEqual([
      ['names: Ostrander Ferries', 'has: The company'],
    ]);
  });

  it('is silent when the other side names more than one actor: the label cannot say which', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: builds('Ostrander Ferries and the Pellbrook council', 'they') }),
      'island-times': ferry({ 4: builds('The company', 'it') }),
    });
    expect(byRule(comparison.differences, 'label-for-name'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('takes a day or a month for when, not for a name a label stands in for', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: 'The council will discuss the Wednesday plan for a temporary landing stage near the old boathouse.' }),
      'island-times': ferry({ 4: 'The council will discuss the controversial plan for a temporary landing stage near the old boathouse.' }),
    });
    expect(byRule(comparison.differences, 'label-for-name'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
