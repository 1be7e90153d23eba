// Helpers for unbounded arrays: spreading one into a call (`push(...items)`, `Math.max(...values)`) puts every
// element on the stack and overflows past about 100,000 elements.

/** Appends every item to `target`, one by one. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  return max === Number.NEGATIVE_INFINITY ? empty : max;
}

/** The smallest value, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty = 0): number {
  let min = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < min) min = value;
  return min === Number.POSITIVE_INFINITY ? empty : min;
}

/**
 * Non-negative integers (node indices) in ascending order, as a new array. A counting pass when they are dense in
 * their range (a verdict over most nodes of a large cluster), else a native typed-array sort.
 */
export function ascendingIndices(values: readonly number[]): number[] {
  const max = maxOf(values, -1);
  if (max + 1 > 4 * values.length) return Array.from(Int32Array.from(values).sort());
  const counts = new Uint32Array(max + 1);
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  const out = new Array<number>(values.length);
  let at = 0;
  for (let value = 0; value <= max; value++) for (let left = counts[value] ?? 0; left > 0; left--) out[at++] = value;
  return out;
}
