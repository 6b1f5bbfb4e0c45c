import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Codebook } from '../../shared/contract/codebook.js';
import type { Comparison } from '../../shared/contract/comparison.js';
import type { Note } from '../../shared/contract/notes.js';
import type { ExportComparison } from '../../shared/notes/export/common.js';
import type { QdaProjectInput, QdaProjectSummary } from '../../shared/qda/project.js';
import { comparisonIdFor } from '../services/api.js';
import { writeFileDurably } from '../services/durable-file.js';
import { defaultCodebookPath, loadCodebook } from '../services/notes-api.js';
import { makeQdpx } from '../services/qda/qdpx.js';
import { FileRefusedError, readRegularFile } from '../services/safe-read.js';
import { storeFileReading } from '../services/store-backups.js';
import { parseStore, STORE_FILE, type StoreData } from '../services/store.js';
import type { CliIO } from './index.js';

/**
 * REFI-QDA projects (`.qdpx`) from the command line: `parallax compare FILE... --qdpx OUT`,
 * `parallax notes export --format qdpx`, and `parallax batch --qdpx per-story|whole`. The project
 * is made by the pure core (src/shared/qda) and packed by services/qda/qdpx.ts; this writes it and
 * says what it holds. The notes store is only ever read.
 */

export const COMPARE_QDPX_USAGE = `  --qdpx OUT.qdpx     also write a REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder):
                      the sources, Parallax's analysis as codes, and with --data-dir the
                      app's notes on these files and its codebook
  --data-dir DIR      (with --qdpx) the app's data folder, to take its notes and codebook`;

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** What a project holds, in a few words: "3 sources, 2 notes, 41 coded passages". */
export function describeProject(summary: QdaProjectSummary): string {
  const parts = [plural(summary.sources, 'source'), plural(summary.notes, 'note'), plural(summary.selections, 'coded passage')];
  if (summary.orphans > 0) parts.push(`${plural(summary.orphans, 'note')} whose passage could not be found (kept as project notes)`);
  return parts.join(', ');
}

/** Make the project and write it to `out`; false (said on stderr) when it cannot be written. */
export async function writeQdpxFile(out: string, input: QdaProjectInput, io: CliIO, command: string): Promise<QdaProjectSummary | null> {
  let made: ReturnType<typeof makeQdpx>;
  try {
    made = makeQdpx(input);
  } catch (error) {
    io.stderr(`parallax ${command}: the REFI-QDA project could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  try {
    await writeFileDurably(out, made.bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.stderr(`parallax ${command}: ${out} could not be written (${code}). Choose a file in a folder you can write to.\n`);
    return null;
  }
  return made.project.summary;
}

/** The store as saved, read only; a message when there is none or it cannot be read. */
export async function readStoreReadOnly(dataDir: string): Promise<{ ok: true; store: StoreData } | { ok: false; message: string }> {
  const file = join(dataDir, STORE_FILE);
  try {
    return { ok: true, store: parseStore(new Uint8Array(await readRegularFile(file, storeFileReading(`The notes store "${file}"`)))) };
  } catch (error) {
    if (error instanceof FileRefusedError) return { ok: false, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, message: `there is no notes store in ${dataDir} (no ${STORE_FILE})` };
    return { ok: false, message: `the notes store ${file} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})` };
  }
}

/** The codebook the app uses: the person's, else the one shipped with Parallax. */
export async function codebookOf(store: StoreData | null, resourcesDir: string): Promise<Codebook | null> {
  if (store?.codebook) return store.codebook;
  const shipped = await loadCodebook(defaultCodebookPath(resourcesDir));
  return shipped.ok ? shipped.codebook : null;
}

/**
 * `compare --qdpx`: the comparison with Parallax's analysis, and with `dataDir` the app's notes on
 * this set of files and its codebook. 0 written, 2 not.
 */
export async function compareToQdpx(
  comparison: Comparison,
  paths: readonly string[],
  options: { readonly out: string; readonly dataDir?: string | undefined; readonly resourcesDir: string; readonly version: string },
  io: CliIO,
): Promise<number> {
  const id = comparisonIdFor(paths.map((path) => resolve(path)));
  let notes: readonly Note[] = [];
  let codebook: Codebook | null = null;
  let title = comparison.documents[0]?.title || comparison.documents[0]?.label || 'Comparison';
  if (options.dataDir) {
    const read = await readStoreReadOnly(resolve(options.dataDir));
    if (!read.ok) {
      io.stderr(`parallax compare: ${read.message}; the project has no notes. Give the folder the app uses with --data-dir DIR.\n`);
    } else {
      notes = read.store.notes.filter((note) => note.comparisonId === id);
      title = read.store.comparisons.find((stored) => stored.id === id)?.title || title;
      codebook = await codebookOf(read.store, options.resourcesDir);
    }
  }
  const item: ExportComparison = { id, title, comparison, notes };
  const summary = await writeQdpxFile(
    options.out,
    { comparisons: [item], codebook, includeAnalysis: true, exported: new Date().toISOString(), origin: `Parallax ${options.version}` },
    io,
    'compare',
  );
  if (!summary) return 2;
  io.stderr(`parallax: REFI-QDA project written to ${options.out}: ${describeProject(summary)}.\n`);
  return 0;
}

/** How `batch --qdpx` groups its projects. */
export const BATCH_QDPX_MODES = ['per-story', 'whole'] as const;
export type BatchQdpxMode = (typeof BATCH_QDPX_MODES)[number];

export const BATCH_QDPX_USAGE = `  --qdpx per-story    also write each story as a REFI-QDA project, stories/ID.qdpx
  --qdpx whole        also write every story into one REFI-QDA project, OUTDIR/batch.qdpx
                      (each story a set of its sources, with the variable Comparison)`;

/** A story the batch compared: its id and the comparison JSON it wrote. */
export interface BatchQdpxStory {
  readonly id: string;
  /** The comparison's JSON file. */
  readonly file: string;
}

/** The project file of a story: its JSON's name with `.qdpx`. */
export const storyQdpxFile = (jsonFile: string): string => jsonFile.replace(/\.json$/i, '') + '.qdpx';

/**
 * `batch --qdpx`: the projects from the comparisons the batch wrote (with Parallax's analysis),
 * one per story beside its JSON, or one for the whole batch; the projects of stories that failed
 * (`failedFiles`: their JSON files) are removed, as their JSON is. The number of projects that
 * could not be written (each said on stderr).
 */
export async function batchToQdpx(
  stories: readonly BatchQdpxStory[],
  failedFiles: readonly string[],
  mode: BatchQdpxMode,
  outDir: string,
  version: string,
  io: CliIO,
): Promise<number> {
  for (const file of failedFiles) await rm(storyQdpxFile(file), { force: true });
  const exported = new Date().toISOString();
  const origin = `Parallax ${version}`;
  const items: ExportComparison[] = [];
  let failed = 0;
  for (const story of stories) {
    let comparison: Comparison;
    try {
      comparison = JSON.parse(await readFile(story.file, 'utf8')) as Comparison;
    } catch (error) {
      io.stderr(`parallax batch: story "${story.id}": its comparison could not be read for the REFI-QDA project (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
      failed++;
      continue;
    }
    const item: ExportComparison = { id: story.id, title: story.id, comparison, notes: [] };
    if (mode === 'whole') items.push(item);
    else if (!(await writeQdpxFile(storyQdpxFile(story.file), { comparisons: [item], includeAnalysis: true, exported, origin, name: story.id }, io, 'batch'))) failed++;
  }
  if (mode === 'whole' && items.length > 0) {
    const out = join(outDir, 'batch.qdpx');
    const summary = await writeQdpxFile(out, { comparisons: items, includeAnalysis: true, exported, origin, name: `Parallax batch (${plural(items.length, 'story', 'stories')})` }, io, 'batch');
    if (!summary) failed++;
  }
  return failed;
}
