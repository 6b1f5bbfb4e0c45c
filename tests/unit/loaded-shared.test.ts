import { describe, expect, it } from 'vitest';
import type { Comparison, Difference } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { countDifferences } from '../../src/shared/core/counts.js';
import { describeDifference, labelNamer, withDescriptions } from '../../src/shared/core/describe.js';
import { describeCounts, formatComparison } from '../../src/shared/core/format.js';
import { comparisonReport } from '../../src/shared/notes/export/report.js';
import { alignDocuments } from '../../src/shared/core/align.js';
import { indexLexicon } from '../../src/shared/core/framing/lexicon-index.js';
import { preparePassage } from '../../src/shared/core/framing/passage.js';
import { loadedLanguageDifferences } from '../../src/shared/core/framing/rules/loaded-language.js';
import { contrastCategory, strongestContrasts } from '../../src/shared/core/glance.js';
import { articleDocuments, byRule, compareArticles, ferry, FERRY, listed, spanText } from '../support/articles.js';
import { defaultLexicon } from '../support/seeds.js';

/**
 * A loaded word that every source telling a sentence shares (rule `loaded-word-shared`, in
 * core/framing/rules/loaded-language.ts): no contrast between the sources, but loaded language
 * all the same, marked once for all of them. On the invented ferry story of tests/support/articles.ts.
 */

/** Paragraph 4 of the story, with the councillor's verb as given. */
const councillor = (verb: string): string => `Councillor Brannagh Lott ${verb} the plan for a temporary landing stage near the old boathouse on Monday.`;

const shared = (comparison: Comparison): Difference[] => byRule(comparison.differences, 'loaded-word-shared');
const shown = (comparison: Comparison): string => listed(comparison.documents, comparison.differences);
const blind = (doc: number): string => `Source ${'ABC'[doc]}`;

describe('a loaded word every source shares', () => {
  it('is marked once for three sources whose linked sentences all use it, with a span and a side in each', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: councillor('slammed') }),
      'island-times': ferry({ 4: councillor('slammed') }),
      'carrow-courier': ferry({ 4: councillor('slammed') }),
    });
    const found = shared(comparison);
    expect(found, shown(comparison)).toHaveLength(1);
    const [mark] = found as [Difference];
    expect(mark.kind).toBe('loaded-term');
    expect(mark.spans.map((span) => [span.doc, spanText(comparison.documents, span)])).toEqual([
      [0, 'slammed'],
      [1, 'slammed'],
      [2, 'slammed'],
    ]);
    expect(mark.sides?.map((side) => [side.doc, side.part, side.terms.map((term) => term.text)])).toEqual([
      [0, 'has', ['slammed']],
      [1, 'has', ['slammed']],
      [2, 'has', ['slammed']],
    ]);
    expect(mark.set?.name).toBeTruthy();
    expect(mark.sides?.every((side) => side.terms[0]?.set === mark.set?.id && side.terms[0]?.role === 'charged')).toBe(true);
    // No contrast is claimed, and the comparison is valid.
    expect(byRule(comparison.differences, 'loaded-word'), shown(comparison)).toEqual([]);
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('is one difference from the rule itself, made by the first source and not again by the others', () => {
    // The engine also drops a difference found twice with the same spans: read the rule alone.
    const documents = articleDocuments({
      'pier-post': ferry({ 4: councillor('slammed') }),
      'island-times': ferry({ 4: councillor('slammed') }),
      'carrow-courier': ferry({ 4: councillor('slammed') }),
    });
    const lexicon = indexLexicon(defaultLexicon());
    const found = alignDocuments(documents).flatMap((group) => byRule(loadedLanguageDifferences(preparePassage(documents, group, { lexicon })), 'loaded-word-shared'));
    expect(found.map((d) => d.spans.map((span) => `${span.doc}:${spanText(documents, span)}`)), listed(documents, found)).toEqual([['0:slammed', '1:slammed', '2:slammed']]);
  });

  it('is said naming every source, by label or blind', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: councillor('slammed') }),
      'island-times': ferry({ 4: councillor('slammed') }),
      'carrow-courier': ferry({ 4: councillor('slammed') }),
    });
    const [mark] = shared(comparison) as [Difference];
    const set = mark.set!.name;
    expect(describeDifference(mark, labelNamer(comparison.documents))).toBe(`Pier Post, Island Times and Carrow Courier all write “slammed” (charged) · ${set}`);
    const said = describeDifference(mark, blind);
    expect(said).toBe(`Source A, Source B and Source C all write “slammed” (charged) · ${set}`);
    for (const document of comparison.documents) expect(said).not.toContain(document.label);
  });

  it('with two sources, says both', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 4: councillor('slammed') }), 'island-times': ferry({ 4: councillor('slammed') }) });
    const found = shared(comparison);
    expect(found, shown(comparison)).toHaveLength(1);
    expect(describeDifference(found[0]!, labelNamer(comparison.documents))).toBe(`Pier Post and Island Times both write “slammed” (charged) · ${found[0]!.set!.name}`);
  });

  it('is no shared mark where one source’s matching sentence does without the word: that is the contrast', () => {
    const two = compareArticles({ 'pier-post': ferry({ 4: councillor('slammed') }), 'island-times': ferry({ 4: councillor('criticized') }) });
    expect(shared(two), shown(two)).toEqual([]);
    expect(byRule(two.differences, 'loaded-word').map((d) => d.spans.map((span) => spanText(two.documents, span))), shown(two)).toEqual([['slammed', 'criticized']]);

    const three = compareArticles({
      'pier-post': ferry({ 4: councillor('slammed') }),
      'island-times': ferry({ 4: councillor('slammed') }),
      'carrow-courier': ferry({ 4: councillor('criticized') }),
    });
    expect(shared(three), shown(three)).toEqual([]);
    // The sources that use it are set against the one that does not, in one difference (two
    // writers, then the other side), not one difference per source that uses it.
    const contrasts = byRule(three.differences, 'loaded-word');
    expect(contrasts.map((d) => d.sides?.map((side) => `${side.doc}:${side.terms[0]?.text ?? ''}`)), shown(three)).toEqual([['0:slammed', '1:slammed', '2:criticized']]);
    expect(contrasts[0]?.evidence?.writers).toBe(2);
    expect(contrasts[0]?.spans.map((span) => `${span.doc}:${spanText(three.documents, span)}`)).toEqual(['0:slammed', '1:slammed', '2:criticized']);
    const said = describeDifference(contrasts[0]!, labelNamer(three.documents));
    const [first, second, third] = [0, 1, 2].map((doc) => labelNamer(three.documents)(doc));
    expect(said).toMatch(new RegExp(`^${first} and ${second} write “slammed” \\(.*\\) where ${third} says “criticized”`));
    // …and a comparison with the merged difference is valid by the contract.
    expect(checkComparison(three)).toEqual([]);
  });

  it('is left alone for a plain word, a word of degree, and a judging verb of saying that every source uses', () => {
    for (const [what, change] of [
      ['plain word', { 4: councillor('criticized') }],
      ['word of degree', { 3: FERRY[3].replace('rely on', 'really rely on') }],
      ['judging verb of saying', { 2: FERRY[2].replace('said', 'claimed') }],
    ] as const) {
      const comparison = compareArticles({ 'pier-post': ferry(change), 'island-times': ferry(change), 'carrow-courier': ferry(change) });
      expect(shared(comparison), `${what}: ${shown(comparison)}`).toEqual([]);
    }
  });

  it('is the speaker’s where a source quotes it: a side that quotes, and nothing where every source quotes it', () => {
    const own = 'Harbour master Tamsin Vell said repairs to the shameful pier would take at least two weeks and cost about 40,000 pounds.';
    const quoted = 'Harbour master Tamsin Vell said “repairs to the shameful pier would take at least two weeks” and cost about 40,000 pounds.';
    const mixed = compareArticles({ 'pier-post': ferry({ 2: own }), 'island-times': ferry({ 2: quoted }) });
    const found = shared(mixed);
    expect(found, shown(mixed)).toHaveLength(1);
    expect(found[0]!.sides?.map((side) => `${side.doc}:${side.part}:${side.terms[0]?.text ?? ''}`)).toEqual(['0:has:shameful', '1:quotes:shameful']);
    expect(describeDifference(found[0]!, blind)).toBe(`Source A writes “shameful” (a word that judges); Source B quotes it · ${found[0]!.set!.name}`);
    expect(checkComparison(mixed)).toEqual([]);

    // Scare quotes round it in one source are that source's mark against the other's plain word.
    const held = 'Harbour master Tamsin Vell said repairs to the “shameful pier” would take at least two weeks and cost about 40,000 pounds.';
    const scare = compareArticles({ 'pier-post': ferry({ 2: own }), 'island-times': ferry({ 2: held }) });
    expect(shared(scare), shown(scare)).toEqual([]);
    expect(byRule(scare.differences, 'scare-quotes'), shown(scare)).toHaveLength(1);

    const speaker = '“The pier is a shameful mess,” harbour master Tamsin Vell said, adding that repairs would take at least two weeks and cost about 40,000 pounds.';
    const everyone = compareArticles({ 'pier-post': ferry({ 2: speaker }), 'island-times': ferry({ 2: speaker }) });
    expect(shared(everyone), shown(everyone)).toEqual([]);
  });

  it('counts once in the total and once for each source it marks, alike in every output, and is no contrast at a glance', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 4: councillor('slammed') }),
      'island-times': ferry({ 4: councillor('slammed') }),
      'carrow-courier': ferry({ 4: councillor('slammed') }),
    });
    const [mark] = shared(comparison) as [Difference];
    const loadedTerms = comparison.differences.filter((d) => d.kind === 'loaded-term').length;
    expect(countDifferences(comparison).byKind['loaded-term']).toBe(loadedTerms);
    for (const doc of [0, 1, 2]) {
      expect(countDifferences(comparison, doc).byKind['loaded-term']).toBe(comparison.differences.filter((d) => d.kind === 'loaded-term' && d.spans.some((span) => span.doc === doc)).length);
      expect(comparison.summary!.sources[doc]!.counts['loaded-term']).toBe(countDifferences(comparison, doc).byKind['loaded-term']);
    }
    // The command line's text, its JSON and the HTML report count it and say it in the same words.
    const counts = countDifferences(comparison);
    const said = describeDifference(mark, labelNamer(comparison.documents));
    const text = formatComparison(comparison, { width: 100_000 });
    expect(text.split('\n')[0]).toContain(describeCounts(counts));
    expect(text).toMatch(new RegExp(`^ {4}loaded-term +${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    const json = JSON.parse(JSON.stringify(withDescriptions(comparison))) as Comparison;
    expect(checkComparison(json)).toEqual([]);
    expect(countDifferences(json)).toEqual(counts);
    expect(json.differences.find((d) => d.rule === 'loaded-word-shared')?.description).toBe(said);
    const html = comparisonReport({ id: 'c1', title: 'Ferry', comparison, notes: [] });
    const unescape = (value: string): string => value.replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
    expect(html).toContain(describeCounts(counts));
    expect([...html.matchAll(/<li><strong>[^<]+<\/strong>: ([^<]*)<\/li>/g)].map((m) => unescape(m[1]!))).toContain(said);
    // A shared word is no contrast between the sources: never among the strongest contrasts.
    expect(contrastCategory(mark)).toBeUndefined();
    const index = comparison.differences.indexOf(mark);
    expect(strongestContrasts(comparison, 50).map((contrast) => contrast.difference)).not.toContain(index);
  });
});
