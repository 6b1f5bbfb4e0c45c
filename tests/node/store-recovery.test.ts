import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER, describeWhen, openNotesStore, readNotesStore, STORE_FILE, storeSchema } from '../../src/main/services/store.js';
import { REPO_ROOT } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * The damaged-store fixtures (tests/fixtures/store/): each is moved aside unchanged, the newest good
 * backup is restored, and the person is told what happened, where the damaged file is, and from
 * when their notes came back.
 */

const tempFolder = useTempFolders();
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'store');
const START = new Date(Date.UTC(2025, 2, 3, 9, 15, 0));
const GOOD_BACKUP = 'parallax-store.2025-03-02T17-40-00-000Z.json';
const GOOD_BACKUP_MADE = new Date(Date.UTC(2025, 2, 2, 17, 40));
const ASIDE = 'parallax-store.damaged-2025-03-03T09-15-00-000Z.json';

/** A data folder holding `storeFixture` as the store and the given fixtures as backups. */
async function dataFolder(storeFixture: string, backups: Record<string, string>): Promise<string> {
  const folder = await tempFolder();
  await mkdir(join(folder, BACKUP_FOLDER));
  await copyFile(join(FIXTURES, storeFixture), join(folder, STORE_FILE));
  for (const [name, fixture] of Object.entries(backups)) await copyFile(join(FIXTURES, fixture), join(folder, BACKUP_FOLDER, name));
  return folder;
}

const cases: Record<string, string> = {
  'empty.json': 'was empty',
  'truncated.json': 'was cut short or is not a Parallax notes file',
  'nul-bytes.json': 'held zero bytes where your notes should be, as happens when a computer loses power while saving',
  'wrong-schema.json': 'was not laid out the way Parallax expects',
  'newer-version.json': 'was written by a newer version of Parallax',
};

describe('damaged store fixtures', () => {
  for (const [fixture, words] of Object.entries(cases)) {
    it(`${fixture}: moved aside unchanged, the newest good backup restored, and the person told`, async () => {
      const folder = await dataFolder(fixture, { [GOOD_BACKUP]: 'good-backup.json' });
      const store = await openNotesStore(folder, { now: () => START });

      const newer = fixture === 'newer-version.json' ? ' Notes written with the newer version are in the kept file: update Parallax to see them.' : '';
      expect(store.recovery).toBe(
        `Parallax's notes file ${words}. It was kept unchanged as "${ASIDE}" in ${folder}, and your notes were restored from the backup made ${describeWhen(GOOD_BACKUP_MADE)} (2 notes).${newer}`,
      );
      expect(store.recovery).toMatch(/on 2 March 2025 at \d\d:\d\d/);
      // The damaged bytes are kept exactly; the store is the backup's state, byte for byte.
      expect(await readFile(join(folder, ASIDE))).toEqual(await readFile(join(FIXTURES, fixture)));
      expect(await readFile(join(folder, STORE_FILE))).toEqual(await readFile(join(FIXTURES, 'good-backup.json')));
      expect(store.listNotes('c-harbour').map((note) => note.target.kind)).toEqual(['paragraph', 'passage']);
      expect(store.settings()).toEqual({ author: 'Mara' });
      // The backup itself is kept too.
      expect(await readdir(join(folder, BACKUP_FOLDER))).toContain(GOOD_BACKUP);
      await store.close();
    });
  }

  it('a damaged store whose newest backup is damaged too: the older good backup is restored, the bad one kept aside', async () => {
    const newest = 'parallax-store.2025-03-03T08-00-00-000Z.json';
    const older = 'parallax-store.2025-03-01T12-00-00-000Z.json';
    const folder = await dataFolder('truncated.json', { [newest]: 'nul-bytes.json', [older]: 'good-older-backup.json' });
    const store = await openNotesStore(folder, { now: () => START });

    expect(store.recovery).toBe(
      `Parallax's notes file was cut short or is not a Parallax notes file. It was kept unchanged as "${ASIDE}" in ${folder}, and your notes were restored from the backup made ${describeWhen(new Date(Date.UTC(2025, 2, 1, 12)))} (1 note). The backup made ${describeWhen(new Date(Date.UTC(2025, 2, 3, 8)))} could not be used either; it was kept as "parallax-store.2025-03-03T08-00-00-000Z.damaged.json" in ${join(folder, BACKUP_FOLDER)}.`,
    );
    expect(store.listNotes('c-harbour')).toHaveLength(1);
    expect(await readFile(join(folder, BACKUP_FOLDER, 'parallax-store.2025-03-03T08-00-00-000Z.damaged.json'))).toEqual(
      await readFile(join(FIXTURES, 'nul-bytes.json')),
    );
    expect(storeSchema.parse(JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8'))).notes).toHaveLength(1);
    await store.close();
  });

  it('a damaged store with only damaged backups: started empty, and every kept file named', async () => {
    const folder = await dataFolder('wrong-schema.json', { 'parallax-store.2025-03-02T10-00-00-000Z.json': 'empty.json' });
    const store = await openNotesStore(folder, { now: () => START });
    expect(store.recovery).toMatch(
      /^Parallax's notes file was not laid out the way Parallax expects\. It was kept unchanged as "parallax-store\.damaged-2025-03-03T09-15-00-000Z\.json" in .*\. No good backup was found, so a new, empty notes file was started\. The backup made on 2 March 2025 at .* could not be used either; it was kept as "parallax-store\.2025-03-02T10-00-00-000Z\.damaged\.json" in .*backups\. Nothing was deleted: keep that file if you want to recover notes from it\.$/,
    );
    expect(store.counts()).toEqual({ comparisons: 0, notes: 0 });
    await store.close();
  });

  it('a good store opens as it is: no message, and the backups are not touched', async () => {
    const folder = await dataFolder('good-backup.json', { [GOOD_BACKUP]: 'nul-bytes.json' });
    const store = await openNotesStore(folder, { now: () => START });
    expect(store.recovery).toBeNull();
    expect(store.counts().notes).toBe(2);
    await store.close();
    expect(await readdir(join(folder, BACKUP_FOLDER))).toContain(GOOD_BACKUP);
  });
});

describe('reading the store without the app (the command line)', () => {
  it('reads a good store, touching nothing', async () => {
    const folder = await dataFolder('good-backup.json', {});
    const before = (await readdir(folder)).sort();
    const snapshot = await readNotesStore(folder);
    expect(snapshot.problem).toBeNull();
    expect(snapshot.data?.notes).toHaveLength(2);
    expect((await readdir(folder)).sort()).toEqual(before);
  });

  it('reads the newest good backup of a damaged store, says so, and moves nothing', async () => {
    const newest = 'parallax-store.2025-03-03T08-00-00-000Z.json';
    const older = 'parallax-store.2025-03-01T12-00-00-000Z.json';
    const folder = await dataFolder('nul-bytes.json', { [newest]: 'truncated.json', [older]: 'good-older-backup.json' });
    const snapshot = await readNotesStore(folder);
    expect(snapshot.data?.notes).toHaveLength(1);
    expect(snapshot.problem).toBe(
      `The notes file ${join(folder, STORE_FILE)} held zero bytes where your notes should be, as happens when a computer loses power while saving; the notes were read from the backup made ${describeWhen(new Date(Date.UTC(2025, 2, 1, 12)))}. Open Parallax to repair it.`,
    );
    expect(await readFile(join(folder, STORE_FILE))).toEqual(await readFile(join(FIXTURES, 'nul-bytes.json')));
    expect((await readdir(join(folder, BACKUP_FOLDER))).sort()).toEqual([older, newest]);
  });

  it('an empty folder has no store and no problem; a damaged store without backups is a problem', async () => {
    expect(await readNotesStore(await tempFolder())).toMatchObject({ data: null, problem: null });
    const folder = await dataFolder('newer-version.json', {});
    expect(await readNotesStore(folder)).toMatchObject({ data: null, problem: expect.stringMatching(/was written by a newer version of Parallax, and no good backup was found/) });
  });
});
