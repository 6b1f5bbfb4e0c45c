import { randomUUID } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writing a file so that a crash or a power cut at any moment leaves either the old or the new
 * content, never a mix: write a temporary file in the same folder, flush it to disk, rename it over
 * the target, then flush the folder so the rename itself is on disk. (lowdb's own writer renames
 * but never flushes.)
 */
export async function writeFileDurably(file: string, text: string | Uint8Array): Promise<void> {
  await (await stageFileDurably(file, text)).commit();
}

/** A file's new content, written and flushed beside it, waiting to be renamed over it. */
export interface StagedFile {
  /** Rename it over the target and flush the folder. On failure the temporary file is removed. */
  commit(): Promise<void>;
  /** Remove the temporary file, leaving the target as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of `writeFileDurably`: the new content, flushed to disk in a temporary file. A
 * disk that is full or read-only fails here, before anything else is changed, so a caller can
 * stage first and only then move things around (as the store's recovery does).
 */
export async function stageFileDurably(file: string, text: string | Uint8Array): Promise<StagedFile> {
  const temporary = join(dirname(file), `${basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  const discard = (): Promise<void> => rm(temporary, { force: true }).catch(() => undefined);
  return {
    async commit() {
      try {
        await renameWithRetry(temporary, file);
      } catch (error) {
        await discard();
        throw error;
      }
      await syncFolder(dirname(file));
    },
    discard,
  };
}

/** Remove temporary files a crash left behind next to `file`. */
export async function removeLeftoverTemporaries(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return;
  }
  // One that cannot be removed (a disk gone read-only) is harmless: it is never read.
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(file), name), { force: true }).catch(() => undefined)),
  );
}

/** Flush a folder's entries to disk. Windows cannot open a folder for this; NTFS journals renames. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** On Windows a virus scanner or indexer can hold the target open for a moment: try a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!transient || process.platform !== 'win32' || attempt >= 5) throw error;
      await new Promise((done) => setTimeout(done, 50 * (attempt + 1)));
    }
  }
}

/** Whether something exists at a path (a file, a folder, anything). */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
