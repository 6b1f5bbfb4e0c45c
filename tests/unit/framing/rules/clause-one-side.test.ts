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

  it('marks whole clauses only: added words that start inside a clause reword it, and words past its last clause are left', () => {
    // The added words start inside the sentence's clause ("rely on the ferry … for food"): no clause of its own.
    const inside = compareArticles({
      'pier-post': ferry({ 3: FERRY[3].replace('the ferry for', 'the ferry and the small private boats that cross the strait twice a week for') }),
      'island-times': ferry(),
    });
    expect(byRule(inside.differences, 'clause-one-side'), listed(inside.documents, inside.differences)).toEqual([]);
    // A clause set before the sentence, and words that belong to the next clause ("the veteran"): the clause alone.
    const before = compareArticles({
      'pier-post': ferry({ 2: `Speaking at the council chamber on a wet and windy Friday afternoon, the veteran ${FERRY[2]}` }),
      'island-times': ferry(),
    });
    const found = byRule(before.differences, 'clause-one-side');
    expect(found.map((difference) => spanText(before.documents, difference.spans[0]!)), listed(before.documents, before.differences)).toEqual([
      'Speaking at the council chamber on a wet and windy Friday afternoon',
    ]);
  });
});
