// Helpers for unbounded arrays: spreading one into a call (`push(...items)`, `Math.max(...values)`) puts every
// element on the stack and overflows past about 100,000 elements.

/** Appends every item to `target`, one by one. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  // an array by index: its iterator allocates a result per item wherever V8 has not optimised the caller yet, and
  // most calls append a function's (mostly empty) list of findings
  if (Array.isArray(items)) {
    for (let index = 0; index < items.length; index++) target.push(items[index] as T);
    return target;
  }
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
