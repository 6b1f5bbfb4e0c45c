import { useCallback, useMemo } from 'react';
import type { LexiconSet } from '../../../shared/contract/lexicon';
import { fileName, plural } from '../lib/messageWords';
import { pathsOnScreen } from '../state/appState';
import type { AppCore } from './useAppState';
import type { ComparisonOpener } from './useComparison';

/**
 * Owns the word sets that classify differences: showing them, changing them (add, edit, remove,
 * reset, import) and exporting them. After a change the comparison on screen, if any, is worked
 * out again with them, in place.
 */

export interface WordSetsActions {
  /** Show the word sets that classify differences. */
  showWordSets(): Promise<void>;
  /** Add a word set, or replace the one with its id; true when main kept it. */
  saveWordSet(set: LexiconSet): Promise<boolean>;
  removeWordSet(set: LexiconSet): Promise<void>;
  resetWordSets(): Promise<void>;
  exportWordSets(): Promise<void>;
  importWordSets(): Promise<void>;
}

export function useWordSets({ dispatch, latest, call, notify }: AppCore, { openComparison }: ComparisonOpener): WordSetsActions {
  /** After the word sets changed: the comparison on screen, if any, is worked out again with them. */
  const compareWithNewSets = useCallback(async () => {
    const paths = pathsOnScreen(latest());
    if (paths.length === 0) return;
    await openComparison(
      { channel: 'comparison:open', request: { paths } },
      { busy: 'Comparing again with your word sets…', failure: 'The comparison could not be worked out again', keep: true },
    );
  }, [latest, openComparison]);

  const showWordSets = useCallback(async () => {
    dispatch({ type: 'showView', view: 'lexicon' });
    const lexicon = await call('lexicon:get', {}, 'The word sets could not be read');
    if (lexicon) dispatch({ type: 'lexiconLoaded', lexicon });
  }, [call, dispatch]);

  const saveWordSet = useCallback(
    async (set: LexiconSet): Promise<boolean> => {
      const lexicon = await call('lexicon:saveSet', { set }, `“${set.name}” could not be saved`);
      if (!lexicon) return false;
      dispatch({ type: 'lexiconLoaded', lexicon });
      // The editor closes on the answer, without waiting for the comparison (which never rejects).
      void compareWithNewSets();
      return true;
    },
    [call, compareWithNewSets, dispatch],
  );

  const removeWordSet = useCallback(
    async (set: LexiconSet) => {
      const lexicon = await call('lexicon:removeSet', { id: set.id }, `“${set.name}” could not be removed`);
      if (!lexicon) return;
      dispatch({ type: 'lexiconLoaded', lexicon });
      await compareWithNewSets();
    },
    [call, compareWithNewSets, dispatch],
  );

  const resetWordSets = useCallback(async () => {
    const lexicon = await call('lexicon:reset', {}, 'The word sets could not be reset');
    if (!lexicon) return;
    dispatch({ type: 'lexiconLoaded', lexicon });
    notify('info', 'The word sets are the default ones again');
    await compareWithNewSets();
  }, [call, compareWithNewSets, dispatch, notify]);

  const exportWordSets = useCallback(async () => {
    const result = await call('lexicon:export', {}, 'The word sets could not be exported');
    if (result && 'path' in result) notify('info', `The word sets were saved as ${fileName(result.path)}`, result.path);
  }, [call, notify]);

  const importWordSets = useCallback(async () => {
    const result = await call('lexicon:import', {}, 'The word sets could not be imported');
    if (!result || 'cancelled' in result) return;
    dispatch({ type: 'lexiconLoaded', lexicon: { lexicon: result.lexicon, changed: result.changed } });
    notify(
      'info',
      `Imported ${plural(result.added + result.replaced, 'word set')} from ${result.file}`,
      `${plural(result.added, 'set')} added, ${plural(result.replaced, 'set')} replaced.`,
    );
    await compareWithNewSets();
  }, [call, compareWithNewSets, dispatch, notify]);

  return useMemo<WordSetsActions>(
    () => ({ showWordSets, saveWordSet, removeWordSet, resetWordSets, exportWordSets, importWordSets }),
    [showWordSets, saveWordSet, removeWordSet, resetWordSets, exportWordSets, importWordSets],
  );
}
