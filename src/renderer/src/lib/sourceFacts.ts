import type { TextEncoding } from '../../../shared/contract/api';
import type { SourceFormat, SourceMetadata } from '../../../shared/contract/comparison';

/** The encodings a person can choose, by the names text editors and browsers give them. */
export const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'Unicode (UTF-8)',
  'utf-16le': 'Unicode (UTF-16, little-endian)',
  'utf-16be': 'Unicode (UTF-16, big-endian)',
  'windows-1252': 'Western European (Windows-1252)',
  'iso-8859-1': 'Western European (ISO 8859-1, Latin-1)',
  'iso-8859-15': 'Western European with euro (ISO 8859-15)',
  macintosh: 'Western European (Mac OS Roman)',
  'windows-1250': 'Central European (Windows-1250)',
  'iso-8859-2': 'Central European (ISO 8859-2)',
  'windows-1251': 'Cyrillic (Windows-1251)',
  'koi8-r': 'Cyrillic (KOI8-R)',
  shift_jis: 'Japanese (Shift JIS)',
  'euc-jp': 'Japanese (EUC-JP)',
  'euc-kr': 'Korean (EUC-KR)',
  gb18030: 'Chinese, simplified (GB18030)',
  big5: 'Chinese, traditional (Big5)',
};

/** The encodings in the order a person looks for them: Unicode, then by region. */
export const ENCODING_CHOICES = Object.keys(ENCODING_NAMES) as TextEncoding[];

/** A person's name for an encoding as Parallax reports it ("windows-1252" → "Western European (Windows-1252)"). */
export function encodingName(encoding: string | undefined): string {
  if (!encoding) return 'unknown';
  const known = ENCODING_NAMES[encoding.toLowerCase() as TextEncoding];
  return known ?? encoding.toUpperCase();
}

/** The short name used in sentences: "UTF-8", "Windows-1252". */
export function encodingShortName(encoding: string | undefined): string {
  const name = encodingName(encoding);
  const inBrackets = /\(([^)]+)\)$/.exec(name)?.[1];
  return inBrackets ? inBrackets.replace(/, .*$/, '') : name;
}

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'Web page (HTML)',
  docx: 'Word document',
  pdf: 'PDF',
};

export function formatName(format: SourceFormat | undefined): string {
  return format ? FORMAT_NAMES[format] : 'Plain text';
}

/** Whether the person can choose how the file's bytes are read (text formats only). */
export function hasEncodingChoice(metadata: SourceMetadata | undefined): boolean {
  return !metadata || metadata.format === 'text' || metadata.format === 'markdown' || metadata.format === 'html' || metadata.encoding !== undefined;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** A publication date as a person reads it; the page's own words when it is not a date. */
export function formatPublished(published: string | undefined): string | undefined {
  const raw = published?.trim();
  if (!raw) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? raw : dateFormat.format(date);
}

/** "12 characters could not be read as UTF-8, first on line 3, column 9." */
export function undecodableSentence(metadata: SourceMetadata): string | undefined {
  const bad = metadata.undecodable;
  if (!bad || bad.count <= 0) return undefined;
  const what = bad.count === 1 ? '1 character' : `${bad.count.toLocaleString()} characters`;
  const where = bad.count === 1 ? `on line ${bad.firstLine}, column ${bad.firstColumn}` : `first on line ${bad.firstLine}, column ${bad.firstColumn}`;
  return `${what} could not be read as ${encodingShortName(metadata.encoding ?? 'utf-8')}, ${where}.`;
}
