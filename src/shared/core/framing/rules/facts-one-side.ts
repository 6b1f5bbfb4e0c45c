/**
 * Facts on one side: a figure, or someone who speaks, that one member of a passage gives and no
 * other source uses anywhere (at most three a member). A figure counts when no other member gives a
 * figure for its quantity; a name (a run of capitalised words inside a sentence, most of it new)
 * only when it speaks in the passage ("…, Joseph Sellers said", "according to the Census Bureau"):
 * who gets a voice is the difference, a place or a thing named in passing is not.
 */
import type { Difference, SourceDocument, TextSpan } from '../../../contract/comparison.js';
import { ALIGNED_KINDS } from '../../align.js';
import { STOP_WORDS, stem } from '../../text.js';
import { figuresIn } from '../figures.js';
import type { PlacedToken } from '../../wording.js';
import { isContent, isHeadline, ownName, WEEKDAYS_MONTHS } from '../cues.js';
import { isTitle } from '../names.js';
import { hasSide, lacksSide, type PassageRule } from '../rule.js';

/** Words that give someone a voice: a name this close to one speaks in the passage. */
const SPEECH = new Set(
  'said says say saying told tells asked asks added adds stated states wrote writes tweeted argued argues claimed claims insisted insists announced announces explained explains noted notes warned warns according spokesman spokeswoman spokesperson statement interview testified replied responded acknowledged admitted conceded denied'.split(' '),
);
/** Words that may stand between a speaker and the verb ("Smith also said", "Smith has told"). */
const BETWEEN_SPEAKER_AND_VERB = new Set(
  "also has had have later then again previously earlier once first further recently would wouldn't did didn't does doesn't could couldn't will won't not declined refused to".split(' '),
);
const betweenSpeakerAndVerb = (token: PlacedToken): boolean => BETWEEN_SPEAKER_AND_VERB.has(token.norm.replace(/’/g, "'"));
/** Words that may stand between the verb and a speaker who follows it ("said the Census Bureau", "said Sen. Smith"). */
const BEFORE_SPEAKER = new Set('the a an its his her their former'.split(' '));
/** Prepositions: a name right after one is what it governs, not who speaks. */
const AFTER_PREPOSITION = new Set('of for from in at with by on into about against among between under over near'.split(' '));
/** Who speaks for someone, in an apposition after a name ("Smith, a spokesman for the council, …"). */
const SPEAKER_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson']);
/** The most words an apposition between a name and its verb may have ("Smith, a lawyer for the family, said"). */
const APPOSITION_MAX = 12;

/**
 * Whether the name at tokens[from..to] is who speaks: the subject of a verb of speaking ("Smith
 * said", "Smith, a lawyer for the family, said", "Smith's spokesman"), the speaker after one ("said
 * Smith", "said Sen. Smith"), or the source after "according to". A name merely near a verb of
 * speaking ("Woods, he said, …", "at Harvard Law School, she said") is not.
 */
function speaks(document: SourceDocument, tokens: readonly PlacedToken[], from: number, to: number): boolean {
  const paragraph = tokens[from]!.paragraph;
  const at = (k: number): PlacedToken | undefined => (tokens[k]?.paragraph === paragraph ? tokens[k] : undefined);
  const gap = (k: number): string => document.text.slice(tokens[k - 1]!.end, tokens[k]!.start);
  // A name after a preposition is no subject: "Jackie Speier, Democrat of California, said" gives
  // California no voice, nor does "a spokesman for Mr. Reid said" Mr. Reid ("according to" below).
  // …and so does the rest of a list it governs ("Attorneys general in Utah and New Mexico said").
  let head = from;
  if (at(head - 1) && (at(head - 1)!.norm === 'and' || at(head - 1)!.norm === 'or')) {
    head--;
    while (at(head - 1)?.isCapitalized && from - head <= 6) head--;
  }
  const governed = at(head - 1) !== undefined && AFTER_PREPOSITION.has(at(head - 1)!.norm) && /^\s+$/.test(gap(head)) && (head === from || at(head)!.isCapitalized);
  // After the name: past the other names of a list ("Lewis, Carson and Cleaver said") and the noun
  // the name qualifies, its verb, past an adverb or an auxiliary.
  let k = to + 1;
  while (at(k) && k - to <= 8 && (at(k)!.isCapitalized || at(k)!.norm === 'and') && /^\s*,?\s*$/.test(gap(k)) && !SPEECH.has(at(k)!.norm)) k++;
  if (k - to > 1 && at(k - 1)?.norm === 'and') k--;
  while (at(k) && k - to <= 2 && !at(k)!.isCapitalized && isContent(at(k)!) && !SPEECH.has(at(k)!.norm) && /^\s+$/.test(gap(k))) k++;
  const listEnd = k;
  while (at(k) && betweenSpeakerAndVerb(at(k)!) && k - listEnd < 2 && /^\s+$/.test(gap(k))) k++;
  // "Smith added 17 points" adds a score, not words.
  if (!governed && at(k) && SPEECH.has(at(k)!.norm) && /^\s*,?\s*$/.test(gap(k)) && !(ADDED.has(at(k)!.norm) && at(k + 1)?.isNumber)) return true;
  // …or past an apposition between commas ("Smith, a spokesman for Mr. Reid, said").
  if (!governed && at(to + 1) && /^\s*,\s*$/.test(gap(to + 1))) {
    if (SPEECH.has(at(to + 1)!.norm)) return true;
    for (let c = to + 2; c <= to + 1 + APPOSITION_MAX && at(c); c++) {
      const between = gap(c);
      if (SPEAKER_NOUNS.has(at(c - 1)!.norm)) return true;
      // A full stop ends the apposition, but not one after a title or an initial ("Mr.", "J.").
      const abbreviation = isTitle(at(c - 1)!.norm) || at(c - 1)!.end - at(c - 1)!.start === 1;
      if (/[!?;:]/.test(between) || (/\./.test(between) && !abbreviation)) break;
      if (/,/.test(between)) {
        let v = c;
        while (at(v) && betweenSpeakerAndVerb(at(v)!) && v - c < 2) v++;
        if (at(v) && SPEECH.has(at(v)!.norm)) return true;
        break;
      }
    }
  }
  // Before the name: "said (the) Smith", "according to (the) Smith".
  let b = from - 1;
  while (at(b) && (BEFORE_SPEAKER.has(at(b)!.norm) || isTitle(at(b)!.norm)) && from - b <= 2) b--;
  if (at(b) && (SPEECH.has(at(b)!.norm) || (at(b)!.norm === 'to' && at(b - 1)?.norm === 'according'))) {
    // …but a name after "told" is who was told ("an aide told the Huffington Post"), and after
    // "asked" too, unless it follows a quotation ("“Why?” asked Smith").
    if (TOLD.has(at(b)!.norm)) return false;
    if (ASKED.has(at(b)!.norm) && !/[”"’']\s*$/.test(b > 0 && at(b - 1) ? document.text.slice(at(b - 1)!.start, at(b)!.start) : '')) return false;
    return true;
  }
  return false;
}

/** "Added" before a number adds something counted ("added 17 points"), not words. */
const ADDED = new Set(['added', 'adds', 'add']);

/** Verbs whose object is who is told: a name after one is the listener, never the speaker. */
const TOLD = new Set(['told', 'tells', 'telling', 'tell']);
/** Verbs whose object is who is asked, unless the speaker follows a quotation ("“Why?” asked Smith"). */
const ASKED = new Set(['asked', 'asks']);

const wordCounts = new WeakMap<SourceDocument, Map<string, number>>();

/** How many times a source writes a name (as a whole word). */
function mentions(document: SourceDocument, name: string): number {
  // A name of letters and digits alone is a whole run of them wherever it stands: counted from the
  // document's runs, tallied once (a scan of the text per name was quadratic on long reports).
  if (/^[\p{L}\p{N}]+$/u.test(name)) {
    let counts = wordCounts.get(document);
    if (!counts) {
      counts = new Map();
      // The runs as strings (O(n) for a text of n characters), without a match object for each.
      for (const run of document.text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(run, (counts.get(run) ?? 0) + 1);
      wordCounts.set(document, counts);
    }
    return counts.get(name) ?? 0;
  }
  let count = 0;
  for (let at = document.text.indexOf(name); at >= 0; at = document.text.indexOf(name, at + name.length)) {
    const before = document.text[at - 1] ?? ' ';
    const after = document.text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) count++;
  }
  return count;
}

/**
 * Whether a document gives a voice to someone by one word of a name: the word, capitalised, with
 * no other capitalised word beside it but titles, right before or after a word of speaking
 * ("Verra said", "said Sgt. Verra", "Verra, the party's treasurer, insisted"). Looks only at the
 * places the word stands (found with indexOf), and remembers the answer per document and word.
 */
const speakerCache = new WeakMap<SourceDocument, Map<string, boolean>>();
function speaksByOneWord(document: SourceDocument, word: string): boolean {
  let known = speakerCache.get(document);
  if (!known) speakerCache.set(document, (known = new Map()));
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const { text } = document;
  let found = false;
  for (let at = text.indexOf(word); at >= 0 && !found; at = text.indexOf(word, at + word.length)) {
    const end = at + word.length;
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
    // One word of the name alone: no capitalised word right before (but a title) or right after.
    const previous = /(\S+)\s+$/u.exec(text.slice(Math.max(0, at - 24), at))?.[1] ?? '';
    const following = /^(?:['’]s)?\s+(\S+)/u.exec(text.slice(end, end + 24))?.[1] ?? '';
    if ((/^\p{Lu}/u.test(previous) && !isTitle(previous.replace(/[.,]$/, ''))) || /^\p{Lu}/u.test(following)) continue;
    // A word of speaking after it (over a description between commas, and one word such as
    // "also" or "has") or right before it.
    const next = /^(?:,[^,.;:!?"“”]{1,80},)?\s+(\p{L}+)(?:\s+(\p{Ll}+))?/u.exec(text.slice(end, end + 100));
    const before = /(\p{L}+)[,”"]?\s*$/u.exec(previous)?.[1] ?? '';
    found = [next?.[1], next?.[2], before].some((w) => w !== undefined && SPEECH.has(w.toLowerCase()));
  }
  known.set(word, found);
  return found;
}

const bare = (norm: string): string => stem(norm.endsWith("'s") ? norm.slice(0, -2) : norm);
/** The stems of every word of a document (computed once per document). */
const stemCache = new WeakMap<SourceDocument, ReadonlySet<string>>();
function documentStems(document: SourceDocument): ReadonlySet<string> {
  let words = stemCache.get(document);
  if (!words) {
    // O(n) for a text of n characters; each distinct word is folded and stemmed once (most recur).
    const stems = new Map<string, string>();
    const found = new Set<string>();
    for (const w of document.text.match(/[\p{L}\p{N}'’.-]+/gu) ?? []) {
      let stemmed = stems.get(w);
      if (stemmed === undefined) {
        stemmed = bare(stripTrailingMarks(w.toLowerCase().replaceAll('’', "'").replaceAll('.', '')));
        stems.set(w, stemmed);
      }
      found.add(stemmed);
    }
    words = found;
    stemCache.set(document, words);
  }
  return words;
}

/** A word without the apostrophes and hyphens it ends with (`.replace(/['-]+$/, '')`). */
function stripTrailingMarks(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === "'" || word[end - 1] === '-')) end--;
  return end === word.length ? word : word.slice(0, end);
}

/** What joins the two ends of a range of figures: "$800 to $1,000", "18-24 months". */
const RANGE_JOIN = /^\s*(?:to|-|–|—)\s*$/;

/**
 * What a source gives figures for anywhere in its report (computed once per document): a figure is
 * one source's alone only when the other gives none for the same quantity, in this passage or any
 * other ("Only A gives 5,200 troops" is wrong when B gives 5,000 troops three paragraphs on).
 */
const quantityCache = new WeakMap<SourceDocument, ReadonlySet<string>>();
function quantitiesOf(document: SourceDocument, doc: number): ReadonlySet<string> {
  let quantities = quantityCache.get(document);
  if (!quantities) {
    const paragraphs = document.paragraphs.flatMap((paragraph, index) => (ALIGNED_KINDS.has(paragraph.kind) ? [index] : []));
    quantities = new Set(figuresIn(document, doc, paragraphs).map((figure) => figure.quantity));
    quantityCache.set(document, quantities);
  }
  return quantities;
}

/**
 * A hundred percent or more in someone's quoted words, of nothing ("you can't have 100 percent
 * security", "we gave 110 percent"), is a way of saying "all", not a figure they give: unlike "100
 * percent of the vote" or a figure in the source's own words ("rose 100 percent").
 */
function emphatic(text: string, figure: { readonly quantity: string; readonly value: number; readonly start: number; readonly end: number }, quoted: readonly (readonly [number, number])[]): boolean {
  if (figure.quantity !== 'percent' || figure.value < 100) return false;
  if (!quoted.some(([start, end]) => start <= figure.start && figure.end <= end)) return false;
  return !/^\s*(?:%|percent|per cent)?\s+of\b/i.test(text.slice(figure.end, figure.end + 24));
}

export const factsOneSide: PassageRule = {
  name: 'facts-one-side',
  scope: 'passage',
  produces: ['figure-one-side', 'name-one-side'],
  kinds: ['omission'],
  find(passage) {
    const { documents, group, members, figures } = passage;
    const differences: Difference[] = [];
    const quantities = new Map<number, Set<string>>();
    for (const figure of figures) {
      const set = quantities.get(figure.doc) ?? new Set<string>();
      set.add(figure.quantity);
      quantities.set(figure.doc, set);
    }
    const wordsOf = (doc: number): ReadonlySet<string> => documentStems(documents[doc]!);
    for (const member of members) {
      const others = members.filter((m) => m !== member);
      const { document } = member;
      const found: { span: TextSpan; text: string; rule: 'figure-one-side' | 'name-one-side' }[] = [];
      const otherValues = new Set(figures.filter((f) => f.doc !== member.doc).map((f) => f.value));
      for (const figure of figures) {
        if (figure.doc !== member.doc || otherValues.has(figure.value)) continue;
        if (emphatic(document.text, figure, member.quoted)) continue;
        if (others.some((m) => quantities.get(m.doc)?.has(figure.quantity) || quantitiesOf(m.document, m.doc).has(figure.quantity))) continue;
        if (others.some((m) => wordsOf(m.doc).has(figure.text.split(/\s/)[0]!.toLowerCase()))) continue;
        // A range is one figure: its end inside a figure already found ("46 to 57 months" and "57
        // months") is that figure, and two figures joined by "to" or a dash ("$800 to $1,000") are
        // one (figures come in reading order).
        const previous = found[found.length - 1];
        if (previous && previous.span.start <= figure.start && figure.end <= previous.span.end) continue;
        if (previous && previous.span.end <= figure.start && RANGE_JOIN.test(document.text.slice(previous.span.end, figure.start))) {
          found[found.length - 1] = { ...previous, span: { ...previous.span, end: figure.end }, text: document.text.slice(previous.span.start, figure.start) + figure.text };
          continue;
        }
        found.push({ span: { doc: figure.doc, start: figure.start, end: figure.end }, text: figure.text, rule: 'figure-one-side' });
      }
      // Names: runs of capitalised words inside a sentence ("the United Nations") with a word that no
      // other source uses anywhere.
      const absent = (token: PlacedToken): boolean =>
        token.norm.length > 1 && !STOP_WORDS.has(token.norm) && !WEEKDAYS_MONTHS.has(token.norm) && others.every((m) => !wordsOf(m.doc).has(bare(token.norm.replace(/\./g, ''))));
      for (let i = 0; i < member.tokens.length; i++) {
        const token = member.tokens[i]!;
        // "I", "I've", "I'm" are the speaker, not a name.
        if (!token.isCapitalized || token.norm === 'i' || token.norm.startsWith("i'") || isHeadline(document, token.paragraph)) continue;
        // A word of speaking is who speaks' verb, never part of their name ("Asked about …", "Said Smith").
        if (SPEECH.has(token.norm)) continue;
        // Across a paragraph break, a new sentence; within a paragraph, the few characters between two
        // words say so. (The paragraph is checked first: the text between the last word of one
        // paragraph and the first of a later one can be most of the article, and a regular expression
        // anchored at its end would read all of it for every capital: quadratic on long reports.)
        const startsSentence =
          i === 0 || member.tokens[i - 1]!.paragraph !== token.paragraph || /[.!?:]\s*$|^\s*[“"‘]/.test(document.text.slice(member.tokens[i - 1]!.end, token.start));
        // At the start of a sentence a capital means a name only when the next word has one too.
        if (startsSentence && !(member.tokens[i + 1]?.isCapitalized && member.tokens[i + 1]!.paragraph === token.paragraph && !STOP_WORDS.has(token.norm))) continue;
        // …nor when the sources write the same word in lower case elsewhere ("Asked about …", "asked").
        if (startsSentence && documents.some((d) => mentions(d, document.text.slice(token.start, token.end).toLowerCase()) > 0)) continue;
        if (ownName(document, token.norm)) continue;
        let j = i;
        while (j + 1 < member.tokens.length) {
          const next = member.tokens[j + 1]!;
          const gap = document.text.slice(member.tokens[j]!.end, next.start);
          // Words of one name are separated by a space, or by a full stop after an initial ("U.S.").
          const initial = member.tokens[j]!.end - member.tokens[j]!.start === 1 && /^\.\s*$/.test(gap);
          if (!next.isCapitalized || next.paragraph !== token.paragraph || !(/^\s+$/.test(gap) || initial)) break;
          j++;
        }
        // A day or a month closing the run is not part of the name ("CNN Friday").
        let last = j;
        while (last > i && WEEKDAYS_MONTHS.has(member.tokens[last]!.norm)) last--;
        const run = member.tokens.slice(i, last + 1);
        const text = document.text.slice(token.start, member.tokens[last]!.end);
        // A nationality, a party or a point of the compass before a plain noun describes it
        // ("American voters", "Democratic lawmakers", "a Western diplomat"): not a name.
        const following = member.tokens[last + 1];
        if (run.length === 1 && /(?:an|ian|ean|ese|ish|i|ic|ern)$/.test(token.norm) && following && following.paragraph === token.paragraph && !following.isCapitalized && isContent(following) && !SPEECH.has(following.norm)) {
          i = j;
          continue;
        }
        // Most of the name must be new: "Gaza Strip" and "United Nations", not "Outgoing President Biden".
        // A name of one word the source gives once ("Bentonville", "Ark.") is a detail, not someone or
        // something the others leave out of the story: a one-word name must recur in its source.
        // …and only someone who speaks in the passage ("…, Joseph Sellers said", "according to the
        // Census Bureau"): who gets a voice is the difference; a place or a thing named in passing is
        // not, nor a title standing alone ("Sen.").
        if (!speaks(document, member.tokens, i, last) || run.every((t) => isTitle(t.norm))) {
          i = j;
          continue;
        }
        // Titles are not the name ("Finance Minister Aldo Verra"), and a speaker the others give a
        // voice by the last word of the name is one they give too ("Verra said"): a surname stands
        // for the whole name (but "the House passed" does not for "the White House said").
        // (Looked up last, and only where another source writes the word at all: a scan of that
        // source's text per name it would report, not per name.)
        const named = run.filter((t) => !isTitle(t.norm));
        const givenBySurname = (): boolean => {
          if (named.length < 2) return false;
          const final = named[named.length - 1]!;
          const surname = document.text.slice(final.start, final.end).replace(/['’]s$/, '');
          return others.some((m) => wordsOf(m.doc).has(bare(final.norm.replace(/\./g, ''))) && speaksByOneWord(m.document, surname));
        };
        if ((run.length >= 2 || mentions(document, text) >= 2) && named.length > 0 && named.filter(absent).length * 2 >= named.length && !found.some((f) => f.text === text) && !givenBySurname()) {
          found.push({ span: { doc: member.doc, start: token.start, end: member.tokens[last]!.end }, text, rule: 'name-one-side' });
        }
        i = j;
      }
      for (const item of found.slice(0, 3)) {
        differences.push({
          group: group.id,
          kind: 'omission',
          spans: [item.span],
          rule: item.rule,
          sides: [hasSide(member.doc, [{ text: item.text }]), ...others.map((m) => lacksSide(m.doc))],
        });
      }
    }
    return { differences };
  },
};
