import { resolve } from 'node:path';
import type { TextEncoding } from '../../shared/contract/api.js';
import { COMPARISON_SCHEMA, type Comparison, type SourceDocument } from '../../shared/contract/comparison.js';
import type { Lexicon } from '../../shared/contract/lexicon.js';
import { withDescriptions } from '../../shared/core/describe.js';
import { applySourcePreferences } from '../../shared/core/document.js';
import { applyLexiconChanges, defaultLexiconPath, loadLexicon, type LexiconChanges } from './lexicon.js';
import { openSources, type OpenSourcesOptions, type OpenSourcesResult } from './sources.js';
import type { StoredSourcePreferences } from './store.js';
import { runWithTimeLimit } from './time-limit.js';

/**
 * The one way sources are opened and compared, by the app and by every command (`compare`,
 * `batch`, `report`, `notes export`): the same remembered encodings and source choices, the same
 * lexicon (the given file, or the default with the person's changes), the same threshold, and the
 * same JSON. Where there is no store (compare, batch), there are no choices, and files are read as
 * they are.
 */

/** What is remembered about a source file (label, encoding, paragraphs marked), by its absolute path. */
export type SourceChoicesLookup = (path: string) => StoredSourcePreferences | undefined;

export interface ReadSourcesResult extends OpenSourcesResult {
  /** The files asked for, resolved and without repeats, in the order given. */
  readonly paths: string[];
}

/** How files are read besides the person's choices: when to stop (see `OpenSourcesOptions`). */
export type ReadSettings = Pick<OpenSourcesOptions, 'deadline'>;

/** Read the files with the encodings chosen for them (the person's choices are not applied: see `openForComparison`). */
export async function readSources(requested: readonly string[], choices?: SourceChoicesLookup, settings: ReadSettings = {}): Promise<ReadSourcesResult> {
  const paths = [...new Set(requested.map((path) => resolve(path)))];
  const encodings: Record<string, TextEncoding> = {};
  for (const path of paths) {
    const encoding = choices?.(path)?.encoding;
    if (encoding) encodings[path] = encoding;
  }
  const { documents, problems } = await openSources(paths, { encodings, ...settings });
  return { paths, documents, problems };
}

/** Read the files as `readSources` does, with the person's choices (labels, paragraphs marked) applied. */
export async function openForComparison(requested: readonly string[], choices?: SourceChoicesLookup, settings: ReadSettings = {}): Promise<ReadSourcesResult> {
  const read = await readSources(requested, choices, settings);
  if (!choices) return read;
  return { ...read, documents: read.documents.map((document) => applySourcePreferences(document, choices(document.path))) };
}

export type LexiconInUse = { readonly ok: true; readonly lexicon: Lexicon } | { readonly ok: false; readonly message: string };

/**
 * The lexicon a comparison uses: `file` when one is given (as it is), else the default one in the
 * resources folder with the person's changes to it.
 */
export async function lexiconInUse(resourcesDir: string, options: { readonly file?: string; readonly changes?: LexiconChanges | null } = {}): Promise<LexiconInUse> {
  const loaded = await loadLexicon(options.file ?? defaultLexiconPath(resourcesDir));
  if (!loaded.ok) return loaded;
  return { ok: true, lexicon: options.file ? loaded.lexicon : applyLexiconChanges(loaded.lexicon, options.changes ?? null) };
}

export interface CompareSettings {
  readonly lexicon: Lexicon;
  /** From 0 (loose) to 1 (strict); the default when not given. */
  readonly threshold?: number | undefined;
  /**
   * Stop the comparison with a `TimeLimitError` (time-limit.ts) after this many milliseconds: the
   * command line's bound, the same as the app's worker's. No limit when not given.
   */
  readonly timeLimitMs?: number | undefined;
}

/**
 * The comparison of the sources that opened, in this thread; a single source gives a comparison of
 * one, with no groups. (The core is loaded when first needed, so that the app starts without it.)
 */
export async function compareOpened(documents: readonly SourceDocument[], settings: CompareSettings): Promise<Comparison> {
  if (documents.length < 2) return { schema: COMPARISON_SCHEMA, documents, groups: [], differences: [] };
  const { compareDocuments } = await import('../../shared/core/compare.js');
  const compare = (): Comparison => compareDocuments(documents, { lexicon: settings.lexicon, ...(settings.threshold === undefined ? {} : { threshold: settings.threshold }) });
  return settings.timeLimitMs === undefined ? compare() : runWithTimeLimit(compare, settings.timeLimitMs);
}

/**
 * A comparison as `parallax compare --json` prints it and `parallax batch` writes it: each
 * difference with its description in words, naming the sources by their labels.
 */
export function comparisonJson(comparison: Comparison): string {
  return JSON.stringify(withDescriptions(comparison), null, 2) + '\n';
}
