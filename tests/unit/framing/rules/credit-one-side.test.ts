import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed, spanText } from '../../../support/articles.js';

/** rules/credit-one-side.ts, on an invented story. */
const REPAIRS = 'Repairs would take at least two weeks and cost about 40,000 pounds';

describe('credit-one-side', () => {
  it('reports a source credited on one side where the other tells it crediting no one', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: `${REPAIRS}, according to harbour master Tamsin Vell.` }),
      'island-times': ferry({ 2: `${REPAIRS}.` }),
    });
    const found = byRule(comparison.differences, 'credit-one-side');
    expect(found.map((difference) => spanText(comparison.documents, difference.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual(['according to']);
    expect(found[0]?.sides?.map((side) => `${side.doc} ${side.part}`)).toEqual(['0 has', '1 lacks']);
  });

  it('is silent when the other names who said it: "the harbour office said" credits the words too', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: `${REPAIRS}, according to harbour master Tamsin Vell.` }),
      'island-times': ferry({ 2: `${REPAIRS}, the harbour office said.` }),
    });
    expect(byRule(comparison.differences, 'credit-one-side'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('is silent when both credit a source', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: `${REPAIRS}, according to harbour master Tamsin Vell.` }),
      'island-times': ferry({ 2: `${REPAIRS}, according to the harbour office.` }),
    });
    expect(byRule(comparison.differences, 'credit-one-side'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
