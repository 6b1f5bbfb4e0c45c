import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFolder } from '../../src/main/cli/launch.js';
import { lexiconDigest } from '../../src/main/services/checked-lexicons.js';
import { runWithTimeLimit, TimeLimitError } from '../../src/main/services/time-limit.js';
import { runCli } from '../support/cli.js';
import { largeArticles } from '../support/large.js';
import { REPO_ROOT, seedPaths } from '../support/seeds.js';

/**
 * The command line's bounds (issues 13 and 14): `parallax compare` stops reading and comparing at
 * the app's limit for a comparison (120 seconds; PARALLAX_COMPARE_TIME_LIMIT_MS lowers it here),
 * with a message that names the file and the limit, and the built command loads only what a
 * comparison needs. Articles made of the seeds' sentences, read at run time.
 */

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
let folder = '';
let big = '';
let small = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'parallax-limits-'));
  // About 300,000 words: it takes seconds to compare, far more than the limits set below.
  const { a, b } = largeArticles(300_000);
  big = join(folder, 'big.txt');
  small = join(folder, 'small.txt');
  writeFileSync(big, a);
  writeFileSync(small, b.slice(0, b.indexOf('\n\n', 6_000)) + '\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `fn` with PARALLAX_COMPARE_TIME_LIMIT_MS set, in this process. */
async function withLimit<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const before = process.env.PARALLAX_COMPARE_TIME_LIMIT_MS;
  process.env.PARALLAX_COMPARE_TIME_LIMIT_MS = String(ms);
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.PARALLAX_COMPARE_TIME_LIMIT_MS;
    else process.env.PARALLAX_COMPARE_TIME_LIMIT_MS = before;
  }
}

/** The message of a stop at the limit: it names the large file and the limit, whether reading or comparing was under way. */
const STOPPED = (seconds: string): RegExp =>
  new RegExp(
    `^parallax compare: (reading "big\\.txt" took longer than ${seconds}, so Parallax stopped: that is the limit for reading and comparing|comparing "big\\.txt" \\([\\d.]+ MB, [\\d,]+ paragraphs\\) with 1 other source took longer than ${seconds}, so Parallax stopped: that is the limit for one comparison, in the app too)\\. .+\\n$`,
  );

describe('the time limit of parallax compare', () => {
  it('stops a comparison at the limit, names the file and the limit, and exits 2', async () => {
    const started = performance.now();
    const { code, stdout, stderr } = await withLimit(500, () => runCli(['compare', small, big, '--json']));
    const took = performance.now() - started;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(STOPPED('0\\.5 seconds'));
    // Within seconds of the limit, not when the comparison would have ended.
    expect(took).toBeLessThan(500 + 4_000);
  });

  it('compares as before when the limit is not reached', async () => {
    const [a, b] = seedPaths();
    const limited = await withLimit(60_000, () => runCli(['compare', a!, b!, '--json']));
    const unlimited = await runCli(['compare', a!, b!, '--json']);
    expect(limited.code).toBe(0);
    expect(limited.stdout).toBe(unlimited.stdout);
  });

  it('is the app\'s limit, 120 seconds, unless a test lowers it', async () => {
    const { COMPARE_TIME_LIMIT_MS } = await import('../../src/main/services/compare-protocol.js');
    const { COMPARE_TIME_LIMIT_MS: app } = await import('../../src/main/services/compare-pool.js');
    expect(COMPARE_TIME_LIMIT_MS).toBe(120_000);
    expect(app).toBe(COMPARE_TIME_LIMIT_MS);
  });

  it('stops synchronous work wherever it is, and passes its own errors through', () => {
    const started = performance.now();
    expect(() =>
      runWithTimeLimit(() => {
        for (;;) /(a+)+b/.test('a'.repeat(28));
      }, 200),
    ).toThrow(TimeLimitError);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(runWithTimeLimit(() => 42, 1_000)).toBe(42);
    expect(() => runWithTimeLimit(() => { throw new RangeError('its own'); }, 1_000)).toThrow(RangeError);
    expect(() => runWithTimeLimit(() => 1, 0)).toThrow(TimeLimitError);
  });
});

/** Run the built command; `files` collects the files it loads (a module hook), when given. */
function parallax(args: readonly string[], options: { env?: Record<string, string>; files?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const hooks = join(folder, 'hooks.mjs');
  const register = join(folder, 'register.mjs');
  if (options.files) {
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(options.files)}, url + '\\n');\n  return next(url, context);\n}\n`);
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  }
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.files ? ['--import', pathToFileURL(register).href] : []), BIN, ...args],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

describe('the built command', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('The command is not built (out/main/cli.js is missing). Run `npm run build` before this test.');
  });

  it('stops at the time limit too, with the same message', { timeout: 30_000 }, async () => {
    const run = await parallax(['compare', small, big, '--json'], { env: { PARALLAX_COMPARE_TIME_LIMIT_MS: '600' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(STOPPED('0\\.6 seconds'));
    expect(run.ms).toBeLessThan(600 + 8_000);
  });

  it('loads only what a comparison needs: a few files of its own, none of node_modules', { timeout: 30_000 }, async () => {
    const files = join(folder, 'loaded.txt');
    const run = await parallax(['compare', ...seedPaths(), '--json'], { files });
    expect(run.code).toBe(0);
    const loaded = readFileSync(files, 'utf8').split('\n').filter(Boolean);
    // It was 135 (95 of them zod's, and the store, the notes export and every schema of the app).
    expect(loaded.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    expect(loaded.length).toBeLessThanOrEqual(10);
    expect(loaded.filter((url) => /\/(notes|qdpx|batch|import|launch)-[\w-]+\.js$/.test(url))).toEqual([]);
  });

  it('carries the digests of the shipped lexicon files, checked when it was built, so as not to check them at every start', () => {
    const built = readFileSync(join(REPO_ROOT, 'out', 'main', 'cli.js'), 'utf8');
    for (const name of ['default.json', 'evaluative.json', 'induced.json']) expect(built).toContain(lexiconDigest(readFileSync(join(REPO_ROOT, 'resources', 'lexicon', name), 'utf8')));
  });

  it('finds the app to open from its source too (the built launcher is a chunk, a folder deeper)', () => {
    expect(appFolder()).toBe(REPO_ROOT);
  });

  it('answers --version without loading the command line', { timeout: 30_000 }, async () => {
    const files = join(folder, 'loaded-version.txt');
    const run = await parallax(['--version'], { files });
    expect(run.stdout).toMatch(/^parallax \d+\.\d+\.\d+/);
    expect(readFileSync(files, 'utf8').split('\n').filter(Boolean)).toEqual([pathToFileURL(BIN).href]);
  });
});
