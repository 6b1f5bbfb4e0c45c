import { describe, expect, it } from 'vitest';
import { slideParts, type LineBox, type SlidePart } from '../../src/renderer/src/lib/presentationSlides';

/** `count` lines of `height` pixels, one under the other, from `top`. */
const column = (count: number, height: number, top = 0): LineBox[] => Array.from({ length: count }, (_, i) => ({ top: top + i * height, bottom: top + (i + 1) * height }));

/** Whether a part shows a line of column `c` whole: inside the column's band, and the band inside the screen. */
const showsWhole = (part: SlidePart, c: number, line: LineBox, height: number): boolean => {
  const band = part.bands[c]!;
  const top = Math.max(band.top, part.start);
  const bottom = Math.min(band.bottom, part.start + height);
  return line.top >= top - 0.5 && line.bottom <= bottom + 0.5;
};

/** Every line of every column is shown whole in some part. */
const everyLineWhole = (columns: readonly LineBox[][], parts: readonly SlidePart[], height: number): boolean =>
  columns.every((lines, c) => lines.every((line) => parts.some((part) => showsWhole(part, c, line, height))));

/** No part shows part of a line: what a band holds of a line, it holds whole. */
const noLineCut = (columns: readonly LineBox[][], parts: readonly SlidePart[], height: number): boolean =>
  parts.every((part) =>
    columns.every((lines, c) =>
      lines.every((line) => {
        const band = part.bands[c]!;
        const top = Math.max(band.top, part.start);
        const bottom = Math.min(band.bottom, part.start + height);
        const overlaps = Math.min(line.bottom, bottom) - Math.max(line.top, top) > 0.5;
        return !overlaps || showsWhole(part, c, line, height);
      }),
    ),
  );

describe('slideParts: a tall passage in parts, no line cut', () => {
  it('is one part, showing everything, when everything fits', () => {
    expect(slideParts([column(5, 40), column(3, 40)], 200)).toEqual([
      { start: 0, bands: [{ top: -Infinity, bottom: Infinity }, { top: -Infinity, bottom: Infinity }] },
    ]);
    expect(slideParts([], 300)).toHaveLength(1);
  });

  it('ends each part before the first line that would not fit whole', () => {
    // 10 lines of 40 px in 130 px: three lines a part.
    const columns = [column(10, 40)];
    const parts = slideParts(columns, 130);
    expect(parts.map((part) => part.start)).toEqual([0, 120, 240, 360]);
    expect(parts.map((part) => part.bands[0])).toEqual([
      { top: 0, bottom: 120 },
      { top: 120, bottom: 240 },
      { top: 240, bottom: 360 },
      { top: 360, bottom: Infinity },
    ]);
    expect(everyLineWhole(columns, parts, 130)).toBe(true);
  });

  it('gives each column its own band when their lines do not line up, and shows every line whole once at least', () => {
    // The second column is offset by 15 px and its lines are 36 px high; the third is short.
    const columns = [column(12, 40), column(14, 36, 15), column(2, 40)];
    const height = 150;
    const parts = slideParts(columns, height);
    expect(parts.length).toBeGreaterThan(2);
    expect(everyLineWhole(columns, parts, height)).toBe(true);
    expect(noLineCut(columns, parts, height)).toBe(true);
    parts.forEach((part, k) => {
      if (k > 0) expect(part.start).toBeGreaterThan(parts[k - 1]!.start);
    });
    // The short column has nothing left after the first part.
    expect(parts.slice(1).every((part) => part.bands[2]!.bottom <= part.bands[2]!.top || part.bands[2]!.bottom === Infinity)).toBe(true);
  });

  it('holds for columns of random lines', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const columns = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const lines: LineBox[] = [];
        let top = random() * 30;
        const count = Math.floor(random() * 40);
        for (let i = 0; i < count; i++) {
          const h = 30 + random() * 12;
          lines.push({ top, bottom: top + h });
          top += h + (random() < 0.2 ? 14 : 0);
        }
        return lines;
      });
      const height = 100 + random() * 400;
      const parts = slideParts(columns, height);
      expect(everyLineWhole(columns, parts, height), `round ${round}`).toBe(true);
      expect(noLineCut(columns, parts, height), `round ${round}`).toBe(true);
    }
  });

  it('cuts a single line taller than the screen at the screen, and still ends', () => {
    const parts = slideParts([[{ top: 0, bottom: 500 }]], 200);
    expect(parts.map((part) => part.start)).toEqual([0, 200, 400]);
    expect(parts[0]!.bands[0]).toEqual({ top: 0, bottom: 200 });
    expect(slideParts([column(3, 40)], 0)).toHaveLength(1);
  });
});
