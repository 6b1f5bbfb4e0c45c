/**
 * Text encodings a person can choose when a file was decoded wrongly. On their own, without the
 * API's schemas (api.ts re-exports them), so that reading a file needs no zod (issue 13: the
 * command line loads only what a comparison needs).
 */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'macintosh',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'gb18030',
  'big5',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
