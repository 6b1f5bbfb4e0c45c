import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed, spanText } from '../../../support/articles.js';

/** rules/paragraph-one-side.ts, on an invented story. */
const BAND = 'A brass band from Quillon played on the harbour wall to raise money for the island school.';

describe('paragraph-one-side', () => {
  it('reports a paragraph of article text only one source has', () => {
    const comparison = compareArticles({ 'pier-post': ferry({}, [BAND]), 'island-times': ferry() });
    const found = byRule(comparison.differences, 'paragraph-one-side');
    expect(found.map((difference) => spanText(comparison.documents, difference.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual([BAND]);
    expect(found[0]?.group).toBe('');
  });

  it('is silent with a single source: there is no other to leave it out', () => {
    const comparison = compareArticles({ 'pier-post': ferry({}, [BAND]) });
    expect(comparison.unique?.length).toBeGreaterThan(0);
    expect(byRule(comparison.differences, 'paragraph-one-side')).toEqual([]);
  });
});
