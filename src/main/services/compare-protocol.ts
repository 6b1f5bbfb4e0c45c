import type { Comparison, SourceDocument } from '../../shared/contract/comparison.js';
import type { Lexicon } from '../../shared/contract/lexicon.js';

/** What the comparison worker is sent, and what it answers (see compare-worker.ts). */

/**
 * How long one comparison may take: the app's worker is ended then (compare-pool.ts), and so are
 * `parallax batch`'s, and `parallax compare` stops its own reading and comparing at the same limit.
 */
export const COMPARE_TIME_LIMIT_MS = 120_000;
/** How much memory a comparison worker's JavaScript heap may use. */
export const COMPARE_MEMORY_LIMIT_MB = 2048;

/** The options of `compareDocuments` that can cross to a worker (no functions). */
export interface ComparisonSettings {
  readonly threshold?: number;
  readonly lexicon?: Lexicon;
  readonly diffTimeoutMs?: number;
}

export interface CompareWorkerRequest {
  readonly documents: readonly SourceDocument[];
  readonly options: ComparisonSettings;
}

export type CompareWorkerReply =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'result'; readonly comparison: Comparison }
  | { readonly type: 'error'; readonly message: string };

/** The least time between two progress reports: about ten a second at most. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Wrap a progress listener so that it hears only rising values, at most once per
 * `PROGRESS_INTERVAL_MS`, and always hears the end (1).
 */
export function progressThrottle(report: (done: number) => void, now: () => number = () => performance.now()): (done: number) => void {
  let last = -Infinity;
  let highest = 0;
  return (done) => {
    const value = Math.min(1, Math.max(0, done));
    if (value <= highest && value < 1) return;
    if (value < 1 && now() - last < PROGRESS_INTERVAL_MS) return;
    if (value === 1 && highest === 1) return;
    highest = value;
    last = now();
    report(value);
  };
}
