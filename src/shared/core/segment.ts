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
 * A pattern of lines that are never article text, tried only on lines that pass `when`, a cheap
 * test every line it matches passes (so what matches is the same as without it). Patterns with
 * Unicode classes (`\p{L}`) cost V8 milliseconds to compile on first use, several times more than
 * the lines they read: a comparison that never meets a line that could be a byline or a date
 * should not pay for them (issue 13: 18 ms of the seeds' 20 ms of segmenting, cold).
 */
interface LinePattern {
  readonly when?: (line: string) => boolean;
  readonly pattern: { test(line: string): boolean };
}

/** Whether a line has at most `most` runs of characters other than white space (as `\s` reads it). */
function fewWords(line: string, most: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(line[i]!));
    if (!space && !inWord && ++words > most) return false;
    inWord = !space;
  }
  return true;
}

const CAPITALISED_WORD = /^\p{Lu}[\p{L}.]*$/u;

/**
 * Agencies credited in brackets, "(AP, Reuters)": groups of one to four capitalised words (letters
 * and full stops), separated by commas. What `/^\((?:[\p{Lu}][\p{L}.]*\s*){1,4}(?:,\s*(?:[\p{Lu}][\p{L}.]*\s*){1,4})*\)$/u`
 * matches, read word by word: that pattern alone cost V8 5 ms to compile.
 */
function isAgencyCredit(line: string): boolean {
  if (!line.startsWith('(') || !line.endsWith(')') || line.length < 3) return false;
  const groups = line.slice(1, -1).split(',');
  return groups.every((group, i) => {
    // Only after a comma may a group start with spaces.
    const words = (i === 0 ? group : group.trimStart()).trimEnd();
    if (words === '' || words !== words.trimStart()) return false;
    const parts = words.split(/\s+/);
    return parts.length <= 4 && parts.every((part) => CAPITALISED_WORD.test(part));
  });
}

/** Lines that are never article text: widgets, comment forms, sign-ups, credits, footers. */
const BOILERPLATE: readonly LinePattern[] = [
  { pattern: /^views?\s*:?\s*[\d,.]*k?$/i },
  { pattern: /^(share|share this|share this (article|story|post)|share on \w+|tweet|email|print)\s*:?$/i },
  { pattern: /^leave a (reply|comment)$/i },
  { pattern: /^(please )?enter your (comment|name|email)/i },
  { pattern: /^your email address will not be published/i },
  { pattern: /^(cancel reply|post comment|submit comment|comments?)$/i },
  { pattern: /spot_img/i },
  { pattern: /^source link$/i },
  { pattern: /^(latest|related|recommended|more|popular|trending|top) (articles?|stories|news|posts|reads)\s*:?$/i },
  { pattern: /^related (article|story|coverage)s?\b/i },
  { pattern: /^see also\b/i },
  { pattern: /^(read more|also read|read also|recommended)\b\s*:?/i },
  { pattern: /^advertisement$/i },
  { pattern: /^(sign up|subscribe)\b.{0,80}\b(newsletter|updates|inbox)\b/i },
  { pattern: /^©|\bcopyright\s+(©\s*)?\d{4}\b|\ball rights reserved\b/i },
  // A byline: "By Jane Doe | Reporter".
  { when: (line) => /^by\s/i.test(line), pattern: /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’\- ]{1,60}(\s*[|·•–—,]\s*.{0,60})?$/u },
  // A date line: at most eight words (weekday, day, month, year, separator, time, am/pm, zone),
  // with a year; the month may be cut short ("Nov. 30, 2009"), the day be an ordinal ("May 3rd,
  // 2013"), the time follow "at" and be written "p.m." ("November 30, 2009 at 02:22 pm", "May 3,
  // 2013 1:35 p.m. EDT").
  {
    when: (line) => /\d{4}/.test(line) && fewWords(line, 8),
    pattern: /^(\p{L}+day,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}(\s*(?:[|·•,]|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+\p{Lu}{2,4})?)?$/iu,
  },
  { pattern: /^share (this|on)\b.{0,60}(facebook|twitter|\bx\b|email|whatsapp|linkedin)/i },
  // Agencies in brackets: "(AP, Reuters)".
  { when: (line) => line.startsWith('(') && line.endsWith(')'), pattern: { test: isAgencyCredit } },
  { pattern: /^i am an? .{0,80}\b(writer|journalist|editor|reporter|correspondent)\b/i },
  { pattern: /\bcontributed to this report\.?$/i },
  { when: (line) => /^(published|updated|posted)/iu.test(line), pattern: /^(published|updated|posted)\s*(on)?\s*:?\s*\p{L}*\s*\d/iu },
  { pattern: /^(follow us|click here|tap here|download (our|the) app)\b/i },
];

/** Whether a line (trimmed, with no-break spaces made plain) is never article text. */
export const isBoilerplateLine = (line: string): boolean => BOILERPLATE.some(({ when, pattern }) => (when === undefined || when(line)) && pattern.test(line));

/** A marker after which come headlines of other stories. */
const RELATED = /^((latest|related|recommended|more|popular|trending|top) (articles?|stories|news|posts|reads)|related (article|story|coverage)s?|see also|read more|also read)\b/i;

/** "Headline – Source": a headline with a dash and a short credit after it. */
const INSERTED_HEADLINE = /\s[–—-]\s\p{Lu}[\p{L}'’ ]{1,30}$/u;

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

/** A short line in another language than the article's English, such as a source note. */
function isForeignNote(text: string): boolean {
  if (text.length > 250) return false;
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

  // Headlines listed under "Related articles" and the like, up to the next article paragraph.
  // A marker before the place where the last one's list ended would find only what that list made
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
  // not the page's own headline.
  // The page's own headline: the first paragraph that is not boilerplate (this loop never changes it).
  const pageHeadline = kinds.findIndex((kind) => kind !== 'boilerplate');
  for (let i = 0; i < plain.length; i++) {
    if (kinds[i] !== 'body' || !guessed(i) || i === pageHeadline) continue;
    const line = plain[i]!;
    if (!INSERTED_HEADLINE.test(line) || /[.!?]["”’]?$/.test(line)) continue;
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

  // The headline printed again above the article (a page's title, then the same words as its
  // heading) is the page's furniture, not a second paragraph to align and compare: O(n).
  const titleAt = kinds.indexOf('title');
  if (titleAt >= 0) {
    const same = (line: string): string => line.toLowerCase().replace(/[\s.:!?]+$/u, '').replace(/\s+/g, ' ');
    const title = same(plain[titleAt]!);
    for (let i = titleAt + 1; i < plain.length; i++) if (kinds[i] !== 'boilerplate' && same(plain[i]!) === title) kinds[i] = 'boilerplate';
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
    // A label in capitals before what it introduces ("UPDATE:", "UPDATE (3 P.M.):") is a heading too.
    const label = /^[\p{Lu}\d][\p{Lu}\d .'’()-]{0,30}:$/u.test(line) && /\p{Lu}{2}/u.test(line);
    if (words > 0 && words <= 12 && (label || !TERMINAL.test(line.replace(/[’'"”]+$/, ''))) && next !== undefined && next.length > line.length) {
      kinds[i] = 'heading';
    }
  }
  return ranges.map((range, i) => ({ start: range.start, end: range.end, kind: kinds[i]! }));
}

/** Paragraphs of a text, with their kinds. */
export function segmentText(text: string): Paragraph[] {
  return classifyParagraphs(text, splitParagraphs(text));
}
