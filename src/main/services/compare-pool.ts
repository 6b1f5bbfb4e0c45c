import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ComparisonProgress } from '../../shared/contract/api.js';
import type { Comparison, SourceDocument } from '../../shared/contract/comparison.js';
import { builtWorkerUrl, runsFromSource } from './built-worker.js';
import { COMPARE_MEMORY_LIMIT_MB, COMPARE_TIME_LIMIT_MS, progressThrottle, type CompareWorkerReply, type ComparisonSettings } from './compare-protocol.js';
import { UserFacingError } from './dispatch.js';

/**
 * Working out a comparison off the main thread: one worker thread per comparison, which reports
 * how far it has got, can be cancelled (the thread is ended at once), and is ended after a time
 * limit. When this code runs from its TypeScript source (tests), there is no built worker, and the
 * comparison runs in this thread instead (progress is still reported; cancelling takes effect
 * when it finishes).
 */

export type { ComparisonSettings } from './compare-protocol.js';

/** The limits of one comparison (in compare-protocol.ts, so that the command line has them without the pool). */
export { COMPARE_MEMORY_LIMIT_MB, COMPARE_TIME_LIMIT_MS } from './compare-protocol.js';

/** The comparison was stopped: by the person, or by a newer request. Nothing went wrong. */
export class CancelledError extends UserFacingError {
  constructor() {
    super('The comparison was cancelled.', 'cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * One comparison at a time (one window, one comparison on its way): `begin` cancels the one under
 * way, if any, and gives the signal for the new one; `cancel` stops the one under way.
 */
export class ComparisonSlot {
  private current: AbortController | null = null;

  /** Cancel the comparison under way and start a new one; call `end` with its signal when it is done. */
  begin(): AbortSignal {
    this.current?.abort();
    this.current = new AbortController();
    return this.current.signal;
  }

  end(signal: AbortSignal): void {
    if (this.current?.signal === signal) this.current = null;
  }

  /** Stop the comparison under way; false when there was none. */
  cancel(): boolean {
    const current = this.current;
    this.current = null;
    if (!current || current.signal.aborted) return false;
    current.abort();
    return true;
  }

  /** Run `work` in the slot: the comparison under way is cancelled, and `work` gets the signal. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = this.begin();
    try {
      return await work(signal);
    } finally {
      this.end(signal);
    }
  }
}

export interface ComparisonRunOptions {
  readonly onProgress?: (progress: ComparisonProgress) => void;
  readonly signal?: AbortSignal;
  /** The worker script; default `compare-worker.js` beside the built bundle (or in-process from source). */
  readonly worker?: URL | 'in-process';
  readonly timeoutMs?: number;
}

/** Where the built worker is: out/main/compare-worker.js. */
export const builtCompareWorkerUrl = (): URL | undefined => builtWorkerUrl('compare-worker');

/** The stage of the work at a share done, in words (alignment is the first 60% of the work). */
export function stageAt(done: number): string {
  if (done >= 1) return 'Done';
  if (done < 0.6) return 'Lining up paragraphs';
  if (done < 0.95) return 'Comparing the wording';
  return 'Summing up';
}

/** Work out the comparison of `documents`, off the main thread when the built worker is there. */
export async function runComparison(
  documents: readonly SourceDocument[],
  settings: ComparisonSettings,
  options: ComparisonRunOptions = {},
): Promise<Comparison> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  const report = (done: number): void => {
    if (!signal?.aborted) options.onProgress?.({ done, stage: stageAt(done) });
  };
  let worker = options.worker ?? builtCompareWorkerUrl();
  if (!worker) {
    if (runsFromSource()) worker = 'in-process';
    else {
      throw new UserFacingError(
        `Parallax cannot compare the sources: its comparison worker (compare-worker.js) is missing beside ${fileURLToPath(import.meta.url)}. Reinstall Parallax.`,
        'failed',
      );
    }
  }
  if (worker === 'in-process') return runInProcess(documents, settings, report, signal);
  return runWorker(worker, documents, settings, report, signal, options.timeoutMs ?? COMPARE_TIME_LIMIT_MS);
}

async function runInProcess(
  documents: readonly SourceDocument[],
  settings: ComparisonSettings,
  report: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<Comparison> {
  const { compareDocuments } = await import('../../shared/core/compare.js');
  // Let a cancel or a newer request that is already queued be heard first.
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new CancelledError();
  const comparison = compareDocuments(documents, { ...settings, onProgress: progressThrottle(report) });
  if (signal?.aborted) throw new CancelledError();
  return comparison;
}

function runWorker(
  url: URL,
  documents: readonly SourceDocument[],
  settings: ComparisonSettings,
  report: (done: number) => void,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Comparison> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const thread = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: COMPARE_MEMORY_LIMIT_MB } });
    const finish = (outcome: { comparison: Comparison } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void thread.terminate();
      if ('comparison' in outcome) resolve(outcome.comparison);
      else reject(outcome.error);
    };
    const onAbort = (): void => finish({ error: new CancelledError() });
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        finish({
          error: new UserFacingError(
            `Comparing these sources took longer than ${Math.round(timeoutMs / 1000)} seconds, so Parallax stopped. Compare fewer or shorter sources, or mark page furniture as junk, and try again.`,
            'failed',
          ),
        }),
      timeoutMs,
    );
    thread.on('message', (reply: CompareWorkerReply) => {
      if (reply.type === 'progress') report(reply.done);
      else if (reply.type === 'result') finish({ comparison: reply.comparison });
      else finish({ error: new UserFacingError(`The sources could not be compared (${reply.message}). Please report this with the files.`, 'failed') });
    });
    thread.on('error', (error: Error & { code?: string }) =>
      finish({
        error: new UserFacingError(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `These sources are too large to compare together (it needed more than ${COMPARE_MEMORY_LIMIT_MB} MB of memory). Compare fewer or shorter sources.`
            : `The sources could not be compared (${error.message}). Please report this with the files.`,
          'failed',
        ),
      }),
    );
    thread.on('exit', () => finish({ error: new UserFacingError('The sources could not be compared: the comparison stopped without an answer. Please report this with the files.', 'failed') }));
    thread.postMessage({ documents, options: settings });
  });
}
