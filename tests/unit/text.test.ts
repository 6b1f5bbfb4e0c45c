import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldWord, spellingKey, stem, tokenize } from '../../src/shared/core/text.js';
import { hashText } from '../../src/shared/core/hash.js';
import { labelFromPath } from '../../src/shared/core/document.js';

describe('tokenize', () => {
  it('keeps offsets into the text and folds forms for matching', () => {
    const text = 'Hamas’ “Hamas-led” gunmen took 46,500 people.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Hamas', 'Hamas-led', 'gunmen', 'took', '46,500', 'people']);
    expect(tokens.map((token) => token.norm)).toEqual(['hamas', 'hamas-led', 'gunmen', 'took', '46500', 'people']);
    expect(tokens[4]!.isNumber).toBe(true);
    expect(tokens[0]!.isCapitalized).toBe(true);
  });

  it('tokenizes a range of the text only', () => {
    const text = 'one two three';
    expect(tokenize(text, 4, 7).map((token) => token.norm)).toEqual(['two']);
  });

  describe('edge cases', () => {
    it('handles empty text, non-Latin scripts and apostrophes', () => {
      expect(tokenize('')).toEqual([]);
      expect(tokenize('Привет мир').map((token) => token.norm)).toEqual(['привет', 'мир']);
      expect(foldWord('Don’t')).toBe("don't");
    });
  });
});

describe('stem', () => {
  it('matches simple inflections', () => {
    expect(stem('talks')).toBe(stem('talk'));
    expect(stem('released')).toBe(stem('release'));
    expect(stem('releases')).toBe(stem('release'));
    expect(stem('claimed')).toBe(stem('claims'));
    expect(stem('countries')).toBe('country');
    expect(stem('46500')).toBe('46500');
  });
});

describe('hashText', () => {
  it('is stable and tells texts apart', () => {
    expect(hashText('abc')).toBe(hashText('abc'));
    expect(hashText('abc')).not.toBe(hashText('abd'));
    expect(hashText('')).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe('labelFromPath', () => {
  it('makes a readable label from a file name', () => {
    expect(labelFromPath('/x/riverside-ledger.txt')).toBe('Riverside Ledger');
    expect(labelFromPath('C:\\docs\\the_daily.md')).toBe('The Daily');
    expect(labelFromPath('/seeds/000_72d3c180fd1e2e32.txt')).toBe('000');
  });
});

describe('tokenize and stem, read without a generator and with ASCII told apart first (issue 13)', () => {
  // As they were written before.
  const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
  const tokenizeBefore = (text: string, start = 0, end = text.length): unknown[] =>
    [...text.slice(start, end).matchAll(TOKEN)].map((match) => {
      const at = start + match.index;
      return { start: at, end: at + match[0].length, norm: foldWord(match[0]), isNumber: /^\p{N}/u.test(match[0]), isCapitalized: /^\p{Lu}/u.test(match[0]) };
    });
  const stemBefore = (word: string): string => {
    let norm = word;
    if (norm.length <= 4 || /^\p{N}/u.test(norm)) return norm;
    if (norm.endsWith("'s")) norm = norm.slice(0, -2);
    for (const suffix of ['ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 's']) {
      if (norm.endsWith(suffix) && norm.length - suffix.length >= 4) {
        const base = norm.slice(0, -suffix.length);
        return suffix === 'ies' || suffix === 'ied' ? base + 'y' : base.replace(/e$/, '');
      }
    }
    return norm.endsWith('e') && norm.length > 5 ? norm.slice(0, -1) : norm;
  };
  const piece = fc.constantFrom('The', 'talks', 'Hamas-led', 'don’t', "it's", '46,500', '3.5', '²', '٣', 'Émile', 'élan', 'Ωmega', '𝐀bc', 'x\u0301y', ' ', ', ', '. ', '“', '”', '—', '-', "'", 'released', 'studies', 'cease-fire', 'K', 'ſ', '\u00a0', '1st', 'Z');

  it('gives the tokens TOKEN gives, for any text and range', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q) as [number, number];
        expect(tokenize(text)).toEqual(tokenizeBefore(text));
        expect(tokenize(text, start, end)).toEqual(tokenizeBefore(text, start, end));
      }),
      { numRuns: 5_000 },
    );
  });

  it('stems as before', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), (pieces) => {
        const word = pieces.join('').toLowerCase();
        expect(stem(word)).toBe(stemBefore(word));
      }),
      { numRuns: 5_000 },
    );
    for (const word of ['released', 'release', 'studies', 'talks', "president's", '12345', '٣٣٣٣٣', 'freed', 'heading']) expect(stem(word)).toBe(stemBefore(word));
  });
});

describe('spellingKey: British and American spellings of one word', () => {
  it.each([
    ['organised', 'organized'],
    ['organisation', 'organization'],
    ['colour', 'color'],
    ['favourite', 'favorite'],
    ['labour', 'labor'],
    ['centre', 'center'],
    ['centred', 'centered'],
    ['theatres', 'theaters'],
    ['travelled', 'traveled'],
    ['cancelling', 'canceling'],
    ['counsellor', 'counselor'],
    ['defence', 'defense'],
    ['licence', 'license'],
    ['catalogue', 'catalog'],
    ['paediatric', 'pediatric'],
    ['analysed', 'analyzed'],
    ['grey', 'gray'],
    ['foetus', 'fetus'],
  ])('%s and %s share a key', (british, american) => {
    expect(spellingKey(british)).toBe(spellingKey(american));
  });

  it.each([
    ['four', 'for'],
    ['filling', 'filing'],
    ['filled', 'filed'],
    ['hours', 'hors'],
    ['your', 'yor'],
    ['sense', 'sence'],
    ['killed', 'died'],
  ])('%s and %s do not', (one, other) => {
    expect(spellingKey(one)).not.toBe(spellingKey(other));
  });
});
