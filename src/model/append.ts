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
