import type { ClaimsTable } from '../../../shared/contract/comparison';
import { listOf } from '../../../shared/core/describe';
import { asWritten, sameValue } from '../../../shared/core/framing/figures';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One sentence on a claims row, for people: how far apart the figures are, and, for a figure far out
 * of line, how many times the others' median it is, with what to do about it.
 */
export function explainClaim(table: ClaimsTable, labelOf: (doc: number) => string, sources = table.rows.length): string {
  const outliers = table.rows.filter((row) => row.outlier);
  if (outliers.length > 0) {
    return outliers
      .map((row) => {
        const others = table.rows.filter((other) => other !== row).map((other) => other.value);
        const middle = median(others);
        const ratio = middle > 0 ? row.value / middle : 0;
        const times = ratio >= 2 ? `about ${numberFormat.format(ratio)} times` : ratio > 0 && ratio <= 0.5 ? `about 1/${numberFormat.format(1 / ratio)} of` : 'far from';
        return `${labelOf(row.doc)}’s ${numberFormat.format(row.value)} is ${times} the others’ median (${numberFormat.format(middle)}): check it against the source it credits.`;
      })
      .join(' ');
  }
  const values = table.rows.map((row) => row.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  // The same figure, though some write it in another unit ("200 feet" for 60 metres).
  if (table.rows.every((row) => sameValue(row, table.rows[0]!))) {
    const value = (table.rows.find((row) => !row.unit) ?? table.rows[0]!).value;
    const converted = table.rows.filter((row) => row.unit);
    const units = converted.length > 0 ? ` ${joined(converted.map((row) => `${labelOf(row.doc)} writes “${asWritten(row)}”`))}: the same in another unit.` : '';
    // "Every source" only when every source of the comparison gives it: the others may give nothing.
    const giving = new Set(table.rows.map((row) => row.doc));
    if (giving.size >= sources) return `Every source gives ${numberFormat.format(value)}.${units}`;
    const names = [...giving].sort((a, b) => a - b).map(labelOf);
    return `${joined(names)} ${names.length === 1 ? 'gives' : 'give'} ${numberFormat.format(value)}; the other ${sources - giving.size === 1 ? 'source gives' : 'sources give'} no figure for it here.${units}`;
  }
  return `From ${numberFormat.format(low)} to ${numberFormat.format(high)}: the sources may count at different dates or from different sources.`;
}

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 8 others": as the descriptions of differences list sources. */
const joined = listOf;

export function formatFigure(value: number): string {
  return numberFormat.format(value);
}
