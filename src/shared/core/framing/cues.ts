/**
 * Small cues in the text that several rules read the same way: where a sentence opens, which
 * paragraph is a headline, which words carry meaning, a word of the source's own name.
 *
 * Pure: no Node, no DOM.
 */
import type { SourceDocument } from '../../contract/comparison.js';
import { paragraphSentences } from '../sentences.js';
import { paragraphTokens, STOP_WORDS } from '../text.js';
import type { PlacedToken } from '../wording.js';
import type { TermMatch } from './lexicon-index.js';

/** Whether the word at `start` of a text opens a sentence (or a paragraph, or a quotation). */
export function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s“"‘'(«]/.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/** Whether a paragraph is its source's headline (its capitals are style, not names). */
export function isHeadline(document: SourceDocument, paragraph: number): boolean {
  return document.paragraphs[paragraph]?.kind === 'title';
}

/** A word of the source's own name ("told the Dispatch"): not an actor of the story. */
export function ownName(document: SourceDocument, norm: string): boolean {
  return document.label.toLowerCase().split(/\s+/).includes(norm);
}

/** Words of scale and share: a figure's, compared with the figures, not as wording. */
const SCALE_WORDS = new Set(['thousand', 'million', 'billion', 'trillion', 'percent', 'per', 'cent']);

/** A word that carries meaning: not a function word, not a number (figures are compared on their own). */
export const isContent = (token: PlacedToken): boolean => !token.isNumber && !STOP_WORDS.has(token.norm) && !SCALE_WORDS.has(token.norm) && token.norm.length > 1;

/** What counts as the same lexicon term on two sides: the inflection keys of its words. */
export const keyOf = (match: TermMatch): string => match.term.keys.join(' ');

/** "could not", "may not": a negated modal is not a hedge. */
export function negated(tokens: readonly PlacedToken[], match: TermMatch): boolean {
  const next = tokens[match.to]?.norm;
  return next === 'not' || next === "n't" || next === 'never';
}

/** Words that open a condition: a modal inside one supposes, it does not hedge a claim. */
const OPENS_A_CONDITION: ReadonlySet<string> = new Set(['if', 'whether', 'unless']);

/**
 * Whether a hedge stands in a condition ("it will be huge if the Colts could keep that up",
 * "asked whether it might close"): "if", "whether" or "unless" up to three words before it, in the
 * same paragraph. What is supposed is no claim made less certain.
 */
export function conditional(tokens: readonly PlacedToken[], match: TermMatch): boolean {
  const first = tokens[match.from];
  if (!first) return false;
  for (let i = match.from - 1; i >= Math.max(0, match.from - 3); i--) {
    if (tokens[i]!.paragraph !== first.paragraph) return false;
    if (OPENS_A_CONDITION.has(tokens[i]!.norm)) return true;
  }
  return false;
}

/** Punctuation between two words that ends a clause or a sentence, or opens one (a dash, a bracket, a quotation). */
export const CLAUSE_EDGE = /[.,;:!?—–()“”"]/;

/** Days and months: never part of a name, nor a name left out. */
export const WEEKDAYS_MONTHS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

/**
 * How a document writes its words: those it writes in lower case somewhere (a capital on one of
 * them opens a sentence, it names no one), and those it capitalises inside a sentence (names).
 */
export interface Casing {
  readonly small: ReadonlySet<string>;
  readonly named: ReadonlySet<string>;
}
const casings = new WeakMap<SourceDocument, Casing>();

/** A capitalised word as a name: without a possessive, and the name a compound starts with ("Hamas-led": Hamas). */
export const nameOf = (norm: string): string => norm.replace(/['’]s$/, '').split('-')[0]!;

/** A document's casing (see Casing), read once per document: O(words). */
export function casingOf(document: SourceDocument): Casing {
  let casing = casings.get(document);
  if (!casing) {
    const small = new Set<string>();
    const named = new Set<string>();
    for (let index = 0; index < document.paragraphs.length; index++) {
      const sentences = paragraphSentences(document, index);
      let next = 0;
      for (const token of paragraphTokens(document, index)) {
        if (!token.isCapitalized) {
          small.add(token.norm);
          continue;
        }
        while (next < sentences.length && sentences[next]!.end <= token.start) next++;
        const sentence = sentences[next];
        // "I" is capitalised everywhere, and names no one.
        if (token.norm === 'i' || token.norm.startsWith("i'") || token.norm.startsWith('i’')) continue;
        if (sentence && !/^[\s“"‘']*$/.test(document.text.slice(sentence.start, token.start))) named.add(nameOf(token.norm));
      }
    }
    casings.set(document, (casing = { small, named }));
  }
  return casing;
}

/** A word as a name is looked up: lower case, straight apostrophe, without a possessive ("Brat’s" → "brat"). */
export const nameKey = (word: string): string => word.toLowerCase().replace(/’/g, "'").replace(/'s?$/, '');

/** Words the articles write with a capital inside a sentence of their body: names ("Bush", "Hope"). */
const namesCache = new WeakMap<SourceDocument, ReadonlySet<string>>();
export function namesIn(document: SourceDocument): ReadonlySet<string> {
  let names = namesCache.get(document);
  if (!names) {
    const found = new Set<string>();
    for (const paragraph of document.paragraphs) {
      if (paragraph.kind !== 'body') continue;
      const text = document.text.slice(paragraph.start, paragraph.end);
      for (const match of text.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{Lu}[\p{L}'’-]*/gu)) found.add(nameKey(match[0]));
    }
    names = found;
    namesCache.set(document, names);
  }
  return names;
}
