import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, listed, spanText } from '../../../support/articles.js';

/** rules/set-contrast.ts, on an invented story. */
const tamsin = (verb: string): string => `Harbour master Tamsin Vell ${verb} repairs would take at least two weeks and cost about 40,000 pounds.`;

describe('set-contrast', () => {
  it('reports two words of one set that signal differently, each with its tone', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: tamsin('claimed') }) });
    const [found, ...rest] = byRule(comparison.differences, 'set-contrast');
    expect(rest, listed(comparison.documents, comparison.differences)).toEqual([]);
    expect(found?.kind).toBe('attribution');
    expect(found?.spans.map((span) => spanText(comparison.documents, span))).toEqual(['said', 'claimed']);
    expect(found?.sides?.map((side) => side.terms.map((term) => `${term.text} (${term.tone})`))).toEqual([['said (neutral)'], ['claimed (doubt)']]);
    expect(found?.set).toEqual({ id: 'reporting-verbs', name: 'Reporting verbs' });
  });

  it('explains two verbs of saying with the same tone without a difference, so nothing marks them', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: tamsin('stated') }) });
    expect(comparison.differences, listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
