import type { Stats } from 'node:fs';
import type { Script as VmScript } from 'node:vm';

// Node's modules are taken with process.getBuiltinModule rather than imported: this file is an ES
// module, and an ES import of a built-in module makes a copy of all its exports, reading each lazy
// one (node:fs loads its file streams for it, node:crypto its Web Crypto): a millisecond or two of
// each `parallax compare` (issue 13). Since Node 20.16; Parallax needs 20.19.
const { createHash, randomBytes } = process.getBuiltinModule('node:crypto');
const { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { homedir, tmpdir } = process.getBuiltinModule('node:os');
const { dirname, isAbsolute, join, relative, resolve } = process.getBuiltinModule('node:path');
const { setFlagsFromString } = process.getBuiltinModule('node:v8');
const { constants: vmConstants, Script } = process.getBuiltinModule('node:vm');

/**
 * Running the command line's CommonJS build (out/main/cli-cjs) with V8's code cache (issue 13).
 *
 * `parallax compare` is a one-shot process: each run, V8 parsed and compiled the command's code
 * again (the bundle at start-up, then each function the first time it ran), a good part of a cold
 * comparison. Node 20 keeps no code cache for ES modules, so `bin/parallax.js` loads the same
 * command built as CommonJS through `vm.Script`, which takes V8's cached code: after a run, each
 * file's compiled code (with the functions that ran) is kept in a per-user cache folder, and the
 * next run starts from it.
 *
 * The cache never changes what runs. A cache file is used only when it was made from this very
 * text of the file (its SHA-256; V8 itself checks only the length), by this Node and V8 with the
 * same flags, and its content is intact (its SHA-256 again: V8 does not check it in release
 * builds); anything else is ignored and replaced after the run, as is one that V8 rejects. Cache
 * files are read and written only in a folder of the user's own that no one else can write to,
 * since cached code runs as the user's. Any failure to read or write one is silent: the file is
 * compiled from its text, as without a cache.
 */

/**
 * The folders a cache may be kept in, best first: the user's cache folder (XDG_CACHE_HOME or
 * ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), then one of the user's
 * own in the temporary folder, for when the first cannot be written. PARALLAX_CODE_CACHE_DIR names
 * the one folder to use instead; PARALLAX_CODE_CACHE=off (or 0) turns the cache off: no folder.
 */
export function codeCacheFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const setting = env.PARALLAX_CODE_CACHE?.trim().toLowerCase();
  if (setting === 'off' || setting === '0' || setting === 'false') return [];
  if (env.PARALLAX_CODE_CACHE_DIR) return [resolve(env.PARALLAX_CODE_CACHE_DIR)];
  const folders: string[] = [];
  let home = '';
  try {
    home = homedir();
  } catch {
    // No home folder: the temporary folder only.
  }
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA
      : platform === 'darwin'
        ? home && join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : home && join(home, '.cache');
  if (base && isAbsolute(base)) folders.push(join(base, 'parallax', 'code-cache'));
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : (env.USERNAME ?? 'user').replace(/[^\w.-]/g, '_');
  folders.push(join(tmpdir(), `parallax-code-cache-${user}`));
  return folders;
}

/** What became of a file's cache when it was loaded. */
export type CacheState =
  /** Compiled from V8's cached code. */
  | 'used'
  /** No cache file (or no folder to keep one in). */
  | 'none'
  /** A cache file made from another text of the file, by another Node, or damaged: ignored. */
  | 'stale'
  /** V8 refused the cached code: compiled from the text. */
  | 'rejected'
  /** No cache: it is off. */
  | 'off';

export interface LoadedFile {
  readonly file: string;
  readonly cache: CacheState;
}

export interface CodeCacheOptions {
  /** The folder holding the bundle: its .js files are loaded here, with the cache; any other module by Node. */
  readonly root: string;
  /** Where cache files may be kept, best first (codeCacheFolders); none: compile as usual. */
  readonly folders: readonly string[];
  /**
   * Whether this run goes through what the cache is for (a comparison). A cache made by another
   * run (`parallax --help`, say) lacks the comparison's functions, so such a run's cache is
   * replaced by the next comparison's.
   */
  readonly warm: boolean;
  /** V8 flags to set before compiling anything (shortRunV8Flags); part of what a cache is made with. */
  readonly v8Flags?: readonly string[];
}

/**
 * V8's flags for a one-shot command, on the Node they were measured with (Node 20, V8 11); none on
 * another, where V8 tiers up differently (Maglev) and they would need measuring again.
 *
 * V8 optimises a function with TurboFan once it has run long enough. With V8's default budget, a
 * comparison of the five seed articles (about 0.2 s of work) had some 40 functions compiled by
 * TurboFan, about 200 ms of a compiler thread's time on a 2-core machine, for code that had mostly
 * done its work by the time it was ready. Eight times the budget leaves short comparisons to the
 * interpreter and baseline code and still optimises what runs long. Measured on the seeds, a BASIL
 * triplet, twelve documents of 300 paragraphs and pairs of 50,000 and 200,000 words, each was as
 * fast or faster (the seeds' comparison about 30 % faster; with no optimising at all, the seeds were
 * as fast but twelve documents 35 % and 200,000 words twice as slow).
 *
 * And after each full collection V8 lets the heap grow to up to about four times what was live, a
 * factor it works out from its own timings: most of a long comparison's memory is words and diffs
 * of pairs already done, so the peak followed the moment of the last collection more than the work
 * (two 200,000-word reports: 410 to 560 MB over runs of one build, with 80 to 100 MB live). Twice
 * what was live keeps that pair at 390 to 405 MB, for about as much time.
 */
export function shortRunV8Flags(v8Version: string = process.versions.v8): string[] {
  return v8Version.split('.')[0] === '11' ? ['--interrupt-budget=540672', '--heap-growing-percent=100'] : [];
}

export interface CommonJsLoader {
  /** Load and run a CommonJS file (once), the bundle's files it requires with it; its exports. */
  load(file: string): unknown;
  /** Keep the compiled code of the files loaded whose cache was missing, stale or made by another kind of run. Never throws. */
  save(): void;
  /** Each file loaded, in order, with what became of its cache. */
  readonly files: readonly LoadedFile[];
}

/** The first line of a cache file, then V8's data. */
interface Header {
  readonly format: typeof FORMAT;
  /** SHA-256 of the file's text. */
  readonly source: string;
  /** SHA-256 of what else V8's data depends on (runtimeKey). */
  readonly runtime: string;
  /** SHA-256 of V8's data. */
  readonly data: string;
  readonly warm: boolean;
}

const FORMAT = 'parallax-code-cache/1';
const MAX_HEADER = 1024;

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * What V8's cached code depends on besides the text: Node and V8, the machine, and V8's flags
 * (given on the command line, in NODE_OPTIONS, or set by the loader).
 */
function runtimeKey(v8Flags: readonly string[]): string {
  return sha256(JSON.stringify([process.version, process.versions.v8, process.arch, process.platform, process.execArgv, process.env.NODE_OPTIONS ?? '', v8Flags]));
}

/** The cache file of a bundle file, for one Node and set of flags: replaced when the file changes. */
function cacheFileName(file: string, runtime: string): string {
  return `${sha256(`${file}\n${runtime}`).slice(0, 32)}.bin`;
}

/**
 * Whether a folder can hold cached code: a real folder (not a link), and on POSIX systems the
 * user's own, which no one else can write to (so no one else can put code in it for the user to run).
 */
function ownFolder(folder: string): boolean {
  let stats: Stats;
  try {
    stats = lstatSync(folder);
  } catch {
    return false;
  }
  if (!stats.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** The wrapper Node puts around a CommonJS file, with the same parameters. */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

interface Loaded {
  readonly file: string;
  readonly script: VmScript;
  readonly sourceDigest: string;
  readonly cache: CacheState;
  /** Whether to keep its code after the run. */
  readonly save: boolean;
}

export function commonJsLoader(options: CodeCacheOptions): CommonJsLoader {
  const root = resolve(options.root);
  const v8Flags = options.v8Flags ?? [];
  for (const flag of v8Flags) setFlagsFromString(flag);
  const runtime = runtimeKey(v8Flags);
  // Read from the first folder that exists and is the user's own; write there, or to the first one
  // that can be made so. A folder that exists but is not the user's own is passed over.
  const readable = options.folders.find(ownFolder);
  const modules = new Map<string, { exports: unknown }>();
  const loaded: Loaded[] = [];
  const files: LoadedFile[] = [];

  const inBundle = (file: string): boolean => {
    const inside = relative(root, file);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && file.endsWith('.js');
  };

  function readCache(file: string, sourceDigest: string): { data: Buffer; header: Header } | CacheState {
    if (!readable) return 'none';
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(readable, cacheFileName(file, runtime)));
    } catch {
      return 'none';
    }
    const end = bytes.subarray(0, MAX_HEADER).indexOf(10);
    if (end < 0) return 'stale';
    let header: Header;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, end)) as Header;
    } catch {
      return 'stale';
    }
    const data = bytes.subarray(end + 1);
    if (header.format !== FORMAT || header.source !== sourceDigest || header.runtime !== runtime || data.length === 0 || header.data !== sha256(data)) return 'stale';
    return { data, header };
  }

  function load(file: string): unknown {
    const path = resolve(file);
    const known = modules.get(path);
    if (known) return known.exports;
    const bytes = readFileSync(path);
    const sourceDigest = sha256(bytes);
    const source = bytes.toString('utf8');
    const cached = options.folders.length > 0 ? readCache(path, sourceDigest) : 'off';
    const script = new Script(wrap(source), {
      filename: path,
      ...(typeof cached === 'object' ? { cachedData: cached.data } : {}),
      // `import()` in the bundle (of an ES module from node_modules) works as in a module Node loaded.
      importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    const cache: CacheState = typeof cached === 'object' ? (script.cachedDataRejected ? 'rejected' : 'used') : cached;
    const save = cache !== 'off' && (cache !== 'used' || (options.warm && typeof cached === 'object' && !cached.header.warm));
    loaded.push({ file: path, script, sourceDigest, cache, save });
    files.push({ file: path, cache });

    const nodeRequire = createRequire(path);
    const requireHere = ((specifier: string): unknown => {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = resolve(dirname(path), specifier);
        if (inBundle(target)) return load(target);
      }
      return nodeRequire(specifier) as unknown;
    }) as NodeJS.Require;
    requireHere.resolve = nodeRequire.resolve;
    requireHere.cache = nodeRequire.cache;

    const module = { exports: {} as unknown, id: path, filename: path, loaded: false, require: requireHere };
    modules.set(path, module);
    const run = script.runInThisContext() as ModuleFunction;
    run.call(module.exports, module.exports, requireHere, module, path, dirname(path));
    module.loaded = true;
    return module.exports;
  }

  function save(): void {
    const pending = loaded.filter((entry) => entry.save);
    if (pending.length === 0) return;
    const folder = readable ?? writableFolder(options.folders);
    if (!folder) return;
    for (const entry of pending) {
      try {
        const data = entry.script.createCachedData();
        if (data.length === 0) continue;
        const header: Header = { format: FORMAT, source: entry.sourceDigest, runtime, data: sha256(data), warm: options.warm };
        writeAtomically(join(folder, cacheFileName(entry.file, runtime)), Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), data]));
      } catch {
        // Not kept: the next run compiles this file from its text again.
      }
    }
    prune(folder);
  }

  return { load, save, files };
}

function folderExists(folder: string): boolean {
  try {
    lstatSync(folder);
    return true;
  } catch {
    return false;
  }
}

/** The first of the folders that is, or can be made, the user's own. */
function writableFolder(folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    try {
      if (!folderExists(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch {
      continue;
    }
    if (ownFolder(folder)) return folder;
  }
  return undefined;
}

/**
 * At most MAX_FILES cache files are kept in a folder, the most recently written: each build of the
 * command, Node version or set of flags has files of its own, and nothing else removes those of
 * the ones no longer used. (A file still in use that goes is written again by the next run.)
 * Temporary files that a run stopped while writing left behind go after an hour.
 */
const MAX_FILES = 64;
const KEPT_AFTER_PRUNING = 48;

function prune(folder: string): void {
  try {
    const names = readdirSync(folder);
    const now = Date.now();
    const files: { path: string; written: number }[] = [];
    for (const name of names) {
      if (!name.endsWith('.bin') && !name.endsWith('.tmp')) continue;
      const path = join(folder, name);
      const written = statSync(path).mtimeMs;
      if (name.endsWith('.tmp')) {
        if (now - written > 60 * 60 * 1000) rmSync(path, { force: true });
      } else files.push({ path, written });
    }
    if (files.length <= MAX_FILES) return;
    files.sort((a, b) => b.written - a.written);
    for (const file of files.slice(KEPT_AFTER_PRUNING)) rmSync(file.path, { force: true });
  } catch {
    // Left as it is: pruning is tidying, never needed for a run.
  }
}

/** Write a file whole or not at all (another run may be reading or writing it). */
function writeAtomically(path: string, bytes: Buffer): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
