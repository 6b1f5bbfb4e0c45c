import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SourceDocument } from '../../shared/contract/comparison.js';
import type { Codebook } from '../../shared/contract/codebook.js';
import type { Lexicon } from '../../shared/contract/lexicon.js';
import { targetAnchors, type Note } from '../../shared/contract/notes.js';
import { comparisonReport, notesToCsv, notesToJson, notesToJsonLd, notesToMarkdown, type ExportComparison, type NotesExport } from '../../shared/notes/export/index.js';
import { comparisonIdFor } from '../services/api.js';
import { compareOpened, lexiconInUse as comparisonLexicon, openForComparison } from '../services/comparison-service.js';
import { defaultCodebookPath, loadCodebook } from '../services/notes-api.js';
import { FileRefusedError } from '../services/safe-read.js';
import { readNotesStore, STORE_FILE, type StoreData, type StoreSnapshot } from '../services/store.js';
import { UserFacingError } from '../services/dispatch.js';
import { parseCommand } from './args.js';
import { writeQdpxFile } from './qdpx.js';
import type { CliIO } from './index.js';
import { printableName, printableText } from '../../shared/core/terminal.js';

/**
 * `parallax notes export` and `parallax report`: the notes in the store, placed on their
 * comparisons as the files are now, written in the formats other tools read. The store is only
 * read (never written, never recovered: that is the app's job when it starts).
 */

export const NOTES_FORMATS = ['md', 'csv', 'json', 'jsonld', 'qdpx'] as const;

export const NOTES_USAGE = `Usage:
  parallax notes export --format md|csv|json|jsonld|qdpx [--comparison ID|FILE]... [--out FILE] [--data-dir DIR]
  parallax report FILE... --html OUT [--data-dir DIR] [--threshold N] [--lexicon FILE]

notes export writes the notes kept by the app:
  --format F          md (a hand-in), csv (one row per coded segment), json (parallax.notes/1,
                      what the app imports), jsonld (W3C Web Annotations), qdpx (a REFI-QDA
                      project for MAXQDA, NVivo, ATLAS.ti, QualCoder; needs --out)
  --analysis          with qdpx: Parallax's own analysis too (differences by kind, aligned passages)
  --comparison X      only this comparison: its id, or a file it compares (repeatable);
                      default: every comparison with notes
  --out FILE          write to FILE (default: print)
  --data-dir DIR      the app's data folder, as given to the app with --data-dir

report compares the files and writes a printable HTML report with the notes on that comparison:
  --html OUT          the report file to write
  --threshold N, --lexicon FILE   as for compare
`;

/**
 * The app's data folder when no --data-dir is given: Electron's userData, which is its appData
 * folder plus the app's name ("Parallax"), so the command line finds the same store as the app.
 */
export function defaultDataDirectory(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Parallax');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Parallax');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Parallax');
}

type Read<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

/**
 * The store as saved, read only (no lock, nothing written: safe while the app runs). A damaged
 * store file is not touched: the newest good backup is read instead, with a warning that says so,
 * so that a student can still hand in their notes before the app has repaired the store.
 */
async function readStore(dataDir: string): Promise<Read<StoreData>> {
  let snapshot: StoreSnapshot;
  try {
    snapshot = await readNotesStore(dataDir);
  } catch (error) {
    if (error instanceof FileRefusedError || error instanceof UserFacingError) return { ok: false, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, message: noStore(dataDir) };
    return { ok: false, message: `the notes store ${join(dataDir, STORE_FILE)} could not be read (${code ?? String(error)}).` };
  }
  if (snapshot.data) return { ok: true, value: snapshot.data, ...(snapshot.problem ? { warning: snapshot.problem } : {}) };
  if (snapshot.problem) return { ok: false, message: `${snapshot.problem} Nothing was exported.` };
  return { ok: false, message: noStore(dataDir) };
}

const noStore = (dataDir: string): string =>
  `there is no notes store in ${dataDir} (no ${STORE_FILE}). Give the folder the app uses with --data-dir DIR; without it, the app's default folder is used.`;

async function lexiconInUse(resourcesDir: string, store: StoreData | null, file?: string): Promise<Read<Lexicon>> {
  const loaded = await comparisonLexicon(resourcesDir, { ...(file ? { file } : {}), changes: store?.lexicon ?? null });
  return loaded.ok ? { ok: true, value: loaded.lexicon } : loaded;
}

/**
 * Open files as the app does, through the comparison service: with the encodings the person chose
 * for them and their other decisions (labels, paragraphs marked).
 */
async function openWithPreferences(paths: readonly string[], store: StoreData | null, io: CliIO): Promise<SourceDocument[]> {
  const { documents, problems } = await openForComparison(paths, store ? (path) => store.sources[path] : undefined);
  for (const problem of problems) io.stderr(`parallax: ${printableName(problem.message)}\n`);
  return documents;
}

async function writeOut(text: string, out: string | undefined, command: string, io: CliIO): Promise<boolean> {
  if (out === undefined) {
    // On a terminal, what the notes quote is shown, not obeyed; a pipe or a file gets it as it is.
    io.stdout(io.isTTY ? printableText(text) : text);
    return true;
  }
  try {
    await writeFile(out, text, 'utf8');
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`parallax ${command}: ${out} could not be written (${code ?? String(error)}). Choose a file in a folder you can write to.\n`);
    return false;
  }
}

async function codebookInUse(resourcesDir: string, store: StoreData): Promise<Codebook | null> {
  if (store.codebook) return store.codebook;
  const shipped = await loadCodebook(defaultCodebookPath(resourcesDir));
  return shipped.ok ? shipped.codebook : null;
}

export async function notesCommand(args: readonly string[], io: CliIO, resourcesDir: string): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help' || sub === undefined) {
    (sub === undefined ? io.stderr : io.stdout)(NOTES_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'export') {
    io.stderr(`parallax notes: unknown command "${sub}"; the notes command has "export".\n\n${NOTES_USAGE}`);
    return 2;
  }
  const parsed = parseCommand(
    'notes export',
    {
      args: [...rest],
      allowPositionals: false,
      options: {
        format: { type: 'string' },
        comparison: { type: 'string', multiple: true },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        analysis: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    },
    NOTES_USAGE,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const format = values.format;
  if (format === 'qdpx' && !values.out) {
    io.stderr('parallax notes export: a REFI-QDA project is a zip file: say where to write it with --out FILE.qdpx.\n');
    return 2;
  }
  if (!format || !(NOTES_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`parallax notes export: ${format ? `unknown format "${format}"` : 'say which format with --format'}; the formats are ${NOTES_FORMATS.join(', ')}.\n`);
    return 2;
  }
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDirectory();
  const store = await readStore(dataDir);
  if (!store.ok) {
    io.stderr(`parallax notes export: ${printableName(store.message)}\n`);
    return 2;
  }
  if (store.warning) io.stderr(`parallax notes export: ${printableName(store.warning)}\n`);
  const data = store.value;
  const lexicon = await lexiconInUse(resourcesDir, data);
  if (!lexicon.ok) {
    io.stderr(`parallax notes export: ${printableName(lexicon.message)}\n`);
    return 2;
  }

  // Comparisons with notes: the remembered ones, and any whose notes outlived the recent list
  // (their sources are the files the notes are on).
  const byComparison = new Map<string, Note[]>();
  for (const note of data.notes) byComparison.set(note.comparisonId, [...(byComparison.get(note.comparisonId) ?? []), note]);
  let ids = [...byComparison.keys()];
  const wanted = values.comparison ?? [];
  if (wanted.length > 0) {
    const chosen = new Set<string>();
    for (const want of wanted) {
      const path = resolve(want);
      const matches = ids.filter(
        (id) =>
          id === want ||
          data.comparisons.find((stored) => stored.id === id)?.sources.some((source) => source.path === path) ||
          byComparison.get(id)?.some((note) => targetAnchors(note.target).some((anchor) => anchor.source === path)),
      );
      if (matches.length === 0) {
        io.stderr(`parallax notes export: no comparison with notes is "${want}" or compares that file.\n`);
        return 2;
      }
      for (const id of matches) chosen.add(id);
    }
    ids = ids.filter((id) => chosen.has(id));
  }

  const comparisons: ExportComparison[] = [];
  let unopened = 0;
  for (const id of ids) {
    const notes = byComparison.get(id) ?? [];
    const stored = data.comparisons.find((candidate) => candidate.id === id);
    const sources = stored?.sources ?? [...new Set(notes.flatMap((note) => targetAnchors(note.target).map((anchor) => anchor.source)))].map((path) => ({ path, label: path.split(/[\\/]/).pop() ?? path }));
    const documents = await openWithPreferences(sources.map((source) => source.path), data, io);
    if (documents.length < sources.length) unopened++;
    const comparison = documents.length > 0 ? await compareOpened(documents, { lexicon: lexicon.value }) : undefined;
    comparisons.push({ id, title: stored?.title ?? comparison?.documents[0]?.title ?? id, sources, notes, ...(comparison ? { comparison } : {}) });
  }
  const input: NotesExport = { comparisons, codebook: await codebookInUse(resourcesDir, data), exported: new Date().toISOString() };
  if (format === 'qdpx') {
    if (!(await writeQdpxFile(values.out!, { ...input, includeAnalysis: values.analysis, origin: 'Parallax' }, io, 'notes export'))) return 2;
  } else {
    const text = format === 'md' ? notesToMarkdown(input) : format === 'csv' ? notesToCsv(input) : format === 'json' ? notesToJson(input) : notesToJsonLd(input);
    if (!(await writeOut(text, values.out, 'notes export', io))) return 2;
  }
  const count = comparisons.reduce((sum, item) => sum + item.notes.length, 0);
  if (values.out) io.stderr(`parallax: ${count} ${count === 1 ? 'note' : 'notes'} from ${comparisons.length} ${comparisons.length === 1 ? 'comparison' : 'comparisons'} written to ${values.out}.\n`);
  return unopened > 0 ? 1 : 0;
}

export async function reportCommand(args: readonly string[], io: CliIO, resourcesDir: string): Promise<number> {
  const parsed = parseCommand(
    'report',
    {
      args: [...args],
      allowPositionals: true,
      options: {
        html: { type: 'string' },
        'data-dir': { type: 'string' },
        threshold: { type: 'string' },
        lexicon: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    NOTES_USAGE,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (!values.html) {
    io.stderr(`parallax report: say where to write the report with --html OUT.\n\n${NOTES_USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`parallax report: give the article files to compare.\n\n${NOTES_USAGE}`);
    return 2;
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      io.stderr(`parallax report: --threshold takes a number from 0 (loose) to 1 (strict), not "${values.threshold}".\n`);
      return 2;
    }
  }
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDirectory();
  const store = await readStore(dataDir);
  // Without a store the report is still worth having: the comparison, with no notes.
  if (!store.ok) io.stderr(`parallax report: ${printableName(store.message)} The report has no notes.\n`);
  else if (store.warning) io.stderr(`parallax report: ${printableName(store.warning)}\n`);
  const data = store.ok ? store.value : null;
  const lexicon = await lexiconInUse(resourcesDir, data, values.lexicon);
  if (!lexicon.ok) {
    io.stderr(`parallax report: ${printableName(lexicon.message)}\n`);
    return 2;
  }
  const paths = positionals.map((path) => resolve(path));
  const documents = await openWithPreferences(paths, data, io);
  if (documents.length === 0) {
    io.stderr('parallax report: no file could be opened.\n');
    return 2;
  }
  const comparison = await compareOpened(documents, { lexicon: lexicon.value, threshold });
  const id = comparisonIdFor(paths);
  const notes = data?.notes.filter((note) => note.comparisonId === id) ?? [];
  const stored = data?.comparisons.find((candidate) => candidate.id === id);
  const item: ExportComparison = { id, title: stored?.title ?? documents[0]?.title ?? 'Comparison', comparison, notes };
  const html = comparisonReport(item, { codebook: data ? await codebookInUse(resourcesDir, data) : null, generated: new Date().toISOString().slice(0, 10) });
  if (!(await writeOut(html, values.html, 'report', io))) return 2;
  io.stderr(`parallax: report of ${documents.length} sources with ${notes.length} ${notes.length === 1 ? 'note' : 'notes'} written to ${values.html}.\n`);
  return documents.length < paths.length ? 1 : 0;
}
