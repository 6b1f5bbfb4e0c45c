import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DifferenceKind } from '../../../shared/contract/comparison';
import { DIFFERENCE_KIND_NAMES, LEGEND_ORDER } from '../lib/differenceKinds';
import type { DifferenceEntry, DifferenceFilter } from '../lib/differenceList';

export interface DifferencesPanelProps {
  /** Every difference, in reading order, and those the filter lets through. */
  readonly entries: readonly DifferenceEntry[];
  readonly shown: readonly DifferenceEntry[];
  readonly kindCounts: Readonly<Partial<Record<DifferenceKind, number>>>;
  readonly labels: readonly string[];
  readonly filter: DifferenceFilter;
  readonly onFilter: (filter: Partial<DifferenceFilter>) => void;
  /** The chosen difference (an index into `differences`). */
  readonly active: number | null;
  readonly onChoose: (index: number) => void;
  readonly onStep: (direction: 1 | -1) => void;
  readonly onClose: () => void;
  /** The list is still being worked out (a long comparison, just opened): it says so instead of "none". */
  readonly listing?: boolean;
}

/** Each entry is this tall (px); the list is virtual, so thousands of entries stay quick. */
export const ENTRY_HEIGHT = 76;
/** Entries put on the page beyond the visible ones, above and below. */
const OVERSCAN = 6;

const optionId = (base: string, index: number) => `${base}-d${index}`;

/**
 * Every difference with its kind, its description and its sources; filtered by kind and source and by
 * words. Choosing one (a click, the arrow keys in the list, F8 / Shift+F8 or j / k anywhere but a
 * field) rings it in the text and brings it into view in every column.
 */
export function DifferencesPanel(props: DifferencesPanelProps) {
  const { entries, shown, kindCounts, labels, filter, onFilter, active, onChoose, onStep } = props;
  const baseId = useId();
  const headingId = useId();
  const keysId = useId();
  const list = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const [query, setQuery] = useState(filter.query);

  // The search follows typing after a short pause, so a long list is not filtered per keystroke.
  useEffect(() => {
    if (query === filter.query) return;
    const timer = setTimeout(() => onFilter({ query }), 120);
    return () => clearTimeout(timer);
  }, [query, filter.query, onFilter]);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer?.observe(element);
    setViewHeight(element.clientHeight);
    return () => observer?.disconnect();
  }, [shown.length === 0]); // eslint-disable-line react-hooks/exhaustive-deps -- the list comes and goes with its entries

  const position = active === null ? -1 : shown.findIndex((entry) => entry.index === active);

  // Keep the chosen entry in sight in the list, however it was chosen.
  useEffect(() => {
    const element = list.current;
    if (!element || position < 0) return;
    const top = position * ENTRY_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ENTRY_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ENTRY_HEIGHT - element.clientHeight;
  }, [position]);

  const first = Math.max(0, Math.floor(scrollTop / ENTRY_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewHeight) / ENTRY_HEIGHT) + OVERSCAN);
  const hidden = new Set(filter.hiddenKinds);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const go = (at: number) => {
      event.preventDefault();
      const entry = shown[Math.max(0, Math.min(shown.length - 1, at))];
      if (entry) onChoose(entry.index);
    };
    switch (event.key) {
      case 'ArrowDown':
        return position < 0 ? go(0) : go(position + 1);
      case 'ArrowUp':
        return position < 0 ? go(shown.length - 1) : go(position - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(shown.length - 1);
      case 'PageDown':
        return go(position + Math.max(1, Math.floor(viewHeight / ENTRY_HEIGHT)));
      case 'PageUp':
        return go(position - Math.max(1, Math.floor(viewHeight / ENTRY_HEIGHT)));
    }
  };

  return (
    <aside className="differences" aria-labelledby={headingId}>
      <div className="differences__head">
        <h2 id={headingId} className="differences__title">
          Differences
        </h2>
        <p className="differences__position" aria-live="polite" aria-atomic="true">
          {shown.length === 0 ? 'None shown' : position >= 0 ? `${position + 1} of ${shown.length}` : `${shown.length} shown`}
          {shown.length !== entries.length && <span className="differences__total"> · {entries.length} in all</span>}
        </p>
        <div className="differences__steps">
          <button type="button" className="button button--quiet" onClick={() => onStep(-1)} disabled={shown.length === 0} aria-describedby={keysId}>
            <span aria-hidden="true">↑</span> Previous
          </button>
          <button type="button" className="button button--quiet" onClick={() => onStep(1)} disabled={shown.length === 0} aria-describedby={keysId}>
            <span aria-hidden="true">↓</span> Next
          </button>
          <button type="button" className="notes__close button button--quiet" onClick={props.onClose} aria-label="Close the differences panel">
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p id={keysId} className="differences__keys">
          Next: <kbd>F8</kbd> or <kbd>j</kbd> · Previous: <kbd>Shift</kbd>+<kbd>F8</kbd> or <kbd>k</kbd>
        </p>
      </div>

      <div className="differences__filters">
        <label className="differences__field">
          <span className="differences__label">Search</span>
          <input
            type="search"
            className="differences__search"
            value={query}
            placeholder="Words, notes or kinds"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </label>
        <label className="differences__field">
          <span className="differences__label">Source</span>
          <select className="select" value={filter.source ?? ''} onChange={(event) => onFilter({ source: event.target.value === '' ? null : Number(event.target.value) })}>
            <option value="">All sources</option>
            {labels.map((label, doc) => (
              <option key={doc} value={doc}>
                {doc + 1}. {label}
              </option>
            ))}
          </select>
        </label>
        <div className="differences__kinds" role="group" aria-label="Kinds listed">
          {LEGEND_ORDER.filter((kind) => (kindCounts[kind] ?? 0) > 0).map((kind) => (
            <button
              key={kind}
              type="button"
              className="kind-toggle kind-toggle--small"
              data-kind={kind}
              aria-pressed={!hidden.has(kind)}
              onClick={() => onFilter({ hiddenKinds: hidden.has(kind) ? filter.hiddenKinds.filter((k) => k !== kind) : [...filter.hiddenKinds, kind] })}
            >
              <mark className={`diff diff--${kind} kind-toggle__sample`} aria-hidden="true">
                Ab
              </mark>
              {DIFFERENCE_KIND_NAMES[kind]}
              <span className="kind-toggle__count">{kindCounts[kind]}</span>
            </button>
          ))}
        </div>
      </div>

      {props.listing ? (
        <p className="differences__empty" role="status">
          Listing the differences…
        </p>
      ) : shown.length === 0 ? (
        <p className="differences__empty" role="status">
          No difference matches. {filter.query ? 'Try other words, or ' : ''}show more kinds or all sources.
        </p>
      ) : (
        <div
          ref={list}
          className="differences__list"
          role="listbox"
          aria-label={`Differences, ${shown.length} listed`}
          tabIndex={0}
          aria-activedescendant={position >= 0 ? optionId(baseId, active!) : undefined}
          onKeyDown={onListKey}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div className="differences__spacer" style={{ height: shown.length * ENTRY_HEIGHT }}>
            {shown.slice(first, last).map((entry, i) => {
              const at = first + i;
              const isActive = entry.index === active;
              return (
                <div
                  key={entry.index}
                  id={optionId(baseId, entry.index)}
                  role="option"
                  aria-selected={isActive}
                  aria-posinset={at + 1}
                  aria-setsize={shown.length}
                  className={isActive ? 'difference difference--active' : 'difference'}
                  data-kind={entry.kind}
                  data-difference={entry.index}
                  style={{ top: at * ENTRY_HEIGHT, height: ENTRY_HEIGHT }}
                  onClick={() => onChoose(entry.index)}
                >
                  <div className="difference__line">
                    <mark className={`diff diff--${entry.kind} difference__kind`}>{DIFFERENCE_KIND_NAMES[entry.kind]}</mark>
                    <span className="difference__sources">
                      {entry.docs.map((doc) => labels[doc] ?? `Source ${doc + 1}`).join(', ')}
                    </span>
                  </div>
                  <p className="difference__note">{entry.description || 'Worded differently'}</p>
                  <p className="difference__words">
                    {entry.excerpts
                      .slice(0, 2)
                      .map((excerpt) => `“${excerpt.text}”`)
                      .join(' · ')}
                  </p>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </aside>
  );
}
