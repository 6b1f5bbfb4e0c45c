import { describe, expect, it } from 'vitest';
import { HeightIndex } from '../../src/renderer/src/lib/windowing';
import { columnItems, furnitureRunOf, itemIndexByParagraph } from '../../src/renderer/src/lib/columnItems';
import { displayOrder, moveItem } from '../../src/renderer/src/lib/columnOrder';

describe('HeightIndex', () => {
  it('adds estimated heights, and measured ones once known', () => {
    const index = new HeightIndex(4, () => 10);
    expect(index.total).toBe(40);
    expect(index.offsetOf(2)).toBe(20);
    expect(index.set(1, 30)).toBe(true);
    expect(index.offsetOf(2)).toBe(40);
    expect(index.total).toBe(60);
    expect(index.isMeasured(1)).toBe(true);
    expect(index.isMeasured(0)).toBe(false);
    // The same height again changes nothing.
    expect(index.set(1, 30.2)).toBe(false);
  });

  it('finds the block at a height, and the blocks a viewport covers', () => {
    const index = new HeightIndex(100, (i) => (i % 2 === 0 ? 20 : 40));
    expect(index.indexAt(0)).toBe(0);
    expect(index.indexAt(19.9)).toBe(0);
    expect(index.indexAt(20)).toBe(1);
    expect(index.indexAt(61)).toBe(2);
    expect(index.indexAt(-5)).toBe(0);
    expect(index.indexAt(1e9)).toBe(99);
    expect(index.range(600, 720)).toEqual({ start: 20, end: 25 });
    expect(index.range(0, 0)).toEqual({ start: 0, end: 1 });
  });

  it('edge cases: an empty list, a bad measurement', () => {
    const empty = new HeightIndex(0, () => 10);
    expect(empty.total).toBe(0);
    expect(empty.range(0, 500)).toEqual({ start: 0, end: 0 });
    const index = new HeightIndex(3, () => 10);
    expect(index.set(5, 100)).toBe(false);
    expect(index.set(0, Number.NaN)).toBe(false);
    expect(index.total).toBe(30);
  });
});

describe('columnItems', () => {
  const kinds = ['title', 'boilerplate', 'boilerplate', 'body', 'boilerplate', 'body', 'boilerplate', 'boilerplate', 'boilerplate'] as const;

  it('folds each run of page furniture into one line', () => {
    const items = columnItems(kinds, new Set());
    expect(items).toEqual([
      { type: 'paragraph', paragraph: 0 },
      { type: 'furniture', first: 1, last: 2, open: false },
      { type: 'paragraph', paragraph: 3 },
      { type: 'furniture', first: 4, last: 4, open: false },
      { type: 'paragraph', paragraph: 5 },
      { type: 'furniture', first: 6, last: 8, open: false },
    ]);
    const at = itemIndexByParagraph(items, kinds.length);
    expect([...at]).toEqual([0, 1, 1, 2, 3, 4, 5, 5, 5]);
    expect(furnitureRunOf(items, 7)).toEqual({ type: 'furniture', first: 6, last: 8, open: false });
    expect(furnitureRunOf(items, 3)).toBeUndefined();
  });

  it('shows an open run after its line, and never folds a paragraph the person marked', () => {
    const items = columnItems(kinds, new Set([6]), new Set([2]));
    expect(items.slice(0, 3)).toEqual([
      { type: 'paragraph', paragraph: 0 },
      { type: 'furniture', first: 1, last: 1, open: false },
      { type: 'paragraph', paragraph: 2 },
    ]);
    expect(items.slice(-4)).toEqual([
      { type: 'furniture', first: 6, last: 8, open: true },
      { type: 'paragraph', paragraph: 6 },
      { type: 'paragraph', paragraph: 7 },
      { type: 'paragraph', paragraph: 8 },
    ]);
    const at = itemIndexByParagraph(items, kinds.length);
    expect(at[7]).toBe(items.length - 2);
  });

  it('edge cases: no paragraphs, all furniture', () => {
    expect(columnItems([], new Set())).toEqual([]);
    expect(columnItems(['boilerplate', 'boilerplate'], new Set())).toEqual([{ type: 'furniture', first: 0, last: 1, open: false }]);
  });
});

describe('column order', () => {
  const docs = [{ path: '/a' }, { path: '/b' }, { path: '/c' }];

  it('follows the person’s order, then the comparison’s for sources it does not name', () => {
    expect(displayOrder(docs, undefined)).toEqual([0, 1, 2]);
    expect(displayOrder(docs, ['/c', '/a', '/b'])).toEqual([2, 0, 1]);
    expect(displayOrder(docs, ['/c', '/gone'])).toEqual([2, 0, 1]);
  });

  it('moves one item', () => {
    expect(moveItem([0, 1, 2, 3], 0, 2)).toEqual([1, 2, 0, 3]);
    expect(moveItem([0, 1, 2, 3], 3, 0)).toEqual([3, 0, 1, 2]);
    expect(moveItem([0, 1, 2], 1, 9)).toEqual([0, 2, 1]);
    expect(moveItem([0, 1, 2], 5, 0)).toEqual([0, 1, 2]);
  });
});
