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

  it('sets the words for a war side by side, but not a political campaign against a fight', () => {
    const council = (noun: string): string => `Councillor Ola Brennick began a ${noun} for a temporary landing stage near the old boathouse.`;
    const politics = compareArticles({ 'pier-post': ferry({ 4: council('campaign') }), 'island-times': ferry({ 4: council('fight') }) });
    expect(byRule(politics.differences, 'set-contrast'), listed(politics.documents, politics.differences)).toEqual([]);
    const army = (noun: string): string => `The army's ${noun} near Carrow Island halted the ferry on Thursday, and the pier was damaged.`;
    const war = compareArticles({ 'pier-post': ferry({ 1: army('military campaign') }), 'island-times': ferry({ 1: army('offensive') }) });
    const [found] = byRule(war.differences, 'set-contrast');
    expect(found?.spans.map((span) => spanText(war.documents, span)), listed(war.documents, war.differences)).toEqual(['military campaign', 'offensive']);
    expect(found?.set?.id).toBe('the-fighting');
  });

  it('explains two verbs of saying with the same tone without a difference, so nothing marks them', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: tamsin('stated') }) });
    expect(comparison.differences, listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
