/**
 * The heights of a long list of blocks, measured where they have been rendered and estimated
 * elsewhere, with the offsets a windowed list needs: where a block starts, which block is at a
 * height, and which blocks a viewport (plus some overscan) covers. Pure, so it is tested without
 * a DOM; `useWindowedList` keeps one per column.
 */
export class HeightIndex {
  private readonly heights: Float64Array;
  private readonly measured: Uint8Array;
  /** `offsets[i]`: where block i starts; `offsets[count]`: the total. Rebuilt lazily. */
  private readonly offsets: Float64Array;
  private dirtyFrom = 0;

  constructor(
    readonly count: number,
    estimate: (index: number) => number,
  ) {
    this.heights = new Float64Array(count);
    this.measured = new Uint8Array(count);
    this.offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.heights[i] = Math.max(0, estimate(i));
  }

  /** Record a block's rendered height; true when it differs from what was assumed. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.count || !Number.isFinite(height)) return false;
    const was = this.heights[index]!;
    this.measured[index] = 1;
    if (Math.abs(was - height) < 0.5) return false;
    this.heights[index] = height;
    this.dirtyFrom = Math.min(this.dirtyFrom, index + 1);
    return true;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1;
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  private settle(): void {
    if (this.dirtyFrom > this.count) return;
    for (let i = Math.max(1, this.dirtyFrom); i <= this.count; i++) this.offsets[i] = this.offsets[i - 1]! + this.heights[i - 1]!;
    this.dirtyFrom = this.count + 1;
  }

  /** Where block `index` starts, from the top of the list (`count` gives the total height). */
  offsetOf(index: number): number {
    this.settle();
    return this.offsets[Math.max(0, Math.min(index, this.count))]!;
  }

  get total(): number {
    return this.offsetOf(this.count);
  }

  /** The block at height `y` of the list (the first or last block beyond its ends). */
  indexAt(y: number): number {
    this.settle();
    if (this.count === 0) return 0;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.offsets[middle]! <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The blocks from `top` to `bottom` (list heights), as `[start, end)`. */
  range(top: number, bottom: number): { start: number; end: number } {
    if (this.count === 0) return { start: 0, end: 0 };
    const start = this.indexAt(Math.max(0, top));
    const end = Math.min(this.count, this.indexAt(Math.max(top, bottom)) + 1);
    return { start, end };
  }
}
