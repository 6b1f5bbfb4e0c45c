import { describe, expect, it } from 'vitest';
import { sayingVerbAsNoun, type TokenInText } from '../../../src/shared/core/framing/passage.js';

/** The words of one sentence, split at spaces, as the check reads them; and where `word` stands. */
function words(sentence: string, word: string): [TokenInText[], number] {
  let at = 0;
  const tokens = sentence.split(' ').map((text) => {
    const token = { start: at, end: at + text.length, norm: text.toLowerCase(), isCapitalized: /^\p{Lu}/u.test(text), isNumber: /^\d/.test(text), paragraph: 0 };
    at += text.length + 1;
    return token;
  });
  const index = tokens.findIndex((token) => token.norm === word);
  if (index < 0) throw new Error(`no "${word}" in "${sentence}"`);
  return [tokens, index];
}

const reportsNoOne = (sentence: string, word: string): boolean => sayingVerbAsNoun(...words(sentence, word));

describe('a verb of saying that reports no one', () => {
  it('is a form in -ed after a number, an adjective of what is counted, but not after a year', () => {
    expect(reportsNoOne('one of 99 alleged gang members was released', 'alleged')).toBe(true);
    expect(reportsNoOne('with 34 declared dead by the ministry', 'declared')).toBe(true);
    expect(reportsNoOne('the mayor in 2011 claimed the levy was fair', 'claimed')).toBe(false);
  });

  it('is the passive with a word of manner or time between', () => {
    expect(reportsNoOne('the champion was never threatened in the bout', 'threatened')).toBe(true);
    expect(reportsNoOne('as has been widely reported in the press', 'reported')).toBe(true);
    expect(reportsNoOne('the mayor never threatened to resign', 'threatened')).toBe(false);
  });

  it('is a statement asked for after "to" and a word of manner', () => {
    expect(reportsNoOne('pressed the minister to better explain the rise', 'explain')).toBe(true);
    expect(reportsNoOne('the minister did not explain the rise', 'explain')).toBe(false);
  });

  it('is a plural after a preposition or a determiner and a word of which or how true', () => {
    expect(reportsNoOne('to push back against early reports that the agency had access', 'reports')).toBe(true);
    expect(reportsNoOne('despite recent claims of a deal', 'claims')).toBe(true);
    expect(reportsNoOne('the agency reports that it had no access', 'reports')).toBe(false);
  });

  it('is a participle with its agent after "by" after a noun', () => {
    expect(reportsNoOne('the fare rise announced by the rail board', 'announced')).toBe(true);
    expect(reportsNoOne('the minister announced by phone that fares would rise', 'announced')).toBe(false);
  });
});
