import { useEffect, useRef } from 'react';
import type { AppCore } from './useAppState';
import type { ComparisonOpener } from './useComparison';

/**
 * Owns what the page does once, when it starts: it tells the person if their store had to be
 * recovered, shows the Matching setting they left, and opens the files main holds for the page, or
 * else the sample, unless something was opened meanwhile (a drop, a menu command).
 */
export function useStartup(
  { dispatch, call, notify }: AppCore,
  { hasAsked, restoreThreshold }: Pick<ComparisonOpener, 'hasAsked' | 'restoreThreshold'>,
  { openPending, openSample }: { openPending(): Promise<boolean>; openSample(): Promise<void> },
): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // Fire and forget: every call here tells its own failure in the message area and never rejects.
    void (async () => {
      const [status, settings] = await Promise.all([
        call('app:status', {}, 'Parallax could not read its status'),
        call('settings:get', {}, 'Your settings could not be read'),
      ]);
      // The Matching setting the person left: main compares with it already; the control shows it.
      if (settings?.threshold !== undefined) restoreThreshold(settings.threshold);
      if (status?.storeRecovery) {
        // Read-only (a full or read-only disk): every save will be refused, so it is said as a problem.
        if (status.storeReadOnly) notify('error', 'Your notes are open read-only', status.storeRecovery);
        else notify('info', 'Your notes store was repaired', status.storeRecovery);
      }
      if (await openPending()) return;
      if (!hasAsked()) await openSample();
      else dispatch({ type: 'startedElsewhere' });
    })();
  }, [call, dispatch, hasAsked, notify, openPending, openSample, restoreThreshold]);
}
