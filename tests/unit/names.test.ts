import { describe, expect, it } from 'vitest';
import { sameName } from '../../src/shared/core/framing/names.js';

const words = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

describe('sameName', () => {
  it('takes abbreviations, titles and full stops for one name', () => {
    expect(sameName(words('Wis.'), words('Wisconsin'))).toBe(true);
    expect(sameName(words('U.S.'), words('United States'))).toBe(true);
    expect(sameName(words('G.O.P.'), words('GOP'))).toBe(true);
    expect(sameName(words('Mr. Trump'), words('President Trump'))).toBe(true);
    expect(sameName(words('Trump'), words('Donald Trump'))).toBe(true);
    expect(sameName(words('ATF'), words('Alcohol, Tobacco, Firearms and Explosives'))).toBe(true);
  });

  it('keeps different names and words that are not names apart', () => {
    expect(sameName(words('Trump'), words('Biden'))).toBe(false);
    expect(sameName(words('William'), words('Mo'))).toBe(false);
    expect(sameName(words('the company'), words('Wal-Mart'))).toBe(false);
    expect(sameName(words('said'), words('claimed'))).toBe(false);
    expect(sameName([], [])).toBe(false);
  });
});
