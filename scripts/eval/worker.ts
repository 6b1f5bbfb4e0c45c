/** A worker thread of `npm run eval`: runs the jobs it is handed, one at a time, with the project's core. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lexicon } from '../../src/shared/contract/lexicon.js';
import { loadLexiconSync } from '../../src/main/services/lexicon.js';
import { runJob, type EvalJob } from './jobs.js';

const { lexiconPath } = workerData as { lexiconPath: string };
// Read as the app and the command line read it: with the files it includes.
const loaded = loadLexiconSync(lexiconPath);
if (!loaded.ok) throw new Error(`The lexicon ${lexiconPath} does not parse: ${loaded.message}`);
const lexicon: Lexicon = loaded.lexicon;

parentPort!.on('message', (message: { index: number; job: EvalJob }) => {
  try {
    parentPort!.postMessage({ index: message.index, result: runJob(message.job, lexicon) });
  } catch (error) {
    parentPort!.postMessage({ index: message.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
