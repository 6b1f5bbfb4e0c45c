import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Comparison, DifferenceKind } from '../../../shared/contract/comparison';
import { splitAtDifferences, type ComparisonIndex, type ParagraphRef } from '../lib/comparisonIndex';
import { differenceTargets } from '../lib/differenceList';
import { rowIndexByParagraph, type EventRow } from '../lib/eventRows';
import { groupOfBadge, groupReasons } from '../lib/groupReasons';
import { elsewhereReasons, placesByParagraph, toldElsewhere, type PassageOf, type ToldElsewhere } from '../lib/toldElsewhere';
import type { FocusRequest } from '../state/appState';
import { GroupReasonsPanel, WhyTogetherButton } from './GroupReasons';
import { ParagraphBlock } from './ParagraphBlock';

import { useRowsInSteps } from '../hooks/useRowsInSteps';
import { MoreRows } from './MoreRows';
export interface EventViewProps {
  readonly comparison: Comparison;
  readonly index: ComparisonIndex;
  readonly rows: readonly EventRow[];
  /** The name of each source, as the person sees it everywhere (see sourceLabel). */
  readonly labels: readonly string[];
  readonly selected: ParagraphRef | null;
  readonly onSelect: (ref: ParagraphRef | null) => void;
  /** How many notes each paragraph has, keyed `doc:paragraph`. */
  readonly noteCounts: ReadonlyMap<string, number>;
  readonly hiddenKinds: readonly DifferenceKind[];
  readonly activeDifference: number | null;
  readonly focus: FocusRequest | null;
}

/** Rows put on the page at first, and added each time the reader nears the end of them. */
const ROWS_PER_STEP = 40;
/** The most sentences an empty cell quotes from where its source mentions the passage's event elsewhere. */
const MAX_QUOTES = 3;

const key = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The event laid out as rows: one per passage, one cell per source, an empty cell where a source
 * says nothing; a paragraph only one source has is a row of its own. Who reported what, at a
 * glance. Rows are put on the page a few dozen at a time, as the reader scrolls.
 */
export function EventView(props: EventViewProps) {
  const { comparison, index, rows, labels, selected, onSelect, noteCounts, activeDifference, focus } = props;
  const { rendered, sentinel, reach, more } = useRowsInSteps(rows.length, ROWS_PER_STEP, 600);
  const hidden = useMemo(() => new Set(props.hiddenKinds), [props.hiddenKinds]);
  const rowOfParagraph = useMemo(() => rowIndexByParagraph(rows), [rows]);
  const elements = useRef(new Map<string, HTMLDivElement>());
  const rowElements = useRef(new Map<number, HTMLTableRowElement>());
  const scrollElement = useRef<HTMLDivElement>(null);
  // The paragraph Tab lands on: one in the whole table (a roving tab stop).
  const [tabStop, setTabStop] = useState<ParagraphRef | null>(null);
  const firstRef = useMemo((): ParagraphRef | null => {
    const first = rows[0];
    const doc = first?.cells.findIndex((cell) => cell.length > 0) ?? -1;
    return first && doc >= 0 ? { doc, paragraph: first.cells[doc]![0]! } : null;
  }, [rows]);
  // The passages whose "Why together?" is open, by group id.
  const [explained, setExplained] = useState<ReadonlySet<string>>(() => new Set());
  const reasonsId = useId();
  const toggleExplained = useCallback(
    (id: string, panelId: string) => {
      const opening = !explained.has(id);
      setExplained((open) => {
        const next = new Set(open);
        if (opening) next.add(id);
        else next.delete(id);
        return next;
      });
      // The list opens under the passage, which may be tall: bring it into view once it is there.
      if (opening) {
        requestAnimationFrame(() => document.getElementById(panelId)?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' }));
      }
    },
    [explained],
  );
  // Where each source with no paragraph in a passage mentions its event in another (its related links), by group id.
  const passageOf = useCallback<PassageOf>((doc, paragraph) => index.groupOf({ doc, paragraph }), [index]);
  const toldByGroup = useMemo(() => {
    const map = new Map<string, readonly ToldElsewhere[]>();
    for (const group of comparison.groups) {
      if (!group.related?.length) continue;
      const told = toldElsewhere(comparison, group, { passageOf });
      if (told.length > 0) map.set(group.id, told);
    }
    return map;
  }, [comparison, passageOf]);
  const stop = tabStop && rowOfParagraph.has(key(tabStop.doc, tabStop.paragraph)) ? tabStop : (selected ?? firstRef);

  // The chosen difference: its row is put on the page, then scrolled to the middle of the view.
  const activeTargets = useMemo(
    () => (activeDifference === null ? new Map<number, number>() : differenceTargets(comparison, (id) => index.groups.find((g) => g.id === id)?.members ?? [], activeDifference)),
    [activeDifference, comparison, index],
  );
  const focusRow = useMemo(() => {
    if (!focus) return undefined;
    for (const [doc, paragraph] of activeTargets) {
      const row = rowOfParagraph.get(key(doc, paragraph));
      if (row !== undefined) return row;
    }
    return undefined;
  }, [activeTargets, focus, rowOfParagraph]);
  const [scrolledFor, setScrolledFor] = useState(0);
  if (focusRow !== undefined) reach(focusRow);
  // Likewise a selected paragraph (from the notes panel's "also in") must be on the page.
  const selectedRow = selected ? rowOfParagraph.get(key(selected.doc, selected.paragraph)) : undefined;
  if (selectedRow !== undefined) reach(selectedRow);
  useEffect(() => {
    if (!focus || focus.seq === scrolledFor || focusRow === undefined) return;
    const row = rowElements.current.get(focusRow);
    if (!row) return;
    const target = row.querySelector<HTMLElement>('.diff--active') ?? row;
    // Scroll the table's own box, not the window (scrollIntoView would move the whole page too).
    const scroller = scrollElement.current;
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      const at = target.getBoundingClientRect();
      scroller.scrollTo({
        top: scroller.scrollTop + at.top - box.top - box.height * 0.35,
        left: scroller.scrollLeft + Math.min(0, at.left - box.left - 140) + Math.max(0, at.right - box.right),
        // Straight there when the view has just opened on it; smoothly from one difference to the next.
        behavior: prefersReducedMotion() || scrolledFor === 0 ? 'auto' : 'smooth',
      });
    }
    setScrolledFor(focus.seq);
  }, [focus, focusRow, rendered, scrolledFor]);

  const selectedGroup = selected ? index.groupOf(selected) : undefined;

  /** Select a paragraph and bring its row into the table's view (after the row is on the page). */
  const goToParagraph = useCallback(
    (ref: ParagraphRef) => {
      const row = rowOfParagraph.get(key(ref.doc, ref.paragraph));
      if (row === undefined) return;
      reach(row);
      setTabStop(ref);
      onSelect(ref);
      requestAnimationFrame(() => {
        const element = elements.current.get(key(ref.doc, ref.paragraph));
        if (!element) return;
        element.focus({ preventScroll: true });
        // The table's own box, not the window (as for a chosen difference).
        const scroller = scrollElement.current;
        if (!scroller) return element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const box = scroller.getBoundingClientRect();
        const at = element.getBoundingClientRect();
        scroller.scrollTo({
          top: scroller.scrollTop + at.top - box.top - box.height * 0.25,
          left: scroller.scrollLeft + Math.min(0, at.left - box.left - 140) + Math.max(0, at.right - box.right),
          behavior: prefersReducedMotion() ? 'auto' : 'smooth',
        });
      });
    },
    [onSelect, reach, rowOfParagraph],
  );

  const move = useCallback(
    (from: ParagraphRef, event: KeyboardEvent<HTMLDivElement>) => {
      const at = rowOfParagraph.get(key(from.doc, from.paragraph));
      if (at === undefined) return;
      const go = (ref: ParagraphRef | undefined) => {
        event.preventDefault();
        if (!ref) return;
        const row = rowOfParagraph.get(key(ref.doc, ref.paragraph)) ?? 0;
        reach(row);
        setTabStop(ref);
        // After the row is on the page.
        requestAnimationFrame(() => {
          const element = elements.current.get(key(ref.doc, ref.paragraph));
          element?.focus({ preventScroll: true });
          element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        });
      };
      const cell = rows[at]?.cells[from.doc] ?? [];
      const inCell = cell.indexOf(from.paragraph);
      switch (event.key) {
        case 'Enter':
        case ' ':
          event.preventDefault();
          onSelect(selected?.doc === from.doc && selected.paragraph === from.paragraph ? null : from);
          return;
        case 'Escape':
          if (selected) {
            event.preventDefault();
            onSelect(null);
          }
          return;
        case 'ArrowDown':
        case 'ArrowUp': {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          const sibling = cell[inCell + step];
          if (sibling !== undefined) return go({ doc: from.doc, paragraph: sibling });
          // The nearest row, up or down, in which this source says something.
          for (let r = at + step; r >= 0 && r < rows.length; r += step) {
            const there = rows[r]!.cells[from.doc]!;
            if (there.length > 0) return go({ doc: from.doc, paragraph: step === 1 ? there[0]! : there.at(-1)! });
          }
          return;
        }
        case 'ArrowLeft':
        case 'ArrowRight': {
          const step = event.key === 'ArrowRight' ? 1 : -1;
          const cells = rows[at]!.cells;
          for (let d = from.doc + step; d >= 0 && d < cells.length; d += step) if (cells[d]!.length > 0) return go({ doc: d, paragraph: cells[d]![0]! });
          return;
        }
      }
    },
    [onSelect, reach, rowOfParagraph, rows, selected],
  );

  return (
    <div className="event-view">
      <p className="view-intro">
        <strong>Who reported what.</strong> One row per passage, one column per source, in the order the first source tells it. An empty cell
        means the source says nothing there (when it mentions the same event in a sentence of another passage, the cell says where); a row with one filled cell is reported by that source alone.
      </p>
      <div className="event-view__scroll" ref={scrollElement} style={{ ['--source-count' as string]: labels.length }}>
        <table className="event-table">
          <caption className="visually-hidden">
            {rows.length} rows of the event by {labels.length} sources. Use the arrow keys to move between paragraphs; Enter selects one.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="event-table__corner">
                Passage
              </th>
              {labels.map((label, doc) => (
                <th scope="col" key={doc} className="event-table__source">
                  <span className="source-chip" aria-hidden="true">
                    {doc + 1}
                  </span>{' '}
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, rendered).map((row, r) => {
              const alone = row.group ? undefined : row.cells.findIndex((cell) => cell.length > 0);
              const group = row.group;
              const open = group !== undefined && explained.has(group.id);
              const panelId = group ? `${reasonsId}-${group.number}` : '';
              const aligned = open ? groupOfBadge(comparison, group) : undefined;
              return (
                <Fragment key={row.key}>
                  <tr
                    className={row.group ? 'event-row' : 'event-row event-row--alone'}
                    data-row={row.key}
                    data-group={row.group?.number}
                    ref={(element) => {
                      if (element) rowElements.current.set(r, element);
                      else rowElements.current.delete(r);
                    }}
                  >
                    <th scope="row" className="event-row__head">
                      {row.group ? (
                        <>
                          <span className="group-badge">{row.group.number}</span>
                          <span className="event-row__sources">
                            {row.group.sourceCount} of {labels.length} sources
                          </span>
                          <WhyTogetherButton
                            className="event-row__why"
                            expanded={open}
                            controls={panelId}
                            passage={row.group.number}
                            onToggle={() => toggleExplained(row.group!.id, panelId)}
                          />
                        </>
                      ) : (
                        <span className="event-row__sources">Only in {labels[alone ?? 0]}</span>
                      )}
                    </th>
                    {row.cells.map((paragraphs, doc) => {
                      const told = paragraphs.length === 0 && group ? toldByGroup.get(group.id)?.find((entry) => entry.doc === doc) : undefined;
                      if (told) {
                        const shown = told.places.slice(0, MAX_QUOTES);
                        const beyond = told.places.length - shown.length;
                        return (
                          <td key={doc} className="event-cell event-cell--empty event-cell--elsewhere" data-doc={doc}>
                            <span className="event-cell__nothing">Not reported</span>
                            <span className="visually-hidden"> by {labels[doc]}</span>
                            {placesByParagraph(shown).map((entry) => {
                              const where = entry.passage ? `passage ${entry.passage.number}` : 'a paragraph only it has';
                              const reachable = rowOfParagraph.has(key(doc, entry.paragraph));
                              return (
                                <div key={entry.paragraph} className="told-elsewhere" data-paragraph={entry.paragraph} data-passage={entry.passage?.number}>
                                  <p className="told-elsewhere__where">
                                    Mentions the event in{' '}
                                    {reachable ? (
                                      <button
                                        type="button"
                                        className="told-elsewhere__go"
                                        title={entry.passage ? `Go to passage ${entry.passage.number}` : 'Go to that paragraph'}
                                        onClick={() => goToParagraph({ doc, paragraph: entry.paragraph })}
                                      >
                                        {where}
                                      </button>
                                    ) : (
                                      where
                                    )}
                                  </p>
                                  {entry.places.map((place) => (
                                    <q key={place.start} className="told-elsewhere__quote" dir="auto">
                                      {place.sentence}
                                    </q>
                                  ))}
                                </div>
                              );
                            })}
                            {beyond > 0 && (
                              <p className="told-elsewhere__more">
                                and {beyond} more {beyond === 1 ? 'sentence' : 'sentences'}
                              </p>
                            )}
                          </td>
                        );
                      }
                      if (paragraphs.length === 0) {
                        return (
                          <td key={doc} className="event-cell event-cell--empty" data-doc={doc}>
                            <span className="event-cell__nothing">Not reported</span>
                            <span className="visually-hidden"> by {labels[doc]}</span>
                          </td>
                        );
                      }
                      const document = comparison.documents[doc]!;
                      const spans = index.differenceSpans[doc] ?? [];
                      return (
                        <td key={doc} className="event-cell" data-doc={doc}>
                          {paragraphs.map((p) => {
                            const paragraph = document.paragraphs[p]!;
                            const isSelected = selected?.doc === doc && selected.paragraph === p;
                            const linked = !isSelected && selectedGroup !== undefined && row.group?.id === selectedGroup.id;
                            return (
                              <ParagraphBlock
                                key={p}
                                kind={paragraph.kind}
                                runs={splitAtDifferences(document.text, paragraph.start, paragraph.end, spans, hidden)}
                                onlyHere={false}
                                noteCount={noteCounts.get(key(doc, p)) ?? 0}
                                selection={isSelected ? 'selected' : linked ? 'linked' : 'none'}
                                tabbable={stop?.doc === doc && stop.paragraph === p}
                                elementRef={(element: HTMLDivElement | null) => {
                                  if (element) elements.current.set(key(doc, p), element);
                                  else elements.current.delete(key(doc, p));
                                }}
                                onSelect={() => onSelect(isSelected ? null : { doc, paragraph: p })}
                                onKeyDown={(event) => move({ doc, paragraph: p }, event)}
                                onFocus={() => setTabStop({ doc, paragraph: p })}
                                {...(activeTargets.get(doc) === p
                                  ? { activeDifference: activeDifference ?? undefined }
                                  : {})}
                              />
                            );
                          })}
                        </td>
                      );
                    })}
                  </tr>
                  {open && aligned && (
                    <tr className="event-reasons" data-reasons-for={row.key}>
                      <td colSpan={labels.length + 1} className="event-reasons__cell">
                        <GroupReasonsPanel
                          id={panelId}
                          passage={group.number}
                          reasons={groupReasons(aligned, comparison, (doc) => labels[doc] ?? '')}
                          elsewhere={elsewhereReasons(aligned, comparison, (doc) => labels[doc] ?? '', { passageOf })}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <MoreRows rendered={rendered} total={rows.length} ref={sentinel} onMore={more} />
      </div>
    </div>
  );
}
