import type { ComparisonProgress, LexiconState, OpenComparisonResult, RecentComparison, SourceText } from '../../../shared/contract/api';
import { DEFAULT_ALIGN_THRESHOLD } from '../../../shared/core/align';
import type { Note } from '../../../shared/contract/notes';
import type { DifferenceKind } from '../../../shared/contract/comparison';
import type { ParagraphRef } from '../lib/comparisonIndex';
import { NO_FILTER, type DifferenceFilter } from '../lib/differenceList';

/**
 * All of the page's state, in one place. Components receive slices of it as props; only the
 * reducer changes it.
 */

/** `lexicon`: the word sets that classify differences, to read and change. */
export type View = 'comparison' | 'recent' | 'lexicon';

/**
 * How the open comparison is laid out: the story at a glance (the first view of a comparison), a
 * column per source, the event as rows (who reported what), the figures the sources give, or a map
 * of how much each source says per passage.
 */
export type ComparisonLayout = 'glance' | 'columns' | 'events' | 'claims' | 'coverage';
export const COMPARISON_LAYOUTS: readonly ComparisonLayout[] = ['glance', 'columns', 'events', 'claims', 'coverage'];

/** A message for the person: errors are announced at once, the rest politely. */
export interface Message {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly title: string;
  readonly detail?: string;
  /** A file refused as not being text: the message offers to open it in an encoding the person chooses. */
  readonly openAs?: string;
}

export type OpenComparison = Pick<OpenComparisonResult, 'id' | 'comparison' | 'choices'>;

/**
 * The sources of a comparison being worked out, shown plain (their text, no passages, no marks)
 * until it arrives. `returnTo`: the view that was on screen, to go back to if it is cancelled or
 * fails (the comparison that was open stays in `open` meanwhile, untouched).
 */
export interface SourcesPreview {
  readonly documents: readonly SourceText[];
  readonly returnTo: View;
}

/** What happened on disk to a source of the open comparison. */
export type SourceChangeKind = 'changed' | 'removed';

/**
 * A request to bring something into view, from any view; `seq` tells one request from the next,
 * so asking for the same thing twice scrolls twice.
 * - A difference (an index into `Comparison.differences`): each column scrolls to it, or to its
 *   passage where it marks nothing (the event layout scrolls to its row).
 * - A paragraph (`doc`, `paragraph`; `start`, an offset in the document's text within it, when
 *   known): its column scrolls to it, outlined for a moment, and the other columns line up their
 *   paragraphs of the same passage.
 */
export type FocusRequest =
  | { readonly difference: number; readonly seq: number }
  | { readonly doc: number; readonly paragraph: number; readonly start?: number; readonly seq: number };

/** A request for a paragraph, as `actions.focusParagraph` sends it. */
export type ParagraphFocus = { readonly doc: number; readonly paragraph: number; readonly start?: number };

/** Text size steps, in CSS pixels of article text. */
export const TEXT_SIZES = [15, 16, 17, 18, 20, 22, 24, 27, 30] as const;
export const DEFAULT_TEXT_SIZE_STEP = 3;

export interface AppState {
  readonly view: View;
  readonly open: OpenComparison | null;
  /** What is being done right now, in words ("Opening 5 files…"), or null when idle. */
  readonly busy: string | null;
  readonly selected: ParagraphRef | null;
  readonly notes: readonly Note[];
  readonly recent: readonly RecentComparison[] | null;
  readonly messages: readonly Message[];
  readonly textSizeStep: number;
  readonly dropTargetActive: boolean;
  /** Sources of the open comparison that changed or vanished on disk since it was opened, by path. */
  readonly sourceChanges: Readonly<Record<string, SourceChangeKind>>;
  /** Whether the box to paste an article into is open. */
  readonly pasteOpen: boolean;
  /**
   * How alike paragraphs must be to be lined up (0 loose … 1 strict): what the strictness control
   * shows. It follows the comparison on screen, and moves ahead of it while the person drags it.
   */
  readonly threshold: number;
  /**
   * A comparison that is taking a while (more than a moment): how far it has got, for the progress
   * bar and its Cancel button; null when none is, or it has not taken long yet.
   */
  readonly progress: ComparisonProgress | null;
  /**
   * The sources' text of a newly asked-for comparison that is taking a while, shown in place of the
   * comparison view until it arrives; null otherwise.
   */
  readonly preview: SourcesPreview | null;
  /** The word sets in use, once asked for (null before). */
  readonly lexicon: LexiconState | null;
  /**
   * Kinds of difference whose marks the legend hides. It belongs to the session, not to a
   * comparison: opening another one keeps it.
   */
  readonly hiddenKinds: readonly DifferenceKind[];
  /**
   * The layout of the comparison view; kept for the session, but a newly opened comparison (none of
   * whose sources is on screen) opens at the glance while `openAtGlance` is on.
   */
  readonly layout: ComparisonLayout;
  /** Whether a newly opened comparison shows the story at a glance first (the person's choice; on by default). */
  readonly openAtGlance: boolean;
  /** Whether the differences panel is open, and what it lists. */
  readonly differencesOpen: boolean;
  readonly differenceFilter: DifferenceFilter;
  /** The difference chosen in the panel or with F8/j/k (an index into `differences`), drawn with a ring. */
  readonly activeDifference: number | null;
  readonly focus: FocusRequest | null;
  /**
   * The order the person put the columns in, left to right, as the sources' paths, by comparison
   * id. Main compares in a canonical order; the order on screen is the person's.
   */
  readonly columnOrders: Readonly<Record<string, readonly string[]>>;
  /** Whether selecting a paragraph scrolls the other columns to its passage (on by default). */
  readonly linkedScrolling: boolean;
}

export const initialState: AppState = {
  view: 'comparison',
  open: null,
  busy: 'Starting…',
  selected: null,
  notes: [],
  recent: null,
  messages: [],
  textSizeStep: DEFAULT_TEXT_SIZE_STEP,
  dropTargetActive: false,
  sourceChanges: {},
  pasteOpen: false,
  threshold: DEFAULT_ALIGN_THRESHOLD,
  progress: null,
  preview: null,
  lexicon: null,
  hiddenKinds: [],
  layout: 'glance',
  openAtGlance: true,
  differencesOpen: false,
  differenceFilter: NO_FILTER,
  activeDifference: null,
  focus: null,
  columnOrders: {},
  linkedScrolling: true,
};

export type Action =
  | { type: 'busy'; what: string | null }
  /** Start-up found something already being opened: it owns the busy state from here. */
  | { type: 'startedElsewhere' }
  /**
   * A comparison was opened. `keep`: it is the same comparison read again after a change the
   * person made (a label, a mark): the selection and the notes stay.
   */
  | { type: 'opened'; open: OpenComparison; keep?: boolean }
  | { type: 'sourceChanged'; path: string; change: SourceChangeKind }
  | { type: 'sourceChangeDismissed'; path: string }
  | { type: 'paste'; open: boolean }
  | { type: 'select'; ref: ParagraphRef | null }
  | { type: 'notesLoaded'; comparisonId: string; notes: readonly Note[] }
  | { type: 'noteSaved'; note: Note }
  | { type: 'noteDeleted'; id: string }
  | { type: 'recentLoaded'; recent: readonly RecentComparison[] }
  | { type: 'lexiconLoaded'; lexicon: LexiconState }
  | { type: 'showView'; view: View }
  | { type: 'message'; message: Omit<Message, 'id'> }
  | { type: 'dismiss'; id: number }
  | { type: 'textSize'; change: 'in' | 'out' | 'reset' }
  | { type: 'dropTarget'; active: boolean }
  /** The person moved the strictness control. */
  | { type: 'threshold'; value: number }
  /** The person showed or hid the marks of one kind of difference. */
  | { type: 'toggleKind'; kind: DifferenceKind }
  /** A comparison is taking a while: show how far it has got (`null`: it has only just started). */
  | { type: 'progress'; progress: ComparisonProgress | null }
  /**
   * The comparison under way is done, failed, or was superseded: no progress bar, and no preview of
   * its sources (the screen from before it, if it did not arrive).
   */
  | { type: 'progressDone' }
  /**
   * Main has read the sources of the comparison under way, a new one that is taking a while: show
   * their text until it arrives.
   */
  | { type: 'sourcesRead'; documents: readonly SourceText[] }
  /** The person cancelled the comparison under way: what was on screen before it stays, as it was. */
  | { type: 'cancelled' }
  | { type: 'layout'; layout: ComparisonLayout }
  /** Whether newly opened comparisons show the story at a glance first. */
  | { type: 'openAtGlance'; on: boolean }
  | { type: 'differencesPanel'; open: boolean }
  | { type: 'differenceFilter'; filter: Partial<DifferenceFilter> }
  /** A difference chosen: drawn with a ring and brought into view (the text, if a table was showing). */
  | { type: 'chooseDifference'; index: number }
  /** Back to a paragraph's text from a table or the map: the columns, with it selected. */
  | { type: 'goToParagraph'; ref: ParagraphRef }
  /** Bring a paragraph into view in the columns (any view may ask). */
  | { type: 'focus'; target: ParagraphFocus }
  /** The person put the columns of a comparison in this order (the sources' paths, left to right). */
  | { type: 'columnOrder'; comparisonId: string; paths: readonly string[] }
  | { type: 'linkedScrolling'; on: boolean };

let nextMessageId = 1;

/** Messages kept on screen at most; older ones give way. */
const MAX_MESSAGES = 4;

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.what };
    case 'startedElsewhere':
      return state.busy === initialState.busy ? { ...state, busy: null } : state;
    case 'opened': {
      const same = action.keep === true && state.open?.id === action.open.id;
      const selected = same && state.selected && action.open.comparison.documents[state.selected.doc]?.paragraphs[state.selected.paragraph] ? state.selected : null;
      return {
        ...state,
        open: action.open,
        // The same comparison worked out again (after a change to the word sets, say) does not
        // take the person away from the view they are in; anything newly opened is shown.
        view: same && state.view === 'lexicon' ? 'lexicon' : 'comparison',
        selected,
        notes: same ? state.notes : [],
        busy: null,
        // Whatever was on disk has just been read again.
        sourceChanges: {},
        threshold: action.open.comparison.threshold ?? state.threshold,
        progress: null,
        preview: null,
        // Something new opens at the glance (or, with that turned off, in the layout the person was
        // in, the glance aside); the same comparison worked out again, or one with some of the same
        // sources (one added, removed or located), stays in the layout it was in.
        layout: sharesSources(state.open, action.open) ? state.layout : state.openAtGlance ? 'glance' : state.layout === 'glance' ? 'columns' : state.layout,
        // Differences are numbered afresh by every comparison.
        activeDifference: null,
        focus: null,
        columnOrders: carryColumnOrder(state, action.open),
      };
    }
    case 'sourceChanged': {
      const isOpen = state.open?.comparison.documents.some((doc) => doc.path === action.path);
      if (!isOpen || state.sourceChanges[action.path] === action.change) return state;
      return { ...state, sourceChanges: { ...state.sourceChanges, [action.path]: action.change } };
    }
    case 'sourceChangeDismissed': {
      if (!(action.path in state.sourceChanges)) return state;
      const rest = Object.fromEntries(Object.entries(state.sourceChanges).filter(([path]) => path !== action.path));
      return { ...state, sourceChanges: rest };
    }
    case 'paste':
      return state.pasteOpen === action.open ? state : { ...state, pasteOpen: action.open };
    case 'select':
      return { ...state, selected: action.ref };
    case 'notesLoaded':
      return state.open?.id === action.comparisonId ? { ...state, notes: action.notes } : state;
    case 'noteSaved': {
      if (state.open?.id !== action.note.comparisonId) return state;
      const others = state.notes.filter((n) => n.id !== action.note.id);
      return { ...state, notes: [...others, action.note] };
    }
    case 'noteDeleted':
      return { ...state, notes: state.notes.filter((n) => n.id !== action.id) };
    case 'recentLoaded':
      return { ...state, recent: action.recent };
    case 'lexiconLoaded':
      return { ...state, lexicon: action.lexicon };
    case 'showView':
      return { ...state, view: action.view };
    case 'message': {
      const message: Message = { ...action.message, id: nextMessageId++ };
      return { ...state, messages: [...state.messages, message].slice(-MAX_MESSAGES) };
    }
    case 'dismiss':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.id) };
    case 'textSize': {
      const step =
        action.change === 'reset'
          ? DEFAULT_TEXT_SIZE_STEP
          : Math.min(TEXT_SIZES.length - 1, Math.max(0, state.textSizeStep + (action.change === 'in' ? 1 : -1)));
      return { ...state, textSizeStep: step };
    }
    case 'threshold':
      return { ...state, threshold: action.value };
    case 'toggleKind':
      return {
        ...state,
        hiddenKinds: state.hiddenKinds.includes(action.kind) ? state.hiddenKinds.filter((kind) => kind !== action.kind) : [...state.hiddenKinds, action.kind],
      };
    case 'progress': {
      // The sources' text that may come with it is not progress: `sourcesRead` shows it.
      const progress = action.progress ? { done: action.progress.done, stage: action.progress.stage } : null;
      return { ...state, progress: progress ?? state.progress ?? { done: 0, stage: 'Comparing' } };
    }
    case 'progressDone':
      if (state.progress === null && state.preview === null) return state;
      return { ...state, progress: null, ...withoutPreview(state) };
    case 'sourcesRead':
      return {
        ...state,
        preview: { documents: action.documents, returnTo: state.preview?.returnTo ?? state.view },
        view: 'comparison',
      };
    case 'cancelled':
      return { ...state, busy: null, progress: null, ...withoutPreview(state), threshold: state.open?.comparison.threshold ?? state.threshold };
    case 'layout':
      return { ...state, view: 'comparison', layout: action.layout };
    case 'openAtGlance':
      return state.openAtGlance === action.on ? state : { ...state, openAtGlance: action.on };
    case 'differencesPanel':
      return state.differencesOpen === action.open ? state : { ...state, differencesOpen: action.open };
    case 'differenceFilter':
      return { ...state, differenceFilter: { ...state.differenceFilter, ...action.filter } };
    case 'chooseDifference':
      return {
        ...state,
        view: 'comparison',
        layout: state.layout === 'events' ? 'events' : 'columns',
        activeDifference: action.index,
        focus: { difference: action.index, seq: (state.focus?.seq ?? 0) + 1 },
      };
    case 'goToParagraph':
      return { ...state, view: 'comparison', layout: 'columns', selected: action.ref };
    case 'focus':
      return { ...state, view: 'comparison', layout: 'columns', focus: { ...action.target, seq: (state.focus?.seq ?? 0) + 1 } };
    case 'columnOrder':
      return { ...state, columnOrders: { ...state.columnOrders, [action.comparisonId]: [...action.paths] } };
    case 'linkedScrolling':
      return state.linkedScrolling === action.on ? state : { ...state, linkedScrolling: action.on };
    case 'dropTarget':
      return state.dropTargetActive === action.active ? state : { ...state, dropTargetActive: action.active };
  }
}

/** No preview any more, and the view it took the place of back. */
function withoutPreview(state: AppState): Pick<AppState, 'preview' | 'view'> {
  return { preview: null, view: state.preview ? state.preview.returnTo : state.view };
}

/** The files of the comparison on screen, in main's order (none when nothing is open). */
export function pathsOnScreen(state: AppState): string[] {
  return state.open?.comparison.documents.map((doc) => doc.path) ?? [];
}

/** Whether a comparison being opened has any source of the one on screen (or is the same one). */
function sharesSources(before: OpenComparison | null, next: OpenComparison): boolean {
  if (!before) return false;
  if (before.id === next.id) return true;
  const paths = new Set(before.comparison.documents.map((doc) => doc.path));
  return next.comparison.documents.some((doc) => paths.has(doc.path));
}

/**
 * The column orders once `next` is open. A comparison that takes over from the one on screen with
 * some of its sources removed, or some added, keeps the person's order for those, with
 * any new source at the end; one opened before keeps the order it had.
 */
function carryColumnOrder(state: AppState, next: OpenComparison): AppState['columnOrders'] {
  const before = state.open;
  if (!before || before.id === next.id || state.columnOrders[next.id]) return state.columnOrders;
  const previous = state.columnOrders[before.id] ?? before.comparison.documents.map((doc) => doc.path);
  const paths = next.comparison.documents.map((doc) => doc.path);
  const kept = previous.filter((path) => paths.includes(path));
  // Only a comparison that grew or shrank: other files opened are a new comparison.
  const grewOrShrank = kept.length === paths.length || kept.length === previous.length;
  if (kept.length === 0 || !grewOrShrank) return state.columnOrders;
  const order = [...kept, ...paths.filter((path) => !kept.includes(path))];
  return { ...state.columnOrders, [next.id]: order };
}
