import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../../../src/shared/contract/lexicon.js';
import { checkComparison } from '../../../../src/shared/contract/validate.js';
import { countDifferences } from '../../../../src/shared/core/counts.js';
import { describeDifference, labelNamer } from '../../../../src/shared/core/describe.js';
import { byRule, compareArticles, ferry, FERRY, listed, spanText } from '../../../support/articles.js';
import { defaultLexicon } from '../../../support/seeds.js';

/** rules/loaded-language-alone.ts, on an invented story: loaded words in a paragraph only one source has. */
const CHARGED = 'Councillor Brannagh Lott slammed the ferry operator over the delay, and the operator claimed the pier had been inspected in the spring.';
const PLAIN = 'A brass band from Quillon played on the harbour wall to raise money for the island school.';
const QUOTED = 'Skipper Ennis Dorrow, who has sailed the crossing for thirty years, said: “The whole repair plan is phony, and everyone on the quay knows it.”';

describe('loaded-language-alone', () => {
  it('marks each loaded word of a paragraph only one source has, on its own, outside any group', () => {
    const comparison = compareArticles({ 'pier-post': ferry({}, [CHARGED]), 'island-times': ferry() });
    const all = listed(comparison.documents, comparison.differences);
    const found = byRule(comparison.differences, 'loaded-word-alone');
    expect(found.map((difference) => spanText(comparison.documents, difference.spans[0]!)), all).toEqual(['slammed', 'claimed']);
    for (const difference of found) {
      expect(difference.group).toBe('');
      expect(difference.kind).toBe('loaded-term');
      expect(difference.spans).toHaveLength(1);
      expect(difference.sides).toEqual([{ doc: 0, part: 'has', terms: [expect.objectContaining({ text: spanText(comparison.documents, difference.spans[0]!) })] }]);
      expect(difference.set?.name).toBeTruthy();
    }
    // The words as loaded-language gives them: "slammed" charged, "claimed" a verb of saying that casts doubt.
    expect(found.map((difference) => difference.sides![0]!.terms[0]!.role ?? difference.sides![0]!.terms[0]!.tone)).toEqual(['charged', 'doubt']);
    // Inside the paragraph only pier-post has, which is still one paragraph-one-side.
    const paragraph = byRule(comparison.differences, 'paragraph-one-side');
    expect(paragraph.map((difference) => spanText(comparison.documents, difference.spans[0]!))).toEqual([CHARGED]);
    for (const difference of found) expect(difference.spans[0]!.start).toBeGreaterThanOrEqual(paragraph[0]!.spans[0]!.start);
    // Marked, so counted, and the comparison keeps its contract.
    expect(countDifferences(comparison).byKind['loaded-term']).toBe(2);
    expect(checkComparison(JSON.parse(JSON.stringify(comparison)))).toEqual([]);
  });

  it('leaves a plain paragraph and the paragraphs the sources share to others, and says a quoted loaded word is the speaker’s', () => {
    // "claimed" in a sentence only pier-post tells, inside a passage both give, is loaded-language's.
    const told = `${FERRY[2]} The operator claimed the pier had been inspected in the spring.`;
    const comparison = compareArticles({ 'pier-post': ferry({ 2: told }, [PLAIN, CHARGED, QUOTED]), 'island-times': ferry() });
    const all = listed(comparison.documents, comparison.differences);
    expect(byRule(comparison.differences, 'paragraph-one-side'), all).toHaveLength(3);
    const alone = byRule(comparison.differences, 'loaded-word-alone');
    expect(alone.map((difference) => spanText(comparison.documents, difference.spans[0]!)), all).toEqual(['slammed', 'claimed', 'phony']);
    expect(alone.map((difference) => difference.evidence?.quoted === true)).toEqual([false, false, true]);
    expect(describeDifference(alone[2]!, labelNamer(comparison.documents))).toMatch(/^“phony” \(.+\) is in a quotation in (.+), the speaker's word, in a paragraph only \1 has/);
    const inPassage = byRule(comparison.differences, 'loaded-word');
    expect(inPassage.map((difference) => spanText(comparison.documents, difference.spans[0]!)), all).toEqual(['claimed']);
    expect(inPassage[0]!.group).not.toBe('');
  });

  it('is silent with a lexicon without loaded-language sets, and with a single source', () => {
    const lexicon = defaultLexicon();
    const articles = { 'pier-post': ferry({}, [CHARGED]), 'island-times': ferry() };
    expect(byRule(compareArticles(articles, { lexicon }).differences, 'loaded-word-alone')).toHaveLength(2);
    const withoutLoaded: Lexicon = { ...lexicon, sets: lexicon.sets.filter((set) => set.kind !== 'loaded-term') };
    const plain = compareArticles(articles, { lexicon: withoutLoaded });
    expect(byRule(plain.differences, 'loaded-word-alone'), listed(plain.documents, plain.differences)).toEqual([]);
    const single = compareArticles({ 'pier-post': ferry({}, [CHARGED]) });
    expect(single.unique?.length).toBeGreaterThan(0);
    expect(byRule(single.differences, 'loaded-word-alone')).toEqual([]);
  });

  it('takes a word the articles write as a name inside a sentence for a name at a sentence’s start too', () => {
    // "Stern" judges as an adjective; here it is the skipper's name, which opens the sentence.
    const named = 'Skipper Ola Stern took the last crossing before the storm. Stern said the waves reached the top of the pier.';
    const comparison = compareArticles({ 'pier-post': ferry({}, [named]), 'island-times': ferry() });
    expect(byRule(comparison.differences, 'loaded-word-alone'), listed(comparison.documents, comparison.differences)).toEqual([]);
    // After a title's or an initial's full stop it is a name too, wherever else it is written.
    const titled = compareArticles({ 'pier-post': ferry({}, ['Councillor Mr. Stern said the waves reached the top of the pier, and Ola J. Stern agreed.']), 'island-times': ferry() });
    expect(byRule(titled.differences, 'loaded-word-alone'), listed(titled.documents, titled.differences)).toEqual([]);
    // Written only at a sentence's start, nowhere as a name, it is the word.
    const word = compareArticles({ 'pier-post': ferry({}, ['Stern warnings went out to the island on Friday.']), 'island-times': ferry() });
    expect(byRule(word.differences, 'loaded-word-alone').map((difference) => spanText(word.documents, difference.spans[0]!))).toEqual(['Stern']);
  });

  it('marks a word of degree alone only in the outlet’s words beside a sentence that says the same without it', () => {
    // Inside a quotation it is how people talk; in a paragraph no other source has, there is nothing to set it against.
    const quoted = 'Skipper Ennis Dorrow said: “It was a very rough night, and the repair plan is phony.”';
    const comparison = compareArticles({ 'pier-post': ferry({}, [quoted]), 'island-times': ferry() });
    expect(byRule(comparison.differences, 'loaded-word-alone').map((difference) => spanText(comparison.documents, difference.spans[0]!))).toEqual(['phony']);
    const own = compareArticles({ 'pier-post': ferry({}, ['It was a very rough night on the crossing.']), 'island-times': ferry() });
    expect(byRule(own.differences, 'loaded-word-alone'), listed(own.documents, own.differences)).toEqual([]);
    const beside = compareArticles({ 'pier-post': ferry({ 3: FERRY[3].replace('rely on', 'rely very heavily on') }), 'island-times': ferry() });
    expect(byRule(beside.differences, 'loaded-word').map((difference) => spanText(beside.documents, difference.spans[0]!)), listed(beside.documents, beside.differences)).toContain('very');
  });
});
