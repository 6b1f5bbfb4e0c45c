import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeCacheFolders, commonJsLoader, shortRunV8Flags, type CacheState } from '../../src/main/code-cache.js';
import { useTempFolders } from './helpers.js';

/**
 * The command line's code cache (src/main/code-cache.ts, issue 13): a cache that is missing, stale,
 * damaged, refused by V8 or in a folder that others can write to is never used, never changes what
 * runs, and is replaced after the run; the built command prints the same with a cache, without one
 * and with a damaged one, and the same as its ES build.
 */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const tempFolder = useTempFolders();
const posix = typeof process.getuid === 'function';

/** A two-file CommonJS bundle: `entry.js` reports the word `other.js` exports. */
function writeBundle(folder: string, word: string): string {
  const bundle = join(folder, 'bundle');
  mkdirSync(bundle, { recursive: true });
  writeFileSync(
    join(bundle, 'entry.js'),
    `"use strict";\nconst other = require("./other.js");\nexports.report = () => other.word + " from " + require("node:path").basename(__filename);\nexports.later = () => import("node:os");\n`,
  );
  writeFileSync(join(bundle, 'other.js'), `"use strict";\nexports.word = ${JSON.stringify(word)};\nexports.strict = (function () { return this === undefined; })();\n`);
  return bundle;
}

/** Load the bundle once, as a run of the command would, keep its cache, and say what it did. */
function run(bundle: string, cache: string, warm = true): { report: string; strict: boolean; states: CacheState[] } {
  const loader = commonJsLoader({ root: bundle, folders: [cache], warm });
  const entry = loader.load(join(bundle, 'entry.js')) as { report: () => string };
  const other = loader.load(join(bundle, 'other.js')) as { strict: boolean };
  const report = entry.report();
  loader.save();
  return { report, strict: other.strict, states: loader.files.map((file) => file.cache) };
}

const cacheFiles = (cache: string): string[] => (existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.bin')).sort() : []);

describe('the code cache loader', () => {
  // Each test loads its bundle several times in this one process, as if in several runs of the
  // command. V8 would find a text it compiled before in its own in-memory cache and never look at
  // the cached data; without that cache, each load is as in a new process.
  beforeAll(() => setFlagsFromString('--no-compilation-cache'));

  it('keeps the compiled code after a run and starts the next from it', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const cache = join(folder, 'cache');
    expect(run(bundle, cache)).toEqual({ report: 'hello from entry.js', strict: true, states: ['none', 'none'] });
    expect(cacheFiles(cache)).toHaveLength(2);
    if (posix) expect(statSync(cache).mode & 0o777).toBe(0o700);
    const before = cacheFiles(cache).map((name) => readFileSync(join(cache, name)));
    expect(run(bundle, cache)).toEqual({ report: 'hello from entry.js', strict: true, states: ['used', 'used'] });
    // Used as it is: not written again.
    expect(cacheFiles(cache).map((name) => readFileSync(join(cache, name)))).toEqual(before);
  });

  it('gives the bundle’s files require(), module and import() as Node would', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const loader = commonJsLoader({ root: bundle, folders: [], warm: true });
    const entry = loader.load(join(bundle, 'entry.js')) as { later: () => Promise<{ EOL: string }> };
    expect((await entry.later()).EOL).toBe((await import('node:os')).EOL);
    // A file of the bundle is loaded once, however it is asked for.
    expect(loader.load(join(bundle, '.', 'other.js'))).toBe(loader.load(join(bundle, 'other.js')));
    expect(loader.files.map((file) => file.cache)).toEqual(['off', 'off']);
  });

  it('never runs the code of another text of a file, even of the same length (V8 checks only the length)', async () => {
    const folder = await tempFolder();
    const cache = join(folder, 'cache');
    run(writeBundle(folder, 'first'), cache);
    const bundle = writeBundle(folder, 'other');
    expect(run(bundle, cache)).toEqual({ report: 'other from entry.js', strict: true, states: ['used', 'stale'] });
    expect(run(bundle, cache).states).toEqual(['used', 'used']);
  });

  it('ignores a damaged cache file and replaces it', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const cache = join(folder, 'cache');
    run(bundle, cache);
    const [first, second] = cacheFiles(cache).map((name) => join(cache, name)) as [string, string];
    // One with a byte of V8's data changed (which V8 itself would not notice), one cut short.
    const bytes = readFileSync(first);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 40) ^ 0xff, bytes.length - 40);
    writeFileSync(first, bytes);
    writeFileSync(second, readFileSync(second).subarray(0, 100));
    expect(run(bundle, cache)).toEqual({ report: 'hello from entry.js', strict: true, states: ['stale', 'stale'] });
    expect(run(bundle, cache).states).toEqual(['used', 'used']);
  });

  it('compiles from the text when V8 refuses the cached code, and replaces it', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const cache = join(folder, 'cache');
    run(bundle, cache);
    // A well-formed cache file whose data V8 made for another script: V8's own checks refuse it.
    const files = cacheFiles(cache).map((name) => join(cache, name));
    const [a, b] = files.map((file) => readFileSync(file));
    const split = (bytes: Buffer): [Buffer, Buffer] => [bytes.subarray(0, bytes.indexOf(10) + 1), bytes.subarray(bytes.indexOf(10) + 1)];
    const [headerA] = split(a!);
    const [, dataB] = split(b!);
    const header = JSON.parse(headerA.toString('utf8')) as { data: string };
    header.data = (await import('node:crypto')).createHash('sha256').update(dataB).digest('hex');
    writeFileSync(files[0]!, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), dataB]));
    const states = run(bundle, cache).states;
    expect(states).toContain('rejected');
    expect(run(bundle, cache).states).toEqual(['used', 'used']);
  });

  it('replaces a cache made by another kind of run with a comparison’s', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const cache = join(folder, 'cache');
    run(bundle, cache, false);
    const before = cacheFiles(cache).map((name) => readFileSync(join(cache, name)).toString('latin1'));
    expect(run(bundle, cache, true).states).toEqual(['used', 'used']);
    const after = cacheFiles(cache).map((name) => readFileSync(join(cache, name)).toString('latin1'));
    expect(after).not.toEqual(before);
    expect(after.every((text) => text.includes('"warm":true'))).toBe(true);
  });

  it.skipIf(!posix)('neither reads nor writes a folder that others can write to', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const cache = join(folder, 'cache');
    run(bundle, cache);
    chmodSync(cache, 0o777);
    expect(run(bundle, cache).states).toEqual(['none', 'none']);
    const open = join(folder, 'open');
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777);
    expect(run(bundle, open).states).toEqual(['none', 'none']);
    expect(cacheFiles(open)).toEqual([]);
  });

  it('runs as without a cache when the cache cannot be written', async () => {
    const folder = await tempFolder();
    const bundle = writeBundle(folder, 'hello');
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, 'not a folder');
    expect(run(bundle, notAFolder)).toEqual({ report: 'hello from entry.js', strict: true, states: ['none', 'none'] });
    expect(run(bundle, join(notAFolder, 'below')).report).toBe('hello from entry.js');
  });

  it('keeps its cache in the user’s cache folder, then in a folder of the user’s own in the temporary folder; none when turned off', () => {
    expect(codeCacheFolders({ PARALLAX_CODE_CACHE: 'off' })).toEqual([]);
    expect(codeCacheFolders({ PARALLAX_CODE_CACHE_DIR: '/somewhere/cache' }, 'linux')).toEqual([resolve('/somewhere/cache')]);
    const linux = codeCacheFolders({ XDG_CACHE_HOME: '/home/reader/.xdg-cache' }, 'linux');
    expect(linux[0]).toBe(join('/home/reader/.xdg-cache', 'parallax', 'code-cache'));
    expect(linux).toHaveLength(2);
    expect(linux[1]).toMatch(/parallax-code-cache-/);
    // A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
    expect(codeCacheFolders({ XDG_CACHE_HOME: 'relative' }, 'linux')[0]).not.toContain('relative');
  });

  it('tunes V8 only on the version it was measured with', () => {
    expect(shortRunV8Flags('11.3.244.8-node.38')).toEqual(['--interrupt-budget=540672', '--heap-growing-percent=100']);
    expect(shortRunV8Flags('12.4.254.21-node.33')).toEqual([]);
  });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function node(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('the built command with its code cache', () => {
  const samples = join(REPO_ROOT, 'resources', 'samples');
  const articles = ['amberline-wire.txt', 'harlowmere-lantern.txt', 'quillon-dispatch.txt'].map((name) => join(samples, name));
  const bin = join(REPO_ROOT, 'bin', 'parallax.js');
  const requireBuilt = (): void => {
    for (const file of ['cli.js', 'code-cache.js', join('cli-cjs', 'cli.js')]) {
      if (!existsSync(join(REPO_ROOT, 'out', 'main', file))) throw new Error(`The command is not built (out/main/${file} is missing). Run \`npm run build\` before this test.`);
    }
  };

  it('prints the same with no cache, a new one, a kept one and a damaged one, and the same as its ES build', { timeout: 60_000 }, async () => {
    requireBuilt();
    const folder = await tempFolder();
    const args = [bin, 'compare', ...articles];
    for (const extra of [[], ['--json']]) {
      // A folder for each, so that each run loads every file whose cache is in it.
      const cache = join(folder, `cache-${extra.length}`);
      const esm = await node(['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(REPO_ROOT, 'out', 'main', 'cli.js'))}); process.exitCode = await main(process.argv.slice(1));`, 'compare', ...articles, ...extra]);
      expect(esm.code).toBe(0);
      expect(esm.stdout.length).toBeGreaterThan(1000);
      const off = await node([...args, ...extra], { PARALLAX_CODE_CACHE: 'off' });
      expect(off).toEqual(esm);
      const made = await node([...args, ...extra], { PARALLAX_CODE_CACHE_DIR: cache });
      expect(made).toEqual(esm);
      expect(cacheFiles(cache).length).toBeGreaterThanOrEqual(3);
      const kept = await node([...args, ...extra], { PARALLAX_CODE_CACHE_DIR: cache });
      expect(kept).toEqual(esm);
      // Every cache file damaged: the middle of V8's data changed, or the file cut short.
      for (const [i, name] of cacheFiles(cache).entries()) {
        const file = join(cache, name);
        const bytes = readFileSync(file);
        if (i % 2 === 0) {
          bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
          writeFileSync(file, bytes);
        } else writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
      }
      const damaged = cacheFiles(cache).map((name) => readFileSync(join(cache, name)));
      expect(await node([...args, ...extra], { PARALLAX_CODE_CACHE_DIR: cache })).toEqual(esm);
      // Replaced after that run.
      const replaced = cacheFiles(cache).map((name) => readFileSync(join(cache, name)));
      for (const [i, bytes] of replaced.entries()) expect(bytes.equals(damaged[i]!)).toBe(false);
    }
  });

  it('loads only what a comparison needs from its CommonJS build, and nothing from node_modules', { timeout: 30_000 }, async () => {
    requireBuilt();
    const headless = join(REPO_ROOT, 'out', 'main', 'cli-cjs');
    const before = new Set(Object.keys((await import('node:module')).createRequire(import.meta.url).cache));
    const loader = commonJsLoader({ root: headless, folders: [join(await tempFolder(), 'cache')], warm: true });
    const { main } = loader.load(join(headless, 'cli.js')) as { main: (argv: string[], io: unknown) => Promise<number> };
    let stdout = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: () => undefined, isTTY: false, columns: undefined };
    expect(await main(['compare', ...articles], io)).toBe(0);
    expect(stdout).toContain('Parallax');
    const loaded = loader.files.map((file) => file.file);
    expect(loaded.every((file) => file.startsWith(headless))).toBe(true);
    expect(loaded.length).toBeLessThanOrEqual(10);
    expect(loaded.filter((file) => /[\\/](notes|qdpx|batch|import|launch)\.js$/.test(file))).toEqual([]);
    const required = Object.keys((await import('node:module')).createRequire(import.meta.url).cache).filter((file) => !before.has(file));
    expect(required.filter((file) => file.includes('node_modules'))).toEqual([]);
  });

  it('prints the same when its cache folder cannot be written', { timeout: 30_000 }, async () => {
    requireBuilt();
    const folder = await tempFolder();
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, '');
    const expected = await node([bin, 'compare', ...articles], { PARALLAX_CODE_CACHE: 'off' });
    expect(expected.code).toBe(0);
    expect(await node([bin, 'compare', ...articles], { PARALLAX_CODE_CACHE_DIR: join(notAFolder, 'cache') })).toEqual(expected);
  });
});
