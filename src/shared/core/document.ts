import type { SourceDocument } from '../contract/comparison.js';
import { hashText } from './hash.js';
import { segmentText } from './segment.js';

export interface SourceInput {
  readonly path: string;
  readonly text: string;
  readonly label?: string;
  readonly title?: string;
}

/**
 * A short label for a source from its file name: "riverside-ledger.txt" gives "Riverside Ledger".
 * Long hex runs (hashes in scraped file names) are dropped.
 */
export function labelFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const stemName = name.replace(/\.[^.]+$/, '') || name;
  const words = stemName
    .split(/[\s_\-.]+/)
    .filter((word) => word.length > 0 && !/^[0-9a-f]{8,}$/i.test(word))
    .map((word) => (/^\p{Ll}/u.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word));
  return words.length > 0 ? words.join(' ') : stemName;
}

/** Turn a decoded text into a source: its paragraphs and their kinds, a label, a title, a hash. */
export function makeSourceDocument(input: SourceInput): SourceDocument {
  const paragraphs = segmentText(input.text);
  const titleParagraph = paragraphs.find((paragraph) => paragraph.kind === 'title');
  const firstText = paragraphs.find((paragraph) => paragraph.kind !== 'boilerplate');
  const fromText = titleParagraph ?? firstText;
  let title = input.title ?? (fromText ? input.text.slice(fromText.start, fromText.end) : '');
  if (title.length > 160) title = title.slice(0, 157).trimEnd() + '…';
  return {
    path: input.path,
    label: input.label ?? labelFromPath(input.path),
    title,
    text: input.text,
    paragraphs,
    hash: hashText(input.text),
  };
}
