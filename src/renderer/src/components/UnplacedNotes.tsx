import type { Comparison } from '../../../shared/contract/comparison';
import { targetAnchors, type Note } from '../../../shared/contract/notes';
import { formatWhen } from './NoteCard';
import { useSourceLabel } from '../lib/sourceLabel';

export interface UnplacedNotesProps {
  readonly notes: readonly Note[];
  readonly comparison: Comparison;
  readonly onDelete: (note: Note) => void;
}

/**
 * Notes whose passage could not be found in the sources as they are now (the file changed, or is
 * not open). They are kept and listed here, with the words they were written on, never put on the
 * wrong paragraph.
 */
export function UnplacedNotes({ notes, onDelete }: UnplacedNotesProps) {
  const labels = useSourceLabel();
  const labelOf = (path: string): string => labels.labelForPath(path);
  return (
    <details className="unplaced">
      <summary className="unplaced__summary">
        {notes.length === 1 ? '1 note is' : `${notes.length} notes are`} on text that has changed or is not open. They are kept: show{' '}
        {notes.length === 1 ? 'it' : 'them'}
      </summary>
      <ol className="unplaced__list" aria-label="Notes not placed on the text">
        {notes.map((note) => (
          <li key={note.id} className="note unplaced__note">
            <p className="unplaced__where">
              {labelOf(targetAnchors(note.target)[0]?.source ?? '')} · paragraph {(targetAnchors(note.target)[0]?.paragraph ?? 0) + 1}, as it was
            </p>
            <blockquote className="unplaced__quote">{targetAnchors(note.target)[0]?.quote.exact}</blockquote>
            <p className="note__body">{note.body}</p>
            <div className="note__meta">
              <span>
                {note.author ? `${note.author} · ` : ''}
                <time dateTime={note.updated}>{formatWhen(note.updated)}</time>
              </span>
              <button type="button" className="button button--quiet button--small" onClick={() => onDelete(note)}>
                Delete<span className="visually-hidden"> this note</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
