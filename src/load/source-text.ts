// A file's text and the mapping from character offsets to 1-based line and column.

/** Valid UTF-8 (or ASCII, read as latin1: the same text, without UTF-8 decoding) bytes of a text. */
export interface EncodedText {
  readonly bytes: Buffer;
  readonly encoding: 'latin1' | 'utf8';
}

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceText {
  readonly file: string;
  /**
   * True when the text is known to hold none of the characters go-yaml's reader refuses (an ASCII file's bytes were
   * searched for them before decoding: a few times faster than a search of its text for a file of some hundred kB, as
   * fast for tens of MB); else unknown.
   */
  readonly readable: boolean;
  #text: string | undefined;
  /** The bytes the text is decoded from on first use (a file whose documents came from the cache, document-cache.ts). */
  #bytes: EncodedText | undefined;
  /** An upper bound of the text's length in UTF-16 code units, known before it is decoded. */
  readonly length: number;
  #lineStarts: Int32Array | undefined;
  #known: Map<number, Position> | undefined;

  /** `text`, or the bytes it decodes from (as many characters at most); `readable`: see SourceText.readable. */
  constructor(file: string, text: string | EncodedText, readable = false) {
    this.file = file;
    this.readable = readable;
    if (typeof text === 'string') {
      this.#text = text;
      this.length = text.length;
    } else {
      this.#bytes = text;
      this.length = text.bytes.length;
    }
  }

  get text(): string {
    if (this.#text === undefined) {
      const { bytes, encoding } = this.#bytes as EncodedText;
      this.#text = bytes.toString(encoding);
      this.#bytes = undefined;
    }
    return this.#text;
  }

  /** Whether the text contains `ascii` (ASCII characters only), without decoding a text that is not decoded yet. */
  includes(ascii: string): boolean {
    return this.#bytes === undefined ? this.text.includes(ascii) : this.#bytes.bytes.includes(ascii, 0, 'latin1');
  }

  /** Records the position of `offset`, known from an earlier run over the same bytes (document-cache.ts). */
  remember(offset: number, position: Position): void {
    (this.#known ??= new Map()).set(offset, position);
  }

  /** 1-based line and column of a character offset (columns count UTF-16 code units, as editors and SARIF do). */
  positionAt(offset: number): Position {
    // a position known before the text is decoded (a cached document's root) spares decoding it
    const known = this.#text === undefined ? this.#known?.get(offset) : undefined;
    if (known) return known;
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
