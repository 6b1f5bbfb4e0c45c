/** A worker thread of `npm run eval`: runs the jobs it is handed, one at a time, with the project's core. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseLexicon, type Lexicon } from '../../src/shared/contract/lexicon.js';
import { runJob, type EvalJob } from './jobs.js';

const { lexiconPath } = workerData as { lexiconPath: string };
const parsed = parseLexicon(JSON.parse(readFileSync(lexiconPath, 'utf8')));
if (!parsed.ok) throw new Error(`The lexicon ${lexiconPath} does not parse: ${parsed.problems.join('; ')}`);
const lexicon: Lexicon = parsed.lexicon;

parentPort!.on('message', (message: { index: number; job: EvalJob }) => {
  try {
    parentPort!.postMessage({ index: message.index, result: runJob(message.job, lexicon) });
  } catch (error) {
    parentPort!.postMessage({ index: message.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
