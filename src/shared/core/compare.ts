import { COMPARISON_SCHEMA, type Comparison, type SourceDocument, type UniqueParagraph } from '../contract/comparison.js';
import { ALIGNED_KINDS, alignDocuments, DEFAULT_ALIGN_THRESHOLD } from './align.js';
import { wordingDifferences } from './wording.js';

export interface CompareOptions {
  /** Alignment strictness, from 0 (loose) to 1 (strict). */
  readonly threshold?: number;
  /** Longest time one pair of aligned paragraphs may be word-diffed, in milliseconds. */
  readonly diffTimeoutMs?: number;
  /** Called now and then with the share of the work done, from 0 to 1. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Compare several sources: group the paragraphs that report the same thing and find the words that
 * differ inside each group. Pure and deterministic: the same input always gives the same output.
 */
export function compareDocuments(documents: readonly SourceDocument[], options: CompareOptions = {}): Comparison {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const progress = options.onProgress ?? (() => {});
  const groups = alignDocuments(documents, { threshold, onProgress: (done) => progress(done * 0.7) });
  const differences = groups.flatMap((group, i) => {
    progress(0.7 + (0.3 * i) / Math.max(1, groups.length));
    return wordingDifferences(documents, group, { timeoutMs: options.diffTimeoutMs });
  });
  const grouped = new Set(groups.flatMap((group) => group.members.flatMap((member) => member.paragraphs.map((p) => `${member.doc}:${p}`))));
  const unique: UniqueParagraph[] = [];
  documents.forEach((document, doc) =>
    document.paragraphs.forEach((paragraph, index) => {
      if (ALIGNED_KINDS.has(paragraph.kind) && !grouped.has(`${doc}:${index}`)) unique.push({ doc, paragraph: index });
    }),
  );
  const coarse = differences.filter((difference) => difference.note?.startsWith('Too different')).length;
  const notices = coarse > 0 ? [`${coarse} pair${coarse === 1 ? ' was' : 's were'} too long or too different to compare word by word in time, and each is shown as one difference.`] : [];
  progress(1);
  return { schema: COMPARISON_SCHEMA, documents, groups, differences, unique, threshold, notices };
}
