import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/main/services/store.js';
import { REPO_ROOT } from '../support/seeds.js';
import { documentXml, makeDocx } from '../support/zip.js';
import { usePipes } from '../support/fifo.js';

/**
 * Hostile paths and files given to the BUILT command (bin/parallax.js and out/main, with its import
 * worker): a named pipe or a link to /dev/zero as the lexicon or the notes store used to hang the
 * command or grow it to gigabytes. Each run has a time limit; a refusal must come well within it,
 * with a message that says what the path is. Run `npm run build` before this test.
 */

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const posix = process.platform !== 'win32';
/** A run that takes longer than this was stuck, and is killed. */
const LIMIT_MS = 15_000;

let folder = '';
let a = '';
let b = '';
beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('The command is not built (out/main/cli.js is missing). Run `npm run build` before this test.');
  folder = await mkdtemp(join(tmpdir(), 'parallax-hostile-'));
  a = join(folder, 'a.txt');
  b = join(folder, 'b.txt');
  await writeFile(a, 'Harbour wall gives way\n\nThe harbour wall gave way at dawn on Tuesday, the port authority said.\n');
  await writeFile(b, 'Harbour wall collapses\n\nThe old harbour wall collapsed at dawn on Tuesday, officials claimed.\n');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const mkfifo = usePipes();

function parallax(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number; killed: boolean }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started, killed: Boolean(error?.killed) });
    });
  });
}

describe.runIf(posix)('paths that are not ordinary files', () => {
  it('compare --lexicon with a named pipe: refused at once, exit 2', { timeout: LIMIT_MS + 5_000 }, async () => {
    const pipe = mkfifo(join(folder, 'lexicon.fifo'));
    const run = await parallax('compare', a, b, '--lexicon', pipe);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`parallax compare: The lexicon "lexicon.fifo" (${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it.\n`);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('compare --lexicon with a link to /dev/zero: refused, not read', { timeout: LIMIT_MS + 5_000 }, async () => {
    const zero = join(folder, 'zero.json');
    await symlink('/dev/zero', zero);
    const run = await parallax('compare', a, b, '--lexicon', zero);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a device, not an ordinary file');
  });

  it('notes export with a named pipe as the store: refused at once, exit 2', { timeout: LIMIT_MS + 5_000 }, async () => {
    const dataDir = await mkdtemp(join(folder, 'data-'));
    const pipe = mkfifo(join(dataDir, STORE_FILE));
    const run = await parallax('notes', 'export', '--format', 'md', '--data-dir', dataDir);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parallax notes export: /);
    expect(run.stderr).toContain(`(${pipe}) is a named pipe (FIFO), not an ordinary file, so Parallax did not read it.`);
  });

  it('report with a link to /dev/zero as the store: the report is made without notes', { timeout: LIMIT_MS + 5_000 }, async () => {
    const dataDir = await mkdtemp(join(folder, 'data-'));
    await symlink('/dev/zero', join(dataDir, STORE_FILE));
    const out = join(folder, 'report.html');
    const run = await parallax('report', a, b, '--html', out, '--data-dir', dataDir);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is a device, not an ordinary file, so Parallax did not read it.');
    expect(run.stderr).toContain('The report has no notes.');
    expect(existsSync(out)).toBe(true);
  });
});

describe('hostile files, read by the built import worker', () => {
  it('import of Markdown nested 2,000 deep and of 50,000 ">" finishes in seconds', { timeout: 2 * LIMIT_MS + 5_000 }, async () => {
    const list = join(folder, 'deep.md');
    await writeFile(list, Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item ${i + 1}`).join('\n'));
    const listed = await parallax('import', list);
    expect(listed.killed).toBe(false);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('item 2000');
    const quotes = join(folder, 'quotes.md');
    await writeFile(quotes, '>'.repeat(50_000) + ' The words at the bottom.\n');
    const quoted = await parallax('import', quotes);
    expect(quoted.killed).toBe(false);
    expect(quoted.stderr).toBe('');
    expect(quoted.stdout).toContain('The words at the bottom.');
  });

  it('import of a Word zip bomb is refused, saying what it expands to', { timeout: LIMIT_MS + 5_000 }, async () => {
    const bomb = join(folder, 'bomb.docx');
    await writeFile(bomb, makeDocx(documentXml(['A short article.'], ' '.repeat(20 * 1024 * 1024))));
    const run = await parallax('import', bomb);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parallax: "bomb\.docx" expands to 20 MB when unpacked, and its part "word\/document\.xml" grows/);
  });
});

describe.runIf(posix)('names and text that try to steer the terminal', () => {
  it('compare shows a file name’s controls and an article’s escapes instead of sending them, and cannot fake a line of its own', { timeout: LIMIT_MS + 5_000 }, async () => {
    const evilName = join(folder, 'report\u001b]0;owned\u0007\nparallax: all is well\u202Etxt.exe.txt');
    await writeFile(evilName, 'Harbour wall gives way\u001b[2J\n\nThe harbour wall gave way at dawn\u001b[31m on Tuesday, the port authority said.\n');
    const missing = join(folder, 'gone\nparallax: fake line.txt');
    const run = await parallax('compare', a, evilName, missing, '--no-color');
    expect(run.code).toBe(1);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain('\u001b');
      expect(output).not.toContain('\u0007');
      expect(output).not.toContain('\u202E');
      expect(output.split('\n').filter((line) => line.startsWith('parallax: fake') || line.startsWith('parallax: all is well'))).toEqual([]);
    }
    expect(run.stdout).toContain('␛[2J');
    expect(run.stdout).toContain('⟨U+202E⟩');
    expect(run.stderr).toContain('gone␊parallax: fake line.txt');
  });
});
