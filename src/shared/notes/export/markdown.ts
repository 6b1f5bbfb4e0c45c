import { anchorRows, codeLabel, readingOrder, targetDescription, type ExportComparison, type NotesExport, type NoteRow } from './common.js';

/**
 * Notes as Markdown, for a student's hand-in: per comparison, each note with the words it is on,
 * the source, paragraph and group, its codes, author and dates, in reading order; notes whose
 * passage could not be found are listed last, marked as such, with the words they were written on.
 */

/** Escape what Markdown would read as markup, so a note's text shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_, space: string, marker: string) => `${space}\\${marker}`);
}

/** A quotation: every line of the text behind "> ". */
function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

function noteMarkdown(item: ExportComparison, row: NoteRow, exportCodebook: NotesExport['codebook']): string {
  const { note } = row.place;
  const lines: string[] = [];
  const anchors = anchorRows(item, row.place);
  const where = anchors.map((anchor) => `${escapeMarkdown(anchor.label)}, paragraph ${anchor.paragraphNumber}${anchor.placed ? '' : ' (as it was)'}`);
  const unique = [...new Set(where)];
  const group = row.groupNumber === undefined ? '' : ` · group ${row.groupNumber}`;
  lines.push(`### ${escapeMarkdown(targetDescription(note))}: ${unique.join('; ')}${group}`, '');
  if (row.place.status === 'orphan') lines.push('*Not found in the sources as they are now: shown with the words it was written on.*', '');
  else if (row.place.status === 'moved') lines.push('*The source changed since this note was written; the note was found again in it.*', '');
  for (const anchor of anchors) {
    if (anchors.length > 1) lines.push(`${escapeMarkdown(anchor.label)}:`, '');
    lines.push(blockquote(anchor.quote), '');
  }
  if (note.body.trim()) lines.push(escapeMarkdown(note.body.trim()), '');
  if (note.tags.length > 0) lines.push(`Codes: ${note.tags.map((tag) => escapeMarkdown(codeLabel(exportCodebook, tag))).join(', ')}`, '');
  const by = note.author ? `${escapeMarkdown(note.author)}, ` : '';
  const edited = note.updated && note.updated !== note.created ? `, edited ${note.updated}` : '';
  lines.push(`— ${by}written ${note.created}${edited}`, '');
  return lines.join('\n');
}

export function notesToMarkdown(input: NotesExport): string {
  const out: string[] = ['# Notes', ''];
  if (input.exported) out.push(`Exported from Parallax on ${input.exported}.`, '');
  for (const item of input.comparisons) {
    const rows = readingOrder(item);
    out.push(`## ${escapeMarkdown(item.title || 'Comparison')}`, '');
    const documents = item.comparison?.documents ?? [];
    const sources = documents.length > 0 ? documents.map((doc) => ({ label: doc.label, path: doc.path })) : (item.sources ?? []);
    if (sources.length > 0) {
      out.push('Sources:', '');
      for (const source of sources) out.push(`- ${escapeMarkdown(source.label)} (${escapeMarkdown(source.path)})`);
      out.push('');
    }
    if (rows.length === 0) out.push('No notes.', '');
    const sections: [NoteRow['section'], string][] = [
      ['passage', 'Notes on passages'],
      ['group', 'Notes on groups and differences'],
      ['orphan', 'Notes not found in the sources as they are now'],
    ];
    for (const [section, heading] of sections) {
      const inSection = rows.filter((row) => row.section === section);
      if (inSection.length === 0) continue;
      out.push(`## ${heading}`, '');
      for (const row of inSection) out.push(noteMarkdown(item, row, input.codebook));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
