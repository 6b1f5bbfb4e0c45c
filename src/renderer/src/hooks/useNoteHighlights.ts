import { useEffect, useRef } from 'react';
import type { Comparison } from '../../../shared/contract/comparison';
import { paragraphTextElement, pointAt, rangeIn } from '../lib/domText';
import type { NotePlace, PlacedAnchor } from '../lib/notePlaces';

/** The CSS highlight names (styled in app.css with `::highlight(…)`). */
export const NOTED_HIGHLIGHT = 'parallax-noted';
export const GONE_TO_HIGHLIGHT = 'parallax-gone-to';

/**
 * Mark the passages that have notes, and the anchor of the note last gone to, with CSS Custom
 * Highlights: they draw over the text without adding elements, so the difference marks and the
 * paragraph's own rendering stay as they are. Redrawn whenever the columns' text is re-rendered.
 * A click (without a drag) inside a noted passage opens its note.
 */
export function useNoteHighlights(
  comparison: Comparison | undefined,
  places: readonly NotePlace[],
  goneTo: readonly PlacedAnchor[],
  onOpenNote: (id: string) => void,
): void {
  const open = useRef(onOpenNote);
  useEffect(() => {
    open.current = onOpenNote;
  }, [onOpenNote]);

  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!comparison || !registry || typeof Highlight === 'undefined') return undefined;
    const passages = places.filter((place) => place.note.target.kind === 'passage' && place.status !== 'orphan');
    const rangesOf = (anchors: readonly PlacedAnchor[]): Range[] => {
      const ranges: Range[] = [];
      for (const anchor of anchors) {
        const block = comparison.documents[anchor.doc]?.paragraphs[anchor.paragraph];
        const element = block && paragraphTextElement(document, anchor.doc, anchor.paragraph);
        const range = element && block ? rangeIn(element, anchor.start - block.start, Math.min(anchor.end, block.end) - block.start) : undefined;
        if (range) ranges.push(range);
      }
      return ranges;
    };
    let frame = 0;
    const draw = () => {
      frame = 0;
      registry.set(NOTED_HIGHLIGHT, new Highlight(...rangesOf(passages.flatMap((place) => place.anchors))));
      registry.set(GONE_TO_HIGHLIGHT, new Highlight(...rangesOf(goneTo)));
    };
    draw();
    // The columns render their text again when marks are shown or hidden, or rows scroll into view.
    const columns = document.querySelector('.app__main');
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(draw);
    });
    if (columns) observer.observe(columns, { childList: true, subtree: true, characterData: true });

    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      const point = caret ? pointAt(caret.offsetNode, caret.offset) : undefined;
      const block = point && comparison.documents[point.doc]?.paragraphs[point.paragraph];
      if (!point || !block) return;
      const at = block.start + point.offset;
      const hit = passages.find((place) => place.anchors.some((a) => a.doc === point.doc && a.start <= at && at < a.end));
      if (hit) open.current(hit.note.id);
    };
    document.addEventListener('click', onClick);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      document.removeEventListener('click', onClick);
      registry.delete(NOTED_HIGHLIGHT);
      registry.delete(GONE_TO_HIGHLIGHT);
    };
  }, [comparison, places, goneTo]);
}
