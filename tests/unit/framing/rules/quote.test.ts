import { describe, expect, it } from 'vitest';
import type { Comparison, Difference } from '../../../../src/shared/contract/comparison.js';
import { byRule, compareArticles, ferry, listed, spanText } from '../../../support/articles.js';

/** rules/quote.ts, on an invented story. */
const QUOTING = 'Harbour master Tamsin Vell promised “a full rebuild of the pier by the spring” if the council paid for it.';

/** The quote differences that claim a paraphrase. */
const paraphrased = (comparison: Comparison): Difference[] => byRule(comparison.differences, 'quote').filter((d) => d.sides?.some((side) => side.part === 'paraphrases'));

describe('quote', () => {
  it('sets a quotation against the paraphrase of the sentence the alignment linked to it', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: QUOTING }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell promised to have the pier rebuilt by the spring if the council paid for it.' }),
    });
    const found = byRule(comparison.differences, 'quote');
    expect(found.map((difference) => difference.spans.map((span) => spanText(comparison.documents, span))), listed(comparison.documents, comparison.differences)).toEqual([
      ['a full rebuild of the pier by the spring', 'pier rebuilt by the spring'],
    ]);
    expect(found[0]?.sides?.map((side) => `${side.doc} ${side.part}`)).toEqual(['0 quotes', '1 paraphrases']);
  });

  it('does not take a sentence linked by who spoke and when, sharing none of a long quotation’s words, for its paraphrase', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday at the harbour office: “Nobody should fish from the broken jetty again until engineers certify every timber.”' }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell spoke on Thursday at the harbour office about the council budget for next year.' }),
    });
    expect(byRule(comparison.differences, 'quote'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('claims a paraphrase only where the words standing for the quotation share one of its words, not elsewhere in the sentence', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: 'At the pier, harbour master Tamsin Vell said on Thursday: “The pier will be rebuilt by the spring, whatever the repairs cost.”' }),
      'island-times': ferry({ 2: 'At the pier, harbour master Tamsin Vell gave a short statement to islanders on Thursday.' }),
    });
    expect(byRule(comparison.differences, 'quote'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('does not take a short phrase of other words for a short quotation that names someone ("stand with Carrow")', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday that the ferry company would “stand with Carrow” while the pier is rebuilt.' }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday that the ferry company, meanwhile, started a separate inquiry.' }),
    });
    expect(paraphrased(comparison), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('takes a short phrase of other words for a short quotation only where it says that something was said', () => {
    const quoting = 'Harbour master Tamsin Vell promised “a reckoning” if the council did not pay for the pier.';
    const told = (words: string): string => `Harbour master Tamsin Vell ${words} if the council did not pay for the pier.`;
    const idiom = compareArticles({ 'pier-post': ferry({ 2: quoting }), 'island-times': ferry({ 2: told('warned of consequences') }) });
    expect(paraphrased(idiom).map((d) => d.spans.map((span) => spanText(idiom.documents, span))), listed(idiom.documents, idiom.differences)).toEqual([['a reckoning', 'warned of consequences']]);
    const other = compareArticles({ 'pier-post': ferry({ 2: quoting }), 'island-times': ferry({ 2: told('would stop the ferry') }) });
    expect(paraphrased(other), listed(other.documents, other.differences)).toEqual([]);
  });

  it('does not take a long clause that shares one word with a longer quotation for its paraphrase', () => {
    const quoting = 'Harbour master Tamsin Vell said on Thursday in Pellbrook: “The conduct of the council is unworthy of a harbour town.”';
    const long = compareArticles({
      'pier-post': ferry({ 2: quoting }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday in Pellbrook that the ferry crews, who had waited at the council offices for news of the pier repairs since dawn, would sail again on Monday with the mail boats and the island school trips.' }),
    });
    expect(paraphrased(long), listed(long.documents, long.differences)).toEqual([]);
    const told = compareArticles({
      'pier-post': ferry({ 2: quoting }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday in Pellbrook that the conduct of the council shamed the town.' }),
    });
    expect(paraphrased(told).length, listed(told.documents, told.differences)).toBe(1);
  });

  it('takes a quoted title for a name, not for something said ("Harbour Watch Tonight"), but not a quotation that merely opens with a capital', () => {
    const title = compareArticles({
      'pier-post': ferry({ 2: 'Harbour master Tamsin Vell told “Harbour Watch Tonight” that repairs would take at least two weeks and cost about 40,000 pounds.' }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell told a radio programme that repairs would take at least two weeks and cost about 40,000 pounds.' }),
    });
    expect(byRule(title.differences, 'quote'), listed(title.documents, title.differences)).toEqual([]);
    const said = compareArticles({
      'pier-post': ferry({ 2: 'Harbour master Tamsin Vell said “Repairs will take two weeks” and would cost about 40,000 pounds.' }),
      'island-times': ferry({ 2: 'Harbour master Tamsin Vell said repairs would take two weeks and cost about 40,000 pounds.' }),
    });
    expect(byRule(said.differences, 'quote').map((d) => spanText(said.documents, d.spans[0]!)), listed(said.documents, said.differences)).toEqual(['Repairs will take two weeks']);
  });

  it('is silent when the other source gives the same quotation', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: QUOTING }),
      'island-times': ferry({ 2: 'Tamsin Vell, the harbour master, promised “a full rebuild of the pier by the spring” if the council paid.' }),
    });
    expect(byRule(comparison.differences, 'quote'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
