/**
 * Who says a verb of saying, read from the words beside it, for the attribution rules: two verbs
 * set side by side must report one statement, and two people's verbs tell two statements.
 *
 * Pure: no Node, no DOM.
 */
import type { TermMatch } from './lexicon-index.js';
import { STOP_WORDS } from '../text.js';
import { casingOf, CLAUSE_EDGE, nameOf, opensSentence, WEEKDAYS_MONTHS } from './cues.js';
import { isTitle } from './names.js';
import type { PreparedMember } from './passage.js';

/** The most words of a description set between commas after a speaker's name ("Ryan, in his first interview since …, told"). */
const DESCRIPTION_MAX = 20;

/** Words between a speaker and the verb that are not the speaker ("has also repeatedly said"). */
const AUXILIARIES = new Set('has have had is was were be been would will could should may might must also not never later then again still already first once just even now only'.split(' '));
/** Words that stand for a speaker named elsewhere: the speaker is unknown here. */
const PRONOUNS = new Set('he she they it we i you who which that this these those'.split(' '));
/** Words that may join the words of one name ("Friends of the Earth"). */
const JOINERS = new Set(['of', 'the', 'and', 'for']);

/**
 * The name of who says a verb of saying, where the sentence gives it right beside the verb: the
 * run of capitalised words before it ("Obama campaign manager Jim Messina quipped", "House
 * Republicans have argued"), over a description set between commas ("Jonathan Cowan, president of
 * Third Way, hailed"), after it when it follows a quotation ("…,” said Chad Griffin"), or after
 * "by" for a participle with its agent ("…, praised by President Obama as"); as lower-case words
 * less titles. Empty where the speaker is a pronoun or a common noun ("he said",
 * "the official said", "senators urged"). Linear in the words looked at.
 */
export function speakerNames(member: PreparedMember, match: TermMatch): Set<string> {
  const { tokens, document } = member;
  const casing = casingOf(document);
  const found = new Set<string>();
  const between = (a: number, b: number): string => document.text.slice(tokens[a]!.end, tokens[b]!.start);
  const nameWord = (i: number): boolean => {
    const token = tokens[i]!;
    if (!token.isCapitalized || token.isNumber || STOP_WORDS.has(token.norm) || WEEKDAYS_MONTHS.has(token.norm)) return false;
    // A capital that opens a sentence is a name where the source capitalises the word inside
    // sentences too ("Santorum said"; not "Critics said").
    return !opensSentence(document.text, token.start) || (casing.named.has(nameOf(token.norm)) && !casing.small.has(token.norm));
  };
  /** The run of name words ending at i. */
  const run = (i: number): void => {
    for (let k = i; k >= 0; k--) {
      const token = tokens[k]!;
      if (k !== i && CLAUSE_EDGE.test(between(k, k + 1))) return;
      if (nameWord(k)) {
        if (!isTitle(token.norm)) found.add(nameOf(token.norm));
      } else if (!(JOINERS.has(token.norm) && k !== i) && !isTitle(token.norm)) return;
    }
  };
  // A participle with its agent after "by" ("the tax deal announced by President Obama"): who
  // made the statement is the name after "by".
  const by = tokens[match.to];
  if (/(?:ed|en)$/.test(tokens[match.to - 1]!.norm) && by?.norm === 'by' && by.paragraph === tokens[match.to - 1]!.paragraph && !CLAUSE_EDGE.test(between(match.to - 1, match.to))) {
    for (let k = match.to + 1; k < Math.min(tokens.length, match.to + 1 + DESCRIPTION_MAX) && !CLAUSE_EDGE.test(between(k - 1, k)); k++) {
      if (nameWord(k)) {
        if (!isTitle(tokens[k]!.norm)) found.add(nameOf(tokens[k]!.norm));
      } else if (!isTitle(tokens[k]!.norm) && !(JOINERS.has(tokens[k]!.norm) && found.size > 0)) break;
    }
    if (found.size > 0) return found;
  }
  if (match.from > 0 && /["”’]/.test(between(match.from - 1, match.from))) {
    // After a quotation the words up to the clause's edge are who said it, a description and
    // the name. The name is the run of name words that ends the clause ("said Obama campaign
    // manager Jim Messina": Jim Messina, not Obama), or that a comma or a function word closes
    // ("said Chad Griffin, president of …"); without one, every name word there.
    const end = Math.min(tokens.length, match.to + DESCRIPTION_MAX);
    let names = new Set<string>();
    for (let k = match.to; k < end && (k === match.to || !CLAUSE_EDGE.test(between(k - 1, k))); k++) {
      if (!nameWord(k) && !isTitle(tokens[k]!.norm)) {
        names = new Set();
        continue;
      }
      if (nameWord(k) && !isTitle(tokens[k]!.norm)) {
        names.add(nameOf(tokens[k]!.norm));
        found.add(nameOf(tokens[k]!.norm));
      }
      // (A function word after it closes it too: "said … Dee Okafor after the debate".)
      const closes = k + 1 >= tokens.length || tokens[k + 1]!.paragraph !== tokens[k]!.paragraph || CLAUSE_EDGE.test(between(k, k + 1)) || STOP_WORDS.has(tokens[k + 1]!.norm);
      if (closes && names.size > 0) return names;
    }
    return found;
  }
  let i = match.from - 1;
  while (i >= 0 && !CLAUSE_EDGE.test(between(i, i + 1)) && !tokens[i]!.isCapitalized && (AUXILIARIES.has(tokens[i]!.norm) || /ly$/.test(tokens[i]!.norm))) i--;
  if (i < 0) return found;
  let gap = between(i, i + 1).trim();
  // A short bracket after the name is part of it: a party and state ("Rep. Randy Forbes (R-Va.)
  // had argued"), a post ("(ret.)").
  if (/\)$/.test(gap) && !gap.includes('(')) {
    let k = i;
    while (k > 0 && i - k < 6 && !between(k - 1, k).includes('(')) k--;
    if (k === 0 || !/^\s*\($/.test(between(k - 1, k)) || i - k >= 6) return found;
    i = k - 1;
    gap = '';
  }
  if (gap === ',') {
    // A description between commas: the name ends before the comma that opens it.
    let k = i;
    while (k > 0 && i - k < DESCRIPTION_MAX && !CLAUSE_EDGE.test(between(k - 1, k))) k--;
    if (k === 0 || between(k - 1, k).trim() !== ',') return found;
    i = k - 1;
  } else if (CLAUSE_EDGE.test(gap)) return found;
  if (PRONOUNS.has(tokens[i]!.norm)) return found;
  run(i);
  return found;
}

/**
 * Who says a verb of saying, for telling one sentence's speakers apart: the name (speakerNames),
 * or else the common noun right before a verb that is not in -ing ("five senators urged":
 * "~senators"), marked so that it never matches a name. Empty where neither is given ("he said",
 * "…, warning", "a statement saying").
 */
export function speakerOf(member: PreparedMember, match: TermMatch): Set<string> {
  const names = speakerNames(member, match);
  if (names.size > 0) return names;
  const { tokens, document } = member;
  // A form in -ing after a noun tells what the noun says ("a statement saying", "a report
  // claiming"): whose statement or report it is, the words do not tell.
  if (tokens[match.from]!.norm.endsWith('ing')) return names;
  let i = match.from - 1;
  while (i >= 0 && !tokens[i]!.isCapitalized && (AUXILIARIES.has(tokens[i]!.norm) || /ly$/.test(tokens[i]!.norm)) && !CLAUSE_EDGE.test(document.text.slice(tokens[i]!.end, tokens[i + 1]!.start))) i--;
  const head = tokens[i];
  if (!head || head.paragraph !== tokens[match.from]!.paragraph || CLAUSE_EDGE.test(document.text.slice(head.end, tokens[i + 1]!.start))) return names;
  if (head.isCapitalized || head.isNumber || STOP_WORDS.has(head.norm) || PRONOUNS.has(head.norm) || AUXILIARIES.has(head.norm)) return names;
  return new Set([`~${head.norm}`]);
}

/**
 * The verbs of a side that report the same person as the other side, where a side's verbs report
 * several people ("Romney added his voice after five senators urged Akin to step aside"; "ABC
 * News reported that Mr. Rhodes had emphasized"): each verb whose named speaker shares a word with
 * a speaker the other side names. Two people's statements in one sentence are not one statement
 * told with two verbs, and a verb whose speaker cannot be told is set beside none of them. Each
 * side as it is where neither mixes speakers.
 */
export function sameSpeakersVerbs(
  mx: PreparedMember,
  left: readonly TermMatch[],
  my: PreparedMember,
  right: readonly TermMatch[],
): [readonly TermMatch[], readonly TermMatch[]] {
  const a = left.map((match) => speakerOf(mx, match));
  const b = right.map((match) => speakerOf(my, match));
  const mixes = (names: readonly Set<string>[]): boolean =>
    names.some((x, i) => x.size > 0 && names.some((y, j) => j > i && y.size > 0 && ![...x].some((name) => y.has(name))));
  if (!mixes(a) && !mixes(b)) return [left, right];
  const allA = new Set(a.flatMap((names) => [...names]));
  const allB = new Set(b.flatMap((names) => [...names]));
  return [left.filter((_match, i) => [...a[i]!].some((name) => allB.has(name))), right.filter((_match, i) => [...b[i]!].some((name) => allA.has(name)))];
}

/**
 * Whether two verbs of saying plainly report different people: each names its speaker, and the
 * names share no word ("Obama said" against "Jim Messina quipped"; "Bruning and Pruitt argue"
 * against "John Suthers said"). Two people's verbs tell two statements, not one told two ways.
 */
export function differentSpeakers(mx: PreparedMember, left: readonly TermMatch[], my: PreparedMember, right: readonly TermMatch[]): boolean {
  const a = new Set(left.flatMap((match) => [...speakerNames(mx, match)]));
  const b = new Set(right.flatMap((match) => [...speakerNames(my, match)]));
  return a.size > 0 && b.size > 0 && ![...a].some((name) => b.has(name));
}
