import { COMPARISON_SCHEMA, type Comparison, type Difference, type SourceDocument, type UniqueParagraph } from '../contract/comparison.js';
import type { Lexicon } from '../contract/lexicon.js';
import { ALIGNED_KINDS, alignDocuments, DEFAULT_ALIGN_THRESHOLD } from './align.js';
import { analyzeComparison, analyzeGroup, storyWordsOnce } from './framing/analyze.js';
import type { Figure } from './framing/figures.js';
import { indexLexicon } from './framing/lexicon-index.js';
import { summarize } from './framing/summary.js';

export interface CompareOptions {
  /** Alignment strictness, from 0 (loose) to 1 (strict). */
  readonly threshold?: number;
  /** The most word edits one pair of aligned paragraphs may need before it is shown coarsely. */
  readonly diffMaxEditLength?: number;
  /** A safety net: the longest time one pair may be word-diffed, in milliseconds. */
  readonly diffTimeoutMs?: number;
  /** The word sets that classify differences (attribution, loaded terms, hedges, labels). */
  readonly lexicon?: Lexicon;
  /** Called now and then with the share of the work done, from 0 to 1. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Compare several sources: group the paragraphs that report the same thing, classify how the
 * members of each group differ, list what only one source reports, and sum it up per source and
 * per figure. Pure and deterministic: the same input always gives the same output.
 */
export function compareDocuments(documents: readonly SourceDocument[], options: CompareOptions = {}): Comparison {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const progress = options.onProgress ?? (() => {});
  const lexicon = indexLexicon(options.lexicon);
  const groups = alignDocuments(documents, { threshold, onProgress: (done) => progress(done * 0.6) });

  const differences: Difference[] = [];
  const figuresByGroup = new Map<string, readonly Figure[]>();
  groups.forEach((group, i) => {
    progress(0.6 + (0.35 * i) / Math.max(1, groups.length));
    const analysis = analyzeGroup(documents, group, { lexicon, timeoutMs: options.diffTimeoutMs, maxEditLength: options.diffMaxEditLength });
    differences.push(...analysis.differences);
    figuresByGroup.set(group.id, analysis.figures);
  });

  const grouped = new Set(groups.flatMap((group) => group.members.flatMap((member) => member.paragraphs.map((p) => `${member.doc}:${p}`))));
  const unique: UniqueParagraph[] = [];
  documents.forEach((document, doc) =>
    document.paragraphs.forEach((paragraph, index) => {
      if (ALIGNED_KINDS.has(paragraph.kind) && !grouped.has(`${doc}:${index}`)) unique.push({ doc, paragraph: index });
    }),
  );
  differences.push(...analyzeComparison(documents, unique, undefined, groups, differences, lexicon));
  const told = storyWordsOnce(documents, differences);
  const coarse = told.filter((difference) => difference.tooLong).length;
  const notices = coarse > 0 ? [`${coarse} pair${coarse === 1 ? ' was' : 's were'} too long or too different to compare word by word in time, and each is shown as one difference.`] : [];
  const summary = summarize(documents, groups, told, unique, figuresByGroup, lexicon);
  progress(1);
  return { schema: COMPARISON_SCHEMA, documents, groups, differences: told, unique, threshold, notices, summary };
}
