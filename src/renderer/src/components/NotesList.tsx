import { useId, useMemo, useState } from 'react';
import type { Comparison } from '../../../shared/contract/comparison';
import { targetAnchors, type Note, type NoteTargetKind } from '../../../shared/contract/notes';
import type { NotePlace } from '../lib/notePlaces';
import { searchableText, TARGET_KIND_NAMES } from '../lib/noteWords';
import { useSourceLabel } from '../lib/sourceLabel';
import { NoteCard } from './NoteCard';
import type { TagCode } from './TagPicker';

export interface NotesListProps {
  /** Every note of the comparison, in reading order. */
  readonly places: readonly NotePlace[];
  readonly comparison: Comparison;
  readonly codes: readonly TagCode[];
  readonly onAddCode?: (label: string) => Promise<string | undefined>;
  readonly onGoTo: (place: NotePlace) => void;
  readonly onSave: (note: Note, body: string, tags: string[]) => Promise<boolean>;
  readonly onDelete: (note: Note) => void;
  readonly currentNote?: string | null;
}

const ALL = '';

/** Every note of the comparison, filtered by tag, source and kind of target, and searched. */
export function NotesList(props: NotesListProps) {
  const { places, comparison } = props;
  const labels = useSourceLabel();
  const [tag, setTag] = useState(ALL);
  const [source, setSource] = useState(ALL);
  const [kind, setKind] = useState<NoteTargetKind | typeof ALL>(ALL);
  const [search, setSearch] = useState('');
  const ids = { tag: useId(), source: useId(), kind: useId(), search: useId(), count: useId() };

  const tags = useMemo(() => [...new Set(places.flatMap((place) => place.note.tags))].sort((a, b) => a.localeCompare(b)), [places]);
  const shown = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return places.filter((place) => {
      const note = place.note;
      if (tag !== ALL && !note.tags.includes(tag)) return false;
      if (kind !== ALL && note.target.kind !== kind) return false;
      if (source !== ALL && !targetAnchors(note.target).some((anchor) => anchor.source === source)) return false;
      if (words.length > 0) {
        const text = searchableText(note);
        if (!words.every((word) => text.includes(word))) return false;
      }
      return true;
    });
  }, [kind, places, search, source, tag]);
  const filtered = tag !== ALL || source !== ALL || kind !== ALL || search.trim() !== '';

  return (
    <section className="notes-list" aria-label="All notes">
      <div className="notes-list__filters" role="search" aria-label="Find notes">
        <div className="notes-list__filter notes-list__filter--wide">
          <label htmlFor={ids.search}>Search</label>
          <input id={ids.search} className="input" type="search" value={search} placeholder="Words in a note or its quote" onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="notes-list__filter">
          <label htmlFor={ids.tag}>Tag</label>
          <select id={ids.tag} className="select" value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value={ALL}>All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {props.codes.find((code) => code.name === t)?.label ?? t}
              </option>
            ))}
          </select>
        </div>
        <div className="notes-list__filter">
          <label htmlFor={ids.source}>Source</label>
          <select id={ids.source} className="select" value={source} onChange={(event) => setSource(event.target.value)}>
            <option value={ALL}>All sources</option>
            {comparison.documents.map((doc, i) => (
              <option key={doc.path} value={doc.path}>
                {labels.label(i)}
              </option>
            ))}
          </select>
        </div>
        <div className="notes-list__filter">
          <label htmlFor={ids.kind}>On</label>
          <select id={ids.kind} className="select" value={kind} onChange={(event) => setKind(event.target.value as NoteTargetKind | typeof ALL)}>
            <option value={ALL}>Anything</option>
            {(Object.keys(TARGET_KIND_NAMES) as NoteTargetKind[]).map((k) => (
              <option key={k} value={k}>
                {TARGET_KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={ids.count} className="notes-list__count" aria-live="polite">
        {places.length === 0
          ? 'No notes on this comparison yet. Select a paragraph or some words to write one.'
          : filtered
            ? `${shown.length} of ${places.length} notes`
            : `${places.length} ${places.length === 1 ? 'note' : 'notes'}, in reading order`}
      </p>
      {filtered && shown.length === 0 && places.length > 0 && (
        <p className="notes__empty">
          No note matches.{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setTag(ALL);
              setSource(ALL);
              setKind(ALL);
              setSearch('');
            }}
          >
            Show all notes
          </button>
        </p>
      )}
      {shown.length > 0 && (
        <ol className="notes__list" aria-label="Notes of this comparison" aria-describedby={ids.count}>
          {shown.map((place) => (
            <NoteCard
              key={place.note.id}
              place={place}
              comparison={comparison}
              codes={props.codes}
              onAddCode={props.onAddCode}
              showQuote
              onGoTo={props.onGoTo}
              onSave={props.onSave}
              onDelete={props.onDelete}
              current={props.currentNote === place.note.id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
