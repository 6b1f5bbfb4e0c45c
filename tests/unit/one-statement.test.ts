import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/shared/contract/comparison.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon } from '../support/seeds.js';

/** Two invented reports of a pier's closure, alike but for the second sentence of one paragraph. */
function comparePier(first: string, second: string): Comparison {
  const story = (sentence: string): string =>
    [
      'Pier closed for repairs',
      `The council closed the old pier at Kessock on Monday after divers found cracks in two of its piles. ${sentence}`,
      'The ferry to the island will sail from the new landing stage near the boathouse until the work is done.',
    ].join('\n\n') + '\n';
  const documents = [makeSourceDocument({ path: '/news/quay-post.txt', text: story(first) }), makeSourceDocument({ path: '/news/harbour-times.txt', text: story(second) })];
  return compareDocuments(documents, { lexicon: defaultLexicon() });
}

const described = (comparison: Comparison, kind: string): string[] =>
  comparison.differences.filter((difference) => difference.kind === kind).map((difference) => said(comparison, difference));

describe('what a change rule says of two sides holds only of two tellings of one thing', () => {
  it('does not say a source states without credit what it does not state at all', () => {
    const comparison = comparePier(
      'Repairs will cost about 40,000 pounds and take six weeks, according to the harbour office.',
      'Fishing crews gathered at the quay to complain about the loss of trade during the summer.',
    );
    expect(comparison.groups.some((group) => group.members.length === 2 && group.members.every((member) => member.paragraphs.includes(1))), JSON.stringify(comparison.groups)).toBe(true);
    expect(described(comparison, 'attribution')).toEqual([]);
  });

  it('still says it where the other source tells the same thing without the credit', () => {
    const comparison = comparePier(
      'Repairs will cost about 40,000 pounds and take six weeks, according to the harbour office.',
      'Repairs will cost about 40,000 pounds and take six weeks.',
    );
    expect(described(comparison, 'attribution').join('\n')).toMatch(/Quay Post credits a source \(“according to …”\); Harbour Times states it without one/);
  });
});
