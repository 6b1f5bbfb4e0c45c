import { z } from 'zod';
import { codebookSchema } from '../../contract/codebook.js';
import { noteSchema, type Note } from '../../contract/notes.js';
import { placesOf, type NotesExport } from './common.js';

/**
 * Everything as JSON (`parallax.notes/1`): the notes as the store keeps them, the comparisons they
 * belong to with their sources, where each note stands now, and the codebook. Importing reads the
 * same shape (`mergeNotes`); `places` is for other tools and is ignored on import.
 */

export const NOTES_FORMAT = 'parallax.notes/1' as const;

export interface NotesFile {
  readonly format: typeof NOTES_FORMAT;
  readonly exported: string;
  readonly comparisons: readonly {
    readonly id: string;
    readonly title: string;
    readonly sources: readonly { readonly path: string; readonly label: string; readonly hash?: string; readonly title?: string }[];
  }[];
  readonly notes: readonly Note[];
  /** Per note: where it stands on its comparison now. */
  readonly places: readonly {
    readonly note: string;
    readonly status: 'placed' | 'moved' | 'orphan';
    readonly anchors: readonly ({ readonly source: string; readonly paragraph: number; readonly start: number; readonly end: number } | null)[];
  }[];
  readonly codebook: z.infer<typeof codebookSchema> | null;
}

export function notesToJson(input: NotesExport): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    exported: input.exported ?? new Date().toISOString(),
    comparisons: input.comparisons.map((item) => ({
      id: item.id,
      title: item.title,
      sources: item.comparison
        ? item.comparison.documents.map((doc) => ({ path: doc.path, label: doc.label, hash: doc.hash, title: doc.title }))
        : (item.sources ?? []).map((source) => ({ path: source.path, label: source.label })),
    })),
    notes: input.comparisons.flatMap((item) => item.notes),
    places: input.comparisons.flatMap((item) =>
      placesOf(item).map((place) => ({
        note: place.note.id,
        status: place.status,
        anchors: place.anchors.map((anchor) =>
          anchor ? { source: item.comparison?.documents[anchor.doc]?.path ?? '', paragraph: anchor.paragraph, start: anchor.start, end: anchor.end } : null,
        ),
      })),
    ),
    codebook: input.codebook ?? null,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The result of merging imported notes into the store's. */
export interface NotesMerge {
  /** Every note after the merge: the existing ones (some replaced by newer versions) then the added ones. */
  readonly notes: Note[];
  readonly added: number;
  readonly updated: number;
  readonly skipped: number;
  /** Imported entries that could not be taken, in words; the rest are merged. */
  readonly problems: string[];
}

/** Milliseconds of an ISO time, or NaN. */
const timeOf = (iso: string): number => Date.parse(iso);

/** Whether `a` was updated after `b` (by time when both parse, else by text). */
function isNewer(a: Note, b: Note): boolean {
  const ta = timeOf(a.updated);
  const tb = timeOf(b.updated);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a.updated > b.updated : ta > tb;
}

/** JSON with object keys sorted, so two equal values give the same text whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Same comparison, same passage, same words: the same note, whatever its id. */
const sameContent = (a: Note, b: Note): boolean => a.comparisonId === b.comparisonId && a.body === b.body && canonical(a.target) === canonical(b.target);

/** The notes of an imported value: a `parallax.notes/1` file or a bare list of notes. */
function importedEntries(imported: unknown): { entries: unknown[] } | { problem: string } {
  if (Array.isArray(imported)) return { entries: imported };
  if (typeof imported !== 'object' || imported === null) return { problem: `This is not a Parallax notes file: expected an object with "format": "${NOTES_FORMAT}".` };
  const file = imported as { format?: unknown; notes?: unknown };
  if (file.format !== NOTES_FORMAT) {
    return { problem: typeof file.format === 'string' ? `This file's format is "${file.format}", not "${NOTES_FORMAT}": it cannot be imported as notes.` : `This is not a Parallax notes file: "format" should be "${NOTES_FORMAT}".` };
  }
  if (!Array.isArray(file.notes)) return { problem: 'This notes file has no list of "notes".' };
  return { entries: file.notes };
}

/** One problem of an imported note, for people: "note 3 (ab12): body: …". */
function describe(index: number, entry: unknown, error: z.ZodError): string {
  const raw = (entry as { id?: unknown } | null)?.id;
  const id = typeof raw === 'string' && raw.trim() ? ` (${raw.slice(0, 64)})` : '';
  const issue = error.issues[0];
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `note ${index + 1}${id}: ${issue ? `${issue.path.join('.') || 'the note'}: ${issue.message}` : 'it does not fit the notes format'}${more}`;
}

/**
 * Merge imported notes into `existing`, never twice: a note with an id already there replaces it
 * only when newer (`updated`); a note with a new id but the same comparison, target and text as
 * one there is skipped; the rest are added. Each entry is checked on its own, so one bad note does
 * not sink the others; its problem is reported and it is left out.
 */
export function mergeNotes(existing: readonly Note[], imported: unknown): NotesMerge {
  const found = importedEntries(imported);
  if ('problem' in found) return { notes: [...existing], added: 0, updated: 0, skipped: 0, problems: [found.problem] };
  const notes = [...existing];
  const byId = new Map(notes.map((note, index) => [note.id, index]));
  let added = 0;
  let updated = 0;
  let skipped = 0;
  const problems: string[] = [];
  found.entries.forEach((entry, index) => {
    const parsed = noteSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(describe(index, entry, parsed.error));
      return;
    }
    const note = parsed.data;
    const at = byId.get(note.id);
    if (at !== undefined) {
      if (isNewer(note, notes[at]!)) {
        notes[at] = note;
        updated++;
      } else skipped++;
      return;
    }
    if (notes.some((other) => sameContent(other, note))) {
      skipped++;
      return;
    }
    byId.set(note.id, notes.length);
    notes.push(note);
    added++;
  });
  return { notes, added, updated, skipped, problems };
}
