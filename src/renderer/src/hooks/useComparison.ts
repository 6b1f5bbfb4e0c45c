import { startTransition, useCallback, useEffect, useMemo, useRef } from 'react';
import type { ApiChannel, ApiRequest, ApiResponse, ComparisonProgress, OpenComparisonResult, SourceText } from '../../../shared/contract/api';
import { DEFAULT_ALIGN_THRESHOLD } from '../../../shared/core/align';
import { fileName } from '../lib/messageWords';
import { pathsOnScreen } from '../state/appState';
import { useComparisonProgress } from './useApi';
import type { AppCore } from './useAppState';

/**
 * Owns working out the comparison on screen: `openComparison`, the one way any comparison is asked
 * of main and shown (files, the sample, a recent one, the same one after a change to a source, the
 * strictness or the word sets); its progress; cancelling it; and the Matching setting it is worked
 * out with. Nothing else in the page asks main for a comparison or shows one (eslint.config.js
 * says so, and tests/renderer/reopen.test.ts checks every caller).
 */

/**
 * A comparison that takes longer than this shows its progress and a Cancel button, and, if it is a
 * new one (not `keep`), its sources' text meanwhile.
 */
export const PROGRESS_DELAY_MS = 300;
/** The strictness control waits this long after the last move before comparing again. */
export const THRESHOLD_SETTLE_MS = 350;

/** The channels main answers with a comparison to show: opening files or the sample, or changing a source of the one on screen. */
export type ComparisonChannel = { [C in ApiChannel]: ApiResponse<C> extends OpenComparisonResult ? C : never }[ApiChannel];

/** What to ask main for: a channel that answers with a comparison, and the request to send on it. */
export type ComparisonRequest = { [C in ComparisonChannel]: { readonly channel: C; readonly request: ApiRequest<C> } }[ComparisonChannel];

/** How a comparison being asked for is shown meanwhile, and when it fails. */
export interface OpenOptions {
  /** What the window says while main works ("Opening 2 files…"). */
  readonly busy: string;
  /** The title of the message if it fails ("The files could not be opened"). */
  readonly failure: string;
  /**
   * The comparison on screen worked out again after a change the person made (a label, a mark, the
   * strictness, the word sets): the selection, the notes and the view stay, and so does the
   * comparison on screen until the new one arrives. Without it, what comes back is shown as newly
   * opened, and a slow one shows its sources' text (plain) as soon as main has read them.
   */
  readonly keep?: boolean;
}

/** The request under way: what the page knows of it while main works it out. */
interface UnderWay {
  /** Its number (see `openRequest`). */
  readonly asked: number;
  /** Whether its sources' text is shown while it is worked out (a new comparison, not `keep`). */
  readonly preview: boolean;
  /** The files it names, if it names them, to tell its sources' text from an earlier request's. */
  readonly paths: readonly string[];
  /** Whether it has taken long enough to show its progress. */
  slow: boolean;
  /** Its sources' text, once main has sent it. */
  documents: readonly SourceText[] | null;
}

/**
 * Whether sources' text main sent belongs to a request naming `paths`: one of them at least (a
 * request for the sample names none). Text of a request cancelled a moment ago is not shown for
 * the next one.
 */
function textOfRequest(documents: readonly SourceText[], paths: readonly string[]): boolean {
  return paths.length === 0 || documents.some((document) => paths.includes(document.path));
}

export interface ComparisonActions {
  /** Move the strictness control; the comparison is worked out again once it settles. */
  setThreshold(value: number): void;
  /** Stop the comparison under way; the one on screen stays. */
  cancelComparison(): Promise<void>;
}

/** What the other capability hooks use to bring a comparison on screen. */
export interface ComparisonOpener {
  /**
   * Ask main for a comparison (it cancels the one under way) and show it, with its notes, if it is
   * still the latest asked for: a slow sample never replaces the files opened meanwhile, and nothing
   * asked for before a Cancel is shown. One that takes more than a moment shows its progress. Files
   * main could not open are told in the message area. Never rejects.
   */
  openComparison(request: ComparisonRequest, options: OpenOptions): Promise<void>;
  /** Whether anything has been asked for, or cancelled, since the page started (start-up shows the sample only if not). */
  hasAsked(): boolean;
  /** The Matching setting kept in the store, as start-up reads it: the control shows it. */
  restoreThreshold(threshold: number): void;
}

export function useComparison(
  { dispatch, latest, call }: AppCore,
  loadNotes: (comparisonId: string) => Promise<void>,
): { actions: ComparisonActions; opener: ComparisonOpener } {
  // Only the latest request may show its answer; every request, and every cancel, counts one up.
  const openRequest = useRef(0);
  const latestProgress = useRef<ComparisonProgress | null>(null);
  const underWay = useRef<UnderWay | null>(null);

  const show = useCallback(
    async (request: number, result: OpenComparisonResult | undefined, keep: boolean) => {
      if (request !== openRequest.current) return;
      if (!result) {
        dispatch({ type: 'busy', what: null });
        return;
      }
      // A long comparison takes a while to put on screen: as a transition, React renders it a piece
      // at a time between the page's tasks, and what is on screen (the sources' text, or the
      // comparison worked out before) stays, and answers, until it is ready.
      startTransition(() => {
        dispatch({ type: 'busy', what: null });
        for (const problem of result.problems) {
          dispatch({
            type: 'message',
            message: { tone: 'error', title: `${fileName(problem.path)} could not be opened`, detail: problem.message, ...(problem.encodingChoice ? { openAs: problem.path } : {}) },
          });
        }
        dispatch({ type: 'opened', open: { id: result.id, comparison: result.comparison, choices: result.choices }, keep });
      });
      await loadNotes(result.id);
    },
    [dispatch, loadNotes],
  );

  const openComparison = useCallback(
    async ({ channel, request }: ComparisonRequest, { busy, failure, keep = false }: OpenOptions) => {
      const asked = ++openRequest.current;
      latestProgress.current = null;
      const current: UnderWay = { asked, preview: !keep, paths: 'paths' in request ? request.paths : [], slow: false, documents: null };
      underWay.current = current;
      dispatch({ type: 'busy', what: busy });
      dispatch({ type: 'progressDone' });
      const slow = setTimeout(() => {
        if (asked !== openRequest.current) return;
        current.slow = true;
        dispatch({ type: 'progress', progress: latestProgress.current });
        if (current.preview && current.documents) dispatch({ type: 'sourcesRead', documents: current.documents });
      }, PROGRESS_DELAY_MS);
      try {
        await show(asked, await call(channel, request, failure), keep);
      } finally {
        clearTimeout(slow);
        if (underWay.current === current) underWay.current = null;
        // Done, or failed: no progress, and no preview (a failure leaves the screen from before). In
        // the same transition as the comparison shown, if it was: not before it, which would show the
        // screen from before for a moment.
        if (asked === openRequest.current) startTransition(() => dispatch({ type: 'progressDone' }));
      }
    },
    [call, dispatch, show],
  );

  useComparisonProgress(
    useCallback(
      ({ documents, ...progress }: ComparisonProgress) => {
        latestProgress.current = progress;
        // Only a comparison that has been taking a while shows its progress (see openComparison).
        if (latest().progress !== null) dispatch({ type: 'progress', progress });
        // The sources' text of the request under way, sent once before main compares them: shown
        // at once if it has been taking a while already, else when it has (see openComparison).
        const current = underWay.current;
        if (!documents || !current || current.asked !== openRequest.current || !textOfRequest(documents, current.paths)) return;
        current.documents = documents;
        if (current.preview && current.slow) dispatch({ type: 'sourcesRead', documents });
      },
      [dispatch, latest],
    ),
  );

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

  const restoreThreshold = useCallback(
    (threshold: number) => {
      savedThreshold.current = threshold;
      dispatch({ type: 'threshold', value: threshold });
    },
    [dispatch],
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
        // Both never reject: a failure is told in the message area.
        void saveThreshold(value);
        const state = latest();
        const paths = pathsOnScreen(state);
        if (paths.length === 0) return;
        // Back where the comparison on screen already is, with nothing under way: nothing to do.
        if (state.open?.comparison.threshold === value && state.busy === null) return;
        void openComparison(
          { channel: 'comparison:open', request: { paths, threshold: value } },
          { busy: 'Comparing again…', failure: 'The sources could not be compared again', keep: true },
        );
      }, THRESHOLD_SETTLE_MS);
    },
    [dispatch, latest, openComparison, saveThreshold],
  );

  const cancelComparison = useCallback(async () => {
    clearTimeout(thresholdTimer.current);
    openRequest.current++; // whatever the cancelled request answers is not shown
    dispatch({ type: 'cancelled' });
    // The control goes back to the comparison on screen, and so does the setting kept.
    const shown = latest().open?.comparison.threshold;
    if (shown !== undefined) void saveThreshold(shown);
    const answer = await call('comparison:cancel', {}, 'The comparison could not be cancelled');
    if (!answer) return;
    const kept = latest().open !== null;
    dispatch({
      type: 'message',
      message: {
        tone: 'info',
        title: 'Comparison cancelled',
        detail: kept ? 'The comparison you had open is still here, as it was.' : 'Open files, or the sample, when you are ready.',
      },
    });
  }, [call, dispatch, latest, saveThreshold]);

  const hasAsked = useCallback(() => openRequest.current > 0, []);

  const actions = useMemo<ComparisonActions>(() => ({ setThreshold, cancelComparison }), [setThreshold, cancelComparison]);
  const opener = useMemo<ComparisonOpener>(() => ({ openComparison, hasAsked, restoreThreshold }), [openComparison, hasAsked, restoreThreshold]);
  return { actions, opener };
}
