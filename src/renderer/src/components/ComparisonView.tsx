import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SourceChoices, TextEncoding } from '../../../shared/contract/api';
import type { Comparison, DifferenceKind } from '../../../shared/contract/comparison';
import type { FocusRequest, SourceChangeKind } from '../state/appState';
import { differenceTargets } from '../lib/differenceList';
import { ColumnHead, ColumnNotices } from './ColumnHead';
import { splitAtDifferences, type ComparisonIndex, type ParagraphRef } from '../lib/comparisonIndex';
import { ComparisonToolbar } from './ComparisonToolbar';
import { ParagraphBlock, type SelectionState } from './ParagraphBlock';
import { useSourceLabel } from '../lib/sourceLabel';

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
  /**
   * The difference chosen in the differences panel (its marks get a ring), and a request to bring
   * it into view: each column scrolls to it, or to its passage where it marks nothing.
   */
  readonly activeDifference?: number | null;
  readonly focus?: FocusRequest | null;
}

const refKey = (doc: number, paragraph: number): string => `${doc}:${paragraph}`;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One column per source, side by side. Selecting a paragraph highlights the paragraphs of the
 * other sources that report the same thing and scrolls each column so they line up with it.
 */
export function ComparisonView(props: ComparisonViewProps) {
  const { comparison, index, selected, noteCounts, onSelect, choices } = props;
  const labels = useSourceLabel();
  const paragraphElements = useRef(new Map<string, HTMLDivElement>());
  const scrollers = useRef(new Map<number, HTMLDivElement>());
  // The paragraph of each column that Tab lands on (a roving tab stop).
  const [tabStops, setTabStops] = useState<ReadonlyMap<number, number>>(new Map());

  const selectedGroup = selected ? index.groupOf(selected) : undefined;
  const linked = useMemo(() => {
    const keys = new Set<string>();
    for (const member of selectedGroup?.members ?? []) for (const p of member.paragraphs) keys.add(refKey(member.doc, p));
    return keys;
  }, [selectedGroup]);

  const setTabStop = useCallback((doc: number, paragraph: number) => {
    setTabStops((stops) => (stops.get(doc) === paragraph ? stops : new Map(stops).set(doc, paragraph)));
  }, []);

  // Line the paragraphs of the selected group up with the selected one: each member column scrolls
  // so that its member starts on the same line. The selected paragraph stays where it is when it
  // sits in the upper part of its column; otherwise its column moves too. A selected column that is
  // out of sight sideways is brought into view.
  const columnsElement = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
    const anchorElement = paragraphElements.current.get(refKey(selected.doc, selected.paragraph));
    const anchorScroller = scrollers.current.get(selected.doc);
    const strip = columnsElement.current;
    if (!anchorElement || !anchorScroller) return;
    const section = anchorScroller.parentElement;
    if (strip && section) {
      const stripBox = strip.getBoundingClientRect();
      const box = section.getBoundingClientRect();
      if (box.left < stripBox.left || box.right > stripBox.right) {
        const left = box.left < stripBox.left ? box.left - stripBox.left : box.right - stripBox.right;
        strip.scrollTo({ left: strip.scrollLeft + left, behavior });
      }
    }
    const viewport = anchorScroller.getBoundingClientRect();
    const line = Math.min(Math.max(anchorElement.getBoundingClientRect().top, viewport.top + 16), viewport.top + viewport.height * 0.35);
    const targets: { doc: number; paragraph: number }[] = [{ doc: selected.doc, paragraph: selected.paragraph }];
    for (const member of selectedGroup?.members ?? []) {
      const first = member.paragraphs[0];
      if (member.doc !== selected.doc && first !== undefined) targets.push({ doc: member.doc, paragraph: first });
    }
    for (const target of targets) {
      const scroller = scrollers.current.get(target.doc);
      const element = paragraphElements.current.get(refKey(target.doc, target.paragraph));
      if (!scroller || !element) continue;
      const delta = element.getBoundingClientRect().top - line;
      if (Math.abs(delta) > 1) scroller.scrollTo({ top: scroller.scrollTop + delta, behavior });
    }
  }, [selected, selectedGroup]);

  const focusParagraph = useCallback((doc: number, paragraph: number) => {
    const element = paragraphElements.current.get(refKey(doc, paragraph));
    if (!element) return;
    setTabStop(doc, paragraph);
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [setTabStop]);

  const onKeyDown = useCallback(
    (ref: ParagraphRef, event: KeyboardEvent<HTMLDivElement>) => {
      const count = comparison.documents[ref.doc]?.paragraphs.length ?? 0;
      const move = (doc: number, paragraph: number) => {
        event.preventDefault();
        focusParagraph(doc, paragraph);
      };
      switch (event.key) {
        case 'Enter':
        case ' ':
          event.preventDefault();
          onSelect(selected?.doc === ref.doc && selected.paragraph === ref.paragraph ? null : ref);
          return;
        case 'Escape':
          if (selected) {
            event.preventDefault();
            onSelect(null);
          }
          return;
        case 'ArrowDown':
          return ref.paragraph + 1 < count ? move(ref.doc, ref.paragraph + 1) : undefined;
        case 'ArrowUp':
          return ref.paragraph > 0 ? move(ref.doc, ref.paragraph - 1) : undefined;
        case 'Home':
          return move(ref.doc, 0);
        case 'End':
          return count > 0 ? move(ref.doc, count - 1) : undefined;
        case 'ArrowLeft':
        case 'ArrowRight': {
          const doc = ref.doc + (event.key === 'ArrowRight' ? 1 : -1);
          if (doc < 0 || doc >= comparison.documents.length) return;
          const group = index.groupOf(ref);
          const member = group ? index.memberIn(group, doc) : undefined;
          return move(doc, member ?? tabStops.get(doc) ?? 0);
        }
      }
    },
    [comparison.documents, focusParagraph, index, onSelect, selected, tabStops],
  );

  const hidden = useMemo(() => new Set(props.hiddenKinds), [props.hiddenKinds]);

  // The chosen difference: which paragraph of each column it is in (or its passage is in).
  const activeDifference = props.activeDifference ?? null;
  const activeTargets = useMemo(
    () => (activeDifference === null ? new Map<number, number>() : differenceTargets(comparison, (id) => index.groups.find((g) => g.id === id)?.members ?? [], activeDifference)),
    [activeDifference, comparison, index],
  );
  const focus = props.focus ?? null;
  useEffect(() => {
    if (!focus) return;
    const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
    const targets = differenceTargets(comparison, (id) => index.groups.find((g) => g.id === id)?.members ?? [], focus.difference);
    let first = true;
    // Leftmost column first: it is the one brought into view sideways.
    for (const [doc, paragraph] of [...targets].sort((x, y) => x[0] - y[0])) {
      const scroller = scrollers.current.get(doc);
      const element = paragraphElements.current.get(refKey(doc, paragraph));
      if (!scroller || !element) continue;
      const target = element.querySelector<HTMLElement>('.diff--active') ?? element;
      const viewport = scroller.getBoundingClientRect();
      const delta = target.getBoundingClientRect().top - (viewport.top + viewport.height * 0.3);
      if (Math.abs(delta) > 1) scroller.scrollTo({ top: scroller.scrollTop + delta, behavior });
      // The first column it is in is brought into view sideways.
      const strip = columnsElement.current;
      const section = scroller.parentElement;
      if (first && strip && section) {
        const stripBox = strip.getBoundingClientRect();
        const box = section.getBoundingClientRect();
        if (box.left < stripBox.left || box.right > stripBox.right) strip.scrollTo({ left: strip.scrollLeft + box.left - stripBox.left, behavior });
      }
      first = false;
    }
  }, [focus, comparison, index]);

  const jumpTo = useCallback((doc: number) => {
    const strip = columnsElement.current;
    const section = scrollers.current.get(doc)?.parentElement;
    if (!strip || !section) return;
    const left = section.getBoundingClientRect().left - strip.getBoundingClientRect().left;
    strip.scrollTo({ left: strip.scrollLeft + left, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    const stop = tabStops.get(doc) ?? 0;
    paragraphElements.current.get(refKey(doc, stop))?.focus({ preventScroll: true });
  }, [tabStops]);

  return (
    <>
      <ComparisonToolbar
        sourceLabels={comparison.documents.map((_doc, docIndex) => labels.label(docIndex))}
        onJump={jumpTo}
        sourceCount={comparison.documents.length}
        passageCount={comparison.groups.length}
        differenceCount={comparison.differences.filter((difference) => difference.group !== '').length}
        kindCounts={index.kindCounts}
        hiddenKinds={hidden}
        onToggleKind={props.onToggleKind}
        hasSelection={selected !== null}
        threshold={props.threshold}
        defaultThreshold={props.defaultThreshold}
        onThreshold={props.onThreshold}
      />
      <div className="columns" ref={columnsElement} style={{ ['--column-count' as string]: comparison.documents.length }}>
        {comparison.documents.map((doc, docIndex) => {
          const spans = index.differenceSpans[docIndex] ?? [];
          const tabStop = tabStops.get(docIndex) ?? (selected?.doc === docIndex ? selected.paragraph : 0);
          const shared = doc.paragraphs.filter((_, p) => index.groupOf({ doc: docIndex, paragraph: p })).length;
          let notes = 0;
          for (let p = 0; p < doc.paragraphs.length; p++) notes += noteCounts.get(refKey(docIndex, p)) ?? 0;
          const docChoices = choices?.[docIndex]?.path === doc.path ? choices[docIndex] : undefined;
          const marks = new Map((docChoices?.kinds ?? []).map((mark) => [mark.paragraph, mark.kind]));
          return (
            <section className="column" key={`${docIndex}:${doc.path}`} aria-label={labels.hidden ? labels.label(docIndex) : `Source ${docIndex + 1}: ${labels.label(docIndex)}`} data-doc={docIndex}>
              <ColumnHead
                doc={doc}
                docIndex={docIndex}
                choices={docChoices}
                sharedCount={shared}
                noteCount={notes}
                onRename={(label) => props.onRename(docIndex, label)}
                onSetEncoding={(encoding) => props.onSetEncoding(docIndex, encoding)}
              />
              <div
                className="column__scroll"
                ref={(element) => {
                  if (element) scrollers.current.set(docIndex, element);
                  else scrollers.current.delete(docIndex);
                }}
              >
                <ColumnNotices
                  doc={doc}
                  choices={docChoices}
                  change={props.sourceChanges[doc.path]}
                  onSetEncoding={(encoding) => props.onSetEncoding(docIndex, encoding)}
                  onReload={props.onReload}
                  onLocate={() => props.onLocate(doc.path)}
                  onDismissChange={() => props.onDismissChange(doc.path)}
                />
                {doc.paragraphs.map((paragraph, p) => {
                  const ref = { doc: docIndex, paragraph: p };
                  const key = refKey(docIndex, p);
                  const group = index.groupOf(ref);
                  const selection: SelectionState =
                    selected?.doc === docIndex && selected.paragraph === p ? 'selected' : linked.has(key) ? 'linked' : 'none';
                  const marked = marks.get(p);
                  const block = (
                    <ParagraphBlock
                      key={p}
                      paragraph={p}
                      markedByYou={marked}
                      kind={paragraph.kind}
                      runs={splitAtDifferences(doc.text, paragraph.start, paragraph.end, spans, hidden)}
                      groupNumber={group?.number}
                      groupSources={group?.sourceCount}
                      onlyHere={!group && paragraph.kind === 'body'}
                      continuesRun={paragraph.kind === 'boilerplate' && doc.paragraphs[p - 1]?.kind === 'boilerplate'}
                      noteCount={noteCounts.get(key) ?? 0}
                      selection={selection}
                      tabbable={p === tabStop}
                      elementRef={(element: HTMLDivElement | null) => {
                        if (element) paragraphElements.current.set(key, element);
                        else paragraphElements.current.delete(key);
                      }}
                      onSelect={() => onSelect(selected?.doc === docIndex && selected.paragraph === p ? null : ref)}
                      onKeyDown={(event) => onKeyDown(ref, event)}
                      onFocus={() => setTabStop(docIndex, p)}
                      {...(activeTargets.get(docIndex) === p ? { activeDifference: activeDifference ?? undefined } : {})}
                    />
                  );
                  if (!marked) return block;
                  // The undo sits beside the paragraph, not inside it: the paragraph is a button itself.
                  return (
                    <div key={p} className="para-marked">
                      {block}
                      <button type="button" className="para-marked__undo" onClick={() => props.onUnmark(ref)}>
                        Undo<span className="visually-hidden"> your mark on paragraph {p + 1} of {labels.label(docIndex)}</span>
                      </button>
                    </div>
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}
