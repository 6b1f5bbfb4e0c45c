/**
 * Approximate string matching for re-anchoring notes: how alike two short texts are, and where in a
 * stretch of text a quote is found with the fewest edits. Pure and bounded: every function works on
 * a window the caller chose, so its cost is known in advance.
 */

/** Levenshtein distance between two texts (UTF-16 code units), in two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** How alike two texts are, from 0 (nothing in common) to 1 (equal): one minus the edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Where a pattern was found approximately: `text[start, end)` and how many edits it differs by. */
export interface ApproximateMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/**
 * The substring of `text[from, to)` closest to `pattern` by edit distance, with free start and end
 * (Sellers' algorithm, one column per character of the window). Costs pattern × window steps, so
 * callers keep both bounded. Ties go to the earliest end.
 */
export function bestApproximateMatch(pattern: string, text: string, from: number, to: number): ApproximateMatch {
  const m = pattern.length;
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  // cost[i]: edits to match pattern[0, i) ending at the current column; origin[i]: where that match starts.
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    origin[i] = lo;
  }
  let best: ApproximateMatch = { start: lo, end: lo, errors: m };
  for (let j = lo; j < hi; j++) {
    const ct = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let value = cost[i - 1]! + (pattern.charCodeAt(i - 1) === ct ? 0 : 1);
      let start = origin[i - 1]!;
      const skipPattern = nextCost[i - 1]! + 1;
      if (skipPattern < value) {
        value = skipPattern;
        start = nextOrigin[i - 1]!;
      }
      const skipText = cost[i]! + 1;
      if (skipText < value) {
        value = skipText;
        start = origin[i]!;
      }
      nextCost[i] = value;
      nextOrigin[i] = start;
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
    if (cost[m]! < best.errors) best = { start: origin[m]!, end: j + 1, errors: cost[m]! };
  }
  return best;
}

/** Lower-cased words of a text, counted. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** How alike two texts' words are, ignoring order: shared words over the larger count (0 to 1). */
export function wordSimilarity(a: string, b: string): number {
  const ca = wordCounts(a);
  const cb = wordCounts(b);
  let shared = 0;
  let totalA = 0;
  let totalB = 0;
  for (const count of cb.values()) totalB += count;
  for (const [word, count] of ca) {
    totalA += count;
    shared += Math.min(count, cb.get(word) ?? 0);
  }
  const larger = Math.max(totalA, totalB);
  return larger === 0 ? (a.trim() === b.trim() ? 1 : 0) : shared / larger;
}
