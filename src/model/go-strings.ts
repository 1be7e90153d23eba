// Go's strings functions where JavaScript's differ.

/** Go's unicode.IsSpace, which strings.TrimSpace trims (JavaScript's trim() also takes U+FEFF and leaves U+0085). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** upstream: Go strings.TrimSpace */
export function goTrimSpace(text: string): string {
  return text.replace(GO_TRIM, '');
}
