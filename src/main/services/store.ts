import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import { TEXT_ENCODINGS, type ApiValidRequest, type RecentComparison } from '../../shared/contract/api.js';
import { codebookSchema, type Codebook } from '../../shared/contract/codebook.js';
import { lexiconSetSchema } from '../../shared/contract/lexicon.js';
import { noteSchema, type Anchor, type Note } from '../../shared/contract/notes.js';
import { UserFacingError } from './dispatch.js';
import { removeLeftoverTemporaries, stageFileDurably, writeFileDurably } from './durable-file.js';
import { FileRefusedError, readRegularFile } from './safe-read.js';
import { BACKUP_FOLDER, describeWhen, fileStamp, listBackups, modifiedAt, moveAsideTo, StoreBackups, storeFileReading } from './store-backups.js';
import { lockStore, type StoreAccess, type StoreLock } from './store-lock.js';

/**
 * The notes store: the comparisons a person opened and the notes they wrote, in one JSON file.
 *
 * Promises kept here (see the trust guide):
 * - every write is durable and atomic (temporary file, fsync, rename, fsync of the folder), and
 *   writes run one at a time, in order;
 * - the file is validated on read, and every state is validated before it is written;
 * - a damaged or newer file is never overwritten and never stops start-up: it is moved aside with
 *   a timestamp, the newest backup that parses and validates is restored (unusable ones are moved
 *   aside too), and the person is told in a sentence what happened, where the damaged file is and
 *   from when the notes were restored;
 * - one writer per data folder: the store is written only while this process holds the folder's
 *   lock (store-lock.ts); a second writer waits briefly, then is refused with a message;
 * - a disk that cannot be written (read-only, full) or a file that cannot be repaired in place
 *   never loses anything: the notes open read-only, from the store file or the newest good backup,
 *   nothing on disk is changed, and the person is told why and where each file is (only a folder,
 *   pipe or device where the store file should be, with no good backup, still stops start-up, with
 *   a message saying what to move);
 * - backups are taken when something changed, checked, rotated and kept (store-backups.ts).
 *
 * Version history: 1 held comparisons and notes; 2 adds `sources`, what a person decided about
 * each source file (its label, its encoding, paragraphs marked as article text or junk); 3 adds
 * `lexicon`, the person's changes to the default word sets (null: none); 4 adds `settings` (the
 * author name written on new notes) and `codebook`, the person's codebook for tagging notes (null:
 * the default shipped with Parallax); `settings.threshold` (the Matching setting) came later within
 * 4, as an optional field.
 */

export const STORE_FILE = 'parallax-store.json';
/** The single rolling backup of versions before 4; still restored from when it is the newest good one. */
export const BACKUP_FILE = 'parallax-store.backup.json';
export { BACKUP_FOLDER, describeWhen, MAX_STORE_BYTES } from './store-backups.js';
export { LOCK_FILE, StoreInUseError } from './store-lock.js';
export const STORE_VERSION = 4;
/** The recent list keeps this many comparisons; older ones drop off the list, their notes stay. */
export const MAX_RECENT = 50;

const storedComparisonSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(1_000),
  sources: z.array(z.object({ path: z.string().min(1).max(4_096), label: z.string().max(1_000) })).max(50),
  openedAt: z.string().max(40),
});
export type StoredComparison = z.infer<typeof storedComparisonSchema>;

/** What a person decided about one source file, remembered by its absolute path. */
const sourcePreferencesSchema = z.object({
  label: z.string().max(120).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  /** By `paragraphKey` (a hash of the paragraph's words), so a choice follows its paragraph. */
  kinds: z.record(z.string().min(1).max(64), z.enum(['body', 'boilerplate'])).optional(),
});
export type StoredSourcePreferences = z.infer<typeof sourcePreferencesSchema>;

/**
 * The person's changes to the default lexicon, kept as changes rather than as a whole lexicon:
 * `saved` holds every set they added or edited (a set whose id is a default set's replaces it,
 * whole; any other is added), `removed` the ids of default sets they took away. The lexicon in use
 * is the shipped default with these applied (see `applyLexiconChanges`), so a default that gains
 * sets in a later version brings them in, and "reset to default" is simply `null`.
 */
const lexiconChangesSchema = z.object({
  saved: z.array(lexiconSetSchema).max(1_000),
  removed: z.array(lexiconSetSchema.shape.id).max(1_000),
});
export type StoredLexiconChanges = z.infer<typeof lexiconChangesSchema>;

/**
 * The person's settings. `author`: the name written on new notes; '' when they set none.
 * `threshold`: the Matching setting, how alike paragraphs must be to be lined up (0 loose … 1
 * strict); absent while they use the default. Added within version 4: optional, so a store written
 * before it still reads, and needs no migration.
 */
const settingsSchema = z.object({
  author: z.string().max(200),
  threshold: z.number().min(0).max(1).optional(),
});
export type StoredSettings = z.infer<typeof settingsSchema>;

export const storeSchema = z.object({
  version: z.literal(STORE_VERSION),
  comparisons: z.array(storedComparisonSchema),
  notes: z.array(noteSchema),
  sources: z.record(z.string().min(1).max(4_096), sourcePreferencesSchema),
  lexicon: lexiconChangesSchema.nullable(),
  settings: settingsSchema,
  /** The person's codebook, whole; null while they use the default. */
  codebook: codebookSchema.nullable(),
});
export type StoreData = z.infer<typeof storeSchema>;

/** A note as the page sends it to be saved, after validation. */
export type NoteToSave = ApiValidRequest<'notes:save'>;

export interface NotesStore {
  /** The store file. */
  readonly file: string;
  /** What start-up had to do about a damaged or missing file, in words for the person; null if nothing. */
  readonly recovery: string | null;
  /**
   * True when the store could not be opened for writing (a read-only or full disk, a damaged file
   * that could not be repaired): the notes can be read, every change is refused with a message,
   * and `recovery` says why.
   */
  readonly readOnly: boolean;
  /** Comparisons opened before, newest first. */
  listRecent(): RecentComparison[];
  /** Put a comparison at the top of the recent list (adding it, or refreshing its title and sources). */
  touchComparison(comparison: Omit<StoredComparison, 'openedAt'>): Promise<RecentComparison[]>;
  /** Take a comparison off the recent list. Its notes stay. */
  forgetComparison(id: string): Promise<RecentComparison[]>;
  listNotes(comparisonId: string): Note[];
  /** Every note, of every comparison. */
  listAllNotes(): Note[];
  /**
   * Change the notes as a whole (an import): `change` gets every note and returns the new list
   * and a result. Each note is validated; nothing is written when `change` throws.
   */
  replaceNotes<T>(change: (notes: readonly Note[]) => { notes: Note[]; result: T }): Promise<T>;
  /** Add a note (no id) or update one (id given; its creation time and author are kept). */
  saveNote(input: NoteToSave, author: string): Promise<Note>;
  deleteNote(id: string): Promise<boolean>;
  /** What the person decided about a source file (by absolute path); undefined when nothing. */
  sourcePreferences(path: string): StoredSourcePreferences | undefined;
  /**
   * Change what is remembered about a source file: `change` gets the current preferences (or {})
   * and returns the new ones; empty preferences are removed from the file.
   */
  updateSourcePreferences(path: string, change: (current: StoredSourcePreferences) => StoredSourcePreferences): Promise<StoredSourcePreferences>;
  /**
   * A source of comparison `fromId` now lives at another path, making it comparison `toId`: its
   * notes move there (those on the old file pointing at the new one), the decisions about the old
   * file go to the new one, and the old comparison leaves the recent list. Nothing is dropped.
   */
  relinkSource(change: { fromId: string; toId: string; fromPath: string; toPath: string }): Promise<number>;
  /** The person's changes to the default word sets; null when they changed nothing. */
  lexiconChanges(): StoredLexiconChanges | null;
  /** Keep new changes to the word sets (null: back to the default). */
  setLexiconChanges(changes: StoredLexiconChanges | null): Promise<void>;
  settings(): StoredSettings;
  setSettings(settings: StoredSettings): Promise<StoredSettings>;
  /** The person's codebook; null while they use the default. */
  codebook(): Codebook | null;
  /** Keep the person's codebook (null: back to the default). */
  setCodebook(codebook: Codebook | null): Promise<void>;
  counts(): { readonly comparisons: number; readonly notes: number };
  /** Wait for pending writes; later writes are refused. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The clock, for tests. */
  readonly now?: () => Date;
  /** How long to wait for another Parallax to close this folder's store before refusing (ms; see store-lock.ts). */
  readonly lockWaitMs?: number;
  /** What this program is, for the message another Parallax shows when it finds the store in use. */
  readonly program?: string;
}

type DamageKind = 'empty' | 'zeros' | 'not-json' | 'newer' | 'shape';

/** Why a store file could not be used. */
export class StoreDamagedError extends Error {
  constructor(
    readonly kind: DamageKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'StoreDamagedError';
  }
}

/**
 * lowdb adapter for the store file: reads validate (and migrate); writes are durable, and take
 * the backups (see store-backups.ts): the state the session found before its first write, then
 * the saved state when one is due.
 */
export class DurableStoreFile implements Adapter<StoreData> {
  /** The text last read or written: a state known to be good. */
  lastGoodText: string | null = null;
  /** Whether the state this session found has been backed up (or needed no backup). */
  private foundStateKept = false;

  constructor(
    readonly file: string,
    readonly backups: StoreBackups | null,
    /** The data folder's lock, checked before each write: a store that lost it writes nothing. */
    readonly lock: StoreLock | null = null,
  ) {}

  /** The validated data, or null when there is no file. Throws StoreDamagedError when it cannot be used. */
  async read(): Promise<StoreData | null> {
    let bytes: Buffer;
    try {
      // Only an ordinary file, of at most MAX_STORE_BYTES: a pipe or a device in its place is refused unread.
      bytes = await readRegularFile(this.file, storeFileReading("Parallax's notes file"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = parseStore(bytes);
    this.lastGoodText = bytes.toString('utf8');
    return data;
  }

  async write(data: StoreData): Promise<void> {
    await this.lock?.verify();
    const text = serialise(data);
    if (!this.foundStateKept) {
      // Before the session changes anything: so the bytes an older version wrote outlive the
      // migration. One that failed (a full disk, where the save then fails too) is tried again.
      this.foundStateKept = this.lastGoodText === null || this.lastGoodText === text || (await this.backUp(this.lastGoodText));
    }
    await writeFileDurably(this.file, text);
    this.lastGoodText = text;
    if (this.backups?.isDue()) await this.backUp(text);
  }

  /** Back up the state last saved, when it is not backed up yet (on close). */
  async backUpLatest(): Promise<void> {
    if (this.lastGoodText !== null) await this.backUp(this.lastGoodText);
  }

  /** A backup that cannot be made does not stop the save: the store file itself is safe on disk. False when it failed. */
  private async backUp(text: string): Promise<boolean> {
    if (!this.backups) return true;
    try {
      await this.backups.keep(text);
      return true;
    } catch (error) {
      console.error(`Parallax could not back up the notes in ${this.backups.folder}:`, error);
      return false;
    }
  }
}

function serialise(data: StoreData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/** Validate the bytes of a store file, migrating older versions forward. */
export function parseStore(bytes: Uint8Array): StoreData {
  if (bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes).toString('utf8'))) {
    throw new StoreDamagedError('empty', 'the file is empty');
  }
  if (bytes.every((byte) => byte === 0)) throw new StoreDamagedError('zeros', 'the file holds only zero bytes');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    const kind = bytes.includes(0) ? 'zeros' : 'not-json';
    throw new StoreDamagedError(kind, error instanceof Error ? error.message : String(error));
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > STORE_VERSION) {
    throw new StoreDamagedError('newer', `store version ${version}`);
  }
  const parsed = storeSchema.safeParse(migrate(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreDamagedError('shape', `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'not a store'}`);
  }
  return parsed.data;
}

/**
 * Bring an older store forward to the current version, one step at a time. Anything that is not a
 * known older version is passed through unchanged, for the schema to judge.
 */
export function migrate(raw: unknown): unknown {
  let data = raw;
  if (isVersion(data, 1)) {
    // 2 adds what people decided about each source; nobody has decided anything yet.
    data = { ...data, version: 2, sources: {} };
  }
  if (isVersion(data, 2)) {
    // 3 adds the person's changes to the word sets; there are none yet.
    data = { ...data, version: 3, lexicon: null };
  }
  if (isVersion(data, 3)) {
    // 4 adds settings (no author name set: notes keep getting the account's name) and the
    // person's codebook (none: the default).
    data = { ...data, version: 4, settings: { author: '' }, codebook: null };
  }
  return data;
}

function isVersion(raw: unknown, version: number): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as { version?: unknown }).version === version;
}

function emptyStore(): StoreData {
  return { version: STORE_VERSION, comparisons: [], notes: [], sources: {}, lexicon: null, settings: { author: '' }, codebook: null };
}

/** Preferences with nothing in them are not kept. */
function isEmptyPreference(preferences: StoredSourcePreferences): boolean {
  return preferences.label === undefined && preferences.encoding === undefined && Object.keys(preferences.kinds ?? {}).length === 0;
}

const damageWords: Record<DamageKind, string> = {
  empty: 'was empty',
  zeros: 'held zero bytes where your notes should be, as happens when a computer loses power while saving',
  'not-json': 'was cut short or is not a Parallax notes file',
  newer: 'was written by a newer version of Parallax',
  shape: 'was not laid out the way Parallax expects',
};

/** A backup that could be restored from: one of the backups folder, or the single backup file of versions before 4. */
interface BackupCandidate {
  readonly path: string;
  readonly madeAt: Date;
  /** Where an unusable one is moved: its folder, and the name to give it. */
  readonly asideFolder: string;
  readonly asideBase: string;
}

async function backupCandidates(dataDir: string, backupsDir: string, now: () => Date): Promise<BackupCandidate[]> {
  const candidates: BackupCandidate[] = (await listBackups(backupsDir)).map((backup) => ({
    path: backup.path,
    madeAt: backup.madeAt,
    asideFolder: backupsDir,
    asideBase: backup.name.replace(/\.json$/, '.damaged'),
  }));
  const legacy = join(dataDir, BACKUP_FILE);
  const legacyAt = await modifiedAt(legacy);
  if (legacyAt) {
    candidates.push({ path: legacy, madeAt: legacyAt, asideFolder: dataDir, asideBase: `parallax-store.backup.damaged-${fileStamp(now())}` });
  }
  return candidates.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime());
}

/** A good backup, read. */
interface GoodBackup {
  readonly path: string;
  readonly data: StoreData;
  readonly text: string;
  readonly madeAt: Date;
}

/** A backup that could not be used: where it is now (moved aside, or left where it was), and when it was made. */
interface UnusableBackup {
  readonly keptAt: string;
  readonly moved: boolean;
  readonly madeAt: Date;
}

/**
 * The newest backup that parses and validates. The unusable ones newer than it are moved aside
 * (never deleted) when `moveAside`, else left as they are (a store opened read-only changes nothing).
 */
async function newestGoodBackup(
  candidates: readonly BackupCandidate[],
  moveAside: boolean,
): Promise<{ restored: GoodBackup | null; unusable: UnusableBackup[] }> {
  const unusable: UnusableBackup[] = [];
  for (const candidate of candidates) {
    try {
      const bytes = await readRegularFile(candidate.path, storeFileReading('The backup of the notes'));
      return { restored: { path: candidate.path, data: parseStore(bytes), text: bytes.toString('utf8'), madeAt: candidate.madeAt }, unusable };
    } catch (error) {
      if (!(error instanceof StoreDamagedError)) continue; // unreadable now (permissions): left where it is
      const movedTo = moveAside ? await moveAsideTo(candidate.path, candidate.asideFolder, candidate.asideBase).catch(() => null) : null;
      unusable.push({ keptAt: movedTo ?? candidate.path, moved: movedTo !== null, madeAt: candidate.madeAt });
    }
  }
  return { restored: null, unusable };
}

/** What `readNotesStore` found. */
export interface StoreSnapshot {
  /** The store file it looked at. */
  readonly file: string;
  /** The notes and the rest; null when there is no store in that folder yet. */
  readonly data: StoreData | null;
  /** When the store file could not be used and a backup was read instead (or nothing could be): what happened, in words. */
  readonly problem: string | null;
}

/**
 * The store as it is on disk, for readers other than the app (the command line's exports): nothing
 * is written, moved or recovered, and no lock is taken, so it is safe while the app runs (every
 * write is an atomic rename: a reader sees a whole state). A damaged store file is not touched;
 * the newest good backup is read instead, and `problem` says so.
 */
export async function readNotesStore(dataDir: string): Promise<StoreSnapshot> {
  const file = join(dataDir, STORE_FILE);
  let damage: StoreDamagedError | null = null;
  // A pipe, a device or a folder where the notes file should be: never read, but the backups are.
  let refused: FileRefusedError | null = null;
  try {
    return { file, data: parseStore(await readRegularFile(file, storeFileReading("Parallax's notes file"))), problem: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof StoreDamagedError) damage = error;
    else if (error instanceof FileRefusedError) refused = error;
    else if (code !== 'ENOENT') throw unreadableStore(file, error);
  }
  for (const candidate of await backupCandidates(dataDir, join(dataDir, BACKUP_FOLDER), () => new Date())) {
    try {
      const data = parseStore(await readRegularFile(candidate.path, storeFileReading('The backup of the notes')));
      const what = damage ? `The notes file ${file} ${damageWords[damage.kind]}` : refused ? refused.message.replace(/\.$/, '') : `There is no notes file at ${file}`;
      return { file, data, problem: `${what}; the notes were read from the backup made ${describeWhen(candidate.madeAt)}. Open Parallax to repair it.` };
    } catch {
      // An unusable backup: try the next older one.
    }
  }
  if (refused) throw unreadableStore(file, refused);
  if (!damage) return { file, data: null, problem: null };
  return { file, data: null, problem: `The notes file ${file} ${damageWords[damage.kind]}, and no good backup was found. Open Parallax to repair it.` };
}

/** The files of a data folder's store. */
interface StorePaths {
  readonly dataDir: string;
  readonly file: string;
  readonly backupsDir: string;
}

/** What is at the store file's path. */
type FoundStore =
  | { readonly kind: 'good'; readonly data: StoreData; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'damaged'; readonly damage: StoreDamagedError }
  /** Not an ordinary file, far too large, or not readable (permissions): never moved or changed. */
  | { readonly kind: 'unusable'; readonly error: unknown };

async function lookAtStoreFile(file: string): Promise<FoundStore> {
  let bytes: Buffer;
  try {
    // Only an ordinary file, of at most MAX_STORE_BYTES: a pipe or a device in its place is refused unread.
    bytes = await readRegularFile(file, storeFileReading("Parallax's notes file"));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unusable', error };
  }
  try {
    return { kind: 'good', data: parseStore(bytes), text: bytes.toString('utf8') };
  } catch (error) {
    if (error instanceof StoreDamagedError) return { kind: 'damaged', damage: error };
    throw error;
  }
}

/** Why a store is open read-only, in two parts of a sentence: what stops it writing, and what the person can do. */
interface ReadOnlyReason {
  /** "the disk holding /x is full" */
  readonly cause: string;
  /** "Free some space on that disk" */
  readonly remedy: string;
}

/** A failed change of the data folder, in words. */
export function describeWriteProblem(dataDir: string, error: unknown): ReadOnlyReason {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const elsewhere = 'or start Parallax with --data-dir and a folder you can write to';
  switch (code) {
    case 'EROFS':
      return { cause: `the disk holding ${dataDir} is read-only`, remedy: `Make that disk writable, ${elsewhere}` };
    case 'ENOSPC':
      return { cause: `the disk holding ${dataDir} is full`, remedy: 'Free some space on that disk' };
    case 'EDQUOT':
      return { cause: `your disk quota for ${dataDir} is used up`, remedy: 'Free some space on that disk' };
    case 'EACCES':
    case 'EPERM':
      return { cause: `you may not change files in ${dataDir}`, remedy: `Check the permissions of that folder, ${elsewhere}` };
    case 'EEXIST':
    case 'ENOTDIR':
      return { cause: `${dataDir} is a file, not a folder`, remedy: `Move that file away, ${elsewhere}` };
    default: {
      const detail = code ?? (error instanceof Error ? error.message : String(error));
      return { cause: `files in ${dataDir} could not be changed (${detail})`, remedy: `Check the disk holding that folder, ${elsewhere}` };
    }
  }
}

/** The data folder, made if it is not there; the error when it cannot be made (a read-only disk). */
async function makeDataFolder(dataDir: string): Promise<unknown> {
  try {
    await mkdir(dataDir, { recursive: true });
    return null;
  } catch (error) {
    // An existing folder on a read-only disk can fail mkdir too: it is there, so go on.
    return (await stat(dataDir).catch(() => null))?.isDirectory() ? null : error;
  }
}

/**
 * Open (or create) the store in `dataDir`, recovering from a damaged file. Never overwrites one.
 *
 * The store is opened for writing only while this process holds the data folder's lock (see
 * store-lock.ts): another Parallax writing the folder is waited for briefly, then refused with a
 * `StoreInUseError`. When the folder cannot be written (a read-only or full disk, no permission),
 * or a damaged file cannot be repaired there, the store opens read-only, from the store file or
 * the newest good backup, changes nothing on disk, and `recovery` says what happened and where
 * each file is.
 */
export async function openNotesStore(dataDir: string, options: OpenStoreOptions = {}): Promise<NotesStore> {
  const now = options.now ?? (() => new Date());
  const paths: StorePaths = { dataDir, file: join(dataDir, STORE_FILE), backupsDir: join(dataDir, BACKUP_FOLDER) };
  const folderError = await makeDataFolder(dataDir);
  const access: StoreAccess = folderError
    ? { kind: 'unwritable', error: folderError as NodeJS.ErrnoException }
    : await lockStore(dataDir, { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}), ...(options.program ? { program: options.program } : {}) });
  if (access.kind === 'unwritable') return openReadOnly(paths, describeWriteProblem(dataDir, access.error), now);
  try {
    return await openLocked(paths, access.lock, now);
  } catch (error) {
    await access.lock.release();
    throw error;
  }
}

/** Open the store of a folder this process holds the lock of: clear what a crash left, read, recover. */
async function openLocked(paths: StorePaths, lock: StoreLock, now: () => Date): Promise<NotesStore> {
  await removeLeftoverTemporaries(paths.file);
  await removeLeftoverTemporaries(join(paths.dataDir, BACKUP_FILE));
  const backups = new StoreBackups(paths.backupsDir, parseStore, now);
  await backups.open();
  const adapter = new DurableStoreFile(paths.file, backups, lock);
  const found = await lookAtStoreFile(paths.file);
  if (found.kind === 'good') {
    adapter.lastGoodText = found.text;
    return new JsonNotesStore(new Low(adapter, found.data), adapter, paths.file, null, now, { lock, readOnly: null });
  }
  if (found.kind === 'unusable') {
    await lock.release();
    return openInsteadOfUnusable(paths, found.error, now);
  }
  return recoverLocked(paths, found, adapter, lock, now);
}

/**
 * A damaged or missing store file, with the lock held: restore the newest good backup in its
 * place (the damaged file moved aside), or start empty. When the disk refuses (full, read-only),
 * nothing is lost: the notes open read-only from the backup, and the message says where each file is.
 */
async function recoverLocked(
  paths: StorePaths,
  found: Extract<FoundStore, { kind: 'missing' | 'damaged' }>,
  adapter: DurableStoreFile,
  lock: StoreLock,
  now: () => Date,
): Promise<NotesStore> {
  const damage = found.kind === 'damaged' ? found.damage : null;
  const { restored, unusable } = await newestGoodBackup(await backupCandidates(paths.dataDir, paths.backupsDir, now), true);
  const earlier = damage ? null : await earlierDamagedCopy(paths.dataDir);
  const aside = damage ? `parallax-store.damaged-${fileStamp(now())}` : null;
  let movedTo: string | null = null;
  try {
    if (restored) movedTo = await putInPlace(paths.file, restored.text, aside);
    else if (aside) movedTo = await moveAsideTo(paths.file, paths.dataDir, aside);
  } catch (error) {
    await lock.release();
    const moved = error instanceof NotPutInPlaceError ? error.movedTo : null;
    const reason = describeWriteProblem(paths.dataDir, error instanceof NotPutInPlaceError ? error.cause : error);
    const message = notRepairedMessage({ paths, damage, movedTo: moved, restored, unusable, earlier, reason });
    return readOnlyStore(paths, restored?.data ?? emptyStore(), message, reason, now);
  }
  if (restored) adapter.lastGoodText = restored.text;
  const message = recoveredMessage({ paths, damage, movedTo, restored, unusable, earlier });
  return new JsonNotesStore(new Low(adapter, restored?.data ?? emptyStore()), adapter, paths.file, message, now, { lock, readOnly: null });
}

/** The rename of a restored backup into place failed; `movedTo` says whether the damaged file was moved aside first. */
class NotPutInPlaceError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly movedTo: string | null,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Put a backup's text in place of the store file, moving a damaged one aside as `asideBase` first.
 * The text is written and flushed before anything moves, so a full or read-only disk fails while
 * everything is still where it was. Returns where the damaged file went.
 */
async function putInPlace(file: string, text: string, asideBase: string | null): Promise<string | null> {
  const staged = await stageFileDurably(file, text);
  let movedTo: string | null = null;
  try {
    if (asideBase) movedTo = await moveAsideTo(file, dirname(file), asideBase);
    await staged.commit();
    return movedTo;
  } catch (error) {
    await staged.discard();
    throw new NotPutInPlaceError(error, movedTo);
  }
}

/** The newest damaged store file an earlier start kept in the folder, by name; null when none. */
async function earlierDamagedCopy(dataDir: string): Promise<string | null> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  return names.filter((name) => /^parallax-store\.damaged-.+\.json$/.test(name)).sort().at(-1) ?? null;
}

/** The store opened where nothing may be written: from the store file if it is good, else from the newest good backup. */
async function openReadOnly(paths: StorePaths, reason: ReadOnlyReason, now: () => Date): Promise<NotesStore> {
  const found = await lookAtStoreFile(paths.file);
  if (found.kind === 'good') {
    const message = `Parallax opened your notes read-only, because ${reason.cause}: you can read them, but changes will not be saved. ${reason.remedy}, then start Parallax again.`;
    return readOnlyStore(paths, found.data, message, reason, now);
  }
  if (found.kind === 'unusable') return openInsteadOfUnusable(paths, found.error, now);
  const damage = found.kind === 'damaged' ? found.damage : null;
  const { restored, unusable } = await newestGoodBackup(await backupCandidates(paths.dataDir, paths.backupsDir, now), false);
  const earlier = damage ? null : await earlierDamagedCopy(paths.dataDir);
  if (!damage && !restored && unusable.length === 0 && !earlier) {
    const message = `Parallax cannot keep notes in ${paths.dataDir}, because ${reason.cause}: it started without notes, and changes will not be saved. ${reason.remedy}, then start Parallax again.`;
    return readOnlyStore(paths, emptyStore(), message, reason, now);
  }
  const message = notRepairedMessage({ paths, damage, movedTo: null, restored, unusable, earlier, reason });
  return readOnlyStore(paths, restored?.data ?? emptyStore(), message, reason, now);
}

/**
 * Something other than a store file is at its path (a folder, a pipe, a file far too large) or it
 * cannot be read: it is left as it is, and the notes open read-only from the newest good backup.
 * With no good backup, start-up is refused with a message saying what to do.
 */
async function openInsteadOfUnusable(paths: StorePaths, error: unknown, now: () => Date): Promise<NotesStore> {
  const { restored, unusable } = await newestGoodBackup(await backupCandidates(paths.dataDir, paths.backupsDir, now), false);
  if (!restored) throw unreadableStore(paths.file, error);
  const refused = error instanceof FileRefusedError;
  const what = refused ? `${error.message} It was left as it is.` : `Parallax could not read its notes file "${paths.file}" (${errorDetail(error)}).`;
  const reason: ReadOnlyReason = refused
    ? { cause: `its notes file ${paths.file} is ${error.reason === 'too-large' ? 'too large to read' : 'not an ordinary file'}`, remedy: `Move it out of ${paths.dataDir}` }
    : { cause: `its notes file ${paths.file} could not be read`, remedy: `Check that you may read and write ${paths.dataDir}` };
  const message = `${what}${openedFromBackup(restored)}${describeUnusable(unusable)} ${reason.remedy}, then start Parallax again: it will restore your notes from that backup.`;
  return readOnlyStore(paths, restored.data, message, reason, now);
}

function readOnlyStore(paths: StorePaths, data: StoreData, message: string, reason: ReadOnlyReason, now: () => Date): NotesStore {
  const adapter = new DurableStoreFile(paths.file, null);
  return new JsonNotesStore(new Low(adapter, data), adapter, paths.file, message, now, { lock: null, readOnly: reason });
}

interface RecoveryFacts {
  readonly paths: StorePaths;
  readonly damage: StoreDamagedError | null;
  /** Where the damaged store file was moved; null when it was not (or there was none). */
  readonly movedTo: string | null;
  readonly restored: GoodBackup | null;
  readonly unusable: readonly UnusableBackup[];
  /** A damaged store file an earlier start kept, by name (mentioned when the store is missing). */
  readonly earlier: string | null;
}

function notesCount(data: StoreData): string {
  const count = data.notes.length;
  return `${count} ${count === 1 ? 'note' : 'notes'}`;
}

function describeUnusable(unusable: readonly UnusableBackup[]): string {
  return unusable
    .map(({ keptAt, moved, madeAt }) =>
      moved
        ? ` The backup made ${describeWhen(madeAt)} could not be used either; it was kept as "${basename(keptAt)}" in ${dirname(keptAt)}.`
        : ` The backup made ${describeWhen(madeAt)} could not be used either ("${basename(keptAt)}" in ${dirname(keptAt)}, left as it is).`,
    )
    .join('');
}

function describeEarlier(earlier: string | null, dataDir: string): string {
  return earlier ? ` A damaged notes file kept earlier is still there, as "${earlier}" in ${dataDir}.` : '';
}

function openedFromBackup(restored: GoodBackup): string {
  return ` Your notes were opened from the backup made ${describeWhen(restored.madeAt)} (${notesCount(restored.data)}), "${basename(restored.path)}" in ${dirname(restored.path)}, read-only: you can read them, but changes will not be saved.`;
}

/** What start-up did about a damaged or missing store file, when it could write. */
function recoveredMessage({ paths, damage, movedTo, restored, unusable, earlier }: RecoveryFacts): string | null {
  const what = damage
    ? `Parallax's notes file ${damageWords[damage.kind]}. It was kept unchanged as "${basename(movedTo!)}" in ${paths.dataDir}`
    : `Parallax's notes file was missing from ${paths.dataDir}`;
  const skipped = describeUnusable(unusable);
  const kept = describeEarlier(earlier, paths.dataDir);
  if (restored) {
    const newer = damage?.kind === 'newer' ? ' Notes written with the newer version are in the kept file: update Parallax to see them.' : '';
    return `${what}, and your notes were restored from the backup made ${describeWhen(restored.madeAt)} (${notesCount(restored.data)}).${skipped}${newer}${kept}`;
  }
  if (damage) {
    const advice = damage.kind === 'newer' ? ' To see those notes again, update Parallax.' : ' Nothing was deleted: keep that file if you want to recover notes from it.';
    return `${what}. No good backup was found, so a new, empty notes file was started.${skipped}${advice}`;
  }
  if (unusable.length > 0 || earlier) return `${what}. No good backup was found, so a new, empty notes file was started.${skipped}${kept}`;
  return null; // a first start (no file, no backup): there is nothing to recover
}

/** What start-up found about a damaged or missing store file, when it could not repair it there. */
function notRepairedMessage({ paths, damage, movedTo, restored, unusable, earlier, reason }: RecoveryFacts & { readonly reason: ReadOnlyReason }): string {
  let what: string;
  if (!damage) what = `Parallax's notes file was missing from ${paths.dataDir}, and Parallax could not restore it, because ${reason.cause}.`;
  else if (movedTo) what = `Parallax's notes file ${damageWords[damage.kind]}. It was kept unchanged as "${basename(movedTo)}" in ${paths.dataDir}, but Parallax could not put your notes back in its place, because ${reason.cause}.`;
  else what = `Parallax's notes file ${paths.file} ${damageWords[damage.kind]}. Parallax could not repair it, because ${reason.cause}, so it was left where it is, unchanged.`;
  const opened = restored ? openedFromBackup(restored) : ' No good backup was found, so Parallax started without notes, read-only: changes will not be saved.';
  const newer = damage?.kind === 'newer' ? ' Notes written with the newer version are in that file: update Parallax to see them.' : '';
  const repair = damage ? ' to repair the notes file' : restored ? ' to restore them' : '';
  return `${what}${opened}${describeUnusable(unusable)}${newer}${describeEarlier(earlier, paths.dataDir)} ${reason.remedy}, then start Parallax again${repair}.`;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unreadableStore(file: string, error: unknown): UserFacingError {
  if (error instanceof FileRefusedError) {
    // Not an ordinary file, or far too large: left where it is, untouched.
    return new UserFacingError(`${error.message} Move it out of ${dirname(file)}, or start Parallax with --data-dir and another folder.`, 'unreadable');
  }
  return new UserFacingError(
    `Parallax could not read its notes file "${file}" (${errorDetail(error)}). Check that you may read and write that folder, then start Parallax again.`,
    'unreadable',
  );
}

/** How a store may write: with the data folder's lock, or not at all (read-only, and why). */
interface StoreWriting {
  readonly lock: StoreLock | null;
  readonly readOnly: ReadOnlyReason | null;
}

class JsonNotesStore implements NotesStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Low<StoreData>,
    private readonly adapter: DurableStoreFile,
    readonly file: string,
    readonly recovery: string | null,
    private readonly now: () => Date,
    private readonly writing: StoreWriting,
  ) {}

  get readOnly(): boolean {
    return this.writing.readOnly !== null;
  }

  listRecent(): RecentComparison[] {
    const { comparisons, notes } = this.db.data;
    const noteCounts = new Map<string, number>();
    for (const note of notes) noteCounts.set(note.comparisonId, (noteCounts.get(note.comparisonId) ?? 0) + 1);
    return [...comparisons]
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
      .map((comparison) => ({ ...comparison, noteCount: noteCounts.get(comparison.id) ?? 0 }));
  }

  async touchComparison(comparison: Omit<StoredComparison, 'openedAt'>): Promise<RecentComparison[]> {
    // The recent list is bookkeeping, not the person's work: read-only, it stays as it is, quietly
    // (they were told at start that nothing is saved), rather than a problem beside every comparison.
    if (this.readOnly) return this.listRecent();
    await this.update((data) => {
      const entry: StoredComparison = {
        id: comparison.id,
        title: comparison.title,
        sources: comparison.sources.map(({ path, label }) => ({ path, label })),
        openedAt: this.now().toISOString(),
      };
      const others = data.comparisons.filter((existing) => existing.id !== comparison.id);
      return { ...data, comparisons: [entry, ...others].slice(0, MAX_RECENT) };
    });
    return this.listRecent();
  }

  async forgetComparison(id: string): Promise<RecentComparison[]> {
    if (this.db.data.comparisons.some((comparison) => comparison.id === id)) {
      await this.update((data) => ({ ...data, comparisons: data.comparisons.filter((comparison) => comparison.id !== id) }));
    }
    return this.listRecent();
  }

  listNotes(comparisonId: string): Note[] {
    return this.db.data.notes.filter((note) => note.comparisonId === comparisonId);
  }

  listAllNotes(): Note[] {
    return [...this.db.data.notes];
  }

  async replaceNotes<T>(change: (notes: readonly Note[]) => { notes: Note[]; result: T }): Promise<T> {
    return this.updateWithResult((data) => {
      const { notes, result } = change(data.notes);
      return { next: { ...data, notes: z.array(noteSchema).parse(notes) }, result };
    });
  }

  async saveNote(input: NoteToSave, author: string): Promise<Note> {
    return this.updateWithResult((data) => {
      const time = this.now().toISOString();
      if (input.id === undefined) {
        const note = noteSchema.parse({
          id: randomUUID(),
          comparisonId: input.comparisonId,
          target: input.target,
          body: input.body,
          tags: input.tags,
          author,
          created: time,
          updated: time,
        });
        return { next: { ...data, notes: [...data.notes, note] }, result: note };
      }
      const existing = data.notes.find((note) => note.id === input.id);
      if (!existing) {
        throw new UserFacingError('That note no longer exists; it may have been deleted. Copy its text and write it again as a new note.', 'not-found');
      }
      const note = noteSchema.parse({
        ...existing,
        comparisonId: input.comparisonId,
        target: input.target,
        body: input.body,
        tags: input.tags,
        updated: time,
      });
      return { next: { ...data, notes: data.notes.map((other) => (other.id === note.id ? note : other)) }, result: note };
    });
  }

  async deleteNote(id: string): Promise<boolean> {
    if (!this.db.data.notes.some((note) => note.id === id)) return false;
    await this.update((data) => ({ ...data, notes: data.notes.filter((note) => note.id !== id) }));
    return true;
  }

  sourcePreferences(path: string): StoredSourcePreferences | undefined {
    return Object.hasOwn(this.db.data.sources, path) ? this.db.data.sources[path] : undefined;
  }

  async updateSourcePreferences(
    path: string,
    change: (current: StoredSourcePreferences) => StoredSourcePreferences,
  ): Promise<StoredSourcePreferences> {
    return this.updateWithResult((data) => {
      const current = Object.hasOwn(data.sources, path) ? data.sources[path]! : {};
      const next = clean(change(current));
      const sources = { ...data.sources };
      if (isEmptyPreference(next)) delete sources[path];
      else sources[path] = next;
      return { next: { ...data, sources }, result: next };
    });
  }

  async relinkSource({ fromId, toId, fromPath, toPath }: { fromId: string; toId: string; fromPath: string; toPath: string }): Promise<number> {
    return this.updateWithResult((data) => {
      let moved = 0;
      const notes = data.notes.map((note) => {
        if (note.comparisonId !== fromId) return note;
        moved++;
        const move = <T extends Anchor>(anchor: T): T => (anchor.source === fromPath ? { ...anchor, source: toPath } : anchor);
        const target =
          note.target.kind === 'group' || note.target.kind === 'difference'
            ? { ...note.target, anchors: note.target.anchors.map(move) }
            : move(note.target);
        return noteSchema.parse({ ...note, comparisonId: toId, target });
      });
      const sources = { ...data.sources };
      if (fromPath !== toPath && Object.hasOwn(sources, fromPath)) {
        if (!Object.hasOwn(sources, toPath)) sources[toPath] = sources[fromPath]!;
        delete sources[fromPath];
      }
      const comparisons = fromId === toId ? data.comparisons : data.comparisons.filter((comparison) => comparison.id !== fromId);
      return { next: { ...data, notes, sources, comparisons }, result: moved };
    });
  }

  lexiconChanges(): StoredLexiconChanges | null {
    return this.db.data.lexicon;
  }

  async setLexiconChanges(changes: StoredLexiconChanges | null): Promise<void> {
    const checked = changes === null ? null : lexiconChangesSchema.parse(changes);
    await this.update((data) => ({ ...data, lexicon: checked }));
  }

  settings(): StoredSettings {
    return this.db.data.settings;
  }

  async setSettings(settings: StoredSettings): Promise<StoredSettings> {
    const checked = settingsSchema.parse(settings);
    await this.update((data) => ({ ...data, settings: checked }));
    return checked;
  }

  codebook(): Codebook | null {
    return this.db.data.codebook;
  }

  async setCodebook(codebook: Codebook | null): Promise<void> {
    const checked = codebook === null ? null : codebookSchema.parse(codebook);
    await this.update((data) => ({ ...data, codebook: checked }));
  }

  counts(): { readonly comparisons: number; readonly notes: number } {
    return { comparisons: this.db.data.comparisons.length, notes: this.db.data.notes.length };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    if (this.readOnly) return;
    // The state at the end of a session is kept, when it is not backed up already.
    await this.adapter.backUpLatest();
    await this.writing.lock?.release();
  }

  /**
   * Run one change through the write queue: compute the next state from the current one, write it
   * durably, and only then make it the state in memory. A failed write leaves memory as it was.
   */
  private update(change: (data: StoreData) => StoreData): Promise<void> {
    return this.updateWithResult((data) => ({ next: change(data), result: undefined }));
  }

  private updateWithResult<T>(change: (data: StoreData) => { next: StoreData; result: T }): Promise<T> {
    if (this.closed) {
      return Promise.reject(new UserFacingError('Parallax is closing and can no longer save. Open it again to make this change.'));
    }
    const readOnly = this.writing.readOnly;
    if (readOnly) {
      return Promise.reject(
        new UserFacingError(`Parallax opened your notes read-only, because ${readOnly.cause}, so this change was not saved. ${readOnly.remedy}, then start Parallax again.`),
      );
    }
    const run = this.queue.then(async () => {
      const previous = this.db.data;
      const { next, result } = change(previous);
      // Never write what would not read back: a state that fails the schema is refused whole.
      const checked = storeSchema.safeParse(next);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new UserFacingError(
          `Parallax did not save this change: it does not fit the notes file (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}).`,
          'invalid-request',
        );
      }
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        if (error instanceof UserFacingError) throw error; // the lock was lost: its message says so
        const { cause, remedy } = describeWriteProblem(dirname(this.file), error);
        throw new UserFacingError(`Parallax could not save to "${this.file}", because ${cause}. ${remedy}, then try again.`);
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Drop undefined fields and an empty `kinds`, so the file holds only what was decided. */
function clean(preferences: StoredSourcePreferences): StoredSourcePreferences {
  const kinds = preferences.kinds && Object.keys(preferences.kinds).length > 0 ? preferences.kinds : undefined;
  return {
    ...(preferences.label !== undefined ? { label: preferences.label } : {}),
    ...(preferences.encoding !== undefined ? { encoding: preferences.encoding } : {}),
    ...(kinds ? { kinds } : {}),
  };
}
