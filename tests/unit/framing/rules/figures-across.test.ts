import { describe, expect, it } from 'vitest';
import { checkComparison } from '../../../../src/shared/contract/validate.js';
import { describeDifference, labelNamer } from '../../../../src/shared/core/describe.js';
import { storyAtAGlance } from '../../../../src/shared/core/glance.js';
import { byRule, compareArticles, listed, spanText } from '../../../support/articles.js';

/**
 * rules/figures-across.ts, on an invented story: two outlets give a figure for the same
 * quantity in passages the alignment keeps apart.
 */
const BRIDGE = [
  'Army sends troops to rebuild Dunwick bridge after floods',
  'The defence ministry sent 5,200 troops to the Dunwick valley on Tuesday to rebuild the collapsed Harrow Bridge and clear debris from the flooded town.',
  'Engineers expect the temporary crossing to open within ten days, said Colonel Petra Lindqvist, who leads the operation from a camp near the old mill.',
  'Shops along the river front remain closed, and the county council has opened two shelters in the school halls for families whose homes were flooded.',
  'The floods followed three days of heavy rain that swelled the Dunwick river to its highest level in a century, the weather office said.',
] as const;

/** The story with some of its paragraphs (by index: 0 is the headline) told otherwise. */
const bridge = (changes: Readonly<Record<number, string>> = {}): string[] => BRIDGE.map((paragraph, i) => changes[i] ?? paragraph);

/** The first paragraph without its figure, as the second outlet tells it. */
const WITHOUT_FIGURE = { 1: BRIDGE[1].replace('5,200 troops', 'soldiers') };
/** The colonel's paragraph with a count of the troops she leads. */
const leads = (count: string): Record<number, string> => ({ ...WITHOUT_FIGURE, 2: BRIDGE[2].replace('leads the operation', `leads the ${count} troops deployed in the valley`) });

describe('figures-across', () => {
  it('reports two figures for one quantity that disagree in different passages, with both spans', () => {
    const comparison = compareArticles({ 'valley-post': bridge(), 'county-herald': bridge(leads('4,800')) });
    const found = byRule(comparison.differences, 'figures-across');
    expect(found.map((d) => d.spans.map((span) => spanText(comparison.documents, span))), listed(comparison.documents, comparison.differences)).toEqual([['5,200', '4,800']]);
    const [difference] = found;
    expect(difference!.kind).toBe('figure');
    expect(describeDifference(difference!, labelNamer(comparison.documents))).toBe('Valley Post gives 5,200 troops; County Herald gives 4,800 troops (in another passage)');
    // Its group is the passage of the first figure; the second stands in another passage.
    const groupOf = (doc: number, start: number): string | undefined =>
      comparison.groups.find((g) => g.members.some((m) => m.doc === doc && m.paragraphs.some((p) => comparison.documents[doc]!.paragraphs[p]!.start <= start && start < comparison.documents[doc]!.paragraphs[p]!.end)))?.id;
    expect(difference!.group).toBe(groupOf(0, difference!.spans[0]!.start));
    expect(difference!.evidence?.figures?.[1]?.group).toBe(groupOf(1, difference!.spans[1]!.start));
    expect(difference!.evidence?.figures?.[1]?.group).not.toBe(difference!.group);
    expect(checkComparison(comparison)).toEqual([]);
    // The story at a glance lists it among the figures that conflict, each figure in its paragraph.
    const conflicts = storyAtAGlance(comparison).figures.filter((conflict) => conflict.difference === comparison.differences.indexOf(difference!));
    expect(conflicts.map((conflict) => conflict.figures.map((figure) => `${figure.doc} ${figure.text} ¶${figure.paragraph}`))).toEqual([['0 5,200 troops ¶1', '1 4,800 troops ¶2']]);
    // The validator still wants its first span in its group, and the other in a passage or a paragraph only its source has.
    const moved = { ...comparison, differences: comparison.differences.map((d) => (d === difference ? { ...d, spans: [d.spans[1]!, d.spans[0]!] } : d)) };
    expect(checkComparison(moved)).toEqual([expect.stringContaining('the first span of a figure across passages is not inside a paragraph of its group')]);
  });

  it('matches a figure in a paragraph only its source has', () => {
    const comparison = compareArticles({
      'valley-post': bridge(),
      'county-herald': [...bridge(WITHOUT_FIGURE), 'Late on Wednesday a convoy of 4,800 troops with lorries and diggers reached the edge of Dunwick valley from the north.'],
    });
    const found = byRule(comparison.differences, 'figures-across');
    expect(found.map((d) => describeDifference(d, labelNamer(comparison.documents))), listed(comparison.documents, comparison.differences)).toEqual([
      'Valley Post gives 5,200 troops; County Herald gives 4,800 troops (in a paragraph only County Herald has)',
    ]);
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('is silent when the figures agree: the same, or "more than" one below the other', () => {
    for (const count of ['5,200', 'more than 5,000', 'about 5,000']) {
      const comparison = compareArticles({ 'valley-post': bridge(), 'county-herald': bridge(leads(count)) });
      expect(byRule(comparison.differences, 'figures-across'), `${count}\n${listed(comparison.documents, comparison.differences)}`).toEqual([]);
    }
  });

  it('reports a bound the other figure breaks: "fewer than 5,000" against 5,200', () => {
    const comparison = compareArticles({ 'valley-post': bridge(), 'county-herald': bridge(leads('fewer than 5,000')) });
    const found = byRule(comparison.differences, 'figures-across');
    expect(found.map((d) => describeDifference(d, labelNamer(comparison.documents)))).toEqual(['Valley Post gives 5,200 troops; County Herald gives fewer than 5,000 troops (in another passage)']);
  });

  it('is silent on figures too far apart to be the same thing, or of another quantity', () => {
    for (const count of ['1,200', '5,200 police officers and']) {
      const comparison = compareArticles({ 'valley-post': bridge(), 'county-herald': bridge(leads(count)) });
      expect(byRule(comparison.differences, 'figures-across'), `${count}\n${listed(comparison.documents, comparison.differences)}`).toEqual([]);
    }
  });

  it('leaves figures in one passage to the passage rule', () => {
    const comparison = compareArticles({ 'valley-post': bridge(), 'county-herald': bridge({ 1: BRIDGE[1].replace('5,200', '4,800') }) });
    expect(byRule(comparison.differences, 'figures').length, listed(comparison.documents, comparison.differences)).toBe(1);
    expect(byRule(comparison.differences, 'figures-across')).toEqual([]);
  });

  it('never sets spans of time, shares or ordinals against each other, and takes “about 2.4 million cubic metres” and “some 2.5 billion litres” for the same figure', () => {
    const comparison = compareArticles({
      'valley-post': bridge({ 3: `${BRIDGE[3]} About 2.4 million cubic metres of water passed the weir in 30 years of records, 40 percent of it this week.` }),
      'county-herald': bridge({ 4: `${BRIDGE[4]} Some 2.5 billion litres passed the weir, the 14 th flood in 25 years of records and 45 percent of the rain.` }),
    });
    expect(byRule(comparison.differences, 'figures-across'), listed(comparison.documents, comparison.differences)).toEqual([]);
  });
});
