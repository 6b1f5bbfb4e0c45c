import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { AppHeader } from './components/AppHeader';
import { ComparisonView } from './components/ComparisonView';
import { DropOverlay } from './components/DropOverlay';
import { EmptyState } from './components/EmptyState';
import { MessageArea } from './components/MessageArea';
import { NotesArea } from './components/NotesArea';
import { PasteBox } from './components/PasteBox';
import { RecentView } from './components/RecentView';
import { WordSetsView } from './components/WordSetsView';
import { useParallax } from './hooks/useParallax';
import { MAX_SOURCES } from './hooks/useSources';
import { indexComparison } from './lib/comparisonIndex';
import { inReadingOrder, placeNotes } from './lib/notePlaces';
import { UnplacedNotes } from './components/UnplacedNotes';
import { DEFAULT_TEXT_SIZE_STEP, TEXT_SIZES } from './state/appState';
import { ComparisonProgressBar } from './components/ComparisonProgressBar';
import { DEFAULT_ALIGN_THRESHOLD } from '../../shared/core/align';
import { SourceLabelContext, sourceLabels } from './lib/sourceLabel';
import { useClassroom } from './hooks/useClassroom';
import { namesHidden } from './state/classroomState';
import { BlindBanner } from './components/BlindBanner';
import { ClaimsTable } from './components/ClaimsTable';
import { CoverageMap } from './components/CoverageMap';
import { DifferencesPanel } from './components/DifferencesPanel';
import { EventView } from './components/EventView';
import { GlanceView } from './components/GlanceView';
import { LayoutTabs } from './components/LayoutTabs';
import { useDifferenceKeys } from './hooks/useDifferenceKeys';
import { countByKind, filterEntries, lazily, listedDifferenceCount, stepThrough, type DifferenceEntry } from './lib/differenceList';
import { useDifferenceEntries } from './hooks/useDifferenceEntries';
import { eventRows } from './lib/eventRows';
import { PresentationView } from './components/PresentationView';
import { SourcesPreview } from './components/SourcesPreview';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { useMenuCommands } from './hooks/useApi';
import { classroomCommandHandlers, isClassroomCommand } from './lib/classroomCommands';

const NO_ENTRIES: readonly DifferenceEntry[] = [];

const hasFiles = (event: DragEvent): boolean => [...event.dataTransfer.types].includes('Files');

/** Whether a paste lands in something that takes text itself (a note, a name, a field). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

export function App() {
  const { state, actions } = useParallax();
  const comparison = state.open?.comparison;
  // The sources of a new comparison being worked out, shown plain in its place until it arrives.
  const preview = state.preview;
  const index = useMemo(() => (comparison ? indexComparison(comparison) : undefined), [comparison]);
  const { classroom, classroomActions } = useClassroom(state.open?.id);
  const hidden = namesHidden(classroom);
  const labels = useMemo(() => sourceLabels(comparison?.documents ?? [], hidden), [comparison, hidden]);
  const sourceNames = useMemo(() => comparison?.documents.map((_, doc) => labels.label(doc)) ?? [], [comparison, labels]);

  // Text size is one CSS variable; every reading size derives from it.
  useEffect(() => {
    const size = TEXT_SIZES[state.textSizeStep] ?? TEXT_SIZES[0];
    document.documentElement.style.setProperty('--reading-size', `${size}px`);
    // The same step as a factor, for views sized in UI type (the glance).
    document.documentElement.style.setProperty('--text-scale', String(size / TEXT_SIZES[DEFAULT_TEXT_SIZE_STEP]));
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

  // Every note of the comparison, placed on the text as it is now (orphans kept), in reading order.
  const places = useMemo(() => (comparison ? inReadingOrder(placeNotes(state.notes, comparison)) : []), [comparison, state.notes]);
  const orphans = useMemo(() => places.filter((place) => place.status === 'orphan').map((place) => place.note), [places]);

  // The event's rows and its differences in reading order, worked out once per comparison, and
  // only when something needs them (the event view, the coverage map, the differences list): not
  // while a long comparison is being put on screen. The filter is one pass over them.
  const rowsOf = useMemo(() => lazily(() => (comparison && index ? eventRows(comparison, index) : [])), [comparison, index]);
  const differences = useDifferenceEntries(comparison, rowsOf, labels.describe, state.view === 'comparison' && state.differencesOpen && !preview);
  const differenceList = differences.entries ?? NO_ENTRIES;
  const differenceCount = useMemo(() => (comparison ? listedDifferenceCount(comparison) : 0), [comparison]);
  const differenceKindCounts = useMemo(() => countByKind(differenceList), [differenceList]);
  const shownDifferences = useMemo(() => filterEntries(differenceList, state.differenceFilter), [differenceList, state.differenceFilter]);
  const { chooseDifference } = actions;
  const listNow = differences.now;
  const stepDifference = useCallback(
    (direction: 1 | -1) => {
      // F8 before the list was ever shown works it out at once.
      const all = listNow();
      const shown = all === differenceList ? shownDifferences : filterEntries(all, state.differenceFilter);
      const entry = stepThrough(all, shown, state.activeDifference, direction);
      if (entry) chooseDifference(entry.index);
    },
    [chooseDifference, listNow, differenceList, shownDifferences, state.activeDifference, state.differenceFilter],
  );
  useDifferenceKeys(state.view === 'comparison' && Boolean(comparison) && !preview, stepDifference);
  const noteCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const place of places) {
      for (const key of new Set(place.anchors.map((a) => `${a.doc}:${a.paragraph}`))) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }, [places]);

  const title = comparison
    ? labels.hidden
      ? `${comparison.documents.length} sources · names hidden`
      : `${comparison.documents.length} sources · ${comparison.documents[0]?.title ?? ''}`
    : undefined;
  // The window's title (the taskbar, the projector's window list) follows, blind mode included.
  useEffect(() => {
    document.title = title ? `${title} — Parallax` : 'Parallax';
  }, [title]);

  // The menu's view, classroom and help commands (useParallax handles opening and zoom).
  const commands = classroomCommandHandlers({
    showPaste: () => actions.showPaste(true),
    showComparison: actions.showComparison,
    showWordSets: () => void actions.showWordSets(),
    presenting: classroom.presenting && Boolean(comparison),
    blind: classroom.blind,
    revealed: classroom.revealed,
    present: (on) => classroomActions.present(on && Boolean(comparison) && !preview),
    setBlind: classroomActions.setBlind,
    reveal: classroomActions.reveal,
    setTheme: classroomActions.setTheme,
    showShortcuts: () => classroomActions.showShortcuts(true),
    findDifferences: () => {
      actions.showComparison();
      actions.showDifferences(true);
      // The panel mounts on the next render; its search field takes the focus then.
      const focus = (tries: number) =>
        requestAnimationFrame(() => {
          const field = document.querySelector<HTMLElement>('.differences__search');
          if (field) field.focus();
          else if (tries > 0) focus(tries - 1);
        });
      focus(10);
    },
    showLayout: (layout) => {
      actions.showComparison();
      actions.showLayout(layout);
    },
    toggleDifferences: () => {
      actions.showComparison();
      actions.showDifferences(!state.differencesOpen);
    },
  });
  const commandsRef = useRef(commands);
  useEffect(() => {
    commandsRef.current = commands;
  });
  useMenuCommands(useCallback((command) => (isClassroomCommand(command) ? commandsRef.current[command]() : undefined), []));

  // The same shortcuts from the keyboard, for where the native menu is not there to catch them
  // (a page handling a key stops the menu's accelerator, so nothing runs twice).
  const { textSize } = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const run = (what: () => void) => {
        event.preventDefault();
        what();
      };
      if (mod && (event.key === '=' || event.key === '+')) return run(() => textSize('in'));
      if (mod && (event.key === '-' || event.key === '_')) return run(() => textSize('out'));
      if (mod && event.key === '0') return run(() => textSize('reset'));
      if (event.key === 'F5' && !mod) return run(() => commandsRef.current['toggle-presentation']());
      if (mod && event.shiftKey && event.key.toLowerCase() === 'b') return run(() => commandsRef.current['toggle-blind']());
      if (mod && event.shiftKey && event.key.toLowerCase() === 'r') return run(() => commandsRef.current['toggle-reveal']());
      if (mod && event.key === '/') return run(() => commandsRef.current['show-shortcuts']());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [textSize]);

  // Back from presentation mode, focus returns to where it was started.
  const wasPresenting = useRef(false);
  useEffect(() => {
    if (wasPresenting.current && !classroom.presenting) document.querySelector<HTMLElement>('[data-present-button]')?.focus();
    wasPresenting.current = classroom.presenting;
  }, [classroom.presenting]);

  if (classroom.presenting && comparison && index && !preview) {
    return (
      <SourceLabelContext value={labels}>
        <PresentationView comparison={comparison} index={index} hiddenKinds={state.hiddenKinds} onExit={() => classroomActions.present(false)} />
        {classroom.shortcutsOpen && <ShortcutsDialog onClose={() => classroomActions.showShortcuts(false)} />}
      </SourceLabelContext>
    );
  }

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
        hasComparison={Boolean(comparison) || preview !== null}
        canPresent={Boolean(comparison) && !preview}
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
        theme={classroom.theme}
        onTheme={classroomActions.setTheme}
        onPresent={() => classroomActions.present(true)}
      />
      {classroom.blind && (
        <BlindBanner revealed={classroom.revealed} onReveal={classroomActions.reveal} onTurnOff={() => classroomActions.setBlind(false)} />
      )}
      {state.progress && <ComparisonProgressBar progress={state.progress} onCancel={() => void actions.cancelComparison()} />}
      <MessageArea messages={state.messages} onDismiss={actions.dismiss} onOpenAs={(path, encoding) => void actions.openAs(path, encoding)} />
      {state.pasteOpen && <PasteBox onAdd={(paste) => void actions.addPasted(paste)} onClose={() => actions.showPaste(false)} />}

      <div className="app__body">
        {state.view === 'comparison' && comparison && !preview && state.differencesOpen && (
          <DifferencesPanel
            entries={differenceList}
            shown={shownDifferences}
            kindCounts={differenceKindCounts}
            labels={sourceNames}
            filter={state.differenceFilter}
            onFilter={actions.filterDifferences}
            active={state.activeDifference}
            onChoose={actions.chooseDifference}
            onStep={stepDifference}
            onClose={() => actions.showDifferences(false)}
            listing={differences.entries === null}
          />
        )}
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
          ) : preview ? (
            <SourcesPreview documents={preview.documents} namesHidden={classroom.blind} />
          ) : comparison && index ? (
            <>
              <h1 className="visually-hidden">Comparison of {comparison.documents.length} sources</h1>
              {orphans.length > 0 && <UnplacedNotes notes={orphans} comparison={comparison} onDelete={(note) => void actions.deleteNote(note)} />}
              <LayoutTabs
                layout={state.layout}
                onLayout={actions.showLayout}
                panelId="comparison-layout"
                differencesOpen={state.differencesOpen}
                differenceCount={differenceCount}
                onToggleDifferences={() => actions.showDifferences(!state.differencesOpen)}
              />
              <div id="comparison-layout" className="layout-panel" role="tabpanel" aria-labelledby={`layout-tab-${state.layout}`} data-layout={state.layout}>
                {state.layout === 'glance' ? (
                  <GlanceView
                    comparison={comparison}
                    onGoTo={actions.focusParagraph}
                    onChooseDifference={actions.chooseDifference}
                    openAtGlance={state.openAtGlance}
                    onOpenAtGlance={actions.setOpenAtGlance}
                  />
                ) : state.layout === 'events' ? (
                  <EventView
                    comparison={comparison}
                    index={index}
                    rows={rowsOf()}
                    labels={sourceNames}
                    selected={state.selected}
                    onSelect={actions.select}
                    noteCounts={noteCounts}
                    hiddenKinds={state.hiddenKinds}
                    activeDifference={state.activeDifference}
                    focus={state.focus}
                  />
                ) : state.layout === 'claims' ? (
                  <ClaimsTable comparison={comparison} index={index} labels={sourceNames} onGoTo={actions.goToParagraph} />
                ) : state.layout === 'coverage' ? (
                  <CoverageMap comparison={comparison} rows={rowsOf()} labels={sourceNames} onGoTo={actions.goToParagraph} />
                ) : (
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
                    activeDifference={state.activeDifference}
                    focus={state.focus}
                    columnOrder={state.open ? state.columnOrders[state.open.id] : undefined}
                    onReorder={actions.setColumnOrder}
                    onRemove={(doc) => void actions.removeSource(doc)}
                    onAddSource={() => void actions.addSources()}
                    maxSources={MAX_SOURCES}
                    linkedScrolling={state.linkedScrolling}
                    onLinkedScrolling={actions.setLinkedScrolling}
                  />
                )}
              </div>
            </>
          ) : (
            <EmptyState busy={state.busy} onOpenFiles={() => void actions.pickAndOpen()} onOpenSample={() => void actions.openSample()} />
          )}
        </main>
        {state.view === 'comparison' && comparison && index && state.open && !preview && (
          <NotesArea
            key={state.open.id}
            comparisonId={state.open.id}
            comparison={comparison}
            index={index}
            places={places}
            selected={state.selected}
            choices={state.open.choices}
            onSelect={(ref) => {
              actions.select(ref);
              // Going to a paragraph from the notes brings it into view in its column, outlined.
              if (ref) actions.focusParagraph(ref);
            }}
            onWrite={actions.writeNote}
            onDelete={(note) => void actions.deleteNote(note)}
            onMark={(ref, kind) => void actions.markParagraph(ref, kind)}
            actions={actions}
          />
        )}
      </div>
      {state.dropTargetActive && <DropOverlay />}
      {classroom.shortcutsOpen && <ShortcutsDialog onClose={() => classroomActions.showShortcuts(false)} />}
    </div>
    </SourceLabelContext>
  );
}
