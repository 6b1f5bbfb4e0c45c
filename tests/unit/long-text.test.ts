import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { figuresIn } from '../../src/shared/core/framing/figures.js';
import type { TextRange } from '../../src/shared/core/segment.js';
import { sentenceSegments, splitSentences } from '../../src/shared/core/sentences.js';
import { tokenize, wordSegments } from '../../src/shared/core/text.js';
import { seedPaths } from '../support/seeds.js';

/**
 * A source of 25 MB (issue 14) may hold very long paragraphs. Intl.Segmenter's steps cost time in
 * proportion to the whole text given to it, so splitting one paragraph of a megabyte took minutes;
 * it is now segmented a window at a time, and the figures of a paragraph no longer read the whole
 * paragraph again for each number. The results must be exactly those of the whole text at once.
 * Texts written for this test, and the seeds read at run time.
 */

const wholeText = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const segmentsOfWhole = (text: string): { index: number; length: number }[] => Array.from(wholeText.segment(text), (part) => ({ index: part.index, length: part.segment.length }));

/** splitSentences as it was before windows (the reference: Intl.Segmenter over the whole text, every sentence end scanned whole). */
function splitSentencesWhole(text: string, start = 0, end = text.length): TextRange[] {
  const abbreviations = new Set(
    'mr mrs ms dr prof rev msgr gen maj col lt sgt cpl pvt capt cmdr adm det supt atty gov sen sens rep reps pres st mt ft jr sr inc ltd co corp no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u'.split(' '),
  );
  const endsWithAbbreviation = (sentence: string): boolean => {
    const last = /([\p{L}.]+)\.\s*$/u.exec(sentence);
    if (!last) return false;
    const word = last[1]!.toLowerCase();
    return abbreviations.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
  };
  const ranges: TextRange[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const part of wholeText.segment(text.slice(start, end))) {
    const from = start + part.index;
    const to = from + part.segment.length;
    pending = pending ? { start: pending.start, end: to } : { start: from, end: to };
    if (endsWithAbbreviation(text.slice(pending.start, pending.end).trimEnd()) && to < end) continue;
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

/** Pieces that make sentence breaks hard: abbreviations, initials, quotes, ellipses, decimals, lower case after a stop, closing brackets, line breaks. */
const PIECES = [
  'The council said',
  'officials claimed',
  'the storm',
  'U.S.',
  'Mr.',
  'Gen.',
  'J. R. R.',
  'e.g.',
  'No. 10',
  '3.5',
  '1,200',
  '"We will rebuild."',
  '“It is over,” she said.',
  '(see above.)',
  '...',
  '…',
  '?!',
  '.',
  '. ',
  '? ',
  '! ',
  '.” ',
  '.) ',
  '. and then',
  '; ',
  ', ',
  ' — ',
  '\n',
  '  ',
  '1.',
  '2.',
  'iii.',
  'Ãpfel.',
  'Κύριε.',
  'Москва.',
  '𝑥.',
  'a',
  'Z',
];
const tricky = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 120 }).map((pieces) => pieces.join(' '));

describe('sentence segments in windows', () => {
  it('are those of the whole text, for any window, on texts built to be hard', () => {
    fc.assert(
      fc.property(tricky, fc.constantFrom(8, 16, 40, 100, 300), (text, window) => {
        expect([...sentenceSegments(text, window)]).toEqual(segmentsOfWhole(text));
      }),
      { numRuns: 400 },
    );
  });

  it('are those of the whole text on the seeds, in small windows', () => {
    for (const path of seedPaths()) {
      const text = readFileSync(path, 'utf8');
      for (const window of [32, 200, 1000]) expect([...sentenceSegments(text, window)]).toEqual(segmentsOfWhole(text));
    }
  });

  it('grow a window that holds no break at all', () => {
    const text = `${'word '.repeat(5000)}end. Next one.`;
    expect([...sentenceSegments(text, 64)]).toEqual(segmentsOfWhole(text));
  });
});

describe('splitSentences on long text', () => {
  it('splits as it did over the whole text, abbreviations included', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(splitSentences(text)).toEqual(splitSentencesWhole(text));
      }),
      { numRuns: 300 },
    );
  });

  it('splits a paragraph longer than a window as the whole text does, with a long run of initials', () => {
    const initials = 'A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.'.repeat(4);
    const sentences = Array.from({ length: 400 }, (_v, i) => (i % 50 === 7 ? `Mr. ${initials} said U.S. troops left ${i}.` : `The ${i}th report of the Gen. Staff said no more.`));
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(20_000);
    expect(splitSentences(text)).toEqual(splitSentencesWhole(text));
    expect(splitSentences(text, 5, text.length - 9)).toEqual(splitSentencesWhole(text, 5, text.length - 9));
  });

  it('does not end a sentence at a title or a place written short', () => {
    const text = 'The Rev. Anna Morrow of St. Columba spoke first. U.S. Reps. Dale Ivers and Tom Reyes followed. Climbers left Mt. Kelling at dawn. It rained.';
    expect(splitSentences(text).map((range) => text.slice(range.start, range.end))).toEqual([
      'The Rev. Anna Morrow of St. Columba spoke first.',
      'U.S. Reps. Dale Ivers and Tom Reyes followed.',
      'Climbers left Mt. Kelling at dawn.',
      'It rained.',
    ]);
  });

  it('splits one paragraph of a megabyte in seconds, not minutes', () => {
    const words = ['harbour', 'wall', 'council', 'storm', 'Kelling', 'said', 'the', 'of', 'and', 'water', 'rose', 'homes'];
    const sentence = (i: number): string => `${words[i % 7]!.replace(/^./, (c) => c.toUpperCase())} ${Array.from({ length: 12 }, (_v, k) => words[(i * 7 + k * 3) % words.length]).join(' ')} ${i}.`;
    const text = Array.from({ length: 14_000 }, (_v, i) => sentence(i)).join(' ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const ranges = splitSentences(text);
    expect(ranges.length).toBe(14_000);
    // It took over a minute on one core when the whole paragraph was handed to Intl.Segmenter.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('figures of a long paragraph', () => {
  it('are found in about the time the paragraph takes to read, with the same results', () => {
    const sentence = (i: number): string =>
      i % 3 === 0 ? `According to the health ministry, ${(i % 700) + 2} people were killed.` : `About ${(i % 900) + 5} homes were damaged, the council said.`;
    const text = `Headline\n\n${Array.from({ length: 20_000 }, (_v, i) => sentence(i)).join(' ')}\n`;
    const document = makeSourceDocument({ path: '/t/long.txt', text });
    expect(document.paragraphs.length).toBe(2);
    const started = performance.now();
    const figures = figuresIn(document, 0, [1]);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(figures.length).toBe(20_000);
    expect(figures[0]).toMatchObject({ value: 2, counted: 'killed', attribution: 'According to the health ministry' });
    expect(figures[1]).toMatchObject({ value: 6, counted: 'homes', attribution: 'According to the health ministry' });
  });

  it('tell a capital that opens a sentence from a name, reading only the end of the text before it', () => {
    const figures = (text: string): string[] => {
      const document = makeSourceDocument({ path: '/t/f.txt', text: `Headline\n\n${text}\n` });
      return figuresIn(document, 0, [1]).map((figure) => `${figure.counted}: ${figure.value}`);
    };
    expect(figures(`${'The water rose. '.repeat(50)}About 800 people left.`)).toEqual(['people: 800']);
    expect(figures(`${'The water rose. '.repeat(50)}It said “   About 800 people left.`)).toEqual(['people: 800']);
    expect(figures(`${'The water rose; '.repeat(50)}the bill H.R. 1062 passed and Flight 93 landed with 40 senators.`)).toEqual(['senators: 40']);
  });
});

/** Pieces of text in scripts written without spaces, with what may join or split their words. */
const UNSPACED_PIECES = [
  '北京市政府',
  '今天宣布',
  '洪水',
  '造成',
  '一百四十人死亡',
  'カタカナ',
  'ひらがなです',
  'ภาษาไทย',
  'น้ำท่วม',
  '。',
  '、',
  '！',
  '？',
  '\u3000',
  ' ',
  '\n',
  '\r\n',
  '3.5',
  '1,200',
  'U.S.',
  'don’t',
  'foo_bar',
  '_',
  '\u0301',
  '\u200d',
  '\u200c',
  '\ufeff',
  '\u00a0',
  '\u202f',
  '👍',
  '🏻',
  '👩\u200d👩\u200d👧',
  '🇬🇧',
  '\uff9e',
  'Harbour',
];
const unspacedText = fc.array(fc.constantFrom(...UNSPACED_PIECES), { minLength: 0, maxLength: 150 }).map((pieces) => pieces.join(''));
const wordsOfWhole = new Intl.Segmenter(undefined, { granularity: 'word' });

describe('word segments in windows', () => {
  it('are those of the whole text, for any window, in scripts without spaces', () => {
    fc.assert(
      fc.property(unspacedText, fc.constantFrom(4, 8, 20, 60, 200), (text, window) => {
        const whole = Array.from(wordsOfWhole.segment(text), (part) => ({ segment: part.segment, index: part.index, isWordLike: part.isWordLike === true }));
        expect([...wordSegments(text, window)]).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('split one paragraph of half a megabyte of Chinese in seconds', () => {
    const text = Array.from({ length: 60_000 }, (_v, i) => `${UNSPACED_PIECES[i % 5]}${i % 3 === 0 ? '。' : '、'}`).join('');
    expect(text.length).toBeGreaterThan(200_000);
    const started = performance.now();
    const words = tokenize(text);
    expect(words.length).toBeGreaterThan(60_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
