import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathExists, removeLeftoverTemporaries, syncFolder, writeFileDurably } from './durable-file.js';
import { readRegularFile, readRegularTextFile, type SafeReadOptions } from './safe-read.js';

/**
 * Backups of the notes store, in the data folder's `backups/` folder, one file per backup named by
 * the time it was made (`parallax-store.2025-03-01T12-00-00-000Z.json`, UTC).
 *
 * - Taken when something changed: the state a session found (before its first write, so the bytes
 *   an older version wrote survive its migration), then the saved state at most every
 *   `BACKUP_INTERVAL_MS` while the person works, and the state when the store closes.
 * - Checked: a new backup is read back and must parse and validate before any older one is
 *   removed; one that does not is deleted and the older ones stay.
 * - Rotated: the `KEEP_RECENT` newest are kept, and the first backup of each of the last
 *   `KEEP_DAILY` days that have one, so yesterday's state is still there after a busy morning.
 * - Kept: nothing else ever removes a backup; one that cannot be used is renamed aside, never
 *   deleted.
 */

export const BACKUP_FOLDER = 'backups';
/**
 * The notes store and its backups are read only up to this size (a store of 10,000 notes is about
 * 10 MB), and only when they are ordinary files: a pipe or a device in their place is refused
 * unread (see safe-read.ts).
 */
export const MAX_STORE_BYTES = 256 * 1024 * 1024;

/** How a store file or backup is read: an ordinary file, at most MAX_STORE_BYTES. */
export function storeFileReading(what: string): SafeReadOptions {
  return { maxBytes: MAX_STORE_BYTES, what };
}
export const KEEP_RECENT = 5;
export const KEEP_DAILY = 7;
export const BACKUP_INTERVAL_MS = 5 * 60_000;

const PREFIX = 'parallax-store.';
const NAME = /^parallax-store\.(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.json$/;

export interface BackupFile {
  readonly path: string;
  readonly name: string;
  /** When it was made, from its name. */
  readonly madeAt: Date;
  /** 1, or the n of a `-n` name: backups made in the same millisecond, in order. */
  readonly sequence: number;
}

const newestFirst = (a: BackupFile, b: BackupFile): number => b.madeAt.getTime() - a.madeAt.getTime() || b.sequence - a.sequence;

/** "on 1 March 2025 at 12:00", in the person's time zone. */
export function describeWhen(when: Date): string {
  return `on ${when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}`;
}

/** A file name's timestamp: the time in UTC with `:` and `.` made safe for every file system. */
export function fileStamp(when: Date): string {
  return when.toISOString().replace(/[:.]/g, '-');
}

/** The backups in `folder`, newest first. Files of other names (those moved aside, temporaries) are not backups. */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const [, y, mo, d, h, mi, s, ms, n] = match.map(Number) as number[];
    const madeAt = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
    backups.push({ path: join(folder, name), name, madeAt, sequence: n || 1 });
  }
  return backups.sort(newestFirst);
}

/** Which backups rotation keeps: the newest few, and the oldest of each of the last days. */
export function backupsToKeep(backups: readonly BackupFile[]): Set<string> {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set(sorted.slice(0, KEEP_RECENT).map((backup) => backup.path));
  const firstOfDay = new Map<string, BackupFile>();
  for (const backup of sorted) firstOfDay.set(backup.madeAt.toISOString().slice(0, 10), backup); // the last set is the oldest
  for (const backup of [...firstOfDay.values()].slice(0, KEEP_DAILY)) keep.add(backup.path);
  return keep;
}

export class StoreBackups {
  /** The text of the newest backup, and when it was made: a write that changes nothing takes none. */
  private newestText: string | null = null;
  private newestAt: Date | null = null;

  constructor(
    readonly folder: string,
    /** Parse and validate a backup's bytes; throws when they are not a good store. */
    private readonly check: (bytes: Uint8Array) => unknown,
    private readonly now: () => Date,
  ) {}

  /** Clear what a crash left behind, and learn the newest backup. */
  async open(): Promise<void> {
    await removeLeftoverTemporaries(join(this.folder, 'parallax-store'));
    const newest = (await listBackups(this.folder))[0];
    if (!newest) return;
    try {
      this.newestText = await readRegularTextFile(newest.path, storeFileReading('The newest backup of the notes'));
      this.newestAt = newest.madeAt;
    } catch {
      // Unreadable now: the next change is backed up anew.
    }
  }

  /** Whether the saved state should be backed up now, while the person works. */
  isDue(): boolean {
    return this.newestAt === null || this.now().getTime() - this.newestAt.getTime() >= BACKUP_INTERVAL_MS;
  }

  /**
   * Keep `text` as a backup unless the newest backup already holds it; then rotate. Returns the
   * new backup's path, or null when none was needed or it failed its check (older ones untouched).
   */
  async keep(text: string): Promise<string | null> {
    if (text === this.newestText) return null;
    // A folder made now is itself an entry of the data folder: flush that too.
    if (await mkdir(this.folder, { recursive: true })) await syncFolder(dirname(this.folder));
    const when = this.now();
    const path = await freeName(this.folder, `${PREFIX}${fileStamp(when)}`, '.json');
    await writeFileDurably(path, text);
    try {
      const bytes = await readRegularFile(path, storeFileReading('The new backup of the notes'));
      if (bytes.toString('utf8') !== text) throw new Error('the backup read back differs from what was written');
      this.check(bytes);
    } catch (error) {
      await rm(path, { force: true });
      console.error(`Parallax could not make a good backup of the notes (${error instanceof Error ? error.message : String(error)}); the older backups are kept.`);
      return null;
    }
    this.newestText = text;
    this.newestAt = when;
    await this.rotate();
    return path;
  }

  private async rotate(): Promise<void> {
    const backups = await listBackups(this.folder);
    const keep = backupsToKeep(backups);
    const gone = backups.filter((backup) => !keep.has(backup.path));
    if (gone.length === 0) return;
    await Promise.all(gone.map((backup) => rm(backup.path, { force: true })));
    await syncFolder(this.folder);
  }
}

/** `<base><ext>`, or `<base>-2<ext>`, … : a name in `folder` that nothing has yet. */
export async function freeName(folder: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${base}${n > 1 ? `-${n}` : ''}${ext}`);
    if (!(await pathExists(candidate))) return candidate;
  }
}

/** Rename `file` to `<base><ext>` (numbered when taken) in `folder`, and flush the folder. Never replaces a file. */
export async function moveAsideTo(file: string, folder: string, base: string, ext = '.json'): Promise<string> {
  const target = await freeName(folder, base, ext);
  await rename(file, target);
  await syncFolder(folder);
  return target;
}

/** When a file was last changed, or null when that cannot be told. */
export async function modifiedAt(path: string): Promise<Date | null> {
  try {
    return (await stat(path)).mtime;
  } catch {
    return null;
  }
}
