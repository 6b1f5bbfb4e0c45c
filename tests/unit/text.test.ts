import { describe, expect, it } from 'vitest';
import { foldWord, stem, tokenize } from '../../src/shared/core/text.js';
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
