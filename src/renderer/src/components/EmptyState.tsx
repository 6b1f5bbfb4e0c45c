export interface EmptyStateProps {
  readonly busy: string | null;
  readonly onOpenFiles: () => void;
  readonly onOpenSample: () => void;
}

/** What the window shows when nothing is open. */
export function EmptyState({ busy, onOpenFiles, onOpenSample }: EmptyStateProps) {
  return (
    <section className="empty" aria-labelledby="empty-heading">
      <h1 id="empty-heading" className="empty__heading">
        {busy ?? 'Compare how the news is told'}
      </h1>
      {!busy && (
        <>
          <p className="empty__lede">Open two or more articles about the same event, or drop them onto this window.</p>
          <div className="empty__actions">
            <button type="button" className="button button--primary" onClick={onOpenFiles}>
              Open files…
            </button>
            <button type="button" className="button" onClick={onOpenSample}>
              Open the sample
            </button>
          </div>
        </>
      )}
    </section>
  );
}
