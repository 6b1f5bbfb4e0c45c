import { useCallback, useMemo } from 'react';
import { plural } from '../lib/messageWords';
import { pathForDroppedFile } from './useApi';
import type { AppCore } from './useAppState';
import type { ComparisonOpener } from './useComparison';

/**
 * Owns opening a new comparison: files the person picks or drops, the bundled sample, and the files
 * main holds for the page (the command line, a second launch, the OS). Each goes through
 * `openComparison`; reopening a recent comparison is opening its files (useRecent).
 */

export interface OpeningActions {
  openSample(): Promise<void>;
  openPaths(paths: readonly string[]): Promise<void>;
  pickAndOpen(): Promise<void>;
  openDropped(files: readonly File[]): Promise<void>;
}

export function useOpening(
  { call, notify }: AppCore,
  { openComparison }: ComparisonOpener,
): {
  actions: OpeningActions;
  /** Open the files main was asked to open (command line, second launch, OS); false if none. */
  openPending(): Promise<boolean>;
} {
  const openPaths = useCallback(
    async (paths: readonly string[]) => {
      if (paths.length === 0) return;
      await openComparison(
        { channel: 'comparison:open', request: { paths: [...paths] } },
        { busy: `Opening ${plural(paths.length, 'file')}…`, failure: 'The files could not be opened' },
      );
    },
    [openComparison],
  );

  const openSample = useCallback(
    () => openComparison({ channel: 'comparison:openSample', request: {} }, { busy: 'Opening the sample…', failure: 'The sample could not be opened' }),
    [openComparison],
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
        else notify('error', `${file.name || 'A dropped item'} could not be read from disk`, 'Drop files saved on this computer, or use Open files… instead.');
      }
      await openPaths(paths);
    },
    [notify, openPaths],
  );

  const openPending = useCallback(async (): Promise<boolean> => {
    const pending = await call('comparison:pending', {}, 'The files given to Parallax could not be opened');
    if (!pending || pending.paths.length === 0) return false;
    await openPaths(pending.paths);
    return true;
  }, [call, openPaths]);

  const actions = useMemo<OpeningActions>(() => ({ openSample, openPaths, pickAndOpen, openDropped }), [openSample, openPaths, pickAndOpen, openDropped]);
  return { actions, openPending };
}
