export { anchorRows, placesOf, readingOrder, type ExportComparison, type ExportSource, type NoteRow, type NotesExport } from './common.js';
export { CSV_COLUMNS, csvField, neutraliseFormula, notesToCsv } from './csv.js';
export { mergeNotes, NOTES_FORMAT, notesToJson, type NotesFile, type NotesMerge } from './json.js';
export { ANNOTATION_CONTEXT, notesToJsonLd, sourceUrl } from './jsonld.js';
export { escapeMarkdown, notesToMarkdown } from './markdown.js';
export { comparisonReport, escapeHtml } from './report.js';
