import { readdir, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type {
  ApiHandlers,
  AppStatus,
  ComparisonProgress,
  LexiconState,
  OpenComparisonResult,
  OpenProblem,
  RecentComparison,
  SourceChoices,
} from '../../shared/contract/api.js';
import type { Comparison, SourceDocument } from '../../shared/contract/comparison.js';
import { LEXICON_SCHEMA, parseLexicon, type Lexicon } from '../../shared/contract/lexicon.js';
import { DEFAULT_ALIGN_THRESHOLD } from '../../shared/core/align.js';
import { applySourcePreferences, labelFromPath, paragraphKey } from '../../shared/core/document.js';
import { hashText } from '../../shared/core/hash.js';
import { CancelledError, ComparisonSlot, runComparison, stageAt } from './compare-pool.js';
import { readSources as readSourcesWithChoices, type ReadSourcesResult } from './comparison-service.js';
import { UserFacingError } from './dispatch.js';
import { writeFileDurably } from './durable-file.js';
import { applyLexiconChanges, loadLexicon, withRemovedSet, withSavedSet, type LexiconChanges } from './lexicon.js';
import { createNotesHandlers, EMPTY_CODEBOOK, loadCodebook } from './notes-api.js';
import { createNotesTransferHandlers, type SaveDialogPurpose } from './notes-transfer.js';
import { PASTED_FOLDER, savePastedSource } from './pasted.js';
import { openSources } from './sources.js';
import { openNotesStore, type StoredSourcePreferences } from './store.js';

/**
 * The main process's side of the API: one handler per channel of the shared contract, over plain
 * Node services. Electron's IPC calls these through `dispatch()`; so do the end-to-end tests, which
 * is why nothing here imports Electron.
 */

export interface ApiServiceOptions {
  /** The folder for the notes store. */
  dataDir: string;
  /** The folder of sample articles (see `samplesDirectory`). */
  samplesDir: string;
  /** The app's version, shown by the page. */
  version: string;
  /** Ask the person for files to open (Electron's open dialog in the app); [] when they cancel. */
  pickFiles: () => Promise<string[]>;
  /** The name written on new notes while the person has set none in the settings; the account's user name when not given. */
  author?: string;
  /**
   * The default codebook for tagging notes (`defaultCodebookPath(resources folder)`), read once at
   * start. Without it, or when it cannot be read, the person starts from an empty codebook.
   */
  codebookPath?: string;
  /** Files to hand to the page on start-up (from the command line), through `comparison:pending`. */
  initialPaths?: readonly string[];
  /** Called after the recent list changed, for the native menu. */
  onRecentChanged?: (recent: readonly RecentComparison[]) => void;
  /**
   * Called with the files of each comparison opened (absolute paths, those that opened), so the
   * app can watch them for changes on disk.
   */
  onSourcesOpened?: (paths: readonly string[]) => void;
  /**
   * The lexicon that classifies differences (attribution, loaded terms, hedges, labels): the
   * default one is `defaultLexiconPath(resources folder)`. Read once, at start. Without it, or when
   * it cannot be read, differences are compared without being classified (and the person is told).
   */
  lexiconPath?: string;
  /**
   * Ask the person where to save an export (Electron's save dialog in the app), offering
   * `suggestedName`; `purpose` gives the dialog's title and file type (word sets when absent);
   * null when they cancel.
   */
  pickSavePath?: (suggestedName: string, purpose?: SaveDialogPurpose) => Promise<string | null>;
  /** Ask the person for a notes file to import (Electron's open dialog in the app); null when they cancel. */
  pickNotesFile?: () => Promise<string | null>;
  /**
   * Render an HTML report to PDF (in the app: Electron's printToPDF in a hidden, sandboxed window
   * with JavaScript off). Without it, PDF export says it cannot be made here.
   */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Ask the person for a lexicon file to import (Electron's open dialog in the app); null when they cancel. */
  pickLexiconFile?: () => Promise<string | null>;
  /** Ask the person for a REFI-QDA codebook (.qdc) or project (.qdpx) to take codes from; null when they cancel. */
  pickCodebookFile?: () => Promise<string | null>;
  /** Called with how far the comparison being worked out has got, for the page. */
  onProgress?: (progress: ComparisonProgress) => void;
  /**
   * The comparison worker script (see compare-pool.ts); by default the built one beside the
   * bundle, or in this thread when running from source.
   */
  compareWorker?: URL | 'in-process';
  /** The clock, for tests. */
  now?: () => Date;
}

export interface ApiService {
  readonly handlers: ApiHandlers;
  readonly status: AppStatus;
  /** Queue files for the page to open; then send it the `open-pending` menu command. */
  queueOpen(paths: readonly string[]): void;
  /** The recent list, newest first (for the native menu). */
  listRecent(): readonly RecentComparison[];
  /** Paths the person chose outside the page (a drop, read by the preload): the page may open them. */
  grant(paths: readonly string[]): void;
  /**
   * The paths of a request from the page that Parallax may not open: only files the person chose
   * (the file dialog, a drop, the command line), the samples, pasted text, and files the store
   * already holds (recent comparisons, remembered sources) are opened, so a page that was tricked
   * cannot read any file it names.
   */
  refusedPaths(request: unknown): string[];
  /** Finish pending writes and close the store. */
  close(): Promise<void>;
}

/** A comparison's id: the same set of files (in any order) always gives the same id. */
export function comparisonIdFor(paths: readonly string[]): string {
  const sorted = [...new Set(paths.map((path) => resolve(path)))].sort();
  return `c${hashText(sorted.join('\n'))}`;
}

export async function createApiHandlers(options: ApiServiceOptions): Promise<ApiService> {
  const store = await openNotesStore(options.dataDir, options.now ? { now: options.now } : {});
  const author = options.author ?? accountName();
  const defaultCodebook = options.codebookPath ? await loadCodebook(options.codebookPath) : null;
  if (defaultCodebook && !defaultCodebook.ok) console.error(`Parallax starts with an empty codebook: ${defaultCodebook.message}`);
  const status: AppStatus = { version: options.version, dataDir: options.dataDir, storeRecovery: store.recovery, ...(store.readOnly ? { storeReadOnly: true } : {}) };
  let pending: string[] = [...(options.initialPaths ?? [])];

  const recentChanged = (): void => options.onRecentChanged?.(store.listRecent());
  const lexicon = options.lexiconPath ? await loadLexicon(options.lexiconPath) : null;
  const lexiconProblem: OpenProblem | null =
    lexicon && !lexicon.ok
      ? {
          path: options.lexiconPath!,
          message: `${lexicon.message} Differences are shown, but not told apart by kind (attribution, loaded terms, hedges, labels). Reinstall Parallax to get it back.`,
        }
      : null;
  /**
   * The default word sets, and the person's changes to them from the store: the lexicon in use is
   * worked out from both after every change, and every comparison from then on uses it.
   */
  const baseLexicon: Lexicon = lexicon?.ok ? lexicon.lexicon : { schema: LEXICON_SCHEMA, name: 'Your word sets', sets: [] };
  const settings: { lexicon?: Lexicon } = {};
  const useLexicon = (): void => {
    const changes = store.lexiconChanges();
    // Without a default lexicon and without changes, differences are shown unclassified, as before.
    if (lexicon?.ok || changes) settings.lexicon = applyLexiconChanges(baseLexicon, changes);
    else delete settings.lexicon;
  };
  useLexicon();
  const lexiconState = (): LexiconState => ({
    lexicon: settings.lexicon ?? baseLexicon,
    changed: store.lexiconChanges() !== null,
  });
  /** Check the lexicon the changes would make against the schema, keep them, and use it. */
  async function changeLexicon(changes: LexiconChanges | null): Promise<LexiconState> {
    const checked = parseLexicon(applyLexiconChanges(baseLexicon, changes));
    if (!checked.ok) {
      throw new UserFacingError(`The word sets could not be changed: ${checked.problems.slice(0, 3).join('; ')}.`, 'invalid-request');
    }
    await store.setLexiconChanges(changes && { saved: [...changes.saved], removed: [...changes.removed] });
    useLexicon();
    return lexiconState();
  }
  /**
   * How alike paragraphs must be to be lined up: the setting last asked for with `comparison:open`;
   * at start, the person's Matching setting from the store (so the first comparison, the sample or
   * the files given on the command line, already uses it), or the default.
   */
  let threshold = store.settings().threshold ?? DEFAULT_ALIGN_THRESHOLD;
  /** One comparison at a time: a new one cancels the one under way, and the page can cancel it. */
  const slot = new ComparisonSlot();
  const progress = (update: ComparisonProgress): void => {
    try {
      options.onProgress?.(update);
    } catch (error) {
      console.error('Parallax could not tell the page how far the comparison has got:', error);
    }
  };
  const now = options.now ?? (() => new Date());

  /** Read the files through the comparison service, with the encodings remembered for them. */
  function readSources(requested: readonly string[]): Promise<ReadSourcesResult> {
    return readSourcesWithChoices(requested, (path) => store.sourcePreferences(path));
  }

  /** The person's choices applied to a document, and what they were, for the page. */
  function withPreferences(document: SourceDocument): { document: SourceDocument; choices: SourceChoices } {
    const preferences = store.sourcePreferences(document.path);
    const kinds: { paragraph: number; kind: 'body' | 'boilerplate' }[] = [];
    if (preferences?.kinds) {
      for (let index = 0; index < document.paragraphs.length; index++) {
        const kind = preferences.kinds[paragraphKey(document, index)];
        if (kind) kinds.push({ paragraph: index, kind });
      }
    }
    return {
      document: applySourcePreferences(document, preferences),
      choices: {
        path: document.path,
        ...(preferences?.label ? { label: preferences.label } : {}),
        ...(preferences?.encoding ? { encoding: preferences.encoding } : {}),
        kinds,
      },
    };
  }

  /**
   * Compare documents already read (off the main thread, cancelled by `signal`), remember the
   * comparison, and answer the page. `alike`: the threshold for this comparison, kept for the
   * comparisons that follow once it has been worked out.
   */
  async function finishComparison(
    paths: readonly string[],
    read: readonly SourceDocument[],
    problems: readonly OpenProblem[],
    signal: AbortSignal,
    alike = threshold,
  ): Promise<OpenComparisonResult> {
    if (signal.aborted) throw new CancelledError();
    const prepared = read.map(withPreferences);
    const documents = prepared.map((entry) => entry.document);
    const first = documents[0];
    if (!first) throw new UserFacingError(nothingOpened(problems), 'unreadable');
    // Their text goes to the page at once, to be read while they are compared (once, before the work).
    const texts = documents.map(({ path, label, title, text, paragraphs }) => ({ path, label, title, text, paragraphs }));
    progress({ done: 0, stage: stageAt(0), documents: texts });

    const comparison = await runComparison(documents, { ...settings, threshold: alike }, { signal, onProgress: progress, worker: options.compareWorker });
    threshold = alike;
    const id = comparisonIdFor(paths);
    const labels = new Map(documents.map((document) => [document.path, document.label]));
    const allProblems = lexiconProblem ? [...problems, lexiconProblem] : [...problems];
    try {
      await store.touchComparison({
        id,
        title: first.title || first.label,
        sources: paths.map((path) => ({ path, label: labels.get(path) ?? labelFromPath(path) })),
      });
      recentChanged();
    } catch (error) {
      // The articles are open; only the recent list could not be saved. Say so beside them.
      const message = error instanceof Error ? error.message : String(error);
      allProblems.push({ path: store.file, message: `This comparison could not be added to the recent list. ${message}` });
    }
    try {
      options.onSourcesOpened?.(documents.map((document) => document.path));
    } catch (error) {
      console.error('Parallax could not watch the open files for changes:', error);
    }
    return { id, comparison, problems: allProblems, choices: prepared.map((entry) => entry.choices) };
  }

  async function openComparison(requested: readonly string[], signal: AbortSignal, alike = threshold): Promise<OpenComparisonResult> {
    progress({ done: 0, stage: 'Reading the sources' });
    const { paths, documents, problems } = await readSources(requested);
    return finishComparison(paths, documents, problems, signal, alike);
  }

  /** The comparison's paths, resolved, with `path` among them (or a message saying it is not). */
  function sourceOf(paths: readonly string[], path: string): string {
    const target = resolve(path);
    if (!paths.some((other) => resolve(other) === target)) {
      throw new UserFacingError(
        `"${basename(target)}" is not one of the sources of this comparison. Open it with the others first.`,
        'invalid-request',
      );
    }
    return target;
  }

  /** Save a change to what is remembered about a source file. */
  async function remember(path: string, change: (current: StoredSourcePreferences) => StoredSourcePreferences): Promise<void> {
    await store.updateSourcePreferences(path, change);
  }

  /** The comparison of these files as it stands now, for placing notes in an export; null when none opens. */
  async function compareForExport(paths: readonly string[]): Promise<Comparison | null> {
    const { documents } = await readSources(paths);
    if (documents.length === 0) return null;
    // Not through `slot`: an export must not cancel the comparison on screen.
    return runComparison(documents.map((document) => withPreferences(document).document), { ...settings, threshold }, { worker: options.compareWorker });
  }
  const notesHandlers = createNotesHandlers(store, { authorFallback: author, defaultCodebook: defaultCodebook?.ok ? defaultCodebook.codebook : EMPTY_CODEBOOK });

  // The files the person chose outside the page, resolved: see `refusedPaths`.
  const chosen = new Set<string>();
  const grant = (paths: readonly string[]): void => {
    for (const path of paths) if (path) chosen.add(resolve(path));
  };
  const inside = (folder: string, path: string): boolean => {
    const from = relative(resolve(folder), path);
    return from !== '' && !from.startsWith('..') && !isAbsolute(from);
  };
  const allowed = (given: string): boolean => {
    const path = resolve(given);
    return (
      chosen.has(path) ||
      inside(options.samplesDir, path) ||
      inside(join(options.dataDir, PASTED_FOLDER), path) ||
      store.sourcePreferences(path) !== undefined ||
      store.listRecent().some((recent) => recent.sources.some((source) => resolve(source.path) === path))
    );
  };

  const handlers: ApiHandlers = {
    'comparison:open': (request) =>
      slot.run(async (signal) => {
        if (request.relink) {
          const to = sourceOf(request.paths, request.relink.to);
          const from = resolve(request.relink.from);
          const before = request.paths.map((path) => (resolve(path) === to ? from : path));
          await store.relinkSource({ fromId: comparisonIdFor(before), toId: comparisonIdFor(request.paths), fromPath: from, toPath: to });
        }
        return openComparison(request.paths, signal, request.threshold ?? threshold);
      }),
    'comparison:openSample': () => slot.run(async (signal) => openComparison(await listSamples(options.samplesDir), signal)),
    'comparison:cancel': async () => ({ cancelled: slot.cancel() }),
    'comparison:pending': async () => {
      const paths = pending;
      pending = [];
      return { paths };
    },
    'comparison:recent': async () => store.listRecent(),
    'comparison:forget': async (request) => {
      const recent = await store.forgetComparison(request.id);
      recentChanged();
      return recent;
    },
    'files:pick': async () => {
      const paths = await options.pickFiles();
      grant(paths);
      return { paths };
    },
    ...notesHandlers,
    ...createNotesTransferHandlers({
      store,
      codebook: () => store.codebook() ?? (defaultCodebook?.ok ? defaultCodebook.codebook : EMPTY_CODEBOOK),
      compare: compareForExport,
      ...(options.pickSavePath ? { pickSavePath: options.pickSavePath } : {}),
      ...(options.pickNotesFile ? { pickNotesFile: options.pickNotesFile } : {}),
      ...(options.pickCodebookFile ? { pickCodebookFile: options.pickCodebookFile } : {}),
      version: options.version,
      ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
      now,
      onRecentChanged: recentChanged,
    }),
    'app:status': async () => status,
    'source:setLabel': (request) =>
      slot.run(async (signal) => {
        const path = sourceOf(request.paths, request.path);
        const label = request.label.replace(/\s+/g, ' ').trim();
        await remember(path, ({ label: _previous, ...rest }) => (label ? { ...rest, label } : rest));
        return openComparison(request.paths, signal);
      }),
    'source:setEncoding': (request) =>
      slot.run(async (signal) => {
        const path = sourceOf(request.paths, request.path);
        await remember(path, ({ encoding: _previous, ...rest }) => (request.encoding ? { ...rest, encoding: request.encoding } : rest));
        return openComparison(request.paths, signal);
      }),
    'source:setParagraphKind': (request) => slot.run(async (signal) => {
      const path = sourceOf(request.paths, request.path);
      const { paths, documents, problems } = await readSources(request.paths);
      const document = documents.find((candidate) => candidate.path === path);
      if (!document) {
        const problem = problems.find((candidate) => candidate.path === path);
        throw new UserFacingError(problem?.message ?? `"${basename(path)}" could not be opened again.`, 'unreadable');
      }
      if (request.paragraph >= document.paragraphs.length) {
        throw new UserFacingError(
          `"${basename(path)}" has ${document.paragraphs.length} paragraphs now, so paragraph ${request.paragraph + 1} could not be marked. It may have changed on disk: reload it and try again.`,
          'not-found',
        );
      }
      const key = paragraphKey(document, request.paragraph);
      await remember(path, ({ kinds = {}, ...rest }) => {
        const next = { ...kinds };
        if (request.kind) next[key] = request.kind;
        else delete next[key];
        return { ...rest, kinds: next };
      });
      return finishComparison(paths, documents, problems, signal);
    }),
    'source:addText': (request) => slot.run(async (signal) => {
      let saved = await savePastedSource(options.dataDir, { text: request.text, html: request.html, name: request.name }, now());
      if (request.html !== undefined && request.text.trim() !== '') {
        // A short or unusual snippet of a page can hold too little for the article reader to find;
        // then the plain text the clipboard also held is kept instead, so the paste still works.
        const read = await openSources([saved.path]);
        if (read.documents.length === 0) {
          await rm(saved.path, { force: true });
          saved = await savePastedSource(options.dataDir, { text: request.text, name: saved.name }, now());
        }
      }
      await remember(saved.path, (current) => ({ ...current, label: saved.name.slice(0, 120) }));
      return openComparison([...request.paths, saved.path], signal);
    }),
    'lexicon:get': async () => lexiconState(),
    'lexicon:saveSet': (request) => changeLexicon(withSavedSet(store.lexiconChanges(), request.set)),
    'lexicon:removeSet': async (request) => {
      if (!lexiconState().lexicon.sets.some((set) => set.id === request.id)) {
        throw new UserFacingError(`There is no word set "${request.id}" to remove; it may have been removed already.`, 'not-found');
      }
      return changeLexicon(withRemovedSet(store.lexiconChanges(), baseLexicon, request.id));
    },
    'lexicon:reset': () => changeLexicon(null),
    'lexicon:export': async () => {
      if (!options.pickSavePath) throw new UserFacingError('Parallax cannot ask where to save here.', 'failed');
      const path = await options.pickSavePath('parallax-word-sets.json');
      if (!path) return { cancelled: true };
      const current = lexiconState();
      const exported: Lexicon = current.changed ? { ...current.lexicon, name: 'Parallax word sets (with your changes)' } : current.lexicon;
      try {
        await writeFileDurably(path, JSON.stringify(exported, null, 2) + '\n');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        throw new UserFacingError(`The word sets could not be saved as "${basename(path)}" (${code}). Choose another folder and try again.`, 'failed');
      }
      return { path };
    },
    'lexicon:import': async () => {
      if (!options.pickLexiconFile) throw new UserFacingError('Parallax cannot ask for a file here.', 'failed');
      const path = await options.pickLexiconFile();
      if (!path) return { cancelled: true };
      const loaded = await loadLexicon(path);
      if (!loaded.ok) throw new UserFacingError(`${loaded.message} Nothing was imported.`, 'unreadable');
      const inUse = new Set(lexiconState().lexicon.sets.map((set) => set.id));
      let changes = store.lexiconChanges();
      let added = 0;
      let replaced = 0;
      for (const set of loaded.lexicon.sets) {
        if (inUse.has(set.id)) replaced++;
        else added++;
        changes = withSavedSet(changes, set);
      }
      const state = loaded.lexicon.sets.length > 0 ? await changeLexicon(changes) : lexiconState();
      return { ...state, file: basename(path), added, replaced };
    },
  };

  return {
    handlers,
    status,
    queueOpen(paths) {
      grant(paths);
      pending = [...pending, ...paths];
    },
    listRecent: () => store.listRecent(),
    grant,
    refusedPaths(request) {
      return pathsOf(request).filter((path) => !allowed(path));
    },
    close: () => store.close(),
  };
}

/** The sample articles: every visible file in the folder, by name, except its README (which describes them). */
async function listSamples(samplesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(samplesDir, { withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !/^readme(\.|$)/i.test(entry.name))
      .map((entry) => join(samplesDir, entry.name))
      .sort();
    if (files.length > 0) return files;
  } catch {
    // Reported below, in the same words as an empty folder.
  }
  throw new UserFacingError(
    `The sample articles are missing (Parallax looked in ${samplesDir}). Reinstall Parallax, or open your own articles with File > Open.`,
    'not-found',
  );
}

function nothingOpened(problems: readonly OpenProblem[]): string {
  if (problems.length === 1) return problems[0]!.message;
  const names = problems.map((problem) => `"${basename(problem.path)}"`).join(', ');
  return `None of the files could be opened (${names}). ${problems.map((problem) => problem.message).join(' ')}`;
}

function accountName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Every file path a request from the page names: `paths`, `path`, and a relink's `from` and `to`. */
function pathsOf(request: unknown): string[] {
  if (typeof request !== 'object' || request === null) return [];
  const fields = request as { paths?: unknown; path?: unknown; relink?: unknown };
  const out: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
  };
  if (Array.isArray(fields.paths)) fields.paths.forEach(add);
  add(fields.path);
  if (typeof fields.relink === 'object' && fields.relink !== null) {
    add((fields.relink as { from?: unknown }).from);
    add((fields.relink as { to?: unknown }).to);
  }
  return out;
}
