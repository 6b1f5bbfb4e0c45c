import type { Paragraph, ParagraphKind } from '../contract/comparison.js';
import { STOP_WORDS, tokenize } from './text.js';

/** A range of a text, end exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

const BLANK = /^[\s\u00a0\u200b\ufeff]*$/;
const EDGE_SPACE = /[\s\u00a0\u200b\ufeff]/;
const TERMINAL = /[.!?…:;"”’')\]]$/;

interface Line extends TextRange {
  readonly blank: boolean;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '\n' || ch === '\r') {
      lines.push({ start, end: i, blank: BLANK.test(text.slice(start, i)) });
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  return lines;
}

function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && EDGE_SPACE.test(text[start] ?? '')) start++;
  while (end > start && EDGE_SPACE.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/**
 * Whether a block of several lines is one paragraph hard-wrapped at a fixed width (to be kept as one
 * range) rather than one paragraph per line, as scraped text often has.
 */
function isHardWrapped(text: string, lines: readonly Line[]): boolean {
  const lengths = lines.map((line) => text.slice(line.start, line.end).trimEnd().length);
  const widest = Math.max(...lengths);
  if (widest > 120 || widest < 40) return false;
  const body = lengths.slice(0, -1);
  return body.every((length) => length >= widest * 0.6);
}

/**
 * Split a text into paragraph ranges: blocks separated by blank lines; inside a block, one paragraph
 * per line unless the lines are a hard-wrapped paragraph. Ranges are trimmed of surrounding space.
 */
export function splitParagraphs(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    const first = block[0]!;
    const last = block[block.length - 1]!;
    const parts = block.length > 1 && isHardWrapped(text, block) ? [{ start: first.start, end: last.end }] : block;
    for (const part of parts) {
      const trimmed = trimRange(text, part);
      if (trimmed) ranges.push(trimmed);
    }
    block = [];
  };
  for (const line of linesOf(text)) {
    if (line.blank) flush();
    else block.push(line);
  }
  flush();
  return ranges;
}

/**
 * How a line is tested against a pattern with Unicode classes (\p{L}, \p{Lu}): V8 takes
 * milliseconds to compile one, the first time it runs (issue 13), so it is compiled only for a line
 * that could match it and that is not plain (see NOT_PLAIN):
 * - `precheck`: a cheap test that every line the pattern can match passes (how it starts or ends);
 *   a line that fails it does not match;
 * - `plain`: the same pattern for a plain line, with \p{Lu} as A-Z and \p{L} as A-Za-z (the letters
 *   of a plain line) and no u flag, which on a plain line matches exactly where the pattern does, and
 *   costs next to nothing to compile.
 */
interface UnicodePattern {
  readonly pattern: RegExp;
  readonly precheck: (line: string) => boolean;
  readonly plain: RegExp;
}
/**
 * A character that is not plain: plain text is ASCII and the curly quotes, dashes and ellipsis of
 * news text (‘ ’ “ ” – — …), none of which is a letter, a mark, a digit or white space, or has a
 * case, so that a class or a flag of a pattern reads them the same with or without the u flag.
 */
const NOT_PLAIN = /[^\x00-\x7f‘’“”–—…]/;
/** The line starts with one of `chars`. */
const startsWithOneOf =
  (chars: string): ((line: string) => boolean) =>
  (line) =>
    line.length > 0 && chars.includes(line[0]!);
/** Whether `line` matches a pattern given as a RegExp, or as a UnicodePattern (see there). */
function matches(line: string, pattern: RegExp | UnicodePattern): boolean {
  if (pattern instanceof RegExp) return pattern.test(line);
  if (!pattern.precheck(line)) return false;
  return NOT_PLAIN.test(line) ? pattern.pattern.test(line) : pattern.plain.test(line);
}

/** Lines that are never article text: widgets, comment forms, sign-ups, credits, footers. */
const BOILERPLATE: readonly (RegExp | UnicodePattern)[] = [
  /^views?\s*:?\s*[\d,.]*k?$/i,
  /^(share|share this|share this (article|story|post)|share on \w+|tweet|email|print)\s*:?$/i,
  /^leave a (reply|comment)$/i,
  /^(please )?enter your (comment|name|email)/i,
  /^your email address will not be published/i,
  /^(cancel reply|post comment|submit comment|comments?)$/i,
  /spot_img/i,
  /^source link$/i,
  /^(latest|related|recommended|more|popular|trending|top) (articles?|stories|news|posts|reads)\s*:?$/i,
  /^related (article|story|coverage)s?\b/i,
  /^see also\b/i,
  /^(read more|also read|read also|recommended)\b\s*:?/i,
  /^advertisement$/i,
  /^(sign up|subscribe)\b.{0,80}\b(newsletter|updates|inbox)\b/i,
  /^©|\bcopyright\s+(©\s*)?\d{4}\b|\ball rights reserved\b/i,
  {
    pattern: /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’\- ]{1,60}(\s*[|·•–—,]\s*.{0,60})?$/u,
    precheck: (line) => /^[Bb][Yy]\s/.test(line),
    plain: /^[Bb][Yy]\s+[A-Z][A-Za-z.'’\- ]{1,60}(\s*[|·•–—,]\s*.{0,60})?$/,
  },
  {
    // A date line ("Monday, 4 March 2024 | 10:30 am"), written without the i flag, with which V8
    // compiled a case-insensitive \p{L}, twice as long: \p{L} in any case is \p{L} and U+0345 (which
    // folds to ι), and only the ASCII letters of "day", "am" and "pm" fold to theirs.
    pattern: /^([\p{L}\u0345]+[dD][aA][yY],?\s+)?(\d{1,2}\s+[\p{L}\u0345]+|[\p{L}\u0345]+\s+\d{1,2},?)\s+\d{4}(\s*[|·•,]?\s*\d{1,2}[:.]\d{2}\s*([aA][mM]|[pP][mM])?)?$/u,
    // It ends with a year, a time, "am" or "pm" (or white space).
    precheck: (line) => /[\dmM\s]$/.test(line),
    plain: /^([A-Za-z]+[dD][aA][yY],?\s+)?(\d{1,2}\s+[A-Za-z]+|[A-Za-z]+\s+\d{1,2},?)\s+\d{4}(\s*[|·•,]?\s*\d{1,2}[:.]\d{2}\s*([aA][mM]|[pP][mM])?)?$/,
  },
  /^share (this|on)\b.{0,60}(facebook|twitter|\bx\b|email|whatsapp|linkedin)/i,
  {
    pattern: /^\((?:[\p{Lu}][\p{L}.]*\s*){1,4}(?:,\s*(?:[\p{Lu}][\p{L}.]*\s*){1,4})*\)$/u,
    precheck: startsWithOneOf('('),
    plain: /^\((?:[A-Z][A-Za-z.]*\s*){1,4}(?:,\s*(?:[A-Z][A-Za-z.]*\s*){1,4})*\)$/,
  },
  /^i am an? .{0,80}\b(writer|journalist|editor|reporter|correspondent)\b/i,
  /\bcontributed to this report\.?$/i,
  {
    pattern: /^(published|updated|posted)\s*(on)?\s*:?\s*\p{L}*\s*\d/iu,
    // Only P, p, U and u fold to p or u.
    precheck: startsWithOneOf('PpUu'),
    plain: /^(published|updated|posted)\s*(on)?\s*:?\s*[A-Za-z]*\s*\d/i,
  },
  /^(follow us|click here|tap here|download (our|the) app)\b/i,
];

/** Whether a line is one of the BOILERPLATE kinds. */
function isBoilerplateLine(line: string): boolean {
  for (const pattern of BOILERPLATE) if (matches(line, pattern)) return true;
  return false;
}


/** A marker after which come headlines of other stories. */
const RELATED = /^((latest|related|recommended|more|popular|trending|top) (articles?|stories|news|posts|reads)|related (article|story|coverage)s?|see also|read more|also read)\b/i;

/** "Headline – Source": a headline with a dash and a short credit after it (see UnicodePattern). */
const INSERTED_HEADLINE: UnicodePattern = {
  pattern: /\s[–—-]\s\p{Lu}[\p{L}'’ ]{1,30}$/u,
  // A match is at most 65 UTF-16 units long (a letter may take two), so its dash is in the last 66.
  precheck: (line) => /\s[–—-]\s/.test(line.slice(-66)),
  plain: /\s[–—-]\s[A-Z][A-Za-z'’ ]{1,30}$/,
};

/** Photo captions and credits. */
const CAPTION: readonly RegExp[] = [
  /\[(?:[^\]]{2,60})\]$/,
  /\((?:photo|image|picture|file photo)s?\s*:[^)]*\)$/i,
  /^(photo|image|picture)s?(\s+credit)?\s*:/i,
  /\bvia wikimedia commons\b/i,
  /\b(getty images|afp via getty|reuters\/|ap photo)\b/i,
];

const FRENCH = new Set('le la les de des du cet cette est et sur ce se une un pour dans qui au aux ont sont trouve'.split(' '));
const SPANISH = new Set('el la los las de del este esta es y en una un para por que se encuentra fuente'.split(' '));

/**
 * Where a word of FRENCH or SPANISH may stand in a text: a run of ASCII letters that is one of them,
 * in any case, with no ASCII letter on either side. A word of the text that folds to one of them is
 * such a run (only ASCII letters lower-case to the ASCII letters they are written with, but for the
 * Kelvin sign, which gives a "k" none of them has), so a text with fewer than three places has fewer
 * than three French or Spanish words.
 */
const FOREIGN_WORD = new RegExp(`(?<![a-z])(?:${[...new Set([...FRENCH, ...SPANISH])].join('|')})(?![a-z])`, 'gi');

/** Whether `text` has at least three places where a French or Spanish word may stand (see FOREIGN_WORD). */
function mayBeForeign(text: string): boolean {
  FOREIGN_WORD.lastIndex = 0;
  let places = 0;
  while (FOREIGN_WORD.exec(text)) if (++places === 3) return true;
  return false;
}

/**
 * A short line in another language than the article's English, such as a source note. Its words
 * are looked at only when it has three places where a French or Spanish word may stand: most
 * lines have none, and need not be split into words for this (issue 13).
 */
function isForeignNote(text: string): boolean {
  if (text.length > 250 || !mayBeForeign(text)) return false;
  const words = tokenize(text).map((token) => token.norm);
  if (words.length === 0 || words.length > 25) return false;
  const english = words.filter((word) => STOP_WORDS.has(word)).length;
  const french = words.filter((word) => FRENCH.has(word)).length;
  const spanish = words.filter((word) => SPANISH.has(word)).length;
  return Math.max(french, spanish) >= 3 && Math.max(french, spanish) > english * 2;
}

function wordCount(text: string): number {
  return tokenize(text).length;
}

/**
 * Say what kind of block each paragraph is.
 *
 * `hints` are kinds known from a document's structure (an HTML heading, a figure caption, a
 * Markdown title); a hinted block keeps its kind unless it is plainly boilerplate (a `body` hint
 * may still turn out to be a caption). The guesses that stand in for missing structure (short
 * lines as headings, the first line as the title) are made only for blocks without a hint.
 */
export function classifyParagraphs(text: string, ranges: readonly TextRange[], hints: readonly (ParagraphKind | undefined)[] = []): Paragraph[] {
  const plain = ranges.map((range) => text.slice(range.start, range.end).replace(/[\u00a0\u2009\u202f]/g, ' ').trim());
  const kinds: ParagraphKind[] = plain.map((line, i) => {
    if (isBoilerplateLine(line) || isForeignNote(line)) return 'boilerplate';
    const hint = hints[i];
    if (hint && hint !== 'body') return hint;
    if (line.length < 400 && CAPTION.some((pattern) => pattern.test(line))) return 'caption';
    return 'body';
  });
  const guessed = (i: number): boolean => hints[i] === undefined;

  // Headlines listed under "Related articles" and the like, up to the next article paragraph. A
  // marker before the place where the last one's list ended would find only what that list made
  // boilerplate, and end there too: it is passed over, so each paragraph is looked at once, O(n).
  let listEnd = 0;
  for (let i = 0; i < plain.length; i++) {
    if (i < listEnd || kinds[i] !== 'boilerplate' || !RELATED.test(plain[i]!)) continue;
    let j = i + 1;
    for (; j < plain.length; j++) {
      const line = plain[j]!;
      if (kinds[j] === 'boilerplate') continue;
      if (kinds[j] === 'title') break;
      if (line.length > 140 || /[.!]["”’]?$/.test(line)) break;
      kinds[j] = 'boilerplate';
    }
    listEnd = j;
  }

  // Another story's headline set into the article ("Council Rejects Timeline on Bridge Repairs –
  // Union Official"): a short line in Title Case, with a dash before its source, that is
  // not the page's own headline (the first paragraph that is not boilerplate, which this loop
  // never changes).
  const pageHeadline = kinds.findIndex((kind) => kind !== 'boilerplate');
  for (let i = 0; i < plain.length; i++) {
    if (kinds[i] !== 'body' || !guessed(i) || i === pageHeadline) continue;
    const line = plain[i]!;
    if (!matches(line, INSERTED_HEADLINE) || /[.!?]["”’]?$/.test(line)) continue;
    const words = line.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
    if (words.length >= 4 && words.length <= 16 && capitalised / words.length >= 0.6) kinds[i] = 'boilerplate';
  }

  const firstArticle = kinds.findIndex((kind) => kind !== 'boilerplate');
  const first = plain[firstArticle];
  const hasTitle = kinds.includes('title');
  if (!hasTitle && first !== undefined && guessed(firstArticle) && kinds[firstArticle] === 'body' && first.length <= 200 && !/[.!?]$/.test(first)) {
    kinds[firstArticle] = 'title';
  }

  // Short lines before a longer paragraph are headings. Each paragraph's next one that is not
  // boilerplate, found from the end (this loop makes none boilerplate): O(n).
  const nextArticle = new Array<string | undefined>(plain.length);
  for (let i = plain.length - 2; i >= 0; i--) nextArticle[i] = kinds[i + 1] !== 'boilerplate' ? plain[i + 1] : nextArticle[i + 1];
  for (let i = 0; i < plain.length; i++) {
    const line = plain[i]!;
    if (kinds[i] !== 'body' || !guessed(i)) continue;
    if (line.length > 90) continue;
    const words = wordCount(line);
    const next = nextArticle[i];
    if (words > 0 && words <= 12 && !TERMINAL.test(line.replace(/[’'"”]+$/, '')) && next !== undefined && next.length > line.length) {
      kinds[i] = 'heading';
    }
  }
  return ranges.map((range, i) => ({ start: range.start, end: range.end, kind: kinds[i]! }));
}

/** Paragraphs of a text, with their kinds. */
export function segmentText(text: string): Paragraph[] {
  return classifyParagraphs(text, splitParagraphs(text));
}

/** The patterns and prechecks above, for tests. */
export const SEGMENT_PATTERNS = {
  unicode: (): UnicodePattern[] => [...BOILERPLATE.filter((pattern): pattern is UnicodePattern => !(pattern instanceof RegExp)), INSERTED_HEADLINE],
  foreignWords: (): string[] => [...FRENCH, ...SPANISH],
  mayBeForeign,
  notPlain: NOT_PLAIN,
};
