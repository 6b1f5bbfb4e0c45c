/**
 * Screens the reading layout adapts to.
 *
 * A projector in a classroom is short (1280×720, 1280×800, 1366×768): there the toolbar above the
 * columns starts folded ("Key & tools") and the columns' heads keep only the source's name, so the
 * article text starts near the top of the screen. A taller screen has room for both from the start.
 * The styles use the same boundary, written as its complement: `@media (max-height: 819.98px)`
 * (the end of styles/columns.css).
 */
export const ROOMY_SCREEN = '(min-height: 820px)';
