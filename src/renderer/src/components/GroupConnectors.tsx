import { useEffect, useState, type RefObject } from 'react';

export interface GroupConnectorsProps {
  /** The strip of columns the connectors are drawn over. */
  readonly strip: RefObject<HTMLElement | null>;
  /** The passage (its badge number) whose members in sight are joined; none: nothing is drawn. */
  readonly group: number | undefined;
  /** Changes when the columns change place, so the lines are drawn again. */
  readonly layout: string;
}

interface Point {
  readonly left: number;
  readonly right: number;
  readonly y: number;
}

/** Where a line meets a paragraph: beside its first line, where the passage badge is. */
const BADGE_Y = 17;

/**
 * Lines between the members of one passage in neighbouring columns, where both are in sight: a
 * picture of what the badges say, for the passage under the pointer or the one selected. The lines
 * are drawn again as the columns scroll. They are decoration only (the badges carry the meaning).
 */
export function GroupConnectors({ strip, group, layout }: GroupConnectorsProps) {
  // The lines, with the passage they were drawn for (a stale drawing is not shown).
  const [drawn, setDrawn] = useState<{ group: number; lines: readonly string[] } | null>(null);

  useEffect(() => {
    const element = strip.current;
    if (!element || group === undefined) return;
    const draw = () => {
      frame = 0;
      const frameBox = element.getBoundingClientRect();
      const points: (Point | null)[] = [];
      for (const section of element.querySelectorAll<HTMLElement>(':scope > section.column')) {
        const viewport = section.querySelector('.column__scroll')?.getBoundingClientRect();
        const member = [...section.querySelectorAll<HTMLElement>(`.para[data-group="${group}"]`)]
          .map((para) => para.getBoundingClientRect())
          .find((box) => viewport && box.bottom > viewport.top + 4 && box.top < viewport.bottom - 4);
        if (!member || !viewport) {
          points.push(null);
          continue;
        }
        const y = Math.min(Math.max(member.top + BADGE_Y, viewport.top + 4), viewport.bottom - 4);
        points.push({ left: member.left - frameBox.left, right: section.getBoundingClientRect().right - frameBox.left, y: y - frameBox.top });
      }
      const next: string[] = [];
      for (let i = 0; i + 1 < points.length; i++) {
        const a = points[i];
        const b = points[i + 1];
        if (!a || !b) continue;
        const from = a.right - 14;
        const to = b.left + 10;
        if (to < 0 || from > frameBox.width) continue;
        const bend = Math.max(12, (to - from) / 2);
        next.push(`M${from},${a.y} C${from + bend},${a.y} ${to - bend},${b.y} ${to},${b.y}`);
      }
      setDrawn((before) =>
        before?.group === group && before.lines.length === next.length && before.lines.every((d, i) => d === next[i]) ? before : { group, lines: next },
      );
    };
    let frame = requestAnimationFrame(draw);
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    element.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resize?.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      resize?.disconnect();
    };
  }, [strip, group, layout]);

  const lines = drawn && drawn.group === group ? drawn.lines : [];
  if (lines.length === 0) return null;
  return (
    <svg className="connectors" aria-hidden="true" focusable="false" data-group={group}>
      {lines.map((d) => (
        <g key={d}>
          <path className="connectors__line" d={d} />
          <circle className="connectors__end" cx={d.split(' ')[0]!.slice(1).split(',')[0]} cy={d.split(' ')[0]!.split(',')[1]} r="3" />
          <circle className="connectors__end" cx={d.split(' ').at(-1)!.split(',')[0]} cy={d.split(' ').at(-1)!.split(',')[1]} r="3" />
        </g>
      ))}
    </svg>
  );
}
