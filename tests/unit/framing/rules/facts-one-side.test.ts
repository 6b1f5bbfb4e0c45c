import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed, spanText } from '../../../support/articles.js';

/** rules/facts-one-side.ts, on an invented story. */
const STRANDED = FERRY[1].replace('main pier.', 'main pier, stranding 300 passengers.');
const SPOKESMAN = FERRY[4].replace('boathouse.', 'boathouse, council spokesman Odo Marrick said.');

describe('facts-one-side', () => {
  it('reports a figure and someone who speaks that only one source gives', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 1: STRANDED, 4: SPOKESMAN }), 'island-times': ferry() });
    const found = [...byRule(comparison.differences, 'figure-one-side'), ...byRule(comparison.differences, 'name-one-side')];
    expect(found.map((difference) => `${difference.rule}: ${spanText(comparison.documents, difference.spans[0]!)}`), listed(comparison.documents, comparison.differences)).toEqual([
      'figure-one-side: 300',
      'name-one-side: Odo Marrick',
    ]);
  });

  it('never takes a word of speaking that opens a sentence for a name ("Asked Tuesday …")', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: 'Asked Tuesday when the ferry would sail, Harbour master Tamsin Vell said repairs would take at least two weeks.', 4: 'Asked Wednesday about the fares, the council will meet on Monday to discuss a temporary landing stage.' }),
      'island-times': ferry(),
    });
    expect(byRule(comparison.differences, 'name-one-side').map((d) => spanText(comparison.documents, d.spans[0]!)), listed(comparison.documents, comparison.differences)).not.toContain('Asked');
  });

  it('does not call a figure one source’s alone when the other gives one for the same thing in another passage', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 1: STRANDED }),
      'island-times': ferry({}, ['A ticket clerk at the harbour counted 250 passengers on the busiest summer day last year.']),
    });
    const found = byRule(comparison.differences, 'figure-one-side');
    expect(found.map((d) => spanText(comparison.documents, d.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('is silent on what both give, and on a name that does not speak', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 1: STRANDED, 3: FERRY[3].replace('hospital visits', 'visits to the Quillon General Hospital'), 4: SPOKESMAN }),
      'island-times': ferry({ 1: STRANDED, 4: 'The council will meet on Monday to discuss a temporary landing stage, council spokesman Odo Marrick said.' }),
    });
    expect([...byRule(comparison.differences, 'figure-one-side'), ...byRule(comparison.differences, 'name-one-side')], listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('does not take a party or a nationality before a plain noun for a name ("Democratic councillors said")', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: 'The council will meet on Monday to discuss a temporary landing stage, Democratic councillors said.' }, ['Democratic councillors said the meeting should be held in public.']),
      'island-times': ferry(),
    });
    expect(byRule(comparison.differences, 'name-one-side').map((d) => spanText(comparison.documents, d.spans[0]!)), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  it('takes a name for someone who speaks only when they are the one speaking', () => {
    const speaking = [
      'The council will meet on Monday to discuss a temporary landing stage, Odo Marrick, a spokesman for Mr. Denholm, said.',
      'The council will meet on Monday to discuss a temporary landing stage, Councillors Odo Marrick and Pell Asquith said.',
      'The council will meet on Monday to discuss a temporary landing stage, said Mayor Odo Marrick.',
      'The council will meet on Monday to discuss a temporary landing stage, according to Odo Marrick.',
      'The council will meet on Monday to discuss a temporary landing stage, the Marrick Dockers union said.',
    ];
    for (const paragraph of speaking) {
      const comparison = compareArticles({ 'pier-post': ferry({ 4: paragraph }), 'island-times': ferry() });
      const names = byRule(comparison.differences, 'name-one-side').map((d) => spanText(comparison.documents, d.spans[0]!));
      expect(names.some((name) => name.includes('Marrick')), `${paragraph}: ${listed(comparison.documents, comparison.differences)}`).toBe(true);
    }
    const near = [
      'The council will meet at Marrick Hall, she said, on Monday to discuss a temporary landing stage.',
      'The council will meet on Monday to discuss a temporary landing stage, Sen. Marrick said.',
      'The council will meet on Monday to discuss a temporary landing stage, councillor Dia Pell, a Liberal from Marrick Bay, said.',
    ];
    const names = near.map((paragraph) => {
      const comparison = compareArticles({ 'pier-post': ferry({ 4: paragraph }), 'island-times': ferry() });
      return byRule(comparison.differences, 'name-one-side').map((d) => spanText(comparison.documents, d.spans[0]!));
    });
    expect(names[0], 'a place named in a sentence someone else speaks').toEqual([]);
    expect(names[1], 'a title is not a name of its own').not.toContain('Sen');
    expect(names[2], 'a place that ends an apposition does not speak: the councillor does').toEqual(['Dia Pell']);
  });
});
