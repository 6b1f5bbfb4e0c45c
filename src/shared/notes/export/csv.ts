import { anchorRows, readingOrder, type NotesExport } from './common.js';

/**
 * Notes as CSV for researchers: one row per coded segment (one row per anchor of a note).
 *
 * - RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF.
 * - UTF-8 with a byte-order mark, so Excel reads the text as UTF-8. R reads it with
 *   `read.csv(file, fileEncoding = "UTF-8-BOM")`; pandas with `encoding="utf-8-sig"`.
 * - A text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so
 *   a spreadsheet shows it as text instead of running it as a formula (OWASP's advice on CSV
 *   injection). Numbers are never changed.
 * - `paragraph` is 1-based, as the app shows it; `start` and `end` are UTF-16 offsets (end
 *   exclusive) into the source's text as it is now, or as saved when the note is an orphan.
 * - `quote` is the text the segment stands on now (the saved words for an orphan).
 */

export const CSV_COLUMNS = [
  'comparison',
  'source_label',
  'file',
  'paragraph',
  'start',
  'end',
  'quote',
  'codes',
  'note',
  'author',
  'created',
  'updated',
  'note_id',
  'target',
  'status',
  'comparison_title',
] as const;

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function notesToCsv(input: NotesExport): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const item of input.comparisons) {
    for (const row of readingOrder(item)) {
      const { note } = row.place;
      for (const anchor of anchorRows(item, row.place)) {
        const cells: (string | number)[] = [
          item.id,
          anchor.label,
          anchor.saved.source,
          anchor.paragraphNumber,
          anchor.start,
          anchor.end,
          anchor.quote,
          note.tags.join(';'),
          note.body,
          note.author,
          note.created,
          note.updated,
          note.id,
          note.target.kind,
          anchor.placed ? (anchor.placed.how === 'exact' ? 'placed' : 'moved') : 'orphan',
          item.title,
        ];
        lines.push(cells.map(csvField).join(','));
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
