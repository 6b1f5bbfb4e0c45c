import { Script } from 'node:vm';

/**
 * Running synchronous work with a time limit in the thread that asks for it, as the command line
 * does (the app runs its comparisons in a worker thread it can end instead: compare-pool.ts).
 *
 * A comparison is one long synchronous computation, so no timer of this thread can stop it. V8 can:
 * a script run by `node:vm` with a `timeout` is stopped by a watchdog thread when the time is up,
 * wherever it is (inside a regular expression or the sentence segmenter too), and the run throws.
 * The work is handed to that script through a global slot, so it runs in this context, on the same
 * objects, at full speed. When it is stopped, nothing it was doing is finished or undone: the
 * caller gives up on its result and says so.
 */

/** The work ran out of time and was stopped; `path` is the file it was reading, when it was reading one. */
export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
  constructor(
    readonly limitMs: number,
    readonly path?: string,
  ) {
    super(`stopped after ${limitMs} ms${path ? ` (${path})` : ''}`);
  }
}

const SLOT = Symbol.for('parallax.timeLimitedWork');
const RUN = new Script(`globalThis[Symbol.for('parallax.timeLimitedWork')]()`, { filename: 'parallax-time-limit.js' });

/**
 * `work()`, stopped with a `TimeLimitError` if it takes longer than `limitMs` (not started at all when
 * that is not above 0). Errors it throws pass through as they are. Not for work that awaits: only its
 * synchronous part is timed.
 */
export function runWithTimeLimit<T>(work: () => T, limitMs: number): T {
  if (!(limitMs > 0)) throw new TimeLimitError(limitMs);
  const holder = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  if (holder[SLOT]) return work(); // Already inside a timed run: the outer limit holds.
  holder[SLOT] = work;
  try {
    return RUN.runInThisContext({ timeout: Math.max(1, Math.ceil(limitMs)) }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(limitMs);
    throw error;
  } finally {
    holder[SLOT] = undefined;
  }
}
