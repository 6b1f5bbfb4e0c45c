import { useCallback, useMemo } from 'react';
import type { MenuCommand } from '../../../shared/contract/api';
import type { AppState } from '../state/appState';
import { useMenuCommands } from './useApi';
import { useAppState } from './useAppState';
import { useComparison, type ComparisonActions } from './useComparison';
import { useNotes, type NotesActions } from './useNotes';
import { useOpening, type OpeningActions } from './useOpening';
import { useRecent, type RecentActions } from './useRecent';
import { useSources, type SourcesActions } from './useSources';
import { useStartup } from './useStartup';
import { useView, type ViewActions } from './useView';
import { useWordSets, type WordSetsActions } from './useWordSets';

/**
 * The page's state and everything the views can ask for, put together from one hook per
 * capability. It owns nothing itself but the native menu's opening and zoom commands:
 * - useAppState: the state (one reducer) and the way to main every capability shares;
 * - useComparison: the one way a comparison is asked for and shown, its progress, Cancel, Matching;
 * - useOpening: files picked, dropped or given to Parallax, and the sample;
 * - useSources: changing the sources of the comparison on screen, and their changes on disk;
 * - useNotes: the notes of the comparison on screen;
 * - useWordSets: the word sets, and comparing again with them;
 * - useRecent: the comparisons opened before;
 * - useStartup: what happens once, when the page starts;
 * - useView: how things are shown (views, layouts, selection, panels, messages), asking nothing of main.
 *
 * A new capability is a new hook with its own actions interface, added to `ParallaxActions` and to
 * the list below.
 */

/**
 * What the views can ask for. Every call to the main process goes through here, and none rejects:
 * a failure is told in the message area, so a view may call an action without waiting for it.
 */
export interface ParallaxActions extends ViewActions, ComparisonActions, OpeningActions, SourcesActions, NotesActions, WordSetsActions, RecentActions {}

export function useParallax(): { state: AppState; actions: ParallaxActions } {
  const { state, core } = useAppState();
  const view = useView(core);
  const notes = useNotes(core);
  const comparison = useComparison(core, notes.loadNotes);
  const opening = useOpening(core, comparison.opener);
  const sources = useSources(core, comparison.opener);
  const wordSets = useWordSets(core, comparison.opener);
  const recent = useRecent(core, opening.actions);
  useStartup(core, comparison.opener, { openPending: opening.openPending, openSample: opening.actions.openSample });

  // The native menu's opening and zoom commands; the views, modes, themes and help are App's (lib/classroomCommands.ts).
  const { pickAndOpen, openSample } = opening.actions;
  const { openPending } = opening;
  const { showRecent } = recent;
  const { textSize } = view;
  useMenuCommands(
    useCallback(
      (command: MenuCommand) => {
        // Each action tells its own failure in the message area and never rejects.
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
            return textSize('in');
          case 'zoom-out':
            return textSize('out');
          case 'zoom-reset':
            return textSize('reset');
        }
      },
      [openPending, openSample, pickAndOpen, showRecent, textSize],
    ),
  );

  const actions = useMemo<ParallaxActions>(
    () => ({ ...view, ...comparison.actions, ...opening.actions, ...sources, ...notes.actions, ...wordSets, ...recent }),
    [view, comparison.actions, opening.actions, sources, notes.actions, wordSets, recent],
  );
  return { state, actions };
}
