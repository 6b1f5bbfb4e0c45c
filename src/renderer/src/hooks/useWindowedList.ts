import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { HeightIndex } from '../lib/windowing';

export interface WindowedListOptions {
  readonly count: number;
  /** Render only a window of the list (false: every block, and the rest of this is cheap). */
  readonly enabled: boolean;
  /** A stable name per block, so a measured height follows its block when blocks come and go. */
  readonly keyOf: (index: number) => string;
  /** A guess at a block's height before it is measured, in CSS pixels. */
  readonly estimate: (index: number) => number;
  /** How far beyond the viewport to render, above and below, in CSS pixels. */
  readonly overscan?: number;
}

export interface WindowedList {
  /** The blocks to render, `[start, end)`, and the space standing in for those above and below. */
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
  readonly scrollerRef: (element: HTMLElement | null) => void;
  readonly listRef: (element: HTMLElement | null) => void;
  /**
   * The ref of every block's element. Each block's element carries `data-window-index` (its
   * index now) and `data-window-key` (its `keyOf`); it is measured while rendered.
   */
  readonly itemRef: (element: HTMLElement | null) => () => void;
  /** The element of block `index`, if it is rendered. */
  readonly elementOf: (index: number) => HTMLElement | undefined;
  /** Where block `index` starts, relative to the top of the scroller's viewport (estimated when not rendered). */
  readonly topOf: (index: number) => number | undefined;
  /**
   * Scroll so that block `index` starts `line` pixels below the top of the viewport. A block that
   * is not rendered yet is reached in one jump, then put right once it has been measured.
   */
  readonly scrollToItem: (index: number, line: number, behavior: ScrollBehavior) => void;
  /** Run `then` with block `index`'s element once it is rendered (at once if it is). */
  readonly whenRendered: (index: number, then: (element: HTMLElement) => void) => void;
  /** The scrolling element, once rendered. */
  readonly scroller: () => HTMLElement | null;
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

const sameWindow = (a: Window, b: Window): boolean =>
  a.start === b.start && a.end === b.end && Math.abs(a.padTop - b.padTop) < 0.5 && Math.abs(a.padBottom - b.padBottom) < 0.5;

/** Blocks rendered before the first measurement of the viewport, at most. */
const FIRST_WINDOW = 30;

/**
 * The blocks rendered before the first measurement: as many as the estimates say fill a viewport
 * as tall as the window (at most `FIRST_WINDOW`); the overscan follows once measured. Every block
 * more is laid out before the first paint for nothing when a long comparison shows its columns.
 */
function firstWindowEnd(count: number, estimate: (index: number) => number): number {
  const bottom = typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : 1080;
  let end = 0;
  for (let top = 0; end < Math.min(count, FIRST_WINDOW) && top < bottom; end++) top += Math.max(0, estimate(end));
  return end;
}

/**
 * A list that renders only the blocks near its scroller's viewport, with measured heights (a
 * ResizeObserver on each rendered block), overscan, and scrolling to any block. The space of the
 * blocks not rendered is the list's padding above and below, so the scrollbar and the browser's
 * scroll anchoring behave as with the whole list.
 */
export function useWindowedList(options: WindowedListOptions): WindowedList {
  const { count, enabled, keyOf, estimate } = options;
  const overscan = options.overscan ?? 800;
  const scroller = useRef<HTMLElement | null>(null);
  const list = useRef<HTMLElement | null>(null);
  // Rendered blocks by key; heights measured by key (they survive a change of the blocks, such as
  // a run of furniture opened); callbacks waiting for a block by key.
  const elements = useRef(new Map<string, HTMLElement>());
  const measured = useRef(new Map<string, number>());
  const waiting = useRef(new Map<string, ((element: HTMLElement) => void)[]>());
  const heights = useRef(new HeightIndex(0, () => 0));
  const observer = useRef<ResizeObserver | null>(null);
  const latest = useRef({ keyOf, enabled, overscan });
  const [window, setWindow] = useState<Window>(() => ({ start: 0, end: firstWindowEnd(count, estimate), padTop: 0, padBottom: 0 }));

  const listOffset = useCallback((): number => {
    const s = scroller.current;
    const l = list.current;
    if (!s || !l) return 0;
    return l.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
  }, []);

  /** Work out which blocks the viewport (and the overscan) covers now. */
  const update = useCallback(() => {
    const h = heights.current;
    const s = scroller.current;
    if (!s) return;
    const top = s.scrollTop - listOffset();
    const { start, end } = h.range(top - latest.current.overscan, top + s.clientHeight + latest.current.overscan);
    const next = { start, end, padTop: h.offsetOf(start), padBottom: h.total - h.offsetOf(end) };
    setWindow((w) => (sameWindow(w, next) ? w : next));
  }, [listOffset]);

  const frame = useRef(0);
  const scheduleUpdate = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      update();
    });
  }, [update]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // New blocks: heights from what was measured, estimates for the rest; then the window. This
  // measures the page and sets state before it is painted, as a layout effect is meant to; except
  // for a list just put on the page, nothing of it measured yet: its first window (enough, by the
  // estimates, to fill the view) is painted as it is and put right on the next frame, so that the
  // columns of a long comparison, shown together, do not each lay the page out before it is painted.
  useLayoutEffect(() => {
    latest.current = { keyOf, enabled, overscan };
    heights.current = new HeightIndex(count, (i) => measured.current.get(keyOf(i)) ?? estimate(i));
    if (!enabled) return;
    if (measured.current.size === 0) scheduleUpdate();
    else update();
  }, [count, keyOf, estimate, enabled, overscan, update, scheduleUpdate]);

  // Measure the rendered blocks while windowing is on.
  useEffect(() => {
    if (!enabled || typeof ResizeObserver === 'undefined') return;
    const watcher = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const index = Number(element.dataset.windowIndex);
        const key = element.dataset.windowKey;
        if (!Number.isInteger(index) || key === undefined) continue;
        const height = entry.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
        measured.current.set(key, height);
        if (latest.current.keyOf(index) === key && heights.current.set(index, height)) changed = true;
      }
      if (changed) scheduleUpdate();
    });
    observer.current = watcher;
    for (const element of elements.current.values()) watcher.observe(element);
    return () => {
      watcher.disconnect();
      observer.current = null;
    };
  }, [enabled, scheduleUpdate]);

  // Scrolling and a change of the scroller's height move the window.
  const [scrollerElement, setScrollerElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!scrollerElement || !enabled) return;
    scrollerElement.addEventListener('scroll', scheduleUpdate, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(scheduleUpdate);
    resize?.observe(scrollerElement);
    return () => {
      scrollerElement.removeEventListener('scroll', scheduleUpdate);
      resize?.disconnect();
    };
  }, [scrollerElement, enabled, scheduleUpdate]);

  const scrollerRef = useCallback((element: HTMLElement | null) => {
    scroller.current = element;
    setScrollerElement(element);
  }, []);
  const listRef = useCallback((element: HTMLElement | null) => {
    list.current = element;
  }, []);

  const itemRef = useCallback((element: HTMLElement | null) => {
    const key = element?.dataset.windowKey;
    if (!element || key === undefined) return () => undefined;
    elements.current.set(key, element);
    observer.current?.observe(element);
    const then = waiting.current.get(key);
    if (then) {
      waiting.current.delete(key);
      // After this commit, once the block is laid out.
      requestAnimationFrame(() => then.forEach((callback) => callback(element)));
    }
    return () => {
      observer.current?.unobserve(element);
      if (elements.current.get(key) === element) elements.current.delete(key);
    };
  }, []);

  const elementOf = useCallback((index: number) => {
    const element = elements.current.get(latest.current.keyOf(index));
    return element?.isConnected ? element : undefined;
  }, []);

  const topOf = useCallback(
    (index: number): number | undefined => {
      const s = scroller.current;
      if (!s) return undefined;
      const element = elementOf(index);
      if (element) return element.getBoundingClientRect().top - s.getBoundingClientRect().top;
      return listOffset() + heights.current.offsetOf(index) - s.scrollTop;
    },
    [elementOf, listOffset],
  );

  const whenRendered = useCallback(
    (index: number, then: (element: HTMLElement) => void) => {
      const element = elementOf(index);
      if (element) then(element);
      else {
        const key = latest.current.keyOf(index);
        waiting.current.set(key, [...(waiting.current.get(key) ?? []), then]);
      }
    },
    [elementOf],
  );

  const scrollRequest = useRef(0);
  const scrollToItem = useCallback(
    (index: number, line: number, behavior: ScrollBehavior) => {
      const s = scroller.current;
      const top = topOf(index);
      if (!s || top === undefined) return;
      const rendered = elementOf(index) !== undefined;
      // A newer request wins over the one still settling.
      const request = ++scrollRequest.current;
      s.scrollTo({ top: s.scrollTop + top - line, behavior: rendered ? behavior : 'auto' });
      if (rendered) return;
      // The jump used estimated heights: once the block is rendered and measured, put it right,
      // for a few frames while the blocks around it are measured too.
      let tries = 0;
      const settle = () => {
        if (request !== scrollRequest.current) return;
        const now = topOf(index);
        if (now !== undefined && Math.abs(now - line) > 1) s.scrollTo({ top: s.scrollTop + now - line, behavior: 'auto' });
        if (++tries < 4) requestAnimationFrame(settle);
      };
      whenRendered(index, () => requestAnimationFrame(settle));
    },
    [elementOf, topOf, whenRendered],
  );

  const shown = enabled ? window : { start: 0, end: count, padTop: 0, padBottom: 0 };
  return {
    start: Math.min(shown.start, count),
    end: Math.min(shown.end, count),
    padTop: shown.padTop,
    padBottom: shown.padBottom,
    scrollerRef,
    listRef,
    itemRef,
    elementOf,
    topOf,
    scrollToItem,
    whenRendered,
    scroller: useCallback(() => scroller.current, []),
  };
}
