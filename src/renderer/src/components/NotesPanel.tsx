import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ParagraphKind } from '../../../shared/contract/comparison';
import { targetAnchors, type Note } from '../../../shared/contract/notes';

export interface NotesPanelProps {
  /** The outlet or short name of the selected paragraph's source. */
  readonly sourceLabel: string;
  /** 1-based position of the paragraph in its source. */
  readonly paragraphNumber: number;
  readonly quote: string;
  /** The badge number of the paragraph's group, if other sources report the same thing. */
  readonly groupNumber?: number;
  /** The same passage in the other sources, to go to. */
  readonly alsoIn: readonly { readonly key: string; readonly sourceLabel: string; readonly paragraphNumber: number }[];
  readonly onGoTo: (key: string) => void;
  readonly notes: readonly Note[];
  readonly onSave: (body: string) => Promise<boolean>;
  readonly onDelete: (note: Note) => void;
  readonly onClose: () => void;
  /** What Parallax (or the person) says the paragraph is. */
  readonly kind: ParagraphKind;
  /** The person's own mark on the paragraph, if any. */
  readonly markedByYou?: 'body' | 'boilerplate' | undefined;
  /** Mark the paragraph as article text or junk; null takes the person's mark away. */
  readonly onMark: (kind: 'body' | 'boilerplate' | null) => void;
  /** The hash of the source's text now, to tell notes written on an earlier version. */
  readonly sourceHash: string;
  /**
   * How this passage differs between this source and the others, as the word sets classify it
   * (attribution, loaded terms, hedges, labels…): a kind in words and the difference's note.
   */
  readonly framing?: readonly { readonly kind: string; readonly note: string }[];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** The notes on the selected paragraph, and a box to write a new one. */
export function NotesPanel(props: NotesPanelProps) {
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const headingId = useId();

  const save = async () => {
    if (saving || draft.trim() === '') return;
    setSaving(true);
    const saved = await props.onSave(draft);
    setSaving(false);
    if (saved) setDraft('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <aside className="notes" aria-labelledby={headingId}>
      <header className="notes__head">
        <h2 id={headingId} className="notes__title">
          Notes
        </h2>
        <button type="button" className="button button--quiet notes__close" onClick={props.onClose} aria-label="Close notes">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <figure className="notes__context">
        <figcaption className="notes__where">
          {props.sourceLabel} · paragraph {props.paragraphNumber}
          {props.groupNumber !== undefined ? ` · passage ${props.groupNumber}` : ''}
        </figcaption>
        <blockquote className="notes__quote">{props.quote}</blockquote>
      </figure>

      <div className="notes__kind">
        {props.markedByYou ? (
          <>
            <p className="notes__kind-text">
              You marked this paragraph as {props.markedByYou === 'boilerplate' ? 'not article text' : 'article text'}.
            </p>
            <button type="button" className="button button--small" onClick={() => props.onMark(null)}>
              Undo
            </button>
          </>
        ) : props.kind === 'boilerplate' || props.kind === 'caption' ? (
          <button type="button" className="button button--small" onClick={() => props.onMark('body')}>
            Mark as article text
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => props.onMark('boilerplate')}>
            Mark as not article text
          </button>
        )}
      </div>

      {props.alsoIn.length > 0 ? (
        <nav className="notes__also" aria-label="The same passage in other sources">
          <p className="notes__also-title">Also reported by</p>
          <ul className="notes__also-list">
            {props.alsoIn.map((other) => (
              <li key={other.key}>
                <button type="button" className="chip" onClick={() => props.onGoTo(other.key)}>
                  {other.sourceLabel}
                  <span className="chip__detail"> · paragraph {other.paragraphNumber}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="notes__also-none">No other source reports this paragraph.</p>
      )}

      {props.framing && props.framing.length > 0 && (
        <section className="notes__framing" aria-label="How the sources differ here">
          <p className="notes__also-title">How the sources differ here</p>
          <ul className="notes__framing-list">
            {props.framing.map((difference, i) => (
              <li key={i} className="framing-note">
                <span className="framing-note__kind">{difference.kind}</span> {difference.note}
              </li>
            ))}
          </ul>
        </section>
      )}

      {props.notes.length === 0 ? (
        <p className="notes__empty">No notes on this paragraph yet.</p>
      ) : (
        <ol className="notes__list" aria-label="Notes on this paragraph">
          {props.notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note__body">{note.body}</p>
              {targetAnchors(note.target).map((anchor) =>
                anchor.sourceHash !== props.sourceHash ? (
                  <p key={anchor.source} className="note__earlier">
                    Written on an earlier version of this source: “{anchor.quote.exact.slice(0, 140)}
                    {anchor.quote.exact.length > 140 ? '…' : ''}”
                  </p>
                ) : null,
              )[0]}
              <div className="note__meta">
                <span>
                  {note.author ? `${note.author} · ` : ''}
                  <time dateTime={note.updated}>{formatWhen(note.updated)}</time>
                </span>
                <button type="button" className="button button--quiet button--small" onClick={() => props.onDelete(note)}>
                  Delete<span className="visually-hidden"> this note</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}

      <form className="notes__form" onSubmit={onSubmit}>
        <label htmlFor={fieldId} className="notes__label">
          Add a note
        </label>
        <textarea
          id={fieldId}
          className="notes__field"
          value={draft}
          rows={5}
          aria-describedby={hintId}
          placeholder="What do you notice about this paragraph?"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="notes__actions">
          <span id={hintId} className="notes__hint">
            Ctrl+Enter to save
          </span>
          <button type="submit" className="button button--primary" disabled={saving || draft.trim() === ''}>
            {saving ? 'Saving…' : 'Save note'}
          </button>
        </div>
      </form>
    </aside>
  );
}
