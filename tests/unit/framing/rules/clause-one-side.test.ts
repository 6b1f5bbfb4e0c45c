import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed, spanText } from '../../../support/articles.js';

/** rules/clause-one-side.ts, on an invented story. */
const residents = (added: string): string => FERRY[3].replace('hospital visits.', `hospital visits${added}.`);

describe('clause-one-side', () => {
  it('reports a clause one source adds to a paragraph both tell, as left out by the other', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 3: residents(', and many elderly islanders have no other way to reach the mainland clinic') }),
      'island-times': ferry(),
    });
    const found = byRule(comparison.differences, 'clause-one-side');
    expect(found.map((difference) => spanText(comparison.documents, difference.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual([
      'and many elderly islanders have no other way to reach the mainland clinic',
    ]);
    expect(found[0]?.kind).toBe('omission');
  });

  it('is silent on a short addition, which is wording at most', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 3: residents(' every weekday') }), 'island-times': ferry() });
    expect(byRule(comparison.differences, 'clause-one-side'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
