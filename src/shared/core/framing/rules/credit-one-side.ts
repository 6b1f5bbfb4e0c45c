/**
 * Credit on one side: a change where one source credits a statement to a source ("according to
 * the ministry", a term of a set whose role is `crediting`) and the other tells the same statement
 * (a sentence the alignment linked to the credited one) crediting no one: no credit anywhere in its
 * paragraphs ("according to the ministry" in a part the diff did not mark is still a credit), and
 * no verb of saying in the sentences that tell it ("Manley said" credits the words as "a statement
 * from Reid's office" does). Where the other source does not tell the statement, it does not state
 * it without a source: it leaves it out, which the omission rules say.
 */
import type { Difference } from '../../../contract/comparison.js';
import type { TermMatch } from '../lexicon-index.js';
import { hasSide, inOneStatement, lacksSide, NOT_EXPLAINED, spanOfTerm, termOf, type ChangeRule } from '../rule.js';

const credits = (match: TermMatch): boolean => match.term.kind === 'attribution' && match.term.role === 'crediting';
/** A verb of saying ("said", "told", "claimed"): who said it is named, as a credit names a source. */
const says = (match: TermMatch): boolean => match.term.kind === 'attribution' && match.term.role === 'saying';

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
        const told = passage.toldIn(member.tokens[match.from]!.start, member.doc, other.doc);
        if (told !== undefined && (told.length === 0 || other.terms.some((term) => says(term) && told.some((span) => span.start <= other.tokens[term.from]!.start && other.tokens[term.from]!.start < span.end)))) continue;
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
