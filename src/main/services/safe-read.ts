import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * Reading a file named by a path Parallax did not make itself (the notes store and its backups, a
 * lexicon, a codebook, a notes file to import) without trusting what the path is.
 *
 * `readFile` on a named pipe waits for a writer for ever, and on a link to /dev/zero reads until
 * memory runs out. So: the path is looked at first, and anything but an ordinary file (a folder, a
 * named pipe, a device, a socket) is refused, as is a file over the size limit, before a byte is
 * read. The file is opened without blocking (a pipe swapped in after the look cannot hold the open)
 * and looked at again through the open handle, and never more than the limit plus one byte is
 * read, so a file that grows while it is read is refused too. A missing file still fails with
 * ENOENT, and other errors of the file system pass through, for the caller to put in words.
 */

export interface SafeReadOptions {
  /** The largest file read, in bytes. */
  readonly maxBytes: number;
  /** What the file is, for messages, as a sentence starts: `The lexicon "default.json"`. */
  readonly what: string;
}

/** A path that is not an ordinary file, or a file over the limit: nothing of it was read. */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
  constructor(
    message: string,
    readonly reason: 'not-a-file' | 'too-large',
    readonly path: string,
  ) {
    super(message);
  }
}

/** A size as people read it: "820 bytes", "14 KB", "3.5 MB", "3.5 GB" (powers of 1,024). */
export function describeSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

/** What kind of thing a path that is not an ordinary file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not an ordinary file';
}

function refuseUnlessReadable(path: string, info: Stats, options: SafeReadOptions): void {
  if (!info.isFile()) {
    const kind = kindOf(info);
    const what = kind.startsWith('not ') ? kind : `${kind}, not an ordinary file`;
    throw new FileRefusedError(`${options.what} (${path}) is ${what}, so Parallax did not read it.`, 'not-a-file', path);
  }
  if (info.size > options.maxBytes) throw tooLarge(path, info.size, options);
}

function tooLarge(path: string, size: number, options: SafeReadOptions): FileRefusedError {
  return new FileRefusedError(
    `${options.what} (${path}) is ${describeSize(size)}, over the ${describeSize(options.maxBytes)} Parallax reads for a file of this kind, so it was not read.`,
    'too-large',
    path,
  );
}

/** Open for reading without waiting on a pipe swapped in after the look (O_NONBLOCK; Windows has no such flag). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Read an ordinary file of at most `maxBytes`, refusing anything else with a `FileRefusedError`
 * whose message names the file, what it is and the limit.
 */
export async function readRegularFile(path: string, options: SafeReadOptions): Promise<Buffer> {
  refuseUnlessReadable(path, await stat(path), options);
  const handle = await open(path, READ_FLAGS);
  try {
    const opened = await handle.stat();
    refuseUnlessReadable(path, opened, options);
    return await readAtMost(handle, opened.size, path, options);
  } finally {
    await handle.close();
  }
}

/** `readRegularFile`, decoded as UTF-8. */
export async function readRegularTextFile(path: string, options: SafeReadOptions): Promise<string> {
  return (await readRegularFile(path, options)).toString('utf8');
}

async function readAtMost(handle: FileHandle, expected: number, path: string, options: SafeReadOptions): Promise<Buffer> {
  const limit = options.maxBytes + 1;
  let buffer: Buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, expected + 1)));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length >= limit) break;
      buffer = grown(buffer, filled, limit);
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > options.maxBytes) throw tooLarge(path, filled, options);
  return buffer.subarray(0, filled);
}

function grown(buffer: Buffer, filled: number, limit: number): Buffer {
  const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
  buffer.copy(larger, 0, 0, filled);
  return larger;
}

/** `readRegularFile`, synchronously: for scripts and the evaluation's workers. */
export function readRegularFileSync(path: string, options: SafeReadOptions): Buffer {
  refuseUnlessReadable(path, statSync(path), options);
  const fd = openSync(path, READ_FLAGS);
  try {
    const opened = fstatSync(fd);
    refuseUnlessReadable(path, opened, options);
    const limit = options.maxBytes + 1;
    let buffer: Buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, opened.size + 1)));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= limit) break;
        buffer = grown(buffer, filled, limit);
      }
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > options.maxBytes) throw tooLarge(path, filled, options);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFileSync`, decoded as UTF-8. */
export function readRegularTextFileSync(path: string, options: SafeReadOptions): string {
  return readRegularFileSync(path, options).toString('utf8');
}
