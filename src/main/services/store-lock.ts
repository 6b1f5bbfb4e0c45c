import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, readlink, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { printableName } from '../../shared/core/terminal.js';
import { UserFacingError } from './dispatch.js';
import { removeLeftoverTemporaries } from './durable-file.js';
import { readRegularFile } from './safe-read.js';
import { describeWhen } from './store-backups.js';

/**
 * One writer per data folder: the notes store's lock.
 *
 * The store keeps its state in memory and writes it whole, so two processes writing one folder
 * (the app and a command, two profiles given the same --data-dir) each overwrite the other's saves.
 * Electron's single-instance lock covers only the app, so the store takes its own: the file
 * `parallax-store.lock` in the data folder, made atomically with its content (written to a
 * temporary file, then hard-linked into place, which fails if the lock exists) and naming its
 * holder: process id, computer, what program, since when.
 *
 * - A second writer waits briefly (`DEFAULT_LOCK_WAIT_MS`) for the holder to close, then is refused
 *   with a message naming the folder and the holder (`StoreInUseError`).
 * - A lock whose holder is gone is stale and taken over at once, with no waiting: on the same
 *   computer the holder's process is looked up (on Linux exactly, by boot, process id and start
 *   time, so a process id reused after a crash or a restart does not count; elsewhere by whether
 *   the process id is running). A lock from another computer (a shared folder) cannot be checked
 *   and is respected; the message says which file to delete if that computer is not running
 *   Parallax. (proper-lockfile, the usual package, judges staleness only by the lock's age: a
 *   writer killed with SIGKILL would hold the store for its `stale` time, 10 s by default and 2 s
 *   at the least, and every holder needs a timer touching the lock for as long as it is open.)
 * - Readers take no lock: every write is an atomic rename, so a reader sees a whole state.
 * - Before each write the holder checks that the lock is still its own (`verify`), so a store
 *   whose lock was taken over or deleted stops writing instead of overwriting another's saves.
 */

export const LOCK_FILE = 'parallax-store.lock';
/** How long a second writer waits for the holder to close before it is refused. */
export const DEFAULT_LOCK_WAIT_MS = 3_000;
const POLL_MS = 100;
/** A lock file that cannot be read (cut short by a crash while being made) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;
const MAX_LOCK_BYTES = 64 * 1024;

const lockOwnerSchema = z.object({
  app: z.literal('Parallax'),
  pid: z.number().int().positive(),
  host: z.string().max(256),
  /** What holds it, in words: "the Parallax app", "the command …". */
  program: z.string().max(300),
  since: z.string().max(40),
  /** Tells this holder's lock from a later one, even of the same process. */
  token: z.string().min(1).max(64),
  /** Linux: which process exactly (see `ownLinuxIdentity`). */
  linux: z.object({ boot: z.string().max(64), pidNamespace: z.string().max(64), started: z.string().max(32) }).optional(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

/** The store's lock, held by this process. */
export interface StoreLock {
  readonly file: string;
  /** Throws a `StoreLockLostError` unless the lock file is still this holder's. */
  verify(): Promise<void>;
  /** Let go of the lock (only if it is still this holder's). */
  release(): Promise<void>;
}

/** The lock, or why it could not be made (the folder cannot be written: read-only, full, no permission). */
export type StoreAccess = { readonly kind: 'locked'; readonly lock: StoreLock } | { readonly kind: 'unwritable'; readonly error: NodeJS.ErrnoException };

export interface LockOptions {
  /** How long to wait for another holder to close (ms). */
  readonly waitMs?: number;
  /** What this program is, for the messages of another one that finds the lock. */
  readonly program?: string;
}

/** Another Parallax holds the store of this folder. */
export class StoreInUseError extends UserFacingError {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockOwner | null,
  ) {
    super(inUseMessage(dataDir, lockFile, holder), 'failed');
    this.name = 'StoreInUseError';
  }
}

/** The lock this store held was taken over or removed while it was open: it no longer writes. */
export class StoreLockLostError extends UserFacingError {
  constructor(dataDir: string, lockFile: string, holder: LockOwner | null) {
    const now = holder ? `${describeHolder(holder)} holds it now` : `its lock file ${lockFile} was removed`;
    super(
      `Parallax did not save this change: it no longer holds the lock on its notes in ${dataDir} (${now}), so another program may be changing them. To be safe, Parallax saves nothing more until it is started again.`,
      'failed',
    );
    this.name = 'StoreLockLostError';
  }
}

/** Locks this process holds, by lock file, with their tokens: a second store of the same folder in this process waits too. */
const heldHere = new Map<string, string>();

/**
 * Take the lock of the store in `dataDir` (which must exist), waiting up to `waitMs` for another
 * holder. Returns the lock, or why the folder cannot be written; throws `StoreInUseError` when
 * another Parallax still holds it.
 */
export async function lockStore(dataDir: string, options: LockOptions = {}): Promise<StoreAccess> {
  const file = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    app: 'Parallax',
    pid: process.pid,
    host: hostname(),
    program: options.program ?? thisProgram(),
    since: new Date().toISOString(),
    token: randomUUID(),
    ...(await ownLinuxIdentity()),
  };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  for (;;) {
    const made = await createLockFile(file, owner);
    if (made === 'created') return { kind: 'locked', lock: await holdLock(dataDir, file, owner) };
    if (made !== 'exists') return { kind: 'unwritable', error: made };
    const holder = await readHolder(file);
    if (holder === 'gone') continue;
    if (await isStale(file, holder)) {
      const removed = await removeStale(file, holder);
      if (removed !== true) return { kind: 'unwritable', error: removed };
      continue;
    }
    if (Date.now() >= deadline) throw new StoreInUseError(dataDir, file, holder === 'unreadable' ? null : holder);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

async function holdLock(dataDir: string, file: string, owner: LockOwner): Promise<StoreLock> {
  heldHere.set(file, owner.token);
  releaseAtExit();
  // Temporaries of a lock being made when its maker was killed; the holder clears them.
  await removeLeftoverTemporaries(file);
  let released = false;
  return {
    file,
    async verify() {
      const holder = await readHolder(file);
      if (released || typeof holder !== 'object' || holder.token !== owner.token) {
        throw new StoreLockLostError(dataDir, file, typeof holder === 'object' ? holder : null);
      }
    },
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(file);
      const holder = await readHolder(file);
      if (typeof holder === 'object' && holder.token === owner.token) await unlink(file).catch(() => undefined);
    },
  };
}

/**
 * Make the lock file with its content in one step: the content goes to a temporary file, which is
 * hard-linked to the lock's name (failing with EEXIST when it is taken), so no one ever sees a
 * lock file half written. A disk that cannot make hard links (FAT) gets the file made exclusively
 * and then written.
 */
async function createLockFile(file: string, owner: LockOwner): Promise<'created' | 'exists' | NodeJS.ErrnoException> {
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  const temporary = `${file}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return error as NodeJS.ErrnoException;
  }
  try {
    await link(temporary, file);
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the holder cleared our temporary as a leftover; look again.
    if (code === 'EEXIST' || code === 'ENOENT') return 'exists';
    // The temporary file could be written, so the disk makes no hard links (FAT: EPERM, ENOTSUP…).
    // Made exclusively instead, the lock also gives the true reason if the folder cannot be written.
    return createExclusively(file, text);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

async function createExclusively(file: string, text: string): Promise<'created' | 'exists' | NodeJS.ErrnoException> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : (error as NodeJS.ErrnoException);
  }
  try {
    await handle.writeFile(text, 'utf8');
    return 'created';
  } catch (error) {
    await handle.close().catch(() => undefined);
    handle = undefined;
    await unlink(file).catch(() => undefined);
    return error as NodeJS.ErrnoException;
  } finally {
    await handle?.close();
  }
}

/** Who holds the lock; 'unreadable' for a file that is not a lock Parallax wrote; 'gone' when there is none. */
async function readHolder(file: string): Promise<LockOwner | 'unreadable' | 'gone'> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, { maxBytes: MAX_LOCK_BYTES, what: 'The lock of the notes' });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Whether the holder is gone, so the lock can be taken over. */
async function isStale(file: string, holder: LockOwner | 'unreadable'): Promise<boolean> {
  if (holder === 'unreadable') {
    const info = await stat(file).catch(() => null);
    return info === null || (info.isFile() && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS);
  }
  return !(await isRunning(holder));
}

/** Whether the lock's holder may still be running: when it cannot be told, yes. */
async function isRunning(holder: LockOwner): Promise<boolean> {
  if (holder.host !== hostname()) return true; // another computer's processes cannot be seen from here
  // This process: held if one of its open stores holds it (a lock left by an earlier process that had this id is not).
  if (holder.pid === process.pid) return [...heldHere.values()].includes(holder.token);
  const here = await ownLinuxIdentity();
  if (holder.linux && here.linux && holder.linux.boot !== here.linux.boot) return false; // from before a restart
  if (holder.linux && here.linux && holder.linux.pidNamespace === here.linux.pidNamespace) {
    const started = await linuxProcessStart(holder.pid);
    if (started !== undefined) return started === holder.linux.started;
  }
  return processExists(holder.pid);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}

/**
 * Remove a stale lock, unless it changed since it was judged (another process took it over in
 * between): true when removed or gone, else why it could not be.
 */
async function removeStale(file: string, judged: LockOwner | 'unreadable'): Promise<true | NodeJS.ErrnoException> {
  const now = await readHolder(file);
  if (now === 'gone') return true;
  const same = judged === 'unreadable' ? now === 'unreadable' : typeof now === 'object' && now.token === judged.token;
  if (!same) return true; // changed hands: judge it again
  try {
    await unlink(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? true : (error as NodeJS.ErrnoException);
  }
}

let ownIdentity: Promise<Pick<LockOwner, 'linux'>> | null = null;

/**
 * On Linux, what tells this process from any other that ever had its id: the boot, the process-id
 * namespace (a sandbox numbers its processes itself) and the start time in clock ticks since boot.
 */
function ownLinuxIdentity(): Promise<Pick<LockOwner, 'linux'>> {
  ownIdentity ??= (async (): Promise<Pick<LockOwner, 'linux'>> => {
    if (process.platform !== 'linux') return {};
    try {
      const [boot, pidNamespace, started] = await Promise.all([
        readFile('/proc/sys/kernel/random/boot_id', 'utf8'),
        readlink('/proc/self/ns/pid'),
        linuxProcessStart(process.pid),
      ]);
      return typeof started === 'string' ? { linux: { boot: boot.trim(), pidNamespace, started } } : {};
    } catch {
      return {};
    }
  })();
  return ownIdentity;
}

/**
 * When process `pid` started (field 22 of /proc/PID/stat), or null when there is no such live
 * process (none, or a zombie); undefined when that cannot be read.
 */
async function linuxProcessStart(pid: number): Promise<string | null | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, started] = [fields[0], fields[19]];
  if (state === 'Z' || state === 'X') return null;
  return started && /^\d+$/.test(started) ? started : undefined;
}

/** What this process is, for another that finds its lock. */
function thisProgram(): string {
  if (process.versions.electron) return 'the Parallax app';
  const command = [basename(process.argv[1] ?? 'node').replace(/\.[cm]?js$/, ''), ...process.argv.slice(2)].join(' ');
  return `the command "${command.length > 120 ? `${command.slice(0, 119)}…` : command}"`;
}

function describeHolder(holder: LockOwner): string {
  const where = holder.host === hostname() ? '' : ` on the computer "${printableName(holder.host)}"`;
  const since = Number.isNaN(Date.parse(holder.since)) ? '' : `, since ${describeWhen(new Date(holder.since)).replace(/^on /, '')}`;
  return `${printableName(holder.program)}${where} (process ${holder.pid}${since})`;
}

function inUseMessage(dataDir: string, lockFile: string, holder: LockOwner | null): string {
  if (!holder) {
    return `Parallax's notes in ${dataDir} are locked, by a lock file Parallax cannot read (${lockFile}), so this Parallax did not open them. If no other Parallax is running, delete that file and try again.`;
  }
  const elsewhere = holder.host !== hostname() ? ` on "${printableName(holder.host)}"` : '';
  return (
    `Parallax's notes in ${dataDir} are in use by another Parallax: ${describeHolder(holder)}. ` +
    `Only one Parallax at a time may change them, so this one did not open them: close the other one and try again. ` +
    `If no other Parallax is running${elsewhere}, delete the lock file ${lockFile} and try again.`
  );
}

let exitHookInstalled = false;

/** A process that ends without closing its store (a command that exits) leaves no lock behind. */
function releaseAtExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [file, token] of heldHere) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { token?: unknown }).token === token) unlinkSync(file);
      } catch {
        // Gone already, or unreadable: a later start judges it.
      }
    }
  });
}

