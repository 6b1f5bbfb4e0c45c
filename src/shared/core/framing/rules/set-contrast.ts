/**
 * Set contrast: two different words of one lexicon set in a change, one on each side: "said" →
 * "claimed" (attribution), "hostages" → "captives" (loaded term), "the company" → "the utility"
 * (label). Two verbs of saying with the same tone ("said" → "announced") explain the change without
 * a difference. Sets whose words are loaded in themselves (a loaded role) are the loaded-language
 * rule's, and hedges the hedge rules'.
 */
import { isLoadedRole } from '../../../contract/lexicon.js';
import type { Difference } from '../../../contract/comparison.js';
import { keyOf } from '../cues.js';
import type { TermMatch } from '../lexicon-index.js';
import { hasSide, inOneStatement, NOT_EXPLAINED, setOf, signalledTones, spanOfTerm, termOf, type ChangeRule } from '../rule.js';
import { sameSpeakersVerbs } from '../speakers.js';

/** The lexicon sets a change's terms belong to that this rule compares, in the order met. */
export function contrastedSets(termsA: readonly TermMatch[], termsB: readonly TermMatch[]): Set<string> {
  return new Set([...termsA, ...termsB].filter((match) => match.term.kind !== 'hedge' && !isLoadedRole(match.term.role)).map((match) => match.term.setId));
}

export const setContrast: ChangeRule = {
  name: 'set-contrast',
  scope: 'change',
  produces: ['set-contrast'],
  kinds: ['attribution', 'loaded-term', 'label'],
  find({ passage, pair, hunk, termsA, termsB }) {
    if (!hunk) return NOT_EXPLAINED;
    const differences: Difference[] = [];
    let explained = false;
    // Two verbs of saying set side by side must report the same statement ("said" where the other
    // "rejected" another thing is no contrast); two words of one set of alternatives ("hostages",
    // "captives") in one change are their own evidence of naming the same thing.
    const oneStatement = inOneStatement({ passage, pair, hunk });
    // A word inside a quotation is the speaker's, not the source's choice: a verb of saying there is
    // not how the source reports them, and "fighting" in someone's words against "war" in another
    // source's own is no contrast of the two sources' words.
    const reporting = (member: typeof pair.a, match: TermMatch): boolean =>
      !member.quoted.some(([start, end]) => start <= member.tokens[match.from]!.start && member.tokens[match.from]!.start < end);
    for (const setId of contrastedSets(termsA, termsB)) {
      let left: readonly TermMatch[] = termsA.filter((match) => match.term.setId === setId && reporting(pair.a, match));
      let right: readonly TermMatch[] = termsB.filter((match) => match.term.setId === setId && reporting(pair.b, match));
      // Verbs of saying of several people on one side ("ABC News reported that Mr. Rhodes had
      // emphasized"): only those of a person the other side's verbs report too.
      if (left[0]?.term.kind === 'attribution') [left, right] = sameSpeakersVerbs(pair.a, left, pair.b, right);
      if (left.length === 0 || right.length === 0) continue;
      const leftKeys = new Set(left.map(keyOf));
      const rightKeys = new Set(right.map(keyOf));
      if ([...leftKeys].every((key) => rightKeys.has(key)) && [...rightKeys].every((key) => leftKeys.has(key))) continue;
      const kind = left[0]!.term.kind;
      if (kind === 'attribution' && !oneStatement) continue;
      // "said" → "announced" is not a framing difference; "said" → "claimed" is.
      if (kind === 'attribution' && signalledTones(left) === signalledTones(right)) {
        explained = true;
        continue;
      }
      // Nor are two plain labels of one set, each with the tone "neutral" ("the group" → "the
      // organization", "the army" → "the military", "the company" → "the firm"): both name the
      // party without a verdict; "the government" → "the regime" (hostile) is a difference. A set
      // whose terms carry no tone sets any two of its words apart, as before.
      // The same holds for a set of alternatives that names a thing, not an actor ("plan" →
      // "overhaul", "the plan" → "cuts": two names of a policy without a verdict; "plan" →
      // "scheme" is one).
      if ((kind === 'label' || kind === 'loaded-term') && [...left, ...right].every((match) => match.term.tone?.toLowerCase() === 'neutral')) {
        explained = true;
        continue;
      }
      differences.push({
        group: passage.group.id,
        kind: kind === 'label' ? 'label' : kind === 'attribution' ? 'attribution' : 'loaded-term',
        spans: [...left.map((match) => spanOfTerm(pair.a, match)), ...right.map((match) => spanOfTerm(pair.b, match))],
        rule: 'set-contrast',
        sides: [hasSide(pair.a.doc, left.map((match) => termOf(pair.a, match))), hasSide(pair.b.doc, right.map((match) => termOf(pair.b, match)))],
        set: setOf(left[0]!.term),
      });
      explained = true;
    }
    return { differences, explained };
  },
};
