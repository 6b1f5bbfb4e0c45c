import type { SourceDocument } from '../../src/shared/contract/comparison';

/** A source made of paragraphs of our own words: the first a title, the rest body. For renderer tests. */
export function source(label: string, paragraphs: readonly string[]): SourceDocument {
  let text = '';
  const blocks = paragraphs.map((paragraph, i) => {
    const start = text.length;
    text += `${paragraph}\n\n`;
    return { start, end: start + paragraph.length, kind: i === 0 ? ('title' as const) : ('body' as const) };
  });
  return { path: `/x/${label}.txt`, label, title: paragraphs[0] ?? label, text, paragraphs: blocks, hash: label };
}
