/**
 * Verbs of saying compared sentence by sentence, for sentences the alignment linked: terms of a set
 * whose role is `saying` that signal differently ("said" against "insisted"). A quotation in one
 * source and a paraphrase in another put the verb in different places, where a word diff does not
 * line them up ("…full,” the mayor insisted" against "the mayor said the town…").
 */
import type { Difference, TextSpan } from '../../../contract/comparison.js';
import type { TermMatch } from '../lexicon-index.js';
import { STOP_WORDS } from '../../text.js';
import { casingOf, CLAUSE_EDGE, isHeadline, nameOf, opensSentence, WEEKDAYS_MONTHS } from '../cues.js';
import { isTitle } from '../names.js';
import type { Passage, PreparedMember } from '../passage.js';
import { hasSide, setOf, signalledTones, spanOfTerm, termOf, type PassageRule } from '../rule.js';

/**
 * The verbs of saying of a source's member inside a sentence, outside its quotations: a verb a
 * speaker uses ("“I cannot emphasize enough how …”") is the speaker's word, not how the source
 * reports them.
 */
function verbsIn(passage: Passage, span: TextSpan): TermMatch[] {
  const member = passage.memberOf(span.doc);
  if (!member) return [];
  return member.terms.filter((match) => {
    if (match.term.role !== 'saying') return false;
    const token = member.tokens[match.from]!;
    return token.start >= span.start && token.end <= span.end && !member.quoted.some(([start, end]) => start <= token.start && token.start < end);
  });
}

/** The most words of a description set between commas after a speaker's name ("Ryan, in his first interview since …, told"). */
const DESCRIPTION_MAX = 20;

/** Words between a speaker and the verb that are not the speaker ("has also repeatedly said"). */
const AUXILIARIES = new Set('has have had is was were be been would will could should may might must also not never later then again still already first once'.split(' '));
/** Words that stand for a speaker named elsewhere: the speaker is unknown here. */
const PRONOUNS = new Set('he she they it we i you who which that this these those'.split(' '));
/** Words that may join the words of one name ("Friends of the Earth"). */
const JOINERS = new Set(['of', 'the', 'and', 'for']);

/**
 * The name of who says a verb of saying, where the sentence gives it right beside the verb: the
 * run of capitalised words before it ("Obama campaign manager Jim Messina quipped", "House
 * Republicans have argued"), over a description set between commas ("Jonathan Cowan, president of
 * Third Way, hailed"), or after it when it follows a quotation ("…,” said Chad Griffin"); as
 * lower-case words less titles. Empty where the speaker is a pronoun or a common noun ("he said",
 * "the official said", "senators urged"). Linear in the words looked at.
 */
function speakerNames(member: PreparedMember, match: TermMatch): Set<string> {
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
  const gap = between(i, i + 1).trim();
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
 * Whether two verbs of saying plainly report different people: each names its speaker, and the
 * names share no word ("Obama said" against "Jim Messina quipped"; "Bruning and Pruitt argue"
 * against "John Suthers said"). Two people's verbs tell two statements, not one told two ways.
 */
function differentSpeakers(mx: PreparedMember, left: readonly TermMatch[], my: PreparedMember, right: readonly TermMatch[]): boolean {
  const a = new Set(left.flatMap((match) => [...speakerNames(mx, match)]));
  const b = new Set(right.flatMap((match) => [...speakerNames(my, match)]));
  return a.size > 0 && b.size > 0 && ![...a].some((name) => b.has(name));
}

/** Whether a sentence stands in its document's headline. */
function inHeadline(passage: Passage, span: TextSpan): boolean {
  const document = passage.documents[span.doc];
  return document !== undefined && isHeadline(document, document.paragraphs.findIndex((paragraph) => paragraph.start <= span.start && span.start < paragraph.end));
}

/** The tones the verbs of saying in a source's headline signal, inside the passage (see signalledTones). */
function headlineTones(passage: Passage, doc: number): string | undefined {
  const member = passage.memberOf(doc);
  if (!member) return undefined;
  const verbs = member.terms.filter((match) => match.term.role === 'saying' && isHeadline(member.document, member.tokens[match.from]!.paragraph));
  return verbs.length > 0 ? signalledTones(verbs) : undefined;
}

export const verbContrast: PassageRule = {
  name: 'verb-contrast',
  scope: 'passage',
  produces: ['verb-contrast'],
  kinds: ['attribution'],
  find(passage) {
    const differences: Difference[] = [];
    // A sentence linked to several of another source's sentences would give its verbs once for
    // each link ("insisted → said", "insisted → added"): the closest links first, and a link adds
    // nothing when the verbs of one side were set already against the same tones from the other
    // source. (Links sorted: n log n in the links.)
    const said = new Set<string>();
    const key = (doc: number, match: TermMatch, otherDoc: number, otherTones: string): string => `${doc}:${match.from}|${otherDoc}:${otherTones}`;
    const all = passage.group.sentences ?? [];
    const order = all.map((_link, i) => i).sort((a, b) => all[b]!.score - all[a]!.score || a - b);
    const kept: { at: number; difference: Difference }[] = [];
    for (const at of order) {
      const link = all[at]!;
      const [x, y] = link.spans;
      const left = verbsIn(passage, x);
      const right = verbsIn(passage, y);
      if (left.length === 0 || right.length === 0) continue;
      if (signalledTones(left) === signalledTones(right)) continue;
      // A headline linked to the other's body sentence: headlines tell it in a verb of their own
      // ("Judge warns …" above "the judge said …"), so the contrast is one only where the other
      // source's headline does not use the same verb ("warns" in both headlines is no difference).
      const [headX, headY] = [inHeadline(passage, x), inHeadline(passage, y)];
      if (headX !== headY && headlineTones(passage, headX ? y.doc : x.doc) === signalledTones(headX ? left : right)) continue;
      const mx = passage.memberOf(x.doc)!;
      const my = passage.memberOf(y.doc)!;
      if (differentSpeakers(mx, left, my, right)) continue;
      const leftKeys = left.map((match) => key(x.doc, match, y.doc, signalledTones(right)));
      const rightKeys = right.map((match) => key(y.doc, match, x.doc, signalledTones(left)));
      if (leftKeys.every((k) => said.has(k)) || rightKeys.every((k) => said.has(k))) continue;
      for (const k of [...leftKeys, ...rightKeys]) said.add(k);
      const difference: Difference = {
        group: passage.group.id,
        kind: 'attribution',
        spans: [...left.map((match) => spanOfTerm(mx, match)), ...right.map((match) => spanOfTerm(my, match))],
        rule: 'verb-contrast',
        sides: [hasSide(x.doc, left.map((match) => termOf(mx, match))), hasSide(y.doc, right.map((match) => termOf(my, match)))],
        set: setOf(left[0]!.term),
        evidence: { link: link.score },
      };
      kept.push({ at, difference });
    }
    // In the order of the links, as the passage gives them.
    for (const { difference } of kept.sort((a, b) => a.at - b.at)) differences.push(difference);
    return { differences };
  },
};
