import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_INTERVAL_MS, backupsToKeep, KEEP_DAILY, KEEP_RECENT, listBackups, StoreBackups, type BackupFile } from '../../src/main/services/store-backups.js';
import { BACKUP_FOLDER, openNotesStore, parseStore } from '../../src/main/services/store.js';
import { noteRequest, useTempFolders } from './helpers.js';

/** Backups of the notes store: taken when something changed, checked, rotated, kept. */

const tempFolder = useTempFolders();

/** A clock the test moves by hand. */
function handClock(start = Date.UTC(2025, 3, 10, 9, 0)) {
  let time = start;
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

async function bodiesOfBackups(folder: string): Promise<string[][]> {
  const backups = await listBackups(join(folder, BACKUP_FOLDER));
  return Promise.all(backups.map(async (backup) => parseStore(await readFile(backup.path)).notes.map((note) => note.body)));
}

describe('when backups are taken', () => {
  it('after the first save, then at most every few minutes while working, and on close; never when nothing changed', async () => {
    const folder = await tempFolder();
    const clock = handClock();
    const store = await openNotesStore(folder, { now: clock.now });
    await store.saveNote(noteRequest('c1', '/a.txt', 'one'), 'Ana');
    await store.saveNote(noteRequest('c1', '/a.txt', 'two'), 'Ana');
    clock.advance(60_000);
    await store.saveNote(noteRequest('c1', '/a.txt', 'three'), 'Ana');
    expect(await bodiesOfBackups(folder)).toEqual([['one']]);

    clock.advance(BACKUP_INTERVAL_MS);
    await store.saveNote(noteRequest('c1', '/a.txt', 'four'), 'Ana');
    expect(await bodiesOfBackups(folder)).toEqual([['one', 'two', 'three', 'four'], ['one']]);

    clock.advance(1_000);
    await store.saveNote(noteRequest('c1', '/a.txt', 'five'), 'Ana');
    await store.close();
    expect(await bodiesOfBackups(folder)).toEqual([['one', 'two', 'three', 'four', 'five'], ['one', 'two', 'three', 'four'], ['one']]);

    // A session that changes nothing takes no backup.
    clock.advance(BACKUP_INTERVAL_MS * 10);
    const idle = await openNotesStore(folder, { now: clock.now });
    await idle.close();
    expect(await bodiesOfBackups(folder)).toHaveLength(3);
  });

  it('keeps the state a session found before its first change, so yesterday’s notes survive a bad import today', async () => {
    const folder = await tempFolder();
    const clock = handClock();
    const first = await openNotesStore(folder, { now: clock.now });
    await first.saveNote(noteRequest('c1', '/a.txt', 'yesterday'), 'Ana');
    await first.close();
    // Someone edits the file by hand between sessions (valid, but not backed up).
    const edited = JSON.parse(await readFile(join(folder, 'parallax-store.json'), 'utf8'));
    edited.notes[0].body = 'edited by hand';
    await writeFile(join(folder, 'parallax-store.json'), JSON.stringify(edited));

    clock.advance(60_000);
    const second = await openNotesStore(folder, { now: clock.now });
    await second.replaceNotes(() => ({ notes: [], result: null }));
    expect((await bodiesOfBackups(folder))[0]).toEqual(['edited by hand']);
    await second.close();
  });
});

describe('rotation', () => {
  const day = 86_400_000;
  const at = (ms: number, sequence = 1): BackupFile => ({ path: `/b/${ms}-${sequence}`, name: `${ms}`, madeAt: new Date(ms), sequence });

  it(`keeps the ${KEEP_RECENT} newest and the first backup of each of the last ${KEEP_DAILY} days`, () => {
    const start = Date.UTC(2025, 0, 1, 8);
    // Twelve days, three backups a day (08:00, 12:00, 16:00).
    const backups = Array.from({ length: 12 * 3 }, (_, i) => at(start + Math.floor(i / 3) * day + (i % 3) * 4 * 3_600_000));
    const kept = [...backupsToKeep(backups)].map((path) => new Date(Number(path.split('/')[2]!.split('-')[0])).toISOString()).sort();
    expect(kept).toEqual([
      // the first of each of the last seven days
      '2025-01-06T08:00:00.000Z',
      '2025-01-07T08:00:00.000Z',
      '2025-01-08T08:00:00.000Z',
      '2025-01-09T08:00:00.000Z',
      '2025-01-10T08:00:00.000Z',
      '2025-01-11T08:00:00.000Z',
      // the five newest (the first of the 11th and 12th are among them)
      '2025-01-11T12:00:00.000Z',
      '2025-01-11T16:00:00.000Z',
      '2025-01-12T08:00:00.000Z',
      '2025-01-12T12:00:00.000Z',
      '2025-01-12T16:00:00.000Z',
    ]);
  });

  it('orders backups of the same millisecond by their number', () => {
    const kept = backupsToKeep([at(0, 1), at(0, 2), at(0, 3), at(0, 4), at(0, 5), at(0, 6)]);
    expect([...kept].sort()).toEqual(['/b/0-1', '/b/0-2', '/b/0-3', '/b/0-4', '/b/0-5', '/b/0-6']); // six: the fifth newest plus the day's first
  });

  it('removes only what rotation drops, over days of real saves', async () => {
    const folder = await tempFolder();
    const clock = handClock(Date.UTC(2025, 3, 1, 9));
    for (let session = 0; session < 10; session++) {
      const store = await openNotesStore(folder, { now: clock.now });
      await store.saveNote(noteRequest('c1', '/a.txt', `day ${session}`), 'Ana');
      clock.advance(BACKUP_INTERVAL_MS);
      await store.saveNote(noteRequest('c1', '/a.txt', `day ${session}, later`), 'Ana');
      await store.close();
      clock.advance(86_400_000 - BACKUP_INTERVAL_MS);
    }
    const backups = await listBackups(join(folder, BACKUP_FOLDER));
    expect(backups.length).toBe(KEEP_RECENT + (KEEP_DAILY - 2));
    // Every backup left is a good store; the newest holds every note.
    for (const backup of backups) parseStore(await readFile(backup.path));
    expect(parseStore(await readFile(backups[0]!.path)).notes).toHaveLength(20);
  });
});

describe('checking a backup', () => {
  it('a backup that does not read back as a good store is removed, and the older ones stay', async () => {
    const folder = join(await tempFolder(), BACKUP_FOLDER);
    await mkdir(folder);
    const clock = handClock();
    let refuse = false;
    const backups = new StoreBackups(folder, (bytes) => {
      if (refuse) throw new Error('not a store');
      return bytes;
    }, clock.now);
    await backups.open();
    for (let i = 0; i < KEEP_RECENT + 3; i++) {
      clock.advance(1_000);
      expect(await backups.keep(`{"n":${i}}`)).not.toBeNull();
    }
    const before = (await readdir(folder)).sort();
    expect(before).toHaveLength(KEEP_RECENT + 1); // the five newest and the day's first

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    refuse = true;
    clock.advance(1_000);
    expect(await backups.keep('{"n":"bad"}')).toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/could not make a good backup.*older backups are kept/));
    errors.mockRestore();
    expect((await readdir(folder)).sort()).toEqual(before);
  });

  it('the same text twice is one backup', async () => {
    const folder = join(await tempFolder(), BACKUP_FOLDER);
    const clock = handClock();
    const backups = new StoreBackups(folder, () => undefined, clock.now);
    await backups.open();
    expect(await backups.keep('{"same":true}')).not.toBeNull();
    clock.advance(BACKUP_INTERVAL_MS * 2);
    expect(await backups.keep('{"same":true}')).toBeNull();
    expect(await readdir(folder)).toHaveLength(1);
  });
});
