import { watch, statSync, type FSWatcher, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { SourceChange } from '../../shared/contract/api.js';

/**
 * Watching the files of the open comparison, so the page can offer to reload one that changed or
 * say that one was moved or deleted.
 *
 * Each file's folder is watched (not the file itself): editors that save by writing a new file and
 * renaming it over the old one replace the file, and a watch on the file would go deaf. Events are
 * filtered to the watched names and debounced per file; then the file is looked at: gone means
 * `removed`, different size, time or inode from last time means `changed`. A burst of events (an
 * editor's temporary file, the rename, a metadata touch) gives one report.
 */

export interface SourceWatcher {
  /** Stop watching. Safe to call more than once. */
  close(): void;
}

export interface WatchOptions {
  /** How long a file must be quiet before it is looked at. */
  readonly debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 300;

/** What is compared to tell whether a file changed. */
type Signature = string | null;

function signatureOf(path: string): Signature {
  let info: Stats;
  try {
    info = statSync(path);
  } catch {
    return null;
  }
  return `${info.size}:${info.mtimeMs}:${info.ino}:${info.ctimeMs}`;
}

/** Watch `paths`; call `onChange` once per settled change or removal of one of them. */
export function watchSources(paths: readonly string[], onChange: (change: SourceChange) => void, options: WatchOptions = {}): SourceWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const files = [...new Set(paths.map((path) => resolve(path)))];
  const last = new Map<string, Signature>(files.map((path) => [path, signatureOf(path)]));
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  let closed = false;

  const settle = (path: string): void => {
    timers.delete(path);
    if (closed) return;
    const now = signatureOf(path);
    const before = last.get(path);
    if (now === before) return;
    last.set(path, now);
    try {
      onChange({ path, change: now === null ? 'removed' : 'changed' });
    } catch (error) {
      console.error('Parallax: a listener for changed sources failed:', error);
    }
  };

  const schedule = (path: string): void => {
    if (closed) return;
    const pending = timers.get(path);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => settle(path), debounceMs);
    timer.unref?.();
    timers.set(path, timer);
  };

  const byFolder = new Map<string, Map<string, string>>();
  for (const path of files) {
    const folder = dirname(path);
    const names = byFolder.get(folder) ?? new Map<string, string>();
    names.set(basename(path), path);
    byFolder.set(folder, names);
  }

  for (const [folder, names] of byFolder) {
    const all = (): void => names.forEach((path) => schedule(path));
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, filename) => {
        // Some systems do not say which file; then look at every watched file of the folder.
        if (filename === null || filename === undefined) return all();
        const path = names.get(String(filename));
        if (path) schedule(path);
      });
    } catch {
      // The folder is gone or cannot be watched: say so for each file that is no longer there.
      setTimeout(all, 0).unref?.();
      continue;
    }
    // The folder itself was removed or renamed: the files in it are gone from where they were.
    watcher.on('error', () => {
      watcher.close();
      all();
    });
    watchers.push(watcher);
  }

  return {
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}
