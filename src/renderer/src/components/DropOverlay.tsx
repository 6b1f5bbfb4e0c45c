/** Shown while files are dragged over the window. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <p className="drop-overlay__title">Drop articles to compare them</p>
        <p className="drop-overlay__hint">One file per source</p>
      </div>
    </div>
  );
}
