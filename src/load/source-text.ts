// A file's text and the mapping from character offsets to 1-based line and column.

export class SourceText {
  readonly file: string;
  readonly text: string;
  #lineStarts: Int32Array | undefined;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  /** 1-based line and column of a character offset (columns count UTF-16 code units, as editors and SARIF do). */
  positionAt(offset: number): { line: number; column: number } {
    const starts = this.#lineStarts ?? (this.#lineStarts = lineStartsOf(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }

  /** The range covering offsets [start, end). */
  rangeOf(start: number, end: number) {
    const from = this.positionAt(start);
    const to = this.positionAt(Math.max(start, end));
    return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

/**
 * Line starts after LF, CRLF and a lone CR (old Mac line endings, which YAML also reads as line breaks), 4 bytes
 * apiece: a large file's are kept as long as its text.
 */
function lineStartsOf(text: string): Int32Array {
  if (text.includes('\r')) {
    const starts = [0];
    for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
    return Int32Array.from(starts);
  }
  // manifests average 20 to 40 characters a line: one pass, rarely a copy to grow
  let starts = new Int32Array(Math.max(16, text.length >> 4));
  let lines = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    if (lines === starts.length) {
      const grown = new Int32Array(lines * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[lines++] = index + 1;
  }
  return starts.slice(0, lines);
}
