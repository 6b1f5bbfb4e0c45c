import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A long table put on the page a step of rows at a time: more as its end (the `sentinel`) comes
 * within `margin` pixels of the view, and at once up to a row something asks for (a keyboard move,
 * a chosen difference). Used by the event view and the coverage map.
 */
export function useRowsInSteps(total: number, step: number, margin = 400) {
  const [rendered, setRendered] = useState(step);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((entry) => entry.isIntersecting)) setRendered((n) => Math.min(total, n + step));
      },
      { rootMargin: `${margin}px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [total, rendered, step, margin]);

  /** Put row `row` (and a step after it) on the page; safe to call while rendering. */
  const reach = useCallback(
    (row: number) => {
      if (row >= rendered) setRendered(Math.min(total, row + step));
    },
    [rendered, total, step],
  );
  const more = useCallback(() => setRendered((n) => Math.min(total, n + step * 5)), [total, step]);
  return { rendered, sentinel, reach, more };
}
