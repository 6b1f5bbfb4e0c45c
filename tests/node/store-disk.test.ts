import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FOLDER, describeWhen, LOCK_FILE, openNotesStore, STORE_FILE } from '../../src/main/services/store.js';
import { REPO_ROOT } from '../support/seeds.js';
import { disk } from '../support/faulty-disk.js';
import { noteRequest, useTempFolders } from './helpers.js';

// Every module of the store writes through node:fs/promises: this makes its disk read-only or full on demand.
vi.mock('node:fs/promises', async (original) => (await import('../support/faulty-disk.js')).faultyFsPromises(await original()));

/**
 * A store on a disk that refuses to be written: a read-only disk, a full one. Start-up never fails
 * with a bare EROFS or ENOSPC and never loses anything: what cannot be repaired in place opens
 * read-only, from the newest good backup, and the person is told in words what happened and where
 * each file is. Once the disk works again, the next start repairs as usual.
 */

const tempFolder = useTempFolders();
afterEach(() => disk.heal());

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'store');
const START = new Date(Date.UTC(2025, 2, 3, 9, 15, 0));
const GOOD_BACKUP = 'parallax-store.2025-03-02T17-40-00-000Z.json';
const GOOD_BACKUP_MADE = new Date(Date.UTC(2025, 2, 2, 17, 40));
const ASIDE = 'parallax-store.damaged-2025-03-03T09-15-00-000Z.json';

/** A data folder with `store` (a fixture, or null for none) as the store file and fixtures as backups. */
async function dataFolder(store: string | null, backups: Record<string, string> = { [GOOD_BACKUP]: 'good-backup.json' }): Promise<string> {
  const folder = await tempFolder();
  await mkdir(join(folder, BACKUP_FOLDER));
  if (store) await copyFile(join(FIXTURES, store), join(folder, STORE_FILE));
  for (const [name, fixture] of Object.entries(backups)) await copyFile(join(FIXTURES, fixture), join(folder, BACKUP_FOLDER, name));
  return folder;
}

/** Every file under `folder` with its bytes: to show that nothing was changed, moved or removed. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    if ((await stat(path)).isFile()) files[relative(folder, path)] = (await readFile(path)).toString('base64');
  }
  return files;
}

describe('a damaged store on a read-only disk', () => {
  it('opens read-only from the newest good backup, changes nothing, and says where each file is', async () => {
    const newest = 'parallax-store.2025-03-03T08-00-00-000Z.json';
    const folder = await dataFolder('truncated.json', { [newest]: 'nul-bytes.json', [GOOD_BACKUP]: 'good-backup.json' });
    const before = await snapshot(folder);
    disk.readOnly(folder);

    const store = await openNotesStore(folder, { now: () => START });

    expect(store.readOnly).toBe(true);
    expect(store.recovery).toBe(
      `Parallax's notes file ${join(folder, STORE_FILE)} was cut short or is not a Parallax notes file. ` +
        `Parallax could not repair it, because the disk holding ${folder} is read-only, so it was left where it is, unchanged. ` +
        `Your notes were opened from the backup made ${describeWhen(GOOD_BACKUP_MADE)} (2 notes), "${GOOD_BACKUP}" in ${join(folder, BACKUP_FOLDER)}, read-only: you can read them, but changes will not be saved. ` +
        `The backup made ${describeWhen(new Date(Date.UTC(2025, 2, 3, 8)))} could not be used either ("${newest}" in ${join(folder, BACKUP_FOLDER)}, left as it is). ` +
        `Make that disk writable, or start Parallax with --data-dir and a folder you can write to, then start Parallax again to repair the notes file.`,
    );
    expect(store.listNotes('c-harbour').map((note) => note.target.kind)).toEqual(['paragraph', 'passage']);
    await expect(store.saveNote(noteRequest('c-harbour', '/a.txt', 'lost?'), 'Ana')).rejects.toThrow(
      `Parallax opened your notes read-only, because the disk holding ${folder} is read-only, so this change was not saved. Make that disk writable, or start Parallax with --data-dir and a folder you can write to, then start Parallax again.`,
    );
    await store.close();
    expect(await snapshot(folder)).toEqual(before);
  });

  it('once the disk can be written again, the next start repairs it as usual', async () => {
    const folder = await dataFolder('nul-bytes.json');
    disk.readOnly(folder);
    await (await openNotesStore(folder, { now: () => START })).close();
    disk.heal();

    const store = await openNotesStore(folder, { now: () => START });
    expect(store.readOnly).toBe(false);
    expect(store.recovery).toMatch(new RegExp(`^Parallax's notes file held zero bytes .* It was kept unchanged as "${ASIDE}" in .*, and your notes were restored from the backup made`));
    expect(await readFile(join(folder, ASIDE))).toEqual(await readFile(join(FIXTURES, 'nul-bytes.json')));
    await store.saveNote(noteRequest('c-harbour', '/a.txt', 'saved again'), 'Ana');
    await store.close();
  });

  it('a missing store opens read-only from the newest good backup, and says so', async () => {
    const folder = await dataFolder(null);
    disk.readOnly(folder);
    const store = await openNotesStore(folder, { now: () => START });
    expect(store.readOnly).toBe(true);
    expect(store.recovery).toMatch(
      new RegExp(`^Parallax's notes file was missing from ${folder}, and Parallax could not restore it, because the disk holding ${folder} is read-only\\. Your notes were opened from the backup made .* \\(2 notes\\), "${GOOD_BACKUP}" in .*, read-only: .* then start Parallax again to restore them\\.$`),
    );
    expect(store.counts().notes).toBe(2);
    await store.close();
  });

  it('a good store opens read-only as it is, and says why saving will not work', async () => {
    const folder = await dataFolder('good-backup.json', {});
    disk.readOnly(folder);
    const store = await openNotesStore(folder);
    expect(store.readOnly).toBe(true);
    expect(store.recovery).toBe(
      `Parallax opened your notes read-only, because the disk holding ${folder} is read-only: you can read them, but changes will not be saved. Make that disk writable, or start Parallax with --data-dir and a folder you can write to, then start Parallax again.`,
    );
    expect(store.counts().notes).toBe(2);
    // Opening a comparison does not fail for want of a recent list: it is simply not kept.
    await expect(store.touchComparison({ id: 'c9', title: 'T', sources: [] })).resolves.toHaveLength(1);
    await store.close();
  });

  it('a first start on a read-only disk opens empty, and says notes cannot be kept there', async () => {
    const folder = await tempFolder();
    disk.readOnly(folder);
    const store = await openNotesStore(folder);
    expect(store.readOnly).toBe(true);
    expect(store.recovery).toMatch(new RegExp(`^Parallax cannot keep notes in ${folder}, because the disk holding ${folder} is read-only: it started without notes`));
    expect(await readdir(folder)).toEqual([]);
    await store.close();
  });
});

describe('a damaged store on a full disk', () => {
  it('moves nothing before the backup is safely written: the damaged file stays, the notes open read-only from the backup', async () => {
    const folder = await dataFolder('truncated.json');
    const before = await snapshot(folder);
    // Room for the lock (a few hundred bytes), not for the restored notes (2 KB).
    disk.full(folder, 1024);

    const store = await openNotesStore(folder, { now: () => START });

    expect(store.readOnly).toBe(true);
    expect(store.recovery).toMatch(
      new RegExp(
        `^Parallax's notes file ${join(folder, STORE_FILE)} was cut short or is not a Parallax notes file\\. Parallax could not repair it, because the disk holding ${folder} is full, so it was left where it is, unchanged\\. ` +
          `Your notes were opened from the backup made .* \\(2 notes\\), "${GOOD_BACKUP}" in ${join(folder, BACKUP_FOLDER)}, read-only: you can read them, but changes will not be saved\\. ` +
          `Free some space on that disk, then start Parallax again to repair the notes file\\.$`,
      ),
    );
    expect(store.counts().notes).toBe(2);
    await store.close();
    expect(await snapshot(folder)).toEqual(before);

    // Space freed: the next start names the damaged file it keeps, not a "missing" store.
    disk.heal();
    const again = await openNotesStore(folder, { now: () => START });
    expect(again.readOnly).toBe(false);
    expect(again.recovery).toMatch(new RegExp(`^Parallax's notes file was cut short or is not a Parallax notes file\\. It was kept unchanged as "${ASIDE}" in ${folder}, and your notes were restored`));
    expect(await readFile(join(folder, ASIDE))).toEqual(await readFile(join(FIXTURES, 'truncated.json')));
    await again.close();
  });

  it('a disk with no room even for the lock: read-only from the backup too, nothing changed', async () => {
    const folder = await dataFolder('empty.json');
    const before = await snapshot(folder);
    disk.full(folder, 0);
    const store = await openNotesStore(folder, { now: () => START });
    expect(store.readOnly).toBe(true);
    expect(store.recovery).toMatch(/^Parallax's notes file .* was empty\. Parallax could not repair it, because the disk holding .* is full, so it was left where it is, unchanged\. Your notes were opened from the backup/);
    await store.close();
    expect(await snapshot(folder)).toEqual(before);
  });

  it('a store left missing by an earlier interrupted repair names the damaged file that was kept', async () => {
    const folder = await dataFolder(null);
    await copyFile(join(FIXTURES, 'truncated.json'), join(folder, 'parallax-store.damaged-2025-03-01T08-00-00-000Z.json'));
    const store = await openNotesStore(folder, { now: () => START });
    expect(store.recovery).toBe(
      `Parallax's notes file was missing from ${folder}, and your notes were restored from the backup made ${describeWhen(GOOD_BACKUP_MADE)} (2 notes). ` +
        `A damaged notes file kept earlier is still there, as "parallax-store.damaged-2025-03-01T08-00-00-000Z.json" in ${folder}.`,
    );
    await store.close();
  });

  it('a save on a disk that filled up is refused in words, and nothing in memory changes', async () => {
    const folder = await dataFolder('good-backup.json', {});
    const store = await openNotesStore(folder, { now: () => START });
    disk.full(folder, 0);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(store.saveNote(noteRequest('c-harbour', '/a.txt', 'too much'), 'Ana')).rejects.toThrow(
      `Parallax could not save to "${join(folder, STORE_FILE)}", because the disk holding ${folder} is full. Free some space on that disk, then try again.`,
    );
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/could not back up the notes/), expect.anything());
    logged.mockRestore();
    expect(store.counts().notes).toBe(2);
    disk.heal();
    await store.saveNote(noteRequest('c-harbour', '/a.txt', 'fits now'), 'Ana');
    expect(store.counts().notes).toBe(3);
    await store.close();
    // The state the session found was backed up after all, before the first save that worked.
    const backups = await readdir(join(folder, BACKUP_FOLDER));
    const found = await Promise.all(backups.map((name) => readFile(join(folder, BACKUP_FOLDER, name))));
    expect(found).toContainEqual(await readFile(join(FIXTURES, 'good-backup.json')));
  });
});

describe('a disk that makes no hard links (FAT)', () => {
  it('the lock is made another way, and still keeps a second writer out', async () => {
    const folder = await tempFolder();
    disk.noHardLinks(folder);
    const store = await openNotesStore(folder, { program: 'the first' });
    expect(store.readOnly).toBe(false);
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, program: 'the first' });
    await expect(openNotesStore(folder, { lockWaitMs: 100 })).rejects.toThrow(/are in use by another Parallax: the first/);
    await store.saveNote(noteRequest('c1', '/a.txt', 'saved'), 'Ana');
    await store.close();
    expect(await readdir(folder)).toEqual([STORE_FILE, BACKUP_FOLDER].sort());
  });
});

describe('something other than a store file where the store should be', () => {
  it('a folder: left as it is, and the notes open read-only from the newest good backup', async () => {
    const folder = await dataFolder(null);
    await mkdir(join(folder, STORE_FILE));
    await writeFile(join(folder, STORE_FILE, 'inside.txt'), 'someone put this here');
    const before = await snapshot(folder);

    const store = await openNotesStore(folder, { now: () => START });

    expect(store.readOnly).toBe(true);
    expect(store.recovery).toBe(
      `Parallax's notes file (${join(folder, STORE_FILE)}) is a folder, not an ordinary file, so Parallax did not read it. It was left as it is. ` +
        `Your notes were opened from the backup made ${describeWhen(GOOD_BACKUP_MADE)} (2 notes), "${GOOD_BACKUP}" in ${join(folder, BACKUP_FOLDER)}, read-only: you can read them, but changes will not be saved. ` +
        `Move it out of ${folder}, then start Parallax again: it will restore your notes from that backup.`,
    );
    expect(store.counts().notes).toBe(2);
    await expect(store.saveNote(noteRequest('c-harbour', '/a.txt', 'x'), 'Ana')).rejects.toThrow(/read-only, because its notes file .* is not an ordinary file, so this change was not saved/);
    await store.close();
    expect(await snapshot(folder)).toEqual(before);
  });

  it('a folder and no good backup: start-up is refused with what to do, as before', async () => {
    const folder = await dataFolder(null, {});
    await mkdir(join(folder, STORE_FILE));
    await expect(openNotesStore(folder)).rejects.toThrow(/is a folder, not an ordinary file, so Parallax did not read it\. Move it out of/);
  });
});
