import { describe, expect, it } from 'vitest';
import type { AlignmentGroup } from '../../src/shared/contract/comparison.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { diffMembers } from '../../src/shared/core/wording.js';

/** Three short reports; our own text. */
const docs = [
  makeSourceDocument({ path: '/a.txt', text: 'Harbour deal\n\nThe council approved the harbour deal on Monday after a long debate.' }),
  makeSourceDocument({ path: '/b.txt', text: 'Harbour vote\n\nThe council backed the harbour deal on Monday. Dock workers plan a strike next week.' }),
  makeSourceDocument({ path: '/c.txt', text: 'Strike ahead\n\nDock workers will strike next week over pay, their union said.' }),
];
const span = (doc: number) => ({ doc, start: docs[doc]!.paragraphs[1]!.start, end: docs[doc]!.paragraphs[1]!.end });

function group(links: [number, number][]): AlignmentGroup {
  return {
    id: 'g1',
    score: 0.5,
    members: [0, 1, 2].map((doc) => ({ doc, paragraphs: [1] })),
    sentences: links.map(([x, y]) => ({ score: 0.5, spans: [span(x), span(y)] as [ReturnType<typeof span>, ReturnType<typeof span>] })),
  };
}

const compared = (g: AlignmentGroup): string[] => diffMembers(docs, g).pairs.map((pair) => `${pair.a.doc}-${pair.b.doc}`);

describe('diffMembers', () => {
  it('diffs only the members the alignment linked directly: A–B and B–C, not A–C', () => {
    // A and C share a group only through B (B reports both the vote and the strike).
    expect(compared(group([[0, 1], [1, 2]]))).toEqual(['0-1', '1-2']);
  });

  it('diffs every pair when every pair is linked', () => {
    expect(compared(group([[0, 1], [1, 2], [0, 2]]))).toEqual(['0-1', '0-2', '1-2']);
  });

  it('diffs a member with no link of its own (grouped by identical text) against every other', () => {
    expect(compared(group([[0, 1]]))).toEqual(['0-1', '0-2', '1-2']);
  });

  it('marks changed words as hunks between two linked members', () => {
    const pair = diffMembers(docs, group([[0, 1]])).pairs[0]!;
    const changed = pair.hunks!.flatMap((hunk) => pair.a.tokens.slice(hunk.a0, hunk.a1).map((token) => token.norm));
    expect(changed).toContain('approved');
    expect(changed).not.toContain('council');
  });
});
