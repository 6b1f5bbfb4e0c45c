import { roleOf, type Lexicon, type LexiconKind, type LexiconRole, type Polarity } from '../../contract/lexicon.js';
import { foldWord, stem, tokenize, type Token } from '../text.js';

/** One term of the lexicon, ready to match: the matching keys and folded forms of its words. */
export interface IndexedTerm {
  readonly setId: string;
  readonly setName: string;
  readonly kind: LexiconKind;
  /**
   * The part its set plays for the rules (see LEXICON_ROLES): its own role, or for an attribution
   * set written before attribution sets had one, the role of the default set with its id.
   */
  readonly role?: LexiconRole;
  readonly term: string;
  readonly tone?: string;
  /** For a term of an evaluative set with a polarity: whether it judges as good or as bad. */
  readonly polarity?: Polarity;
  /** One key per word (GAP for "…"), from `inflectionKey`. */
  readonly keys: readonly string[];
  /** The folded words as written in the lexicon, to prefer an exact match over an inflected one. */
  readonly words: readonly string[];
  /** Matched only as a verb, never in its plain form (see the lexicon's `verbOnly`). */
  readonly verbOnly?: true;
  /** Words right before or after it that take its sense away (the lexicon's `notAfter`, `notBefore`), folded. */
  readonly notAfter?: ReadonlySet<string>;
  readonly notBefore?: ReadonlySet<string>;
}

/** A term found in a text: which one, and the tokens it covers (end exclusive). */
export interface TermMatch {
  readonly term: IndexedTerm;
  readonly from: number;
  readonly to: number;
}

/** The lexicon's terms indexed by the key of their first word, longest terms first. */
export interface LexiconIndex {
  readonly byFirstKey: ReadonlyMap<string, readonly IndexedTerm[]>;
  readonly setCount: number;
}

/** Tokens prepared for lexicon matching. */
export interface TermText {
  readonly keys: readonly string[];
  readonly norms: readonly string[];
  /** A capitalised word inside a sentence is a name ("United States"), never a lexicon term. */
  readonly isName: readonly boolean[];
  /**
   * Which stretch of text each word stands in: a new one after a paragraph break or a sentence's
   * end. A term's words all stand in one ("by storm" ending a headline and "The storm" opening the
   * text are not "storm the").
   */
  readonly stretch?: readonly number[];
}

/** Marks a gap of up to MAX_GAP words inside a term. */
export const GAP = '\u0000gap';
const MAX_GAP = 4;

/**
 * The key a word is matched on: inflections folded (claims, claimed, claiming → claim; countries →
 * country) but not derivations, so "reportedly" stays apart from "reported" and "allegedly" from
 * "alleged".
 */
export function inflectionKey(word: string): string {
  let key = inflectionKeys.get(word);
  if (key === undefined) {
    // Kept for the words of a comparison (the lexicon's and the sources'), which mostly repeat; let go past a bound.
    if (inflectionKeys.size >= MAX_KEPT_KEYS) inflectionKeys.clear();
    key = inflectionKeyOf(word);
    inflectionKeys.set(word, key);
  }
  return key;
}

/** inflectionKey of the words seen lately: every token of every passage is matched by its key (issue 13). */
const inflectionKeys = new Map<string, string>();
const MAX_KEPT_KEYS = 100_000;

/**
 * O(length of the word), without a regular expression: what `.replace(/'s$|'$/, '')`,
 * `/^\p{N}/u` and `/(ss|[sxz]|ch|sh)es$/` said, read off the word's ends (the Unicode class only
 * for a first character outside ASCII). Each word of the lexicon and of the sources is keyed here
 * once (issue 13).
 */
function inflectionKeyOf(word: string): string {
  let w = foldWord(word);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3 || startsWithNumber(w)) return w;
  if (w.endsWith('ies') || w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (endsInSibilantEs(w)) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  // "claimed" → "claim", but "noted" → "note" (not "not"): a stem shorter than four letters keeps its e.
  else if (w.endsWith('ed') && w.length > 4) w = w.length - 2 >= 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // "release" and "released", "declare" and "declared" share a key.
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Whether a word starts with a number (`/^\p{N}/u`): an ASCII first character is told without the class. */
function startsWithNumber(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 0x30 && c <= 0x39 : /^\p{N}/u.test(w);
}

/** Whether a word (of four letters or more) ends in -ses, -xes, -zes, -ches or -shes (`/(ss|[sxz]|ch|sh)es$/`). */
function endsInSibilantEs(w: string): boolean {
  if (!w.endsWith('es')) return false;
  const c = w[w.length - 3];
  return c === 's' || c === 'x' || c === 'z' || (c === 'h' && (w[w.length - 4] === 'c' || w[w.length - 4] === 's'));
}

/** One plain lower-case word, as most terms are: its own token. ASCII letters are told without the Unicode class. */
function isLowerCaseWord(part: string): boolean {
  if (part.length === 0) return false;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c >= 0x80) return /^\p{Ll}+$/u.test(part);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** Whether a term's part is only ASCII lower-case letters and spaces: its words are what splitting it at spaces gives. */
function isPlainWords(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c !== 0x20 && (c < 0x61 || c > 0x7a)) return false;
  }
  return true;
}

/** The lexicon's terms by the key of their first word. O(T) for T terms' words, and a sort of each key's terms. */
export function indexLexicon(lexicon: Lexicon | undefined): LexiconIndex {
  const byFirstKey = new Map<string, IndexedTerm[]>();
  for (const set of lexicon?.sets ?? []) {
    const role = roleOf(set);
    for (const entry of set.terms) {
      // "…" (or "...") in a term stands for up to four words: "claimed … lives".
      const parts = entry.term.includes('…') || entry.term.includes('...') ? entry.term.split(/\s*(?:…|\.\.\.)\s*/) : [entry.term];
      const words: string[] = [];
      const keys: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (i > 0) {
          keys.push(GAP);
          words.push(GAP);
        }
        if (isLowerCaseWord(part)) {
          keys.push(inflectionKey(part));
          words.push(part);
          continue;
        }
        // Plain lower-case words and spaces ("claimed responsibility") are the words tokenize would
        // find; anything else is tokenized.
        for (const norm of isPlainWords(part) ? part.split(' ') : tokenize(part).map((token) => token.norm)) {
          if (norm === '') continue;
          keys.push(inflectionKey(norm));
          words.push(norm);
        }
      }
      if (keys.length === 0 || keys[0] === GAP) continue;
      // The same fields in the same order as ever, without spreading a new object for each optional one.
      const indexed: IndexedTerm =
        role && set.polarity
          ? entry.tone
            ? { setId: set.id, setName: set.name, kind: set.kind, role, term: entry.term, tone: entry.tone, polarity: set.polarity, keys, words }
            : { setId: set.id, setName: set.name, kind: set.kind, role, term: entry.term, polarity: set.polarity, keys, words }
          : role && entry.tone
          ? { setId: set.id, setName: set.name, kind: set.kind, role, term: entry.term, tone: entry.tone, keys, words }
          : role
            ? { setId: set.id, setName: set.name, kind: set.kind, role, term: entry.term, keys, words }
            : entry.tone
              ? { setId: set.id, setName: set.name, kind: set.kind, term: entry.term, tone: entry.tone, keys, words }
              : { setId: set.id, setName: set.name, kind: set.kind, term: entry.term, keys, words };
      // A term matched only as a verb (a few dozen in the shipped lexicon) takes one more field.
      const term: IndexedTerm =
        entry.verbOnly || entry.notAfter || entry.notBefore
          ? {
              ...indexed,
              ...(entry.verbOnly ? { verbOnly: true as const } : {}),
              ...(entry.notAfter ? { notAfter: new Set(entry.notAfter.map(foldWord)) } : {}),
              ...(entry.notBefore ? { notBefore: new Set(entry.notBefore.map(foldWord)) } : {}),
            }
          : indexed;
      const list = byFirstKey.get(keys[0]!);
      if (list) list.push(term);
      else byFirstKey.set(keys[0]!, [term]);
    }
  }
  // A list of one (most of them) is sorted already.
  for (const list of byFirstKey.values()) if (list.length > 1) list.sort((x, y) => y.keys.length - x.keys.length);
  return { byFirstKey, setCount: lexicon?.sets.length ?? 0 };
}

/** Prepare tokens of `text` for matching. */
export function termTextOf(text: string, tokens: readonly Pick<Token, 'norm' | 'start' | 'end' | 'isCapitalized'>[]): TermText {
  // O(characters between words): a paragraph break, or a full stop, a question or an exclamation
  // mark (after which closing quotes and brackets may stand) before a space, starts a new stretch.
  const stretch: number[] = [];
  let current = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && breaksBetween(text, tokens[i - 1]!.end, tokens[i]!.start)) current++;
    stretch.push(current);
  }
  return {
    keys: tokens.map((token) => inflectionKey(token.norm)),
    norms: tokens.map((token) => token.norm),
    isName: tokens.map((token, i) => {
      if (!token.isCapitalized || i === 0) return false;
      const before = text.slice(Math.max(0, token.start - 4), token.start);
      return !/[.!?:;“"‘(\n]\s*$/.test(before);
    }),
    stretch,
  };
}

/** Whether text[from, to) (the characters between two words) holds a paragraph break or a sentence's end. */
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c === 46 || c === 33 || c === 63) {
      // ".", "!" or "?", then closing quotes or brackets, then a space.
      let j = k + 1;
      while (j < to && '"”’\')'.includes(text[j]!)) j++;
      if (j < to && /\s/.test(text[j]!)) return true;
    }
  }
  return false;
}

/** The stems of tokens (for content comparisons, not lexicon matching). */
export function stemsOf(tokens: readonly Pick<Token, 'norm'>[]): string[] {
  return tokens.map((token) => stem(token.norm));
}

/** Match a term at token i; the end of the match, or -1. */
function matchAt(term: IndexedTerm, text: TermText, i: number, to: number): number {
  let at = i;
  for (let k = 0; k < term.keys.length; k++) {
    const wanted = term.keys[k]!;
    if (wanted === GAP) {
      const next = term.keys[k + 1];
      if (next === undefined) return -1;
      let found = -1;
      for (let skip = 0; skip <= MAX_GAP && at + skip < to; skip++) {
        if (text.keys[at + skip] === next && !text.isName[at + skip]) {
          found = at + skip;
          break;
        }
      }
      if (found < 0) return -1;
      at = found;
      continue;
    }
    if (at >= to || text.keys[at] !== wanted || text.isName[at]) return -1;
    if (term.role === 'evaluative' && (bareFormOf(term.words[k]!, wanted, text.norms[at]!) || feltNotJudged(term.words[k]!, text, at))) return -1;
    if (nounNotVerb(term.words[k]!, text, at)) return -1;
    // A verb whose plain form is a noun of another meaning: "a doctor", "short of milk", "the blast".
    if (term.verbOnly && plainForm(text.norms[at]!, term.words[k]!) && !(at > 0 && BEFORE_A_VERB.has(text.norms[at - 1]!))) return -1;
    if (otherWordByE(term.words[k]!, text.norms[at]!)) return -1;
    at++;
  }
  // All in one paragraph and one sentence.
  if (text.stretch && text.stretch[i] !== text.stretch[at - 1]) return -1;
  // Words around it that take its sense away ("filing false tax returns", "routed through").
  if (term.notAfter && i > 0 && term.notAfter.has(text.norms[i - 1]!)) return -1;
  if (term.notBefore && at < text.norms.length && term.notBefore.has(text.norms[at]!)) return -1;
  return at;
}

/**
 * Whether a text word is the bare word a word that judges in -ed or -ing is made from, or that word
 * in -s: "heated", "sweeping" and "spirited" judge, "heat", "sweeps" and "spirits" do not. Only for
 * `evaluative` sets, whose words are adjectives and adverbs as often as verbs; verbs of saying and
 * charged verbs are written in the past ("claimed", "slammed") and match their present ("claim",
 * "slams") as ever.
 */
function bareFormOf(word: string, key: string, norm: string): boolean {
  if (word === key || !(word.endsWith('ed') || word.endsWith('ing'))) return false;
  // Nor the word in -s: a describing word takes none, so "spirits", "contents" and "heats" are the
  // nouns, not "spirited", "contented" and "heated".
  return norm === key || norm === `${key}e` || norm === `${key}s` || norm === `${key}es`;
}

/** Forms of "be" and verbs of seeming or becoming, after which a form in -ed tells a state. */
const STATE_VERBS = new Set("be am is are was were been being 's 're feel feels felt seem seems seemed look looks looked become becomes became get gets got left appear appears appeared".split(' '));
/** Words of degree that may stand between ("were so stunned", "looked visibly shaken"). */
const DEGREE = new Set('so too very quite rather clearly visibly deeply genuinely obviously also still really completely utterly'.split(' '));

/**
 * Whether the text word at `at` is the form in -ed of a word in -ing that judges, after a form of
 * "be" or of seeming: "a stunning defeat" judges the defeat, but "Republicans were stunned by the
 * defeat", "was appalled", "be overwhelmed" tell what someone felt or underwent. (Used actively,
 * "a crime that stunned the city", it still judges.)
 */
function feltNotJudged(word: string, text: TermText, at: number): boolean {
  if (!word.endsWith('ing') || !text.norms[at]!.endsWith('ed')) return false;
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const before = text.norms[i]!;
    if (STATE_VERBS.has(before)) return true;
    if (!DEGREE.has(before) && !before.endsWith('ly')) return false;
  }
  return false;
}

/**
 * Words after which a word in -s is a noun, never a verb: determiners, possessives, prepositions
 * and words of number ("the doctors", "paid to doctors", "their guts", "two axes").
 */
const BEFORE_A_NOUN = new Set(
  'the a an this these those his her its their our your my to for of with by from at in on into onto about against among between over under through without some many several few all both no any every each other such most two three four five six seven eight nine ten dozens hundreds thousands millions'.split(' '),
);

/** Words after which a word in -s is a noun: relative pronouns of people ("doctors who detect it"). */
const AFTER_A_NOUN = new Set(['who', 'whose', 'whom']);

/**
 * Whether the text word at `at` is the plural of a noun where the lexicon has a verb in the past:
 * "doctored" and "gutted" match "doctors" and "guts" by their keys, as "slammed" matches "slams",
 * but after a determiner, a preposition or a number a word in -s is a noun ("rates paid to doctors"),
 * and so it is before "who" ("he said that doctors who detect it"): a verb takes no "who" after it.
 */
function nounNotVerb(word: string, text: TermText, at: number): boolean {
  const norm = text.norms[at]!;
  if (!word.endsWith('ed') || norm === word || !norm.endsWith('s')) return false;
  if (at + 1 < text.norms.length && AFTER_A_NOUN.has(text.norms[at + 1]!)) return true;
  if (at === 0) return false;
  const before = text.norms[at - 1]!;
  return BEFORE_A_NOUN.has(before) || /^\d/.test(before);
}

/** Words after which a plain form is the verb: "to", an auxiliary, a negation, a pronoun ("to blast", "would slash", "they doctor"). */
export const BEFORE_A_VERB: ReadonlySet<string> = new Set("to will would could can may might must should shall did do does not never cannot can't won't don't didn't i we you they who".split(' '));

/**
 * A word in none of a verb's inflected forms (-ed, -ing, -s): "doctor", "milk", "blast", "exploit";
 * or the lexicon's own word where it writes the plain form ("hamstring", the tendon).
 */
const plainForm = (norm: string, word: string): boolean => (norm === word && !word.endsWith('ed')) || (!norm.endsWith('ed') && !norm.endsWith('ing') && !/[^s]s$/.test(norm));

/**
 * Whether a text word and a lexicon word differ only by a final e: two words, not two forms of one
 * ("human" and "humane", "urban" and "urbane"), though the key drops a final e so that "release"
 * and "released" meet. No inflection adds or takes an e alone.
 */
function otherWordByE(word: string, norm: string): boolean {
  if (norm.length + 1 === word.length) return word === `${norm}e`;
  if (word.length + 1 === norm.length) return norm === `${word}e`;
  // …and so do their plurals: "routes" is "route" in -s, not "rout".
  return word.length + 2 === norm.length && norm === `${word}es` && !/(?:s|x|z|ch|sh)$/.test(word);
}

/** How many of a match's words are written exactly as in the lexicon. */
function exactness(term: IndexedTerm, text: TermText, from: number): number {
  let exact = 0;
  for (let k = 0; k < term.words.length && from + k < text.norms.length; k++) if (term.words[k] === text.norms[from + k]) exact++;
  return exact;
}

/**
 * Every lexicon term in a run of tokens, not overlapping: at each place the longest term, and
 * among terms as long the one written most exactly as in the text ("suspect" the noun before
 * "suspected" the hedge). Names are never terms.
 */
export function findTerms(index: LexiconIndex, text: TermText, from = 0, to = text.keys.length): TermMatch[] {
  const matches: TermMatch[] = [];
  let i = from;
  while (i < to) {
    let found: TermMatch | null = null;
    let foundExact = -1;
    // Most words begin no term: no list, and none made for them.
    const terms = index.byFirstKey.get(text.keys[i]!);
    for (let t = 0; terms !== undefined && t < terms.length; t++) {
      const term = terms[t]!;
      const end = matchAt(term, text, i, to);
      if (end < 0) continue;
      const exact = exactness(term, text, i);
      if (!found || end - i > found.to - found.from || (end - i === found.to - found.from && exact > foundExact)) {
        found = { term, from: i, to: end };
        foundExact = exact;
      }
    }
    found ??= compoundMatch(index, text, i) ?? superlativeMatch(index, text, i);
    if (found) {
      matches.push(found);
      i = found.to;
    } else {
      i++;
    }
  }
  return matches;
}

/**
 * A word made with hyphens that no term matches whole, one of whose parts is a loaded word: a
 * compound of a word that judges judges too ("gaffe-prone", "hot-tempered", "half-crazy"). Only a
 * one-word term of a loaded role, never a plain word ("House-passed" is not "passed", which a
 * charged set holds as its neutral word) nor a word that only says how much.
 */
function compoundMatch(index: LexiconIndex, text: TermText, i: number): TermMatch | null {
  const norm = text.norms[i]!;
  if (!norm.includes('-') || text.isName[i]) return null;
  for (const part of norm.split('-')) {
    const key = inflectionKey(part);
    for (const term of index.byFirstKey.get(key) ?? []) {
      if (term.keys.length !== 1 || (term.role !== 'evaluative' && term.role !== 'charged')) continue;
      if (term.tone === 'neutral' || term.tone === 'intensifier') continue;
      if (term.role === 'evaluative' && bareFormOf(term.words[0]!, key, part)) continue;
      return { term, from: i, to: i + 1 };
    }
  }
  return null;
}

/**
 * A superlative of a word that judges, which no term matches whole ("fiercest", "angriest",
 * "bravest", "saddest"): the most of a judgement judges too. Only where the word without its
 * ending is itself a one-word term of an evaluative set, written so ("honest" and "modest" are
 * no superlatives of anything the lexicon holds), and not one that only says how much.
 */
function superlativeMatch(index: LexiconIndex, text: TermText, i: number): TermMatch | null {
  const norm = text.norms[i]!;
  if (norm.length < 6 || !norm.endsWith('est') || text.isName[i]) return null;
  const stem = norm.slice(0, -3);
  // A y made i needs a word of four letters or more before the ending: "busiest", "silliest", but
  // "priest" is no superlative of "pry".
  const bases = [stem, `${stem}e`, stem.endsWith('i') && stem.length >= 4 ? `${stem.slice(0, -1)}y` : '', stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : ''];
  for (const base of bases) {
    if (base.length < 3) continue;
    for (const term of index.byFirstKey.get(inflectionKey(base)) ?? []) {
      if (term.keys.length !== 1 || term.role !== 'evaluative' || term.words[0] !== base) continue;
      if (term.tone === 'intensifier' || term.tone === 'stance') continue;
      return { term, from: i, to: i + 1 };
    }
  }
  return null;
}
