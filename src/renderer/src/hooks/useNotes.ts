import { useCallback, useMemo } from 'react';
import type { Note, NoteInput } from '../../../shared/contract/notes';
import type { AppCore } from './useAppState';

/**
 * Owns the notes of the open comparison: loading them (when a comparison is shown, and again after
 * an import), writing and deleting them. The codebook, the author's name and exporting and
 * importing notes belong to the notes panel (useNotesTools).
 */

export interface NotesActions {
  /** Save a new note on any target, or a change to one (with its id); the note main kept. */
  writeNote(input: NoteInput): Promise<Note | undefined>;
  deleteNote(note: Note): Promise<void>;
  /** Load the open comparison's notes again (after an import). */
  reloadNotes(): Promise<void>;
}

export function useNotes({ dispatch, latest, call }: AppCore): {
  actions: NotesActions;
  /** Load a comparison's notes; they are shown if it is still the one on screen. */
  loadNotes(comparisonId: string): Promise<void>;
} {
  const loadNotes = useCallback(
    async (comparisonId: string) => {
      const notes = await call('notes:list', { comparisonId }, 'Your notes could not be loaded');
      if (notes) dispatch({ type: 'notesLoaded', comparisonId, notes });
    },
    [call, dispatch],
  );

  const writeNote = useCallback(
    async (input: NoteInput): Promise<Note | undefined> => {
      if (input.body.trim() === '') return undefined;
      const note = await call('notes:save', input, input.id ? 'The note could not be changed' : 'The note could not be saved');
      if (note) dispatch({ type: 'noteSaved', note });
      return note;
    },
    [call, dispatch],
  );

  const deleteNote = useCallback(
    async (note: Note) => {
      const result = await call('notes:delete', { id: note.id }, 'The note could not be deleted');
      if (result) dispatch({ type: 'noteDeleted', id: note.id });
    },
    [call, dispatch],
  );

  const reloadNotes = useCallback(async () => {
    const id = latest().open?.id;
    if (id) await loadNotes(id);
  }, [latest, loadNotes]);

  const actions = useMemo<NotesActions>(() => ({ writeNote, deleteNote, reloadNotes }), [writeNote, deleteNote, reloadNotes]);
  return { actions, loadNotes };
}
