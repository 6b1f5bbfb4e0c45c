import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed } from '../../../support/articles.js';

/** rules/figures.ts, on an invented story. */
describe('figures', () => {
  it('reports the figures each source gives for one quantity when they differ', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: FERRY[2].replace('40,000', '90,000') }) });
    const found = byRule(comparison.differences, 'figures');
    expect(found.map((difference) => difference.evidence?.figures?.map((figure) => figure.value)), listed(comparison.documents, comparison.differences)).toEqual([[40000, 90000]]);
  });

  it('is silent when they give the same figure', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: FERRY[2].replace('Harbour master', 'The harbour master') }) });
    expect(byRule(comparison.differences, 'figures'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
