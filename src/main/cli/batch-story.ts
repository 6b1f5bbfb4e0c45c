import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lexicon } from '../../shared/contract/lexicon.js';
import { compareOpened, comparisonJson, openForComparison } from '../services/comparison-service.js';

/**
 * One story of `parallax batch`: its files opened and compared through the comparison service, as
 * `parallax compare --json` does, and the JSON written where the batch wants it. Runs in a batch
 * worker thread (batch-worker.ts), or in the command's own thread when there is no built worker
 * (tests from source). Nothing here throws: a story that cannot be done says why.
 */

/** A story handed to a worker. */
export interface StoryTask {
  /** Its place in the batch's list of stories to do. */
  readonly index: number;
  readonly story: string;
  /** The article files, absolute, in the order the comparison takes them. */
  readonly files: readonly string[];
  /** The JSON file to write, absolute. */
  readonly out: string;
}

/** What is the same for every story of a batch, sent to each worker once. */
export interface StorySettings {
  readonly lexicon: Lexicon;
  readonly threshold?: number | undefined;
}

/** A file of a story that could not be opened (the story may still be compared without it). */
export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

export type StoryOutcome =
  | { readonly index: number; readonly ok: true; readonly documents: number; readonly problems: readonly FileProblem[] }
  | { readonly index: number; readonly ok: false; readonly message: string; readonly problems: readonly FileProblem[] };

/** Write a file whole or not at all: a temporary file beside it, renamed over it. */
export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `${basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function runStory(task: StoryTask, settings: StorySettings): Promise<StoryOutcome> {
  const { index } = task;
  let problems: FileProblem[] = [];
  try {
    const opened = await openForComparison(task.files);
    problems = opened.problems.map((problem) => ({ file: problem.path, message: problem.message }));
    if (opened.documents.length < 2) {
      const count = opened.documents.length;
      return { index, ok: false, problems, message: `${count === 0 ? 'none' : 'only one'} of its ${task.files.length} files could be opened; a comparison needs at least two.` };
    }
    const comparison = await compareOpened(opened.documents, settings);
    try {
      await writeWhole(task.out, comparisonJson(comparison));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      return { index, ok: false, problems, message: `its comparison could not be written to ${task.out} (${code}).` };
    }
    return { index, ok: true, documents: opened.documents.length, problems };
  } catch (error) {
    return { index, ok: false, problems, message: `it could not be compared (${error instanceof Error ? error.message : String(error)}). Please report this with its files.` };
  }
}
