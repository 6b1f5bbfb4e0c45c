import { useState } from 'react';
import type { Comparison } from '../../../shared/contract/comparison';
import type { Note } from '../../../shared/contract/notes';
import type { NotePlace } from '../lib/notePlaces';
import { describeWhere, quoteOf } from '../lib/noteWords';
import { useSourceLabel } from '../lib/sourceLabel';
import { NoteBody } from './NoteBody';
import { NoteEditor } from './NoteEditor';
import type { TagCode } from './TagPicker';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export interface NoteCardProps {
  readonly place: NotePlace;
  readonly comparison: Comparison;
  readonly codes: readonly TagCode[];
  readonly onAddCode?: (label: string) => Promise<string | undefined>;
  /** Show the words the note is on (in the list of all notes; not under the paragraph itself). */
  readonly showQuote: boolean;
  readonly onGoTo?: (place: NotePlace) => void;
  readonly onSave: (note: Note, body: string, tags: string[]) => Promise<boolean>;
  readonly onDelete: (note: Note) => void;
  /** Whether this is the note just opened from the text: it is outlined and scrolled into view. */
  readonly current?: boolean;
}

/**
 * One note: what it is on, its body with its formatting, its tags, who wrote it and when; and
 * going to it, editing and deleting it. A note re-attached or not found says so, with its quote.
 */
export function NoteCard({ place, comparison, codes, onAddCode, showQuote, onGoTo, onSave, onDelete, current }: NoteCardProps) {
  const { note, status } = place;
  const labels = useSourceLabel();
  const [editing, setEditing] = useState(false);
  const edited = note.updated !== note.created;
  return (
    <li
      className={`note note--${note.target.kind}${status !== 'placed' ? ` note--${status}` : ''}${current ? ' note--current' : ''}`}
      data-note={note.id}
      ref={(element) => {
        if (current && element) element.scrollIntoView({ block: 'nearest' });
      }}
    >
      <p className="note__where">{describeWhere(place, comparison, labels)}</p>
      {status === 'moved' && <p className="note__status">Re-attached after the source changed.</p>}
      {status === 'orphan' && <p className="note__status note__status--orphan">Not found in the sources as they are now. Kept, with the words it was written on:</p>}
      {(showQuote || status === 'orphan') && <blockquote className="note__quote">{quoteOf(note)}</blockquote>}
      {note.target.kind === 'difference' && note.target.summary && <p className="note__summary">{labels.scrub(note.target.summary)}</p>}
      {editing ? (
        <NoteEditor
          label="Edit note"
          initialBody={note.body}
          initialTags={note.tags}
          codes={codes}
          onAddCode={onAddCode}
          saveLabel="Save changes"
          onCancel={() => setEditing(false)}
          onSave={async (body, tags) => {
            const saved = await onSave(note, body, tags);
            if (saved) setEditing(false);
            return saved;
          }}
        />
      ) : (
        <>
          <NoteBody body={note.body} />
          {note.tags.length > 0 && (
            <ul className="note__tags" aria-label="Tags">
              {note.tags.map((tag) => (
                <li key={tag} className="tag">
                  {codes.find((code) => code.name === tag)?.label ?? tag}
                </li>
              ))}
            </ul>
          )}
          <div className="note__meta">
            <span>
              {note.author ? `${note.author} · ` : ''}
              <time dateTime={note.created}>{formatWhen(note.created)}</time>
              {edited && (
                <>
                  {' · edited '}
                  <time dateTime={note.updated}>{formatWhen(note.updated)}</time>
                </>
              )}
            </span>
            <span className="note__actions">
              {onGoTo && status !== 'orphan' && (
                <button type="button" className="button button--quiet button--small" onClick={() => onGoTo(place)}>
                  Go to<span className="visually-hidden"> what this note is on</span>
                </button>
              )}
              <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
                Edit<span className="visually-hidden"> this note</span>
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => onDelete(note)}>
                Delete<span className="visually-hidden"> this note</span>
              </button>
            </span>
          </div>
        </>
      )}
    </li>
  );
}
