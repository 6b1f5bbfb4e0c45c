import type { RefObject } from 'react';

/** The end of a table put on the page in steps: how many rows show, and a button for more. */
export function MoreRows({ ref, rendered, total, onMore }: { readonly ref: RefObject<HTMLDivElement | null>; readonly rendered: number; readonly total: number; readonly onMore: () => void }) {
  if (rendered >= total) return null;
  return (
    <div ref={ref} className="event-view__more">
      <span>
        Showing {rendered} of {total} rows.
      </span>
      <button type="button" className="button button--quiet" onClick={onMore}>
        Show more rows
      </button>
    </div>
  );
}
