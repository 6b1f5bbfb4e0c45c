import type { Comparison, Difference, DifferenceKind, SourceDocument } from '../contract/comparison.js';
import { isMarkedInText } from './counts.js';
import { sameName } from './framing/names.js';
import { splitSentences } from './sentences.js';
import { STOP_WORDS, stem, tokenize, type Token } from './text.js';

/**
 * The story at a glance: one screen built from a comparison, for a class to follow the story from
 * the first view. It adds no analysis of its own beyond reading what the core already found, with
 * one modest exception (who speaks, read from the sentences round reporting verbs; see
 * `speakersOf`).
 *
 * Data only. Sources are indices into `Comparison.documents`, never labels, so that the app and the
 * report name them as they name them everywhere (blind mode included), and every item says where
 * it leads: a paragraph of a source, a passage (`group`) and/or a difference (an index into
 * `Comparison.differences`).
 *
 * Pure: no Node, no DOM.
 */

/** A passage that leads in this many first body paragraphs (or the headline) "leads" the story. */
export const LEAD_POSITIONS = 2;
/** A passage at this body paragraph or later, and past the first third of its source, is buried. */
export const BURIED_FROM = 6;
/** How many contrasts the glance ranks. */
export const TOP_CONTRASTS = 5;
/** How many lines of what only one source reports are given per source before "and N more". */
export const UNIQUE_LINES = 3;

export interface GlanceHeadline {
  readonly doc: number;
  /** The headline paragraph. */
  readonly paragraph: number;
  /** Its text, as the source writes it. */
  readonly text: string;
  /** Ranges of `text` (offsets into it, end exclusive) of the words no other source's headline has. */
  readonly marks: readonly { readonly start: number; readonly end: number }[];
  /** The passage the headline is in, if any. */
  readonly group?: string;
}

/** Someone a source lets speak, as it names them. */
export interface GlanceSpeaker {
  /** The fullest form the source gives: "Mayor Orla Fennimore-Quist". */
  readonly name: string;
  /** Statements in the speaker's own words, in quotation marks. */
  readonly direct: number;
  /** Statements in the source's words. */
  readonly paraphrased: number;
  /** Where the source first lets them speak. */
  readonly paragraph: number;
  /** How many sources let them speak (1: this one only). */
  readonly sources: number;
}

/** A reporting verb or sourcing phrase, with what it signals, as the comparison's summary counts it. */
export interface GlanceVerb {
  readonly term: string;
  readonly tone?: string;
  readonly count: number;
  /** Where the source first uses it. */
  readonly paragraph?: number;
}

/** Who gets to speak in one source. */
export interface GlanceVoices {
  readonly doc: number;
  /** Most statements first. */
  readonly speakers: readonly GlanceSpeaker[];
  /** Statements credited to someone the source does not name ("officials said", "the county said"). */
  readonly unnamed: number;
  readonly unnamedParagraph?: number;
  /** Its reporting verbs and sourcing phrases, most used first. */
  readonly verbs: readonly GlanceVerb[];
}

/** Someone only one source lets speak. */
export interface GlanceSoleVoice {
  readonly doc: number;
  readonly name: string;
  readonly paragraph: number;
}

/**
 * Where a passage stands in one source: `position` counts its body paragraphs from 1 (the lede);
 * 0 when the source has it in its headline only.
 */
export interface GlancePosition {
  readonly doc: number;
  readonly paragraph: number;
  readonly position: number;
}

/** One passage (alignment group) and where each source that reports it places it. */
export interface GlancePassage {
  readonly group: string;
  /** 1-based, in the comparison's order of groups (the badge the app shows). */
  readonly number: number;
  /** What it reports, in a line: the first sentence of the source that gives it most weight, shortened. */
  readonly text: string;
  /** The paragraph `text` comes from. */
  readonly doc: number;
  readonly paragraph: number;
  /** One per source that reports it, in source order. */
  readonly positions: readonly GlancePosition[];
  /** Sources that put it in their headline or first LEAD_POSITIONS body paragraphs. */
  readonly leads: readonly number[];
  /** Sources that bury it (see BURIED_FROM). */
  readonly buried: readonly number[];
}

/** What leads one source's story: its first body paragraph. */
export interface GlanceLead {
  readonly doc: number;
  readonly paragraph: number;
  /** Its first sentence, shortened. */
  readonly text: string;
  /** Its passage, and how many sources report that passage (1 when it is in none). */
  readonly group?: string;
  readonly number?: number;
  readonly sources: number;
}

/** How a contrast is ranked, strongest first. */
export const CONTRAST_CATEGORIES = ['loaded', 'attribution', 'figures', 'quote', 'hedge', 'other'] as const;
export type ContrastCategory = (typeof CONTRAST_CATEGORIES)[number];

/** One of the few differences most worth a class's minutes. */
export interface GlanceContrast {
  /** Index into `Comparison.differences`. */
  readonly difference: number;
  readonly group: string;
  readonly number: number;
  readonly kind: DifferenceKind;
  readonly category: ContrastCategory;
  /** The sources it involves, in the order of its sides. */
  readonly docs: readonly number[];
}

/** What only one source reports, in a line each. */
export interface GlanceUnique {
  readonly doc: number;
  readonly lines: readonly { readonly paragraph: number; readonly text: string }[];
  /** How many more paragraphs only this source has. */
  readonly more: number;
}

/** Figures for one quantity of one passage that the sources give differently. */
export interface GlanceFigureConflict {
  readonly difference: number;
  readonly group: string;
  readonly number: number;
  /** What is counted, for people: "killed", "people". */
  readonly counted: string;
  readonly figures: readonly { readonly doc: number; readonly paragraph: number; readonly text: string; readonly value: number; readonly outlier: boolean }[];
}

export interface Glance {
  readonly headlines: readonly GlanceHeadline[];
  /** One per source, in source order. */
  readonly voices: readonly GlanceVoices[];
  readonly soleVoices: readonly GlanceSoleVoice[];
  /**
   * Every passage two or more sources report, with where each places it: those that lead in one
   * source and are buried in another first, then by how far apart the sources place them.
   */
  readonly passages: readonly GlancePassage[];
  /** One per source with a body paragraph, in source order. */
  readonly leads: readonly GlanceLead[];
  readonly contrasts: readonly GlanceContrast[];
  /** One per source with paragraphs no other source reports. */
  readonly unique: readonly GlanceUnique[];
  readonly figures: readonly GlanceFigureConflict[];
}

export interface GlanceOptions {
  readonly contrasts?: number;
  readonly uniqueLines?: number;
}

/** Text shortened at a word to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

const paragraphText = (document: SourceDocument, paragraph: number): string => {
  const block = document.paragraphs[paragraph];
  return block ? document.text.slice(block.start, block.end) : '';
};

/** The first sentence of a paragraph, shortened. */
function firstSentence(document: SourceDocument, paragraph: number, max: number): string {
  const block = document.paragraphs[paragraph];
  if (!block) return '';
  const first = splitSentences(document.text, block.start, block.end)[0];
  return shorten(first ? document.text.slice(first.start, first.end) : paragraphText(document, paragraph), max);
}

/** For each paragraph of a document, its place among the body paragraphs (1-based; 0 for none before the first). */
function bodyRanks(document: SourceDocument): { rank: number[]; count: number } {
  const rank: number[] = [];
  let count = 0;
  document.paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'body') count++;
    rank[index] = count;
  });
  return { rank, count };
}

// ——— Headlines ———

const contentKey = (token: Token): string | undefined => (token.isNumber || (token.norm.length > 1 && !STOP_WORDS.has(token.norm)) ? stem(token.norm) : undefined);

/** Each source's headline, with the words that set it apart from the other headlines marked. */
export function headlinesOf(comparison: Pick<Comparison, 'documents' | 'groups'>): GlanceHeadline[] {
  const found = comparison.documents.flatMap((document, doc) => {
    const paragraph = document.paragraphs.findIndex((block) => block.kind === 'title');
    if (paragraph < 0) return [];
    const block = document.paragraphs[paragraph]!;
    const text = document.text.slice(block.start, block.end);
    const tokens = tokenize(text);
    return [{ doc, paragraph, text, tokens, keys: new Set(tokens.map(contentKey).filter((key): key is string => key !== undefined)) }];
  });
  return found.map((headline) => {
    const others = found.filter((other) => other !== headline);
    const marks: { start: number; end: number }[] = [];
    if (others.length > 0) {
      for (const token of headline.tokens) {
        const key = contentKey(token);
        if (key === undefined || others.some((other) => other.keys.has(key))) continue;
        const last = marks.at(-1);
        // Words next to each other, with nothing but spaces or a dash between, are one mark.
        if (last && /^[\s\-‐–—]*$/.test(headline.text.slice(last.end, token.start))) last.end = token.end;
        else marks.push({ start: token.start, end: token.end });
      }
    }
    const group = comparison.groups.find((g) => g.members.some((member) => member.doc === headline.doc && member.paragraphs.includes(headline.paragraph)));
    return { doc: headline.doc, paragraph: headline.paragraph, text: headline.text, marks, ...(group ? { group: group.id } : {}) };
  });
}

// ——— Who speaks ———

/** Verbs that give someone a voice. Forms that are also nouns ("claims", "notes") are left out. */
const REPORTING = new Set(
  `said says say told tells added adds stated wrote writes argued argues claimed insisted insists announced explained noted warned warns
  acknowledged admitted conceded denied denies replied responded testified declared vowed promised accused accuses described urged
  maintained maintains confirmed suggested asserted contended stressed emphasized emphasised recalled complained cautioned
  predicted pledged reported tweeted`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words that may stand between a speaker and the verb ("X also said"). */
const BETWEEN = new Set('also later then previously again further earlier repeatedly publicly privately recently once has have had would will'.split(' '));
/** A form of "be" before the verb: "the town had not been told" is no one speaking. */
const PASSIVE = new Set('been was were be being is are'.split(' '));
/** Words that end the words naming a speaker, looking back from the verb. */
const CLAUSE = new Set('that and but as while because when after before which who whom whose if though although since so than where then or nor not'.split(' '));
const DETERMINERS = new Set('the a an this these those its their his her our'.split(' '));
const PRONOUNS = new Set('he she they it we i'.split(' '));
const DAYS_MONTHS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
/** Capitalised words that describe rather than name ("a Western diplomat"). */
const DESCRIBING = new Set('western eastern northern southern arab muslim jewish christian shia sunni foreign'.split(' '));
/** Words after which what names a speaker has ended ("Hamas militants on Sunday", "a diplomat with knowledge of…"). */
const NAME_BREAKS = new Set('on in at with by based after before during over about including to amid since under near'.split(' '));
/** A longest run of words naming a speaker. */
const MAX_NAME_WORDS = 7;
/** Quotations: straight or curly double quotes and guillemets, as the core reads them. */
const QUOTATION = /[“"«]([^“”"«»]{3,400})[”"»]/g;
const CLOSING_QUOTE = /[”"»]/;
/** Whether a text has a reporting verb or "according to" at all (a quick test before reading its sentences). */
const SPEAKING = new RegExp(`(?<![\\p{L}])(?:${[...REPORTING].join('|')}|according\\s+to)(?![\\p{L}])`, 'iu');

/** A statement: someone (named or not) speaking in one sentence of a source. */
export interface Statement {
  readonly paragraph: number;
  /** As the source names the speaker; undefined for someone it does not name. */
  readonly name?: string;
  readonly direct: boolean;
  /** The reporting verb, as written. */
  readonly verb: string;
}

/** Capitalised words the document writes inside sentences: names, not capitals that start a sentence. */
function namesInside(document: SourceDocument): Set<string> {
  const names = new Set<string>();
  for (const block of document.paragraphs) {
    if (block.kind !== 'body') continue;
    const tokens = tokenize(document.text, block.start, block.end);
    tokens.forEach((token, i) => {
      if (i === 0 || !token.isCapitalized) return;
      const gap = document.text.slice(tokens[i - 1]!.end, token.start);
      if (!/[.!?:;“”"«»(]/.test(gap)) names.add(token.norm);
    });
  }
  return names;
}

/** Whether the words name someone: a capitalised word that is a name, not a nationality before a noun or a day. */
function isNamed(words: readonly Token[], sentenceStart: number, inside: ReadonlySet<string>): boolean {
  return words.some((token, i) => {
    if (!token.isCapitalized || DAYS_MONTHS.has(token.norm) || PRONOUNS.has(token.norm)) return false;
    // "Engineers said" at the start of a sentence: a capital of style, unless the source writes the word with one elsewhere.
    if (token.start === sentenceStart && !inside.has(token.norm)) return false;
    // "a senior Israeli official", "a Western diplomat": describing someone, not naming them.
    const next = words[i + 1];
    if ((/(?:an|ian|ean|ese|ish|i)$/.test(token.norm) || DESCRIBING.has(token.norm)) && next && !next.isCapitalized) return false;
    return true;
  });
}

const PREPOSITIONS = new Set('in of from at for on with by to'.split(' '));

/**
 * The name in words that name a speaker: a description before it goes ("the operator Brannock
 * Hydro" → "Brannock Hydro"), but not one the name belongs to ("health ministry in Gaza").
 */
function nameIn(text: string, words: readonly Token[]): string {
  let from = 0;
  while (from < words.length - 1 && !words[from]!.isCapitalized && !PREPOSITIONS.has(words[from]!.norm)) from++;
  if (from > 0 && (!words[from]!.isCapitalized || words.slice(0, from).some((word) => PREPOSITIONS.has(word.norm)))) from = 0;
  return text.slice(words[from]!.start, words.at(-1)!.end).replace(/['’]s$/, '');
}

/** Words naming a speaker, without what follows the name ("on Sunday") or trails off ("of the"). */
function trimSpeaker(words: readonly Token[]): Token[] {
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word.isCapitalized) continue;
    const next = words[i + 1]?.norm === 'the' ? words[i + 2] : words[i + 1];
    // "Ministry of Health", "Office for the Coordination…" hold together; "knowledge of the talks" does not.
    if (NAME_BREAKS.has(word.norm) || ((word.norm === 'of' || word.norm === 'for') && !next?.isCapitalized)) {
      end = i;
      break;
    }
  }
  const out = words.slice(0, end);
  if (out.length === 1 && PRONOUNS.has(out[0]!.norm)) return out;
  while (out.length > 0 && (STOP_WORDS.has(out.at(-1)!.norm) || DAYS_MONTHS.has(out.at(-1)!.norm))) out.pop();
  while (out.length > 0 && DETERMINERS.has(out[0]!.norm)) out.shift();
  return out;
}

/** The words before `to` (exclusive) naming whoever speaks, back to a clause boundary. */
function wordsBefore(text: string, tokens: readonly Token[], to: number, from: number): Token[] {
  const words: Token[] = [];
  for (let k = to - 1; k >= from && words.length < MAX_NAME_WORDS; k--) {
    const token = tokens[k]!;
    if (CLAUSE.has(token.norm)) break;
    words.unshift(token);
    if (k === from) break;
    if (/[^\s]/.test(text.slice(tokens[k - 1]!.end, token.start).replace(/[’']/g, ''))) break;
  }
  return trimSpeaker(words);
}

/** The words after `from` (inclusive) naming whoever speaks ("…,” said Pell Maraghan, who…"). */
function wordsAfter(text: string, tokens: readonly Token[], from: number, to: number): Token[] {
  const words: Token[] = [];
  for (let k = from; k < to && words.length < MAX_NAME_WORDS; k++) {
    const token = tokens[k]!;
    if (CLAUSE.has(token.norm) || (words.length > 0 && /[^\s]/.test(text.slice(tokens[k - 1]!.end, token.start)))) break;
    words.push(token);
  }
  return trimSpeaker(words);
}

/**
 * Who speaks in a source, sentence by sentence: each reporting verb outside a quotation, with the
 * words naming its speaker (before the verb, past an aside between commas, or after it when it
 * follows a quotation). Modest by design: a pronoun speaks for the last person named in the same or
 * the paragraph before, a speaker the source does not name ("officials", "the county") is counted
 * without a name, and a passive ("had not been told") is no one speaking. Direct when the sentence
 * holds a quotation of two words or more.
 */
export function statementsIn(document: SourceDocument): Statement[] {
  const inside = namesInside(document);
  const out: Statement[] = [];
  // Whoever spoke last (named or not), for "he said", "they cautioned".
  let lastSpeaker: { name?: string; paragraph: number } | undefined;
  document.paragraphs.forEach((block, paragraph) => {
    if (block.kind !== 'body') return;
    const blockText = document.text.slice(block.start, block.end);
    // A paragraph without a reporting verb has no one speaking.
    if (!SPEAKING.test(blockText)) return;
    const quotes = [...blockText.matchAll(QUOTATION)]
      .filter((match) => match[1]!.trim().split(/\s+/).length >= 2)
      .map((match) => ({ start: block.start + match.index!, end: block.start + match.index! + match[0].length }));
    const inQuote = (offset: number): boolean => quotes.some((quote) => offset > quote.start && offset < quote.end);
    for (const sentence of splitSentences(document.text, block.start, block.end)) {
      const tokens = tokenize(document.text, sentence.start, sentence.end);
      // A quotation in the sentence, or right against it ("“…,” he said." is a sentence of its own).
      const direct = quotes.some((quote) => quote.start < sentence.end && quote.end >= sentence.start - 1);
      const spoken = new Set<string>();
      const speak = (name: string | undefined, verb: Token) => {
        const key = name ?? '';
        if (spoken.has(key)) return;
        spoken.add(key);
        out.push({ paragraph, ...(name ? { name } : {}), direct, verb: document.text.slice(verb.start, verb.end) });
        lastSpeaker = { ...(name ? { name } : {}), paragraph };
      };
      // "he said": whoever spoke last, in this paragraph or the one before.
      const speakPronoun = (verb: Token) => {
        if (lastSpeaker && paragraph - lastSpeaker.paragraph <= 1) speak(lastSpeaker.name, verb);
      };
      tokens.forEach((verb, v) => {
        if (!REPORTING.has(verb.norm) || inQuote(verb.start)) return;
        // "according to" is a verb of its own: whoever follows speaks.
        let at = v;
        while (at > 0 && BETWEEN.has(tokens[at - 1]!.norm) && /^\s+$/.test(document.text.slice(tokens[at - 1]!.end, tokens[at]!.start))) at--;
        if (at > 0 && PASSIVE.has(tokens[at - 1]!.norm)) return;
        const gap = at > 0 ? document.text.slice(tokens[at - 1]!.end, tokens[at]!.start) : '';
        const text = document.text;
        let named: Token[] | undefined;
        let unnamed = false;
        if (CLOSING_QUOTE.test(gap)) {
          // "…,” said Pell Maraghan": the speaker follows the verb.
          const after = wordsAfter(text, tokens, v + 1, tokens.length);
          if (after.length === 0) return;
          if (isNamed(after, sentence.start, inside)) named = after;
          else if (after.length === 1 && PRONOUNS.has(after[0]!.norm)) return speakPronoun(verb);
          else unnamed = true;
        } else if (gap.includes(',')) {
          // "Pell Maraghan, a baker on Quay Street, said": an aside between commas; the speaker comes
          // before it, or is the aside ("The dam's owner, Brannock Hydro, said").
          let open = at - 1;
          while (open > 0 && !text.slice(tokens[open - 1]!.end, tokens[open]!.start).includes(',')) open--;
          const aside = tokens.slice(open, at);
          const subject = open > 0 ? wordsBefore(text, tokens, open, 0) : [];
          if (subject.length > 0 && isNamed(subject, sentence.start, inside)) named = subject;
          else if (isNamed(aside.slice(0, MAX_NAME_WORDS), sentence.start, inside) && /^\p{Lu}/u.test(text.slice(aside[0]?.start ?? 0))) named = wordsAfter(text, tokens, open, at);
          else if (subject.length === 1 && PRONOUNS.has(subject[0]!.norm)) return speakPronoun(verb);
          else if (subject.length > 0) unnamed = true;
          else return;
        } else {
          if (at === 0) return;
          const subject = wordsBefore(text, tokens, at, 0);
          if (subject.length === 0) return;
          if (subject.length === 1 && PRONOUNS.has(subject[0]!.norm)) return speakPronoun(verb);
          if (isNamed(subject, sentence.start, inside)) named = subject;
          else unnamed = true;
        }
        if (named && named.length > 0) speak(nameIn(text, named), verb);
        else if (unnamed) speak(undefined, verb);
      });
      // "according to the Dunmarrow County emergency office": whoever follows speaks.
      tokens.forEach((token, t) => {
        if (token.norm !== 'according' || tokens[t + 1]?.norm !== 'to' || inQuote(token.start)) return;
        const after = wordsAfter(document.text, tokens, t + 2, tokens.length);
        if (after.length === 0) return;
        speak(isNamed(after, sentence.start, inside) ? nameIn(document.text, after) : undefined, token);
      });
    }
  });
  return out;
}

/**
 * The words two forms of a name are matched on: the name itself, without a description before it
 * ("Hamas official Bassem Naim" → "Bassem Naim", to match "Naim").
 */
export function nameWords(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const capital = (word: string): boolean => /^\p{Lu}/u.test(word);
  let from = words.length;
  while (from > 0 && (capital(words[from - 1]!) || (['of', 'the', 'and'].includes(words[from - 1]!) && from - 2 >= 0 && capital(words[from - 2]!) && from < words.length))) from--;
  while (from < words.length && !capital(words[from]!)) from++;
  return from > 0 && from < words.length ? words.slice(from) : words;
}

/**
 * Whether two speakers' names are one name (see sameName). A single word is a surname ("Maraghan",
 * "Pell Maraghan") or initials ("IDF"), not any word of a longer name ("Hamas", "Hamas Prime
 * Minister Ismail Haniyeh"; "Israel", "Times of Israel").
 */
export function sameSpeaker(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== 1 && b.length !== 1) return sameName(a, b);
  const [one, other] = a.length === 1 ? [a, b] : [b, a];
  if (other.length === 1) return sameName(a, b);
  if (other.includes('of')) return false;
  const fold = (word: string): string => word.toLowerCase().replace(/['’]s$/, '').replace(/[.'’]/g, '');
  return fold(one[0]!) === fold(other.at(-1)!) || (/^\p{Lu}{2,}$/u.test(one[0]!) && sameName(a, b));
}

/** A word of a name as names are matched: lower case, no possessive, no full stops or apostrophes. */
const nameKey = (word: string): string => word.toLowerCase().replace(/['’]s$/, '').replace(/[.'’]/g, '');

/**
 * Names that could be one name, found through the words they share: two forms of one name share a
 * word, save initials ("IDF"), which are compared with every name. Keeps matching linear in the
 * number of names rather than quadratic on long reports.
 */
class NameIndex<T extends { readonly words: readonly string[] }> {
  private readonly byWord = new Map<string, Set<number>>();
  readonly items: T[] = [];
  /** The first item whose name is `words`'s, by sameSpeaker. */
  find(words: readonly string[]): number {
    const initials = words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!);
    const candidates = initials ? this.items.map((_, i) => i) : [...new Set(words.flatMap((word) => [...(this.byWord.get(nameKey(word)) ?? [])]))].sort((a, b) => a - b);
    return candidates.find((i) => sameSpeaker(this.items[i]!.words, words)) ?? -1;
  }
  add(item: T): void {
    this.items.push(item);
    this.index(this.items.length - 1);
  }
  replace(at: number, item: T): void {
    this.items[at] = item;
    this.index(at);
  }
  private index(at: number): void {
    for (const word of this.items[at]!.words) {
      const key = nameKey(word);
      const set = this.byWord.get(key) ?? new Set<number>();
      set.add(at);
      this.byWord.set(key, set);
    }
  }
}

type SpeakerTally = Omit<GlanceSpeaker, 'sources'> & { readonly words: string[] };

/** The speakers of each source, merged where two forms are one name ("Maraghan", "Pell Maraghan"). */
function speakersOf(comparison: Pick<Comparison, 'documents'>): { statements: Statement[]; speakers: NameIndex<SpeakerTally> }[] {
  return comparison.documents.map((document) => {
    const statements = statementsIn(document);
    const speakers = new NameIndex<SpeakerTally>();
    for (const statement of statements) {
      if (!statement.name) continue;
      const words = nameWords(statement.name);
      const index = speakers.find(words);
      const known = speakers.items[index];
      if (!known) {
        speakers.add({ name: statement.name, words, direct: statement.direct ? 1 : 0, paraphrased: statement.direct ? 0 : 1, paragraph: statement.paragraph });
        continue;
      }
      // The fullest form names them.
      const longer = statement.name.length > known.name.length;
      speakers.replace(index, {
        name: longer ? statement.name : known.name,
        words: longer ? words : known.words,
        direct: known.direct + (statement.direct ? 1 : 0),
        paraphrased: known.paraphrased + (statement.direct ? 0 : 1),
        paragraph: known.paragraph,
      });
    }
    return { statements, speakers };
  });
}

/** Where a source first uses a term (a whole word or phrase, any case), among its body paragraphs. */
function firstUse(document: SourceDocument, term: string): number | undefined {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
  const index = document.paragraphs.findIndex((block) => block.kind === 'body' && pattern.test(document.text.slice(block.start, block.end)));
  return index < 0 ? undefined : index;
}

function voicesOf(comparison: Pick<Comparison, 'documents' | 'summary'>): { voices: GlanceVoices[]; soleVoices: GlanceSoleVoice[] } {
  const perSource = speakersOf(comparison);
  const voices = perSource.map(({ statements, speakers }, doc): GlanceVoices => {
    const document = comparison.documents[doc]!;
    const withSources = speakers.items.map(({ words, ...speaker }) => ({
      ...speaker,
      sources: 1 + perSource.filter((other, o) => o !== doc && other.speakers.find(words) >= 0).length,
    }));
    withSources.sort((a, b) => b.direct + b.paraphrased - (a.direct + a.paraphrased) || b.direct - a.direct || a.paragraph - b.paragraph);
    const unnamed = statements.filter((statement) => !statement.name);
    const summary = comparison.summary?.sources.find((source) => source.doc === doc);
    // The comparison's own counts of reporting verbs when it has them; else the verbs found here.
    const counted = summary
      ? summary.attribution.map((entry) => ({ term: entry.term, ...(entry.tone ? { tone: entry.tone } : {}), count: entry.count }))
      : [...statements.reduce((map, statement) => map.set(statement.verb.toLowerCase(), (map.get(statement.verb.toLowerCase()) ?? 0) + 1), new Map<string, number>())]
          .map(([term, count]) => ({ term, count }))
          .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
    const verbs = counted.map((verb): GlanceVerb => {
      const paragraph = firstUse(document, verb.term);
      return { ...verb, ...(paragraph !== undefined ? { paragraph } : {}) };
    });
    return { doc, speakers: withSources, unnamed: unnamed.length, ...(unnamed[0] ? { unnamedParagraph: unnamed[0].paragraph } : {}), verbs };
  });
  const soleVoices =
    comparison.documents.length < 2
      ? []
      : voices.flatMap((voice) => voice.speakers.filter((speaker) => speaker.sources === 1).map((speaker) => ({ doc: voice.doc, name: speaker.name, paragraph: speaker.paragraph })));
  return { voices, soleVoices };
}

// ——— Placement ———

function placementOf(comparison: Pick<Comparison, 'documents' | 'groups'>): { passages: GlancePassage[]; leads: GlanceLead[] } {
  const ranks = comparison.documents.map(bodyRanks);
  const passages = comparison.groups.flatMap((group, index): (GlancePassage & { spread: number })[] => {
    const positions = [...group.members]
      .sort((a, b) => a.doc - b.doc)
      .flatMap((member): GlancePosition[] => {
        const document = comparison.documents[member.doc];
        const { rank } = ranks[member.doc] ?? { rank: [] };
        if (!document || member.paragraphs.length === 0) return [];
        const body = member.paragraphs.find((p) => document.paragraphs[p]?.kind === 'body');
        if (body !== undefined) return [{ doc: member.doc, paragraph: body, position: rank[body] ?? 0 }];
        const first = member.paragraphs[0]!;
        // A headline only: position 0. A heading: where the body paragraph after it stands.
        const kind = document.paragraphs[first]?.kind;
        return [{ doc: member.doc, paragraph: first, position: kind === 'title' ? 0 : (rank[first] ?? 0) + 1 }];
      });
    // One entry per source: the first member it has.
    const bySource = positions.filter((position, i) => positions.findIndex((other) => other.doc === position.doc) === i);
    if (bySource.length < 2) return [];
    const leads = bySource.filter((p) => p.position <= LEAD_POSITIONS).map((p) => p.doc);
    const buried = bySource.filter((p) => p.position >= BURIED_FROM && p.position > (ranks[p.doc]?.count ?? 0) / 3).map((p) => p.doc);
    // Its words in a line, from the source that gives it most weight (the earliest place).
    const top = [...bySource].sort((a, b) => a.position - b.position || a.doc - b.doc)[0]!;
    const values = bySource.map((p) => p.position);
    return [
      {
        group: group.id,
        number: index + 1,
        text: firstSentence(comparison.documents[top.doc]!, top.paragraph, 140),
        doc: top.doc,
        paragraph: top.paragraph,
        positions: bySource,
        leads,
        buried,
        spread: Math.max(...values) - Math.min(...values),
      },
    ];
  });
  const contrasted = (p: GlancePassage): number => (p.leads.length > 0 && p.buried.length > 0 ? 1 : 0);
  passages.sort((a, b) => contrasted(b) - contrasted(a) || b.spread - a.spread || a.number - b.number);
  const leads = comparison.documents.flatMap((document, doc): GlanceLead[] => {
    const paragraph = document.paragraphs.findIndex((block) => block.kind === 'body');
    if (paragraph < 0) return [];
    const index = comparison.groups.findIndex((g) => g.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)));
    const group = comparison.groups[index];
    return [
      {
        doc,
        paragraph,
        text: firstSentence(document, paragraph, 160),
        ...(group ? { group: group.id, number: index + 1 } : {}),
        sources: group ? new Set(group.members.map((member) => member.doc)).size : 1,
      },
    ];
  });
  return { passages: passages.map(({ spread: _spread, ...passage }) => passage), leads };
}

// ——— The strongest contrasts ———

const WEIGHT: Readonly<Record<ContrastCategory, number>> = { loaded: 6, attribution: 5, figures: 4, quote: 3, hedge: 2, other: 1 };

/**
 * What kind of contrast a difference is, or undefined for plain wording, what is not marked in the
 * text, and a loaded word every source telling the sentence shares (`loaded-word-shared`: a mark,
 * but no contrast between the sources).
 */
export function contrastCategory(difference: Difference): ContrastCategory | undefined {
  if (!isMarkedInText(difference) || difference.kind === 'wording' || difference.rule === 'too-long' || difference.rule === 'loaded-word-shared') return undefined;
  const sides = difference.sides ?? [];
  const worded = sides.filter((side) => (side.terms ?? []).length > 0);
  if (difference.kind === 'loaded-term' && worded.length >= 2) return 'loaded';
  // One source's own loaded word where the others' matching sentences do without it ("Fox writes
  // “assault weapons”; the matching sentence in Nyt and Hpo does not use it"), or its scare
  // quotes where they write the word plainly: a contrast of word choice, ranked after those with a
  // word on each side (its strength is one word). Not a speaker's word in a quotation or in reported
  // speech, which is who the outlet quotes rather than how it writes, nor a word of degree alone
  // ("very").
  if (
    difference.kind === 'loaded-term' &&
    (difference.rule === 'loaded-word' || difference.rule === 'scare-quotes') &&
    worded.length === 1 &&
    sides.some((side) => side.part === 'lacks' || side.part === 'plain') &&
    !difference.evidence?.reported &&
    !worded[0]!.terms.some((term) => term.tone?.toLowerCase() === 'intensifier')
  )
    return 'loaded';
  if (difference.kind === 'attribution' && (difference.rule === 'verb-contrast' || difference.rule === 'set-contrast') && worded.length >= 2) {
    const tones = new Set(worded.flatMap((side) => side.terms.map((term) => term.tone ?? '')));
    if (tones.size >= 2) return 'attribution';
  }
  if (difference.rule === 'figures' || difference.rule === 'figures-across') {
    const figures = difference.evidence?.figures ?? [];
    if (figures.some((figure) => figure.outlier) || new Set(figures.map((figure) => figure.value)).size >= 2) return 'figures';
  }
  if (difference.kind === 'quote' && sides.some((side) => side.part === 'quotes') && sides.some((side) => side.part === 'paraphrases')) return 'quote';
  if (difference.kind === 'hedge') return 'hedge';
  return 'other';
}

/** Within a category, how strong a contrast is: more tones, words or an outlier. */
function strength(difference: Difference, category: ContrastCategory): number {
  const sides = difference.sides ?? [];
  if (category === 'figures') return (difference.evidence?.figures ?? []).some((figure) => figure.outlier) ? 1 : 0;
  if (category === 'attribution') return new Set(sides.flatMap((side) => (side.terms ?? []).map((term) => term.tone ?? ''))).size;
  if (category === 'loaded') return new Set(sides.flatMap((side) => (side.terms ?? []).map((term) => term.text.toLowerCase()))).size;
  return sides.filter((side) => (side.terms ?? []).length > 0 || side.part === 'quotes').length;
}

/**
 * The few differences most worth a class's minutes. Ranked by kind (a loaded term with a word on
 * each side, then a reporting verb that signals differently, figures that conflict, a quotation
 * against its paraphrase, a hedge, the rest); within a kind, one in a passage every source reports
 * first, then the stronger (more tones or words, an outlier), then the one involving more sources,
 * then reading order. One per kind and passage; the list takes the best of each kind in turn, so a
 * handful shows each kind of contrast before a second of any.
 */
export function strongestContrasts(comparison: Pick<Comparison, 'documents' | 'groups' | 'differences'>, count = TOP_CONTRASTS): GlanceContrast[] {
  const sourceCount = comparison.documents.length;
  const groupIndex = new Map(comparison.groups.map((group, index) => [group.id, index]));
  const everyone = new Set(comparison.groups.filter((group) => new Set(group.members.map((member) => member.doc)).size >= sourceCount).map((group) => group.id));
  const candidates = comparison.differences.flatMap((difference, index) => {
    const category = contrastCategory(difference);
    if (!category || !groupIndex.has(difference.group)) return [];
    return [{ difference, index, category, all: everyone.has(difference.group) ? 1 : 0, strength: strength(difference, category), involved: new Set((difference.sides ?? difference.spans).map((side) => side.doc)).size }];
  });
  candidates.sort(
    (a, b) =>
      WEIGHT[b.category] - WEIGHT[a.category] ||
      b.all - a.all ||
      b.strength - a.strength ||
      b.involved - a.involved ||
      groupIndex.get(a.difference.group)! - groupIndex.get(b.difference.group)! ||
      a.index - b.index,
  );
  const seen = new Set<string>();
  const buckets = new Map<ContrastCategory, typeof candidates>();
  for (const candidate of candidates) {
    const key = `${candidate.category}:${candidate.difference.group}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bucket = buckets.get(candidate.category) ?? [];
    bucket.push(candidate);
    buckets.set(candidate.category, bucket);
  }
  const picked: typeof candidates = [];
  for (let round = 0; picked.length < count; round++) {
    const taken = CONTRAST_CATEGORIES.map((category) => buckets.get(category)?.[round]).filter((candidate) => candidate !== undefined);
    if (taken.length === 0) break;
    picked.push(...taken.slice(0, count - picked.length));
  }
  return picked.map(({ difference, index, category }) => ({
    difference: index,
    group: difference.group,
    number: groupIndex.get(difference.group)! + 1,
    kind: difference.kind,
    category,
    docs: [...new Set((difference.sides ?? difference.spans).map((side) => side.doc))],
  }));
}

// ——— Only one source; conflicting figures ———

function uniqueOf(comparison: Pick<Comparison, 'documents' | 'unique'>, lines: number): GlanceUnique[] {
  return comparison.documents.flatMap((document, doc): GlanceUnique[] => {
    const paragraphs = (comparison.unique ?? []).filter((item) => item.doc === doc && document.paragraphs[item.paragraph]?.kind === 'body').map((item) => item.paragraph);
    if (paragraphs.length === 0) return [];
    return [{ doc, lines: paragraphs.slice(0, lines).map((paragraph) => ({ paragraph, text: firstSentence(document, paragraph, 110) })), more: Math.max(0, paragraphs.length - lines) }];
  });
}

function figuresOf(comparison: Pick<Comparison, 'documents' | 'groups' | 'differences'>): GlanceFigureConflict[] {
  const groupIndex = new Map(comparison.groups.map((group, index) => [group.id, index]));
  return comparison.differences.flatMap((difference, index): GlanceFigureConflict[] => {
    // Figures set side by side in a passage, and those of one quantity in different passages.
    if ((difference.rule !== 'figures' && difference.rule !== 'figures-across') || contrastCategory(difference) !== 'figures' || !groupIndex.has(difference.group)) return [];
    const figures = (difference.evidence?.figures ?? []).map((figure) => {
      const span = difference.spans.find((s) => s.doc === figure.doc);
      const paragraphs = comparison.documents[figure.doc]?.paragraphs ?? [];
      const paragraph = span ? paragraphs.findIndex((block) => block.start <= span.start && span.start < block.end) : -1;
      return { doc: figure.doc, paragraph: Math.max(0, paragraph), text: figure.text, value: figure.value, outlier: figure.outlier };
    });
    return [{ difference: index, group: difference.group, number: groupIndex.get(difference.group)! + 1, counted: difference.evidence?.counted ?? difference.evidence?.quantity ?? '', figures: [...figures].sort((a, b) => a.doc - b.doc) }];
  });
}

/** The story at a glance: see the top of this file. */
export function storyAtAGlance(comparison: Comparison, options: GlanceOptions = {}): Glance {
  const { voices, soleVoices } = voicesOf(comparison);
  const { passages, leads } = placementOf(comparison);
  return {
    headlines: headlinesOf(comparison),
    voices,
    soleVoices,
    passages,
    leads,
    contrasts: strongestContrasts(comparison, options.contrasts ?? TOP_CONTRASTS),
    unique: uniqueOf(comparison, options.uniqueLines ?? UNIQUE_LINES),
    figures: figuresOf(comparison),
  };
}
