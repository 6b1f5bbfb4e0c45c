import { describe, expect, it } from 'vitest';
import type { AlignmentGroup, SourceDocument } from '../../src/shared/contract/comparison.js';
import { alignDocuments, linkPassages } from '../../src/shared/core/align.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';

// Passages that do not chain, headlines set side by side, and links that say why. The articles
// below are written for these tests.

function doc(path: string, paragraphs: string[]): SourceDocument {
  return makeSourceDocument({ path, text: paragraphs.join('\n\n') + '\n' });
}

function groupWith(groups: readonly AlignmentGroup[], documents: readonly SourceDocument[], doc: number, needle: string): AlignmentGroup | undefined {
  const document = documents[doc]!;
  const paragraph = document.paragraphs.findIndex((p) => document.text.slice(p.start, p.end).includes(needle));
  expect(paragraph, needle).toBeGreaterThanOrEqual(0);
  return groups.find((group) => group.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)));
}

const harbour = [
  doc('/t/larkspur-post.txt', [
    'Harbour bridge to close for repairs',
    'The Tessing harbour bridge will close for six weeks from Monday while engineers replace its corroded cables, the port authority said.',
    'Ferry operator Quell Lines said it would add two extra sailings each morning to carry commuters across the bay.',
    'The bridge carries about 40,000 vehicles a day.',
  ]),
  doc('/t/mirren-courier.txt', [
    'Six-week closure for Tessing bridge as cables are replaced',
    'Engineers will replace the corroded cables of the Tessing harbour bridge during a six-week closure starting Monday, according to the port authority.',
    'Quell Lines will run two extra morning ferry sailings across the bay for commuters during the closure.',
    'Shopkeepers on the north shore fear a drop in trade while the bridge is shut.',
  ]),
  doc('/t/osterby-daily.txt', [
    'Commuters face weeks of disruption',
    'North shore shopkeepers warned of falling trade as the port authority confirmed the harbour bridge would shut for six weeks from Monday.',
    'The council will review the parking rules near the ferry terminal next spring.',
  ]),
];

describe('alignDocuments: passages', () => {
  const groups = alignDocuments(harbour);

  it('sets the headlines of sources that tell the same story side by side, whatever their words', () => {
    const headline = groupWith(groups, harbour, 0, 'Harbour bridge to close');
    expect(headline).toBeDefined();
    expect(groupWith(groups, harbour, 1, 'Six-week closure')?.id).toBe(headline!.id);
    expect(groupWith(groups, harbour, 2, 'Commuters face weeks')?.id).toBe(headline!.id);
    const basis = new Set((headline!.sentences ?? []).map((link) => link.basis));
    expect(basis.has('headlines') || basis.has('leads')).toBe(true);
  });

  it('compares the ledes with each other as leads, and a headline with headlines only', () => {
    const lede = groupWith(groups, harbour, 0, 'will close for six weeks from Monday');
    expect(lede).toBeDefined();
    expect(groupWith(groups, harbour, 1, 'Engineers will replace the corroded cables')?.id).toBe(lede!.id);
    const text = (span: { doc: number; start: number; end: number }): string => harbour[span.doc]!.text.slice(span.start, span.end);
    const ledes = (lede!.sentences ?? []).filter((link) => link.spans.every((span) => /six weeks|six-week closure/.test(text(span)) && !/^(Harbour|Six-week|Commuters)/.test(text(span))));
    expect(ledes.length, 'the two ledes are linked').toBeGreaterThan(0);
    expect(ledes.every((link) => link.basis === 'leads')).toBe(true);
    // The headlines' passage holds no lede.
    const headline = groupWith(groups, harbour, 0, 'Harbour bridge to close');
    expect(headline!.id).not.toBe(lede!.id);
  });

  it('groups the ferry paragraphs, and records the words they share', () => {
    const ferry = groupWith(groups, harbour, 0, 'Ferry operator Quell Lines');
    expect(ferry).toBeDefined();
    expect(groupWith(groups, harbour, 1, 'Quell Lines will run')?.id).toBe(ferry!.id);
    const link = (ferry!.sentences ?? []).find((l) => l.basis === 'words');
    expect(link?.terms).toEqual(expect.arrayContaining(['Quell']));
    expect(link!.terms!.length).toBeLessThanOrEqual(6);
  });

  it('leaves what only one source reports in no passage', () => {
    expect(groupWith(groups, harbour, 2, 'parking rules')).toBeUndefined();
    expect(groupWith(groups, harbour, 0, '40,000 vehicles')).toBeUndefined();
  });

  it('does not set the headlines of unrelated texts side by side', () => {
    const unrelated = [
      doc('/t/a.txt', ['Orchard yields rise after mild spring', 'Apple growers in the valley picked a record crop this autumn.']),
      doc('/t/b.txt', ['Chess club wins regional final', 'The under-sixteen team beat three schools to take the cup.']),
    ];
    expect(alignDocuments(unrelated)).toEqual([]);
  });
});

describe('linkPassages', () => {
  const options = { threshold: 0.1, growth: 0.15, maxPerSource: 3, paragraphsPerSource: 2 };

  it('does not chain A~B~C into one passage when A and C have nothing in common', () => {
    // Paragraphs 0, 1, 2 of sources 0, 1, 2: 0~1 and 1~2 are linked, 0 and 2 are not.
    const passages = linkPassages([0, 1, 2], [
      { pa: 0, pb: 1, score: 0.6 },
      { pa: 1, pb: 2, score: 0.5 },
    ], options);
    expect(passages[0]).toBe(passages[1]);
    expect(passages[2]).not.toBe(passages[1]);
  });

  it('joins a third source linked to both', () => {
    const passages = linkPassages([0, 1, 2], [
      { pa: 0, pb: 1, score: 0.6 },
      { pa: 1, pb: 2, score: 0.5 },
      { pa: 0, pb: 2, score: 0.3 },
    ], options);
    expect(new Set(passages).size).toBe(1);
  });

  it('lets one paragraph gather three of another source (packing), but not four', () => {
    // Paragraph 0 of source 0 tells what paragraphs 1-4 of source 1 tell.
    const links = [1, 2, 3, 4].map((p) => ({ pa: 0, pb: p, score: 0.5 - p / 100 }));
    const passages = linkPassages([0, 1, 1, 1, 1], links, options);
    expect(passages.filter((p) => p === passages[0]).length).toBe(4);
    expect(passages[4]).not.toBe(passages[0]);
  });

  it('keeps a passage to about two paragraphs a source', () => {
    // Two sources, three paragraphs each, all linked: at most 2 × 2 + 1 = 5 in one passage.
    const docOf = [0, 0, 0, 1, 1, 1];
    const links = [];
    for (const a of [0, 1, 2]) for (const b of [3, 4, 5]) links.push({ pa: a, pb: b, score: 0.5 });
    const passages = linkPassages(docOf, links, options);
    const largest = Math.max(...[...new Set(passages)].map((id) => passages.filter((p) => p === id).length));
    expect(largest).toBeLessThanOrEqual(5);
  });

  it('does not grow along links weaker than the growth floor', () => {
    expect(new Set(linkPassages([0, 1], [{ pa: 0, pb: 1, score: 0.12 }], options)).size).toBe(2);
  });
});
