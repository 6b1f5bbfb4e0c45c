import { useCallback, useEffect, useState } from 'react';
import type { Comparison, Difference } from '../../../shared/contract/comparison';
import { differenceEntries, differenceEntriesInSteps, type DifferenceEntry } from '../lib/differenceList';
import type { EventRow } from '../lib/eventRows';
import { nextTask, pauseEvery } from '../lib/tasks';

type Describe = (difference: Difference) => string;

/** A comparison with at most this many differences has its list worked out at once (a few milliseconds). */
const LISTED_AT_ONCE = 2_000;

/** The lists worked out, by comparison and by how differences are put into words (blind mode or not). */
const lists = new WeakMap<Comparison, WeakMap<Describe, readonly DifferenceEntry[]>>();

function listed(comparison: Comparison, describe: Describe): readonly DifferenceEntry[] | undefined {
  return lists.get(comparison)?.get(describe);
}

function keep(comparison: Comparison, describe: Describe, entries: readonly DifferenceEntry[]): void {
  let byDescribe = lists.get(comparison);
  if (!byDescribe) lists.set(comparison, (byDescribe = new WeakMap()));
  byDescribe.set(describe, entries);
}

export interface DifferenceEntries {
  /** The list, once worked out; null while it is (or before anything asked for it). */
  readonly entries: readonly DifferenceEntry[] | null;
  /** The list now, worked out at once if it is not yet (for a step with F8 before the panel was opened). */
  now(): readonly DifferenceEntry[];
}

/** The list, worked out here and now, and kept. */
function listNow(comparison: Comparison, rows: () => readonly EventRow[], describe: Describe): readonly DifferenceEntry[] {
  const known = listed(comparison, describe);
  if (known) return known;
  const worked = differenceEntries(comparison, rows(), describe);
  keep(comparison, describe, worked);
  return worked;
}

/**
 * The differences list of the comparison on screen (`differenceEntries`), worked out only when
 * something needs it: while `wanted` (the differences panel is open), at once for a comparison of
 * a step's worth of differences, else a step at a time between the page's tasks, so that a long
 * comparison opened with the panel open never holds the window; or at once when `now()` is called.
 * `rows`: the event's rows, asked for only then.
 */
export function useDifferenceEntries(comparison: Comparison | undefined, rows: () => readonly EventRow[], describe: Describe, wanted: boolean): DifferenceEntries {
  // Counts the lists finished, so that one finished in the background is shown.
  const [, setFinished] = useState(0);
  const small = comparison !== undefined && comparison.differences.length <= LISTED_AT_ONCE;
  const entries = comparison ? (listed(comparison, describe) ?? (wanted && small ? listNow(comparison, rows, describe) : null)) : null;

  useEffect(() => {
    if (!wanted || !comparison || listed(comparison, describe)) return undefined;
    let stopped = false;
    void (async () => {
      // Not in the task that put the comparison on screen.
      await nextTask();
      if (stopped) return;
      const pause = pauseEvery();
      const steps = differenceEntriesInSteps(comparison, rows(), describe);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          keep(comparison, describe, step.value);
          setFinished((n) => n + 1);
          return;
        }
        await pause();
        if (stopped) return;
      }
    })();
    return () => {
      stopped = true;
    };
  }, [comparison, rows, describe, wanted]);

  const now = useCallback((): readonly DifferenceEntry[] => {
    if (!comparison) return [];
    const known = listed(comparison, describe);
    if (known) return known;
    const worked = listNow(comparison, rows, describe);
    setFinished((n) => n + 1);
    return worked;
  }, [comparison, rows, describe]);

  return { entries, now };
}
