/**
 * A clause on one side: a sentence or clause that one source adds to a paragraph both tell (six
 * words of meaning or more, none on the other side), which the other leaves out. Only beside words
 * both share, within one paragraph, and never in a headline (written to its own length): a whole
 * paragraph the other does not tell is shown by the passage itself. What is marked is a clause, from
 * one mark of punctuation (or the paragraph's edge) to another: a run of added words that starts or
 * ends inside a clause is a rewording of it ("criticized Democrats for focusing so closely on school
 * security, and rejecting"), not something the other leaves out, and its whole clauses only count.
 */
import { paragraphSentences } from '../../sentences.js';
import { spansOf, textOf } from '../../wording.js';
import type { Difference, SourceDocument } from '../../../contract/comparison.js';
import type { TextRange } from '../../segment.js';
import type { PlacedToken } from '../../wording.js';
import { CLAUSE_EDGE, isContent, isHeadline, WEEKDAYS_MONTHS } from '../cues.js';
import type { PreparedMember } from '../passage.js';
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

/** Words that name the occasion of a statement after "in", "at", "during", …: "in an interview", "at a news conference", "in brief remarks". */
const OCCASION = new Set(
  'interview interviews speech speeches statement statements briefing briefings remarks conference conferences appearance address testimony hearing broadcast email e-mail letter post tweet tweets podcast'.split(' '),
);
/** Prepositions that open an occasion ("in a statement", "during a hearing"). */
const OCCASION_OPENS = new Set(['in', 'at', 'during', 'on', 'via', 'through']);
/** Words of when: "on Wednesday afternoon", "earlier this week". */
const WHEN = new Set('morning afternoon evening night today yesterday tonight tomorrow earlier later week weekend'.split(' '));
/** Words of meaning that may describe an occasion ("in a speech pushing his jobs bill", "in an interview first posted online"). */
const OCCASION_WORDS = 4;
/** The most other words of meaning a clause of attribution may hold (who the speaker is: "the new producers"). */
const ATTRIBUTION_REST = 2;

/**
 * Whether a clause tells only how a statement reached the reader: who said it, when and on what
 * occasion ("President Obama said Wednesday in a speech pushing his jobs bill", "in a briefing with
 * reporters at the White House on Wednesday afternoon"). It has a verb of saying or an occasion
 * ("in", "at", … up to two words before a word such as "statement" or "interview"); after the verb
 * nothing but names, days, words of when and an occasion with up to OCCASION_WORDS words that
 * describe it (a word of meaning there is what was said: "declared he was in top shape", "added 16
 * points"; so is a clause the occasion opens, "a speech that touched on …"); before it, at most
 * ATTRIBUTION_REST words of meaning besides those. The statement both tell; the circumstances of its
 * telling are no content left out.
 */
function onlyAttribution(member: PreparedMember, from: number, to: number): boolean {
  const { tokens } = member;
  const saying = new Set<number>();
  for (const match of member.terms) if (match.term.role === 'saying' && match.from >= from && match.to <= to) for (let k = match.from; k < match.to; k++) saying.add(k);
  const opensOccasion = (k: number): boolean => {
    for (let i = k - 1; i >= Math.max(from, k - 3); i--) if (OCCASION_OPENS.has(tokens[i]!.norm)) return true;
    return false;
  };
  let attribution = false;
  let afterVerb = false;
  let describing = 0;
  let rest = 0;
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (token.norm === 'that' || token.norm === 'which' || token.norm === 'who') describing = 0;
    if (!isContent(token)) continue;
    if (saying.has(k)) {
      attribution = afterVerb = true;
      describing = 0;
    } else if (OCCASION.has(token.norm) && opensOccasion(k)) {
      attribution = true;
      describing = OCCASION_WORDS;
    } else if (token.isCapitalized || token.isNumber || WEEKDAYS_MONTHS.has(token.norm) || WHEN.has(token.norm)) {
      continue;
    } else if (describing > 0) {
      describing--;
    } else if (afterVerb) {
      return false;
    } else {
      rest++;
    }
  }
  return attribution && rest <= ATTRIBUTION_REST;
}

/** A one-sided addition with at least this many content words is reported as an omission. */
const ADDED_MIN = 6;


/**
 * The first of a paragraph's sentences (in order, as the comparison splits them and keeps them)
 * that ends after `offset`, by binary search: O(log n) in a paragraph of many sentences.
 */
function firstEndingAfter(sentences: readonly TextRange[], offset: number): TextRange | undefined {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sentences[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return sentences[low];
}

/** Whether a sentence ends between tokens[k] and the token after it (after the first, before the second). */
function sentenceEndAfter(document: SourceDocument, tokens: readonly PlacedToken[], k: number): boolean {
  const token = tokens[k]!;
  const after = tokens[k + 1];
  if (!after || after.paragraph !== token.paragraph) return false;
  const next = firstEndingAfter(paragraphSentences(document, token.paragraph), token.start);
  return next !== undefined && next.end <= after.start;
}

/**
 * Whether punctuation stands between tokens[k] and the token after it (the paragraph's edge
 * counts): a full stop only where a sentence ends, as the comparison splits sentences (a full stop
 * after an abbreviation or an initial, "Mr.", "St.", "J.", ends none; "… said the president." does).
 */
function edgeAfter(document: SourceDocument, tokens: readonly PlacedToken[], k: number): boolean {
  const token = tokens[k]!;
  const after = tokens[k + 1];
  if (!after || after.paragraph !== token.paragraph) return true;
  const gap = document.text.slice(token.end, after.start);
  if (!CLAUSE_EDGE.test(gap)) return false;
  return !/^\.\s*$/.test(gap) || sentenceEndAfter(document, tokens, k);
}

/**
 * The clauses of tokens[from..to): from the first word that opens a clause (after punctuation, or
 * first in its paragraph) to the last that closes one (before punctuation, or last in its
 * paragraph), cut where a sentence ends: each sentence's part is a thing of its own that the other
 * leaves out, not one run across them ("… who resigned last month. A former chairman also is
 * considering a run." is a clause and a sentence). Empty when no clause is left.
 */
function wholeClauses(document: SourceDocument, tokens: readonly PlacedToken[], from: number, to: number): [number, number][] {
  let start = from;
  while (start < to && !(start === 0 || edgeAfter(document, tokens, start - 1))) start++;
  let end = to;
  while (end > start && !edgeAfter(document, tokens, end - 1)) end--;
  const clauses: [number, number][] = [];
  let open = start;
  for (let k = start; k < end; k++) {
    if (k === end - 1 || sentenceEndAfter(document, tokens, k)) {
      clauses.push(withoutOpenBracket(document.text, tokens, open, k + 1));
      open = k + 1;
    }
  }
  return clauses.filter(([a, b]) => b > a);
}

/**
 * tokens[from..to) without a bracket it opens and does not close, nor one it closes and did not
 * open: "calling out Speaker John Boehner (R-Ohio" ends before the bracket.
 */
function withoutOpenBracket(text: string, tokens: readonly PlacedToken[], from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  let depth = 0;
  for (let k = from; k + 1 < to; k++) {
    const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    for (const c of gap) {
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else start = k + 1;
      }
    }
  }
  if (depth > 0) {
    // Cut before the first bracket left open, read back from the end.
    let closes = 0;
    for (let k = end - 2; k >= start; k--) {
      const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
      for (let i = gap.length - 1; i >= 0; i--) {
        if (gap[i] === ')') closes++;
        else if (gap[i] === '(') {
          if (closes > 0) closes--;
          else end = k + 1;
        }
      }
    }
  }
  return [start, Math.max(start, end)];
}

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
    const differences: Difference[] = [];
    let explainedHere = false;
    for (const [from, to] of wholeClauses(member.document, member.tokens, hunkFrom, hunkTo)) {
      const clause = member.tokens.slice(from, to);
      if (clause.filter(isContent).length < ADDED_MIN) continue;
      // Words the other tells elsewhere in the passage are moved, not left out: a diff lines up one
      // run of shared words and gives the other as removed on one side and added on the other ("…,”
      // said Christina Greenway, daughter of …" before or after a sentence the other moved).
      explainedHere = true;
      if (toldElsewhere(clause, other.tokens) || onlyAttribution(member, from, to)) continue;
      // The other sources of the passage that tell it too (in a passage of many sources, each is
      // compared with one of them): the clause is theirs as well, not this source's only.
      const alsoTelling = passage.members.filter((m) => m.doc !== member.doc && m.doc !== other.doc && toldElsewhere(clause, m.tokens));
      differences.push({
        group: passage.group.id,
        kind: 'omission',
        spans: spansOf(member.doc, member.tokens, from, to),
        rule: 'clause-one-side',
        sides: [hasSide(member.doc, [{ text: textOf(member.document, member.tokens, from, to, 90) }]), ...alsoTelling.map((m) => hasSide(m.doc, [])), lacksSide(other.doc)],
      });
    }
    return explainedHere ? { differences, explained: true } : NOT_EXPLAINED;
  },
};
