import { describe, expect, it } from 'vitest';
import type { Comparison, Difference } from '../../src/shared/contract/comparison.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon } from '../support/seeds.js';

/**
 * "Quoted by X; paraphrased by Y" (core/framing/rules/quote.ts) only where Y's words tell what the
 * quotation says: a name or a number both give is who or what it is about, not what was said.
 * Every outlet, person and place here is invented.
 */

const lexicon = defaultLexicon();

function compare(articles: Record<string, string[]>): Comparison {
  const documents = Object.entries(articles).map(([name, [headline, ...paragraphs]]) =>
    makeSourceDocument({ path: `/news/${name}.txt`, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` }),
  );
  return compareDocuments(documents, { lexicon });
}

const paraphrases = (comparison: Comparison): Difference[] =>
  comparison.differences.filter((difference) => difference.kind === 'quote' && (difference.sides ?? []).some((side) => side.part === 'paraphrases'));

const QUOTING = [
  'Governor Velt to decide on crossing plan',
  '“Harbour Bill 12 does not address a real problem for the ferries of Marlow Cove,” Governor Ama Velt said on Monday.',
  'The bill would move the night crossing to the north pier.',
];

describe('a paraphrase of a quotation', () => {
  it('is not claimed for a sentence that shares only the names and numbers the quotation gives', () => {
    const comparison = compare({
      'harbour-gazette': QUOTING,
      'cove-record': [
        'Governor Velt to decide on crossing plan',
        'Governor Ama Velt will spend the week pondering Harbour Bill 12 of Marlow Cove before she decides, she said on Monday.',
        'The bill would move the night crossing to the north pier.',
      ],
    });
    expect(paraphrases(comparison).map((d) => said(comparison, d))).toEqual([]);
  });

  it('is not claimed for a sentence that shares only a verb of speaking with the quotation', () => {
    const comparison = compare({
      'harbour-gazette': [
        'Governor Velt to decide on crossing plan',
        '“Tell me who pays for the north pier,” Governor Ama Velt asked the harbour board on Monday in Marlow Cove.',
        'The bill would move the night crossing to the north pier.',
      ],
      'cove-record': [
        'Governor Velt to decide on crossing plan',
        'Governor Ama Velt told the harbour board on Monday in Marlow Cove that it would not tell her the cost.',
        'The bill would move the night crossing to the north pier.',
      ],
    });
    expect(paraphrases(comparison).map((d) => said(comparison, d))).toEqual([]);
  });

  it('is claimed for a sentence that tells what the quotation says, in other words', () => {
    const comparison = compare({
      'harbour-gazette': QUOTING,
      'cove-record': [
        'Governor Velt to decide on crossing plan',
        'Governor Ama Velt said on Monday that the bill addresses no real problem the ferries of Marlow Cove have.',
        'The bill would move the night crossing to the north pier.',
      ],
    });
    expect(paraphrases(comparison).map((d) => said(comparison, d))).toEqual([expect.stringMatching(/Quoted by Harbour Gazette: “Harbour Bill 12 does not address.*paraphrased by Cove Record/)]);
  });
});
