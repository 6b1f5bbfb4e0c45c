import { describe, expect, it } from 'vitest';
import { byRule, compareArticles, ferry, FERRY, listed, spanText } from '../../../support/articles.js';

/** rules/loaded-language.ts, on an invented story (tests/unit/loaded.test.ts has more cases). */
const councillor = (verb: string): string => `Councillor Brannagh Lott ${verb} the plan for a temporary landing stage near the old boathouse on Monday.`;

describe('loaded-language', () => {
  it('marks a charged word where the matching sentence of the other source has the plain one, and names it', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: councillor('slammed') }), 'island-times': ferry({ 4: councillor('criticized') }) });
    const found = byRule(comparison.differences, 'loaded-word');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => `${term.text} (${term.role ?? ''})`).join(''))), listed(comparison.documents, comparison.differences)).toEqual([
      ['slammed (charged)', 'criticized (charged)'],
    ]);
  });

  it('is silent when both use the plain word', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: councillor('criticized') }), 'island-times': ferry({ 4: councillor('criticized') }) });
    expect(comparison.differences.filter((difference) => difference.kind === 'loaded-term'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });

  // A sentence the other source does not tell, inside a passage both give.
  const inspected = (verb: string): string => `${FERRY[2]} The operator ${verb} the pier had been inspected in the spring.`;

  it('marks a verb of saying that judges ("claimed", doubt) in a sentence no other source tells', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 2: inspected('claimed') }), 'island-times': ferry() });
    const found = byRule(comparison.differences, 'loaded-word');
    expect(found.map((difference) => `${spanText(comparison.documents, difference.spans[0]!)} (${difference.sides?.[0]?.terms[0]?.tone ?? ''})`), listed(comparison.documents, comparison.differences)).toEqual(['claimed (doubt)']);
    expect(found[0]!.sides).toHaveLength(1);
  });

  it('leaves a plain verb of saying, one inside a quotation, and one used as a noun (“the claims”) unmarked', () => {
    for (const verb of ['said', 'told reporters', 'wrote that “the inspectors claimed', 'repeated the claims that']) {
      const comparison = compareArticles({ 'pier-post': ferry({ 2: inspected(verb) + (verb.includes('“') ? '”' : '') }), 'island-times': ferry() });
      expect(byRule(comparison.differences, 'loaded-word'), `${verb}: ${listed(comparison.documents, comparison.differences)}`).toEqual([]);
    }
  });

  it('leaves a verb of saying in a sentence both tell to the attribution rules', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 2: FERRY[2].replace('said', 'claimed') }), 'island-times': ferry() });
    expect(byRule(comparison.differences, 'loaded-word'), listed(comparison.documents, comparison.differences)).toEqual([]);
    expect(comparison.differences.filter((d) => d.kind === 'attribution'), listed(comparison.documents, comparison.differences)).toHaveLength(1);
  });
});
