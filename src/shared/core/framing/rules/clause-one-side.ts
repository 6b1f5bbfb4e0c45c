/**
 * A clause on one side: a sentence or clause that one source adds to a paragraph both tell (six
 * words of meaning or more, none on the other side), which the other leaves out. Only beside words
 * both share, within one paragraph, and never in a headline (written to its own length): a whole
 * paragraph the other does not tell is shown by the passage itself.
 */
import { spansOf, textOf } from '../../wording.js';
import { isHeadline } from '../cues.js';
import { hasSide, lacksSide, NOT_EXPLAINED, type ChangeRule } from '../rule.js';
import { wordsOfMeaning } from './wording.js';

/** A one-sided addition with at least this many content words is reported as an omission. */
const ADDED_MIN = 6;

export const clauseOneSide: ChangeRule = {
  name: 'clause-one-side',
  scope: 'change',
  produces: ['clause-one-side'],
  kinds: ['omission'],
  find({ passage, pair, hunk, explained }) {
    if (!hunk || explained) return NOT_EXPLAINED;
    const content = wordsOfMeaning(pair, hunk);
    if (!content || (content.a > 0 && content.b > 0) || content.a + content.b < ADDED_MIN) return NOT_EXPLAINED;
    const [member, other, from, to] = content.a > 0 ? [pair.a, pair.b, hunk.a0, hunk.a1] : [pair.b, pair.a, hunk.b0, hunk.b1];
    // Only where it is added to a paragraph the other tells too: within one paragraph, beside
    // words both share. A whole paragraph of a passage that the other does not tell is shown by
    // the passage itself, not marked.
    const paragraph = member.tokens[from]!.paragraph;
    const inOneParagraph = member.tokens[to - 1]!.paragraph === paragraph;
    const besideShared = member.tokens[from - 1]?.paragraph === paragraph || member.tokens[to]?.paragraph === paragraph;
    // A headline is written to its own length: words one adds to it are its style ("… | Israel's
    // war in Gaza News"), not something the others leave out; the headlines stand side by side.
    if (!inOneParagraph || !besideShared || isHeadline(member.document, paragraph)) return NOT_EXPLAINED;
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'omission',
          spans: spansOf(member.doc, member.tokens, from, to),
          rule: 'clause-one-side',
          sides: [hasSide(member.doc, [{ text: textOf(member.document, member.tokens, from, to, 90) }]), lacksSide(other.doc)],
        },
      ],
      explained: true,
    };
  },
};
