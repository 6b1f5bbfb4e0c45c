import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type Ref } from 'react';
import type { SourceChoices, TextEncoding } from '../../../shared/contract/api';
import type { DifferenceKind, SourceDocument } from '../../../shared/contract/comparison';
import type { SourceChangeKind } from '../state/appState';
import { splitAtDifferences, type ComparisonIndex, type KindedSpan, type ParagraphRef, type TextRun } from '../lib/comparisonIndex';
import { columnItems, itemIndexByParagraph, type ColumnItem } from '../lib/columnItems';
import { useWindowedList } from '../hooks/useWindowedList';
import { useSourceLabel } from '../lib/sourceLabel';
import { ColumnHead, ColumnNotices } from './ColumnHead';
import { ParagraphBlock, type SelectionState } from './ParagraphBlock';

/**
 * A column renders only the paragraphs near its viewport once it has more blocks than this. Below
 * it every paragraph is in the page, so the browser's find and a screen reader's reading reach all
 * of the text; above it, each block still says where it is in the list (aria-posinset/setsize) and
 * the keyboard reaches every paragraph.
 */
export const WINDOW_OVER = 150;

/** What the comparison asks of a column: where its paragraphs are, and bringing one into view. */
export interface ColumnHandle {
  /** Where paragraph `p` starts relative to the top of the column's viewport (estimated if not rendered). */
  topOf(paragraph: number): number | undefined;
  /** Scroll so that paragraph `p` starts `line` pixels below the top of the viewport (opening its run of furniture if it is in one). */
  scrollParagraphTo(paragraph: number, line: number, behavior: ScrollBehavior): void;
  /** Move the keyboard focus to paragraph `p`, scrolling it into view. */
  focusParagraph(paragraph: number): void;
  /** The height of the column's viewport. */
  viewportHeight(): number;
}

export interface SourceColumnProps {
  readonly handle: Ref<ColumnHandle>;
  readonly doc: SourceDocument;
  readonly docIndex: number;
  /** 0-based place of the column on screen, and how many there are. */
  readonly position: number;
  readonly columnCount: number;
  readonly index: ComparisonIndex;
  readonly spans: readonly KindedSpan[];
  readonly hiddenKinds: ReadonlySet<DifferenceKind>;
  readonly choices?: SourceChoices;
  readonly change?: SourceChangeKind;
  readonly noteCounts: ReadonlyMap<string, number>;
  /** The selected paragraph of this column, if any; the paragraphs lined up with the selection. */
  readonly selectedParagraph: number | undefined;
  readonly linked: ReadonlySet<number>;
  /** The passage under the pointer (its badge number), highlighted in every column. */
  readonly hoveredGroup: number | undefined;
  /** A paragraph just brought into view on request: it shows a brief outline. */
  readonly flashParagraph: number | undefined;
  /** The difference chosen in the differences panel, and the paragraph of this column it is in. */
  readonly activeDifference?: { readonly difference: number; readonly paragraph: number } | undefined;
  /** The paragraph Tab lands on in this column. */
  readonly tabStop: number;
  /** Whether a column is being dragged over this one (the drop goes before it or after it). */
  readonly dropSide: 'before' | 'after' | null;
  readonly onSelect: (ref: ParagraphRef) => void;
  readonly onClearSelection: () => void;
  /** ArrowLeft/ArrowRight from a paragraph: to the neighbouring column. */
  readonly onSideways: (ref: ParagraphRef, step: -1 | 1) => void;
  readonly onTabStop: (paragraph: number) => void;
  readonly onHover: (group: number | undefined) => void;
  readonly onRename: (label: string) => void;
  readonly onSetEncoding: (encoding: TextEncoding | null) => void;
  readonly onUnmark: (ref: ParagraphRef) => void;
  readonly onReload: () => void;
  readonly onLocate: () => void;
  readonly onDismissChange: () => void;
  readonly onMove: (step: -1 | 1) => void;
  readonly onRemove?: () => void;
  readonly onDragStart: (event: DragEvent<HTMLElement>) => void;
  readonly onDragEnd: () => void;
  readonly onDragOver: (event: DragEvent<HTMLElement>) => void;
  readonly onDrop: (event: DragEvent<HTMLElement>) => void;
}

const refKey = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

/**
 * The runs of each paragraph, worked out when it is first shown and kept while the document, its
 * marks and the hidden kinds stay the same, so that a hover or a selection re-renders only the
 * paragraphs whose state it changes (their runs stay the same arrays).
 */
const runsCaches = new WeakMap<SourceDocument, WeakMap<readonly KindedSpan[], WeakMap<ReadonlySet<DifferenceKind>, Map<number, TextRun[]>>>>();
function cachedRuns(doc: SourceDocument, spans: readonly KindedSpan[], hidden: ReadonlySet<DifferenceKind>, p: number): TextRun[] {
  let bySpans = runsCaches.get(doc);
  if (!bySpans) runsCaches.set(doc, (bySpans = new WeakMap()));
  let byHidden = bySpans.get(spans);
  if (!byHidden) bySpans.set(spans, (byHidden = new WeakMap()));
  let byParagraph = byHidden.get(hidden);
  if (!byParagraph) byHidden.set(hidden, (byParagraph = new Map()));
  let runs = byParagraph.get(p);
  if (!runs) {
    const paragraph = doc.paragraphs[p]!;
    runs = splitAtDifferences(doc.text, paragraph.start, paragraph.end, spans, hidden);
    byParagraph.set(p, runs);
  }
  return runs;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** One source's column: its head, its notices, and its paragraphs (windowed when there are many). */
export function SourceColumn(props: SourceColumnProps) {
  const { doc, docIndex, index, spans, hiddenKinds, noteCounts, selectedParagraph, linked, hoveredGroup } = props;
  const [openRuns, setOpenRuns] = useState<ReadonlySet<number>>(new Set());
  const labels = useSourceLabel();
  const label = labels.label(docIndex);
  const marks = useMemo(() => new Map((props.choices?.path === doc.path ? props.choices.kinds : []).map((mark) => [mark.paragraph, mark.kind])), [props.choices, doc.path]);
  const items = useMemo(() => columnItems(doc.paragraphs.map((p) => p.kind), openRuns, new Set(marks.keys())), [doc.paragraphs, openRuns, marks]);
  const itemOf = useMemo(() => itemIndexByParagraph(items, doc.paragraphs.length), [items, doc.paragraphs.length]);

  const runsOf = (p: number): TextRun[] => cachedRuns(doc, spans, hiddenKinds, p);

  const keyOf = useCallback((i: number) => {
    const item = items[i];
    return !item ? `${i}` : item.type === 'paragraph' ? `p${item.paragraph}` : `f${item.first}${item.open ? 'o' : ''}`;
  }, [items]);
  // About 60 characters a line at the reading size, and the block's padding.
  const estimate = useCallback(
    (i: number) => {
      const item = items[i];
      if (!item || item.type === 'furniture') return 40;
      const paragraph = doc.paragraphs[item.paragraph]!;
      return 24 + Math.ceil((paragraph.end - paragraph.start) / 60) * 29;
    },
    [items, doc.paragraphs],
  );
  const windowed = items.length > WINDOW_OVER;
  const list = useWindowedList({ count: items.length, enabled: windowed, keyOf, estimate });
  const { start, padTop, padBottom, scrollerRef, listRef, itemRef } = list;

  const openRunOf = useCallback(
    (paragraph: number): boolean => {
      const item = items[itemOf[paragraph] ?? -1];
      if (item?.type !== 'furniture' || item.open) return false;
      setOpenRuns((runs) => new Set(runs).add(item.first));
      return true;
    },
    [items, itemOf],
  );

  // A paragraph asked for before its run of furniture was opened: reached once the blocks are there.
  const pending = useRef<((itemIndex: Int32Array) => void) | null>(null);
  useEffect(() => {
    const then = pending.current;
    pending.current = null;
    then?.(itemOf);
  }, [itemOf]);

  const focusItem = useCallback(
    (i: number) => {
      list.whenRendered(i, (element) => {
        const target = element.querySelector<HTMLElement>('.para, .furniture-toggle') ?? element;
        target.focus({ preventScroll: true });
        // A smooth scroll in a windowed column would race the window moving under it.
        target.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() || windowed ? 'auto' : 'smooth' });
      });
      if (!list.elementOf(i)?.isConnected) list.scrollToItem(i, 48, 'auto');
    },
    [list, windowed],
  );

  useImperativeHandle(
    props.handle,
    (): ColumnHandle => ({
      topOf: (paragraph) => list.topOf(itemOf[paragraph] ?? 0),
      scrollParagraphTo: (paragraph, line, behavior) => {
        if (openRunOf(paragraph)) {
          pending.current = (at) => list.scrollToItem(at[paragraph] ?? 0, line, 'auto');
          return;
        }
        list.scrollToItem(itemOf[paragraph] ?? 0, line, behavior);
      },
      focusParagraph: (paragraph) => {
        props.onTabStop(paragraph);
        if (openRunOf(paragraph)) {
          pending.current = (at) => focusItem(at[paragraph] ?? 0);
          return;
        }
        focusItem(itemOf[paragraph] ?? 0);
      },
      viewportHeight: () => list.scroller()?.clientHeight ?? 600,
    }),
    [focusItem, itemOf, list, openRunOf, props],
  );

  /** Up and down the column's blocks from the keyboard; left and right to the next column. */
  const onItemKeyDown = (itemIndex: number, ref: ParagraphRef | null, event: KeyboardEvent<HTMLElement>) => {
    const step = (to: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(items.length - 1, to));
      const item = items[target];
      if (item?.type === 'paragraph') props.onTabStop(item.paragraph);
      focusItem(target);
    };
    switch (event.key) {
      case 'ArrowDown':
        return itemIndex + 1 < items.length ? step(itemIndex + 1) : undefined;
      case 'ArrowUp':
        return itemIndex > 0 ? step(itemIndex - 1) : undefined;
      case 'PageDown':
        return step(itemIndex + 10);
      case 'PageUp':
        return step(itemIndex - 10);
      case 'Home':
        return step(0);
      case 'End':
        return step(items.length - 1);
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!ref) return;
        event.preventDefault();
        return props.onSideways(ref, event.key === 'ArrowRight' ? 1 : -1);
      case 'Enter':
      case ' ':
        if (!ref) return;
        event.preventDefault();
        return selectedParagraph === ref.paragraph ? props.onClearSelection() : props.onSelect(ref);
      case 'Escape':
        if (selectedParagraph === undefined && linked.size === 0) return;
        event.preventDefault();
        return props.onClearSelection();
    }
  };

  let shared = 0;
  let notes = 0;
  for (let p = 0; p < doc.paragraphs.length; p++) {
    if (index.groupOf({ doc: docIndex, paragraph: p })) shared++;
    notes += noteCounts.get(refKey(docIndex, p)) ?? 0;
  }
  const docChoices = props.choices?.path === doc.path ? props.choices : undefined;
  const end = list.end;

  const renderItem = (item: ColumnItem, i: number) => {
    if (item.type === 'furniture') {
      const lines = item.last - item.first + 1;
      const words = `${lines === 1 ? '1 line' : `${lines} lines`} of page furniture`;
      return (
        <button
          type="button"
          className="furniture-toggle"
          aria-expanded={item.open}
          onClick={() => setOpenRuns((runs) => {
            const next = new Set(runs);
            if (item.open) next.delete(item.first);
            else next.add(item.first);
            return next;
          })}
          onKeyDown={(event) => onItemKeyDown(i, null, event)}
        >
          <svg className="furniture-toggle__chevron" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
            <path d={item.open ? 'M2 4l4 4 4-4' : 'M4 2l4 4-4 4'} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {item.open ? `Fold ${words}` : words}
        </button>
      );
    }
    const p = item.paragraph;
    const paragraph = doc.paragraphs[p]!;
    const ref = { doc: docIndex, paragraph: p };
    const key = refKey(docIndex, p);
    const group = index.groupOf(ref);
    const selection: SelectionState = selectedParagraph === p ? 'selected' : linked.has(p) ? 'linked' : 'none';
    const marked = marks.get(p);
    const block = (
      <ParagraphBlock
        paragraph={p}
        markedByYou={marked}
        kind={paragraph.kind}
        runs={runsOf(p)}
        groupNumber={group?.number}
        groupSources={group?.sourceCount}
        onlyHere={!group && paragraph.kind === 'body'}
        continuesRun={paragraph.kind === 'boilerplate' && doc.paragraphs[p - 1]?.kind === 'boilerplate' && items[i - 1]?.type === 'paragraph'}
        noteCount={noteCounts.get(key) ?? 0}
        selection={selection}
        hovered={group !== undefined && group.number === hoveredGroup}
        flash={props.flashParagraph === p}
        {...(props.activeDifference?.paragraph === p ? { activeDifference: props.activeDifference.difference } : {})}
        tabbable={p === props.tabStop}
        onSelect={() => (selectedParagraph === p ? props.onClearSelection() : props.onSelect(ref))}
        onKeyDown={(event) => onItemKeyDown(i, ref, event)}
        onFocus={() => props.onTabStop(p)}
        onHover={props.onHover}
      />
    );
    if (!marked) return block;
    // The undo sits beside the paragraph, not inside it: the paragraph is a button itself.
    return (
      <div className="para-marked">
        {block}
        <button type="button" className="para-marked__undo" onClick={() => props.onUnmark(ref)}>
          Undo<span className="visually-hidden"> your mark on paragraph {p + 1} of {label}</span>
        </button>
      </div>
    );
  };

  const classes = ['column'];
  if (props.dropSide) classes.push(`column--drop-${props.dropSide}`);
  return (
    <section
      className={classes.join(' ')}
      aria-label={labels.hidden ? label : `Source ${props.position + 1}: ${label}`}
      data-doc={docIndex}
      data-windowed={start > 0 || end < items.length ? 'true' : undefined}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      <ColumnHead
        doc={doc}
        docIndex={docIndex}
        position={props.position}
        columnCount={props.columnCount}
        choices={docChoices}
        sharedCount={shared}
        noteCount={notes}
        onRename={props.onRename}
        onSetEncoding={props.onSetEncoding}
        onMove={props.onMove}
        {...(props.onRemove ? { onRemove: props.onRemove } : {})}
        onDragStart={props.onDragStart}
        onDragEnd={props.onDragEnd}
      />
      <div className="column__scroll" ref={scrollerRef}>
        <ColumnNotices
          doc={doc}
          choices={docChoices}
          change={props.change}
          onSetEncoding={props.onSetEncoding}
          onReload={props.onReload}
          onLocate={props.onLocate}
          onDismissChange={props.onDismissChange}
        />
        <div className="column__list" role="list" aria-label={`Text of ${label}`} ref={listRef} style={{ paddingTop: padTop, paddingBottom: padBottom }}>
          {items.slice(start, end).map((item, k) => {
            const i = start + k;
            return (
              <div
                key={item.type === 'paragraph' ? `p${item.paragraph}` : `f${item.first}`}
                ref={itemRef}
                data-window-index={i}
                data-window-key={keyOf(i)}
                className="column__item"
                role="listitem"
                aria-setsize={items.length}
                aria-posinset={i + 1}
              >
                {renderItem(item, i)}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
