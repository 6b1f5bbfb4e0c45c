import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, openNotesStore, parseStore, readNotesStore, STORE_FILE, StoreInUseError } from '../../src/main/services/store.js';
import { runCli } from '../support/cli.js';
import { bundleChild } from './crash/bundle.js';
import { noteRequest, useTempFolders } from './helpers.js';

/**
 * One writer per data folder. The store keeps its state in memory and writes it whole, so two
 * processes writing one folder used to overwrite each other's saves (10 of 20 lost in a probe).
 * The store's own lock (store-lock.ts) makes a second writer wait briefly, then refuses it with a
 * message naming the folder and the holder; a lock whose holder is gone is taken over at once;
 * readers need no lock.
 */

const tempFolder = useTempFolders();

/** A lock file as another holder would write it. */
function lockOf(fields: Partial<Record<string, unknown>>): string {
  return JSON.stringify({
    app: 'Parallax',
    pid: 4242,
    host: hostname(),
    program: 'the Parallax app',
    since: '2025-03-03T09:15:00.000Z',
    token: 'someone-else',
    ...fields,
  });
}

/** The id of a process that has ended. */
function pidOfEndedProcess(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function notesIn(folder: string): Promise<string[]> {
  return parseStore(await readFile(join(folder, STORE_FILE))).notes.map((note) => note.body);
}

describe('one writer per data folder, in one process', () => {
  it('the lock names its holder while the store is open, and goes when it closes', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder, { program: 'the test' });
    const lock = JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ app: 'Parallax', pid: process.pid, host: hostname(), program: 'the test' });
    expect(Date.parse(String(lock.since))).toBeGreaterThan(Date.now() - 60_000);
    await store.close();
    await expect(readFile(join(folder, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a second store of the same folder waits briefly, then is refused with the folder and the holder named', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder, { program: 'the first test store' });
    const started = Date.now();
    const refused = await openNotesStore(folder, { lockWaitMs: 300 }).catch((error: unknown) => error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(refused).toBeInstanceOf(StoreInUseError);
    expect((refused as Error).message).toMatch(
      new RegExp(
        `^Parallax's notes in ${folder} are in use by another Parallax: the first test store \\(process ${process.pid}, since .*\\)\\. ` +
          `Only one Parallax at a time may change them, so this one did not open them: close the other one and try again\\. ` +
          `If no other Parallax is running, delete the lock file ${join(folder, LOCK_FILE)} and try again\\.$`,
      ),
    );
    await first.close();
    await (await openNotesStore(folder)).close();
  });

  it('a second store that waits gets the store once the first closes, with the first one\'s saves', async () => {
    const folder = await tempFolder();
    const first = await openNotesStore(folder);
    await first.saveNote(noteRequest('c1', '/a.txt', 'from the first'), 'Ana');
    const second = openNotesStore(folder, { lockWaitMs: 5_000 });
    let closed = false;
    setTimeout(() => {
      // Saved while the second waits: it must read the store only after this.
      void first
        .saveNote(noteRequest('c1', '/a.txt', 'saved while the second waited'), 'Ana')
        .then(() => first.close())
        .then(() => (closed = true));
    }, 200);
    const store = await second;
    expect(closed).toBe(true);
    expect(store.listAllNotes().map((note) => note.body)).toEqual(['from the first', 'saved while the second waited']);
    await store.close();
  });

  it('a lock whose process has ended is taken over at once', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, LOCK_FILE), lockOf({ pid: pidOfEndedProcess() }));
    const started = Date.now();
    const store = await openNotesStore(folder, { lockWaitMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it.runIf(process.platform === 'linux')('a lock from before a restart, or of a process id now used by another program, is taken over at once', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    const own = JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')) as { linux: { boot: string; pidNamespace: string; started: string } };
    await store.close();
    // The parent process is running, but it is not the one that took the lock: it started at another time.
    for (const linux of [{ ...own.linux, started: '1' }, { ...own.linux, boot: 'another-boot' }]) {
      await writeFile(join(folder, LOCK_FILE), lockOf({ pid: process.ppid, linux }));
      const started = Date.now();
      await (await openNotesStore(folder, { lockWaitMs: 10_000 })).close();
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('a lock from another computer (a shared folder) is respected, and the message says which file to delete', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, LOCK_FILE), lockOf({ host: 'the-lab-pc', pid: 77 }));
    await expect(openNotesStore(folder, { lockWaitMs: 100 })).rejects.toThrow(
      `Parallax's notes in ${folder} are in use by another Parallax: the Parallax app on the computer "the-lab-pc" (process 77, since 3 March 2025 at`,
    );
    await expect(openNotesStore(folder, { lockWaitMs: 100 })).rejects.toThrow(`If no other Parallax is running on "the-lab-pc", delete the lock file ${join(folder, LOCK_FILE)} and try again.`);
  });

  it('a lock file that cannot be read is waited on while fresh, and taken over once old', async () => {
    const folder = await tempFolder();
    const lock = join(folder, LOCK_FILE);
    await writeFile(lock, '{"app": "Paral');
    await expect(openNotesStore(folder, { lockWaitMs: 100 })).rejects.toThrow(`Parallax's notes in ${folder} are locked, by a lock file Parallax cannot read (${lock})`);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, aMinuteAgo, aMinuteAgo);
    await (await openNotesStore(folder, { lockWaitMs: 100 })).close();
  });

  it('a store whose lock was taken over or removed saves nothing more, and says why', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await store.saveNote(noteRequest('c1', '/a.txt', 'kept'), 'Ana');
    await writeFile(join(folder, LOCK_FILE), lockOf({ host: 'the-lab-pc', pid: 77 }));
    await expect(store.saveNote(noteRequest('c1', '/a.txt', 'not written over theirs'), 'Ana')).rejects.toThrow(
      new RegExp(`^Parallax did not save this change: it no longer holds the lock on its notes in ${folder} \\(the Parallax app on the computer "the-lab-pc" \\(process 77, .*\\) holds it now\\), so another program may be changing them\\. To be safe, Parallax saves nothing more until it is started again\\.$`),
    );
    await rm(join(folder, LOCK_FILE));
    await expect(store.saveNote(noteRequest('c1', '/a.txt', 'still not'), 'Ana')).rejects.toThrow(/its lock file .* was removed/);
    expect(await notesIn(folder)).toEqual(['kept']);
    expect(store.listAllNotes().map((note) => note.body)).toEqual(['kept']);
    await store.close();
  });

  it('readers take no lock: the command line reads the store while the app holds it', async () => {
    const folder = await tempFolder();
    const store = await openNotesStore(folder);
    await store.saveNote(noteRequest('c1', '/a.txt', 'readable'), 'Ana');
    const snapshot = await readNotesStore(folder);
    expect(snapshot.data?.notes.map((note) => note.body)).toEqual(['readable']);
    const exported = await runCli(['notes', 'export', '--format', 'json', '--data-dir', folder]);
    expect(exported.code).toBe(1); // the note's source file does not exist here; the note is exported all the same
    expect(JSON.parse(exported.stdout)).toMatchObject({ notes: [expect.objectContaining({ body: 'readable' })] });
    await store.close();
  });
});

describe('one writer per data folder, across processes', () => {
  let client = '';
  let bundled = '';
  beforeAll(async () => {
    bundled = await mkdtemp(join(tmpdir(), 'parallax-store-client-'));
    client = await bundleChild('store-client.ts', bundled);
  }, 60_000);
  afterAll(() => rm(bundled, { recursive: true, force: true }));

  interface Client {
    readonly child: ChildProcess;
    /** Resolves with everything it printed once it has printed a line matching `pattern`. */
    until(pattern: RegExp): Promise<string>;
    /** Resolves with its exit code and everything it printed. */
    readonly ended: Promise<{ code: number | null; output: string }>;
  }

  function startClient(folder: string, name: string, count: number, options: { hold?: boolean; waitMs?: number } = {}): Client {
    const child = spawn(process.execPath, [client, folder, name, String(count), ...(options.hold ? ['hold'] : [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PARALLAX_LOCK_WAIT_MS: String(options.waitMs ?? 10_000) },
    });
    let output = '';
    const listeners = new Set<() => void>();
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      for (const listener of listeners) listener();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ended = new Promise<{ code: number | null; output: string }>((done) => child.on('close', (code) => done({ code, output })));
    return {
      child,
      ended,
      until: (pattern) =>
        new Promise((done, fail) => {
          const check = (): void => {
            if (pattern.test(output)) done(output);
          };
          listeners.add(check);
          check();
          void ended.then(() => (pattern.test(output) ? done(output) : fail(new Error(`the client ended without ${pattern}:\n${output}`))));
        }),
    };
  }

  const acks = (output: string): string[] => [...output.matchAll(/^ack (.+)$/gm)].map((match) => match[1]!);

  it('two writers started together lose no acknowledged save: the second waits for the first', async () => {
    const folder = await tempFolder();
    const [a, b] = [startClient(folder, 'A', 10), startClient(folder, 'B', 10)];
    const [endA, endB] = await Promise.all([a.ended, b.ended]);
    const acknowledged = [...acks(endA.output), ...acks(endB.output)];
    expect(acknowledged).toHaveLength(20);
    expect((await notesIn(folder)).sort()).toEqual(acknowledged.sort());
  }, 60_000);

  it('a second writer is refused while the first holds the store, and the first keeps all its saves', async () => {
    const folder = await tempFolder();
    const a = startClient(folder, 'A', 3, { hold: true });
    const ready = await a.until(/^ack A 3$/m);
    const pid = /^ready (\d+)$/m.exec(ready)![1];
    const b = await startClient(folder, 'B', 3, { waitMs: 300 }).ended;
    expect(b.code).toBe(4);
    const message = JSON.parse(/^refused (.*)$/m.exec(b.output)![1]!) as string;
    expect(message).toMatch(new RegExp(`^Parallax's notes in ${folder} are in use by another Parallax: the test client A \\(process ${pid}, since .*\\)\\.`));
    expect(message).toContain(`delete the lock file ${join(folder, LOCK_FILE)}`);
    a.child.stdin!.end();
    expect((await a.ended).output).toMatch(/^closed$/m);
    expect(await notesIn(folder)).toEqual(['A 1', 'A 2', 'A 3']);
    // Closed, the first lets go: the next writer gets the store.
    expect(acks((await startClient(folder, 'C', 1).ended).output)).toEqual(['C 1']);
  }, 60_000);

  it('a writer killed with SIGKILL leaves its lock behind, and the next writer takes it over at once', async () => {
    const folder = await tempFolder();
    const a = startClient(folder, 'A', 2, { hold: true });
    const pid = Number(/^ready (\d+)$/m.exec(await a.until(/^ack A 2$/m))![1]);
    a.child.kill('SIGKILL');
    await a.ended;
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid });
    const started = Date.now();
    const b = await startClient(folder, 'B', 1, { waitMs: 10_000 }).ended;
    expect(acks(b.output)).toEqual(['B 1']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await notesIn(folder)).toEqual(['A 1', 'A 2', 'B 1']);
  }, 60_000);
});
