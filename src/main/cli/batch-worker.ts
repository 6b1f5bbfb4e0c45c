import { parentPort, workerData } from 'node:worker_threads';
import { runStory, type StorySettings, type StoryTask } from './batch-story.js';

/**
 * A worker thread of `parallax batch` (built as out/main/batch-worker.js): compares the stories it
 * is handed, one at a time, with the lexicon and threshold it was started with (sent once, not per
 * story), and answers each with its outcome. batch.ts starts one per core.
 */
const settings = workerData as StorySettings;

parentPort?.on('message', (task: StoryTask) => {
  void runStory(task, settings).then((outcome) => parentPort?.postMessage(outcome));
});
