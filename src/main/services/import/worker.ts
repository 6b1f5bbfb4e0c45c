import { parentPort } from 'node:worker_threads';
import { parseDocument, type ImportRequest } from './parse.js';

/**
 * The import worker (built as out/main/import-worker.js): reads one document off the main thread
 * and posts back its blocks and metadata, or a problem. `pool.ts` starts one per file, with a time
 * and memory limit, and ends it when it answers or takes too long.
 */
parentPort?.once('message', (request: ImportRequest) => {
  void parseDocument(request).then((result) => parentPort?.postMessage(result));
});
