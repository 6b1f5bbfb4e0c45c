import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { TextEncoding } from '../../shared/contract/api.js';
import type { UndecodableText } from '../../shared/contract/comparison.js';

// The detector and the single-byte/CJK decoders are loaded on first use: most articles are UTF-8,
// and `parallax compare` on them should not pay for loading either (about 100 ms).
const requireLazily = createRequire(import.meta.url);
let iconvModule: typeof import('iconv-lite') | null = null;
let chardetModule: typeof import('jschardet') | null = null;
const iconvLite = (): typeof import('iconv-lite') => (iconvModule ??= requireLazily('iconv-lite') as typeof import('iconv-lite'));
const jschardet = (): typeof import('jschardet') => (chardetModule ??= requireLazily('jschardet') as typeof import('jschardet'));

/**
 * Turning a text file's bytes into the text Parallax shows.
 *
 * The same article decodes to the same text whether it was saved as UTF-8 (with or without a
 * byte-order mark), UTF-16 LE or BE, Windows-1252 or ISO-8859-1, and legacy Cyrillic, Central
 * European and East Asian files decode too. The order of evidence:
 *
 * 1. the encoding the person chose, if any (no guessing then);
 * 2. a byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE);
 * 3. the NUL bytes that UTF-16 without a mark leaves in every other byte;
 * 4. pictures, PDFs, archives and other binary files are refused, by their first bytes, by NUL
 *    bytes, or by a high share of control characters, unless read as UTF-16 they are clean text
 *    in one script (Cyrillic, Chinese and the like have no NUL in every other byte: see
 *    `utf16ByScript`);
 * 5. strict UTF-8, or UTF-8 with a few damaged bytes among many good multi-byte characters;
 * 6. jschardet on the first 64 KB, mapped onto the encodings a person can choose;
 * 7. else Windows-1252, marked as a guess.
 *
 * Nothing is dropped: a byte that means nothing in the chosen encoding becomes U+FFFD and is
 * counted in `undecodable`, with where the first one stands. Line ends become LF. Nothing here
 * throws for any input; plain Node, no Electron.
 */

/** The text of a file, and how it was read. */
export interface DecodedText {
  /** The text, line ends normalised to LF, byte-order mark removed. */
  readonly text: string;
  readonly encoding: TextEncoding;
  /**
   * False when the encoding is a guess the person may want to check: the detector was unsure, or
   * two encodings scored alike. Always true for a chosen encoding, a byte-order mark or valid UTF-8.
   */
  readonly confident: boolean;
  /** Characters that could not be decoded (each shown as U+FFFD); missing when there are none. */
  readonly undecodable?: UndecodableText;
  /** Whether a byte-order mark was found at the start and removed. */
  readonly bomStripped: boolean;
}

export type DecodeOutcome =
  | { readonly ok: true; readonly value: DecodedText }
  | {
      readonly ok: false;
      readonly reason: 'binary' | 'empty';
      /** One or two plain sentences about the file, without its name (the caller adds that). */
      readonly message: string;
      /**
       * True when the bytes were refused only because no encoding read them as text: a chosen
       * encoding would still be obeyed. False for pictures, PDFs and archives, which no choice opens.
       */
      readonly encodable?: boolean;
    };

export interface DecodeOptions {
  /** Decode with this encoding, as the person chose, instead of detecting one. */
  readonly encoding?: TextEncoding;
}

/** How much of the start of a file the checks and the detector look at. */
const SAMPLE_BYTES = 64 * 1024;
/** More control characters than this share of the sample means binary, not text. */
const MAX_CONTROL_SHARE = 0.1;
/** Below this detector score the answer is ignored and Windows-1252 assumed. */
const MIN_DETECTOR_SCORE = 0.1;
/** A detector answer is confident from this score, when no other encoding comes within the margin. */
const CONFIDENT_SCORE = 0.25;
const CONFIDENT_MARGIN = 0.1;

const REPLACEMENT = '\uFFFD';

const EMPTY_MESSAGE = 'It is empty. Save the article’s text in it, or choose another file.';

/**
 * Decode a file's bytes as text. Never throws: anything that is not text comes back as
 * `{ ok: false }` with a sentence for the person.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeOutcome {
  const kind = recognisedBinary(bytes);
  if (kind) return binary(`It looks like ${kind}, not text.`, false);

  const chosen = options.encoding;
  if (chosen) {
    const bom = bomLength(bytes, chosen);
    const body = bytes.subarray(bom);
    if (body.length === 0) return { ok: false, reason: 'empty', message: EMPTY_MESSAGE };
    return { ok: true, value: finish(body, chosen, true, bom > 0) };
  }

  const marked = markedEncoding(bytes);
  if (marked) {
    const body = bytes.subarray(marked.bom);
    if (body.length === 0) return { ok: false, reason: 'empty', message: EMPTY_MESSAGE };
    return notBinaryText(finish(body, marked.encoding, true, true));
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: EMPTY_MESSAGE };

  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return notBinaryText(finish(bytes, utf16, true, false));

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0) || controlShare(sample) > MAX_CONTROL_SHARE) {
    const byScript = utf16ByScript(sample);
    if (byScript) return notBinaryText(finish(bytes, byScript, true, false));
    return binary('It does not look like text: it has bytes that plain text does not have.');
  }

  // Valid UTF-8, or UTF-8 with a few damaged bytes (at least three good multi-byte characters for
  // each bad spot): text in a single-byte encoding almost never has valid multi-byte sequences.
  // Node's own check first (native, where scanning byte by byte here took a millisecond or more of
  // every file, issue 13): valid UTF-8 by the same rules as scanUtf8's, which then finds no invalid byte.
  const utf8 = isUtf8(bytes) ? VALID_UTF8 : scanUtf8(bytes);
  if (utf8.invalid === 0 || utf8.multiByte >= 3 * utf8.invalid) return { ok: true, value: finish(bytes, 'utf-8', true, false) };

  const guess = detectEncoding(sample);
  return { ok: true, value: finish(bytes, guess.encoding, guess.confident, false) };
}

/** A name for an encoding that people recognise, e.g. "Western European (Windows-1252)". */
export function describeEncoding(encoding: TextEncoding): string {
  return ENCODING_NAMES[encoding];
}

/**
 * A sentence about characters that could not be read, e.g. "3 characters could not be read as
 * Unicode (UTF-8), the first on line 12, column 5. If the text looks wrong, choose its encoding and
 * open it again."
 */
export function undecodableMessage(undecodable: UndecodableText, encoding: TextEncoding): string {
  const { count, firstLine, firstColumn } = undecodable;
  const what = count === 1 ? '1 character' : `${count.toLocaleString('en')} characters`;
  const where = count === 1 ? 'on' : 'the first on';
  return (
    `${what} could not be read as ${describeEncoding(encoding)}, ${where} line ${firstLine}, column ${firstColumn}. ` +
    'If the text looks wrong, choose its encoding and open it again.'
  );
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'Unicode (UTF-8)',
  'utf-16le': 'Unicode (UTF-16 little-endian)',
  'utf-16be': 'Unicode (UTF-16 big-endian)',
  'windows-1252': 'Western European (Windows-1252)',
  'iso-8859-1': 'Western European (ISO-8859-1)',
  'iso-8859-15': 'Western European (ISO-8859-15)',
  'macintosh': 'Western European (Mac OS Roman)',
  'iso-8859-2': 'Central European (ISO-8859-2)',
  'windows-1250': 'Central European (Windows-1250)',
  'windows-1251': 'Cyrillic (Windows-1251)',
  'koi8-r': 'Cyrillic (KOI8-R)',
  'shift_jis': 'Japanese (Shift_JIS)',
  'euc-jp': 'Japanese (EUC-JP)',
  'euc-kr': 'Korean (EUC-KR)',
  'gb18030': 'Chinese Simplified (GB18030)',
  'big5': 'Chinese Traditional (Big5)',
};

// ---------------------------------------------------------------------------------------------
// Binary files

function binary(first: string, encodable = true): DecodeOutcome {
  return {
    ok: false,
    reason: 'binary',
    message: `${first} Save the article as plain text (.txt) and open that.`,
    encodable,
  };
}

/** Kinds of file people mistake for articles, by their first bytes. `null` when none matches. */
function recognisedBinary(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  const ascii = (text: string, at = 0) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (ascii('%PDF-')) return 'a PDF document';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'a picture (PNG)';
  if (starts(0xff, 0xd8, 0xff)) return 'a picture (JPEG)';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'a picture (GIF)';
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'a picture (WebP)';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    return 'a compressed archive or a word-processor document (.docx, .odt, .zip)';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an older Word or Office document (.doc)';
  if (starts(0x1f, 0x8b)) return 'a compressed file (.gz)';
  return null;
}

/** Share of C0 control bytes (other than tab, line feed, form feed and carriage return) and DEL. */
function controlShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (isControl(sample[i]!)) controls++;
  return controls / sample.length;
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** Text from a byte-order mark or the UTF-16 pattern still counts as binary if it is mostly controls. */
function notBinaryText(value: DecodedText): DecodeOutcome {
  const sample = value.text.slice(0, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (isControl(sample.charCodeAt(i))) controls++;
  if (sample.length > 0 && controls > sample.length * MAX_CONTROL_SHARE) {
    return binary('It does not look like text: read as ' + describeEncoding(value.encoding) + ' it is mostly control characters.');
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Byte-order marks and UTF-16

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function markedEncoding(bytes: Uint8Array): { encoding: TextEncoding; bom: number } | null {
  if (hasPrefix(bytes, UTF8_BOM)) return { encoding: 'utf-8', bom: 3 };
  if (hasPrefix(bytes, UTF16LE_BOM)) return { encoding: 'utf-16le', bom: 2 };
  if (hasPrefix(bytes, UTF16BE_BOM)) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

/** The length of the byte-order mark of `encoding` at the start of `bytes`, or 0. */
function bomLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8' && hasPrefix(bytes, UTF8_BOM)) return 3;
  if (encoding === 'utf-16le' && hasPrefix(bytes, UTF16LE_BOM)) return 2;
  if (encoding === 'utf-16be' && hasPrefix(bytes, UTF16BE_BOM)) return 2;
  return 0;
}

/**
 * UTF-16 without a mark, in a Latin, Greek or Cyrillic script, has a NUL in most high bytes: the
 * odd positions for little-endian, the even ones for big-endian. Text in other scripts has none
 * and goes on to the other checks.
 */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1);
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

/** Read as UTF-16, at most this share of a sample may be code points text does not have. */
const MAX_UTF16_ODD_SHARE = 0.01;
/** ...at least this share of what is not space must be letters, digits or marks... */
const MIN_UTF16_WORD_SHARE = 0.6;
/** ...and at least this share of its letters must be of one script (with ASCII letters beside it)... */
const MIN_UTF16_SCRIPT_SHARE = 0.9;
/** ...of at least this many different letters (or a quarter of them, in a short text). */
const MIN_UTF16_DISTINCT_LETTERS = 12;

/**
 * Scripts told apart for `utf16ByScript`. Chinese, Japanese and Korean mix Han with kana or
 * Hangul, so they count as one writing system each.
 */
const SCRIPTS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
];
const LETTER = /\p{L}/u;
const WORDLIKE = /[\p{L}\p{M}\p{N}]/u;
/** Unassigned, private-use and format code points, and controls other than tab, line ends and form feed. */
const ODD = /[\p{Cn}\p{Co}\p{Cf}]|[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/u;

/**
 * UTF-16 without a mark in a script whose characters have no NUL byte (Cyrillic has some, from the
 * spaces; Chinese may have none), found by what the sample reads as: with the right byte order it
 * is clean text (no lone surrogate, almost nothing unassigned, private or a control) whose letters
 * are nearly all of one script, perhaps with Latin beside it. Binary read as UTF-16 is none of
 * that (it has lone surrogates and private-use characters, and its letters are of every script),
 * and neither is the wrong byte order. Only asked of bytes that would otherwise be refused as
 * binary, so a single-byte file is never taken for UTF-16 ("Bush hid the facts").
 */
function utf16ByScript(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const even = sample.subarray(0, sample.length & ~1);
  if (even.length < 16) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const { count } = scanUtf16(even, encoding);
    // A sample cut through a surrogate pair leaves one lone surrogate at its end: allowed.
    if (count > 1) continue;
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(even);
    if (looksLikeOneScript(text)) return encoding;
  }
  return null;
}

function looksLikeOneScript(text: string): boolean {
  let characters = 0;
  let visible = 0;
  let odd = 0;
  let wordlike = 0;
  let letters = 0;
  const byScript = new Map<string, number>();
  const distinct = new Set<string>();
  for (const character of text) {
    characters++;
    if (character === '\uFFFD') continue;
    // Zero-width joiners and non-joiners are format characters that Persian, Indic and emoji text use.
    if (ODD.test(character) && character !== '\u200C' && character !== '\u200D') {
      odd++;
      continue;
    }
    if (/\s/u.test(character)) continue;
    visible++;
    if (!WORDLIKE.test(character)) continue;
    wordlike++;
    if (!LETTER.test(character)) continue;
    letters++;
    distinct.add(character);
    // Names and words in English beside the text are ASCII (or Latin-1) letters; other Latin is a script of its own.
    const script = character <= '\u00FF' ? 'basic-latin' : (SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0] ?? 'other');
    byScript.set(script, (byScript.get(script) ?? 0) + 1);
  }
  if (characters === 0 || odd > characters * MAX_UTF16_ODD_SHARE) return false;
  if (visible === 0 || wordlike < visible * MIN_UTF16_WORD_SHARE || letters === 0) return false;
  // Text uses many letters; a pattern of bytes repeated, read as UTF-16, only a few.
  if (distinct.size < Math.min(MIN_UTF16_DISTINCT_LETTERS, letters / 4)) return false;
  const beside = byScript.get('basic-latin') ?? 0;
  let best = beside;
  for (const [script, count] of byScript) if (script !== 'other' && script !== 'basic-latin') best = Math.max(best, count + beside);
  return best >= letters * MIN_UTF16_SCRIPT_SHARE;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and the detector

/** What scanUtf8 finds in valid UTF-8, as far as its callers look: no invalid byte (they do not read `multiByte` then). */
const VALID_UTF8 = { multiByte: 0, invalid: 0, firstInvalid: -1 } as const;

/**
 * Valid multi-byte characters and invalid sequences in `bytes`, counted as TextDecoder counts them
 * (one U+FFFD for each maximal invalid subpart, as the Encoding Standard says), and the offset of
 * the first invalid byte, or -1. Text in a single-byte encoding has almost no valid multi-byte
 * UTF-8 in it; UTF-8 with a stray Latin-1 byte has many. Exported for tests.
 */
export function scanUtf8(bytes: Uint8Array): { multiByte: number; invalid: number; firstInvalid: number } {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let j = 1;
    for (; j <= need; j++) {
      const next = bytes[i + j];
      if (next === undefined || next < (j === 1 ? low : 0x80) || next > (j === 1 ? high : 0xbf)) break;
    }
    if (need > 0 && j > need) {
      multiByte++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i += j;
    }
  }
  return { multiByte, invalid, firstInvalid };
}

/**
 * What the detector may answer, in its own names: the encodings a person can choose, less those
 * it cannot tell from Windows-1252 on ordinary text (Mac OS Roman, and ISO-8859-1 and -15, which
 * it scores the same as Windows-1252 and which we read as Windows-1252 anyway, see below).
 */
const DETECTABLE = [
  'utf-8',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'iso-8859-2',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'shift_jis',
  'cp932',
  'euc-jp',
  'euc-kr',
  'cp949',
  'gb18030',
  'big5',
];

/**
 * The detector's names, lower-case without punctuation, to ours. ISO-8859-1 and ISO-8859-15 are
 * read as Windows-1252, as browsers do: the three agree on every letter of a Western text except
 * that Windows-1252 also has curly quotes, dashes and the euro sign where ISO-8859-1 has unused
 * control codes, so a Latin-1 file reads the same and a Windows-1252 file mislabelled as Latin-1
 * (the usual case) reads right. (ISO-8859-15 moves the euro and a few rare letters: a person who
 * has such a file can choose it.)
 */
const DETECTOR_NAMES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  utf8sig: 'utf-8',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  iso88591: 'windows-1252',
  iso885915: 'windows-1252',
  ascii: 'windows-1252',
  iso88592: 'iso-8859-2',
  windows1250: 'windows-1250',
  cp1250: 'windows-1250',
  windows1251: 'windows-1251',
  cp1251: 'windows-1251',
  koi8r: 'koi8-r',
  shiftjis: 'shift_jis',
  shiftjis2004: 'shift_jis',
  cp932: 'shift_jis',
  eucjp: 'euc-jp',
  eucjis2004: 'euc-jp',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  gb18030: 'gb18030',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  big5: 'big5',
  big5hkscs: 'big5',
};

function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; confident: boolean } {
  let candidates: { encoding: string | null; confidence: number }[];
  try {
    candidates = jschardet().detectAll(sample, { detectEncodings: DETECTABLE, minimumThreshold: 0 });
  } catch {
    candidates = [];
  }
  // Best score for each of our encodings, in the detector's order.
  const scores = new Map<TextEncoding, number>();
  for (const { encoding, confidence } of candidates) {
    const ours = encoding ? DETECTOR_NAMES[encoding.toLowerCase().replace(/[^a-z0-9]/g, '')] : undefined;
    if (ours && !scores.has(ours)) scores.set(ours, confidence);
  }
  const [best, runnerUp] = [...scores.entries()];
  if (!best || !(best[1] >= MIN_DETECTOR_SCORE)) return { encoding: 'windows-1252', confident: false };
  const margin = best[1] - (runnerUp?.[1] ?? 0);
  return { encoding: best[0], confident: best[1] >= CONFIDENT_SCORE && margin >= CONFIDENT_MARGIN };
}

// ---------------------------------------------------------------------------------------------
// Decoding and counting what did not decode

function finish(body: Uint8Array, encoding: TextEncoding, confident: boolean, bomStripped: boolean): DecodedText {
  const bytes = normaliseLineEnds(body, encoding);
  const { text, literal } = encoding === 'gb18030' ? decodeGb18030(bytes) : { text: decodeWhole(bytes, encoding), literal: [] };
  const undecodable = findUndecodable(bytes, text, encoding, literal);
  return undecodable ? { text, encoding, confident, undecodable, bomStripped } : { text, encoding, confident, bomStripped };
}

/**
 * CRLF and lone CR become LF, in the bytes before decoding, so that the decoded text and every
 * offset into it need no correcting afterwards. Safe in every encoding offered: outside UTF-16,
 * bytes 0D and 0A are never part of a multi-byte character; in UTF-16 whole code units are
 * replaced. A CR ends an unfinished multi-byte character just as the LF after it would.
 */
function normaliseLineEnds(bytes: Uint8Array, encoding: TextEncoding): Uint8Array {
  if (!bytes.includes(0x0d)) return bytes;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte !== 0x0d) out[n++] = byte;
      else {
        out[n++] = 0x0a;
        if (bytes[i + 1] === 0x0a) i++;
      }
    }
    return out.subarray(0, n);
  }
  const unit = (i: number) => (encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  const even = bytes.length & ~1;
  for (let i = 0; i < even; i += 2) {
    if (unit(i) !== 0x0d) {
      out[n++] = bytes[i]!;
      out[n++] = bytes[i + 1]!;
      continue;
    }
    out[n++] = encoding === 'utf-16le' ? 0x0a : 0x00;
    out[n++] = encoding === 'utf-16le' ? 0x00 : 0x0a;
    if (i + 2 < even && unit(i + 2) === 0x0a) i += 2;
  }
  if (even < bytes.length) out[n++] = bytes[even]!;
  return out.subarray(0, n);
}

/**
 * UTF-8 and UTF-16 through the platform's TextDecoder; everything else through iconv-lite, because
 * Node's TextDecoder reads "windows-1252" as Latin-1 and lacks most legacy encodings. Neither
 * removes a byte-order mark here: that was done, or not, on purpose before.
 */
function decodeWhole(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
  }
  return iconvLite().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

/**
 * How many characters of `text` (decoded from `bytes`) stand for bytes that did not decode, and
 * where the first is. A U+FFFD that the file really holds is no decoding error and is not counted:
 * for UTF-8 and UTF-16 the errors are found in the bytes; of the other encodings only GB18030 can
 * hold U+FFFD, and `literal` lists where it does (ascending offsets into `text`).
 */
function findUndecodable(
  bytes: Uint8Array,
  text: string,
  encoding: TextEncoding,
  literal: readonly number[],
): UndecodableText | undefined {
  let count = 0;
  let firstOffset = -1;
  if (encoding === 'utf-8') {
    const scan = isUtf8(bytes) ? VALID_UTF8 : scanUtf8(bytes);
    count = scan.invalid;
    // Everything before the first invalid byte is whole, valid UTF-8.
    if (count > 0) firstOffset = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, scan.firstInvalid)).length;
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    ({ count, firstOffset } = scanUtf16(bytes, encoding));
  } else {
    let next = 0;
    for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) {
      while (next < literal.length && literal[next]! < at) next++;
      if (literal[next] === at) continue;
      count++;
      if (firstOffset < 0) firstOffset = at;
    }
  }
  if (count === 0) return undefined;
  let firstLine = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < firstOffset; at = text.indexOf('\n', at + 1)) firstLine++;
  const lineStart = text.lastIndexOf('\n', firstOffset - 1) + 1;
  // Columns count characters as people see them, not UTF-16 code units.
  let firstColumn = 1;
  for (let at = lineStart; at < firstOffset; at++) {
    const code = text.charCodeAt(at);
    if (code < 0xdc00 || code > 0xdfff || !(at > lineStart && isHighSurrogate(text.charCodeAt(at - 1)))) firstColumn++;
  }
  return { count, firstOffset, firstLine, firstColumn };
}

/**
 * Lone surrogates and a last odd byte: each becomes one U+FFFD. Every other code unit gives one
 * code unit of text, so a unit's index is its offset in the text.
 */
function scanUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { count: number; firstOffset: number } {
  const units = bytes.length >> 1;
  const unit = (k: number) =>
    encoding === 'utf-16le' ? bytes[2 * k]! | (bytes[2 * k + 1]! << 8) : (bytes[2 * k]! << 8) | bytes[2 * k + 1]!;
  let count = 0;
  let firstOffset = -1;
  for (let k = 0; k < units; k++) {
    const u = unit(k);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && k + 1 < units) {
      const next = unit(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        k++;
        continue;
      }
    }
    count++;
    if (firstOffset < 0) firstOffset = k;
  }
  // A last odd byte is one more error, unless a lone high surrogate comes right before it: the
  // decoder reports the two together (Encoding Standard, UTF-16 decoder at end of input).
  const last = units > 0 ? unit(units - 1) : 0;
  const endsInHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  if (bytes.length % 2 !== 0 && !endsInHighSurrogate) {
    count++;
    if (firstOffset < 0) firstOffset = units;
  }
  return { count, firstOffset };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** U+FFFD and U+FFFE in GB18030. */
const GB18030_REPLACEMENT = Buffer.from([0x84, 0x31, 0xa4, 0x37]);
const GB18030_NONCHARACTER = Buffer.from([0x84, 0x31, 0xa4, 0x38]);
/** Beyond this many U+FFFD held in a GB18030 file, they are not told apart from errors (see below). */
const MAX_GB18030_PIECES = 10_000;

/**
 * GB18030, noting which U+FFFD the file really holds. Usually each written U+FFFD (84 31 A4 37)
 * is swapped for the noncharacter U+FFFE (84 31 A4 38, the same shape of bytes, so decoded alike),
 * and swapped back after decoding. A file that holds U+FFFE too, or where a written U+FFFD is not
 * read as a whole character (it follows a lead byte), is decoded piece by piece with a
 * streaming decoder, cut just after each written U+FFFD (the streamed text is the same as in one
 * go, and the U+FFFD is the last character its piece gives); past MAX_GB18030_PIECES of them, they
 * are all counted as errors, which over-reports but never hides one.
 */
function decodeGb18030(bytes: Uint8Array): { text: string; literal: number[] } {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const literal: number[] = [];
  if (!source.includes(GB18030_REPLACEMENT)) return { text: decodeWhole(bytes, 'gb18030'), literal };
  if (!source.includes(GB18030_NONCHARACTER)) {
    const swapped = Buffer.from(source);
    let written = 0;
    for (let at = swapped.indexOf(GB18030_REPLACEMENT); at >= 0; at = swapped.indexOf(GB18030_REPLACEMENT, at + 4)) {
      GB18030_NONCHARACTER.copy(swapped, at);
      written++;
    }
    const text = decodeWhole(swapped, 'gb18030');
    for (let at = text.indexOf('\uFFFE'); at >= 0; at = text.indexOf('\uFFFE', at + 1)) literal.push(at);
    // One U+FFFE for each swap means each was read as a whole character, so nothing else changed.
    if (literal.length === written) return { text: text.replaceAll('\uFFFE', REPLACEMENT), literal };
    literal.length = 0;
  }
  const decoder = iconvLite().getDecoder('gb18030', { stripBOM: false });
  const pieces: string[] = [];
  let length = 0;
  let from = 0;
  let cuts = 0;
  for (let at = source.indexOf(GB18030_REPLACEMENT); at >= 0 && cuts++ < MAX_GB18030_PIECES; at = source.indexOf(GB18030_REPLACEMENT, from)) {
    const piece = decoder.write(source.subarray(from, at + 4));
    pieces.push(piece);
    length += piece.length;
    if (piece.endsWith(REPLACEMENT)) literal.push(length - 1);
    from = at + 4;
  }
  pieces.push(decoder.write(source.subarray(from)), decoder.end() ?? '');
  return { text: pieces.join(''), literal };
}
