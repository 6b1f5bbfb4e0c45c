import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { ApiChannel, ApiRequest, ComparisonProgress, MenuCommand, OpenComparisonResult, RecentComparison, TextEncoding } from '../../../shared/contract/api';
import type { DifferenceKind } from '../../../shared/contract/comparison';
import type { LexiconSet } from '../../../shared/contract/lexicon';
import type { Note, NoteInput } from '../../../shared/contract/notes';
import type { ParagraphRef } from '../lib/comparisonIndex';
import type { DifferenceFilter } from '../lib/differenceList';
import { DEFAULT_ALIGN_THRESHOLD } from '../../../shared/core/align';
import { initialState, reducer, type AppState, type ComparisonLayout } from '../state/appState';
import { pathForDroppedFile, useApi, useComparisonProgress, useMenuCommands, useSourceChanges } from './useApi';

/** The last part of a path, for messages ("C:\\a\\b.txt" → "b.txt"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A comparison that takes longer than this shows its progress and a Cancel button. */
export const PROGRESS_DELAY_MS = 300;
/** The most sources a comparison shows side by side (issue 6: 2 to 12 columns). */
export const MAX_SOURCES = 12;
/** The strictness control waits this long after the last move before comparing again. */
export const THRESHOLD_SETTLE_MS = 350;

/** Where the page remembers whether comparisons open at the glance ("false" when the person turned it off). */
export const OPEN_AT_GLANCE_KEY = 'parallax.openAtGlance';

/** The state to start with: the defaults, and whether the person wants comparisons to open at the glance. */
function startingState(state: AppState): AppState {
  let off = false;
  try {
    off = window.localStorage.getItem(OPEN_AT_GLANCE_KEY) === 'false';
  } catch {
    // Storage can be unavailable (a locked-down profile): the default serves.
  }
  return off ? { ...state, openAtGlance: false, layout: 'columns' } : state;
}

/** What the views can ask for. Every call to the main process goes through here. */
export interface ParallaxActions {
  openSample(): Promise<void>;
  openPaths(paths: readonly string[]): Promise<void>;
  pickAndOpen(): Promise<void>;
  openDropped(files: readonly File[]): Promise<void>;
  showRecent(): Promise<void>;
  showComparison(): void;
  reopen(recent: RecentComparison): Promise<void>;
  forget(recent: RecentComparison): Promise<void>;
  select(ref: ParagraphRef | null): void;
  /** Save a new note on any target, or a change to one (with its id); the note main kept. */
  writeNote(input: NoteInput): Promise<Note | undefined>;
  deleteNote(note: Note): Promise<void>;
  /** Load the open comparison's notes again (after an import). */
  reloadNotes(): Promise<void>;
  /** Tell the person something in the message area. */
  notify(tone: 'error' | 'info', title: string, detail?: string): void;
  dismiss(id: number): void;
  textSize(change: 'in' | 'out' | 'reset'): void;
  setDropTarget(active: boolean): void;
  /** Rename a source of the open comparison; '' goes back to the name Parallax found. */
  renameSource(doc: number, label: string): Promise<void>;
  /** Mark a paragraph as article text or junk; null takes the mark away. */
  markParagraph(ref: ParagraphRef, kind: 'body' | 'boilerplate' | null): Promise<void>;
  /** Read a source again with another encoding; null: let Parallax detect it. */
  setEncoding(doc: number, encoding: TextEncoding | null): Promise<void>;
  /** Open a file refused as not being text, in the encoding the person chose, beside the sources open. */
  openAs(path: string, encoding: TextEncoding): Promise<void>;
  /** Add pasted text (and the clipboard's HTML, if any) as a new source. */
  addPasted(paste: { text: string; html?: string }): Promise<void>;
  showPaste(open: boolean): void;
  /** Read every source of the open comparison again from disk. */
  reload(): Promise<void>;
  /** Pick the file a moved source is now, and open the comparison with it in its place. */
  locate(path: string): Promise<void>;
  dismissSourceChange(path: string): void;
  /** Move the strictness control; the comparison is worked out again once it settles. */
  setThreshold(value: number): void;
  /** Show or hide the marks of one kind of difference. */
  toggleKind(kind: DifferenceKind): void;
  /** Stop the comparison under way; the one on screen stays. */
  cancelComparison(): Promise<void>;
  /** Show the word sets that classify differences. */
  showWordSets(): Promise<void>;
  /** Add a word set, or replace the one with its id; true when main kept it. */
  saveWordSet(set: LexiconSet): Promise<boolean>;
  removeWordSet(set: LexiconSet): Promise<void>;
  resetWordSets(): Promise<void>;
  exportWordSets(): Promise<void>;
  importWordSets(): Promise<void>;
  /** Lay the open comparison out as the story at a glance, columns, an event, its claims or its coverage. */
  showLayout(layout: ComparisonLayout): void;
  /** Whether newly opened comparisons show the story at a glance first (remembered on this computer). */
  setOpenAtGlance(on: boolean): void;
  /** Open or close the differences panel, or change what it lists. */
  showDifferences(open: boolean): void;
  filterDifferences(filter: Partial<DifferenceFilter>): void;
  /** Ring a difference (an index into `differences`) and bring it into view in the text. */
  chooseDifference(index: number): void;
  /** Go back to a paragraph's text in the columns, selected. */
  goToParagraph(ref: ParagraphRef): void;
  /**
   * Bring a paragraph into view in the columns (switching to them if need be): its column scrolls
   * to it and the other columns line up the same passage. For views that point at a paragraph or a
   * difference (`start`: an offset in the document's text within that paragraph).
   */
  focusParagraph(target: { doc: number; paragraph: number; start?: number }): void;
  /** Put the columns of the comparison on screen in this order (the sources' paths, left to right). */
  setColumnOrder(paths: readonly string[]): void;
  /** Whether selecting a paragraph scrolls the other columns to its passage. */
  setLinkedScrolling(on: boolean): void;
  /** Compare again without one source; its notes stay in the store. */
  removeSource(doc: number): Promise<void>;
  /** Pick files and add them to the comparison on screen, as columns at the end. */
  addSources(): Promise<void>;
}

/** The files of the comparison on screen. */
function pathsOnScreen(state: AppState): string[] {
  return state.open?.comparison.documents.map((doc) => doc.path) ?? [];
}

/** A short name for pasted text: its first words, or "Pasted text". */
export function nameForPaste(text: string): string {
  const line = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l.length > 0) ?? '';
  if (!line) return 'Pasted text';
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > 30 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

export function useParallax(): { state: AppState; actions: ParallaxActions } {
  const [state, dispatch] = useReducer(reducer, initialState, startingState);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const onFailure = useCallback((doing: string, message: string) => {
    dispatch({ type: 'message', message: { tone: 'error', title: doing, detail: message } });
  }, []);
  const call = useApi(onFailure);

  /** The Matching setting kept in the store: null while it is the default. */
  const savedThreshold = useRef<number | null>(null);
  const saveThreshold = useCallback(
    async (value: number) => {
      const rounded = Math.round(value * 100) / 100;
      const wanted = Math.abs(rounded - DEFAULT_ALIGN_THRESHOLD) < 1e-9 ? null : rounded;
      if (wanted === savedThreshold.current) return;
      const result = await call('settings:set', { threshold: wanted }, 'The Matching setting could not be saved');
      if (result) savedThreshold.current = result.threshold ?? null;
    },
    [call],
  );

  const loadNotes = useCallback(
    async (comparisonId: string) => {
      const notes = await call('notes:list', { comparisonId }, 'Your notes could not be loaded');
      if (notes) dispatch({ type: 'notesLoaded', comparisonId, notes });
    },
    [call],
  );

  // Only the latest request to open something may show its result: a slow sample must not replace
  // the files the person opened meanwhile.
  const openRequest = useRef(0);

  const showOpened = useCallback(
    async (request: number, result: OpenComparisonResult | undefined, keep = false) => {
      if (request !== openRequest.current) return;
      dispatch({ type: 'busy', what: null });
      if (!result) return;
      for (const problem of result.problems) {
        dispatch({
          type: 'message',
          message: { tone: 'error', title: `${fileName(problem.path)} could not be opened`, detail: problem.message, ...(problem.encodingChoice ? { openAs: problem.path } : {}) },
        });
      }
      dispatch({ type: 'opened', open: { id: result.id, comparison: result.comparison, choices: result.choices }, keep });
      await loadNotes(result.id);
    },
    [loadNotes],
  );

  /**
   * Ask main for a comparison (it cancels the one under way) and show it if it is still the latest
   * asked for. One that takes more than a moment shows its progress, with a way to cancel it.
   */
  const latestProgress = useRef<ComparisonProgress | null>(null);
  const runOpen = useCallback(
    async (busy: string, ask: () => Promise<OpenComparisonResult | undefined>, keep = false) => {
      const request = ++openRequest.current;
      latestProgress.current = null;
      dispatch({ type: 'busy', what: busy });
      dispatch({ type: 'progressDone' });
      const slow = setTimeout(() => {
        if (request === openRequest.current) dispatch({ type: 'progress', progress: latestProgress.current });
      }, PROGRESS_DELAY_MS);
      try {
        await showOpened(request, await ask(), keep);
      } finally {
        clearTimeout(slow);
        if (request === openRequest.current) dispatch({ type: 'progressDone' });
      }
    },
    [showOpened],
  );

  /**
   * Send a change about a source of the open comparison; main answers with the comparison read
   * again, shown in place (selection and notes kept when it is the same comparison).
   */
  const changeSource = useCallback(
    async <C extends 'source:setLabel' | 'source:setParagraphKind' | 'source:setEncoding' | 'source:addText'>(
      channel: C,
      request: ApiRequest<C>,
      doing: string,
      busy: string,
    ) => {
      await runOpen(
        busy,
        async () => (await call(channel as ApiChannel, request as ApiRequest<ApiChannel>, doing)) as OpenComparisonResult | undefined,
        channel !== 'source:addText',
      );
    },
    [call, runOpen],
  );

  const openPaths = useCallback(
    async (paths: readonly string[]) => {
      if (paths.length === 0) return;
      await runOpen(`Opening ${plural(paths.length, 'file')}…`, () => call('comparison:open', { paths: [...paths] }, 'The files could not be opened'));
    },
    [call, runOpen],
  );

  const openSample = useCallback(
    () => runOpen('Opening the sample…', () => call('comparison:openSample', {}, 'The sample could not be opened')),
    [call, runOpen],
  );

  const pickAndOpen = useCallback(async () => {
    const picked = await call('files:pick', {}, 'Files could not be chosen');
    if (picked && picked.paths.length > 0) await openPaths(picked.paths);
  }, [call, openPaths]);

  const openDropped = useCallback(
    async (files: readonly File[]) => {
      const paths: string[] = [];
      for (const file of files) {
        const path = pathForDroppedFile(file);
        if (path) paths.push(path);
        else
          dispatch({
            type: 'message',
            message: { tone: 'error', title: `${file.name || 'A dropped item'} could not be read from disk`, detail: 'Drop files saved on this computer, or use Open files… instead.' },
          });
      }
      await openPaths(paths);
    },
    [openPaths],
  );

  const showRecent = useCallback(async () => {
    dispatch({ type: 'showView', view: 'recent' });
    const recent = await call('comparison:recent', {}, 'The recent comparisons could not be listed');
    if (recent) dispatch({ type: 'recentLoaded', recent });
  }, [call]);

  const reopen = useCallback((recent: RecentComparison) => openPaths(recent.sources.map((s) => s.path)), [openPaths]);

  const forget = useCallback(
    async (recent: RecentComparison) => {
      const left = await call('comparison:forget', { id: recent.id }, `“${recent.title}” could not be removed from the list`);
      if (left) dispatch({ type: 'recentLoaded', recent: left });
    },
    [call],
  );

  const writeNote = useCallback(
    async (input: NoteInput): Promise<Note | undefined> => {
      if (input.body.trim() === '') return undefined;
      const note = await call('notes:save', input, input.id ? 'The note could not be changed' : 'The note could not be saved');
      if (note) dispatch({ type: 'noteSaved', note });
      return note;
    },
    [call],
  );

  const deleteNote = useCallback(
    async (note: Note) => {
      const result = await call('notes:delete', { id: note.id }, 'The note could not be deleted');
      if (result) dispatch({ type: 'noteDeleted', id: note.id });
    },
    [call],
  );

  /** Open the files main was asked to open (command line, second launch, OS); false if none. */
  const openPending = useCallback(async (): Promise<boolean> => {
    const pending = await call('comparison:pending', {}, 'The files given to Parallax could not be opened');
    if (!pending || pending.paths.length === 0) return false;
    await openPaths(pending.paths);
    return true;
  }, [call, openPaths]);

  // On start: tell the person if their store had to be recovered, open the files main holds for
  // the page, or else the sample, unless something was opened meanwhile (a drop, a menu command).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const [status, settings] = await Promise.all([
        call('app:status', {}, 'Parallax could not read its status'),
        call('settings:get', {}, 'Your settings could not be read'),
      ]);
      // The Matching setting the person left: main compares with it already; the control shows it.
      if (settings?.threshold !== undefined) {
        savedThreshold.current = settings.threshold;
        dispatch({ type: 'threshold', value: settings.threshold });
      }
      if (status?.storeRecovery) {
        dispatch({ type: 'message', message: { tone: 'info', title: 'Your notes store was repaired', detail: status.storeRecovery } });
      }
      if (await openPending()) return;
      if (openRequest.current === 0) await openSample();
      else dispatch({ type: 'startedElsewhere' });
    })();
  }, [call, openPending, openSample]);

  useMenuCommands(
    useCallback(
      (command: MenuCommand) => {
        switch (command) {
          case 'open-files':
            return void pickAndOpen();
          case 'open-sample':
            return void openSample();
          case 'open-pending':
            return void openPending();
          case 'show-recent':
            return void showRecent();
          case 'zoom-in':
            return dispatch({ type: 'textSize', change: 'in' });
          case 'zoom-out':
            return dispatch({ type: 'textSize', change: 'out' });
          case 'zoom-reset':
            return dispatch({ type: 'textSize', change: 'reset' });
        }
      },
      [openPending, openSample, pickAndOpen, showRecent],
    ),
  );

  const renameSource = useCallback(
    async (doc: number, label: string) => {
      const source = stateRef.current.open?.comparison.documents[doc];
      if (!source) return;
      await changeSource('source:setLabel', { paths: pathsOnScreen(stateRef.current), path: source.path, label: label.trim() }, `“${source.label}” could not be renamed`, 'Renaming…');
    },
    [changeSource],
  );

  const markParagraph = useCallback(
    async (ref: ParagraphRef, kind: 'body' | 'boilerplate' | null) => {
      const source = stateRef.current.open?.comparison.documents[ref.doc];
      if (!source) return;
      await changeSource(
        'source:setParagraphKind',
        { paths: pathsOnScreen(stateRef.current), path: source.path, paragraph: ref.paragraph, kind },
        'The paragraph could not be marked',
        'Comparing again…',
      );
    },
    [changeSource],
  );

  const setEncoding = useCallback(
    async (doc: number, encoding: TextEncoding | null) => {
      const source = stateRef.current.open?.comparison.documents[doc];
      if (!source) return;
      await changeSource(
        'source:setEncoding',
        { paths: pathsOnScreen(stateRef.current), path: source.path, encoding },
        `“${source.label}” could not be read again`,
        'Reading the file again…',
      );
    },
    [changeSource],
  );

  const openAs = useCallback(
    async (path: string, encoding: TextEncoding) => {
      // The encoding is remembered for the file, as a choice in its column would be, and the
      // comparison is opened again with the file among its sources.
      const onScreen = pathsOnScreen(stateRef.current);
      const paths = onScreen.includes(path) ? onScreen : [...onScreen, path];
      await changeSource('source:setEncoding', { paths, path, encoding }, `“${fileName(path)}” could not be opened`, `Opening ${fileName(path)}…`);
    },
    [changeSource],
  );

  const addPasted = useCallback(
    async (paste: { text: string; html?: string }) => {
      const text = paste.text;
      const html = paste.html && paste.html.trim() !== '' ? paste.html : undefined;
      if (text.trim() === '' && !html) {
        dispatch({
          type: 'message',
          message: { tone: 'error', title: 'There was nothing to paste', detail: 'Copy the article’s text (or the article in your browser), then paste again.' },
        });
        return;
      }
      dispatch({ type: 'paste', open: false });
      await changeSource(
        'source:addText',
        { paths: pathsOnScreen(stateRef.current).slice(0, 49), name: nameForPaste(text), text, ...(html ? { html } : {}) },
        'The pasted text could not be added',
        'Adding the pasted text…',
      );
    },
    [changeSource],
  );

  const reload = useCallback(async () => {
    const paths = pathsOnScreen(stateRef.current);
    if (paths.length === 0) return;
    await runOpen('Reading the sources again…', () => call('comparison:open', { paths }, 'The sources could not be read again'), true);
  }, [call, runOpen]);

  const locate = useCallback(
    async (path: string) => {
      const picked = await call('files:pick', {}, 'The file could not be chosen');
      const replacement = picked?.paths[0];
      if (!replacement) return;
      const paths = pathsOnScreen(stateRef.current).map((other) => (other === path ? replacement : other));
      // Main moves the notes written on the old file to the new one, so they show here.
      await runOpen('Opening the file you located…', () => call('comparison:open', { paths, relink: { from: path, to: replacement } }, 'The file could not be opened'));
    },
    [call, runOpen],
  );

  // The strictness control: it moves at once; the comparison follows once it settles, and the
  // setting is kept in the store for the next start (the default is kept as no setting).
  const thresholdTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(thresholdTimer.current), []);
  const setThreshold = useCallback(
    (value: number) => {
      dispatch({ type: 'threshold', value });
      clearTimeout(thresholdTimer.current);
      thresholdTimer.current = setTimeout(() => {
        void saveThreshold(value);
        const paths = pathsOnScreen(stateRef.current);
        if (paths.length === 0) return;
        // Back where the comparison on screen already is, with nothing under way: nothing to do.
        if (stateRef.current.open?.comparison.threshold === value && stateRef.current.busy === null) return;
        void runOpen('Comparing again…', () => call('comparison:open', { paths, threshold: value }, 'The sources could not be compared again'), true);
      }, THRESHOLD_SETTLE_MS);
    },
    [call, runOpen, saveThreshold],
  );

  const cancelComparison = useCallback(async () => {
    clearTimeout(thresholdTimer.current);
    openRequest.current++; // whatever the cancelled request answers is not shown
    dispatch({ type: 'cancelled' });
    // The control goes back to the comparison on screen, and so does the setting kept.
    const shown = stateRef.current.open?.comparison.threshold;
    if (shown !== undefined) void saveThreshold(shown);
    const answer = await call('comparison:cancel', {}, 'The comparison could not be cancelled');
    if (!answer) return;
    const kept = stateRef.current.open !== null;
    dispatch({
      type: 'message',
      message: {
        tone: 'info',
        title: 'Comparison cancelled',
        detail: kept ? 'The comparison you had open is still here, as it was.' : 'Open files, or the sample, when you are ready.',
      },
    });
  }, [call, saveThreshold]);

  useComparisonProgress(
    useCallback((progress: ComparisonProgress) => {
      latestProgress.current = progress;
      // Only a comparison that has been taking a while shows its progress (see runOpen).
      if (stateRef.current.progress !== null) dispatch({ type: 'progress', progress });
    }, []),
  );

  useSourceChanges(
    useCallback((change: { path: string; change: 'changed' | 'removed' }) => {
      dispatch({ type: 'sourceChanged', path: change.path, change: change.change });
    }, []),
  );

  /** After the word sets changed: the comparison on screen, if any, is worked out again with them. */
  const compareWithNewSets = useCallback(async () => {
    const paths = pathsOnScreen(stateRef.current);
    if (paths.length === 0) return;
    await runOpen('Comparing again with your word sets…', () => call('comparison:open', { paths }, 'The comparison could not be worked out again'), true);
  }, [call, runOpen]);

  const showWordSets = useCallback(async () => {
    dispatch({ type: 'showView', view: 'lexicon' });
    const lexicon = await call('lexicon:get', {}, 'The word sets could not be read');
    if (lexicon) dispatch({ type: 'lexiconLoaded', lexicon });
  }, [call]);

  const saveWordSet = useCallback(
    async (set: LexiconSet): Promise<boolean> => {
      const lexicon = await call('lexicon:saveSet', { set }, `“${set.name}” could not be saved`);
      if (!lexicon) return false;
      dispatch({ type: 'lexiconLoaded', lexicon });
      void compareWithNewSets();
      return true;
    },
    [call, compareWithNewSets],
  );

  const removeWordSet = useCallback(
    async (set: LexiconSet) => {
      const lexicon = await call('lexicon:removeSet', { id: set.id }, `“${set.name}” could not be removed`);
      if (!lexicon) return;
      dispatch({ type: 'lexiconLoaded', lexicon });
      await compareWithNewSets();
    },
    [call, compareWithNewSets],
  );

  const resetWordSets = useCallback(async () => {
    const lexicon = await call('lexicon:reset', {}, 'The word sets could not be reset');
    if (!lexicon) return;
    dispatch({ type: 'lexiconLoaded', lexicon });
    dispatch({ type: 'message', message: { tone: 'info', title: 'The word sets are the default ones again' } });
    await compareWithNewSets();
  }, [call, compareWithNewSets]);

  const exportWordSets = useCallback(async () => {
    const result = await call('lexicon:export', {}, 'The word sets could not be exported');
    if (result && 'path' in result) {
      dispatch({ type: 'message', message: { tone: 'info', title: `The word sets were saved as ${fileName(result.path)}`, detail: result.path } });
    }
  }, [call]);

  const importWordSets = useCallback(async () => {
    const result = await call('lexicon:import', {}, 'The word sets could not be imported');
    if (!result || 'cancelled' in result) return;
    dispatch({ type: 'lexiconLoaded', lexicon: { lexicon: result.lexicon, changed: result.changed } });
    dispatch({
      type: 'message',
      message: {
        tone: 'info',
        title: `Imported ${plural(result.added + result.replaced, 'word set')} from ${result.file}`,
        detail: `${plural(result.added, 'set')} added, ${plural(result.replaced, 'set')} replaced.`,
      },
    });
    await compareWithNewSets();
  }, [call, compareWithNewSets]);

  const removeSource = useCallback(
    async (doc: number) => {
      const open = stateRef.current.open;
      const source = open?.comparison.documents[doc];
      if (!open || !source) return;
      const paths = pathsOnScreen(stateRef.current).filter((path) => path !== source.path);
      if (paths.length === 0) return;
      // Worded without the source's name, which blind mode may be hiding.
      await runOpen('Comparing again without that source…', () => call('comparison:open', { paths }, 'The source could not be removed'));
    },
    [call, runOpen],
  );

  const addSources = useCallback(async () => {
    const picked = await call('files:pick', {}, 'Files could not be chosen');
    if (!picked || picked.paths.length === 0) return;
    const current = pathsOnScreen(stateRef.current);
    const added = picked.paths.filter((path) => !current.includes(path));
    if (added.length === 0) {
      dispatch({ type: 'message', message: { tone: 'info', title: 'Those files are already in the comparison' } });
      return;
    }
    const paths = [...current, ...added];
    if (paths.length > MAX_SOURCES) {
      dispatch({
        type: 'message',
        message: { tone: 'error', title: `A comparison holds at most ${MAX_SOURCES} sources`, detail: `Remove a column first, or add fewer files (${MAX_SOURCES - current.length} more fit).` },
      });
      return;
    }
    await runOpen(`Adding ${plural(added.length, 'source')}…`, () => call('comparison:open', { paths }, 'The files could not be added'));
  }, [call, runOpen]);

  const actions = useMemo<ParallaxActions>(
    () => ({
      openSample,
      openPaths,
      pickAndOpen,
      openDropped,
      showRecent,
      showComparison: () => dispatch({ type: 'showView', view: 'comparison' }),
      reopen,
      forget,
      select: (ref) => dispatch({ type: 'select', ref }),
      writeNote,
      deleteNote,
      reloadNotes: async () => {
        const id = stateRef.current.open?.id;
        if (id) await loadNotes(id);
      },
      notify: (tone, title, detail) => dispatch({ type: 'message', message: { tone, title, ...(detail ? { detail } : {}) } }),
      dismiss: (id) => dispatch({ type: 'dismiss', id }),
      textSize: (change) => dispatch({ type: 'textSize', change }),
      setDropTarget: (active) => dispatch({ type: 'dropTarget', active }),
      renameSource,
      markParagraph,
      setEncoding,
      openAs,
      addPasted,
      showPaste: (open) => dispatch({ type: 'paste', open }),
      reload,
      locate,
      dismissSourceChange: (path) => dispatch({ type: 'sourceChangeDismissed', path }),
      setThreshold,
      toggleKind: (kind) => dispatch({ type: 'toggleKind', kind }),
      cancelComparison,
      showWordSets,
      saveWordSet,
      removeWordSet,
      resetWordSets,
      exportWordSets,
      importWordSets,
      showLayout: (layout) => dispatch({ type: 'layout', layout }),
      setOpenAtGlance: (on) => {
        try {
          window.localStorage.setItem(OPEN_AT_GLANCE_KEY, String(on));
        } catch {
          // Not remembered this time; the session still follows the choice.
        }
        dispatch({ type: 'openAtGlance', on });
      },
      showDifferences: (open) => dispatch({ type: 'differencesPanel', open }),
      filterDifferences: (filter) => dispatch({ type: 'differenceFilter', filter }),
      chooseDifference: (index) => dispatch({ type: 'chooseDifference', index }),
      goToParagraph: (ref) => dispatch({ type: 'goToParagraph', ref }),
      focusParagraph: (target) => dispatch({ type: 'focus', target }),
      setColumnOrder: (paths) => {
        const id = stateRef.current.open?.id;
        if (id) dispatch({ type: 'columnOrder', comparisonId: id, paths });
      },
      setLinkedScrolling: (on) => dispatch({ type: 'linkedScrolling', on }),
      removeSource,
      addSources,
    }),
    [
      openSample,
      openPaths,
      pickAndOpen,
      openDropped,
      showRecent,
      reopen,
      forget,
      writeNote,
      deleteNote,
      loadNotes,
      renameSource,
      markParagraph,
      setEncoding,
      openAs,
      addPasted,
      reload,
      locate,
      setThreshold,
      cancelComparison,
      showWordSets,
      saveWordSet,
      removeWordSet,
      resetWordSets,
      exportWordSets,
      importWordSets,
      removeSource,
      addSources,
    ],
  );

  return { state, actions };
}
