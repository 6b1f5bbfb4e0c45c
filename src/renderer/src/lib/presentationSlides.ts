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
