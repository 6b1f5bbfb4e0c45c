import type { Comparison } from '../../../shared/contract/comparison';
import type { ComparisonIndex, GroupBadge } from './comparisonIndex';

/**
 * What presentation mode steps through. First every shared passage (a group: the same thing told by
 * two or more sources), in the order the comparison lists them; then, if asked for, each article
 * paragraph that only one source has: what the others left out is often the point of the lesson.
 */
export type Slide =
  | { readonly kind: 'passage'; readonly group: GroupBadge }
  | { readonly kind: 'only'; readonly doc: number; readonly paragraph: number };

export function presentationSlides(comparison: Comparison, index: ComparisonIndex, includeOnlyOne: boolean): Slide[] {
  const slides: Slide[] = index.groups.map((group) => ({ kind: 'passage', group }));
  if (!includeOnlyOne) return slides;
  comparison.documents.forEach((doc, docIndex) => {
    doc.paragraphs.forEach((paragraph, p) => {
      if (paragraph.kind === 'body' && !index.groupOf({ doc: docIndex, paragraph: p })) slides.push({ kind: 'only', doc: docIndex, paragraph: p });
    });
  });
  return slides;
}

/** How far along a slide is, in words for the indicator ("Passage 3 of 24", "Only in one source: 2 of 9"). */
export function slidePosition(slides: readonly Slide[], at: number): string {
  const slide = slides[at];
  if (!slide) return '';
  const passages = slides.filter((s) => s.kind === 'passage').length;
  if (slide.kind === 'passage') return `Passage ${at + 1} of ${passages}`;
  return `Only in one source: ${at - passages + 1} of ${slides.length - passages}`;
}

/** A line of text on a slide: its top and bottom, in pixels from the top of the slide's text. */
export interface LineBox {
  readonly top: number;
  readonly bottom: number;
}

/** The band of one column a part shows, from the top of the slide's text: whole lines only. */
export interface Band {
  readonly top: number;
  readonly bottom: number;
}

/** One part of a slide: the text from `start` down one screen, and what each column shows of it. */
export interface SlidePart {
  readonly start: number;
  /** For each column, in order: the lines it shows whole; the rest of the screen is left blank. */
  readonly bands: readonly Band[];
}

/** The most parts a slide is cut into, whatever happens (a guard, not a layout rule). */
const MAX_PARTS = 200;
/** Line boxes are fractional: a line that fits by rounding fits. */
const SLACK = 0.5;

/**
 * A slide too tall for the screen, in parts, so that no line is ever cut: each part shows one
 * screen (`height`) of the text from its `start`, and in each column only the lines that fit in it
 * whole. The next part starts at the first line, in any column, that did not fit; a line of another
 * column that began above that start was shown whole already and is left out of the next part
 * rather than shown cut at its top. Columns are laid out side by side, so their lines do not line
 * up; each keeps its own band. One part when everything fits. A single line taller than the screen
 * (which never happens at the sizes used) is cut at the screen and goes on in the next part.
 */
export function slideParts(columns: readonly (readonly LineBox[])[], height: number): SlidePart[] {
  const sorted = columns.map((lines) => [...lines].sort((a, b) => a.top - b.top || a.bottom - b.bottom));
  const whole = sorted.map((): Band => ({ top: Number.NEGATIVE_INFINITY, bottom: Number.POSITIVE_INFINITY }));
  if (!(height > 0) || sorted.every((lines) => lines.every((line) => line.bottom <= height + SLACK))) return [{ start: 0, bands: whole }];

  const parts: SlidePart[] = [];
  let start = 0;
  while (parts.length < MAX_PARTS) {
    const limit = start + height;
    let next = Number.POSITIVE_INFINITY;
    const bands = sorted.map((lines): Band => {
      // Lines that began above this part were shown whole before: this column starts below them.
      const shown = lines.filter((line) => line.top >= start - SLACK || (line.bottom > start + SLACK && line.bottom - line.top > height + SLACK));
      // Nothing left in this column: it shows nothing (not even the end of a line shown before).
      if (shown.length === 0) return { top: start, bottom: start };
      const top = Math.max(start, shown[0]!.top);
      const over = shown.find((line) => line.bottom > limit + SLACK);
      if (over) next = Math.min(next, over.top);
      const fits = shown.filter((line) => line.bottom <= limit + SLACK);
      return { top, bottom: fits.length > 0 ? Math.max(...fits.map((line) => line.bottom)) : top };
    });
    if (next === Number.POSITIVE_INFINITY) {
      // The last part: each column to its end (the room below is the page's).
      parts.push({ start, bands: bands.map((band) => (band.bottom > band.top ? { top: band.top, bottom: Number.POSITIVE_INFINITY } : band)) });
      return parts;
    }
    if (next <= start + SLACK) {
      // A line taller than the screen: cut at the screen, in the column that holds it.
      next = limit;
      parts.push({ start, bands: bands.map((band, c) => (sorted[c]!.some((line) => line.top <= start + SLACK && line.bottom > limit + SLACK) ? { top: start, bottom: limit } : band)) });
    } else parts.push({ start, bands });
    start = next;
  }
  return parts;
}
