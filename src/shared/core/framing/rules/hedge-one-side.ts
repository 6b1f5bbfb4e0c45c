/**
 * Hedge on one side: a hedge on one side of a change ("may have weakened" against "weakened"),
 * where the other source states the same claim plainly: it has no hedge in the sentences the diff
 * lines up, and the alignment linked the hedged sentence closely to one of its own that tells the
 * words of the hedged clause (the same claim told with and without the hedge, not a hedge in a
 * sentence, or a clause, the other does not tell).
 */
import type { Difference } from '../../../contract/comparison.js';
import type { MemberText } from '../../wording.js';
import type { TermMatch } from '../lexicon-index.js';
import { hasSide, lacksSide, NOT_EXPLAINED, spanOfTerm, termOf, type ChangeRule } from '../rule.js';
import { hedgesOf } from './hedge-contrast.js';

/** Whether a term of a member lies in the same paragraph as the tokens [from, to) of that member, and near them. */
function sameSentenceRegion(member: MemberText, match: TermMatch, [from, to]: readonly [number, number]): boolean {
  const paragraphs = new Set(member.tokens.slice(Math.max(0, from - 1), Math.max(to, from + 1)).map((t) => t.paragraph));
  return paragraphs.has(member.tokens[match.from]!.paragraph) && Math.abs(match.from - from) < 25;
}

/** How many words besides the hedge a change may hold for the diff to have lined up the clause around it. */
const TIGHT_CHANGE = 2;

export const hedgeOneSide: ChangeRule = {
  name: 'hedge-one-side',
  scope: 'change',
  produces: ['hedge-one-side'],
  kinds: ['hedge'],
  find({ passage, pair, hunk, termsA, termsB }) {
    if (!hunk) return NOT_EXPLAINED;
    const hedgesA = hedgesOf(pair.a, termsA);
    const hedgesB = hedgesOf(pair.b, termsB);
    // Hedges on both sides are the hedge-contrast rule's.
    if (hedgesA.length > 0 && hedgesB.length > 0) return NOT_EXPLAINED;
    const differences: Difference[] = [];
    for (const [mine, member, other, otherRange] of [
      [hedgesA, pair.a, pair.b, [hunk.b0, hunk.b1]],
      [hedgesB, pair.b, pair.a, [hunk.a0, hunk.a1]],
    ] as const) {
      // Plainly stated only if the other source has no hedge in the sentences the diff lines up.
      const otherHedged = other.terms.some((t) => t.term.kind === 'hedge' && sameSentenceRegion(other, t, mine.length > 0 ? otherRange : [0, 0]));
      for (const match of mine) {
        // A change no longer than the hedge and a word or two on either side: the diff lined up the
        // words around it, so the other tells the same clause ("Mary Cheney [reportedly] wrote").
        const [mineLength, otherLength] = member === pair.a ? [hunk.a1 - hunk.a0, hunk.b1 - hunk.b0] : [hunk.b1 - hunk.b0, hunk.a1 - hunk.a0];
        const linedUp = mineLength <= match.to - match.from + TIGHT_CHANGE && otherLength <= TIGHT_CHANGE;
        const link = otherHedged ? undefined : passage.sameClaim(member, match.from, match.to, other.doc, linedUp);
        if (link === undefined) continue;
        differences.push({
          group: passage.group.id,
          kind: 'hedge',
          spans: [spanOfTerm(member, match)],
          rule: 'hedge-one-side',
          sides: [hasSide(member.doc, [termOf(member, match)]), lacksSide(other.doc)],
          evidence: { link },
        });
      }
    }
    return { differences, explained: differences.length > 0 };
  },
};
