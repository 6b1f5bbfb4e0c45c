import { useCallback, useMemo, useRef, useState } from 'react';
import type { SourceChoices } from '../../../shared/contract/api';
import type { Comparison } from '../../../shared/contract/comparison';
import { isMarkedInText } from '../../../shared/core/counts';
import type { Note, NoteInput, NoteTarget } from '../../../shared/contract/notes';
import { useNoteHighlights } from '../hooks/useNoteHighlights';
import type { ComparisonIndex, ParagraphRef } from '../lib/comparisonIndex';
import { DIFFERENCE_KIND_NAMES } from '../lib/differenceKinds';
import type { NotePlace, PlacedAnchor } from '../lib/notePlaces';
import { useSourceLabel } from '../lib/sourceLabel';
import { differenceTarget, groupTarget, paragraphTarget, passageTarget } from '../../../shared/notes/targets';
import { NotesList } from './NotesList';
import { NotesPanel, type SelectedParagraphInfo } from './NotesPanel';
import { PassageNoteButton, type SelectedPassage } from './PassageNoteButton';
import { useNotesTools } from '../hooks/useNotesTools';
import type { ParallaxActions } from '../hooks/useParallax';
import { CodebookDialog, NotesTools, SettingsDialog } from './NotesTools';

export interface NotesAreaProps {
  readonly comparisonId: string;
  readonly comparison: Comparison;
  readonly index: ComparisonIndex;
  /** Every note of the comparison, placed, in reading order. */
  readonly places: readonly NotePlace[];
  readonly selected: ParagraphRef | null;
  readonly choices?: readonly SourceChoices[];
  readonly onSelect: (ref: ParagraphRef | null) => void;
  /** Save a new note or a change to one; the saved note, or undefined (main said why). */
  readonly onWrite: (input: NoteInput) => Promise<Note | undefined>;
  readonly onDelete: (note: Note) => void;
  readonly onMark: (ref: ParagraphRef, kind: 'body' | 'boilerplate' | null) => void;
  /** For the codebook, the settings, export and import (through `useNotesTools`). */
  readonly actions: ParallaxActions;
}

const keyOf = (ref: ParagraphRef): string => `${ref.doc}:${ref.paragraph}`;

/** A note being written on something other than the whole selected paragraph. */
interface Draft {
  /** The paragraph it was started from: it shows only while that paragraph is selected. */
  readonly key: string;
  readonly target: NoteTarget;
  /** What it is on, in words: "the words “…”", "this group", "the difference …". */
  readonly on: string;
}

const shorten = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/**
 * The notes side of the window: the panel (open when a paragraph is selected, or from its rail),
 * the "Add note" button for selected words, and the marks on noted passages.
 */
export function NotesArea(props: NotesAreaProps) {
  const { comparison, index, places, selected, onSelect } = props;
  const labels = useSourceLabel();
  const paths = useMemo(() => comparison.documents.map((doc) => doc.path), [comparison]);
  const tools = useNotesTools(props.actions, useMemo(() => ({ id: props.comparisonId, paths }), [paths, props.comparisonId]));
  const [dialog, setDialog] = useState<'settings' | 'codebook' | null>(null);
  const selectedKey = selected ? keyOf(selected) : null;
  // Why the panel is open: for a selected paragraph (it closes with the selection, as Escape in the
  // columns does), or asked for from its rail (it stays until closed).
  const [open, setOpen] = useState<false | 'selection' | 'asked'>(selected ? 'selection' : false);
  const [tab, setTab] = useState<'here' | 'all'>(selected ? 'here' : 'all');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [currentNote, setCurrentNote] = useState<string | null>(null);
  const [goneTo, setGoneTo] = useState<readonly PlacedAnchor[]>([]);
  // Set with a selection made by "Go to" from the list, so that the list stays in view.
  const [goingTo, setGoingTo] = useState<string | null>(null);
  const [seen, setSeen] = useState(selectedKey);
  const field = useRef<HTMLTextAreaElement>(null);

  // A paragraph selected in the columns opens the panel on it (adjusting state while rendering,
  // as React advises for state that follows a prop).
  if (seen !== selectedKey) {
    setSeen(selectedKey);
    if (!selectedKey && open === 'selection') setOpen(false);
    if (selectedKey) {
      if (!open) setOpen('selection');
      if (goingTo !== selectedKey) {
        setTab('here');
        setGoneTo([]);
      }
    }
    setGoingTo(null);
  }

  const focusField = () => requestAnimationFrame(() => field.current?.focus());

  const writeOn = useCallback(
    (ref: ParagraphRef, target: NoteTarget, on: string) => {
      onSelect(ref);
      setDraft({ key: keyOf(ref), target, on });
      setTab('here');
      setOpen((was) => was || 'selection');
      focusField();
    },
    [onSelect],
  );

  const onPassage = useCallback(
    (passage: SelectedPassage) => {
      const doc = comparison.documents[passage.doc];
      const block = doc?.paragraphs[passage.paragraph];
      if (!doc || !block) return;
      const target = passageTarget(doc, block.start + passage.from, Math.min(block.end, block.start + passage.to));
      if (!target) return;
      writeOn({ doc: passage.doc, paragraph: passage.paragraph }, target, `the words “${shorten(target.quote.exact)}”`);
    },
    [comparison, writeOn],
  );

  const onShortcutWithoutSelection = useCallback(() => {
    if (!selected) return;
    setOpen((was) => was || 'selection');
    setTab('here');
    focusField();
  }, [selected]);

  const openNote = useCallback((id: string) => {
    setCurrentNote(id);
    setOpen((was) => was || 'selection');
    setTab('here');
  }, []);

  useNoteHighlights(comparison, places, goneTo, openNote);

  const goTo = useCallback(
    (place: NotePlace) => {
      const first = place.anchors[0];
      if (!first) return;
      const ref = { doc: first.doc, paragraph: first.paragraph };
      setGoingTo(keyOf(ref));
      setGoneTo(place.anchors);
      setCurrentNote(place.note.id);
      onSelect(ref);
    },
    [onSelect],
  );

  const info = useMemo((): SelectedParagraphInfo | null => {
    if (!selected) return null;
    const doc = comparison.documents[selected.doc];
    const block = doc?.paragraphs[selected.paragraph];
    if (!doc || !block) return null;
    const group = index.groupOf(selected);
    const alsoIn = (group?.members ?? [])
      .filter((member) => member.doc !== selected.doc && member.paragraphs[0] !== undefined)
      .map((member) => ({
        key: `${member.doc}:${member.paragraphs[0]}`,
        sourceLabel: labels.label(member.doc),
        paragraphNumber: (member.paragraphs[0] ?? 0) + 1,
      }));
    // The differences of its passage that touch this source; for a paragraph only one source has,
    // the loaded words marked in it.
    const inParagraph = (d: (typeof comparison.differences)[number]): boolean => d.spans.some((span) => span.doc === selected.doc && span.start >= block.start && span.end <= block.end);
    const framing = comparison.differences.flatMap((d, i) => {
      const mine = group ? d.group === group.id && d.spans.some((span) => span.doc === selected.doc) : d.group === '' && isMarkedInText(d) && inParagraph(d);
      if (!mine || d.kind === 'wording' || d.kind === 'omission') return [];
      const description = labels.describe(d);
      return description ? [{ kind: DIFFERENCE_KIND_NAMES[d.kind], description, difference: i }] : [];
    });
    const notes = places.filter((place) => place.anchors.some((a) => a.doc === selected.doc && a.paragraph === selected.paragraph));
    const marked = props.choices?.[selected.doc]?.kinds.find((mark) => mark.paragraph === selected.paragraph)?.kind;
    return {
      key: keyOf(selected),
      sourceLabel: labels.label(selected.doc),
      paragraphNumber: selected.paragraph + 1,
      quote: doc.text.slice(block.start, block.end),
      ...(group ? { groupNumber: group.number, groupSources: group.sourceCount } : {}),
      alsoIn,
      kind: block.kind,
      markedByYou: marked,
      framing,
      notes,
    };
  }, [comparison, index, labels, places, props.choices, selected]);

  const activeDraft = draft && draft.key === selectedKey ? draft : null;

  const saveNew = async (body: string, tags: string[]): Promise<boolean> => {
    if (!selected) return false;
    const doc = comparison.documents[selected.doc];
    const target = activeDraft?.target ?? (doc && paragraphTarget(doc, selected.paragraph));
    if (!target) return false;
    const note = await props.onWrite({ comparisonId: props.comparisonId, target, body, tags });
    if (note) setDraft(null);
    return note !== undefined;
  };

  const saveEdit = async (note: Note, body: string, tags: string[]): Promise<boolean> =>
    (await props.onWrite({ id: note.id, comparisonId: note.comparisonId, target: note.target, body, tags, author: note.author })) !== undefined;

  const passageAdd = <PassageNoteButton onAdd={onPassage} onShortcutWithoutSelection={onShortcutWithoutSelection} />;

  if (!open) {
    return (
      <>
        {passageAdd}
        <button type="button" className="notes-rail" onClick={() => setOpen('asked')} aria-label={`Show notes (${places.length})`}>
          <span aria-hidden="true" className="notes-rail__label">
            Notes
          </span>
          <span aria-hidden="true" className="notes-rail__count">
            {places.length}
          </span>
        </button>
      </>
    );
  }

  return (
    <>
      {passageAdd}
      <NotesPanel
        comparison={comparison}
        tab={tab}
        onTab={setTab}
        selected={info}
        noteCount={places.length}
        allNotes={
          <NotesList
            places={places}
            comparison={comparison}
            codes={tools.codes}
            onAddCode={tools.addCode}
            onGoTo={goTo}
            onSave={saveEdit}
            onDelete={props.onDelete}
            currentNote={currentNote}
          />
        }
        draftOn={activeDraft?.on ?? null}
        onDraftParagraph={() => setDraft(null)}
        onNoteOnGroup={() => {
          const group = selected && index.groupOf(selected);
          const target = group && groupTarget(comparison, group.id);
          if (selected && group && target) writeOn(selected, target, `group ${group.number} (${group.sourceCount} sources)`);
        }}
        onNoteOnDifference={(difference) => {
          const target = differenceTarget(comparison, difference);
          const d = comparison.differences[difference];
          if (selected && target && d) writeOn(selected, target, `the difference ${DIFFERENCE_KIND_NAMES[d.kind]}: ${shorten(labels.describe(d), 100)}`);
        }}
        onGoTo={(key) => {
          const [doc, paragraph] = key.split(':').map(Number);
          if (doc !== undefined && paragraph !== undefined) onSelect({ doc, paragraph });
        }}
        onSaveNew={saveNew}
        onSave={saveEdit}
        onDelete={props.onDelete}
        onClose={() => {
          setOpen(false);
          setGoneTo([]);
          onSelect(null);
        }}
        onMark={(kind) => (selected ? props.onMark(selected, kind) : undefined)}
        codes={tools.codes}
        onAddCode={tools.addCode}
        fieldRef={field}
        currentNote={currentNote}
        tools={<NotesTools onExport={(format, choices) => void tools.exportNotes(format, choices)} onImport={() => void tools.importNotes()} onSettings={() => setDialog('settings')} onCodebook={() => setDialog('codebook')} />}
      />
      {dialog === 'settings' && <SettingsDialog settings={tools.settings} onSave={tools.setAuthor} onClose={() => setDialog(null)} />}
      {dialog === 'codebook' && <CodebookDialog state={tools.codebook} onSave={tools.saveCodebook} onReset={tools.resetCodebook} onImport={tools.importCodebook} onClose={() => setDialog(null)} />}
    </>
  );
}
