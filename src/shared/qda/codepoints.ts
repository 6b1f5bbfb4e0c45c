/**
 * Parallax's offsets count UTF-16 code units (JavaScript strings); REFI-QDA's text selections
 * count Unicode code points, the first being 0 (REFI-QDA 1.5, §10.2). An emoji or a rare CJK
 * character outside the Basic Multilingual Plane is two units and one code point.
 *
 * Pure: no Node, no DOM.
 */

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Converts offsets into one text from UTF-16 code units to code points. */
export interface CodePointIndex {
  /** The code point offset of a UTF-16 offset (an offset inside a surrogate pair counts as before it). */
  at(offset: number): number;
  /** A range `[start, end)` in UTF-16 units as code points, widened to whole characters. */
  range(start: number, end: number): { start: number; end: number };
  /** How many code points the text has. */
  readonly length: number;
}

export function codePointIndex(text: string): CodePointIndex {
  // Where each surrogate pair's second unit is: few in most texts, so kept as a sorted list.
  const lows: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) lows.push(i);
  }
  /** How many pairs' second units lie before `offset`. */
  const before = (offset: number): number => {
    let low = 0;
    let high = lows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lows[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const inPair = (offset: number): boolean => offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1));
  const at = (offset: number): number => {
    const clamped = Math.max(0, Math.min(text.length, offset));
    const start = inPair(clamped) ? clamped - 1 : clamped;
    return start - before(start);
  };
  return {
    at,
    range(start, end) {
      const from = Math.max(0, Math.min(text.length, start));
      const to = Math.max(from, Math.min(text.length, end));
      return { start: at(from), end: at(inPair(to) ? to + 1 : to) };
    },
    length: text.length - lows.length,
  };
}
