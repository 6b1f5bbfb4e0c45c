import { readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ApiHandlers, AppStatus, OpenComparisonResult, OpenProblem, RecentComparison } from '../../shared/contract/api.js';
import { compareDocuments } from '../../shared/core/compare.js';
import { labelFromPath } from '../../shared/core/document.js';
import { hashText } from '../../shared/core/hash.js';
import { UserFacingError } from './dispatch.js';
import { openSources } from './sources.js';
import { openNotesStore } from './store.js';

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
  /** The name written on new notes; the account's user name when not given. */
  author?: string;
  /** Files to hand to the page on start-up (from the command line), through `comparison:pending`. */
  initialPaths?: readonly string[];
  /** Called after the recent list changed, for the native menu. */
  onRecentChanged?: (recent: readonly RecentComparison[]) => void;
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
  const status: AppStatus = { version: options.version, dataDir: options.dataDir, storeRecovery: store.recovery };
  let pending: string[] = [...(options.initialPaths ?? [])];

  const recentChanged = (): void => options.onRecentChanged?.(store.listRecent());

  async function openComparison(requested: readonly string[]): Promise<OpenComparisonResult> {
    const paths = [...new Set(requested.map((path) => resolve(path)))];
    const { documents, problems } = await openSources(paths);
    const first = documents[0];
    if (!first) throw new UserFacingError(nothingOpened(problems), 'unreadable');

    const comparison = compareDocuments(documents);
    const id = comparisonIdFor(paths);
    const labels = new Map(documents.map((document) => [document.path, document.label]));
    const allProblems = [...problems];
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
    return { id, comparison, problems: allProblems };
  }

  const handlers: ApiHandlers = {
    'comparison:open': (request) => openComparison(request.paths),
    'comparison:openSample': async () => openComparison(await listSamples(options.samplesDir)),
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
    'files:pick': async () => ({ paths: await options.pickFiles() }),
    'notes:list': async (request) => store.listNotes(request.comparisonId),
    'notes:save': (request) => store.saveNote(request, author),
    'notes:delete': async (request) => ({ deleted: await store.deleteNote(request.id) }),
    'app:status': async () => status,
  };

  return {
    handlers,
    status,
    queueOpen(paths) {
      pending = [...pending, ...paths];
    },
    listRecent: () => store.listRecent(),
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
