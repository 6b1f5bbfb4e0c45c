import { fileURLToPath } from 'node:url';
import type { Worker as WorkerThread } from 'node:worker_threads';
import { builtWorkerUrl, runsFromSource } from '../built-worker.js';
import { displayName } from './problem.js';
import type { ImportRequest, ImportResult } from './parse.js';

/**
 * Running the import worker: one worker thread per document, a time limit after which the worker
 * is ended, a memory limit, and at most two documents read at once. A worker that fails, runs out
 * of memory or takes too long gives a problem for that file; nothing here throws.
 */

/** How long one document may take to read. */
export const IMPORT_TIME_LIMIT_MS = 20_000;
/**
 * How much memory the worker's JavaScript heap may use. Buffers (a Word file's unpacked parts) are
 * outside it: docx-archive.ts keeps those within its own limit before anything is unpacked.
 */
export const IMPORT_MEMORY_LIMIT_MB = 1024;
/** The worker's young generation and stack: the defaults, written down so they stay bounded. */
const IMPORT_YOUNG_GENERATION_MB = 64;
const IMPORT_STACK_MB = 4;
/** Documents read at the same time. */
const MAX_RUNNING = 2;

export interface ImportRunOptions {
  /**
   * The worker script. Default: `import-worker.js` beside the built bundle (out/main). When this
   * code runs from its TypeScript source (tests), there is no built worker beside it, and the
   * default is `'in-process'`: the same parser, called in this thread, without the time limit.
   */
  readonly worker?: URL | 'in-process';
  readonly timeoutMs?: number;
}

/** Where the built worker is: out/main/import-worker.js. */
export const builtImportWorkerUrl = (): URL | undefined => builtWorkerUrl('import-worker');

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function tookTooLong(path: string, ms: number): ImportResult {
  return {
    ok: false,
    message: `"${displayName(path)}" took too long to read (more than ${Math.round(ms / 1000)} seconds), so Parallax stopped. Save only the article (as text, or a shorter PDF) and open that.`,
  };
}

/** Read one structured document (a web page, Markdown, a Word file, a PDF) off the main thread. */
export async function importDocument(request: ImportRequest, options: ImportRunOptions = {}): Promise<ImportResult> {
  const timeoutMs = options.timeoutMs ?? IMPORT_TIME_LIMIT_MS;
  let worker = options.worker ?? builtImportWorkerUrl();
  if (!worker) {
    if (runsFromSource()) worker = 'in-process';
    else {
      return {
        ok: false,
        message: `Parallax cannot read "${displayName(request.path)}": its document reader (import-worker.js) is missing beside ${fileURLToPath(import.meta.url)}. Reinstall Parallax.`,
      };
    }
  }
  if (worker === 'in-process') {
    const { parseDocument } = await import('./parse.js');
    return parseDocument(request);
  }
  const workerUrl = worker;
  // Taken here, when a document needs a reader, not imported with the module: `parallax compare` on
  // text files never starts a worker, and loading Node's worker_threads cost it about 2 ms (issue 13).
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  return slot(() => runWorker(Worker, workerUrl, request, timeoutMs));
}

function runWorker(Worker: typeof WorkerThread, url: URL, request: ImportRequest, timeoutMs: number): Promise<ImportResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ImportResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
      resolve(result);
    };
    const thread = new Worker(url, {
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_MEMORY_LIMIT_MB, maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB, stackSizeMb: IMPORT_STACK_MB },
    });
    const timer = setTimeout(() => finish(tookTooLong(request.path, timeoutMs)), timeoutMs);
    thread.on('message', (result: ImportResult) => finish(result));
    thread.on('error', (error: Error & { code?: string }) => {
      const name = displayName(request.path);
      finish({
        ok: false,
        message:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `"${name}" is too complex to read (reading it needed more than ${IMPORT_MEMORY_LIMIT_MB} MB of memory). Save only the article and open that.`
            : `"${name}" could not be read (${error.message}). Please report this with the file.`,
      });
    });
    thread.on('exit', () => finish({ ok: false, message: `"${displayName(request.path)}" could not be read: the reader stopped without an answer. Please report this with the file.` }));
    // The bytes are copied into a buffer of their own and moved to the worker, not copied again.
    if ('text' in request) thread.postMessage(request);
    else {
      const bytes = new Uint8Array(request.bytes);
      thread.postMessage({ ...request, bytes }, [bytes.buffer]);
    }
  });
}
