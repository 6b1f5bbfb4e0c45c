/**
 * Hedge contrast: both sides of a change hedge ("may have" against "reportedly"), with different
 * hedges. Hedges on both sides explain the change even when they are the same.
 */
import { conditional, keyOf, negated } from '../cues.js';
import type { TermMatch } from '../lexicon-index.js';
import type { PreparedMember } from '../passage.js';
import { hasSide, inOneStatement, NOT_EXPLAINED, spanOfTerm, termOf, type ChangeRule } from '../rule.js';

/**
 * The hedges of one side of a change: hedge terms not negated ("could not" hedges nothing), nor in
 * a condition ("if they could keep it up": see conditional), and not
 * inside a quotation: "“That could very well be the case,” he said" is the speaker's hedge, not
 * the outlet's (issue 12).
 */
export const hedgesOf = (member: PreparedMember, terms: readonly TermMatch[]): TermMatch[] =>
  modalsOf(member, terms).filter((match) => !conditional(member.tokens, match));

/** The hedge terms of one side of a change that are the outlet's (not negated, not quoted), in a condition or not. */
const modalsOf = (member: PreparedMember, terms: readonly TermMatch[]): TermMatch[] =>
  terms.filter((match) => {
    if (match.term.kind !== 'hedge' || negated(member.tokens, match)) return false;
    const at = member.tokens[match.from]!.start;
    return !member.quoted.some(([start, end]) => start <= at && at < end);
  });

export const hedgeContrast: ChangeRule = {
  name: 'hedge-contrast',
  scope: 'change',
  produces: ['hedge-contrast'],
  kinds: ['hedge'],
  find({ passage, pair, hunk, termsA, termsB }) {
    if (!hunk || !inOneStatement({ passage, pair, hunk })) return NOT_EXPLAINED;
    const hedgesA = hedgesOf(pair.a, termsA);
    const hedgesB = hedgesOf(pair.b, termsB);
    if (hedgesA.length === 0 || hedgesB.length === 0) {
      // A modal on each side, one of them in a condition ("whether their actions might harm" /
      // "any action that may affect"): the same clause told with a modal each, no hedge set
      // against a plain statement, and no choice of words either.
      const modals = modalsOf(pair.a, termsA).length > 0 && modalsOf(pair.b, termsB).length > 0;
      return modals ? { differences: [], explained: true } : NOT_EXPLAINED;
    }
    const keysA = new Set(hedgesA.map(keyOf));
    const keysB = new Set(hedgesB.map(keyOf));
    if (![...keysA].some((key) => !keysB.has(key)) && ![...keysB].some((key) => !keysA.has(key))) return { differences: [], explained: true };
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'hedge',
          spans: [...hedgesA.map((match) => spanOfTerm(pair.a, match)), ...hedgesB.map((match) => spanOfTerm(pair.b, match))],
          rule: 'hedge-contrast',
          sides: [hasSide(pair.a.doc, hedgesA.map((match) => termOf(pair.a, match))), hasSide(pair.b.doc, hedgesB.map((match) => termOf(pair.b, match)))],
        },
      ],
      explained: true,
    };
  },
};
