/**
 * A clause on one side: a sentence or clause that one source adds to a paragraph both tell (six
 * words of meaning or more, none on the other side), which the other leaves out. Only beside words
 * both share, within one paragraph, and never in a headline (written to its own length): a whole
 * paragraph the other does not tell is shown by the passage itself. What is marked is a clause, from
 * one mark of punctuation (or the paragraph's edge) to another: a run of added words that starts or
 * ends inside a clause is a rewording of it ("criticized Democrats for focusing so closely on school
 * security, and rejecting"), not something the other leaves out, and its whole clauses only count.
 */
import { spansOf, textOf } from '../../wording.js';
import type { SourceDocument } from '../../../contract/comparison.js';
import type { PlacedToken } from '../../wording.js';
import { isContent, isHeadline } from '../cues.js';
import { isTitle } from '../names.js';
import { hasSide, lacksSide, NOT_EXPLAINED, type ChangeRule } from '../rule.js';
import { wordsOfMeaning } from './wording.js';

/**
 * Whether most of a clause's pairs of neighbouring words of meaning stand in the other member too
 * (half or more): the other tells the clause, somewhere else in the passage.
 */
function toldElsewhere(clause: readonly PlacedToken[], other: readonly PlacedToken[]): boolean {
  const pairs = (tokens: readonly PlacedToken[]): string[] => {
    const words = tokens.filter(isContent).map((token) => token.norm);
    return words.slice(1).map((word, i) => `${words[i]} ${word}`);
  };
  const mine = pairs(clause);
  if (mine.length === 0) return false;
  const theirs = new Set(pairs(other));
  return mine.filter((pair) => theirs.has(pair)).length * 2 >= mine.length;
}

/** A one-sided addition with at least this many content words is reported as an omission. */
const ADDED_MIN = 6;

/** Punctuation that ends a clause or a sentence, or opens one (a dash, a bracket, a quotation). */
const CLAUSE_EDGE = /[.,;:!?—–()“”"]/;

/**
 * The clauses of tokens[from..to): from the first word that opens a clause (after punctuation, or
 * first in its paragraph) to the last that closes one (before punctuation, or last in its paragraph).
 * A full stop after a title or an initial ("Mr.", "J.") closes nothing. Undefined when no clause is left.
 */
function wholeClauses(document: SourceDocument, tokens: readonly PlacedToken[], from: number, to: number): [number, number] | undefined {
  const text = document.text;
  const opens = (k: number): boolean => {
    const before = tokens[k - 1];
    if (!before || before.paragraph !== tokens[k]!.paragraph) return true;
    return CLAUSE_EDGE.test(text.slice(before.end, tokens[k]!.start)) && !abbreviation(before, text.slice(before.end, tokens[k]!.start));
  };
  const closes = (k: number): boolean => {
    const after = tokens[k + 1];
    if (!after || after.paragraph !== tokens[k]!.paragraph) return true;
    const gap = text.slice(tokens[k]!.end, after.start);
    return CLAUSE_EDGE.test(gap) && !abbreviation(tokens[k]!, gap);
  };
  let start = from;
  while (start < to && !opens(start)) start++;
  let end = to;
  while (end > start && !closes(end - 1)) end--;
  return end > start ? [start, end] : undefined;
}

/** Whether the punctuation after a word is only an abbreviation's full stop ("Mr.", "J."). */
const abbreviation = (token: PlacedToken, gap: string): boolean => /^\.\s*$/.test(gap) && (isTitle(token.norm) || token.end - token.start === 1);

export const clauseOneSide: ChangeRule = {
  name: 'clause-one-side',
  scope: 'change',
  produces: ['clause-one-side'],
  kinds: ['omission'],
  find({ passage, pair, hunk, explained }) {
    if (!hunk || explained) return NOT_EXPLAINED;
    const content = wordsOfMeaning(pair, hunk);
    if (!content || (content.a > 0 && content.b > 0) || content.a + content.b < ADDED_MIN) return NOT_EXPLAINED;
    const [member, other, hunkFrom, hunkTo] = content.a > 0 ? [pair.a, pair.b, hunk.a0, hunk.a1] : [pair.b, pair.a, hunk.b0, hunk.b1];
    // Only where it is added to a paragraph the other tells too: within one paragraph, beside
    // words both share. A whole paragraph of a passage that the other does not tell is shown by
    // the passage itself, not marked.
    const paragraph = member.tokens[hunkFrom]!.paragraph;
    const inOneParagraph = member.tokens[hunkTo - 1]!.paragraph === paragraph;
    const besideShared = member.tokens[hunkFrom - 1]?.paragraph === paragraph || member.tokens[hunkTo]?.paragraph === paragraph;
    // A headline is written to its own length: words one adds to it are its style ("… | Israel's
    // war in Gaza News"), not something the others leave out; the headlines stand side by side.
    if (!inOneParagraph || !besideShared || isHeadline(member.document, paragraph)) return NOT_EXPLAINED;
    const clauses = wholeClauses(member.document, member.tokens, hunkFrom, hunkTo);
    if (!clauses || member.tokens.slice(clauses[0], clauses[1]).filter(isContent).length < ADDED_MIN) return NOT_EXPLAINED;
    const [from, to] = clauses;
    // Words the other tells elsewhere in the passage are moved, not left out: a diff lines up one
    // run of shared words and gives the other as removed on one side and added on the other ("…,”
    // said Christina Greenway, daughter of …" before or after a sentence the other moved).
    const clause = member.tokens.slice(from, to);
    if (toldElsewhere(clause, other.tokens)) return { differences: [], explained: true };
    // The other sources of the passage that tell it too (in a passage of many sources, each is
    // compared with one of them): the clause is theirs as well, not this source's only.
    const alsoTelling = passage.members.filter((m) => m.doc !== member.doc && m.doc !== other.doc && toldElsewhere(clause, m.tokens));
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'omission',
          spans: spansOf(member.doc, member.tokens, from, to),
          rule: 'clause-one-side',
          sides: [hasSide(member.doc, [{ text: textOf(member.document, member.tokens, from, to, 90) }]), ...alsoTelling.map((m) => hasSide(m.doc, [])), lacksSide(other.doc)],
        },
      ],
      explained: true,
    };
  },
};
