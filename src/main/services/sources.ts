import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { SourceDocument } from '../../shared/contract/comparison.js';
import type { OpenProblem } from '../../shared/contract/api.js';
import { makeSourceDocument } from '../../shared/core/document.js';

/**
 * Reading article files from disk into sources.
 *
 * Plain text only for now (a later issue parses HTML, .docx and PDF). Every file is checked and
 * decoded on its own: a file that cannot be read becomes an `OpenProblem` in words for the person,
 * and the others still open. Nothing here throws for a bad file.
 */

/** Files larger than this are refused: no news article is 25 MB of text. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

export interface OpenSourcesResult {
  readonly documents: SourceDocument[];
  readonly problems: OpenProblem[];
}

/** How a file's bytes were turned into text. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly reason: 'binary' | 'invalid-utf8' | 'invalid-utf16' };

/**
 * Open each file as a source. Paths are resolved against the working directory; the same file
 * given twice is opened once. Documents come back in the order given.
 */
export async function openSources(paths: readonly string[]): Promise<OpenSourcesResult> {
  const documents: SourceDocument[] = [];
  const problems: OpenProblem[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    if (seen.has(path)) continue;
    seen.add(path);
    const outcome = await openSource(path);
    if ('message' in outcome) problems.push(outcome);
    else documents.push(outcome);
  }
  return { documents, problems };
}

async function openSource(path: string): Promise<SourceDocument | OpenProblem> {
  const name = basename(path) || path;
  const problem = (message: string): OpenProblem => ({ path, message });

  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return problem(`"${name}" is a folder, not a file. Open the article files inside it instead.`);
    }
    if (!info.isFile()) {
      return problem(`"${name}" is not an ordinary file (it may be a device or a pipe). Save the article as a text file and open that.`);
    }
    if (info.size === 0) {
      return problem(`"${name}" is empty. Save the article's text in it, or choose another file.`);
    }
    if (info.size > MAX_SOURCE_BYTES) {
      return problem(tooLarge(name, info.size));
    }
    const read = await readAtMost(path, MAX_SOURCE_BYTES + 1);
    if (read.length > MAX_SOURCE_BYTES) return problem(tooLarge(name, read.length));
    bytes = read;
  } catch (error) {
    return problem(describeReadError(name, error));
  }

  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'binary') {
      return problem(
        `"${name}" does not look like text (it may be a picture, a PDF or a word-processor file). Save the article as plain text (.txt) and open that.`,
      );
    }
    const encoding = decoded.reason === 'invalid-utf8' ? 'UTF-8' : 'UTF-16';
    return problem(
      `"${name}" says it is ${encoding} text, but some of its bytes are not valid ${encoding}. Save it again as UTF-8 text and open it again.`,
    );
  }
  const text = normaliseLineEnds(decoded.text);
  if (text.trim().length === 0) {
    return problem(`"${name}" has no text in it, only blank space. Save the article's text in it, or choose another file.`);
  }
  try {
    return makeSourceDocument({ path, text });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem(`"${name}" could be read but not analysed (${detail}). Please report this with the file.`);
  }
}

function tooLarge(name: string, size: number): string {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return `"${name}" is too large to open (${megabytes} MB; the limit is 25 MB). Save only the article's text in a smaller file and open that.`;
}

async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function describeReadError(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `"${name}" could not be found. It may have been moved, renamed or deleted; choose it again.`;
    case 'EACCES':
    case 'EPERM':
      return `Parallax is not allowed to read "${name}". Check the file's permissions, or copy it somewhere you can read and open the copy.`;
    case 'EISDIR':
      return `"${name}" is a folder, not a file. Open the article files inside it instead.`;
    case 'EBUSY':
      return `"${name}" is in use by another program. Close it there and try again.`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `"${name}" could not be read (${detail}). Check that the file is still there and try again.`;
    }
  }
}

/** Turn CRLF and lone CR line ends into LF, so offsets are the same whatever system wrote the file. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decode a file's bytes as text: a byte-order mark first (UTF-8, UTF-16 LE/BE), then the pattern of
 * NUL bytes that UTF-16 without a mark leaves, then strict UTF-8, and else Windows-1252 (which
 * covers Latin-1). Bytes full of NULs or control characters are reported as binary.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === null ? { ok: false, reason: 'invalid-utf8' } : finish(text, 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');

  const guessed = guessUtf16(bytes);
  if (guessed) return utf16(bytes, guessed);
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  // Not UTF-8: Windows-1252 gives every byte a character, so nothing is dropped or replaced.
  return finish(decodeWindows1252(bytes), 'windows-1252');
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80 to 0x9F (curly quotes, dashes, the euro sign...).
 * Node 20's TextDecoder('windows-1252') decodes those bytes as Latin-1 control characters, so the
 * table is spelled out here; the five unused bytes keep their Latin-1 meaning, as browsers do.
 */
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!);
  }
  return text;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  // Node's TextDecoder has no UTF-16 BE: swap the bytes of each unit and decode as LE.
  let units = bytes;
  if (encoding === 'utf-16be') {
    units = new Uint8Array(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      units[i] = bytes[i + 1]!;
      units[i + 1] = bytes[i]!;
    }
  }
  if (units.length % 2 !== 0) return { ok: false, reason: 'invalid-utf16' };
  const text = strictDecode('utf-16le', units);
  if (text === null) return { ok: false, reason: 'invalid-utf16' };
  return finish(text, encoding);
}

function strictDecode(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 text in a Latin script without a byte-order mark has a NUL in most high bytes: in the odd
 * positions for little-endian, the even ones for big-endian. Look at the first 4 KB.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decoded text counts as binary when more than 1 in 10 of its first 64 K characters are control characters. */
function finish(text: string, encoding: TextEncodingName): DecodeResult {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
    if (isControl) controls++;
  }
  if (sample.length > 0 && controls > sample.length * 0.1) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding };
}
