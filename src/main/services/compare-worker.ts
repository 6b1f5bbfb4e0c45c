import { parentPort } from 'node:worker_threads';
import { compareDocuments } from '../../shared/core/compare.js';
import { progressThrottle, type CompareWorkerReply, type CompareWorkerRequest } from './compare-protocol.js';

/**
 * The comparison worker (built as out/main/compare-worker.js): works out one comparison off the
 * main thread, posting how far it has got now and then (at most about ten times a second) and then
 * the comparison. `compare-pool.ts` starts one per comparison and ends it when it answers, when the
 * person cancels, or when it takes too long.
 */
parentPort?.once('message', (request: CompareWorkerRequest) => {
  const post = (reply: CompareWorkerReply): void => parentPort?.postMessage(reply);
  try {
    const onProgress = progressThrottle((done) => post({ type: 'progress', done }));
    const comparison = compareDocuments(request.documents, { ...request.options, onProgress });
    post({ type: 'result', comparison });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
