/**
 * Wording: a changed word or short phrase that no rule before it explained ("critical" for
 * "serious", "dispatched" for "sent"), or an adverb or adjective only one source adds ("sharply", "reckless"). A
 * rewritten clause is paraphrase, which the passage itself shows; only the side whose words set it
 * apart from most of the group is marked, and only inside two sentences the alignment linked (one
 * statement, told in other words), and inside one piece of each (not across a comma, a bracket, a
 * quotation mark or a sentence's end).
 */
import type { SourceDocument, TextSpan } from '../../../contract/comparison.js';
import { spellingKey, STOP_WORDS } from '../../text.js';
import { firstEndAfter } from '../../paragraph-at.js';
import { spansOf, textOf, type Hunk, type PlacedToken } from '../../wording.js';
import { casingOf, isContent, isHeadline, nameOf, opensSentence } from '../cues.js';
import { inflectionKey, type TermMatch } from '../lexicon-index.js';
import { isLoadedRole } from '../../../contract/lexicon.js';
import { sameName } from '../names.js';
import { CLAUSE_OPENERS, type PreparedPair } from '../passage.js';
import { hasSide, inOneStatement, lacksSide, NOT_EXPLAINED, type ChangeRule } from '../rule.js';

/** The most content words on either side of a change still reported as a wording difference. */
const WORDING_MAX = 3;
/** The most words (function words too) on either side of a change still reported as a wording difference. */
const WORDING_SPAN = 6;
/** The most content words added or dropped on one side still reported as a wording difference. */
const ONE_SIDED_MAX = 2;

/**
 * How many words of meaning each side of a change has; none when the change is no wording rule's
 * business: only function words, punctuation or numbers, or figures on both sides (the figures
 * are compared as figures).
 */
export function wordsOfMeaning(pair: PreparedPair, hunk: Hunk): { readonly a: number; readonly b: number } | undefined {
  const a = pair.a.tokens.slice(hunk.a0, hunk.a1).filter(isContent).length;
  const b = pair.b.tokens.slice(hunk.b0, hunk.b1).filter(isContent).length;
  if (a === 0 && b === 0) return undefined;
  const numbersA = pair.a.tokens.slice(hunk.a0, hunk.a1).some((t) => t.isNumber);
  const numbersB = pair.b.tokens.slice(hunk.b0, hunk.b1).some((t) => t.isNumber);
  if (numbersA && numbersB) return undefined;
  return { a, b };
}

const bare = (token: PlacedToken): string => token.norm.replace(/['’]s$/, '');
/** Case, hyphens and punctuation aside ("double-dip" / "double dip"). */
const letters = (words: readonly string[]): string => words.join('').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Whether a stretch of text holds a word that is not a function word. */
const hasContent = (document: SourceDocument, span: TextSpan): boolean =>
  (document.text.slice(span.start, span.end).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).some((word) => !STOP_WORDS.has(word));

/** Words in -ly that are not adverbs of manner or degree (nouns, verbs, times). */
const NOT_ADVERBS = new Set(
  'family assembly supply anomaly monopoly rally ally reply apply comply rely imply multiply butterfly jelly belly bully holy ugly july italy recently previously currently formerly originally initially finally eventually shortly lately early daily weekly monthly yearly quarterly'.split(' '),
);
/** Nouns with an adjective's ending ("executive", "clinic", "table"). */
const NOT_ADJECTIVES = new Set(
  'executive representative relative initiative objective alternative archive motive incentive detective explosive operative collective directive native captive fugitive republic clinic topic logic traffic critic mechanic music panic public table cable fable stable bible'.split(' '),
);
/**
 * Whether a word says how or what kind, by its ending: an adverb of manner or degree ("sharply",
 * "narrowly") or a describing adjective ("reckless", "dangerous", "aggressive", "historic"). The
 * core has no tagger of parts of speech; the endings stand in for one, and err towards silence
 * (an adjective in -al or -ent is missed, as nouns share those endings: "official", "president").
 */
function saysHow(word: string): boolean {
  if (word.length < 5) return false;
  if (word.endsWith('ly')) return !NOT_ADVERBS.has(word);
  return /(?:ous|ful|less|ive|ic|ical|able|ible)$/.test(word) && !NOT_ADJECTIVES.has(word);
}

/**
 * Whether the words of meaning in tokens [from, to) of a member are all words of names: capitalised
 * inside a sentence (a capital after a full stop is only the sentence's). None at all counts too
 * ("he", "the"), so that a name against a pronoun is a name.
 */
function onlyNames(member: PreparedPair['a'], from: number, to: number): boolean {
  const { tokens, document } = member;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (!isContent(token)) continue;
    if (!token.isCapitalized) return false;
    if (opensSentence(document.text, token.start)) {
      // Opening a sentence: a name only when the next word is capitalised too ("Bill Hennessy"), or
      // where the source capitalises the word inside a sentence as well ("Teixeira is believed …"
      // after "an offer to Teixeira").
      const next = tokens[i + 1];
      if ((!next || next.paragraph !== token.paragraph || !next.isCapitalized) && !casingOf(document).named.has(nameOf(token.norm))) return false;
    }
  }
  return true;
}

/**
 * Whether a lexicon term is one that judges or tells with a tone: a word of a set with a loaded role
 * (but a charged set's plain word), a hedge, or a verb of saying or crediting that signals more than
 * saying. Not a word of a set of alternatives ("company" / "firm", "residents"): two of those are
 * the set rules' to set side by side.
 */
function carriesTone(term: TermMatch['term']): boolean {
  const tone = term.tone?.toLowerCase();
  if (isLoadedRole(term.role)) return tone !== 'neutral';
  if (term.kind === 'hedge') return true;
  return term.kind === 'attribution' && tone !== undefined && tone !== 'neutral';
}

/**
 * Whether tokens [from, to) of a member hold a word that judges or tells with a tone (carriesTone),
 * or one that says how or what kind. A member's terms are in reading order and do not overlap
 * (findTerms), so the first that ends inside the range is found by binary search: O(log T + the
 * terms inside), not O(T) for each change.
 */
function choosesWords(member: PreparedPair['a'], from: number, to: number): boolean {
  const terms = member.terms;
  for (let t = firstEndAfter(terms, from, (match) => match.to); t < terms.length && terms[t]!.from < to; t++) if (carriesTone(terms[t]!.term)) return true;
  return member.tokens.slice(from, to).some((token) => isContent(token) && saysHow(token.norm));
}

/**
 * Whether tokens [from, to) of a member run across punctuation that parts a sentence's pieces (a
 * comma, a bracket, a quotation mark, a dash) or two sentences (a full stop before a space): a
 * choice of words is made inside one piece, and a change across two ("a Republican, said" /
 * "isn't backing down", "during the night. The" / "overnight") is the text built otherwise.
 */
function crossesPunctuation(member: PreparedPair['a'], from: number, to: number): boolean {
  const { tokens, document, sentences } = member;
  // The sentence each token stands in, found by walking the sentences once (both in reading order).
  let sentence = 0;
  const sentenceOf = (offset: number): number => {
    while (sentence < sentences.length && sentences[sentence]!.end <= offset) sentence++;
    return sentence;
  };
  for (let i = from; i + 1 < to; i++) {
    if (tokens[i + 1]!.paragraph !== tokens[i]!.paragraph) return true;
    if (/[,;:()[\]"“”‘—–]|\s['’]|['’]\s/.test(document.text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return true;
    // Two sentences, as the alignment splits them ("Mr. Sestak" is one).
    if (sentenceOf(tokens[i]!.start) !== sentenceOf(tokens[i + 1]!.start)) return true;
  }
  return false;
}

/** Abbreviations of units, months, days and ordinals, and the word each stands for ("Nov." / "November"). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  [
    'yd:yard yds:yard ft:foot mi:mile km:kilometre kms:kilometre kg:kilogram kgs:kilogram lb:pound lbs:pound oz:ounce hr:hour hrs:hour min:minute mins:minute sec:second secs:second',
    'jan:january feb:february mar:march apr:april jun:june jul:july aug:august sep:september sept:september oct:october nov:november dec:december',
    'mon:monday tue:tuesday tues:tuesday wed:wednesday thu:thursday thur:thursday thurs:thursday fri:friday sat:saturday sun:sunday',
    // An irregular plural of a unit, and ordinals in figures ("feet" / "ft", "2nd" / "second").
    'feet:foot 1st:first 2nd:second 3rd:third 4th:fourth 5th:fifth 6th:sixth 7th:seventh 8th:eighth 9th:ninth 10th:tenth',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Whether two words are one word written otherwise: a unit, a month or a day and its abbreviation
 * ("yards" / "yd", "Nov." / "November"), or a word and a compound made of it with hyphens ("metre" / "metre-long").
 */
function sameWordWrittenOtherwise(x: string, y: string): boolean {
  const [one, other] = [x.toLowerCase().replace(/\.$/, ''), y.toLowerCase().replace(/\.$/, '')];
  const unit = (word: string): string => inflectionKey(ABBREVIATIONS.get(word) ?? word);
  if (unit(one) === unit(other)) return true;
  const parts = (word: string): string[] => word.split(/[-‐]/).map((part) => inflectionKey(part));
  return (one.includes('-') && parts(one).includes(inflectionKey(other))) || (other.includes('-') && parts(other).includes(inflectionKey(one)));
}

/** Words that open a noun phrase. */
const OPENS_A_NOUN_PHRASE: ReadonlySet<string> = new Set('a an the such this these those his her its their our my your'.split(' '));
/** Words that open a verb phrase or a clause: "to", a relative pronoun, an auxiliary. */
const OPENS_A_VERB_PHRASE: ReadonlySet<string> = new Set(
  'to who which whom whose is are was were be been has have had will would can could should may might must does did'.split(' '),
);

/** Whether one side of a change opens a noun phrase and the other a verb phrase or a clause. */
function kindsOfPhraseDiffer(firstA: string | undefined, firstB: string | undefined): boolean {
  if (firstA === undefined || firstB === undefined) return false;
  return (OPENS_A_NOUN_PHRASE.has(firstA) && OPENS_A_VERB_PHRASE.has(firstB)) || (OPENS_A_VERB_PHRASE.has(firstA) && OPENS_A_NOUN_PHRASE.has(firstB));
}

/** Whether tokens [from, to) of a member stand inside one quotation. */
function insideQuotation(member: PreparedPair['a'], from: number, to: number): boolean {
  const first = member.tokens[from];
  const last = member.tokens[to - 1];
  return first !== undefined && last !== undefined && member.quoted.some(([start, end]) => start <= first.start && last.end <= end);
}

export const wording: ChangeRule = {
  name: 'wording',
  scope: 'change',
  produces: ['wording'],
  kinds: ['wording'],
  find({ passage, pair, hunk, explained }) {
    if (!hunk || explained) return NOT_EXPLAINED;
    const content = wordsOfMeaning(pair, hunk);
    if (!content) return NOT_EXPLAINED;
    const { a, b } = pair;
    const [contentA, contentB] = [content.a, content.b];
    if (contentA > WORDING_MAX || contentB > WORDING_MAX) return NOT_EXPLAINED;
    // …and short: at most WORDING_SPAN words on a side, function words counted. A longer run ("will
    // now be allowed to file" / "who are legally married will be recognized as such for") is a
    // clause told otherwise, which the passage shows side by side.
    if (hunk.a1 - hunk.a0 > WORDING_SPAN || hunk.b1 - hunk.b0 > WORDING_SPAN) return NOT_EXPLAINED;
    // Words added or dropped on one side only: a single word or two, and only words that say how or
    // what kind ("sharply", "reckless"). An added noun or name ("re-election", "committee members")
    // is a detail one source gives, not a choice of words.
    if ((contentA === 0 || contentB === 0) && contentA + contentB > ONE_SIDED_MAX) return NOT_EXPLAINED;
    if (contentA === 0 || contentB === 0) {
      const [side, from, to] = contentA > 0 ? [a, hunk.a0, hunk.a1] : [b, hunk.b0, hunk.b1];
      if (!side.tokens.slice(from, to).filter(isContent).every((token) => saysHow(token.norm))) return NOT_EXPLAINED;
    }
    // …and not words the other source writes elsewhere in the passage: "Dunmere council" against
    // "the council in Dunmere" moves a word, it adds none.
    if (contentA === 0 || contentB === 0) {
      const [side, from, to, other] = contentA > 0 ? [a, hunk.a0, hunk.a1, b] : [b, hunk.b0, hunk.b1, a];
      const theirs = new Set(other.tokens.map(bare));
      if (side.tokens.slice(from, to).filter(isContent).every((token) => theirs.has(bare(token)))) return NOT_EXPLAINED;
    } else {
      // The same words on both sides, in another order, form or spelling ("in Dunmere … the" /
      // "Dunmere's", "is reporting" / "reports", "organised" / "organized"): moved, inflected or
      // spelt otherwise, not changed.
      const same = (key: (token: PlacedToken) => string): boolean => {
        const wordsA = new Set(a.tokens.slice(hunk.a0, hunk.a1).filter(isContent).map(key));
        const wordsB = new Set(b.tokens.slice(hunk.b0, hunk.b1).filter(isContent).map(key));
        return wordsA.size === wordsB.size && [...wordsA].every((word) => wordsB.has(word));
      };
      // Spellings are looked at only where the words are as many on each side (one word each, mostly).
      if (same((token) => inflectionKey(bare(token))) || (contentA === contentB && same((token) => inflectionKey(spellingKey(bare(token)))))) return NOT_EXPLAINED;
    }
    // One word for another ("sent" / "rushed", "main" / "north") is a choice of words, or a fact told
    // otherwise. Where a side has more than one word of meaning ("made headlines in" / "was in the
    // news in", "collapsed" / "gave way"), plain words on both sides are the same thing told in
    // other words, which the passage shows side by side: it is a choice of words only when a side
    // holds a word that judges or tells with a tone (carriesTone), or one that says how or what kind.
    if (contentA > 0 && contentB > 0 && contentA + contentB > 2 && !choosesWords(a, hunk.a0, hunk.a1) && !choosesWords(b, hunk.b0, hunk.b1)) return NOT_EXPLAINED;
    // A noun phrase set against a verb phrase or a clause ("a resolution" / "to sign", "the most
    // famous" / "who remained"): the diff lined up words of different kinds in sentences built
    // otherwise, not one word chosen for another.
    if (contentA > 0 && contentB > 0 && kindsOfPhraseDiffer(a.tokens[hunk.a0]?.norm, b.tokens[hunk.b0]?.norm)) return NOT_EXPLAINED;
    // Two sentences that open otherwise, with two words of meaning or more on each side ("Labrador
    // has not been shy about criticizing" / "The situation left", before the same "House Speaker
    // John Boehner"): another subject or another way in, the sentence built otherwise, not one
    // word chosen for another (a word that judges in it is the loaded-language rule's).
    if (contentA >= 2 && contentB >= 2 && opensSentence(a.document.text, a.tokens[hunk.a0]!.start) && opensSentence(b.document.text, b.tokens[hunk.b0]!.start)) return NOT_EXPLAINED;
    // Inside one piece of a sentence on each side: a change that runs across a comma, a bracket, a
    // quotation mark or into the next sentence is the text built otherwise, not another word for
    // the same thing.
    if (crossesPunctuation(a, hunk.a0, hunk.a1) || crossesPunctuation(b, hunk.b0, hunk.b1)) return NOT_EXPLAINED;
    // A speaker's words against an outlet's ("“It's completely inconsistent with this” latest
    // statement" / "His remarks were the latest"): what was said and how another source tells it is
    // the quote rule's business, not a choice of words.
    if (contentA > 0 && contentB > 0 && insideQuotation(a, hunk.a0, hunk.a1) !== insideQuotation(b, hunk.b0, hunk.b1)) return NOT_EXPLAINED;
    // …and two quotations that say different things ("“a very symbolic showing to the American”" /
    // "“important that we send a message to”"): a word or two quoted otherwise may be a misquote
    // worth showing, a stretch of other words is other words someone said.
    if (contentA + contentB > 2 && insideQuotation(a, hunk.a0, hunk.a1) && insideQuotation(b, hunk.b0, hunk.b1)) return NOT_EXPLAINED;
    // Mark only the side whose words set it apart from most of the group, not every source that
    // differs from one other source somewhere.
    const markA = passage.distinctive(a, hunk.a0, hunk.a1);
    const markB = passage.distinctive(b, hunk.b0, hunk.b1);
    if (!markA && !markB) return NOT_EXPLAINED;
    // A change of wording is a change inside one statement: both sides in sentences the alignment
    // linked to each other, not two stretches the diff happened to line up between paragraphs.
    if (!inOneStatement({ passage, pair, hunk })) return NOT_EXPLAINED;
    const atA = a.tokens[hunk.a0] ?? a.tokens[hunk.a0 - 1];
    const atB = b.tokens[hunk.b0] ?? b.tokens[hunk.b0 - 1];
    // Headlines are each written to their own length and style: a word diff of two of them ("Enters
    // The Race" / "To Run") is noise. What sets a headline apart is shown by the loaded-language and
    // label rules, and side by side in the passage.
    if ((atA && isHeadline(a.document, atA.paragraph)) || (atB && isHeadline(b.document, atB.paragraph))) return NOT_EXPLAINED;
    // Two ways of writing one name ("Wis." / "Wisconsin", "President Trump" / "Trump") are not wording.
    const wordsA = a.tokens.slice(hunk.a0, hunk.a1).map((token) => a.document.text.slice(token.start, token.end));
    const wordsB = b.tokens.slice(hunk.b0, hunk.b1).map((token) => b.document.text.slice(token.start, token.end));
    if (sameName(wordsA, wordsB)) return NOT_EXPLAINED;
    // Nor is a name written out more or less fully, or one name for another: a middle name, a party
    // and state ("D-Ill."), a title ("Ft." for "Fort"), a name for a pronoun ("Suthers" for "he").
    // Which names a passage's sources give is the omission rules' business, not wording.
    if (onlyNames(a, hunk.a0, hunk.a1) && onlyNames(b, hunk.b0, hunk.b1)) return NOT_EXPLAINED;
    // Nor a name set against other words ("speaker" / "of Representatives", "what he calls" /
    // "President Barack"): the diff lined up a name with words around it, and where a source names
    // someone the other describes, that is the label rule's to say.
    if ((contentA > 0 && onlyNames(a, hunk.a0, hunk.a1)) || (contentB > 0 && onlyNames(b, hunk.b0, hunk.b1))) return NOT_EXPLAINED;
    // Nor are case, hyphens and punctuation ("double-dip" / "double dip").
    if (letters(wordsA) === letters(wordsB)) return NOT_EXPLAINED;
    // Nor a unit and its abbreviation ("yard" / "yd"), nor a word against a compound made of it
    // ("metre" / "metre-long", "a 10-metre"): the same word written otherwise.
    // (A side written without a space is one word, though its tokens be two: "2nd" is "2" and "nd".)
    const oneWord = (member: PreparedPair['a'], from: number, to: number): string | undefined => {
      const text = member.document.text.slice(member.tokens[from]?.start ?? 0, member.tokens[to - 1]?.end ?? 0);
      return to > from && !/\s/.test(text) ? text : undefined;
    };
    const [wordA, wordB] = [oneWord(a, hunk.a0, hunk.a1), oneWord(b, hunk.b0, hunk.b1)];
    if (wordA !== undefined && wordB !== undefined && sameWordWrittenOtherwise(wordA, wordB)) return NOT_EXPLAINED;
    // Nor a change that opens a clause of its own on one side only ("were killed" / "and injuring
    // 80"): the diff lined up two sentences built otherwise.
    if (contentA > 0 && contentB > 0 && CLAUSE_OPENERS.has(a.tokens[hunk.a0]?.norm ?? '') !== CLAUSE_OPENERS.has(b.tokens[hunk.b0]?.norm ?? '')) return NOT_EXPLAINED;
    const before = textOf(a.document, a.tokens, hunk.a0, hunk.a1);
    const after = textOf(b.document, b.tokens, hunk.b0, hunk.b1);
    // A side of only function words ("for") is not marked: the other side's words are the change.
    // Nor is a stretch of it that holds only function words ("The" before a changed word in another paragraph).
    const marked = [
      ...(markA && contentA > 0 ? spansOf(a.doc, a.tokens, hunk.a0, hunk.a1).filter((span) => hasContent(a.document, span)) : []),
      ...(markB && contentB > 0 ? spansOf(b.doc, b.tokens, hunk.b0, hunk.b1).filter((span) => hasContent(b.document, span)) : []),
    ];
    if (marked.length === 0) return NOT_EXPLAINED;
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'wording',
          spans: marked,
          rule: 'wording',
          sides: [before ? hasSide(a.doc, [{ text: before }]) : lacksSide(a.doc), after ? hasSide(b.doc, [{ text: after }]) : lacksSide(b.doc)],
        },
      ],
      explained: true,
    };
  },
};
