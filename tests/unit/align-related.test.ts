import { describe, expect, it } from 'vitest';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { alignDocuments, RELATED_LINK } from '../../src/shared/core/align.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { formatComparison } from '../../src/shared/core/format.js';
import { toldElsewhere } from '../../src/shared/core/related.js';
import { ferriesStory } from '../support/ferries.js';

// Related links: a paragraph belongs to one passage, but may tell two events; a passage says where
// else it is told. The story (tests/support/ferries.ts) is written for these tests.

const documents = ferriesStory();

const paragraphOf = (needle: string): [number, number] => {
  for (const [d, document] of documents.entries()) {
    const p = document.paragraphs.findIndex((paragraph) => document.text.slice(paragraph.start, paragraph.end).includes(needle));
    if (p >= 0) return [d, p];
  }
  throw new Error(needle);
};

describe('alignDocuments: related links across passages', () => {
  const groups = alignDocuments(documents);
  const groupOf = (needle: string) => {
    const [d, p] = paragraphOf(needle);
    return groups.find((group) => group.members.some((member) => member.doc === d && member.paragraphs.includes(p)));
  };

  it('links a paragraph that tells two events to the passage of the event it was not grouped with', () => {
    const packed = groupOf('Quell Lines will add extra ferry sailings');
    expect(packed, 'the paragraph that tells both is in a passage').toBeDefined();
    // The other event's passage: the bridge's closure, or the ferries, whichever the paragraph is not in.
    const other = [groupOf('during a six-week closure starting Monday'), groupOf('will run two extra morning ferry sailings')].find((group) => group && group.id !== packed!.id);
    expect(other, 'the other event is a passage of its own').toBeDefined();
    const [d, p] = paragraphOf('Quell Lines will add extra ferry sailings');
    const paragraph = documents[d]!.paragraphs[p]!;
    const inPacked = (span: { doc: number; start: number }): boolean => span.doc === d && span.start >= paragraph.start && span.start < paragraph.end;
    // The other passage (the ferries, which larkspur-post tells in one sentence of its lede) says
    // that larkspur-post tells it too, in that sentence…
    const toPacked = (other!.related ?? []).filter((link) => link.spans.some(inPacked));
    const text = (span: { doc: number; start: number; end: number }): string => documents[span.doc]!.text.slice(span.start, span.end);
    expect(new Set(toPacked.map((link) => text(link.spans.find(inPacked)!)))).toEqual(new Set(['Quell Lines will add extra ferry sailings.']));
    for (const link of other!.related ?? []) {
      expect(link.score).toBeGreaterThanOrEqual(RELATED_LINK);
      expect(link.terms?.length).toBeGreaterThan(0);
    }
    // …and the passage the paragraph is in says the same from its side.
    expect((packed!.related ?? []).some((link) => toPacked.some((mine) => JSON.stringify(mine.spans) === JSON.stringify(link.spans)))).toBe(true);
  });

  it('keeps the contract: one end of each related link inside its passage, the other outside', () => {
    const comparison = compareDocuments(documents);
    expect(comparison.groups.some((group) => (group.related ?? []).length > 0)).toBe(true);
    expect(checkComparison(JSON.parse(JSON.stringify(comparison)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(comparison));
    const group = broken.groups.find((g: { related?: unknown[] }) => (g.related ?? []).length > 0);
    group.related = [{ ...group.related[0], spans: group.sentences[0].spans }];
    expect(checkComparison(broken).join(' ')).toMatch(/related link 0 does not join a sentence of the group to one outside it/);
  });

  it('points to where a source with no paragraph in a passage mentions its event, in the text output too', () => {
    const comparison = compareDocuments(documents);
    const [d, p] = paragraphOf('Quell Lines will add extra ferry sailings');
    const ferries = comparison.groups.find((group) => !group.members.some((member) => member.doc === d) && (group.related ?? []).length > 0)!;
    expect(ferries, 'a passage larkspur-post has no paragraph in, told in its lede').toBeDefined();
    const places = toldElsewhere(comparison, ferries, { absentOnly: true });
    const home = comparison.groups.find((group) => group.members.some((member) => member.doc === d && member.paragraphs.includes(p)))!;
    expect(places.map((place) => [place.doc, place.paragraph, place.group])).toEqual([[d, p, home.id]]);
    expect(documents[d]!.text.slice(places[0]!.span.start, places[0]!.span.end)).toBe('Quell Lines will add extra ferry sailings.');
    // Every source is in the headlines' passage: nothing is told elsewhere by a source absent from it.
    expect(toldElsewhere(comparison, comparison.groups[0]!, { absentOnly: true })).toEqual([]);
    // The same event, not the same facts: it still leaves the passage's report out.
    expect(comparison.summary?.sources[d]?.omits).toContain(ferries.id);
    const text = formatComparison(comparison, { width: 200 });
    const section = text.slice(text.indexOf(`Group ${ferries.id.slice(1)} `));
    expect(section.slice(0, section.indexOf('\n\n'))).toMatch(new RegExp(`A ¶${p + 1} +mentions it elsewhere \\(group ${home.id.slice(1)}\\): Quell Lines will add extra ferry sailings\\.`));
  });
});

