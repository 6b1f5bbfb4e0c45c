import { COMPARISON_SCHEMA, type Comparison, type SourceDocument } from '../contract/comparison.js';
import { alignDocuments } from './align.js';
import { wordingDifferences } from './wording.js';

export interface CompareOptions {
  /** Alignment strictness, from 0 (loose) to 1 (strict). */
  readonly threshold?: number;
  /** Longest time one pair of aligned paragraphs may be word-diffed, in milliseconds. */
  readonly diffTimeoutMs?: number;
}

/**
 * Compare several sources: group the paragraphs that report the same thing and find the words that
 * differ inside each group. Pure and deterministic: the same input always gives the same output.
 */
export function compareDocuments(documents: readonly SourceDocument[], options: CompareOptions = {}): Comparison {
  const groups = alignDocuments(documents, { threshold: options.threshold });
  const differences = groups.flatMap((group) => wordingDifferences(documents, group, { timeoutMs: options.diffTimeoutMs }));
  return { schema: COMPARISON_SCHEMA, documents, groups, differences };
}
