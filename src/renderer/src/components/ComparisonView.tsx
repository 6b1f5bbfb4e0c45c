import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { SourceChoices, TextEncoding } from '../../../shared/contract/api';
import type { Comparison, DifferenceKind } from '../../../shared/contract/comparison';
import type { FocusRequest, SourceChangeKind } from '../state/appState';
import type { ComparisonIndex, GroupBadge, ParagraphRef } from '../lib/comparisonIndex';
import { displayOrder, moveItem } from '../lib/columnOrder';
import { differenceTargets } from '../lib/differenceList';
import { useSourceLabel } from '../lib/sourceLabel';
import { ComparisonToolbar } from './ComparisonToolbar';
import { GroupConnectors } from './GroupConnectors';
import { SourceColumn, type ColumnHandle } from './SourceColumn';

export interface ComparisonViewProps {
  readonly comparison: Comparison;
  readonly index: ComparisonIndex;
  readonly selected: ParagraphRef | null;
  /** How many notes each paragraph has, keyed `doc:paragraph`. */
  readonly noteCounts: ReadonlyMap<string, number>;
  readonly onSelect: (ref: ParagraphRef | null) => void;
  /** What the person decided about each source, in the order of `comparison.documents`. */
  readonly choices?: readonly SourceChoices[];
  /** Sources that changed or vanished on disk, by path. */
  readonly sourceChanges: Readonly<Record<string, SourceChangeKind>>;
  readonly onRename: (doc: number, label: string) => void;
  readonly onSetEncoding: (doc: number, encoding: TextEncoding | null) => void;
  /** Take away a mark the person put on a paragraph. */
  readonly onUnmark: (ref: ParagraphRef) => void;
  readonly onReload: () => void;
  readonly onLocate: (path: string) => void;
  readonly onDismissChange: (path: string) => void;
  /** The strictness control: its value (ahead of the comparison while it moves), its default, and a move. */
  readonly threshold: number;
  readonly defaultThreshold: number;
  readonly onThreshold: (value: number) => void;
  /** Kinds of difference whose marks are hidden, and showing or hiding one. */
  readonly hiddenKinds: readonly DifferenceKind[];
  readonly onToggleKind: (kind: DifferenceKind) => void;
  /** The person's order of the columns (the sources' paths, left to right), and a new one. */
  readonly columnOrder?: readonly string[];
  readonly onReorder?: (paths: readonly string[]) => void;
  /** Take a source out of the comparison, and add files to it. */
  readonly onRemove?: (doc: number) => void;
  readonly onAddSource?: () => void;
  /** The most sources a comparison shows. */
  readonly maxSources?: number;
  /** Whether selecting a paragraph scrolls the other columns to its passage, and switching it. */
  readonly linkedScrolling?: boolean;
  readonly onLinkedScrolling?: (on: boolean) => void;
  /** A request from another view to bring a paragraph or a difference into view (see `FocusRequest`). */
  readonly focus?: FocusRequest | null;
  /** The difference chosen in the differences panel (an index into `differences`): its marks get a ring. */
  readonly activeDifference?: number | null;
}

/**
 * How far below the top of its paragraph the chosen difference's ring is drawn in a column, less
 * two lines or so kept above it for context (0 when the paragraph is not rendered, or the ring is
 * in its first lines anyway).
 */
function ringOffset(strip: HTMLElement | null, doc: number, paragraph: number): number {
  const block = strip?.querySelector<HTMLElement>(`section.column[data-doc="${doc}"] .para[data-paragraph="${paragraph}"]`);
  const ring = block?.querySelector<HTMLElement>('mark.diff--active');
  if (!block || !ring) return 0;
  return Math.max(0, ring.getBoundingClientRect().top - block.getBoundingClientRect().top - 48);
}

/** How long a paragraph brought into view on request keeps its outline. */
const FLASH_MS = 1600;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One column per source, side by side, in the person's order. Selecting a paragraph highlights
 * the paragraphs of the other sources that report the same thing and (with linked scrolling on)
 * scrolls each column so they line up with it; hovering one highlights its passage everywhere and
 * draws connectors between the members in sight.
 */
export function ComparisonView(props: ComparisonViewProps) {
  const { comparison, index, selected, noteCounts, onSelect, choices } = props;
  const documents = comparison.documents;
  const linkedScrolling = props.linkedScrolling ?? true;
  // Names as the person may see them (neutral ones in blind mode).
  const labels = useSourceLabel();
  const handles = useRef(new Map<number, ColumnHandle>());
  const columnsElement = useRef<HTMLDivElement>(null);
  // The paragraph of each column that Tab lands on (a roving tab stop).
  const [tabStops, setTabStops] = useState<ReadonlyMap<number, number>>(new Map());
  const [hoveredGroup, setHoveredGroup] = useState<number | undefined>(undefined);
  // The request whose outline has faded (its seq).
  const [flashDone, setFlashDone] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const order = useMemo(() => displayOrder(documents, props.columnOrder), [documents, props.columnOrder]);

  const selectedGroup = selected ? index.groupOf(selected) : undefined;
  const linkedByDoc = useMemo(() => {
    const byDoc = new Map<number, Set<number>>();
    for (const member of selectedGroup?.members ?? []) {
      const set = byDoc.get(member.doc) ?? new Set<number>();
      for (const p of member.paragraphs) set.add(p);
      byDoc.set(member.doc, set);
    }
    return byDoc;
  }, [selectedGroup]);

  const setTabStop = useCallback((doc: number, paragraph: number) => {
    setTabStops((stops) => (stops.get(doc) === paragraph ? stops : new Map(stops).set(doc, paragraph)));
  }, []);

  /** Scroll the strip sideways so that a column is in full view. */
  const revealColumn = useCallback((doc: number, behavior: ScrollBehavior) => {
    const strip = columnsElement.current;
    const section = strip?.querySelector<HTMLElement>(`section.column[data-doc="${doc}"]`);
    if (!strip || !section) return;
    const stripBox = strip.getBoundingClientRect();
    const box = section.getBoundingClientRect();
    if (box.left < stripBox.left || box.right > stripBox.right) {
      const left = box.left < stripBox.left || box.width > stripBox.width ? box.left - stripBox.left : box.right - stripBox.right;
      strip.scrollTo({ left: strip.scrollLeft + left, behavior });
    }
  }, []);

  /**
   * Line a group up with one of its paragraphs: each member column scrolls so that its member
   * starts on the same line. The anchor stays where it is when it sits in the upper part of its
   * column; otherwise its column moves too.
   */
  const lineUp = useCallback(
    (anchor: ParagraphRef, group: GroupBadge | undefined, others: boolean) => {
      const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
      const anchorColumn = handles.current.get(anchor.doc);
      if (!anchorColumn) return;
      revealColumn(anchor.doc, behavior);
      const top = anchorColumn.topOf(anchor.paragraph) ?? 0;
      const line = Math.min(Math.max(top, 16), anchorColumn.viewportHeight() * 0.35);
      anchorColumn.scrollParagraphTo(anchor.paragraph, line, behavior);
      if (!others) return;
      for (const member of group?.members ?? []) {
        const first = member.paragraphs[0];
        if (member.doc !== anchor.doc && first !== undefined) handles.current.get(member.doc)?.scrollParagraphTo(first, line, behavior);
      }
    },
    [revealColumn],
  );

  useEffect(() => {
    if (selected) lineUp(selected, selectedGroup, linkedScrolling);
    // Switching linked scrolling on or off does not move anything by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, selectedGroup, lineUp]);

  // The chosen difference: which paragraph of each column it is in (or its passage is in).
  const activeDifference = props.activeDifference ?? null;
  const membersOf = useCallback((id: string) => index.groups.find((g) => g.id === id)?.members ?? [], [index]);
  const activeTargets = useMemo(
    () => (activeDifference === null ? new Map<number, number>() : differenceTargets(comparison, membersOf, activeDifference)),
    [activeDifference, comparison, membersOf],
  );

  // A request from another view. A paragraph comes into view, outlined for a moment, and the other
  // columns line up its passage (whatever the linked-scrolling switch says: it was asked for). A
  // difference comes into view in every column it marks (or its passage, where it marks nothing),
  // a third of the way down.
  const focus = props.focus;
  useEffect(() => {
    if (!focus) return;
    if ('difference' in focus) {
      const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
      const targets = differenceTargets(comparison, membersOf, focus.difference);
      const first = order.find((doc) => targets.has(doc));
      if (first !== undefined) revealColumn(first, behavior);
      for (const [doc, paragraph] of targets) {
        const column = handles.current.get(doc);
        if (!column) continue;
        // The ring, not only its paragraph, comes a third of the way down: in a long paragraph
        // (or a narrow column) the mark may sit further down than the column is tall.
        const line = column.viewportHeight() * 0.3 - ringOffset(columnsElement.current, doc, paragraph);
        column.scrollParagraphTo(paragraph, line, behavior);
      }
      return;
    }
    if (!documents[focus.doc]?.paragraphs[focus.paragraph]) return;
    const ref = { doc: focus.doc, paragraph: focus.paragraph };
    lineUp(ref, index.groupOf(ref), true);
    const seq = focus.seq;
    const timer = setTimeout(() => setFlashDone(seq), FLASH_MS);
    return () => clearTimeout(timer);
    // Only a new request (a new object) moves the columns, not a new comparison.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const onSideways = useCallback(
    (ref: ParagraphRef, step: -1 | 1) => {
      const doc = order[order.indexOf(ref.doc) + step];
      if (doc === undefined) return;
      const group = index.groupOf(ref);
      const member = group ? index.memberIn(group, doc) : undefined;
      handles.current.get(doc)?.focusParagraph(member ?? tabStops.get(doc) ?? 0);
      revealColumn(doc, prefersReducedMotion() ? 'auto' : 'smooth');
    },
    [index, order, revealColumn, tabStops],
  );

  const jumpTo = useCallback(
    (doc: number) => {
      const strip = columnsElement.current;
      const section = strip?.querySelector<HTMLElement>(`section.column[data-doc="${doc}"]`);
      if (!strip || !section) return;
      const left = section.getBoundingClientRect().left - strip.getBoundingClientRect().left;
      strip.scrollTo({ left: strip.scrollLeft + left, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
      handles.current.get(doc)?.focusParagraph(tabStops.get(doc) ?? 0);
    },
    [tabStops],
  );

  // Reordering: by the Move buttons (focus stays on the button pressed) or by dragging a head.
  const { onReorder } = props;
  const refocus = useRef<{ doc: number; step: -1 | 1 } | null>(null);
  const reorder = useCallback(
    (next: readonly number[], moved: number) => {
      onReorder?.(next.map((doc) => documents[doc]!.path));
      const label = labels.label(moved);
      setAnnouncement(`${label} moved to column ${next.indexOf(moved) + 1} of ${next.length}.`);
    },
    [documents, labels, onReorder],
  );
  const move = useCallback(
    (doc: number, step: -1 | 1) => {
      const from = order.indexOf(doc);
      if (from < 0 || from + step < 0 || from + step >= order.length) return;
      refocus.current = { doc, step };
      reorder(moveItem(order, from, from + step), doc);
    },
    [order, reorder],
  );
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const section = columnsElement.current?.querySelector<HTMLElement>(`section.column[data-doc="${wanted.doc}"]`);
    const buttons = [...(section?.querySelectorAll<HTMLButtonElement>('.column__tool:not(.column__tool--remove)') ?? [])];
    const button = buttons[wanted.step === -1 ? 0 : 1];
    (button && !button.disabled ? button : buttons.find((b) => !b.disabled))?.focus();
    revealColumn(wanted.doc, 'auto');
  }, [order, revealColumn]);

  const [dragging, setDragging] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<{ doc: number; side: 'before' | 'after' } | null>(null);
  const endDrag = useCallback(() => {
    setDragging(null);
    setDropTarget(null);
  }, []);
  const dragStart = (doc: number) => (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData('application/x-parallax-column', String(doc));
    event.dataTransfer.effectAllowed = 'move';
    const section = (event.currentTarget as HTMLElement).closest('section');
    if (section) event.dataTransfer.setDragImage(section, 24, 24);
    setDragging(doc);
  };
  const sideOf = (event: DragEvent<HTMLElement>): 'before' | 'after' => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientX < box.left + box.width / 2 ? 'before' : 'after';
  };
  const dragOver = (doc: number) => (event: DragEvent<HTMLElement>) => {
    if (dragging === null) return; // files dragged from elsewhere are the window's to take
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const side = sideOf(event);
    if (dropTarget?.doc !== doc || dropTarget.side !== side) setDropTarget({ doc, side });
  };
  const drop = (doc: number) => (event: DragEvent<HTMLElement>) => {
    if (dragging === null) return;
    event.preventDefault();
    event.stopPropagation();
    const from = order.indexOf(dragging);
    let to = order.indexOf(doc) + (sideOf(event) === 'after' ? 1 : 0);
    if (from < to) to--;
    if (from !== to) reorder(moveItem(order, from, to), dragging);
    endDrag();
  };

  const hidden = useMemo(() => new Set(props.hiddenKinds), [props.hiddenKinds]);
  const flash = focus && 'doc' in focus && focus.seq !== flashDone ? focus : null;
  const noLinks = useMemo(() => new Set<number>(), []);
  const connectorGroup = hoveredGroup ?? selectedGroup?.number;
  const maxSources = props.maxSources ?? 12;
  const canRemove = documents.length > 2 && props.onRemove !== undefined;

  return (
    <>
      <ComparisonToolbar
        sourceLabels={order.map((doc) => labels.label(doc))}
        onJump={(position) => jumpTo(order[position] ?? position)}
        sourceCount={documents.length}
        passageCount={comparison.groups.length}
        differenceCount={index.differenceTotal}
        kindCounts={index.kindCounts}
        hiddenKinds={hidden}
        onToggleKind={props.onToggleKind}
        hasSelection={selected !== null}
        threshold={props.threshold}
        defaultThreshold={props.defaultThreshold}
        onThreshold={props.onThreshold}
        {...(comparison.threshold !== undefined ? { comparedThreshold: comparison.threshold } : {})}
        linkedScrolling={linkedScrolling}
        {...(props.onLinkedScrolling ? { onLinkedScrolling: props.onLinkedScrolling } : {})}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="columns-frame">
        <div
          className={dragging === null ? 'columns' : 'columns columns--dragging'}
          ref={columnsElement}
          style={{ ['--column-count' as string]: documents.length }}
          onMouseLeave={() => setHoveredGroup(undefined)}
        >
          {order.map((docIndex, position) => {
            const doc = documents[docIndex]!;
            return (
              <SourceColumn
                key={doc.path}
                handle={(handle: ColumnHandle | null) => {
                  if (handle) handles.current.set(docIndex, handle);
                  else if (handles.current.get(docIndex)) handles.current.delete(docIndex);
                }}
                doc={doc}
                docIndex={docIndex}
                position={position}
                columnCount={order.length}
                index={index}
                spans={index.differenceSpans[docIndex] ?? []}
                hiddenKinds={hidden}
                {...(choices?.[docIndex] ? { choices: choices[docIndex] } : {})}
                {...(props.sourceChanges[doc.path] ? { change: props.sourceChanges[doc.path] } : {})}
                noteCounts={noteCounts}
                selectedParagraph={selected?.doc === docIndex ? selected.paragraph : undefined}
                linked={linkedByDoc.get(docIndex) ?? noLinks}
                hoveredGroup={hoveredGroup}
                flashParagraph={flash?.doc === docIndex ? flash.paragraph : undefined}
                activeDifference={activeDifference !== null && activeTargets.has(docIndex) ? { difference: activeDifference, paragraph: activeTargets.get(docIndex)! } : undefined}
                tabStop={tabStops.get(docIndex) ?? (selected?.doc === docIndex ? selected.paragraph : 0)}
                dropSide={dropTarget?.doc === docIndex && dragging !== docIndex ? dropTarget.side : null}
                onSelect={onSelect}
                onClearSelection={() => onSelect(null)}
                onSideways={onSideways}
                onTabStop={(paragraph) => setTabStop(docIndex, paragraph)}
                onHover={setHoveredGroup}
                onRename={(label) => props.onRename(docIndex, label)}
                onSetEncoding={(encoding) => props.onSetEncoding(docIndex, encoding)}
                onUnmark={props.onUnmark}
                onReload={props.onReload}
                onLocate={() => props.onLocate(doc.path)}
                onDismissChange={() => props.onDismissChange(doc.path)}
                onMove={(step) => move(docIndex, step)}
                {...(canRemove ? { onRemove: () => props.onRemove?.(docIndex) } : {})}
                onDragStart={dragStart(docIndex)}
                onDragEnd={endDrag}
                onDragOver={dragOver(docIndex)}
                onDrop={drop(docIndex)}
              />
            );
          })}
          {props.onAddSource && (
            <div className="columns__add">
              <button type="button" className="button columns__add-button" onClick={props.onAddSource} disabled={documents.length >= maxSources}>
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                  <path d="M8 3v10M3 8h10" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
                </svg>
                Add source…
              </button>
              <p className="columns__add-hint">{documents.length >= maxSources ? `At most ${maxSources} sources side by side.` : 'Or paste an article (Ctrl+V).'}</p>
            </div>
          )}
        </div>
        <GroupConnectors strip={columnsElement} group={connectorGroup} layout={order.join(',')} />
      </div>
    </>
  );
}
