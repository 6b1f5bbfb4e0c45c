import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/shared/contract/comparison.js';
import {
  answerToParts,
  comparisonFromParts,
  comparisonToParts,
  isComparisonParts,
  PART_SIZE,
  PARTED_LISTS,
  valueFromParts,
} from '../../src/shared/contract/comparison-wire.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { seedDocument, seedPaths, defaultLexicon } from '../support/seeds.js';

/**
 * A comparison crosses from main to the page as JSON text in parts (comparison-wire.ts): the page
 * puts it together a part at a time, and gets exactly the comparison main worked out.
 */

const seeds = (): Comparison => compareDocuments(seedPaths().map((_path, i) => seedDocument(String(i).padStart(3, '0'))), { lexicon: defaultLexicon() });

describe('a comparison in parts', () => {
  it('is the same comparison once put together, whatever the size of the parts', async () => {
    const comparison = seeds();
    for (const size of [1, 2_000, 50_000, PART_SIZE]) {
      const parts = comparisonToParts(comparison, size);
      expect(isComparisonParts(parts)).toBe(true);
      expect(await comparisonFromParts(parts, async () => undefined)).toEqual(comparison);
    }
  });

  it('holds each long list in parts of about the size asked for, in order, and pauses between parts', async () => {
    const comparison = seeds();
    const parts = comparisonToParts(comparison, 20_000);
    const order = parts.parts.map((part) => PARTED_LISTS.indexOf(part.list));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const part of parts.parts) {
      const items = JSON.parse(part.json) as unknown[];
      // A part is at most the size asked for, or one item that is longer by itself.
      if (items.length > 1) expect(part.json.length).toBeLessThanOrEqual(20_000 + 2);
    }
    expect(parts.parts.filter((part) => part.list === 'differences').length).toBeGreaterThan(1);
    // What is not in the long lists (the summary's included) is small: the head is parsed in one go.
    expect(new Set(parts.parts.map((part) => part.list))).toEqual(new Set(['documents', 'groups', 'differences', 'unique', 'summary.sources', 'summary.claims']));
    expect(parts.head.length).toBeLessThan(2_000);
    let pauses = 0;
    await comparisonFromParts(parts, async () => {
      pauses++;
    });
    expect(pauses).toBe(parts.parts.length);
  });

  it('an empty comparison has a head and no parts', async () => {
    const empty: Comparison = { schema: 'parallax.comparison/1', documents: [], groups: [], differences: [] };
    const parts = comparisonToParts(empty);
    expect(parts.parts).toEqual([]);
    expect(await comparisonFromParts(parts, async () => undefined)).toEqual(empty);
  });

  it('refuses a head that is not a comparison', async () => {
    await expect(comparisonFromParts({ encoding: 'parallax.comparison-parts/1', head: '{"schema":"other"}', parts: [] }, async () => undefined)).rejects.toThrow(/Not a comparison/);
  });
});

describe('answers from main', () => {
  it('an answer with a comparison goes in parts, and comes back as it was; anything else as it is', async () => {
    const comparison = seeds();
    const answer = { ok: true as const, value: { id: 'c1', comparison, problems: [] } };
    const sent = answerToParts(answer);
    expect(sent.ok && isComparisonParts((sent.value as { comparison: unknown }).comparison)).toBe(true);
    let told: Comparison | null = null;
    const value = await valueFromParts(sent.ok ? sent.value : null, async () => undefined, (arrived) => {
      told = arrived;
    });
    expect(value).toEqual(answer.value);
    expect(told).toEqual(comparison);

    for (const other of [{ ok: true as const, value: { paths: ['/a'] } }, { ok: true as const, value: null }, { ok: false as const, error: { code: 'failed' as const, message: 'No.' } }]) {
      expect(answerToParts(other)).toBe(other);
    }
    expect(await valueFromParts([1, 2], async () => undefined)).toEqual([1, 2]);
    expect(await valueFromParts({ comparison: { not: 'parts' } }, async () => undefined)).toEqual({ comparison: { not: 'parts' } });
  });
});
