import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed, spanText } from '../../../support/articles.js';

/** rules/hedge-contrast.ts, on an invented story. */
const storm = (hedge: string): string => `The Ostrander Ferries service between Pellbrook and Carrow Island was halted on Thursday after a storm ${hedge} damaged the main pier.`;

describe('hedge-contrast', () => {
  it('reports different hedges on the two sides of a change', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 1: storm('may have') }), 'island-times': ferry({ 1: storm('reportedly') }) });
    const found = byRule(comparison.differences, 'hedge-contrast');
    expect(found.map((difference) => difference.spans.map((span) => spanText(comparison.documents, span))), listed(comparison.documents, comparison.differences)).toEqual([['may', 'reportedly']]);
  });

  it('is silent when both hedge alike, and the hedges then explain the change', () => {
    // "storm may have damaged" against "gale may have hit": one change, the same hedge on each side.
    const gale = storm('may have').replace('a storm may have damaged', 'a gale may have hit');
    const comparison = compareArticles({ 'pier-post': ferry({ 1: storm('may have') }), 'island-times': ferry({ 1: gale }) });
    expect(comparison.differences.filter((difference) => difference.kind === 'hedge' || difference.kind === 'wording'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
