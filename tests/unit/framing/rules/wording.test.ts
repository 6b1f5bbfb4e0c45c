import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed } from '../../../support/articles.js';

/** rules/wording.ts, on an invented story. */
describe('wording', () => {
  it('reports a changed word no other rule explains, with the words on each side', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 1: FERRY[1].replace('main pier', 'north pier') }) });
    const found = byRule(comparison.differences, 'wording');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(comparison.documents, comparison.differences)).toEqual([['main', 'north']]);
  });

  it('is silent when only case, hyphens or punctuation change', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 3: FERRY[3].replace('the ferry', 'the double-decker ferry') }),
      'island-times': ferry({ 3: FERRY[3].replace('the ferry', 'the double decker ferry') }),
    });
    expect(byRule(comparison.differences, 'wording'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
