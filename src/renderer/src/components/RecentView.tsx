import type { RecentComparison } from '../../../shared/contract/api';
import { formatWhen } from './NotesPanel';
import { displayLabel, useSourceLabel } from '../lib/sourceLabel';

export interface RecentViewProps {
  /** `null` while the list is loading. */
  readonly recent: readonly RecentComparison[] | null;
  readonly onReopen: (recent: RecentComparison) => void;
  readonly onForget: (recent: RecentComparison) => void;
  readonly onOpenFiles: () => void;
}

/** The comparisons opened before, to reopen them with their notes. */
export function RecentView({ recent, onReopen, onForget, onOpenFiles }: RecentViewProps) {
  // Blind mode hides past comparisons' titles and outlets too: the list may be on the projector.
  const { hidden } = useSourceLabel();
  const titleOf = (item: RecentComparison): string => (hidden ? `Comparison of ${item.sources.length} sources` : item.title || 'Untitled comparison');
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="recent__inner">
        <h1 id="recent-heading" className="recent__heading">
          Recent comparisons
        </h1>
        <p className="recent__lede">Reopen a comparison to carry on where you left off. Your notes are kept with it.</p>
        {recent === null ? (
          <p className="recent__empty" role="status">
            Loading…
          </p>
        ) : recent.length === 0 ? (
          <div className="recent__empty">
            <p>Nothing opened yet.</p>
            <button type="button" className="button button--primary" onClick={onOpenFiles}>
              Open files…
            </button>
          </div>
        ) : (
          <ul className="recent__list">
            {recent.map((item) => (
              <li key={item.id} className="recent-item">
                <button type="button" className="recent-item__open" onClick={() => onReopen(item)}>
                  <span className="recent-item__title">{titleOf(item)}</span>
                  <span className="recent-item__sources">
                    {item.sources.length} sources: {item.sources.map((s, i) => displayLabel(s, i, hidden)).join(' · ')}
                  </span>
                  <span className="recent-item__meta">
                    Opened <time dateTime={item.openedAt}>{formatWhen(item.openedAt)}</time>
                    {' · '}
                    {item.noteCount === 1 ? '1 note' : `${item.noteCount} notes`}
                  </span>
                </button>
                <button type="button" className="button button--quiet button--small recent-item__forget" onClick={() => onForget(item)}>
                  Remove<span className="visually-hidden"> {titleOf(item)} from the list</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
