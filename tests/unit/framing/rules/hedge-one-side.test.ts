import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed, spanText } from '../../../support/articles.js';

/** rules/hedge-one-side.ts, on an invented story. */
describe('hedge-one-side', () => {
  it('reports a hedge where the other source states the same claim plainly', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 1: FERRY[1].replace('a storm damaged', 'a storm may have damaged') }),
      'island-times': ferry(),
    });
    const found = byRule(comparison.differences, 'hedge-one-side');
    expect(found.map((difference) => spanText(comparison.documents, difference.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual(['may']);
    expect(found[0]?.sides?.map((side) => `${side.doc} ${side.part}`)).toEqual(['0 has', '1 lacks']);
    expect(found[0]?.evidence?.link).toBeGreaterThanOrEqual(0.3);
  });

  it('is silent on a hedge in a sentence the other source does not tell', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: `${FERRY[4]} Rain may return to the coast by Friday.` }),
      'island-times': ferry(),
    });
    expect(byRule(comparison.differences, 'hedge-one-side'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
