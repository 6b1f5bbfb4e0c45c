import type { TextRange } from './segment.js';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep pres st jr sr inc ltd co corp no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u'.split(
    ' ',
  ),
);

let segmenter: Intl.Segmenter | null = null;
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return segmenter;
}

function endsWithAbbreviation(sentence: string): boolean {
  const last = /([\p{L}.]+)\.\s*$/u.exec(sentence);
  if (!last) return false;
  const word = last[1]!.toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * The sentences of `text` between `start` and `end`, as trimmed ranges (Intl.Segmenter, with
 * abbreviations such as "U.S." and "Gen." not taken as sentence ends).
 */
export function splitSentences(text: string, start = 0, end = text.length): TextRange[] {
  const slice = text.slice(start, end);
  const ranges: TextRange[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const part of sentenceSegmenter().segment(slice)) {
    const from = start + part.index;
    const to = from + part.segment.length;
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
