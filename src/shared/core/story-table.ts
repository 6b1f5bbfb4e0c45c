import { DIFFERENCE_KINDS, type Comparison, type DifferenceKind } from '../contract/comparison.js';
import { ALIGNED_KINDS } from './align.js';
import { countDifferences } from './counts.js';
import { tokenize } from './text.js';

/**
 * The summary table of `parallax batch`: one row per story and source, with the figures a
 * researcher tabulates (differences by kind, loaded terms, attribution, figures, what only this
 * source reports), worked out from the comparison alone so that it reads the same from a story's
 * JSON file as from the comparison just made. Written as CSV (for R's read.csv and pandas'
 * read_csv) and as JSON Lines, with the same columns in the same order.
 */

/** The column of each difference kind: `diff_` and the kind, with `_` for `-` (diff_loaded_term). */
export const KIND_COLUMNS: readonly string[] = DIFFERENCE_KINDS.map((kind) => `diff_${kind.replace(/-/g, '_')}`);

/** How many terms (most used first) the list columns name. */
export const TOP_TERMS = 10;

/** The columns, in their order. */
export const STORY_TABLE_COLUMNS: readonly string[] = [
  'story',
  'doc',
  'sources',
  'label',
  'file',
  'format',
  'title',
  'paragraphs',
  'words',
  ...KIND_COLUMNS,
  'diff_total',
  'diff_classified',
  'only_in_this_source',
  'unique_share',
  'highlighted_share',
  'omits',
  'loaded_terms_n',
  'loaded_terms_quoted_n',
  'loaded_terms',
  'attribution_n',
  'attribution_verbs',
  'hedges_n',
  'figures',
  'figure_outliers',
];

export type StoryTableRow = Readonly<Record<string, string | number>>;

const share = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

/** "said (4); claimed (1)": the most used terms first, at most TOP_TERMS of them. */
function termList(terms: readonly { readonly term: string; readonly count: number }[]): string {
  return terms
    .slice(0, TOP_TERMS)
    .map((entry) => `${entry.term} (${entry.count})`)
    .join('; ');
}

const total = (terms: readonly { readonly count: number }[]): number => terms.reduce((sum, entry) => sum + entry.count, 0);

/** The rows of one story: one per source of its comparison, in document order. */
export function storyTableRows(story: string, comparison: Comparison): StoryTableRow[] {
  return comparison.documents.map((document, doc) => {
    const counts = countDifferences(comparison, doc);
    const summary = comparison.summary?.sources.find((source) => source.doc === doc);
    let paragraphs = 0;
    let words = 0;
    for (const paragraph of document.paragraphs) {
      if (!ALIGNED_KINDS.has(paragraph.kind)) continue;
      paragraphs++;
      words += tokenize(document.text, paragraph.start, paragraph.end).length;
    }
    const claimRows = (comparison.summary?.claims ?? []).flatMap((table) => table.rows.filter((row) => row.doc === doc));
    const byKind: Record<string, number> = {};
    DIFFERENCE_KINDS.forEach((kind: DifferenceKind, i) => (byKind[KIND_COLUMNS[i]!] = counts.byKind[kind] ?? 0));
    const row: Record<string, string | number> = {
      story,
      doc,
      sources: comparison.documents.length,
      label: document.label,
      file: document.path,
      format: document.metadata?.format ?? '',
      title: document.title,
      paragraphs,
      words,
      ...byKind,
      diff_total: counts.total,
      diff_classified: counts.classified,
      only_in_this_source: counts.onlyInOneSource,
      unique_share: share(counts.onlyInOneSource, paragraphs),
      highlighted_share: summary?.highlightedShare ?? 0,
      omits: summary?.omits.length ?? 0,
      loaded_terms_n: total(summary?.loadedTerms ?? []),
      loaded_terms_quoted_n: (summary?.loadedTerms ?? []).reduce((sum, entry) => sum + (entry.quoted ?? 0), 0),
      loaded_terms: termList(summary?.loadedTerms ?? []),
      attribution_n: total(summary?.attribution ?? []),
      attribution_verbs: termList(summary?.attribution ?? []),
      hedges_n: total(summary?.hedges ?? []),
      figures: claimRows.length,
      figure_outliers: claimRows.filter((claim) => claim.outlier).length,
    };
    // In the columns' order, whatever order the fields were made in.
    return Object.fromEntries(STORY_TABLE_COLUMNS.map((column) => [column, row[column] ?? '']));
  });
}

/** Order rows by story (by code unit, the same on every machine) and then by source. */
export function sortStoryTable(rows: readonly StoryTableRow[]): StoryTableRow[] {
  return [...rows].sort((a, b) => {
    const x = String(a['story']);
    const y = String(b['story']);
    return x < y ? -1 : x > y ? 1 : Number(a['doc']) - Number(b['doc']);
  });
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: a header, then a row per line (UTF-8 without a byte-order mark, \n between lines). */
export function storyTableCsv(rows: readonly StoryTableRow[]): string {
  const lines = [STORY_TABLE_COLUMNS.join(',')];
  for (const row of rows) lines.push(STORY_TABLE_COLUMNS.map((column) => csvField(row[column] ?? '')).join(','));
  return lines.join('\n') + '\n';
}

/** The table as JSON Lines: one object per row, its keys in the columns' order. */
export function storyTableJsonl(rows: readonly StoryTableRow[]): string {
  return rows.map((row) => JSON.stringify(row) + '\n').join('');
}
