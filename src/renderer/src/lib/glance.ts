import type { Comparison } from '../../../shared/contract/comparison';
import type { ComparisonParts } from '../../../shared/contract/comparison-wire';
import { storyAtAGlance, type Glance } from '../../../shared/core/glance';
import { pauseEvery } from './tasks';

/**
 * The story at a glance of each comparison, worked out once. A long one is worked out in a worker
 * (workers/glance.ts) from the parts it came in, as soon as it arrives, while the page puts it on
 * screen; anything else here, when first asked for (a few milliseconds).
 */
const glances = new WeakMap<Comparison, Glance | Promise<Glance>>();

/**
 * A comparison this long as JSON (characters) or longer has its glance worked out in a worker: some
 * 60,000 words of sources, whose glance takes tens of milliseconds or more to work out. The bundled
 * sample is a fifth of that.
 */
const GLANCE_IN_WORKER_FROM = 1_000_000;

/** Start working out the glance of a comparison that came in `parts`, in a worker if it is long. */
export function glanceInBackground(comparison: Comparison, parts: ComparisonParts): void {
  const size = parts.parts.reduce((total, part) => total + part.json.length, parts.head.length);
  if (size < GLANCE_IN_WORKER_FROM || glances.has(comparison) || typeof Worker === 'undefined') return;
  const working = inWorker(parts)
    // Where no worker can run, here after all, as before.
    .catch(() => storyAtAGlance(comparison))
    .then((glance) => {
      glances.set(comparison, glance);
      return glance;
    });
  glances.set(comparison, working);
}

/** The glance of a comparison: at once when it is known (or quick to work out), else a promise of it. */
export function glanceOf(comparison: Comparison): Glance | Promise<Glance> {
  const known = glances.get(comparison);
  if (known) return known;
  const glance = storyAtAGlance(comparison);
  glances.set(comparison, glance);
  return glance;
}

async function inWorker(parts: ComparisonParts): Promise<Glance> {
  const worker = new Worker(new URL('../workers/glance.ts', import.meta.url));
  const answer = new Promise<Glance>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; glance: Glance } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.glance);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      reject(new Error(event.message || 'The glance worker failed.'));
    };
  });
  // The parts go over a few at a time (each message is a copy of its strings), then the head,
  // which tells the worker it has them all.
  const pause = pauseEvery();
  for (const part of parts.parts) {
    worker.postMessage({ part });
    await pause();
  }
  worker.postMessage({ head: parts.head });
  return answer;
}
