import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/shared/contract/lexicon.js';
import { findTerms, indexLexicon, inflectionKey, termTextOf } from '../../src/shared/core/framing/lexicon-index.js';
import { tokenize } from '../../src/shared/core/text.js';
import { defaultLexicon } from '../support/seeds.js';

const termsIn = (text: string): string[] => {
  const index = indexLexicon(defaultLexicon());
  const tokens = tokenize(text);
  return findTerms(index, termTextOf(text, tokens)).map((match) => `${match.term.setId}:${text.slice(tokens[match.from]!.start, tokens[match.to - 1]!.end)}`);
};

describe('inflectionKey', () => {
  it('folds inflections but keeps derivations and short stems apart', () => {
    expect(inflectionKey('claimed')).toBe(inflectionKey('claims'));
    expect(inflectionKey('countries')).toBe(inflectionKey('country'));
    expect(inflectionKey('released')).toBe(inflectionKey('release'));
    expect(inflectionKey('reportedly')).not.toBe(inflectionKey('reported'));
    expect(inflectionKey('allegedly')).not.toBe(inflectionKey('alleged'));
    expect(inflectionKey('noted')).not.toBe(inflectionKey('not'));
    expect(inflectionKey('Farmers’')).toBe(inflectionKey('farmer'));
  });
});

describe('findTerms with the default lexicon', () => {
  it('finds reporting verbs, hedges and multi-word terms with a gap', () => {
    expect(termsIn('The ministry claimed that the figures may be wrong.')).toEqual(['reporting-verbs:claimed', 'hedges:may']);
    expect(termsIn('The conflict has claimed over 46,500 lives.')).toEqual(['the-fighting:conflict', 'deaths:claimed over 46,500 lives']);
    expect(termsIn('According to the health ministry, 12 people lost their lives.')).toEqual(['sourcing:According to', 'deaths:lost their lives']);
  });

  describe('edge cases', () => {
    it('never reads a name, or "not", as a term', () => {
      expect(termsIn('Pressure from the United States grew, and talks did not stop.')).toEqual([]);
    });

    it('prefers the exact word among terms as long: "the suspect" is a noun, "suspected" a hedge', () => {
      expect(termsIn('Police said the suspect fled.')).toEqual(['reporting-verbs:said', 'suspects:suspect']);
      expect(termsIn('A suspected leak was found.')).toEqual(['hedges:suspected']);
    });

    it('refuses a lexicon that does not fit its schema, with the reason', () => {
      const parsed = parseLexicon({ schema: 'parallax.lexicon/1', name: 'x', sets: [{ id: 'Bad Id', name: 'n', kind: 'loaded-term', domain: 'd', terms: [] }] });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.join(' ')).toMatch(/sets\.0\.(id|terms)/);
    });
  });
});
