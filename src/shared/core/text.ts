/**
 * Words and their places in a text.
 *
 * Matching folds case, curly quotes, dashes, no-break spaces and thousands separators, but every
 * token keeps the offsets of the text exactly as shown.
 */

/** One word or number of a text, with where it stands and the form used for matching. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Folded form: lower case, straight apostrophes, numbers without thousands separators. */
  readonly norm: string;
  readonly isNumber: boolean;
  /** Starts with a capital letter (a cue for names). */
  readonly isCapitalized: boolean;
}

// A number (46,500 or 3.5), or a word with inner apostrophes or hyphens (don't, Hamas-led).
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const CAPITAL = /^\p{Lu}/u;
const NUMBER = /^\p{N}/u;

/** Fold a word for matching: lower case, straight apostrophes and hyphens, no thousands commas. */
export function foldWord(word: string): string {
  // Most words need nothing but lower case.
  if (!/[’‘‐‑–—,]/.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_m, int: string, dec: string | undefined) => int.replace(/,/g, '') + (dec ?? ''));
}

// Scripts written without spaces between words: these are split with Intl.Segmenter.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
let wordSegmenter: Intl.Segmenter | null = null;

/**
 * Whether a text holds a script written without spaces between words: its words are found by
 * Intl.Segmenter over the whole text given, so a part of it may be split otherwise than the whole.
 */
export const hasUnspacedScript = (text: string): boolean => UNSPACED.test(text);

/**
 * Texts longer than this are split into words a window at a time: each step of Intl.Segmenter costs
 * time in proportion to the whole text given to it (V8), so a long paragraph in Chinese or Thai
 * took minutes (issue 14).
 */
export const WORD_WINDOW = 8192;
/** Characters after which a word always ends, whatever follows (but a mark or a joiner): a line break, a space, CJK full stops, commas, ! and ?. */
const WORD_CUT_AFTER = new Set(['\n', ' ', '\u3000', '\u3002', '\u3001', '\uff01', '\uff1f']);
/** Characters that may continue what comes before them, so that no window starts with one: space, marks, format characters, joiners, connectors, emoji modifiers. */
const CONTINUES = /^[\s\p{M}\p{Cf}\p{Pc}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;

/**
 * The word segments of `text`, exactly as Intl.Segmenter finds them in the whole text, in windows
 * of about `window` characters. A window ends after a line break, a space or CJK punctuation
 * followed by a character that cannot continue it: a word always ends there, and what comes
 * before does not depend on what follows (the segmenter restarts at any break, and a dictionary
 * run of Han or Thai ends at such a character). A window with no such place is made larger.
 */
export function* wordSegments(text: string, window = WORD_WINDOW): Generator<{ readonly segment: string; readonly index: number; readonly isWordLike: boolean }> {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let from = 0;
  let size = window;
  while (from < text.length) {
    let to = text.length;
    if (from + size < text.length) {
      to = -1;
      for (let c = from + size; c > from + (size >> 1); c--) {
        if (WORD_CUT_AFTER.has(text[c - 1]!) && !CONTINUES.test(text.slice(c, c + 2))) {
          to = c;
          break;
        }
      }
      if (to < 0) {
        size *= 2;
        continue;
      }
    }
    for (const part of wordSegmenter.segment(text.slice(from, to))) yield { segment: part.segment, index: from + part.index, isWordLike: part.isWordLike === true };
    from = to;
    size = window;
  }
}

/** The words and numbers of `text` between `start` and `end`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  if (UNSPACED.test(slice)) {
    for (const part of wordSegments(slice)) if (part.isWordLike) tokens.push(tokenAt(part.segment, start + part.index));
    return tokens;
  }
  // TOKEN's matches, as matchAll gives them, without its iterator and a generator around it (the
  // commonest work of a comparison, issue 13).
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match !== null; match = TOKEN.exec(slice)) tokens.push(tokenAt(match[0], start + match.index));
  return tokens;
}

/** The token of `word`, found at `at`. */
function tokenAt(word: string, at: number): Token {
  // An ASCII first character is told apart without the Unicode classes.
  const first = word.charCodeAt(0);
  return {
    start: at,
    end: at + word.length,
    norm: foldWord(word),
    isNumber: first < 0x80 ? first >= 0x30 && first <= 0x39 : NUMBER.test(word),
    isCapitalized: first < 0x80 ? first >= 0x41 && first <= 0x5a : CAPITAL.test(word),
  };
}

/** Common English function words: they carry no weight when deciding what a paragraph reports. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves said says say saying told according also one two its it's
  which whose amid among since including still however while would may might must shall upon via per
  mr ms mrs`
    .split(/\s+/)
    .filter(Boolean),
);

const STEM_SUFFIXES: readonly string[] = ['ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 's'];

/**
 * A light English stem, enough to match "talks" with "talk" and "released" with "release".
 * Numbers and short words are left as they are.
 */
export function stem(norm: string): string {
  if (norm.length <= 4) return norm;
  const first = norm.charCodeAt(0);
  if (first < 0x80 ? first >= 0x30 && first <= 0x39 : NUMBER.test(norm)) return norm;
  if (norm.endsWith("'s")) norm = norm.slice(0, -2);
  for (const suffix of STEM_SUFFIXES) {
    if (norm.endsWith(suffix) && norm.length - suffix.length >= 4) {
      const base = norm.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? base + 'y' : base.endsWith('e') ? base.slice(0, -1) : base;
    }
  }
  // "release" and "released" share a stem.
  return norm.endsWith('e') && norm.length > 5 ? norm.slice(0, -1) : norm;
}

/**
 * The tokens of each paragraph of a document, computed once per document and shared by alignment,
 * word differences, figures and the summary (tokenizing is most of their cost).
 */
const paragraphTokenCache = new WeakMap<object, (Token[] | undefined)[]>();
export function paragraphTokens(document: { readonly text: string; readonly paragraphs: readonly { readonly start: number; readonly end: number }[] }, index: number): Token[] {
  let cached = paragraphTokenCache.get(document);
  if (!cached) {
    cached = [];
    paragraphTokenCache.set(document, cached);
  }
  let tokens = cached[index];
  if (!tokens) {
    const paragraph = document.paragraphs[index];
    tokens = paragraph ? tokenize(document.text, paragraph.start, paragraph.end) : [];
    cached[index] = tokens;
  }
  return tokens;
}

/** The tokens of `tokens` (in text order) that lie within [start, end). */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= end; i++) out.push(tokens[i]!);
  return out;
}

/** Words whose British and American spellings differ otherwise than by the patterns of spellingKey. */
const SPELLING_PAIRS: ReadonlyMap<string, string> = new Map(
  'grey:gray greys:grays programme:program programmes:programs judgement:judgment judgements:judgments ageing:aging sceptic:skeptic sceptical:skeptical scepticism:skepticism plough:plow ploughs:plows tyre:tire tyres:tires kerb:curb cheque:check cheques:checks jewellery:jewelry mould:mold moustache:mustache pyjamas:pajamas storey:story storeys:stories draught:draft aluminium:aluminum enrolment:enrollment fulfil:fulfill fulfils:fulfills instalment:installment skilful:skillful wilful:willful fibre:fiber fibres:fibers sabre:saber sabres:sabers calibre:caliber sombre:somber'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Whether a word holds one of the endings or letters spellingKey rewrites: most words hold none. */
const SPELLING_PATTERN = /(?:[iy]s(?:e|es|ed|ing|ation|ations|er|ers)|our(?:s|ed|ing|ite|ites|able|er|ers|ful|less)?|tre[sd]?|ll(?:ed|ing|er|ers|or|ors)|ences?|ogues?)$|^[a-z]{1,3}[ao]e/;

/**
 * One key for a word's British and American spellings ("organised" and "organized", "colour" and
 * "color", "centre" and "center", "travelled" and "traveled", "defence" and "defense", "catalogue"
 * and "catalog", "paediatric" and "pediatric"), by the regular patterns of the two spellings and a
 * short list of the irregular ones. For telling a spelling apart from a change of word, not for
 * matching: two different words may share a key only where one is not a word ("advise", "advize").
 * Expects a folded word (foldWord).
 */
export function spellingKey(word: string): string {
  const listed = SPELLING_PAIRS.get(word);
  if (listed) return listed;
  if (word.length < 5 || !SPELLING_PATTERN.test(word)) return word;
  return word
    .replace(/(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/(?<=[a-z]{2})ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/(?<=^[a-z]{3,})our(s|ed|ing|ite|ites|able|er|ers|ful|less)?$/, 'or$1')
    .replace(/(?<=[a-z]{2})tre(s|d)?$/, (_m, suffix: string | undefined) => (suffix === 'd' ? 'tered' : `ter${suffix ?? ''}`))
    .replace(/(?<=[a-z]{3}[ea])ll(ed|ing|er|ers|or|ors)$/, 'l$1')
    .replace(/(?<=[a-z]{2})ence(s)?$/, 'ense$1')
    .replace(/(?<=[a-z]{3})ogue(s)?$/, 'og$1')
    .replace(/(?<=^[a-z]{1,3})[ao]e(?=[a-z]{3})/, 'e');
}
