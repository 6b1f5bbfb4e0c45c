import { useMemo } from 'react';
import type { DifferenceKind } from '../../../shared/contract/comparison';
import type { ParagraphRef } from '../lib/comparisonIndex';
import type { DifferenceFilter } from '../lib/differenceList';
import type { AppState, ComparisonLayout } from '../state/appState';
import type { AppCore, Tone } from './useAppState';

/**
 * Owns how things are shown, none of which asks main: which view and layout, the selection and
 * what is brought into view, the differences panel and legend, the columns' order and linked
 * scrolling, the text size, the paste box and the drop target, and the messages. Also the one view
 * preference kept on this computer: whether comparisons open at the glance.
 */

/** Where the page remembers whether comparisons open at the glance ("false" when the person turned it off). */
export const OPEN_AT_GLANCE_KEY = 'parallax.openAtGlance';

/** The state to start with: the defaults, and whether the person wants comparisons to open at the glance. */
export function withRememberedPreferences(state: AppState): AppState {
  let off = false;
  try {
    off = window.localStorage.getItem(OPEN_AT_GLANCE_KEY) === 'false';
  } catch {
    // Storage can be unavailable (a locked-down profile): the default serves.
  }
  return off ? { ...state, openAtGlance: false, layout: 'columns' } : state;
}

export interface ViewActions {
  showComparison(): void;
  select(ref: ParagraphRef | null): void;
  /** Tell the person something in the message area. */
  notify(tone: Tone, title: string, detail?: string): void;
  dismiss(id: number): void;
  textSize(change: 'in' | 'out' | 'reset'): void;
  setDropTarget(active: boolean): void;
  showPaste(open: boolean): void;
  /** Show or hide the marks of one kind of difference. */
  toggleKind(kind: DifferenceKind): void;
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
}

export function useView({ dispatch, latest, notify }: AppCore): ViewActions {
  return useMemo<ViewActions>(
    () => ({
      showComparison: () => dispatch({ type: 'showView', view: 'comparison' }),
      select: (ref) => dispatch({ type: 'select', ref }),
      notify,
      dismiss: (id) => dispatch({ type: 'dismiss', id }),
      textSize: (change) => dispatch({ type: 'textSize', change }),
      setDropTarget: (active) => dispatch({ type: 'dropTarget', active }),
      showPaste: (open) => dispatch({ type: 'paste', open }),
      toggleKind: (kind) => dispatch({ type: 'toggleKind', kind }),
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
        const id = latest().open?.id;
        if (id) dispatch({ type: 'columnOrder', comparisonId: id, paths });
      },
      setLinkedScrolling: (on) => dispatch({ type: 'linkedScrolling', on }),
    }),
    [dispatch, latest, notify],
  );
}
