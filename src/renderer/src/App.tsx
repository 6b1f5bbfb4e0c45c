import { useEffect, useMemo, type DragEvent } from 'react';
import { AppHeader } from './components/AppHeader';
import { ComparisonView } from './components/ComparisonView';
import { DropOverlay } from './components/DropOverlay';
import { EmptyState } from './components/EmptyState';
import { MessageArea } from './components/MessageArea';
import { NotesPanel } from './components/NotesPanel';
import { PasteBox } from './components/PasteBox';
import { RecentView } from './components/RecentView';
import { WordSetsView } from './components/WordSetsView';
import { useParallax } from './hooks/useParallax';
import { indexComparison } from './lib/comparisonIndex';
import { placeNotes } from './lib/noteTarget';
import { UnplacedNotes } from './components/UnplacedNotes';
import { DEFAULT_TEXT_SIZE_STEP, TEXT_SIZES } from './state/appState';
import { ComparisonProgressBar } from './components/ComparisonProgressBar';
import { DEFAULT_ALIGN_THRESHOLD } from '../../shared/core/align';
import { DIFFERENCE_KIND_NAMES } from './lib/differenceKinds';
import { SourceLabelContext, sourceLabels } from './lib/sourceLabel';
import { useClassroom } from './hooks/useClassroom';
import { namesHidden } from './state/classroomState';
import { BlindBanner } from './components/BlindBanner';

const hasFiles = (event: DragEvent): boolean => [...event.dataTransfer.types].includes('Files');

/** Whether a paste lands in something that takes text itself (a note, a name, a field). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

export function App() {
  const { state, actions } = useParallax();
  const comparison = state.open?.comparison;
  const index = useMemo(() => (comparison ? indexComparison(comparison) : undefined), [comparison]);
  const { classroom, classroomActions } = useClassroom(state.open?.id);
  const hidden = namesHidden(classroom);
  const labels = useMemo(() => sourceLabels(comparison?.documents ?? [], hidden), [comparison, hidden]);

  // Text size is one CSS variable; every reading size derives from it.
  useEffect(() => {
    const size = TEXT_SIZES[state.textSizeStep] ?? TEXT_SIZES[0];
    document.documentElement.style.setProperty('--reading-size', `${size}px`);
  }, [state.textSizeStep]);

  // Ctrl/Cmd+V anywhere but in a text field adds the clipboard's article as a source.
  const { addPasted } = actions;
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      const html = data.getData('text/html');
      void addPasted({ text: data.getData('text/plain'), ...(html.trim() ? { html } : {}) });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [addPasted]);

  const placement = useMemo(() => (comparison ? placeNotes(state.notes, comparison) : undefined), [comparison, state.notes]);
  const noteCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [key, notes] of placement?.placed ?? []) counts.set(key, notes.length);
    return counts;
  }, [placement]);

  const selectedDoc = state.selected && comparison?.documents[state.selected.doc];
  const selectedBlock = state.selected && selectedDoc?.paragraphs[state.selected.paragraph];
  const selectedNotes = useMemo(
    () => (state.selected ? (placement?.placed.get(`${state.selected.doc}:${state.selected.paragraph}`) ?? []) : []),
    [placement, state.selected],
  );
  const alsoIn = useMemo(() => {
    const group = state.selected && index?.groupOf(state.selected);
    if (!group || !comparison || !state.selected) return [];
    return group.members
      .filter((member) => member.doc !== state.selected?.doc && member.paragraphs[0] !== undefined)
      .map((member) => ({
        key: `${member.doc}:${member.paragraphs[0]}`,
        sourceLabel: labels.label(member.doc),
        paragraphNumber: (member.paragraphs[0] ?? 0) + 1,
      }));
  }, [comparison, index, labels, state.selected]);
  // The classified differences of the selected paragraph's passage that involve its source.
  const framing = useMemo(() => {
    const group = state.selected && index?.groupOf(state.selected);
    if (!group || !comparison || !state.selected) return [];
    const doc = state.selected.doc;
    return comparison.differences
      .filter((d) => d.group === group.id && d.kind !== 'wording' && d.kind !== 'omission' && d.note && d.spans.some((span) => span.doc === doc))
      .map((d) => ({ kind: DIFFERENCE_KIND_NAMES[d.kind], note: labels.scrub(d.note ?? '') }));
  }, [comparison, index, labels, state.selected]);
  const showNotes = state.view === 'comparison' && state.selected && selectedDoc && selectedBlock;

  const title = comparison
    ? labels.hidden
      ? `${comparison.documents.length} sources · names hidden`
      : `${comparison.documents.length} sources · ${comparison.documents[0]?.title ?? ''}`
    : undefined;
  // The window's title (the taskbar, the projector's window list) follows, blind mode included.
  useEffect(() => {
    document.title = title ? `${title} — Parallax` : 'Parallax';
  }, [title]);

  return (
    <SourceLabelContext value={labels}>
    <div
      className="app"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        actions.setDropTarget(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) actions.setDropTarget(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        actions.setDropTarget(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) void actions.openDropped(files);
      }}
    >
      <AppHeader
        view={state.view}
        hasComparison={Boolean(comparison)}
        comparisonTitle={title}
        busy={state.busy}
        onShowComparison={actions.showComparison}
        onShowRecent={() => void actions.showRecent()}
        onShowWordSets={() => void actions.showWordSets()}
        onOpenFiles={() => void actions.pickAndOpen()}
        onOpenSample={() => void actions.openSample()}
        onPaste={() => actions.showPaste(true)}
        onTextSize={actions.textSize}
        textScale={Math.round(((TEXT_SIZES[state.textSizeStep] ?? TEXT_SIZES[DEFAULT_TEXT_SIZE_STEP]) / TEXT_SIZES[DEFAULT_TEXT_SIZE_STEP]) * 100)}
        blind={classroom.blind}
        onBlind={classroomActions.setBlind}
      />
      {classroom.blind && (
        <BlindBanner revealed={classroom.revealed} onReveal={classroomActions.reveal} onTurnOff={() => classroomActions.setBlind(false)} />
      )}
      {state.progress && <ComparisonProgressBar progress={state.progress} onCancel={() => void actions.cancelComparison()} />}
      <MessageArea messages={state.messages} onDismiss={actions.dismiss} />
      {state.pasteOpen && <PasteBox onAdd={(paste) => void actions.addPasted(paste)} onClose={() => actions.showPaste(false)} />}

      <div className="app__body">
        <main className="app__main" aria-busy={state.busy !== null}>
          {state.view === 'recent' ? (
            <RecentView
              recent={state.recent}
              onReopen={(recent) => void actions.reopen(recent)}
              onForget={(recent) => void actions.forget(recent)}
              onOpenFiles={() => void actions.pickAndOpen()}
            />
          ) : state.view === 'lexicon' ? (
            <WordSetsView
              lexicon={state.lexicon}
              onSave={actions.saveWordSet}
              onRemove={(set) => void actions.removeWordSet(set)}
              onReset={() => void actions.resetWordSets()}
              onExport={() => void actions.exportWordSets()}
              onImport={() => void actions.importWordSets()}
            />
          ) : comparison && index ? (
            <>
              <h1 className="visually-hidden">Comparison of {comparison.documents.length} sources</h1>
              {placement && placement.unplaced.length > 0 && (
                <UnplacedNotes notes={placement.unplaced} comparison={comparison} onDelete={(note) => void actions.deleteNote(note)} />
              )}
              <ComparisonView
                comparison={comparison}
                index={index}
                selected={state.selected}
                noteCounts={noteCounts}
                onSelect={actions.select}
                choices={state.open?.choices}
                sourceChanges={state.sourceChanges}
                onRename={(doc, label) => void actions.renameSource(doc, label)}
                onSetEncoding={(doc, encoding) => void actions.setEncoding(doc, encoding)}
                onUnmark={(ref) => void actions.markParagraph(ref, null)}
                onReload={() => void actions.reload()}
                onLocate={(path) => void actions.locate(path)}
                onDismissChange={actions.dismissSourceChange}
                threshold={state.threshold}
                defaultThreshold={DEFAULT_ALIGN_THRESHOLD}
                onThreshold={actions.setThreshold}
                hiddenKinds={state.hiddenKinds}
                onToggleKind={actions.toggleKind}
              />
            </>
          ) : (
            <EmptyState busy={state.busy} onOpenFiles={() => void actions.pickAndOpen()} onOpenSample={() => void actions.openSample()} />
          )}
        </main>
        {showNotes && state.selected && (
          <NotesPanel
            key={`${state.open?.id}:${state.selected.doc}:${state.selected.paragraph}`}
            sourceLabel={labels.label(state.selected.doc)}
            paragraphNumber={state.selected.paragraph + 1}
            quote={selectedDoc.text.slice(selectedBlock.start, selectedBlock.end)}
            groupNumber={index?.groupOf(state.selected)?.number}
            alsoIn={alsoIn}
            onGoTo={(key) => {
              const [doc, paragraph] = key.split(':').map(Number);
              if (doc !== undefined && paragraph !== undefined) actions.select({ doc, paragraph });
            }}
            notes={selectedNotes}
            onSave={(body) => (state.selected ? actions.saveNote(state.selected, body) : Promise.resolve(false))}
            onDelete={(note) => void actions.deleteNote(note)}
            onClose={() => actions.select(null)}
            kind={selectedBlock.kind}
            markedByYou={state.open?.choices?.[state.selected.doc]?.kinds.find((mark) => mark.paragraph === state.selected?.paragraph)?.kind}
            onMark={(kind) => (state.selected ? void actions.markParagraph(state.selected, kind) : undefined)}
            sourceHash={selectedDoc.hash}
            framing={framing}
          />
        )}
      </div>
      {state.dropTargetActive && <DropOverlay />}
    </div>
    </SourceLabelContext>
  );
}
