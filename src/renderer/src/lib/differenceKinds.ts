import type { DifferenceKind } from '../../../shared/contract/comparison';

/**
 * Which kind a mark shows where spans of several kinds overlap: the first of these wins. Figures
 * and quotations are the most specific findings; plain wording is the least.
 */
export const KIND_PRECEDENCE: readonly DifferenceKind[] = ['figure', 'quote', 'attribution', 'loaded-term', 'label', 'hedge', 'omission', 'wording'];

/** Kinds of difference, in words (the legend, a mark’s tooltip, the notes panel): from the contract, as the report uses them. */
export { DIFFERENCE_KIND_NAMES } from '../../../shared/contract/comparison';

/** The order of the legend: framing first, plain wording last. */
export const LEGEND_ORDER: readonly DifferenceKind[] = ['attribution', 'loaded-term', 'label', 'hedge', 'figure', 'quote', 'omission', 'wording'];

/** The line or marker of each kind, in words, so that the legend says what colour does not. */
export const KIND_LINES: Record<DifferenceKind, string> = {
  wording: 'thin underline',
  attribution: 'dashed underline',
  'loaded-term': 'wavy underline',
  label: 'double underline',
  hedge: 'dotted underline',
  figure: 'thick underline',
  quote: 'line above and below',
  omission: 'dashed box',
};
