// A value as a message names what was found instead of what was expected: its shape, or the scalar itself.

/** 'a list', 'a mapping', or the scalar as JSON (cut at 80 characters). */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
