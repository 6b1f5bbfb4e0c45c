import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/shared/contract/comparison.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon } from '../support/seeds.js';

/** Two invented reports of a harbour vote, the same but for one sentence. */
function compareVote(first: string, second: string): Comparison {
  const story = (sentence: string): string =>
    [
      'Council backs harbour plan',
      sentence,
      'The plan sets aside money for a new breakwater and for dredging the inner basin before the autumn storms.',
      'Fishing crews had asked the council for years to deepen the channel, which silts up after every winter.',
    ].join('\n\n') + '\n';
  const documents = [makeSourceDocument({ path: '/news/quay-post.txt', text: story(first) }), makeSourceDocument({ path: '/news/harbour-times.txt', text: story(second) })];
  return compareDocuments(documents, { lexicon: defaultLexicon() });
}

const wordings = (comparison: Comparison): string[] => comparison.differences.filter((difference) => difference.rule === 'wording').map((difference) => said(comparison, difference));

describe('wording', () => {
  it('marks another word for the same thing inside one piece of a sentence', () => {
    const comparison = compareVote(
      'The council approved the harbour plan on Monday after a long debate about the cost of dredging.',
      'The council narrowly approved the harbour plan on Monday after a bitter debate about the cost of dredging.',
    );
    expect(wordings(comparison).join('\n')).toMatch(/long → bitter|bitter/);
  });

  it('does not mark a change that runs across a comma or a bracket: the sentence built otherwise', () => {
    const comparison = compareVote(
      'The council, in a late vote, approved the harbour plan on Monday after a long debate about the cost of dredging.',
      'Councillors narrowly approved the harbour plan on Monday after a long debate about the cost of dredging.',
    );
    expect(wordings(comparison)).toEqual([]);
  });

  it('does not mark a name set against other words ("speaker" / "Chamber of Deputies"): a name lined up with the words around it', () => {
    const comparison = compareVote(
      'The harbour plan passed the council on Monday with the backing of the speaker after a long debate.',
      'The harbour plan passed the council on Monday with the backing of the Chamber of Deputies after a long debate.',
    );
    expect(wordings(comparison)).toEqual([]);
  });

  it('does not mark a change that runs across two sentences', () => {
    const comparison = compareVote(
      'The council approved the harbour plan at night. It came after a long debate about the cost of dredging the inner basin.',
      'The council approved the harbour plan overnight after a long debate about the cost of dredging the inner basin.',
    );
    expect(wordings(comparison)).toEqual([]);
  });
});
