import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { SourceDocument, SourceFormat, SourceMetadata } from '../../shared/contract/comparison.js';
import type { OpenProblem } from '../../shared/contract/api.js';
import { TEXT_ENCODINGS, type TextEncoding } from '../../shared/contract/encodings.js';
import { makeSourceDocument, type SourceBlock } from '../../shared/core/document.js';
import { decodeBytes, type DecodedText } from './decode.js';
import { detectFormat, looksLikeHtml } from './import/detect.js';
import { importDocument } from './import/pool.js';
import { runWithTimeLimit, TimeLimitError } from './time-limit.js';

/**
 * Reading article files from disk into sources: plain text, Markdown, web pages (.html), Word
 * (.docx) and PDF.
 *
 * The kind of file is found from its first bytes, then its name (`detectFormat`). Text formats are
 * decoded by `decodeBytes` (any common encoding; bytes that do not decode are reported in the
 * metadata). Plain text is cheap and read here; web pages, Markdown, Word files and PDFs go to
 * the import worker, off the main thread and with a time limit, and their parsers are loaded only
 * when such a file comes. Every file is read on its own: a file that cannot be read becomes an
 * `OpenProblem` in words for the person, and the others still open. Nothing here throws for a bad
 * file.
 */

/** Files larger than this are refused: no news article is 25 MB. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

export interface OpenSourcesResult {
  readonly documents: SourceDocument[];
  readonly problems: OpenProblem[];
}

export interface OpenSourcesOptions {
  /** The encoding a person chose for a file, by its path (as given, or absolute): no detection then. */
  readonly encodings?: Readonly<Record<string, TextEncoding>>;
  /**
   * When reading must stop (a `performance.now()` time): decoding and dividing a text into
   * paragraphs are stopped there with a `TimeLimitError` naming the file, which is thrown, not
   * turned into a problem (the command line's time limit: see cli/index.ts). Files read by the
   * import worker keep its own limit.
   */
  readonly deadline?: number;
}

/**
 * Open each file as a source. Paths are resolved against the working directory, and each source
 * keeps its absolute path; the same file given twice is opened once. Documents come back in the
 * order given.
 */
export async function openSources(paths: readonly string[], options: OpenSourcesOptions = {}): Promise<OpenSourcesResult> {
  const documents: SourceDocument[] = [];
  const problems: OpenProblem[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    if (seen.has(path)) continue;
    seen.add(path);
    const encoding = options.encodings?.[path] ?? options.encodings?.[given];
    let outcome: SourceDocument | OpenProblem;
    try {
      outcome = await openSource(path, encoding, options.deadline);
    } catch (error) {
      if (error instanceof TimeLimitError) throw new TimeLimitError(error.limitMs, path);
      const detail = error instanceof Error ? error.message : String(error);
      outcome = { path, message: `"${basename(path) || path}" could be read but not analysed (${detail}). Please report this with the file.` };
    }
    if ('message' in outcome) problems.push(outcome);
    else documents.push(outcome);
  }
  return { documents, problems };
}

/** Read a file's bytes, refusing folders, devices, empty files and files over the size limit. */
async function readSourceBytes(path: string, name: string): Promise<Buffer | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return `"${name}" is a folder, not a file. Open the article files inside it instead.`;
    if (!info.isFile()) {
      return `"${name}" is not an ordinary file (it may be a device or a pipe). Save the article as a text file and open that.`;
    }
    if (info.size === 0) return `"${name}" is empty. Save the article's text in it, or choose another file.`;
    if (info.size > MAX_SOURCE_BYTES) return tooLarge(name, info.size);
    const read = await readAtMost(path, MAX_SOURCE_BYTES + 1, info.size);
    if (read.length > MAX_SOURCE_BYTES) return tooLarge(name, read.length);
    return read;
  } catch (error) {
    return describeReadError(name, error);
  }
}

async function openSource(path: string, chosenEncoding: TextEncoding | undefined, deadline: number | undefined): Promise<SourceDocument | OpenProblem> {
  const name = basename(path) || path;
  const problem = (message: string): OpenProblem => ({ path, message });
  const timed = <T>(work: () => T): T => (deadline === undefined ? work() : runWithTimeLimit(work, deadline - performance.now()));

  const bytes = await readSourceBytes(path, name);
  if (typeof bytes === 'string') return problem(bytes);

  const detected = detectFormat(path, bytes);
  if ('refused' in detected) return problem(detected.refused);

  if (detected.format === 'docx' || detected.format === 'pdf') {
    const result = await importDocument({ format: detected.format, path, bytes });
    if (!result.ok) return problem(result.message);
    return fromBlocks(path, result.blocks, result.metadata, result.title);
  }

  // Text formats: decode, then tell a web page saved under another name by its first tag. Plain
  // text is divided into paragraphs in the same timed run (one run, not two: each costs a watchdog
  // thread, issue 13).
  const read = timed(() => {
    const decoded = decodeText(bytes, detected.format, chosenEncoding);
    if (!decoded.ok || decoded.value.text.trim().length === 0) return { decoded };
    const format: SourceFormat = detected.format === 'text' && looksLikeHtml(decoded.value.text) ? 'html' : detected.format;
    const encodingFacts = {
      encoding: decoded.value.encoding,
      ...(decoded.value.undecodable ? { undecodable: decoded.value.undecodable } : {}),
    };
    if (format === 'html' || format === 'markdown') return { decoded, format, encodingFacts };
    return { decoded, format, encodingFacts, document: makeSourceDocument({ path, text: decoded.value.text, metadata: { format: 'text', ...encodingFacts } }) };
  });
  const { decoded } = read;
  if (!decoded.ok) {
    if (decoded.reason === 'empty') return problem(`"${name}" is empty. Save the article's text in it, or choose another file.`);
    // Bytes no encoding was found for may still be text in one the person knows: they may choose it.
    return { ...problem(`"${name}" does not look like text. ${decoded.message}`), ...(decoded.encodable ? { encodingChoice: true as const } : {}) };
  }
  const { text } = decoded.value;
  if (!('format' in read)) {
    return problem(`"${name}" has no text in it, only blank space. Save the article's text in it, or choose another file.`);
  }
  if (read.document) return read.document;
  const { format, encodingFacts } = read;

  if (format === 'html') {
    const result = await importDocument({ format: 'html', path, text });
    if (!result.ok) return problem(result.message);
    return fromBlocks(path, result.blocks, { ...result.metadata, ...encodingFacts }, result.title);
  }
  // Markdown, in the import worker too: hostile Markdown can take long to parse, and must not freeze the app.
  const result = await importDocument({ format: 'markdown', path, text });
  if (!result.ok) return problem(result.message);
  return fromBlocks(path, result.blocks, { ...result.metadata, ...encodingFacts }, result.title);
}

function fromBlocks(path: string, blocks: readonly SourceBlock[], metadata: SourceMetadata, title?: string): SourceDocument | OpenProblem {
  const document = makeSourceDocument({ path, blocks, metadata, ...(title ? { title } : {}) });
  if (document.text.trim().length === 0) {
    return { path, message: `"${basename(path) || path}" has no text in it that Parallax can show. Open it in its own program to check, or choose another file.` };
  }
  return document;
}

/**
 * Decode a text file. A web page's own <meta charset> is believed over the detector's guess (as
 * browsers do), unless the person chose an encoding or the file starts with a byte-order mark.
 */
function decodeText(bytes: Uint8Array, format: SourceFormat, chosen: TextEncoding | undefined): ReturnType<typeof decodeBytes> {
  const decoded = decodeBytes(bytes, chosen ? { encoding: chosen } : {});
  if (!decoded.ok || chosen || decoded.value.bomStripped) return decoded;
  if (format !== 'html' && !(format === 'text' && looksLikeHtml(decoded.value.text))) return decoded;
  const declared = declaredCharset(decoded.value);
  if (!declared || declared === decoded.value.encoding) return decoded;
  return decodeBytes(bytes, { encoding: declared });
}

/** The charset a page declares in its first 4 KB, if it is one Parallax can decode. */
function declaredCharset(decoded: DecodedText): TextEncoding | undefined {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(decoded.text.slice(0, 4096));
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const aliases: Record<string, TextEncoding> = { utf8: 'utf-8', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', sjis: 'shift_jis', 'x-sjis': 'shift_jis', gb2312: 'gb18030', gbk: 'gb18030' };
  const encoding = aliases[name] ?? name;
  return (TEXT_ENCODINGS as readonly string[]).includes(encoding) ? (encoding as TextEncoding) : undefined;
}

function tooLarge(name: string, size: number): string {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return `"${name}" is too large to open (${megabytes} MB; the limit is 25 MB). Save only the article's text in a smaller file and open that.`;
}

/**
 * Read at most `limit` bytes of a file. The buffer starts at the size the file said it had (plus one
 * byte, to notice a file that grew) and grows by doubling only if the file turns out longer, so a
 * small article costs a small buffer, not the 25 MB limit.
 */
export async function readAtMost(path: string, limit: number, expected: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, expected + 1)));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= limit) break;
        const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
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
