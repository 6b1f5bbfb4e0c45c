import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { defaultLexiconPath, loadLexicon, loadLexiconSync } from '../../src/main/services/lexicon.js';
import { defaultCodebookPath, loadCodebook } from '../../src/main/services/notes-api.js';
import { FileRefusedError, readRegularFile, readRegularFileSync } from '../../src/main/services/safe-read.js';
import { BACKUP_FOLDER, openNotesStore, readNotesStore, STORE_FILE } from '../../src/main/services/store.js';
import { REPO_ROOT } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';
import { usePipes } from '../support/fifo.js';

/**
 * Paths that are not ordinary files, where Parallax reads a file it did not make: the notes store
 * and its backups, a lexicon (and the files it includes), a codebook, a notes file to import. A
 * named pipe (FIFO) used to hang the app and the command line; a link to /dev/zero grew the process
 * to 16 GB. Each must be refused at once, with a message that says what the path is.
 *
 * Named pipes and /dev/zero are POSIX: those cases are skipped on Windows.
 */

const tempFolder = useTempFolders();
const posix = process.platform !== 'win32';
const RESOURCES = join(REPO_ROOT, 'resources');

const mkfifo = usePipes();

/** A link to /dev/zero, which reads as endless zero bytes. */
async function linkToZero(path: string): Promise<string> {
  await symlink('/dev/zero', path);
  return path;
}

/** Must settle well within this: a read that waits on a pipe would not. */
const PROMPT_MS = 3_000;

async function settlesPromptly<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${PROMPT_MS} ms: the read is stuck`)), PROMPT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.runIf(posix)('readRegularFile', () => {
  const options = { maxBytes: 1024, what: 'The test file' };

  it('reads an ordinary file', async () => {
    const file = join(await tempFolder(), 'ok.txt');
    await writeFile(file, 'hello');
    expect((await readRegularFile(file, options)).toString()).toBe('hello');
    expect(readRegularFileSync(file, options).toString()).toBe('hello');
  });

  it('refuses a named pipe at once, saying what it is', async () => {
    const pipe = mkfifo(join(await tempFolder(), 'pipe'));
    const error = await settlesPromptly(readRegularFile(pipe, options).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as Error).message).toBe(`The test file (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it.`);
    expect(() => readRegularFileSync(pipe, options)).toThrow(/named pipe \(FIFO\)/);
  });

  it('refuses a link to /dev/zero, a folder, and a file over the limit, before reading', async () => {
    const folder = await tempFolder();
    const zero = await linkToZero(join(folder, 'zero'));
    await expect(readRegularFile(zero, options)).rejects.toThrow(`The test file (${zero}) is a device, not an ordinary file`);
    expect(() => readRegularFileSync(zero, options)).toThrow(/is a device/);
    await expect(readRegularFile(folder, options)).rejects.toThrow(/is a folder, not an ordinary file/);
    const large = join(folder, 'large.txt');
    await writeFile(large, 'x'.repeat(2048));
    await expect(readRegularFile(large, options)).rejects.toThrow(`The test file (${large}) is 2 KB, over the 1 KB Parallax reads for a file of this kind, so it was not read.`);
  });

  it('still fails with ENOENT for a missing file, for the caller to say so', async () => {
    await expect(readRegularFile(join(await tempFolder(), 'missing'), options)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe.runIf(posix)('the lexicon and the codebook', () => {
  it('refuses a named pipe as the lexicon, in words', async () => {
    const pipe = mkfifo(join(await tempFolder(), 'words.json'));
    const outcome = await settlesPromptly(loadLexicon(pipe));
    expect(outcome).toEqual({ ok: false, message: `The lexicon "words.json" (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it.` });
    expect(loadLexiconSync(pipe)).toEqual(outcome);
  });

  it('refuses a link to /dev/zero as the lexicon, synchronously too', async () => {
    const zero = await linkToZero(join(await tempFolder(), 'words.json'));
    expect(loadLexiconSync(zero)).toEqual({ ok: false, message: `The lexicon "words.json" (${zero}) is a device, not an ordinary file, so Parallax did not read it.` });
    expect(await loadLexicon(zero)).toMatchObject({ ok: false, message: expect.stringContaining('is a device') });
  });

  it('refuses a named pipe among the files a lexicon includes', async () => {
    const folder = await tempFolder();
    mkfifo(join(folder, 'more.json'));
    const main = join(folder, 'main.json');
    await writeFile(main, JSON.stringify({ schema: 'parallax.lexicon/1', name: 'Mine', includes: ['more.json'], sets: [] }));
    const outcome = await settlesPromptly(loadLexicon(main));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/more\.json.*is a named pipe \(FIFO\).*\(included by "main\.json"\)/) });
  });

  it('refuses a lexicon over 20 MB without reading it', async () => {
    const big = join(await tempFolder(), 'big.json');
    await writeFile(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect(await loadLexicon(big)).toEqual({ ok: false, message: `The lexicon "big.json" (${big}) is 21 MB, over the 20 MB Parallax reads for a file of this kind, so it was not read.` });
  });

  it('refuses a named pipe or /dev/zero as the codebook', async () => {
    const folder = await tempFolder();
    const pipe = mkfifo(join(folder, 'codes.json'));
    expect(await settlesPromptly(loadCodebook(pipe))).toEqual({ ok: false, message: `The codebook "codes.json" (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it.` });
    const zero = await linkToZero(join(folder, 'zero.json'));
    expect(await loadCodebook(zero)).toMatchObject({ ok: false, message: expect.stringContaining('is a device') });
  });

  it('still reads the shipped lexicon and codebook', async () => {
    expect((await loadLexicon(defaultLexiconPath(RESOURCES))).ok).toBe(true);
    expect(loadLexiconSync(defaultLexiconPath(RESOURCES)).ok).toBe(true);
    expect((await loadCodebook(defaultCodebookPath(RESOURCES))).ok).toBe(true);
  });
});

describe.runIf(posix)('the notes store', () => {
  it('refuses a named pipe as the store at start-up, saying what it is and leaving it alone', async () => {
    const dataDir = await tempFolder();
    const pipe = mkfifo(join(dataDir, STORE_FILE));
    const error = await settlesPromptly(openNotesStore(dataDir).catch((caught: unknown) => caught));
    expect((error as Error).message).toBe(
      `Parallax's notes file (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it. Move it out of ${dataDir}, or start Parallax with --data-dir and another folder.`,
    );
    expect(existsSync(pipe)).toBe(true);
  });

  it('refuses a store that is a link to /dev/zero', async () => {
    const dataDir = await tempFolder();
    await linkToZero(join(dataDir, STORE_FILE));
    await expect(openNotesStore(dataDir)).rejects.toThrow(/notes file \(.*\) is a device, not an ordinary file/);
    await expect(readNotesStore(dataDir)).rejects.toThrow(/is a device, not an ordinary file/);
  });

  it('the command line\'s reader refuses a named pipe as the store too', async () => {
    const dataDir = await tempFolder();
    mkfifo(join(dataDir, STORE_FILE));
    await expect(settlesPromptly(readNotesStore(dataDir))).rejects.toThrow(/is a named pipe \(FIFO\)/);
  });

  it('passes over a backup that is a named pipe or a link to /dev/zero', async () => {
    const dataDir = await tempFolder();
    const backups = join(dataDir, BACKUP_FOLDER);
    await mkdir(backups, { recursive: true });
    // The newest backup is a pipe, the next one a link to /dev/zero; the store itself is damaged.
    mkfifo(join(backups, 'parallax-store.2031-03-02T12-00-00-000Z.json'));
    await linkToZero(join(backups, 'parallax-store.2031-03-01T12-00-00-000Z.json'));
    await writeFile(join(dataDir, STORE_FILE), '{"version": 4, "comp');
    const store = await settlesPromptly(openNotesStore(dataDir));
    try {
      expect(store.listAllNotes()).toEqual([]);
      expect(store.recovery).toMatch(/No good backup was found, so a new, empty notes file was started/);
    } finally {
      await store.close();
    }
  });
});

describe.runIf(posix)('importing a notes file', () => {
  it('refuses a named pipe at once', async () => {
    const folder = await tempFolder();
    const pipe = mkfifo(join(folder, 'notes.json'));
    const service = await createApiHandlers({
      dataDir: join(folder, 'data'),
      samplesDir: folder,
      version: 't',
      author: 'Ana',
      compareWorker: 'in-process',
      pickFiles: async () => [],
      pickNotesFile: async () => pipe,
    });
    try {
      const result = await settlesPromptly(dispatch(service.handlers, 'notes:import', {}));
      expect(result).toMatchObject({ ok: false, error: { message: `"notes.json" could not be imported: the notes file (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it. Nothing was imported.` } });
    } finally {
      await service.close();
    }
  });
});
