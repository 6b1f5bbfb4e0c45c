import type { TextRange } from './segment.js';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof rev msgr gen maj col lt sgt cpl pvt capt cmdr adm det supt atty gov sen sens rep reps pres st mt ft jr sr inc ltd co corp no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u'.split(
    ' ',
  ),
);

let segmenter: Intl.Segmenter | null = null;
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return segmenter;
}

/**
 * Texts longer than this are segmented a window at a time. Each step of Intl.Segmenter costs time
 * in proportion to the whole text it was given (V8), so one paragraph of a megabyte took minutes.
 */
export const SEGMENT_WINDOW = 8192;

/**
 * The sentence segments of `text` (where each starts, and its length), exactly as
 * Intl.Segmenter finds them in the whole text, in windows of `window` characters. A window's last
 * two segments are left to the next window, which starts where they start: a break depends only
 * on the text after the segment before it (the segmenter restarts at any break it found), and on
 * what follows it only as far as the next sentence end, which the segment after it holds. A
 * window that holds fewer than three segments is made larger.
 */
export function* sentenceSegments(text: string, window = SEGMENT_WINDOW): Generator<{ readonly index: number; readonly length: number }> {
  let from = 0;
  let size = window;
  while (from < text.length) {
    const to = Math.min(text.length, from + size);
    const parts = Array.from(sentenceSegmenter().segment(text.slice(from, to)), (part) => ({ index: from + part.index, length: part.segment.length }));
    const keep = to === text.length ? parts.length : parts.length - 2;
    if (keep <= 0) {
      size *= 2;
      continue;
    }
    for (let i = 0; i < keep; i++) yield parts[i]!;
    from = keep < parts.length ? parts[keep]!.index : text.length;
    size = window;
  }
}

/** Only a sentence's end is looked at (merged sentences can be long: see splitSentences). */
const ABBREVIATION_TAIL = 64;

function endsWithAbbreviation(whole: string): boolean {
  const sentence = whole.trimEnd();
  const ascii = asciiLastWord(sentence);
  if (ascii !== undefined) return ascii !== null && (ABBREVIATIONS.has(ascii) || isInitials(ascii));
  // The last word before the final full stop, found in the sentence's last characters (the whole
  // sentence only when that word runs to their start), so that a long run of sentences merged
  // after abbreviations is not scanned again at each one.
  const tail = sentence.length > ABBREVIATION_TAIL ? sentence.slice(-ABBREVIATION_TAIL) : sentence;
  let last = /([\p{L}.]+)\.\s*$/u.exec(tail);
  if (last && tail !== sentence && last.index <= 1) last = /([\p{L}.]+)\.\s*$/u.exec(sentence);
  if (!last) return false;
  const word = last[1]!.toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * What `/([\p{L}.]+)\.\s*$/u` finds in a trimmed sentence, read back from its end without the
 * pattern when that word is ASCII: the word before the final full stop, lower-cased, or null when
 * there is none; undefined when a character outside ASCII is met, for the pattern to say. O(length
 * of that word). (The pattern and those of `isInitials` cost V8 milliseconds to compile, and
 * splitting sentences is one of the first things a comparison does: issue 13.)
 */
function asciiLastWord(sentence: string): string | null | undefined {
  const end = sentence.length - 1;
  // No full stop at the end: the pattern cannot match.
  if (sentence.charCodeAt(end) !== 0x2e) return null;
  let from = end;
  while (from > 0) {
    const c = sentence.charCodeAt(from - 1);
    if (c >= 0x80) return undefined;
    if (c !== 0x2e && !isAsciiLetter(c)) break;
    from--;
  }
  return from < end ? sentence.slice(from, end).toLowerCase() : null;
}

const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** `/^\p{L}$/u` or `/^(\p{L}\.)+\p{L}$/u` on an ASCII word: one letter, or initials ("u.s", "j.r.r"). */
function isInitials(word: string): boolean {
  if (word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) if (i % 2 === 0 ? !isAsciiLetter(word.charCodeAt(i)) : word.charCodeAt(i) !== 0x2e) return false;
  return true;
}

/**
 * The sentences of `text` between `start` and `end`, as trimmed ranges (Intl.Segmenter, with
 * abbreviations such as "U.S." and "Gen." not taken as sentence ends).
 */
export function splitSentences(text: string, start = 0, end = text.length): TextRange[] {
  const slice = text.slice(start, end);
  const ranges: TextRange[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const part of sentenceSegments(slice)) {
    const from = start + part.index;
    const to = from + part.length;
    pending = pending ? { start: pending.start, end: to } : { start: from, end: to };
    const sentence = text.slice(pending.start, pending.end);
    if (endsWithAbbreviation(sentence.trimEnd()) && to < end) continue;
    ranges.push(pending);
    pending = null;
  }
  if (pending) ranges.push(pending);
  return ranges
    .map((range) => {
      let s = range.start;
      let e = range.end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      return { start: s, end: e };
    })
    .filter((range) => range.end > range.start);
}

/**
 * The sentences of each paragraph of a document, split once per document and shared by alignment
 * and the analysis of differences (as `paragraphTokens` shares the words: splitting is costly).
 */
const paragraphSentenceCache = new WeakMap<object, (readonly TextRange[] | undefined)[]>();
export function paragraphSentences(
  document: { readonly text: string; readonly paragraphs: readonly { readonly start: number; readonly end: number }[] },
  index: number,
): readonly TextRange[] {
  let cached = paragraphSentenceCache.get(document);
  if (!cached) {
    cached = [];
    paragraphSentenceCache.set(document, cached);
  }
  let sentences = cached[index];
  if (!sentences) {
    const paragraph = document.paragraphs[index];
    sentences = paragraph ? splitSentences(document.text, paragraph.start, paragraph.end) : [];
    cached[index] = sentences;
  }
  return sentences;
}
