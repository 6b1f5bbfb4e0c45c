import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, findAlone, listed } from '../../../support/articles.js';
import { wording } from '../../../../src/shared/core/framing/rules/wording.js';

/** rules/wording.ts, on an invented story. */
describe('wording', () => {
  it('reports a changed word no other rule explains, with the words on each side', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 1: FERRY[1].replace('main pier', 'north pier') }) });
    const found = byRule(comparison.differences, 'wording');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(comparison.documents, comparison.differences)).toEqual([['main', 'north']]);
  });

  it('is silent on a phrase of plain words told in other plain words, and reports one that holds a word that judges', () => {
    const plain = compareArticles({
      'pier-post': ferry({ 4: 'The council will meet on Monday to talk about a temporary landing stage near the old boathouse.' }),
      'island-times': ferry({ 4: 'The council will meet on Monday to hold talks on a temporary landing stage near the old boathouse.' }),
    });
    expect(byRule(plain.differences, 'wording'), listed(plain.documents, plain.differences)).toEqual([]);
    // A word of a set of alternatives on one side only ("residents were moved", of the words for
    // people who leave their homes) is the set rules' business, not a tone of the phrase.
    const alternatives = compareArticles({
      'pier-post': ferry({ 3: 'When the pier flooded, residents were moved to the school hall for the night.' }),
      'island-times': ferry({ 3: 'When the pier flooded, people spent some hours in the school hall for the night.' }),
    });
    expect(byRule(alternatives.differences, 'wording'), listed(alternatives.documents, alternatives.differences)).toEqual([]);
    const judged = compareArticles({
      'pier-post': ferry({ 4: 'The council will meet on Monday to talk about a temporary landing stage near the old boathouse.' }),
      'island-times': ferry({ 4: 'The council will meet on Monday to hastily cobble together a temporary landing stage near the old boathouse.' }),
    });
    const found = byRule(judged.differences, 'wording');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(judged.documents, judged.differences)).toEqual([['talk about', 'hastily cobble together']]);
  });

  it('is silent on a speaker’s word against an outlet’s, and reports one word for another in two outlets’ words', () => {
    const said = (words: string): string => `Harbour master Tamsin Vell said the repairs would ${words} the risk of a second closure this winter.`;
    const quoted = (words: string): string => `Harbour master Tamsin Vell said the repairs would “${words} the risk of a second closure” this winter.`;
    // The wording rule alone, without the quote rule that would explain it first.
    const mixed = findAlone({ 'pier-post': ferry({ 2: quoted('raise') }), 'island-times': ferry({ 2: said('increase') }) }, [wording]);
    expect(byRule(mixed.differences, 'wording'), listed(mixed.documents, mixed.differences)).toEqual([]);
    const plain = findAlone({ 'pier-post': ferry({ 2: said('raise') }), 'island-times': ferry({ 2: said('increase') }) }, [wording]);
    expect(byRule(plain.differences, 'wording').length, listed(plain.documents, plain.differences)).toBe(1);
    const both = compareArticles({ 'pier-post': ferry({ 2: said('raise') }), 'island-times': ferry({ 2: said('heighten') }) });
    expect(byRule(both.differences, 'wording').map((d) => d.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(both.documents, both.differences)).toEqual([['raise', 'heighten']]);
  });

  it('is silent when only case, hyphens or punctuation change', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 3: FERRY[3].replace('the ferry', 'the double-decker ferry') }),
      'island-times': ferry({ 3: FERRY[3].replace('the ferry', 'the double decker ferry') }),
    });
    expect(byRule(comparison.differences, 'wording'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('is silent on another form of the same word ("damaged" / "is damaging")', () => {
    const comparison = compareArticles({
      'pier-post': ferry(),
      'island-times': ferry({ 1: FERRY[1].replace('a storm damaged the main pier', 'a storm was damaging the main pier') }),
    });
    expect(byRule(comparison.differences, 'wording'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('is silent on two ways of giving a name: fuller, shorter, or for a pronoun ("Suthers" for "he")', () => {
    const pairs: [string, string][] = [
      [FERRY[2], FERRY[2].replace('Tamsin Vell', 'Tamsin J. Vell')],
      [FERRY[1].replace('Carrow Island', 'Fort Carrow'), FERRY[1].replace('Carrow Island', 'Ft Carrow')],
      [`${FERRY[2]} He said the council had been warned.`, `${FERRY[2]} Vell said the council had been warned.`],
    ];
    for (const [mine, theirs] of pairs) {
      const index = mine === FERRY[2] || mine.startsWith(FERRY[2]) ? 2 : 1;
      const comparison = compareArticles({ 'pier-post': ferry({ [index]: mine }), 'island-times': ferry({ [index]: theirs }) });
      expect(byRule(comparison.differences, 'wording'), `${theirs}: ${listed(comparison.documents, comparison.differences)}`).toEqual([]);
    }
  });

  it('still reports a changed word beside a name', () => {
    const comparison = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 2: FERRY[2].replace('Harbour master Tamsin Vell', 'Careful harbour master Tamsin Vell') }) });
    expect(byRule(comparison.differences, 'wording').map((d) => d.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(comparison.documents, comparison.differences)).toEqual([['', 'Careful']]);
  });

  it('reports an adverb or adjective one source adds, and is silent on an added noun', () => {
    const adverb = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 1: FERRY[1].replace('a storm damaged', 'a storm badly damaged') }) });
    expect(byRule(adverb.differences, 'wording').map((d) => d.sides?.map((side) => side.terms.map((term) => term.text).join(''))), listed(adverb.documents, adverb.differences)).toEqual([['', 'badly']]);
    const noun = compareArticles({ 'pier-post': ferry(), 'island-times': ferry({ 1: FERRY[1].replace('main pier', 'main passenger pier') }) });
    expect(byRule(noun.differences, 'wording'), listed(noun.documents, noun.differences)).toEqual([]);
  });
});
