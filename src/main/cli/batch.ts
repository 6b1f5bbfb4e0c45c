import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Comparison } from '../../shared/contract/comparison.js';
import { DEFAULT_ALIGN_THRESHOLD } from '../../shared/core/align.js';
import { sortStoryTable, storyTableCsv, storyTableJsonl, storyTableRows, type StoryTableRow } from '../../shared/core/story-table.js';
import { builtWorkerUrl, runsFromSource } from '../services/built-worker.js';
import { COMPARE_MEMORY_LIMIT_MB, COMPARE_TIME_LIMIT_MS } from '../services/compare-protocol.js';
import { lexiconInUse } from '../services/comparison-service.js';
import { FileRefusedError, readRegularTextFile } from '../services/safe-read.js';
import { parseCommand } from './args.js';
import { runStory, writeWhole, type FileProblem, type StoryOutcome, type StorySettings, type StoryTask } from './batch-story.js';
import type { CliIO } from './index.js';
import { BATCH_QDPX_MODES, BATCH_QDPX_USAGE, batchToQdpx, type BatchQdpxMode } from './qdpx.js';
import { printableName } from '../../shared/core/terminal.js';

/** The largest manifest read: a line per file of hundreds of thousands of stories. */
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

/**
 * `parallax batch`: many stories compared in one process, a worker thread per core, each story's
 * comparison written as `parallax compare --json` prints it, and one summary table of them all.
 *
 * A story that fails (a file that cannot be opened, a story with too few files) is reported and
 * the others go on. A run that is stopped can be started again: the stories already done, with the
 * same files (paths, sizes, times changed), threshold, lexicon and version, are not done again.
 * The outputs depend only on the inputs, never on the number of workers or the order stories end.
 */

export const BATCH_USAGE = `Usage:
  parallax batch DIR|MANIFEST --out OUTDIR [options]

Compares many stories, each a set of articles about one event, in one process.
  DIR                 a folder of story folders: each folder is a story, its article files
                      (.txt, .md, .html, .docx, .pdf, ...) its sources, in order of name;
                      other files (.json, .csv, ...) are left out
  MANIFEST            a .csv file with the columns story,file (a row per file), or a .jsonl
                      file with a line per story: {"story": "id", "files": ["a.txt", ...]};
                      paths are relative to the manifest's folder, in the order given

Writes to OUTDIR:
  stories/ID.json     each story's comparison, as compare --json prints it
  summary.csv         a row per story and source: differences by kind, loaded terms,
  summary.jsonl       attribution, figures, what only that source reports (same columns)
  failures.jsonl      the stories and files that could not be done, and why
  done.jsonl          what is done, so that running the same command again resumes

Options for batch:
  --out OUTDIR        where to write (made if missing); required
  --workers N         stories compared at once (default: the number of cores, here ${availableParallelism()})
  --threshold N       as for compare (default ${DEFAULT_ALIGN_THRESHOLD})
  --lexicon FILE      as for compare
${BATCH_QDPX_USAGE}
  --force             compare every story again, even those already done
  --no-progress       no progress on stderr, only failures and the last line
  -h, --help          show this help

Exit codes: 0 every story done; 1 some stories or files failed (see failures.jsonl);
2 nothing could be done (bad usage, or every story failed).
`;

/** Files in a story folder that are read as its articles. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn', '.htm', '.html', '.xhtml', '.xht', '.shtml', '.docx', '.pdf']);
/** The version of the batch's bookkeeping: a new one redoes every story. */
const BATCH_FORMAT = 1;
const DONE_FILE = 'done.jsonl';
const FAILURES_FILE = 'failures.jsonl';
const STORIES_DIR = 'stories';

/** A story to compare: its id as given, the name of its JSON file, and its files. */
export interface Story {
  readonly id: string;
  readonly name: string;
  readonly files: readonly string[];
}

type Planned = { readonly stories: Story[] } | { readonly error: string };

/**
 * A story id as a safe file name, the same on every machine: kept as it is when it is plain
 * (letters, digits, `.`, `_`, `-`, not hidden, not a name Windows reserves, at most 100
 * characters); otherwise made plain and given a short hash of the id, so that two ids never share
 * a name.
 */
export function storyFileName(id: string): string {
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(id) && !reserved.test(id) && !id.endsWith('.')) return id;
  const plain = id
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return `${plain || 'story'}-${hash}`;
}

/** CSV rows (RFC 4180: quoted fields, doubled quotes, CRLF or LF), each with its first line's number. */
export function parseCsv(text: string): { line: number; cells: string[] }[] | { error: string; line: number } {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  const endField = (): void => {
    cells.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '' && !wasQuoted) {
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endField();
      rows.push({ line: rowLine, cells });
      cells = [];
      line++;
      rowLine = line;
    } else if (!wasQuoted) field += ch;
    else if (ch.trim() !== '') return { error: 'text after a closing quote', line };
  }
  if (quoted) return { error: 'a quoted field is not closed', line: rowLine };
  if (field !== '' || cells.length > 0) {
    endField();
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((row) => row.cells.some((cell) => cell !== ''));
}

function fromCsv(manifest: string, text: string): Planned {
  const name = basename(manifest);
  const rows = parseCsv(text);
  if ('error' in rows) return { error: `${name} line ${rows.line}: ${rows.error}.` };
  const [header, ...body] = rows;
  if (!header) return { error: `${name} is empty: it needs a header line "story,file" and a row per article file.` };
  const columns = header.cells.map((cell) => cell.toLowerCase());
  const storyAt = columns.indexOf('story');
  const fileAt = columns.indexOf('file');
  if (storyAt === -1 || fileAt === -1) {
    return { error: `${name}: the first line must name the columns, with "story" and "file" among them (it has ${header.cells.map((cell) => `"${cell}"`).join(', ')}).` };
  }
  const byStory = new Map<string, string[]>();
  for (const row of body) {
    const story = row.cells[storyAt] ?? '';
    const file = row.cells[fileAt] ?? '';
    if (story === '') return { error: `${name} line ${row.line}: no story given.` };
    if (file === '') return { error: `${name} line ${row.line}: story "${story}" has no file given.` };
    byStory.set(story, [...(byStory.get(story) ?? []), resolve(dirname(manifest), file)]);
  }
  if (byStory.size === 0) return { error: `${name} has no stories: after the header "story,file", give a row per article file.` };
  return { stories: [...byStory].map(([id, files]) => ({ id, name: storyFileName(id), files })) };
}

function fromJsonl(manifest: string, text: string): Planned {
  const name = basename(manifest);
  const stories: Story[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [at, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${name} line ${at + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { error: `${where} is not JSON (${error instanceof Error ? error.message : String(error)}).` };
    }
    const entry = value as { story?: unknown; files?: unknown };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `${where}: each line must be an object, {"story": "id", "files": ["a.txt", "b.txt"]}.` };
    const id = typeof entry.story === 'number' ? String(entry.story) : entry.story;
    if (typeof id !== 'string' || id.trim() === '') return { error: `${where}: "story" must be a non-empty string.` };
    if (!Array.isArray(entry.files) || entry.files.length === 0 || !entry.files.every((file) => typeof file === 'string' && file.trim() !== '')) {
      return { error: `${where}: "files" must be a list of file paths, ["a.txt", "b.txt"].` };
    }
    const story = id.trim();
    if (seen.has(story)) return { error: `${where}: story "${story}" is given twice; give each story once, with all its files.` };
    seen.add(story);
    stories.push({ id: story, name: storyFileName(story), files: (entry.files as string[]).map((file) => resolve(dirname(manifest), file.trim())) });
  }
  if (stories.length === 0) return { error: `${name} has no stories: give a line per story, {"story": "id", "files": ["a.txt", "b.txt"]}.` };
  return { stories };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function fromFolder(folder: string, outDir: string): Promise<Planned> {
  const stories: Story[] = [];
  const names = (await readdir(folder)).sort(byName);
  for (const name of names) {
    const path = join(folder, name);
    // The output's own folders, when it is written inside the input, are no stories.
    if (name.startsWith('.') || path === outDir || path === join(outDir, STORIES_DIR) || !(await isFolder(path))) continue;
    const files: string[] = [];
    for (const file of (await readdir(path)).sort(byName)) {
      if (file.startsWith('.') || !ARTICLE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      const info = await stat(join(path, file)).catch(() => null);
      if (info?.isFile()) files.push(join(path, file));
    }
    stories.push({ id: name, name: storyFileName(name), files });
  }
  if (stories.length === 0) {
    return { error: `${folder} has no story folders in it. Give a folder with a folder per story (each holding that story's article files), or a manifest (.csv or .jsonl).` };
  }
  return { stories };
}

/** The stories of the input: a folder of story folders, or a manifest. */
async function planStories(input: string, outDir: string): Promise<Planned> {
  let info;
  try {
    info = await stat(input);
  } catch {
    return { error: `${input} could not be found. Give a folder of story folders, or a manifest ending in .csv or .jsonl.` };
  }
  let planned: Planned;
  if (info.isDirectory()) planned = await fromFolder(input, outDir);
  else {
    const extension = extname(input).toLowerCase();
    if (extension !== '.csv' && extension !== '.jsonl' && extension !== '.ndjson') {
      return { error: `${basename(input)} is neither a folder nor a manifest: a manifest's name ends in .csv (columns story,file) or .jsonl (a line per story).` };
    }
    let text: string;
    try {
      text = await readRegularTextFile(input, { maxBytes: MANIFEST_MAX_BYTES, what: `The manifest "${basename(input)}"` });
    } catch (error) {
      if (error instanceof FileRefusedError) return { error: error.message };
      return { error: `${input} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
    }
    planned = extension === '.csv' ? fromCsv(input, text) : fromJsonl(input, text);
  }
  if ('error' in planned) return planned;
  // Two ids that would be written to one file (on a file system that ignores case, too).
  const taken = new Map<string, string>();
  for (const story of planned.stories) {
    const other = taken.get(story.name.toLowerCase());
    if (other !== undefined) return { error: `stories "${other}" and "${story.id}" would be written to the same file (${STORIES_DIR}/${story.name}.json); give them ids that differ by more than case.` };
    taken.set(story.name.toLowerCase(), story.id);
  }
  return planned;
}

/** What the done list keeps of a story: its file, what it was made from, and the files that could not be opened. */
interface DoneEntry {
  readonly story: string;
  readonly file: string;
  readonly key: string;
  readonly problems: readonly FileProblem[];
}

async function readDone(outDir: string): Promise<Map<string, DoneEntry>> {
  const done = new Map<string, DoneEntry>();
  let text = '';
  try {
    text = await readFile(join(outDir, DONE_FILE), 'utf8');
  } catch {
    return done;
  }
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as DoneEntry;
      if (typeof entry.story === 'string' && typeof entry.key === 'string' && typeof entry.file === 'string') done.set(entry.story, { ...entry, problems: Array.isArray(entry.problems) ? entry.problems : [] });
    } catch {
      // A line cut short by an interrupted run: that story is done again.
    }
  }
  return done;
}

/** What a story's comparison is made from: its files as they are on disk, and the settings. */
async function storyKey(story: Story, common: string): Promise<string> {
  const facts = await Promise.all(
    story.files.map(async (file) => {
      const info = await stat(file).catch(() => null);
      return info ? [file, info.size, info.mtimeMs] : [file, null, null];
    }),
  );
  return createHash('sha256').update(JSON.stringify([common, story.name, facts])).digest('hex').slice(0, 20);
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Progress on stderr: a bar with the time left on a terminal, a plain line every tenth elsewhere. */
function progressReporter(io: CliIO, total: number, enabled: boolean) {
  const tty = Boolean(io.stderrIsTTY);
  const started = performance.now();
  let shown = '';
  let lastTenth = 0;
  const line = (done: number): string => {
    const elapsed = (performance.now() - started) / 1000;
    const left = done > 0 ? duration((elapsed / done) * (total - done)) : '…';
    if (!tty) return `parallax batch: ${done}/${total} stories (${Math.floor((done / total) * 100)}%), ${duration(elapsed)}, about ${left} left\n`;
    const width = 30;
    const filled = Math.round((done / total) * width);
    return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} stories, ${duration(elapsed)}, about ${left} left\x1b[K`;
  };
  return {
    tick(done: number): void {
      if (!enabled || total === 0) return;
      if (tty) {
        shown = line(done);
        io.stderr(shown);
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr(line(done));
      }
    },
    /** A line of its own, above the bar. */
    say(text: string): void {
      if (tty && shown) io.stderr('\r\x1b[K');
      io.stderr(text);
      if (tty && shown) io.stderr(shown);
    },
    end(): void {
      if (tty && shown) io.stderr('\n');
      shown = '';
    },
  };
}

/**
 * Compare the tasks in `count` worker threads, each started once (with the lexicon) and handed a
 * story at a time. A worker that crashes, runs out of memory or takes too long fails its story
 * only: it is ended and another takes its place.
 */
async function runInWorkers(url: URL, tasks: readonly StoryTask[], count: number, settings: StorySettings, onOutcome: (outcome: StoryOutcome) => void): Promise<void> {
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise((finished) => {
      let thread: Worker;
      let current: StoryTask | undefined;
      let timer: NodeJS.Timeout | undefined;
      const stop = (worker: Worker): void => {
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
      };
      const lost = (message: string): void => {
        const task = current;
        if (!task) return;
        current = undefined;
        clearTimeout(timer);
        stop(thread);
        onOutcome({ index: task.index, ok: false, message, problems: [] });
        start();
        give();
      };
      const start = (): void => {
        thread = new Worker(url, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: COMPARE_MEMORY_LIMIT_MB } });
        thread.on('message', (outcome: StoryOutcome) => {
          if (!current || outcome.index !== current.index) return;
          current = undefined;
          clearTimeout(timer);
          onOutcome(outcome);
          give();
        });
        thread.on('error', (error: Error & { code?: string }) =>
          lost(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `it is too large to compare (it needed more than ${COMPARE_MEMORY_LIMIT_MB} MB of memory).`
              : `it could not be compared (${error.message}). Please report this with its files.`,
          ),
        );
        thread.on('exit', () => lost('its comparison stopped without an answer. Please report this with its files.'));
      };
      const give = (): void => {
        if (next >= tasks.length) {
          stop(thread);
          finished();
          return;
        }
        current = tasks[next++]!;
        timer = setTimeout(() => lost(`comparing it took longer than ${Math.round(COMPARE_TIME_LIMIT_MS / 1000)} seconds, so it was stopped.`), COMPARE_TIME_LIMIT_MS);
        thread.postMessage(current);
      };
      start();
      give();
    });
  await Promise.all(Array.from({ length: Math.min(count, tasks.length) }, lane));
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export async function batchCommand(args: readonly string[], io: CliIO, resourcesDir: string, version: string): Promise<number> {
  const parsed = parseCommand(
    'batch',
    {
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        workers: { type: 'string' },
        threshold: { type: 'string' },
        lexicon: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
        qdpx: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    BATCH_USAGE,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const usage = (message: string): number => {
    io.stderr(`parallax batch: ${message}\n\n${BATCH_USAGE}`);
    return 2;
  };
  if (positionals.length !== 1) {
    return usage(positionals.length === 0 ? 'give a folder of story folders, or a manifest (.csv or .jsonl).' : `give one folder or manifest, not ${positionals.length}.`);
  }
  if (!values.out) return usage('say where to write the results with --out OUTDIR.');
  if (values.qdpx !== undefined && !(BATCH_QDPX_MODES as readonly string[]).includes(values.qdpx)) {
    return usage(`--qdpx takes ${BATCH_QDPX_MODES.join(' or ')}, not "${values.qdpx}".`);
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      io.stderr(`parallax batch: --threshold takes a number from 0 (loose) to 1 (strict), not "${values.threshold}".\n`);
      return 2;
    }
  }
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
      io.stderr(`parallax batch: --workers takes a whole number from 1 to 256, not "${values.workers}".\n`);
      return 2;
    }
  }
  const input = resolve(positionals[0]!);
  const outDir = resolve(values.out);
  const storiesDir = join(outDir, STORIES_DIR);

  const lexicon = await lexiconInUse(resourcesDir, values.lexicon ? { file: values.lexicon } : {});
  if (!lexicon.ok) {
    io.stderr(`parallax batch: ${printableName(lexicon.message)}\n`);
    return 2;
  }
  const planned = await planStories(input, outDir);
  if ('error' in planned) {
    io.stderr(`parallax batch: ${printableName(planned.error)}\n`);
    return 2;
  }
  const { stories } = planned;
  let worker: URL | 'in-process' | undefined = builtWorkerUrl('batch-worker');
  if (!worker) {
    if (!runsFromSource()) {
      io.stderr(`parallax batch: its worker (batch-worker.js) is missing beside ${fileURLToPath(import.meta.url)}. Reinstall Parallax.\n`);
      return 2;
    }
    worker = 'in-process';
  }
  try {
    await mkdir(storiesDir, { recursive: true });
    // Temporary files a stopped run left behind.
    for (const name of await readdir(storiesDir)) if (name.endsWith('.tmp')) await rm(join(storiesDir, name), { force: true });
  } catch (error) {
    io.stderr(`parallax batch: ${outDir} could not be made or written to (${(error as NodeJS.ErrnoException).code ?? String(error)}). Choose a folder you can write to.\n`);
    return 2;
  }

  // What is already done, with the same files and settings, is not done again.
  const settings: StorySettings = { lexicon: lexicon.lexicon, ...(threshold === undefined ? {} : { threshold }) };
  const common = JSON.stringify([BATCH_FORMAT, version, threshold ?? null, createHash('sha256').update(JSON.stringify(lexicon.lexicon)).digest('hex')]);
  const previous = await readDone(outDir);
  const inInput = new Set(stories.map((story) => story.id));
  // Done entries of stories not in this input (another manifest writing here) are kept.
  const kept = [...previous.values()].filter((entry) => !inInput.has(entry.story));
  const done = new Map(values.force ? [] : [...previous].filter(([id]) => inInput.has(id)));
  const doneText = (): string =>
    [...kept, ...done.values()]
      .sort((a, b) => byName(a.story, b.story))
      .map((entry) => JSON.stringify(entry) + '\n')
      .join('');
  try {
    // Whole lines only (a stopped run may have cut one short), so that what this run adds is read back.
    await writeWhole(join(outDir, DONE_FILE), doneText());
  } catch (error) {
    io.stderr(`parallax batch: ${join(outDir, DONE_FILE)} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return 2;
  }
  const storyFile = (story: Story): string => join(storiesDir, `${story.name}.json`);
  const keys = new Map<string, string>();
  const tasks: StoryTask[] = [];
  const taskStories: Story[] = [];
  const failed = new Map<string, { message: string; problems: readonly FileProblem[] }>();
  let skipped = 0;
  for (const story of stories) {
    const key = await storyKey(story, common);
    keys.set(story.id, key);
    const entry = done.get(story.id);
    if (entry && entry.key === key && (await stat(storyFile(story)).catch(() => null))?.isFile()) {
      skipped++;
      continue;
    }
    done.delete(story.id);
    if (story.files.length < 2) {
      const files = story.files.map((file) => basename(file));
      failed.set(story.id, { message: `it has ${story.files.length === 0 ? 'no article files' : `only one article file (${files[0]})`}; a comparison needs at least two.`, problems: [] });
      continue;
    }
    tasks.push({ index: tasks.length, story: story.id, files: story.files, out: storyFile(story) });
    taskStories.push(story);
  }

  const lanes = worker === 'in-process' ? 1 : Math.min(workers, tasks.length);
  const progress = progressReporter(io, tasks.length, !values['no-progress']);
  if (!values['no-progress']) {
    const already = skipped > 0 ? `, ${skipped} already done` : '';
    const how = tasks.length === 0 ? 'nothing to compare' : `comparing ${plural(tasks.length, 'story', 'stories')} ${worker === 'in-process' ? 'in this thread' : `with ${plural(lanes, 'worker')}`}`;
    io.stderr(`parallax batch: ${plural(stories.length, 'story', 'stories')}${already}; ${how}.\n`);
  }

  let compared = 0;
  let finishedCount = 0;
  let doneWrites: Promise<void> = Promise.resolve();
  const say = (story: string, problems: readonly FileProblem[], failure?: string): void => {
    for (const problem of problems) progress.say(`parallax batch: story "${story}": ${problem.message}${failure ? '' : ' It was compared without that file.'}\n`);
    if (failure) progress.say(`parallax batch: story "${story}" failed: ${failure}\n`);
  };
  for (const [id, failure] of failed) say(id, failure.problems, failure.message);
  const onOutcome = (outcome: StoryOutcome): void => {
    const story = taskStories[outcome.index]!;
    if (outcome.ok) {
      compared++;
      const entry: DoneEntry = { story: story.id, file: `${STORIES_DIR}/${story.name}.json`, key: keys.get(story.id)!, problems: outcome.problems };
      done.set(story.id, entry);
      doneWrites = doneWrites.then(() => appendFile(join(outDir, DONE_FILE), JSON.stringify(entry) + '\n', 'utf8')).catch(() => undefined);
      say(story.id, outcome.problems);
    } else {
      failed.set(story.id, { message: outcome.message, problems: outcome.problems });
      say(story.id, outcome.problems, outcome.message);
    }
    progress.tick(++finishedCount);
  };
  progress.tick(0);
  if (worker === 'in-process') for (const task of tasks) onOutcome(await runStory(task, settings));
  else await runInWorkers(worker, tasks, lanes, settings, onOutcome);
  progress.end();
  await doneWrites;

  // A story that failed now leaves no comparison of an earlier run behind.
  for (const story of stories) if (failed.has(story.id)) await rm(storyFile(story), { force: true });

  // The summary, from every story's JSON, in an order that does not depend on the run.
  const rows: StoryTableRow[] = [];
  for (const story of stories) {
    if (!done.has(story.id)) continue;
    try {
      const comparison = JSON.parse(await readFile(storyFile(story), 'utf8')) as Comparison;
      rows.push(...storyTableRows(story.id, comparison));
    } catch (error) {
      done.delete(story.id);
      failed.set(story.id, { message: `its comparison ${storyFile(story)} could not be read back (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}); run again to redo it.`, problems: [] });
    }
  }
  const table = sortStoryTable(rows);
  const failures: { story: string; file: string | null; message: string; compared: boolean }[] = [];
  for (const story of stories) {
    const failure = failed.get(story.id);
    const entry = done.get(story.id);
    for (const problem of failure?.problems ?? entry?.problems ?? []) failures.push({ story: story.id, file: problem.file, message: problem.message, compared: !failure });
    if (failure) failures.push({ story: story.id, file: null, message: `The story could not be compared: ${failure.message}`, compared: false });
  }
  failures.sort((a, b) => byName(a.story, b.story) || byName(a.file ?? '', b.file ?? ''));
  try {
    await writeWhole(join(outDir, 'summary.csv'), storyTableCsv(table));
    await writeWhole(join(outDir, 'summary.jsonl'), storyTableJsonl(table));
    await writeWhole(join(outDir, FAILURES_FILE), failures.map((failure) => JSON.stringify(failure) + '\n').join(''));
    await writeWhole(join(outDir, DONE_FILE), doneText());
  } catch (error) {
    io.stderr(`parallax batch: the summary could not be written to ${outDir} (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return 2;
  }

  // REFI-QDA projects, from the comparisons written (see qdpx.ts).
  const qdpxFailed = values.qdpx
    ? await batchToQdpx(
        stories.filter((story) => done.has(story.id)).map((story) => ({ id: story.id, file: storyFile(story) })),
        stories.filter((story) => failed.has(story.id)).map(storyFile),
        values.qdpx as BatchQdpxMode,
        outDir,
        version,
        io,
      )
    : 0;
  const storiesFailed = failed.size;
  const fileProblems = failures.filter((failure) => failure.compared).length;
  const parts = [`${plural(compared, 'story', 'stories')} compared`, `${skipped} skipped (already done)`, `${storiesFailed} failed`];
  const files = fileProblems > 0 ? `; ${plural(fileProblems, 'file')} could not be opened and ${fileProblems === 1 ? 'was' : 'were'} left out` : '';
  const where = values.out.endsWith('/') || values.out.endsWith(sep) ? values.out : `${values.out}${sep}`;
  io.stderr(`parallax batch: ${parts.join(', ')}${files}. Results in ${where} (summary.csv, summary.jsonl${failures.length > 0 ? ', failures.jsonl' : ''}, stories/).\n`);
  if (compared + skipped === 0 || rows.length === 0) return 2;
  return storiesFailed > 0 || failures.length > 0 || qdpxFailed > 0 ? 1 : 0;
}
