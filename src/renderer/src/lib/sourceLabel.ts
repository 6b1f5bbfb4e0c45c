import { createContext, useContext } from 'react';
import type { Difference, SourceDocument } from '../../../shared/contract/comparison';
import { describeDifference } from '../../../shared/core/describe';

/**
 * How the page names a source. Every view that shows a source's name, title, file, byline, date or
 * anything else that could give the outlet away asks here, so that blind mode (students judge the
 * text, not the brand) holds everywhere at once.
 *
 * Blind mode hides labels and metadata only. Article text is never rewritten, so a paragraph that
 * says "told the Courier" still says it; the page tells the person so. Differences are put into
 * words with the names shown here (`describe`), so they need no rewriting either.
 */

/** The fields of a source that can name its outlet. */
export type LabelledSource = Pick<SourceDocument, 'label'> & Partial<Pick<SourceDocument, 'title' | 'path'>>;

/** "Source A" … "Source Z", then "Source AA", "Source AB"… (a comparison holds up to 50). */
export function neutralLabel(index: number): string {
  let n = Math.max(0, Math.floor(index));
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Source ${letters}`;
}

/** The name to show for the source at `index`: its label, or the neutral one in blind mode. */
export function displayLabel(doc: LabelledSource | undefined, index: number, blind: boolean): string {
  const label = doc?.label.trim();
  return blind || !label ? neutralLabel(index) : label;
}

/** The last part of a path ("C:\\a\\b.txt" → "b.txt"). */
function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What views ask of the labeller. */
export interface SourceLabels {
  /** Whether names are hidden right now (blind mode on and not revealed). */
  readonly hidden: boolean;
  /** The name of the source at `index` of the comparison on screen. */
  label(index: number): string;
  /**
   * The name of a source known by its file path (a note's anchor, a recent comparison): the open
   * source's name, else its file name, or a neutral phrase when names are hidden.
   */
  labelForPath(path: string): string;
  /** The article's title, or undefined when names are hidden. */
  title(index: number): string | undefined;
  /**
   * A piece of metadata that could name the outlet (byline, site, date, file path, URL): itself,
   * or undefined when names are hidden.
   */
  metadata<T>(value: T): T | undefined;
  /**
   * A difference in words, naming each source as `label` does: "Source B hedges with “may”" when
   * names are hidden. A difference from an older comparison without a rule gives its saved note,
   * scrubbed.
   */
  describe(difference: Difference): string;
  /**
   * Text Parallax wrote about the sources earlier and saved (a note's summary of the difference it
   * is on, "Only the Courier reports this"), with every source's name replaced by its neutral label
   * when names are hidden. Never used on article text.
   */
  scrub(text: string): string;
}

/** The labeller for the documents on screen. `hidden`: blind mode is on and not revealed. */
export function sourceLabels(documents: readonly LabelledSource[], hidden: boolean): SourceLabels {
  const byPath = new Map<string, number>();
  documents.forEach((doc, index) => {
    if (doc.path !== undefined && !byPath.has(doc.path)) byPath.set(doc.path, index);
  });
  // Longest names first, so "Harlowmere Lantern" goes before a source called "Lantern".
  const names = documents
    .map((doc, index) => ({ name: doc.label.trim(), index }))
    .filter((entry) => entry.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  // A name counts only as a whole word: a source named "000" (from its file name) must not turn
  // "46,000" into "46,Source A".
  const pattern =
    hidden && names.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\p{N}[.,])(?:${names.map((entry) => escapeRegExp(entry.name)).join('|')})(?![\\p{L}\\p{N}])(?![.,]\\p{N})`, 'giu')
      : null;
  const indexOfName = new Map(names.map((entry) => [entry.name.toLowerCase(), entry.index]));
  const scrub = (text: string): string => (pattern ? text.replace(pattern, (name) => neutralLabel(indexOfName.get(name.toLowerCase()) ?? 0)) : text);
  const label = (index: number): string => displayLabel(documents[index], index, hidden);

  return {
    hidden,
    label,
    labelForPath: (path) => {
      const index = byPath.get(path);
      if (index !== undefined) return displayLabel(documents[index], index, hidden);
      return hidden ? 'A source not open now' : baseName(path);
    },
    title: (index) => (hidden ? undefined : documents[index]?.title),
    metadata: (value) => (hidden ? undefined : value),
    describe: (difference) => (difference.rule ? describeDifference(difference, label) : scrub(difference.note ?? '')),
    scrub,
  };
}

/** What the page provides: names shown, for no comparison. */
export const SourceLabelContext = createContext<SourceLabels>(sourceLabels([], false));

/** The labeller of the comparison on screen, in blind mode or not. */
export function useSourceLabel(): SourceLabels {
  return useContext(SourceLabelContext);
}
