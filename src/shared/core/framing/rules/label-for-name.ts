/**
 * Label for a name: an actor named on one side of a short change and described with a label on
 * the other ("Hamas said" → "the group claimed"). The label stands in for the name only when the
 * other side names exactly one actor there.
 */
import { STOP_WORDS } from '../../text.js';
import type { MemberText } from '../../wording.js';
import { isHeadline, opensSentence, ownName, WEEKDAYS_MONTHS } from '../cues.js';
import type { PreparedMember } from '../passage.js';
import { hasSide, inOneStatement, NOT_EXPLAINED, spanOfTerm, termOf, type ChangeRule } from '../rule.js';
import { contrastedSets } from './set-contrast.js';

/** A label stands in for a name in a change of at most this many words on each side. */
const LABEL_HUNK_MAX = 8;

/** The most words after a label that may end the phrase it opens ("the company's senior threat researcher Paul Ferguson"). */
const PHRASE_MAX = 7;

/** Words that may join the words of one name: "Friends of the Harbour Trust", "Bank of England". */
const NAME_JOINERS = new Set(['of', 'and', 'the', 'for', 'de', 'al']);
/** Words naming a people or a country's adjective: "Israeli", "Palestinian", "British", "Chinese". */
const DEMONYM = /(?:i|ian|ean|ese|ish)$/;

/** The capitalised words of tokens [from, to) of a member that may be names. */
function names(member: PreparedMember, from: number, to: number): number[] {
  const { document } = member;
  const found: number[] = [];
  for (let i = from; i < to; i++) {
    const token = member.tokens[i]!;
    // A headline's capitals are its style, not names ("Wins Endorsement").
    if (!token.isCapitalized || STOP_WORDS.has(token.norm) || isHeadline(document, token.paragraph)) continue;
    // A capital at the start of a sentence (or a quotation) is a name only when the next word
    // has one too ("Harnley Rail").
    const next = member.tokens[i + 1];
    if ((i === 0 || opensSentence(document.text, token.start)) && !(next?.isCapitalized && i + 1 < to)) continue;
    if (ownName(document, token.norm)) continue;
    // A day or a month is when, not who ("on Wednesday" against "the controversial …").
    if (WEEKDAYS_MONTHS.has(token.norm)) continue;
    found.push(i);
  }
  return found;
}

/**
 * The one name among capitalised words of a changed passage, or nothing: the words must form a
 * single run (joined by one "of", "and", … at most), and not be adjectives of nationality alone. Two
 * names, or scattered capitals, cannot say which actor a label such as "the group" stands for.
 */
function oneName(member: MemberText, indices: readonly number[]): number[] {
  if (indices.length === 0) return [];
  for (let k = 1; k < indices.length; k++) {
    // One joining word at most: "Forum and the Council" are two names.
    if (indices[k]! - indices[k - 1]! > 2) return [];
    for (let i = indices[k - 1]! + 1; i < indices[k]!; i++) if (!NAME_JOINERS.has(member.tokens[i]!.norm)) return [];
  }
  if (indices.every((i) => DEMONYM.test(member.tokens[i]!.norm))) return [];
  return [...indices];
}

export const labelForName: ChangeRule = {
  name: 'label-for-name',
  scope: 'change',
  produces: ['label-for-name'],
  kinds: ['label'],
  find({ passage, pair, hunk, termsA, termsB }) {
    if (!hunk || !inOneStatement({ passage, pair, hunk })) return NOT_EXPLAINED;
    const labelA = termsA.filter((match) => match.term.kind === 'label');
    const labelB = termsB.filter((match) => match.term.kind === 'label');
    // …where one stands in for the other: a short change ("Hamas said" → "the group claimed"), not a
    // label somewhere in a stretch the two sources tell differently.
    const shortChange = hunk.a1 - hunk.a0 <= LABEL_HUNK_MAX && hunk.b1 - hunk.b0 <= LABEL_HUNK_MAX;
    if (!shortChange || (contrastedSets(termsA, termsB).size > 0 && (labelA.length > 0) === (labelB.length > 0))) return NOT_EXPLAINED;
    const [labels, member, other, from, to] = labelA.length > 0 && labelB.length === 0 ? [labelA, pair.a, pair.b, hunk.b0, hunk.b1] : [labelB, pair.b, pair.a, hunk.a0, hunk.a1];
    const named = labels.length > 0 ? oneName(other, names(other, from, to)) : [];
    if (labels.length === 0 || named.length === 0) return NOT_EXPLAINED;
    // The name must be whole: a capitalised word right before or after it, outside the change,
    // makes it one word of a longer name ("former Michigan Republican Party Chairman", "Texas
    // Governor Rick Perry"), a place or a title qualifying someone, which no label stands in for.
    const around = [named[0]! - 1, named[named.length - 1]! + 1].filter((i) => i >= 0 && i < other.tokens.length && (i < from || i >= to));
    if (around.some((i) => other.tokens[i]!.paragraph === other.tokens[named[0]!]!.paragraph && names(other, i, i + 1).length > 0)) return NOT_EXPLAINED;
    // A label that opens a phrase ending in a name describes whoever that names ("said the
    // company's senior threat researcher Paul Ferguson" against "said Ferguson": the firm, not
    // Ferguson; "Controversial Arizona Sheriff Joe Arpaio" against "Gov. Rick Perry of Texas": the
    // sheriff, not Texas). (Before it, the name may well be what the label stands for: "Hamas’
    // attack, which the group claimed".)
    const labelEnd = labels[labels.length - 1]!.to;
    for (let k = labelEnd; k < Math.min(member.tokens.length, labelEnd + PHRASE_MAX); k++) {
      const token = member.tokens[k]!;
      if (k > labelEnd && /[,.;:!?()“”"]/.test(member.document.text.slice(member.tokens[k - 1]!.end, token.start))) break;
      // (A function word ends the label's phrase: "the government gave a go-ahead to the Navy".)
      if (STOP_WORDS.has(token.norm)) break;
      if (token.isCapitalized && names(member, k, k + 1).length > 0) return NOT_EXPLAINED;
    }
    const name = other.document.text.slice(other.tokens[named[0]!]!.start, other.tokens[named[named.length - 1]!]!.end);
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'label',
          spans: [...labels.map((match) => spanOfTerm(member, match)), ...named.map((i) => ({ doc: other.doc, start: other.tokens[i]!.start, end: other.tokens[i]!.end }))],
          rule: 'label-for-name',
          sides: [{ doc: other.doc, part: 'names', terms: [{ text: name }] }, hasSide(member.doc, labels.map((match) => termOf(member, match)))],
        },
      ],
      explained: true,
    };
  },
};
