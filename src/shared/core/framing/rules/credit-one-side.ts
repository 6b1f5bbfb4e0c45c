/**
 * Credit on one side: a change where one source credits a statement to a source ("according to
 * the ministry", a term of a set whose role is `crediting`) and the other credits no one anywhere
 * in its paragraphs ("according to the ministry" in a part the diff did not mark is still a credit).
 */
import type { Difference } from '../../../contract/comparison.js';
import type { TermMatch } from '../lexicon-index.js';
import { hasSide, inOneStatement, lacksSide, NOT_EXPLAINED, spanOfTerm, termOf, type ChangeRule } from '../rule.js';

const credits = (match: TermMatch): boolean => match.term.kind === 'attribution' && match.term.role === 'crediting';

export const creditOneSide: ChangeRule = {
  name: 'credit-one-side',
  scope: 'change',
  produces: ['credit-one-side'],
  kinds: ['attribution'],
  find({ passage, pair, hunk, termsA, termsB }) {
    if (!hunk || !inOneStatement({ passage, pair, hunk })) return NOT_EXPLAINED;
    const differences: Difference[] = [];
    for (const [mine, member, other] of [
      [termsA, pair.a, pair.b],
      [termsB, pair.b, pair.a],
    ] as const) {
      for (const match of mine) {
        if (!credits(match)) continue;
        if (other.terms.some(credits)) continue;
        differences.push({
          group: passage.group.id,
          kind: 'attribution',
          spans: [spanOfTerm(member, match)],
          rule: 'credit-one-side',
          sides: [hasSide(member.doc, [termOf(member, match)]), lacksSide(other.doc)],
        });
      }
    }
    return { differences, explained: differences.length > 0 };
  },
};
