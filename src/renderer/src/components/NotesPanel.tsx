import { useId, type ReactNode, type Ref } from 'react';
import type { Comparison, ParagraphKind } from '../../../shared/contract/comparison';
import type { Note } from '../../../shared/contract/notes';
import type { NotePlace } from '../lib/notePlaces';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import type { TagCode } from './TagPicker';

export { formatWhen } from './NoteCard';

/** The selected paragraph, as the panel shows it. */
export interface SelectedParagraphInfo {
  readonly key: string;
  /** The outlet or short name of the selected paragraph's source. */
  readonly sourceLabel: string;
  /** 1-based position of the paragraph in its source. */
  readonly paragraphNumber: number;
  readonly quote: string;
  /** The badge number of the paragraph's group, if other sources report the same thing. */
  readonly groupNumber?: number;
  readonly groupSources?: number;
  /** The same passage in the other sources, to go to. */
  readonly alsoIn: readonly { readonly key: string; readonly sourceLabel: string; readonly paragraphNumber: number }[];
  /** What Parallax (or the person) says the paragraph is. */
  readonly kind: ParagraphKind;
  /** The person's own mark on the paragraph, if any. */
  readonly markedByYou?: 'body' | 'boilerplate' | undefined;
  /**
   * How this passage differs between this source and the others, as the word sets classify it: a
   * kind in words, the difference in words, and its index in the comparison (to write a note on it).
   */
  readonly framing: readonly { readonly kind: string; readonly description: string; readonly difference: number }[];
  /** Notes on this paragraph: on it, on words in it, on its group or on a difference in it. */
  readonly notes: readonly NotePlace[];
}

export interface NotesPanelProps {
  readonly comparison: Comparison;
  readonly tab: 'here' | 'all';
  readonly onTab: (tab: 'here' | 'all') => void;
  readonly selected: SelectedParagraphInfo | null;
  /** The list of every note (the "All notes" tab), built by the container. */
  readonly allNotes: ReactNode;
  readonly noteCount: number;
  /** What a new note will be on when it is not the whole paragraph ("the words “…”"), and going back. */
  readonly draftOn: string | null;
  readonly onDraftParagraph: () => void;
  readonly onNoteOnGroup: () => void;
  readonly onNoteOnDifference: (difference: number) => void;
  readonly onGoTo: (key: string) => void;
  readonly onSaveNew: (body: string, tags: string[]) => Promise<boolean>;
  readonly onSave: (note: Note, body: string, tags: string[]) => Promise<boolean>;
  readonly onDelete: (note: Note) => void;
  readonly onClose: () => void;
  /** Mark the paragraph as article text or junk; null takes the person's mark away. */
  readonly onMark: (kind: 'body' | 'boilerplate' | null) => void;
  readonly codes: readonly TagCode[];
  readonly onAddCode?: (label: string) => Promise<string | undefined>;
  readonly fieldRef?: Ref<HTMLTextAreaElement>;
  readonly currentNote?: string | null;
  /** Export and import, and anything else the container puts in the head. */
  readonly tools?: ReactNode;
}

/**
 * The notes panel: the selected paragraph with its notes and a box to write one (on the paragraph,
 * words in it, its group or one of its differences), and every note of the comparison.
 */
export function NotesPanel(props: NotesPanelProps) {
  const headingId = useId();
  const { selected } = props;
  const tab = selected ? props.tab : 'all';

  return (
    <aside className="notes" aria-labelledby={headingId}>
      <header className="notes__head">
        <h2 id={headingId} className="notes__title">
          Notes
        </h2>
        {props.tools}
        <button type="button" className="button button--quiet notes__close" onClick={props.onClose} aria-label="Close notes">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="notes__tabs" role="group" aria-label="Show">
        <button type="button" className="notes__tab" aria-pressed={tab === 'here'} disabled={!selected} onClick={() => props.onTab('here')}>
          This paragraph
        </button>
        <button type="button" className="notes__tab" aria-pressed={tab === 'all'} onClick={() => props.onTab('all')}>
          All notes <span className="notes__tab-count">{props.noteCount}</span>
        </button>
      </div>

      {tab === 'all' || !selected ? (
        props.allNotes
      ) : (
        <>
          <figure className="notes__context">
            <figcaption className="notes__where">
              {selected.sourceLabel} · paragraph {selected.paragraphNumber}
              {selected.groupNumber !== undefined ? ` · passage ${selected.groupNumber}` : ''}
            </figcaption>
            <blockquote className="notes__quote">{selected.quote}</blockquote>
          </figure>

          <div className="notes__kind">
            {selected.markedByYou ? (
              <>
                <p className="notes__kind-text">
                  You marked this paragraph as {selected.markedByYou === 'boilerplate' ? 'not article text' : 'article text'}.
                </p>
                <button type="button" className="button button--small" onClick={() => props.onMark(null)}>
                  Undo
                </button>
              </>
            ) : selected.kind === 'boilerplate' || selected.kind === 'caption' ? (
              <button type="button" className="button button--small" onClick={() => props.onMark('body')}>
                Mark as article text
              </button>
            ) : (
              <button type="button" className="button button--small" onClick={() => props.onMark('boilerplate')}>
                Mark as not article text
              </button>
            )}
          </div>

          {selected.alsoIn.length > 0 ? (
            <nav className="notes__also" aria-label="The same passage in other sources">
              <p className="notes__also-title">Also reported by</p>
              <ul className="notes__also-list">
                {selected.alsoIn.map((other) => (
                  <li key={other.key}>
                    <button type="button" className="chip" onClick={() => props.onGoTo(other.key)}>
                      {other.sourceLabel}
                      <span className="chip__detail"> · paragraph {other.paragraphNumber}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--small notes__group-note" onClick={props.onNoteOnGroup}>
                Note on this group
                <span className="visually-hidden">
                  {' '}
                  (passage {selected.groupNumber}, {selected.groupSources} sources)
                </span>
              </button>
            </nav>
          ) : (
            <p className="notes__also-none">No other source reports this paragraph.</p>
          )}

          {selected.framing.length > 0 && (
            <section className="notes__framing" aria-label="How the sources differ here">
              <p className="notes__also-title">How the sources differ here</p>
              <ul className="notes__framing-list">
                {selected.framing.map((difference) => (
                  <li key={difference.difference} className="framing-note">
                    <span>
                      <span className="framing-note__kind">{difference.kind}</span> {difference.description}
                    </span>
                    <button type="button" className="button button--quiet button--small framing-note__add" onClick={() => props.onNoteOnDifference(difference.difference)}>
                      Add note<span className="visually-hidden"> on this difference: {difference.kind}, {difference.description}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {selected.notes.length === 0 ? (
            <p className="notes__empty">No notes on this paragraph yet.</p>
          ) : (
            <ol className="notes__list" aria-label="Notes on this paragraph">
              {selected.notes.map((place) => (
                <NoteCard
                  key={place.note.id}
                  place={place}
                  comparison={props.comparison}
                  codes={props.codes}
                  onAddCode={props.onAddCode}
                  showQuote={place.note.target.kind !== 'paragraph'}
                  onSave={props.onSave}
                  onDelete={props.onDelete}
                  current={props.currentNote === place.note.id}
                />
              ))}
            </ol>
          )}

          <div className="notes__compose">
            {props.draftOn && (
              <div className="notes__draft-on">
                <p>
                  On {props.draftOn}
                </p>
                <button type="button" className="button button--quiet button--small" onClick={props.onDraftParagraph}>
                  Write on the whole paragraph instead
                </button>
              </div>
            )}
            <NoteEditor
              label="Add a note"
              placeholder={props.draftOn ? 'What do you notice here?' : 'What do you notice about this paragraph?'}
              codes={props.codes}
              onAddCode={props.onAddCode}
              onSave={props.onSaveNew}
              fieldRef={props.fieldRef}
            />
          </div>
        </>
      )}
    </aside>
  );
}
