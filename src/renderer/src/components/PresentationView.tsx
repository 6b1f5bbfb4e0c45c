import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Comparison, DifferenceKind } from '../../../shared/contract/comparison';
import { splitAtDifferences, type ComparisonIndex } from '../lib/comparisonIndex';
import { DIFFERENCE_KIND_NAMES, KIND_LINES, LEGEND_ORDER } from '../lib/differenceKinds';
import { groupOfBadge, groupReasons } from '../lib/groupReasons';
import { presentationSlides, slideParts, slidePosition, type Band, type LineBox, type Slide, type SlidePart } from '../lib/presentationSlides';
import { useSourceLabel } from '../lib/sourceLabel';
import { elsewhereReasons, toldElsewhere, whereTold, type PassageOf } from '../lib/toldElsewhere';
import { GroupReasonsPanel, WhyTogetherButton } from './GroupReasons';

export interface PresentationViewProps {
  readonly comparison: Comparison;
  readonly index: ComparisonIndex;
  /** Kinds the legend hides in the columns: hidden here too, so the class sees what was chosen. */
  readonly hiddenKinds: readonly DifferenceKind[];
  readonly onExit: () => void;
}

/** One source's paragraphs on a slide. */
interface SlideColumn {
  readonly doc: number;
  readonly paragraphs: readonly number[];
}

function columnsOf(slide: Slide): SlideColumn[] {
  if (slide.kind === 'only') return [{ doc: slide.doc, paragraphs: [slide.paragraph] }];
  const byDoc = new Map<number, number[]>();
  for (const member of slide.group.members) byDoc.set(member.doc, [...(byDoc.get(member.doc) ?? []), ...member.paragraphs]);
  return [...byDoc].sort((a, b) => a[0] - b[0]).map(([doc, paragraphs]) => ({ doc, paragraphs: [...new Set(paragraphs)].sort((a, b) => a - b) }));
}

/** How far the type of a tall passage may shrink to fit the screen before it is cut into parts. */
const FIT_STEPS = [1, 0.92, 0.85] as const;
/** The smallest type a passage is shrunk to, in pixels: still legible from the back of a room. */
const FIT_FLOOR_PX = 24;

/** How a slide's text is laid out on the screen: the type's scale, and its parts. */
interface SlideLayout {
  /** The slide measured. */
  readonly slide: string;
  readonly fit: number;
  readonly parts: readonly SlidePart[];
  /** Where each column's box is, from the top of the slide's text (for clipping it to its band). */
  readonly columns: readonly Band[];
}

const near = (a: number, b: number): boolean => a === b || Math.abs(a - b) < 0.5;
const sameBand = (a: Band, b: Band): boolean => near(a.top, b.top) && near(a.bottom, b.bottom);

const sameLayout = (a: SlideLayout | null, b: SlideLayout): boolean =>
  a !== null &&
  a.slide === b.slide &&
  a.fit === b.fit &&
  a.columns.length === b.columns.length &&
  a.columns.every((column, i) => sameBand(column, b.columns[i]!)) &&
  a.parts.length === b.parts.length &&
  a.parts.every((part, i) => near(part.start, b.parts[i]!.start) && part.bands.every((band, c) => sameBand(band, b.parts[i]!.bands[c]!)));

const slideKey = (slide: Slide | undefined): string =>
  !slide ? '' : slide.kind === 'passage' ? `g:${slide.group.id}` : `u:${slide.doc}:${slide.paragraph}`;

/**
 * The lines of a column's paragraphs, from the top of the slide's text (`top`): each line box as
 * tall as the paragraph's line height, centred on its text (so marks drawn below the baseline
 * stay in it).
 */
function lineBoxes(column: HTMLElement, top: number): LineBox[] {
  const lines: LineBox[] = [];
  const range = document.createRange();
  for (const paragraph of column.querySelectorAll<HTMLElement>('.present-para__text')) {
    const style = getComputedStyle(paragraph);
    const leading = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    range.selectNodeContents(paragraph);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const middle = (rect.top + rect.bottom) / 2 - top;
      const half = Math.max(leading, rect.height) / 2;
      lines.push({ top: middle - half, bottom: middle + half });
    }
  }
  range.detach();
  return lines;
}

/** The clip that shows only a column's band in this part (its lines that fit whole); none when it shows all. */
function clipOf(band: Band | undefined, column: Band | undefined): string | undefined {
  if (!band || !column || (band.top === Number.NEGATIVE_INFINITY && band.bottom === Number.POSITIVE_INFINITY)) return undefined;
  if (band.bottom <= band.top) return 'inset(0 0 100% 0)';
  const top = Math.max(0, band.top - column.top);
  const bottom = band.bottom === Number.POSITIVE_INFINITY ? 0 : Math.max(0, column.bottom - band.bottom);
  // Sideways, a little room for marks drawn past the text (a quotation's bar, an omission's box).
  return `inset(${top.toFixed(1)}px -12px ${bottom.toFixed(1)}px -12px)`;
}

/**
 * Presentation mode, for a projector: one passage at a time across the whole window, the sources
 * side by side in large type, differences drawn by kind with their legend. Arrow keys, Page Up/Down
 * and Space step; Home and End go to the ends; Escape leaves. Notes and panels are not shown.
 *
 * A passage taller than the screen is never cut: its type first shrinks a little (never below
 * FIT_FLOOR_PX), and what still does not fit is shown in parts ("Part 1 of 2"), each ending before a
 * line that would not fit whole; the same keys step through the parts before the next passage. The
 * key to the marks stays on screen below the text. "Why together?" lists the sentence links that
 * formed the passage.
 */
export function PresentationView({ comparison, index, hiddenKinds, onExit }: PresentationViewProps) {
  const labels = useSourceLabel();
  const [includeOnlyOne, setIncludeOnlyOne] = useState(true);
  const slides = useMemo(() => presentationSlides(comparison, index, includeOnlyOne), [comparison, index, includeOnlyOne]);
  const [at, setAt] = useState(0);
  const current = Math.min(at, Math.max(0, slides.length - 1));
  const slide = slides[current];
  const key = slideKey(slide);
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const fitBox = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const hidden = useMemo(() => new Set(hiddenKinds), [hiddenKinds]);
  const reasonsId = useId();
  const passageOf = useCallback<PassageOf>((doc, paragraph) => index.groupOf({ doc, paragraph }), [index]);

  // The part of the slide on screen: a number, or 'last' when stepping back onto a slide (its
  // parts are known once it is laid out). Why together? is open for one slide at a time, and
  // closes when the slide changes.
  const [part, setPart] = useState<number | 'last'>(0);
  const [reasonsFor, setReasonsFor] = useState<string | null>(null);
  const reasonsOpen = reasonsFor !== null && reasonsFor === key;
  const [layout, setLayout] = useState<SlideLayout | null>(null);
  const laidOut = layout?.slide === key ? layout : null;
  const parts = laidOut?.parts.length ?? 1;
  const shownPart = part === 'last' ? parts - 1 : Math.min(part, parts - 1);

  const goTo = useCallback((slideAt: number, partAt: number | 'last' = 0) => {
    setAt(slideAt);
    setPart(partAt);
    setReasonsFor(null);
  }, []);

  /** Lay the slide's text out: shrink its type a little if that makes it fit, else cut it into parts. */
  const measure = useCallback(() => {
    const room = stage.current;
    const box = fitBox.current;
    const text = content.current;
    if (!room || !box || !text) return;
    const height = room.clientHeight;
    box.style.setProperty('--present-fit', '1');
    const first = text.querySelector('.present-para__text');
    const base = first ? parseFloat(getComputedStyle(first).fontSize) : 0;
    const steps = FIT_STEPS.filter((step) => step === 1 || base * step >= FIT_FLOOR_PX);
    let fit = 1;
    for (const step of steps) {
      fit = step;
      box.style.setProperty('--present-fit', String(step));
      if (text.scrollHeight <= height + 0.5) break;
    }
    const top = text.getBoundingClientRect().top;
    const sections = [...text.querySelectorAll<HTMLElement>(':scope > .present__column')];
    const fits = text.scrollHeight <= height + 0.5;
    const next: SlideLayout = {
      slide: key,
      fit,
      parts: slideParts(fits ? [] : sections.map((section) => lineBoxes(section, top)), fits ? Number.POSITIVE_INFINITY : height),
      columns: sections.map((section) => {
        const box = section.getBoundingClientRect();
        return { top: box.top - top, bottom: box.bottom - top };
      }),
    };
    setLayout((previous) => (sameLayout(previous, next) ? previous : next));
  }, [key]);

  // After every render (a new slide, the legend, Why together?, the text size): lay out again
  // before the screen is painted. `measure` keeps the same layout object when nothing moved.
  useLayoutEffect(() => {
    measure();
  });
  useEffect(() => {
    const room = stage.current;
    if (!room || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(room);
    return () => observer.disconnect();
  }, [measure]);
  useEffect(() => {
    // Webfonts arriving change every line; so does the text size (Ctrl +/-), which App sets on the
    // root element after this view has rendered.
    void document.fonts?.ready.then(() => measure());
    const observer = new MutationObserver(() => measure());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'data-theme'] });
    return () => observer.disconnect();
  }, [measure]);

  useEffect(() => {
    root.current?.focus();
  }, []);

  /** One step: through the parts of a tall passage first, then to the next passage (or back). */
  const forward = (step: 1 | -1 | 'home' | 'end') => {
    const last = Math.max(0, slides.length - 1);
    if (step === 'home') return goTo(0);
    if (step === 'end') return goTo(last);
    if (step === 1) {
      if (shownPart < parts - 1) return setPart(shownPart + 1);
      if (current < last) goTo(current + 1);
      return;
    }
    if (shownPart > 0) return setPart(shownPart - 1);
    if (current > 0) goTo(current - 1, 'last');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The shortcuts dialog, open over the slide, keeps its keys (Escape closes it, not the slides).
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      // Buttons and the checkbox keep Space and Enter for themselves.
      const target = event.target as Element | null;
      const onControl = target?.closest('button, input, select') !== null && target !== null;
      // The open "Why together?" list keeps the keys that scroll it.
      const inReasons = target?.closest('.present__reasons') != null;
      let step: 1 | -1 | 'home' | 'end';
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          if (inReasons && event.key !== 'ArrowRight') return;
          step = 1;
          break;
        case ' ':
          if (onControl || inReasons) return;
          step = event.shiftKey ? -1 : 1;
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          if (inReasons && event.key !== 'ArrowLeft') return;
          step = -1;
          break;
        case 'Home':
          if (inReasons) return;
          step = 'home';
          break;
        case 'End':
          if (inReasons) return;
          step = 'end';
          break;
        case 'Escape':
          event.preventDefault();
          onExit();
          return;
        default:
          return;
      }
      event.preventDefault();
      forward(step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const columns = slide ? columnsOf(slide) : [];
  const present = new Set(columns.map((column) => column.doc));
  const absent = comparison.documents.map((_doc, doc) => doc).filter((doc) => !present.has(doc));
  const aligned = slide?.kind === 'passage' ? groupOfBadge(comparison, slide.group) : undefined;
  // A source with no paragraph here may mention the same event in a sentence of another passage:
  // still not reported here (the same event, not the same facts), but said where.
  const told = aligned ? toldElsewhere(comparison, aligned, { passageOf }) : [];
  const missing = absent;
  // The legend lists the kinds marked on this slide, in the legend's order.
  const kindsHere = new Set<DifferenceKind>();
  for (const column of columns) {
    const doc = comparison.documents[column.doc];
    for (const p of column.paragraphs) {
      const paragraph = doc?.paragraphs[p];
      if (!doc || !paragraph) continue;
      for (const run of splitAtDifferences(doc.text, paragraph.start, paragraph.end, index.differenceSpans[column.doc] ?? [], hidden)) {
        if (run.marked && run.kind) kindsHere.add(run.kind);
      }
    }
  }
  const position = slidePosition(slides, current);
  const shownLayout = laidOut?.parts[shownPart];
  const start = shownLayout?.start ?? 0;
  const atFirst = current <= 0 && shownPart <= 0;
  const atLast = current >= slides.length - 1 && shownPart >= parts - 1;

  return (
    <div
      ref={root}
      className="present"
      role="region"
      aria-roledescription="presentation"
      aria-label="Presentation"
      tabIndex={-1}
      data-part={shownPart + 1}
      data-parts={parts}
    >
      <header className="present__bar">
        <p className="present__position" aria-live="polite">
          {position || 'Nothing to present'}
        </p>
        <label className="present__option">
          <input
            type="checkbox"
            checked={includeOnlyOne}
            onChange={(event) => {
              setIncludeOnlyOne(event.target.checked);
              setPart(0);
            }}
          />
          Include paragraphs only one source has
        </label>
        <div className="present__nav">
          <button type="button" className="button present__button" onClick={() => forward(-1)} disabled={atFirst}>
            <span aria-hidden="true">←</span> Previous
          </button>
          <button type="button" className="button present__button" onClick={() => forward(1)} disabled={atLast}>
            Next <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="button button--primary present__button" onClick={onExit}>
            Leave presentation <kbd className="present__key">Esc</kbd>
          </button>
        </div>
      </header>

      {slide ? (
        <>
          <div className="present__title">
            <h1 className="present__heading">
              {slide.kind === 'passage'
                ? `Reported by ${columns.length} of ${comparison.documents.length} sources`
                : `Only in ${labels.label(slide.doc)}`}
            </h1>
            {slide.kind === 'passage' && (
              <WhyTogetherButton
                className="present__why"
                expanded={reasonsOpen}
                controls={reasonsId}
                passage={slide.group.number}
                onToggle={() => setReasonsFor(reasonsOpen ? null : key)}
              />
            )}
            {/* Always laid out (hidden when there is one part), so the room for the text never depends on it. */}
            <p className={`present__part${parts > 1 ? '' : ' present__part--one'}`} aria-live="polite" aria-hidden={parts > 1 ? undefined : true}>
              Part {shownPart + 1} of {parts}
              {shownPart < parts - 1 && <span className="present__part-next"> · more with →</span>}
            </p>
          </div>
          {reasonsOpen && aligned && (
            <div className="present__reasons" role="region" aria-label={`Why passage ${slide.kind === 'passage' ? slide.group.number : ''} is together`} tabIndex={0}>
              <GroupReasonsPanel
                id={reasonsId}
                passage={slide.kind === 'passage' ? slide.group.number : 0}
                reasons={groupReasons(aligned, comparison, (doc) => labels.label(doc))}
                elsewhere={elsewhereReasons(aligned, comparison, (doc) => labels.label(doc), { passageOf })}
              />
            </div>
          )}
          <div className="present__heads" style={{ ['--present-columns' as string]: columns.length }} aria-hidden="true">
            {columns.map((column) => (
              <p key={column.doc} className="present__source">
                {labels.label(column.doc)}
              </p>
            ))}
          </div>
          <div ref={stage} className="present__stage">
            <div className="present__window">
              <div ref={fitBox} className="present__fit">
                <div
                  ref={content}
                  className="present__columns"
                  style={{ ['--present-columns' as string]: columns.length, ...(start > 0 ? { transform: `translateY(${-start}px)` } : {}) }}
                >
                  {columns.map((column, c) => {
                    const doc = comparison.documents[column.doc];
                    if (!doc) return null;
                    const clip = parts > 1 ? clipOf(shownLayout?.bands[c], laidOut?.columns[c]) : undefined;
                    return (
                      <section key={column.doc} className="present__column" aria-label={labels.label(column.doc)} style={clip ? { clipPath: clip } : undefined}>
                        <h2 className="visually-hidden">{labels.label(column.doc)}</h2>
                        {column.paragraphs.map((p) => {
                          const paragraph = doc.paragraphs[p];
                          if (!paragraph) return null;
                          const runs = splitAtDifferences(doc.text, paragraph.start, paragraph.end, index.differenceSpans[column.doc] ?? [], hidden);
                          return (
                            <p key={p} className="present-para__text" dir="auto" data-paragraph={p}>
                              {runs.map((run) =>
                                run.marked ? (
                                  <mark key={run.start} className={`diff diff--${run.kind ?? 'wording'}`} data-kind={run.kind}>
                                    {run.text}
                                  </mark>
                                ) : (
                                  <span key={run.start}>{run.text}</span>
                                ),
                              )}
                            </p>
                          );
                        })}
                      </section>
                    );
                  })}
                </div>
              </div>
            </div>
          </div>
          {slide.kind === 'passage' && missing.length > 0 && (
            <p className="present__missing">Not reported by {missing.map((doc) => labels.label(doc)).join(', ')}</p>
          )}
          {slide.kind === 'passage' &&
            told.map((entry) => (
              <p key={entry.doc} className="present__missing present__elsewhere" data-doc={entry.doc}>
                {labels.label(entry.doc)} mentions the event {whereTold(entry.places)}
              </p>
            ))}
          {kindsHere.size > 0 && (
            <ul className="present__legend" aria-label="Key to the marks">
              {LEGEND_ORDER.filter((kind) => kindsHere.has(kind)).map((kind) => (
                <li key={kind} className="present__legend-item">
                  <mark className={`diff diff--${kind}`} aria-hidden="true">
                    Ab
                  </mark>
                  {DIFFERENCE_KIND_NAMES[kind]}
                  <span className="visually-hidden"> ({KIND_LINES[kind]})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="present__empty">This comparison has no shared passages to present.</p>
      )}
    </div>
  );
}
