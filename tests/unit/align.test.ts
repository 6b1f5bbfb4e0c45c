import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparison, SourceDocument } from '../../src/shared/contract/comparison.js';
import { alignDocuments } from '../../src/shared/core/align.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { hashText } from '../../src/shared/core/hash.js';
import { paragraphWith, REPO_ROOT, SAMPLES_DIR, seedDocument } from '../support/seeds.js';

interface Expectations {
  together: { why: string; paragraphs: [string, string][] }[];
  apart: { why: string; paragraphs: [[string, string], [string, string]] }[];
  unique: { why: string; paragraph: [string, string] }[];
}
const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/alignment/seeds.expected.json'), 'utf8')) as Expectations;

const numbers = ['000', '001', '002', '003', '004'];
const seeds = numbers.map(seedDocument);

/** Group id of the paragraph of seed `number` that contains `needle`, or undefined. */
function groupOf(comparison: Comparison, number: string, needle: string): string | undefined {
  const doc = comparison.documents.findIndex((document) => document.path === seeds[numbers.indexOf(number)]!.path);
  const paragraph = paragraphWith(comparison.documents[doc]!, needle);
  return comparison.groups.find((group) => group.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)))?.id;
}

/** Groups as sets of paragraph texts: independent of document order, paragraph order and ids. */
function groupsAsText(documents: readonly SourceDocument[], groups: ReturnType<typeof alignDocuments>): string[] {
  return groups
    .map((group) =>
      group.members
        .flatMap((member) => member.paragraphs.map((p) => {
          const document = documents[member.doc]!;
          const paragraph = document.paragraphs[p]!;
          return `${document.path}#${document.text.slice(paragraph.start, paragraph.end)}`;
        }))
        .sort()
        .join(' | '),
    )
    .sort();
}

describe('alignDocuments on the seeds (reviewed expectations)', () => {
  const comparison = compareDocuments(seeds);

  for (const item of expected.together) {
    it(`groups together: ${item.why}`, () => {
      const ids = item.paragraphs.map(([number, needle]) => groupOf(comparison, number, needle));
      expect(ids[0], `${item.paragraphs[0]!.join(' ')} is in no group`).toBeDefined();
      expect(new Set(ids).size, JSON.stringify(item.paragraphs.map((p, i) => [...p, ids[i]]))).toBe(1);
    });
  }

  for (const item of expected.apart) {
    it(`keeps apart: ${item.why}`, () => {
      const [a, b] = item.paragraphs.map(([number, needle]) => groupOf(comparison, number, needle));
      if (a !== undefined) expect(a).not.toBe(b);
    });
  }

  for (const item of expected.unique) {
    it(`reports as unique: ${item.why}`, () => {
      const [number, needle] = item.paragraph;
      expect(groupOf(comparison, number, needle)).toBeUndefined();
      const doc = comparison.documents.findIndex((document) => document.path === seeds[numbers.indexOf(number)]!.path);
      expect(comparison.unique).toContainEqual({ doc, paragraph: paragraphWith(comparison.documents[doc]!, needle) });
    });
  }

  it('groups every body paragraph of 004 with a paragraph of 000', () => {
    const e = 4;
    seeds[e]!.paragraphs.forEach((paragraph, index) => {
      if (paragraph.kind !== 'body') return;
      const group = comparison.groups.find((g) => g.members.some((m) => m.doc === e && m.paragraphs.includes(index)));
      expect(group?.members.some((member) => member.doc === 0), `004 ¶${index + 1}`).toBe(true);
    });
  });

  it('records which sentences matched which, inside the group', () => {
    const id = groupOf(comparison, '004', 'The talks, mediated by the United States')!;
    const group = comparison.groups.find((g) => g.id === id)!;
    const links = group.sentences ?? [];
    const text = (span: { doc: number; start: number; end: number }): string => comparison.documents[span.doc]!.text.slice(span.start, span.end);
    expect(links.some((link) => link.spans.some((span) => text(span).startsWith('“Leave no stone unturned')) && link.spans.some((span) => text(span).includes('urging negotiators')))).toBe(true);
  });
});

describe('alignment properties', () => {
  const baseline = groupsAsText(seeds, alignDocuments(seeds));

  it('does not depend on the order of the documents', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), (order) => {
        const documents = order.map((i) => seeds[i]!);
        expect(groupsAsText(documents, alignDocuments(documents))).toEqual(baseline);
      }),
      { numRuns: 12 },
    );
  });

  it('does not depend on the order of the paragraphs of one document past its lede', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 1_000_000 }), (which, seed) => {
        const original = seeds[which]!;
        const blocks = original.paragraphs.map((paragraph) => ({ text: original.text.slice(paragraph.start, paragraph.end), kind: paragraph.kind }));
        // A seeded shuffle of the paragraphs after the lede (the first body paragraph): a lede leads
        // its story wherever its words are, so it stays first, and what comes before it with it.
        let state = seed;
        const next = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
        const fixed = blocks.findIndex((block) => block.kind === 'body') + 1;
        for (let i = blocks.length - 1; i > fixed; i--) {
          const j = fixed + Math.floor(next() * (i - fixed + 1));
          [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
        }
        // The same paragraphs with the same kinds, in another order (built directly, so that only
        // the order changes and not how the paragraphs are classified).
        let text = '';
        const paragraphs = blocks.map((block) => {
          if (text) text += '\n\n';
          const start = text.length;
          text += block.text;
          return { start, end: text.length, kind: block.kind };
        });
        const shuffled = { ...original, text, paragraphs, hash: hashText(text) };
        const documents = seeds.map((document, i) => (i === which ? shuffled : document));
        expect(groupsAsText(documents, alignDocuments(documents))).toEqual(baseline);
      }),
      { numRuns: 10 },
    );
  });

  it('aligns a document with a copy of itself, every paragraph with its twin', () => {
    for (const original of seeds) {
      const copy = makeSourceDocument({ path: `${original.path}.copy`, text: original.text });
      const groups = alignDocuments([original, copy]);
      original.paragraphs.forEach((paragraph, index) => {
        if (!['title', 'heading', 'body'].includes(paragraph.kind)) return;
        const group = groups.find((g) => g.members.some((m) => m.doc === 0 && m.paragraphs.includes(index)));
        expect(group?.members.find((m) => m.doc === 1)?.paragraphs, `${original.label} ¶${index + 1}`).toContain(index);
      });
    }
  });

  it('gives the same output for the same input', () => {
    expect(JSON.stringify(alignDocuments(seeds))).toBe(JSON.stringify(alignDocuments(seeds)));
  });

  it('links fewer paragraphs the stricter the threshold', () => {
    const linked = (threshold: number): number =>
      alignDocuments(seeds, { threshold }).reduce((sum, group) => sum + group.members.reduce((s, m) => s + m.paragraphs.length, 0), 0);
    const counts = [0.1, 0.25, 0.5, 0.8].map(linked);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[0]).toBeGreaterThan(counts[3]!);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    alignDocuments(seeds, { onProgress: (done) => seen.push(done) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  describe('edge cases', () => {
    it('handles no documents, one document, and documents without article text', () => {
      expect(alignDocuments([])).toEqual([]);
      expect(alignDocuments([seeds[0]!])).toEqual([]);
      const junk = makeSourceDocument({ path: 'junk.txt', text: 'Share this article\n\nLeave a comment' });
      expect(alignDocuments([junk, junk])).toEqual([]);
    });

    it('splits words of unspaced scripts, so Japanese reports align', () => {
      const a = makeSourceDocument({ path: 'a.txt', text: '見出し\n\n東京の港で大きな火事があり、倉庫三棟が焼けた。消防によると、けが人はいない。' });
      const b = makeSourceDocument({ path: 'b.txt', text: '別の見出し\n\n消防によると、東京の港の倉庫三棟が火事で焼けた。けが人はいなかった。' });
      const groups = alignDocuments([a, b]);
      expect(groups.some((group) => group.members.length === 2 && group.members[0]!.paragraphs.includes(1))).toBe(true);
    });

    it('aligns the sample articles the way their README says', () => {
      const documents = ['amberline-wire', 'harlowmere-lantern', 'quillon-dispatch', 'veskin-valley-courier'].map((name) =>
        makeSourceDocument({ path: join(SAMPLES_DIR, `${name}.txt`), text: readFileSync(join(SAMPLES_DIR, `${name}.txt`), 'utf8') }),
      );
      const groups = alignDocuments(documents);
      const full = groups.filter((group) => group.members.length === 4);
      expect(full.length).toBeGreaterThanOrEqual(10);
    });
  });
});
