import { inflateRawSync } from 'node:zlib';
import { describeSize } from '../safe-read.js';
import { ImportProblem, displayName } from './problem.js';

/**
 * The check a Word file passes before mammoth unpacks it, against "zip bombs": a .docx is a zip
 * archive, and a 1 MB one can unpack to gigabytes. The worker's memory limit covers only its
 * JavaScript heap, not the buffers the parts are unpacked into, so the limit is kept here.
 *
 * The archive's own directory (its end record, Zip64 included, and each entry of the central
 * directory) is read with the same rules as JSZip, which mammoth uses, so the parts checked are the
 * parts it would unpack. Refused, with the file's name, what it would unpack to and the limit:
 * - an archive whose parts say they unpack to more than `MAX_DOCX_UNPACKED_BYTES` in all;
 * - a part that says it grows more than `MAX_DOCX_RATIO` times and to more than
 *   `MAX_DOCX_RATIO_FLOOR_BYTES` (text compresses about ten times; only a bomb grows a thousand);
 * - a part that unpacks to more than it says (the sizes are checked by unpacking each part with its
 *   declared size as a hard cap, so nothing unpacks past it, here or in mammoth);
 * - more than `MAX_DOCX_ENTRIES` parts, a directory that cannot be read, or a packing method JSZip
 *   does not read: the file is damaged, and nothing is unpacked.
 */

/** All the parts of a Word file may unpack to this much together. */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** A part may grow this many times when unpacked... */
export const MAX_DOCX_RATIO = 200;
/** ...unless it unpacks to no more than this. */
export const MAX_DOCX_RATIO_FLOOR_BYTES = 10 * 1024 * 1024;
/** A Word file has a few dozen parts, a few hundred with many pictures. */
export const MAX_DOCX_ENTRIES = 10_000;

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_END_LOCATOR = Buffer.from([0x50, 0x4b, 0x06, 0x07]);
const ZIP64_END = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** One part of the archive, as its central directory describes it. */
export interface ArchiveEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where its packed bytes start in the file. */
  readonly dataStart: number;
}

class Damaged extends Error {}

/**
 * The entries of a zip archive, as JSZip would find them. Throws `Damaged` when the directory
 * cannot be read.
 */
export function readZipDirectory(bytes: Buffer): ArchiveEntry[] {
  const need = (at: number, length: number): void => {
    if (at < 0 || at + length > bytes.length) throw new Damaged('the archive is cut short');
  };
  const endAt = bytes.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  if (endAt < 0) throw new Damaged('no end of central directory');
  need(endAt, 22);
  let records = bytes.readUInt16LE(endAt + 10);
  let directorySize = bytes.readUInt32LE(endAt + 12);
  let directoryOffset = bytes.readUInt32LE(endAt + 16);
  let expectedEnd = directoryOffset + directorySize;
  const zip64 =
    bytes.readUInt16LE(endAt + 4) === MAX16 ||
    bytes.readUInt16LE(endAt + 6) === MAX16 ||
    bytes.readUInt16LE(endAt + 8) === MAX16 ||
    records === MAX16 ||
    directorySize === MAX32 ||
    directoryOffset === MAX32;
  if (zip64) {
    const locatorAt = bytes.lastIndexOf(ZIP64_END_LOCATOR);
    if (locatorAt < 0) throw new Damaged('no Zip64 locator');
    need(locatorAt, 20);
    let zip64EndAt = number64(bytes, locatorAt + 8);
    if (zip64EndAt + 4 > bytes.length || bytes.readUInt32LE(zip64EndAt) !== ZIP64_END) {
      zip64EndAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
      if (zip64EndAt < 0) throw new Damaged('no Zip64 end record');
    }
    need(zip64EndAt, 56);
    const zip64EndSize = number64(bytes, zip64EndAt + 4);
    records = number64(bytes, zip64EndAt + 32);
    directorySize = number64(bytes, zip64EndAt + 40);
    directoryOffset = number64(bytes, zip64EndAt + 48);
    expectedEnd = directoryOffset + directorySize + 20 + 12 + zip64EndSize;
  }
  // Bytes before the archive (a self-extractor's stub) move every offset, as JSZip allows.
  const shift = endAt - expectedEnd;
  if (shift < 0) throw new Damaged('the archive is missing bytes');

  const entries: ArchiveEntry[] = [];
  let at = directoryOffset + shift;
  while (at + 4 <= bytes.length && bytes.readUInt32LE(at) === CENTRAL_ENTRY) {
    if (entries.length >= MAX_DOCX_ENTRIES) throw new Damaged('too many parts');
    need(at, 46);
    const method = bytes.readUInt16LE(at + 10);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let localOffset = bytes.readUInt32LE(at + 42);
    need(at + 46, nameLength + extraLength + commentLength);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      // The Zip64 extra field holds, in this order, those of the three that did not fit.
      const extra = zip64Extra(bytes, at + 46 + nameLength, extraLength);
      let field = 0;
      const next = (): number => {
        if (!extra || field + 8 > extra.length) throw new Damaged('a Zip64 size is missing');
        const value = number64(extra, field);
        field += 8;
        return value;
      };
      if (uncompressedSize === MAX32) uncompressedSize = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localOffset === MAX32) localOffset = next();
    }
    const local = localOffset + shift;
    need(local, 30);
    if (bytes.readUInt32LE(local) !== LOCAL_HEADER) throw new Damaged('a part is not where the directory says');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    need(dataStart, compressedSize);
    entries.push({ name, method, compressedSize, uncompressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (records > 0 && entries.length === 0) throw new Damaged('no part where the directory should be');
  return entries;
}

function number64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Damaged('a size too large to be real');
  return Number(value);
}

/** The data of the Zip64 extra field (header id 1) among an entry's extra fields, if there is one. */
function zip64Extra(bytes: Buffer, start: number, length: number): Buffer | undefined {
  let at = start;
  while (at + 4 <= start + length) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    if (id === 1) return bytes.subarray(at + 4, Math.min(at + 4 + size, start + length));
    at += 4 + size;
  }
  return undefined;
}

const DAMAGED = (path: string): string =>
  `"${displayName(path)}" could not be read as a Word document (it may be damaged, or only named .docx). Open it in Word or LibreOffice and save it again as .docx.`;

const times = (value: number): string => Math.round(value).toLocaleString('en');

/**
 * Check a Word file's archive before it is unpacked; throws an `ImportProblem` saying why when it
 * must not be. Each part is unpacked once here, never past its declared size, and thrown away.
 */
export function checkDocxArchive(data: Uint8Array, path: string): void {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const name = displayName(path);
  let entries: ArchiveEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    // Damaged, or a field that points outside the file: nothing is unpacked.
    throw new ImportProblem(DAMAGED(path));
  }

  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_DOCX_UNPACKED_BYTES) {
    throw new ImportProblem(
      `"${name}" expands to ${describeSize(total)} when unpacked; Parallax opens Word files that expand to at most ${describeSize(MAX_DOCX_UNPACKED_BYTES)}, so it was not opened. ` +
        'A Word file that grows this much is damaged or made to exhaust memory (a "zip bomb"). If it is a real article, copy its text into a new document and open that.',
    );
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > MAX_DOCX_RATIO_FLOOR_BYTES && ratio > MAX_DOCX_RATIO) {
      throw new ImportProblem(
        `"${name}" expands to ${describeSize(total)} when unpacked, and its part "${entry.name}" grows ${times(ratio)} times (from ${describeSize(entry.compressedSize)} to ${describeSize(entry.uncompressedSize)}). ` +
          `Parallax opens Word files whose parts grow at most ${MAX_DOCX_RATIO} times, or to at most ${describeSize(MAX_DOCX_RATIO_FLOOR_BYTES)}, so it was not opened: ` +
          'a file like this is damaged or made to exhaust memory (a "zip bomb"). If it is a real article, copy its text into a new document and open that.',
      );
    }
  }
  for (const entry of entries) {
    const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let unpacked: number;
    if (entry.method === 0) unpacked = packed.length;
    else if (entry.method === 8) {
      try {
        // maxOutputLength stops the unpacking at the declared size: a part that says less than it holds fails here.
        unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') unpacked = Infinity;
        else throw new ImportProblem(DAMAGED(path));
      }
    } else throw new ImportProblem(DAMAGED(path));
    if (unpacked !== entry.uncompressedSize) {
      if (unpacked < entry.uncompressedSize) throw new ImportProblem(DAMAGED(path));
      throw new ImportProblem(
        `"${name}" is damaged or made to exhaust memory (a "zip bomb"): its part "${entry.name}" unpacks to more than the ${describeSize(entry.uncompressedSize)} it declares, so Parallax stopped unpacking it and did not open the file. ` +
          'Open it in Word or LibreOffice and save it again as .docx, or copy its text into a new document.',
      );
    }
  }
}
