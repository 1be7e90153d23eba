// Counts as people read them in messages ("250,000 pods"). Number#toLocaleString would say the same, but its first
// call loads ICU's number formatting: about 20 ms of every start when a module's constants use it.

/** `count` with a comma between each group of three digits (en-US grouping); other numbers as String gives them. */
export function countText(count: number): string {
  const text = String(count);
  return Number.isSafeInteger(count) ? text.replace(/\B(?=(\d{3})+$)/g, ',') : text;
}
