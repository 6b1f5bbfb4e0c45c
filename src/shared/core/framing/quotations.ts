/**
 * Quotations in a source's text, found two ways for two questions:
 *
 * - `quotationMatches`: a quotation someone gave, between double marks or guillemets inside one paragraph
 *   (what the quotation rule sets against a paraphrase);
 * - `quotedRanges`: every stretch of a paragraph whose words are between quotation marks, single
 *   ones and a quotation running on into the next paragraph included (where a word is the
 *   speaker's, not the outlet's, for the loaded-language rule).
 *
 * Pure: no Node, no DOM.
 */

/**
 * A pair of double marks or guillemets up to 800 characters apart: the words between are group 1.
 * A mark closes the one before it even where what is between is too long to be taken for a
 * quotation, so that the closing mark of a long quotation never opens a false one with the next
 * (straight marks written without a space after them: `is wrong. "Perry is referring to …`);
 * `quotationMatches` keeps the pairs a quotation can be. A mark with no other within 800
 * characters pairs with none, and the next mark is read afresh.
 */
const QUOTE_PAIR = /[“"«]([^“”"«»]{0,800})[”"»]/g;
/** The longest a quotation may be, in characters: a longer pair of marks is read as no quotation. */
const QUOTE_MAX = 400;

/** The quotations between double marks or guillemets in a text (3 to 400 characters each), as matches whose words are group 1. */
export function quotationMatches(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (const match of text.matchAll(QUOTE_PAIR)) if (match[1]!.length >= 3 && match[1]!.length <= QUOTE_MAX) matches.push(match as RegExpExecArray);
  return matches;
}

/** A quotation of two words or more that a member of a passage gives. */
export interface Quotation {
  readonly doc: number;
  /** The words between the marks: [start, end) of the text, as written. */
  readonly start: number;
  readonly end: number;
  /** Its words, trimmed. */
  readonly text: string;
}

/** The quotations of two words or more in a paragraph, in text order. */
export function quotationsIn(text: string, doc: number, paragraph: { readonly start: number; readonly end: number }): Quotation[] {
  const quotations: Quotation[] = [];
  for (const match of quotationMatches(text.slice(paragraph.start, paragraph.end))) {
    const words = match[1]!.trim().split(/\s+/);
    if (words.length < 2) continue;
    const start = paragraph.start + match.index + 1;
    quotations.push({ doc, start, end: start + match[1]!.length, text: match[1]!.trim() });
  }
  return quotations;
}

/**
 * The quoted stretches of a paragraph: [start, end) of the words between quotation marks. Double
 * marks (straight or curly) pair up; a double mark left open runs to the end of the paragraph, as
 * a quotation that goes on into the next one does. Single marks count only where they cannot be
 * an apostrophe: opening before a letter after a space or a bracket, closing before anything but
 * a letter.
 */
export function quotedRanges(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let open: { mark: 'double' | 'single'; start: number } | null = null;
  const letter = (i: number): boolean => i >= from && i < to && /[\p{L}\p{N}]/u.test(text[i]!);
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '“' || c === '«' || (c === '"' && open?.mark !== 'double')) {
      if (!open || open.mark === 'single') open = { mark: 'double', start: i + 1 };
    } else if (c === '”' || c === '»' || c === '"') {
      if (open?.mark === 'double') {
        ranges.push([open.start, i]);
        open = null;
      } else if (!open && ranges.length === 0 && c === '”') {
        // A closing mark with no opening one: the quotation began in an earlier paragraph.
        ranges.push([from, i]);
      }
    } else if (c === '‘' || c === "'") {
      if (!open && !letter(i - 1) && letter(i + 1)) open = { mark: 'single', start: i + 1 };
      else if (open?.mark === 'single' && !letter(i + 1) && c === "'") {
        ranges.push([open.start, i]);
        open = null;
      }
    } else if (c === '’' && open?.mark === 'single' && !letter(i + 1)) {
      ranges.push([open.start, i]);
      open = null;
    }
  }
  if (open?.mark === 'double') ranges.push([open.start, to]);
  return ranges.filter(([start, end]) => end > start);
}
