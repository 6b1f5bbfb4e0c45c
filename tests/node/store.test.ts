import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/services/store-backups.js';
import { BACKUP_FILE, BACKUP_FOLDER, describeWhen, LOCK_FILE, openNotesStore, STORE_FILE, storeSchema } from '../../src/main/services/store.js';
import { noteRequest, useTempFolders } from './helpers.js';

const tempFolder = useTempFolders();

/** A clock that moves one second per call, from a fixed time. */
function steppingClock(start = Date.UTC(2025, 0, 15, 9, 30, 0)): () => Date {
  let tick = 0;
  return () => new Date(start + 1000 * tick++);
}

async function readStoreJson(folder: string): Promise<unknown> {
  return JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8'));
}

/** The folder's files, less the lock an open store holds (tested in store-lock.test.ts). */
async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name !== LOCK_FILE).sort();
}

/** The backups' contents, newest first. */
async function backupTexts(folder: string): Promise<string[]> {
  const backups = await listBackups(join(folder, BACKUP_FOLDER));
  return Promise.all(backups.map((backup) => readFile(backup.path, 'utf8')));
}

/** A valid store file with one note, as bytes. */
async function goodStoreBytes(): Promise<Buffer> {
  const folder = await tempFolder();
  const store = await openNotesStore(folder);
  await store.touchComparison({ id: 'c1', title: 'Storm', sources: [{ path: '/a.txt', label: 'A' }] });
  await store.saveNote(noteRequest('c1', '/a.txt', 'kept in the backup'), 'Ana');
  await store.close();
  return readFile(join(folder, STORE_FILE));
}

describe('notes store on disk', () => {
  it('starts a fresh store without a message, and writes nothing until there is something to keep', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(store.listRecent()).toEqual([]);
    expect(store.counts()).toEqual({ comparisons: 0, notes: 0 });
    expect(await filesIn(folder)).toEqual([]);
    // Only the lock, while it is open; closing lets go of it.
    expect(await readdir(folder)).toEqual([LOCK_FILE]);
    await store.close();
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps notes and the recent list across close and reopen, as valid JSON on disk', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder, { now: steppingClock() });
    await store.touchComparison({ id: 'c1', title: 'Storm hits', sources: [{ path: '/a.txt', label: 'A' }, { path: '/b.txt', label: 'B' }] });
    const note = await store.saveNote(noteRequest('c1', '/a.txt', 'Check the figure'), 'Ana');
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.created).toBe(note.updated);
    expect(note.author).toBe('Ana');
    const openedAt = store.listRecent()[0]!.openedAt;
    expect(openedAt).toBe('2025-01-15T09:30:00.000Z');
    await store.close();

    // The bytes on disk: the schema, the note, the comparison.
    const onDisk = storeSchema.parse(await readStoreJson(folder));
    expect(onDisk.version).toBe(4);
    expect(onDisk.lexicon).toBeNull();
    expect(onDisk.notes).toEqual([note]);
    expect(onDisk.comparisons.map((comparison) => comparison.id)).toEqual(['c1']);
    expect(await filesIn(folder)).toEqual([BACKUP_FOLDER, STORE_FILE]);

    const reopened = await openNotesStore(folder, { now: steppingClock(Date.UTC(2025, 0, 16)) });
    expect(reopened.recovery).toBeNull();
    expect(reopened.listNotes('c1')).toEqual([note]);
    expect(reopened.listNotes('other')).toEqual([]);
    expect(reopened.listRecent()).toEqual([
      { id: 'c1', title: 'Storm hits', sources: [{ path: '/a.txt', label: 'A' }, { path: '/b.txt', label: 'B' }], openedAt, noteCount: 1 },
    ]);

    // Updating keeps the creation time and the author; the update time moves.
    const updated = await reopened.saveNote({ ...noteRequest('c1', '/a.txt', 'Checked: 46,000'), id: note.id }, 'Someone else');
    expect(updated).toMatchObject({ id: note.id, created: note.created, author: 'Ana', body: 'Checked: 46,000' });
    expect(updated.updated).not.toBe(note.updated);
    expect(await reopened.deleteNote('no-such-note')).toBe(false);
    await reopened.close();

    const third = await openNotesStore(folder);
    expect(third.listNotes('c1')).toEqual([updated]);
    expect(await third.deleteNote(note.id)).toBe(true);
    expect(third.listNotes('c1')).toEqual([]);
    await third.close();
    expect(storeSchema.parse(await readStoreJson(folder)).notes).toEqual([]);
  });

  it('refuses to update a note that does not exist, and changes nothing', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await expect(store.saveNote({ ...noteRequest('c1', '/a.txt', 'x'), id: 'gone' }, 'Ana')).rejects.toThrow(/no longer exists/);
    expect(store.counts().notes).toBe(0);
    await store.close();
  });

  it('orders recent comparisons newest first, refreshes a reopened one, and forgets without losing notes', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder, { now: steppingClock() });
    await store.touchComparison({ id: 'one', title: 'One', sources: [] });
    await store.touchComparison({ id: 'two', title: 'Two', sources: [] });
    await store.saveNote(noteRequest('one', '/a.txt', 'note on one'), 'Ana');
    expect(store.listRecent().map((comparison) => comparison.id)).toEqual(['two', 'one']);
    await store.touchComparison({ id: 'one', title: 'One again', sources: [] });
    expect(store.listRecent().map((comparison) => [comparison.id, comparison.title, comparison.noteCount])).toEqual([
      ['one', 'One again', 1],
      ['two', 'Two', 0],
    ]);
    expect((await store.forgetComparison('one')).map((comparison) => comparison.id)).toEqual(['two']);
    expect(store.listNotes('one')).toHaveLength(1);
    await store.close();
  });

  it('runs concurrent writes one at a time and loses none', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.saveNote(noteRequest('c1', '/a.txt', `note ${i}`), 'Ana')));
    await store.close();
    const onDisk = storeSchema.parse(await readStoreJson(folder));
    expect(onDisk.notes.map((note) => note.body).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `note ${i}`).sort());
    // No temporary files are left behind.
    expect(await filesIn(folder)).toEqual([BACKUP_FOLDER, STORE_FILE]);
  });

  it('refuses writes after close', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await store.close();
    await expect(store.saveNote(noteRequest('c1', '/a.txt', 'late'), 'Ana')).rejects.toThrow(/closing/);
  });

  it('removes temporary files a crash left behind', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, `${STORE_FILE}.deadbeef.tmp`), '{"version":1,"comp');
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(await filesIn(folder)).toEqual([]);
    await store.close();
  });
});

describe('notes store: a damaged file is moved aside, never overwritten', () => {
  const damaged: Record<string, { bytes: () => Promise<Buffer>; words: RegExp }> = {
    empty: { bytes: async () => Buffer.alloc(0), words: /was empty/ },
    truncated: { bytes: async () => (await goodStoreBytes()).subarray(0, 60), words: /was cut short/ },
    'not JSON': { bytes: async () => Buffer.from('<html>not a store</html>'), words: /was cut short or is not a Parallax notes file/ },
    'NUL-filled': { bytes: async () => Buffer.alloc(4096), words: /zero bytes/ },
    'wrong schema': { bytes: async () => Buffer.from(JSON.stringify({ version: 1, comparisons: 'oops', notes: [] })), words: /not laid out the way Parallax expects/ },
    'newer version': {
      bytes: async () => Buffer.from(JSON.stringify({ version: 99, comparisons: [], notes: [], shinyNewThing: true })),
      words: /newer version of Parallax.*update Parallax/,
    },
  };

  for (const [name, { bytes, words }] of Object.entries(damaged)) {
    it(`${name}: keeps the bytes under a timestamped name, starts fresh, and says so`, async () => {
      const folder = await tempFolder();
      const original = await bytes();
      await writeFile(join(folder, STORE_FILE), original);

      const store = await openNotesStore(folder, { now: () => new Date(Date.UTC(2025, 2, 1, 12, 0, 0, 5)) });

      const aside = 'parallax-store.damaged-2025-03-01T12-00-00-005Z.json';
      expect(await filesIn(folder)).toEqual([aside]);
      expect(await readFile(join(folder, aside))).toEqual(original);
      expect(store.recovery).toMatch(words);
      expect(store.recovery).toContain(aside);
      expect(store.recovery).toMatch(/a new, empty notes file was started/);
      expect(store.counts()).toEqual({ comparisons: 0, notes: 0 });

      // The fresh store works and the damaged file stays untouched.
      await store.saveNote(noteRequest('c1', '/a.txt', 'after recovery'), 'Ana');
      await store.close();
      expect(await readFile(join(folder, aside))).toEqual(original);
      expect(storeSchema.parse(await readStoreJson(folder)).notes).toHaveLength(1);
    });
  }

  it('never replaces an earlier damaged file with the same timestamp', async () => {
    const folder = await tempFolder();
    const now = () => new Date(Date.UTC(2025, 2, 1));
    await writeFile(join(folder, STORE_FILE), 'first damage');
    await (await openNotesStore(folder, { now })).close();
    await writeFile(join(folder, STORE_FILE), 'second damage');
    await (await openNotesStore(folder, { now })).close();
    const files = await filesIn(folder);
    expect(files).toEqual(['parallax-store.damaged-2025-03-01T00-00-00-000Z-2.json', 'parallax-store.damaged-2025-03-01T00-00-00-000Z.json']);
    expect(await readFile(join(folder, files[1]!), 'utf8')).toBe('first damage');
    expect(await readFile(join(folder, files[0]!), 'utf8')).toBe('second damage');
  });

  it('restores the notes from the newest backup, says from when, and keeps the damaged file', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder, { now: steppingClock() });
    await store.touchComparison({ id: 'c1', title: 'Storm', sources: [] });
    await store.saveNote(noteRequest('c1', '/a.txt', 'in the backup'), 'Ana');
    await store.close(); // closing backs up the state it ends with
    const [backup] = await listBackups(join(folder, BACKUP_FOLDER));
    const backupBytes = await readFile(backup!.path);
    await writeFile(join(folder, STORE_FILE), Buffer.alloc(512)); // the main file is lost to zeros

    const restored = await openNotesStore(folder, { now: () => new Date(Date.UTC(2025, 5, 1)) });
    expect(restored.recovery).toBe(
      `Parallax's notes file held zero bytes where your notes should be, as happens when a computer loses power while saving. It was kept unchanged as "parallax-store.damaged-2025-06-01T00-00-00-000Z.json" in ${folder}, and your notes were restored from the backup made ${describeWhen(backup!.madeAt)} (1 note).`,
    );
    expect(restored.listNotes('c1').map((note) => note.body)).toEqual(['in the backup']);
    expect(restored.listRecent().map((comparison) => comparison.id)).toEqual(['c1']);
    // The main file now holds the backup's state, byte for byte; the damaged one is kept.
    expect(await readFile(join(folder, STORE_FILE))).toEqual(backupBytes);
    expect(await readFile(join(folder, 'parallax-store.damaged-2025-06-01T00-00-00-000Z.json'))).toEqual(Buffer.alloc(512));
    await restored.close();
  });

  it('restores from the backup when a newer version wrote the main file, and says how to get it back', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, BACKUP_FILE), await goodStoreBytes());
    await writeFile(join(folder, STORE_FILE), JSON.stringify({ version: 5, comparisons: [], notes: [], sources: {}, lexicon: null, settings: { author: '' }, codebook: null, inks: [] }));
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/newer version of Parallax.*restored from the backup.*update Parallax to see them\.$/);
    expect(store.listNotes('c1')).toHaveLength(1);
    await store.close();
  });

  it('restores from the backup when the main file is missing', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, BACKUP_FILE), await goodStoreBytes());
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/was missing.*restored from the backup/);
    expect(store.listNotes('c1').map((note) => note.body)).toEqual(['kept in the backup']);
    await store.close();
  });

  it('moves a damaged backup of an earlier version aside too, and says so', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), '{"version":1,');
    await writeFile(join(folder, BACKUP_FILE), '');
    const store = await openNotesStore(folder, { now: () => new Date(Date.UTC(2025, 0, 1)) });
    expect(store.recovery).toMatch(/No good backup was found, so a new, empty notes file was started\. The backup made on .* could not be used either; it was kept as "parallax-store\.backup\.damaged-2025-01-01T00-00-00-000Z\.json"/);
    expect(await filesIn(folder)).toEqual([
      'parallax-store.backup.damaged-2025-01-01T00-00-00-000Z.json',
      'parallax-store.damaged-2025-01-01T00-00-00-000Z.json',
    ]);
    await store.close();
  });
});

/** A store file exactly as version 1 of Parallax wrote it: comparisons and notes, no `sources`. */
const VERSION_1_FILE = `{
  "version": 1,
  "comparisons": [
    {
      "id": "c1",
      "title": "Storm hits",
      "sources": [
        { "path": "/articles/a.txt", "label": "A" },
        { "path": "/articles/b.txt", "label": "B" }
      ],
      "openedAt": "2025-01-15T09:30:00.000Z"
    }
  ],
  "notes": [
    {
      "id": "6f1d8a52-6a35-4f51-9a55-3d8b2c7c0d11",
      "comparisonId": "c1",
      "target": {
        "kind": "paragraph",
        "source": "/articles/a.txt",
        "sourceHash": "abc123",
        "paragraph": 0,
        "quote": { "type": "TextQuoteSelector", "exact": "Storm", "prefix": "", "suffix": " hits" },
        "position": { "type": "TextPositionSelector", "start": 0, "end": 5 }
      },
      "body": "Written with version 1",
      "tags": ["check"],
      "author": "Ana",
      "created": "2025-01-15T09:31:00.000Z",
      "updated": "2025-01-15T09:31:00.000Z"
    }
  ]
}
`;

describe('notes store: versions and source preferences', () => {
  it('migrates a version 1 file forward: notes and recent kept, no message, the old bytes kept as the backup', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), VERSION_1_FILE);
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(store.listNotes('c1').map((note) => note.body)).toEqual(['Written with version 1']);
    expect(store.listRecent().map((comparison) => comparison.id)).toEqual(['c1']);
    expect(store.sourcePreferences('/articles/a.txt')).toBeUndefined();
    // Reading alone writes nothing: the version 1 file is still on disk as it was.
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(VERSION_1_FILE);

    await store.updateSourcePreferences('/articles/a.txt', (current) => ({ ...current, label: 'The Ledger' }));
    await store.close();
    const onDisk = storeSchema.parse(await readStoreJson(folder));
    expect(onDisk.version).toBe(4);
    expect(onDisk.sources).toEqual({ '/articles/a.txt': { label: 'The Ledger' } });
    expect(onDisk.notes.map((note) => note.body)).toEqual(['Written with version 1']);
    // The first backup is the state before the first write: the version 1 file, byte for byte.
    expect((await backupTexts(folder)).at(-1)).toBe(VERSION_1_FILE);
  });

  it('restores a version 1 backup, migrated, when the main file is damaged', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), '{"version":2,"comp');
    await writeFile(join(folder, BACKUP_FILE), VERSION_1_FILE);
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/restored from the backup/);
    expect(store.listNotes('c1')).toHaveLength(1);
    await store.close();
  });

  it('keeps label, encoding and paragraph marks per file across a restart, and drops empty ones', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder);
    await first.updateSourcePreferences('/a.txt', () => ({ label: 'Ledger', encoding: 'windows-1252', kinds: { k1: 'boilerplate', k2: 'body' } }));
    await first.updateSourcePreferences('/b.txt', () => ({ label: 'Harbour' }));
    await first.close();

    const second = await openNotesStore(folder);
    expect(second.sourcePreferences('/a.txt')).toEqual({ label: 'Ledger', encoding: 'windows-1252', kinds: { k1: 'boilerplate', k2: 'body' } });
    expect(second.sourcePreferences('/b.txt')).toEqual({ label: 'Harbour' });
    expect(second.sourcePreferences('/c.txt')).toBeUndefined();
    await second.updateSourcePreferences('/b.txt', () => ({ label: undefined, kinds: {} }));
    await second.close();

    expect(storeSchema.parse(await readStoreJson(folder)).sources).toEqual({
      '/a.txt': { label: 'Ledger', encoding: 'windows-1252', kinds: { k1: 'boilerplate', k2: 'body' } },
    });
  });

  it('treats a version 2 file with a bad encoding as damaged, not as something to guess at', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), JSON.stringify({ version: 2, comparisons: [], notes: [], sources: { '/a.txt': { encoding: 'klingon' } } }));
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/not laid out the way Parallax expects/);
    await store.close();
  });
});

/** A store file exactly as version 2 of Parallax wrote it: with `sources`, no `lexicon`. */
const VERSION_2_FILE = `{
  "version": 2,
  "comparisons": [
    {
      "id": "c2",
      "title": "Flood warning",
      "sources": [
        { "path": "/articles/a.txt", "label": "A" },
        { "path": "/articles/b.txt", "label": "B" }
      ],
      "openedAt": "2025-03-01T10:00:00.000Z"
    }
  ],
  "notes": [],
  "sources": {
    "/articles/a.txt": { "label": "The Ledger", "encoding": "windows-1252", "kinds": { "k1": "boilerplate" } }
  }
}
`;

const customSet = {
  id: 'harsh-words',
  name: 'Harsh words',
  kind: 'loaded-term' as const,
  domain: 'politics',
  terms: [{ term: 'slammed' }, { term: 'criticised' }],
};

describe('notes store: the word sets (version 3)', () => {
  it('migrates a version 2 file forward: everything kept, no lexicon changes, the old bytes kept as the backup', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), VERSION_2_FILE);
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(store.lexiconChanges()).toBeNull();
    expect(store.listRecent().map((comparison) => comparison.id)).toEqual(['c2']);
    expect(store.sourcePreferences('/articles/a.txt')).toEqual({ label: 'The Ledger', encoding: 'windows-1252', kinds: { k1: 'boilerplate' } });
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(VERSION_2_FILE);

    await store.setLexiconChanges({ saved: [customSet], removed: ['hedges'] });
    await store.close();
    const onDisk = storeSchema.parse(await readStoreJson(folder));
    expect(onDisk.version).toBe(4);
    expect(onDisk.lexicon).toEqual({ saved: [customSet], removed: ['hedges'] });
    expect(onDisk.sources['/articles/a.txt']?.label).toBe('The Ledger');
    expect((await backupTexts(folder)).at(-1)).toBe(VERSION_2_FILE);
  });

  it('keeps the changes across a restart, and forgets them on reset', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder);
    await first.setLexiconChanges({ saved: [customSet], removed: [] });
    await first.close();
    const second = await openNotesStore(folder);
    expect(second.lexiconChanges()).toEqual({ saved: [customSet], removed: [] });
    await second.setLexiconChanges(null);
    await second.close();
    expect(storeSchema.parse(await readStoreJson(folder)).lexicon).toBeNull();
  });

  it('treats a version 3 file with a set that does not fit the lexicon schema as damaged', async () => {
    const folder = await tempFolder();
    const bad = { ...customSet, terms: [] };
    await writeFile(join(folder, STORE_FILE), JSON.stringify({ version: 3, comparisons: [], notes: [], sources: {}, lexicon: { saved: [bad], removed: [] } }));
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/not laid out the way Parallax expects/);
    expect(store.lexiconChanges()).toBeNull();
    await store.close();
  });

  it('refuses to keep a set that does not fit the schema', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await expect(store.setLexiconChanges({ saved: [{ ...customSet, id: 'Not An Id' }], removed: [] })).rejects.toThrow();
    expect(store.lexiconChanges()).toBeNull();
    await store.close();
  });
});

/** A store file exactly as version 3 of Parallax wrote it: with `lexicon`, no `settings` or `codebook`. */
const VERSION_3_FILE = `{
  "version": 3,
  "comparisons": [],
  "notes": [
    {
      "id": "0b6c1d2e-3f40-4a51-8b62-7c83d94ea5f6",
      "comparisonId": "c3",
      "target": {
        "kind": "passage",
        "source": "/articles/a.txt",
        "sourceHash": "abc123",
        "paragraph": 2,
        "quote": { "type": "TextQuoteSelector", "exact": "ferry", "prefix": "the ", "suffix": " left" },
        "position": { "type": "TextPositionSelector", "start": 40, "end": 45 }
      },
      "body": "Written with version 3",
      "tags": [],
      "author": "Ben",
      "created": "2025-04-01T08:00:00.000Z",
      "updated": "2025-04-01T08:00:00.000Z"
    }
  ],
  "sources": {},
  "lexicon": { "saved": [], "removed": ["hedges"] }
}
`;

const ownCodebook = {
  format: 'parallax.codebook/1' as const,
  name: 'Seminar codes',
  codes: [{ id: 'blame', label: 'Blame', description: 'Who the report holds responsible.' }],
};

describe('notes store: settings and the codebook (version 4)', () => {
  it('migrates a version 3 file forward: notes and word sets kept, no author set, the default codebook', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, STORE_FILE), VERSION_3_FILE);
    const store = await openNotesStore(folder);
    expect(store.recovery).toBeNull();
    expect(store.listAllNotes().map((note) => [note.body, note.target.kind])).toEqual([['Written with version 3', 'passage']]);
    expect(store.lexiconChanges()).toEqual({ saved: [], removed: ['hedges'] });
    expect(store.settings()).toEqual({ author: '' });
    expect(store.codebook()).toBeNull();
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(VERSION_3_FILE);

    await store.setSettings({ author: 'Ben' });
    await store.close();
    const onDisk = storeSchema.parse(await readStoreJson(folder));
    expect(onDisk).toMatchObject({ version: 4, settings: { author: 'Ben' }, codebook: null, lexicon: { removed: ['hedges'] } });
  });

  it('keeps the author name and the codebook across a restart, and forgets the codebook on reset', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder);
    await first.setSettings({ author: 'Ana Ruiz' });
    await first.setCodebook(ownCodebook);
    await first.close();
    const second = await openNotesStore(folder);
    expect(second.settings()).toEqual({ author: 'Ana Ruiz' });
    expect(second.codebook()).toEqual(ownCodebook);
    await second.setCodebook(null);
    await second.close();
    expect(storeSchema.parse(await readStoreJson(folder)).codebook).toBeNull();
  });

  it('refuses a codebook or settings that do not fit, and changes nothing', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await expect(store.setCodebook({ ...ownCodebook, codes: [{ id: 'Not An Id', label: 'x', description: '' }] })).rejects.toThrow();
    await expect(store.setSettings({ author: 'x'.repeat(201) })).rejects.toThrow();
    expect(store.codebook()).toBeNull();
    expect(store.settings()).toEqual({ author: '' });
    expect(await filesIn(folder)).toEqual([]);
    await store.close();
  });

  it('treats a version 4 file with a codebook that does not fit as damaged', async () => {
    const folder = await tempFolder();
    const bad = { ...ownCodebook, codes: [ownCodebook.codes[0], ownCodebook.codes[0]] };
    await writeFile(join(folder, STORE_FILE), JSON.stringify({ version: 4, comparisons: [], notes: [], sources: {}, lexicon: null, settings: { author: '' }, codebook: bad }));
    const store = await openNotesStore(folder);
    expect(store.recovery).toMatch(/not laid out the way Parallax expects/);
    expect(store.codebook()).toBeNull();
    await store.close();
  });

  it('replaces the notes as a whole, validating each, and writes nothing when a note does not fit', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    const kept = await store.saveNote(noteRequest('c1', '/a.txt', 'kept'), 'Ana');
    const added = await store.replaceNotes((notes) => ({ notes: [...notes, { ...kept, id: 'imported-1', body: 'imported' }], result: 1 }));
    expect(added).toBe(1);
    expect(store.listAllNotes().map((note) => note.body)).toEqual(['kept', 'imported']);
    await expect(store.replaceNotes((notes) => ({ notes: [...notes, { ...kept, id: '' }], result: 0 }))).rejects.toThrow();
    expect(store.listAllNotes()).toHaveLength(2);
    await store.close();
    expect(storeSchema.parse(await readStoreJson(folder)).notes.map((note) => note.id)).toEqual([kept.id, 'imported-1']);
  });
});
