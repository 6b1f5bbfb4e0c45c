import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed } from '../../../support/articles.js';
import { said } from '../../../support/describe.js';

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

  it('sets a measure written in two units side by side in one, and is silent when it is the same', () => {
    const gap = (measure: string): string => `The storm tore a gap ${measure} wide in the main pier, and the ferry between Pellbrook and Carrow Island was halted on Thursday.`;
    const same = compareArticles({ 'pier-post': ferry({ 1: gap('60 metres') }), 'island-times': ferry({ 1: gap('nearly 200 feet') }) });
    expect(byRule(same.differences, 'figures'), listed(same.documents, same.differences)).toEqual([]);
    const apart = compareArticles({ 'pier-post': ferry({ 1: gap('60 metres') }), 'island-times': ferry({ 1: gap('nearly 300 feet') }) });
    const [found] = byRule(apart.differences, 'figures');
    expect(found?.evidence?.figures?.map((figure) => [figure.text, figure.value]), listed(apart.documents, apart.differences)).toEqual([
      ['60 metres', 60],
      ['300 feet', 91],
    ]);
    expect(found?.evidence?.quantity).toBe('metre');
    // Said with the figure in the other's unit, beside the words its source wrote.
    expect(said(apart, found!)).toBe('Figures for “metre”: Pier Post: 60 metres · Island Times: 300 feet (91 metres)');
  });

  it('does not set two shares of one passage more than three times apart against each other (of different things)', () => {
    const share = (n: number): string => `Residents of Carrow Island rely on the ferry for food deliveries, school trips and hospital visits; ${n} percent of islanders use it every week.`;
    const far = compareArticles({ 'pier-post': ferry({ 3: share(23) }), 'island-times': ferry({ 3: share(74) }) });
    expect(byRule(far.differences, 'figures'), listed(far.documents, far.differences)).toEqual([]);
    const near = compareArticles({ 'pier-post': ferry({ 3: share(23) }), 'island-times': ferry({ 3: share(31) }) });
    expect(byRule(near.differences, 'figures').map((d) => d.evidence?.figures?.map((figure) => figure.value)), listed(near.documents, near.differences)).toEqual([[23, 31]]);
  });
});

