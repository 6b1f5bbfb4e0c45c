import type { ApiResult } from './api.js';
import { COMPARISON_SCHEMA, type Comparison } from './comparison.js';

/**
 * A comparison as it crosses from the main process to the page: JSON text in parts.
 *
 * A comparison of five 50,000-word sources is some 400,000 small objects (30 MB as JSON). Sent as
 * objects, the page has to rebuild them all in one go when the message arrives (a structured clone
 * in Electron, then a copy across the preload's context bridge), holding its main thread for over
 * half a second. Strings cross in one copy each, so main sends the comparison as text in parts of
 * about `PART_SIZE` characters, and the page parses them a few at a time, letting the window paint
 * and answer in between (`comparisonFromParts`). The comparison the page ends up with is the same
 * value main worked out; only how it travels differs.
 */

/** Tells a comparison in parts from anything else. */
export const COMPARISON_PARTS_ENCODING = 'parallax.comparison-parts/1' as const;

/**
 * The comparison's lists that can be long, each sent in parts, by where they are in it (the
 * summary's lists inside `summary`). What is left, the head, is a few kilobytes.
 */
export const PARTED_LISTS = ['documents', 'groups', 'differences', 'unique', 'summary.sources', 'summary.claims'] as const;
export type PartedList = (typeof PARTED_LISTS)[number];

/** The list at `path` in a comparison (or its head), if it has one there. */
function listAt(comparison: object, path: PartedList): unknown[] | undefined {
  let value: unknown = comparison;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : undefined;
}

/** The comparison with each of its long lists empty (those it has), to send as the head. */
function withListsEmpty(comparison: Comparison): Comparison {
  return {
    ...comparison,
    documents: [],
    groups: [],
    differences: [],
    ...(comparison.unique ? { unique: [] } : {}),
    ...(comparison.summary ? { summary: { ...comparison.summary, sources: [], claims: [] } } : {}),
  };
}

/**
 * About how many characters of JSON a part holds: some 10 ms of parsing on a slow machine, so that
 * the page can stop between any two and never holds its window long.
 */
export const PART_SIZE = 250_000;

export interface ComparisonParts {
  readonly encoding: typeof COMPARISON_PARTS_ENCODING;
  /** The comparison with its long lists empty, as JSON. */
  readonly head: string;
  /** The long lists, each as consecutive runs of its items (a JSON array each), in order. */
  readonly parts: readonly { readonly list: PartedList; readonly json: string }[];
}

/** The comparison as JSON text in parts of about `partSize` characters (an item longer than that is a part of its own). */
export function comparisonToParts(comparison: Comparison, partSize = PART_SIZE): ComparisonParts {
  const parts: { list: PartedList; json: string }[] = [];
  for (const list of PARTED_LISTS) {
    let items: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (items.length === 0) return;
      parts.push({ list, json: `[${items.join(',')}]` });
      items = [];
      size = 0;
    };
    for (const item of listAt(comparison, list) ?? []) {
      const json = JSON.stringify(item);
      if (size > 0 && size + json.length > partSize) flush();
      items.push(json);
      size += json.length + 1;
    }
    flush();
  }
  const head = JSON.stringify(withListsEmpty(comparison));
  return { encoding: COMPARISON_PARTS_ENCODING, head, parts };
}

/** Whether `value` is a comparison in parts. */
export function isComparisonParts(value: unknown): value is ComparisonParts {
  if (typeof value !== 'object' || value === null) return false;
  const parts = value as Partial<ComparisonParts>;
  return parts.encoding === COMPARISON_PARTS_ENCODING && typeof parts.head === 'string' && Array.isArray(parts.parts);
}

/**
 * The comparison again, parsed one part at a time with `pause()` awaited between parts (in the page:
 * until the next task now and then, so that the window paints and answers meanwhile).
 */
export async function comparisonFromParts(wire: ComparisonParts, pause: () => Promise<void>): Promise<Comparison> {
  const head = JSON.parse(wire.head) as { schema?: unknown };
  if (head.schema !== COMPARISON_SCHEMA) throw new Error(`Not a comparison: its schema is ${JSON.stringify(head.schema)}.`);
  for (const part of wire.parts) {
    await pause();
    const items = JSON.parse(part.json) as unknown[];
    const list = PARTED_LISTS.includes(part.list) ? listAt(head, part.list) : undefined;
    if (!list) throw new Error(`A comparison has no list "${String(part.list)}".`);
    for (const item of items) list.push(item);
  }
  return head as Comparison;
}

/**
 * An answer from main ready to cross to the page: a comparison anywhere at the top of its value
 * (`{ comparison }`, as every channel that opens one answers) goes in parts; anything else as it is.
 */
export function answerToParts(answer: ApiResult<unknown>): ApiResult<unknown> {
  if (!answer.ok || typeof answer.value !== 'object' || answer.value === null) return answer;
  const value = answer.value as { comparison?: unknown };
  const comparison = value.comparison as Partial<Comparison> | undefined;
  if (typeof comparison !== 'object' || comparison === null || comparison.schema !== COMPARISON_SCHEMA) return answer;
  return { ok: true, value: { ...value, comparison: comparisonToParts(comparison as Comparison) } };
}

/**
 * The value of an answer from main with its comparison, if it came in parts, put together again
 * (`ApiWireResponse` back to `ApiResponse`); any other value as it is. `arrived` is told of the
 * comparison and the parts it came in (a worker can have them at the cost of a copy of strings).
 */
export async function valueFromParts(
  value: unknown,
  pause: () => Promise<void>,
  arrived?: (comparison: Comparison, parts: ComparisonParts) => void,
): Promise<unknown> {
  if (typeof value !== 'object' || value === null) return value;
  const { comparison: parts } = value as { comparison?: unknown };
  if (!isComparisonParts(parts)) return value;
  const comparison = await comparisonFromParts(parts, pause);
  arrived?.(comparison, parts);
  return { ...value, comparison };
}
