import { constants } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';

/**
 * A disk that fails as a read-only or a full one does, for the store's tests. A chmod'ed folder
 * does not stop root, which runs the tests here, so the failure is injected into
 * `node:fs/promises`, the layer every store module writes through:
 *
 *     vi.mock('node:fs/promises', async (original) => (await import('../support/faulty-disk.js')).faultyFsPromises(await original()));
 *
 * Then `disk.readOnly(folder)` or `disk.full(folder, freeBytes)` makes every path under `folder`
 * behave like that disk, and `disk.heal()` frees it again. Reading always works, as on a real
 * read-only or full disk.
 *
 * - Read-only: anything that would change the disk fails with EROFS (creating, writing, renaming,
 *   removing, linking), except what the kernel refuses first: `mkdir` of a folder that exists
 *   (EEXIST, which `recursive` accepts) and removing what is not there (ENOENT).
 * - Full: files and names can still be made, renamed and removed (they need no new data blocks),
 *   but writing bytes uses up `freeBytes`; a write that does not fit fails with ENOSPC and writes
 *   nothing, and so does making a folder.
 */

type Fs = typeof FsPromises;

interface DiskState {
  under: string | null;
  mode: 'read-only' | 'full' | 'no-hard-links';
  free: number;
}

const state: DiskState = { under: null, mode: 'full', free: Infinity };

export const disk = {
  /** Every path under `folder` is on a read-only disk. */
  readOnly(folder: string): void {
    Object.assign(state, { under: folder, mode: 'read-only', free: 0 });
  },
  /** Every path under `folder` is on a disk with `freeBytes` left. */
  full(folder: string, freeBytes = 0): void {
    Object.assign(state, { under: folder, mode: 'full', free: freeBytes });
  },
  /** Every path under `folder` is on a disk that makes no hard links (FAT): `link` fails with EPERM, all else works. */
  noHardLinks(folder: string): void {
    Object.assign(state, { under: folder, mode: 'no-hard-links', free: Infinity });
  },
  /** The disk works again (space was freed, it was made writable). */
  heal(): void {
    state.under = null;
  },
};

/** Whether `path` is on the disk that refuses writes (read-only or full). */
function onFaultyDisk(path: unknown): boolean {
  return state.mode !== 'no-hard-links' && onTheDisk(path);
}

function onTheDisk(path: unknown): boolean {
  return state.under !== null && typeof path === 'string' && (path === state.under || path.startsWith(`${state.under}/`));
}

function failure(code: 'EROFS' | 'ENOSPC', syscall: string, path: unknown): NodeJS.ErrnoException {
  const words = code === 'EROFS' ? 'read-only file system' : 'no space left on device';
  return Object.assign(new Error(`${code}: ${words}, ${syscall} '${String(path)}'`), { code, syscall, path: String(path), errno: code === 'EROFS' ? -30 : -28 });
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND;

function opensForWriting(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') return (flags & WRITE_FLAGS) !== 0;
  return !['r', 'rs', 'sr'].includes(String(flags));
}

/** Take `bytes` of the free space, or fail as a full disk does. */
function use(bytes: number, syscall: string, path: unknown): void {
  if (state.mode === 'read-only') throw failure('EROFS', syscall, path);
  if (bytes > state.free) throw failure('ENOSPC', syscall, path);
  state.free -= bytes;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** A file handle whose writes count against the free space. */
function guarded(handle: FsPromises.FileHandle, path: unknown): FsPromises.FileHandle {
  return new Proxy(handle, {
    get(target, property) {
      if (property === 'writeFile' || property === 'write' || property === 'appendFile') {
        return async (data: unknown, ...rest: unknown[]) => {
          if (onFaultyDisk(path)) use(sizeOf(data), 'write', path);
          return (target[property] as (...args: unknown[]) => unknown).call(target, data, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `node:fs/promises` with the faults of `disk` injected. */
export function faultyFsPromises(real: Fs): Fs {
  const exists = (path: unknown): Promise<boolean> =>
    real.lstat(path as string).then(
      () => true,
      () => false,
    );
  /** Operations that change names only: refused by a read-only disk, not by a full one. */
  const renaming =
    <A extends unknown[], R>(syscall: string, run: (...args: A) => Promise<R>, ...checked: number[]) =>
    async (...args: A): Promise<R> => {
      if (state.mode === 'read-only' && checked.some((index) => onFaultyDisk(args[index]))) throw failure('EROFS', syscall, args[checked[0]!]);
      return run(...args);
    };
  const faulty: Partial<Fs> = {
    async open(path, flags, mode) {
      if (onFaultyDisk(path) && opensForWriting(flags) && state.mode === 'read-only') throw failure('EROFS', 'open', path);
      const handle = await real.open(path, flags, mode);
      return opensForWriting(flags) ? guarded(handle, path) : handle;
    },
    async writeFile(path, data, options) {
      if (onFaultyDisk(path)) {
        if (state.mode === 'read-only') throw failure('EROFS', 'open', path);
        // The file is made (names cost no space), then the bytes do not fit.
        const flag = typeof options === 'object' && options !== null && 'flag' in options ? options.flag : 'w';
        await real.writeFile(path, '', { flag });
        use(sizeOf(data), 'write', path);
        return real.writeFile(path, data as string, { flag: 'w' });
      }
      return real.writeFile(path, data, options);
    },
    async appendFile(path, data, options) {
      if (onFaultyDisk(path)) use(sizeOf(data), 'write', path);
      return real.appendFile(path, data, options);
    },
    async mkdir(path, options) {
      if (onFaultyDisk(path)) {
        if (await exists(path)) return real.mkdir(path, options) as Promise<undefined>;
        throw failure(state.mode === 'read-only' ? 'EROFS' : 'ENOSPC', 'mkdir', path);
      }
      return real.mkdir(path, options) as Promise<undefined>;
    },
    async rm(path, options) {
      if (onFaultyDisk(path) && state.mode === 'read-only' && (await exists(path))) throw failure('EROFS', 'rm', path);
      return real.rm(path, options);
    },
    async unlink(path) {
      if (onFaultyDisk(path) && state.mode === 'read-only' && (await exists(path))) throw failure('EROFS', 'unlink', path);
      return real.unlink(path);
    },
    rename: renaming('rename', real.rename, 0, 1),
    async link(existing, path) {
      if (onTheDisk(path) && state.mode === 'no-hard-links') throw Object.assign(new Error(`EPERM: operation not permitted, link '${String(path)}'`), { code: 'EPERM' });
      return renaming('link', real.link, 1)(existing, path);
    },
    symlink: renaming('symlink', real.symlink, 1),
    rmdir: renaming('rmdir', real.rmdir, 0),
    utimes: renaming('utime', real.utimes, 0),
    copyFile: renaming('copyfile', real.copyFile, 1),
    truncate: renaming('truncate', real.truncate, 0),
  };
  return { ...real, ...faulty, default: { ...real, ...faulty } } as Fs;
}
