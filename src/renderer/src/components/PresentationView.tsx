import { useEffect, useMemo, useRef, useState } from 'react';
import type { Comparison, DifferenceKind } from '../../../shared/contract/comparison';
import { splitAtDifferences, type ComparisonIndex } from '../lib/comparisonIndex';
import { DIFFERENCE_KIND_NAMES, KIND_LINES, LEGEND_ORDER } from '../lib/differenceKinds';
import { presentationSlides, slidePosition, type Slide } from '../lib/presentationSlides';
import { useSourceLabel } from '../lib/sourceLabel';

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

/**
 * Presentation mode, for a projector: one passage at a time across the whole window, the sources
 * side by side in large type, differences drawn by kind with their legend. Arrow keys, Page Up/Down
 * and Space step; Home and End go to the ends; Escape leaves. Notes and panels are not shown.
 */
export function PresentationView({ comparison, index, hiddenKinds, onExit }: PresentationViewProps) {
  const labels = useSourceLabel();
  const [includeOnlyOne, setIncludeOnlyOne] = useState(true);
  const slides = useMemo(() => presentationSlides(comparison, index, includeOnlyOne), [comparison, index, includeOnlyOne]);
  const [at, setAt] = useState(0);
  const current = Math.min(at, Math.max(0, slides.length - 1));
  const slide = slides[current];
  const root = useRef<HTMLDivElement>(null);
  const hidden = useMemo(() => new Set(hiddenKinds), [hiddenKinds]);

  useEffect(() => {
    root.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The shortcuts dialog, open over the slide, keeps its keys (Escape closes it, not the slides).
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      // Buttons and the checkbox keep Space and Enter for themselves.
      const target = event.target as Element | null;
      const onControl = target?.closest('button, input, select') !== null && target !== null;
      let next: number | null = null;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          next = current + 1;
          break;
        case ' ':
          if (onControl) return;
          next = event.shiftKey ? current - 1 : current + 1;
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          next = current - 1;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = slides.length - 1;
          break;
        case 'Escape':
          event.preventDefault();
          onExit();
          return;
        default:
          return;
      }
      event.preventDefault();
      setAt(Math.min(Math.max(0, next), Math.max(0, slides.length - 1)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, onExit, slides.length]);

  const columns = slide ? columnsOf(slide) : [];
  const present = new Set(columns.map((column) => column.doc));
  const missing = comparison.documents.map((_doc, doc) => doc).filter((doc) => !present.has(doc));
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

  return (
    <div ref={root} className="present" role="region" aria-roledescription="presentation" aria-label="Presentation" tabIndex={-1}>
      <header className="present__bar">
        <p className="present__position" aria-live="polite">
          {position || 'Nothing to present'}
        </p>
        <label className="present__option">
          <input type="checkbox" checked={includeOnlyOne} onChange={(event) => setIncludeOnlyOne(event.target.checked)} />
          Include paragraphs only one source has
        </label>
        <div className="present__nav">
          <button type="button" className="button present__button" onClick={() => setAt(current - 1)} disabled={current <= 0}>
            <span aria-hidden="true">←</span> Previous
          </button>
          <button type="button" className="button present__button" onClick={() => setAt(current + 1)} disabled={current >= slides.length - 1}>
            Next <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="button button--primary present__button" onClick={onExit}>
            Leave presentation <kbd className="present__key">Esc</kbd>
          </button>
        </div>
      </header>

      {slide ? (
        <>
          <h1 className="present__heading">
            {slide.kind === 'passage'
              ? `Reported by ${columns.length} of ${comparison.documents.length} sources`
              : `Only in ${labels.label(slide.doc)}`}
          </h1>
          <div className="present__columns" style={{ ['--present-columns' as string]: columns.length }}>
            {columns.map((column) => {
              const doc = comparison.documents[column.doc];
              if (!doc) return null;
              return (
                <section key={column.doc} className="present__column" aria-label={labels.label(column.doc)}>
                  <h2 className="present__source">{labels.label(column.doc)}</h2>
                  {column.paragraphs.map((p) => {
                    const paragraph = doc.paragraphs[p];
                    if (!paragraph) return null;
                    const runs = splitAtDifferences(doc.text, paragraph.start, paragraph.end, index.differenceSpans[column.doc] ?? [], hidden);
                    return (
                      <p key={p} className="present-para__text" dir="auto">
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
          {slide.kind === 'passage' && missing.length > 0 && (
            <p className="present__missing">Not reported by {missing.map((doc) => labels.label(doc)).join(', ')}</p>
          )}
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
