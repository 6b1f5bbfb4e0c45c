import { useCallback, useMemo } from 'react';
import type { RecentComparison } from '../../../shared/contract/api';
import type { AppCore } from './useAppState';
import type { OpeningActions } from './useOpening';

/**
 * Owns the Recent view: listing the comparisons opened before, reopening one (its files, opened
 * as any files are, so its notes come back with it), and taking one off the list.
 */

export interface RecentActions {
  showRecent(): Promise<void>;
  reopen(recent: RecentComparison): Promise<void>;
  forget(recent: RecentComparison): Promise<void>;
}

export function useRecent({ dispatch, call }: AppCore, { openPaths }: Pick<OpeningActions, 'openPaths'>): RecentActions {
  const showRecent = useCallback(async () => {
    dispatch({ type: 'showView', view: 'recent' });
    const recent = await call('comparison:recent', {}, 'The recent comparisons could not be listed');
    if (recent) dispatch({ type: 'recentLoaded', recent });
  }, [call, dispatch]);

  const reopen = useCallback((recent: RecentComparison) => openPaths(recent.sources.map((s) => s.path)), [openPaths]);

  const forget = useCallback(
    async (recent: RecentComparison) => {
      const left = await call('comparison:forget', { id: recent.id }, `“${recent.title}” could not be removed from the list`);
      if (left) dispatch({ type: 'recentLoaded', recent: left });
    },
    [call, dispatch],
  );

  return useMemo<RecentActions>(() => ({ showRecent, reopen, forget }), [showRecent, reopen, forget]);
}
