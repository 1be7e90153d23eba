// Strings that keep nothing else in memory. V8 represents a slice of a long string (a name or message read from a
// file) as a view of the whole string, so one such string kept after its file would keep the file's text alive.

/** Slices shorter than this are copies in V8 (SlicedString::kMinLength), never views. */
export const MIN_VIEW_LENGTH = 13;

/** `text` as a string of its own: same characters, sharing no memory with the string it was cut from. */
export function detached(text: string): string {
  return text.length < MIN_VIEW_LENGTH ? text : (' ' + text).slice(1);
}
