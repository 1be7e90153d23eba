// A cheap lower bound on the values of a large YAML document, so that a flood of tiny values ({},{},... or
// - a) is refused before js-yaml materialises one event object per value (about 75 bytes of heap per byte of
// input: a 32 MiB flood needs 2.5 GB and kills the process). Only what is certainly a value is counted, so the
// bound never exceeds what the builder would count for the same (valid) document; when unsure, it counts less.

const SPACE = /[ \t\r]/;

/** At least this many values are in the document(s) of `text`, counting stops once `stopAbove` is exceeded. */
export function valueFloor(text: string, stopAbove: number): number {
  return new Floor(text, stopAbove).run();
}

class Floor {
  readonly #text: string;
  readonly #stopAbove: number;
  #count = 0;
  #best = 0;
  /** Lines indented more than this continue a scalar and are skipped; -1 when not in a scalar. */
  #skipIndent = -1;
  #rootSeen = false;
  #stopped = false;

  constructor(text: string, stopAbove: number) {
    this.#text = text;
    this.#stopAbove = stopAbove;
  }

  run(): number {
    const text = this.#text;
    let position = 0;
    while (position < text.length && !this.#stopped && this.#count <= this.#stopAbove) {
      const lineEnd = endOfLine(text, position);
      let start = position;
      while (start < lineEnd && SPACE.test(text.charAt(start))) start++;
      const indent = start - position;
      if (this.#skipIndent >= 0 && (start === lineEnd || indent > this.#skipIndent)) {
        position = lineEnd + 1;
        continue;
      }
      this.#skipIndent = -1;
      position = this.#line(start, lineEnd, indent);
    }
    return Math.max(this.#best, this.#count);
  }

  /** Scans one block-context line from its first non-space character; returns where the next line starts. */
  #line(start: number, lineEnd: number, indent: number): number {
    const text = this.#text;
    if (start === lineEnd || text.charAt(start) === '#' || (indent === 0 && text.charAt(start) === '%')) return lineEnd + 1;
    if (indent === 0 && isMarker(text, start, '...')) {
      this.#best = Math.max(this.#best, this.#count);
      this.#count = 0;
      this.#rootSeen = false;
      return lineEnd + 1;
    }
    let at = indent === 0 && isMarker(text, start, '---') ? skipSpaces(text, start + 3) : start;
    let counted = false;
    while (isIndicator(text, at, '-') || isIndicator(text, at, '?')) {
      counted = text.charAt(at) === '-';
      if (counted) this.#count++;
      this.#rootSeen = true;
      at = skipSpaces(text, at + 1);
    }
    if (isIndicator(text, at, ':')) at = skipSpaces(text, at + 1);
    return this.#node(at, lineEnd, indent, { mayBeKey: true, counted });
  }

  /**
   * A node starting at `at`: a key and its value, a flow collection, a quoted, block or plain scalar, or nothing.
   * `counted` when the `- ` or `key:` before it already counted the node itself.
   */
  #node(at: number, lineEnd: number, indent: number, { mayBeKey, counted }: { mayBeKey: boolean; counted: boolean }): number {
    const text = this.#text;
    at = skipProperties(text, at, lineEnd);
    const first = text.charAt(at);
    if (at >= lineEnd || first === '#') return lineEnd + 1;
    if (first === '[' || first === '{') {
      const end = this.#flow(at, counted);
      this.#rootSeen = true;
      return this.#afterScalar(end, indent);
    }
    if (first === '"' || first === "'") {
      const end = endOfQuoted(text, at);
      const colon = skipSpaces(text, end);
      if (mayBeKey && isIndicator(text, colon, ':')) return this.#value(colon, lineEnd, indent);
      return this.#afterScalar(end, indent);
    }
    if ((first === '|' || first === '>') && isBlockHeader(text, at + 1, lineEnd)) return this.#afterScalar(lineEnd, indent);
    const colon = mayBeKey && first !== '*' ? plainKeyEnd(text, at, lineEnd) : -1;
    if (colon >= 0) return this.#value(colon, lineEnd, indent);
    return this.#afterScalar(lineEnd, indent);
  }

  /** `key:` seen at `colon`: the key has one value, on this line or below. */
  #value(colon: number, lineEnd: number, indent: number): number {
    this.#count++;
    this.#rootSeen = true;
    return this.#node(skipSpaces(this.#text, colon + 1), lineEnd, indent, { mayBeKey: false, counted: true });
  }

  /** A node ended at `end`: deeper lines may continue it. A scalar document root can span anything: stop. */
  #afterScalar(end: number, indent: number): number {
    if (!this.#rootSeen) this.#stopped = true;
    this.#rootSeen = true;
    this.#skipIndent = indent;
    return endOfLine(this.#text, end) + 1;
  }

  /** A flow collection from its opening bracket; returns the offset after its closing one. */
  #flow(open: number, counted: boolean): number {
    const text = this.#text;
    let depth = 0;
    let collections = 0;
    let commas = 0;
    let tokenStart = true;
    let at = open;
    for (; at < text.length; at++) {
      const char = text.charAt(at);
      if (char === '[' || char === '{') {
        depth++;
        collections++;
      } else if (char === ']' || char === '}') {
        if (--depth === 0) break;
      } else if (char === ',') commas++;
      else if ((char === '"' || char === "'") && tokenStart) at = endOfQuoted(text, at) - 1;
      else if (char === '#' && tokenStart) at = endOfLine(text, at) - 1;
      tokenStart = '[{,:'.includes(char) || SPACE.test(char) || char === '\n';
    }
    // every comma ends an entry and every bracket opens a collection: either way a distinct value
    this.#count += Math.max(counted ? collections - 1 : collections, commas);
    return Math.min(at + 1, text.length);
  }
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && SPACE.test(text.charAt(at))) at++;
  return at;
}

/** `---` or `...` followed by white space or the line end. */
function isMarker(text: string, at: number, marker: string): boolean {
  return text.startsWith(marker, at) && isBreakOrSpace(text.charAt(at + 3));
}

/** An indicator (`-`, `?`, `:`) followed by white space or the line end. */
function isIndicator(text: string, at: number, indicator: string): boolean {
  return text.charAt(at) === indicator && isBreakOrSpace(text.charAt(at + 1));
}

function isBreakOrSpace(char: string): boolean {
  return char === '' || char === '\n' || SPACE.test(char);
}

/** Skips anchors (&a) and tags (!t) before a node. */
function skipProperties(text: string, from: number, lineEnd: number): number {
  let at = from;
  while (at < lineEnd && (text.charAt(at) === '&' || text.charAt(at) === '!')) {
    while (at < lineEnd && !SPACE.test(text.charAt(at))) at++;
    at = skipSpaces(text, at);
  }
  return at;
}

/** The offset after the closing quote (or the end of the text); '' and \" are escapes. */
function endOfQuoted(text: string, open: number): number {
  const quote = text.charAt(open);
  for (let at = open + 1; at < text.length; at++) {
    const char = text.charAt(at);
    if (quote === '"' && char === '\\') at++;
    else if (char === quote) {
      if (quote === "'" && text.charAt(at + 1) === "'") at++;
      else return at + 1;
    }
  }
  return text.length;
}

/** After `|` or `>`: indentation and chomping indicators, then only white space or a comment. */
function isBlockHeader(text: string, from: number, lineEnd: number): boolean {
  let at = from;
  while (at < lineEnd && /[1-9+-]/.test(text.charAt(at))) at++;
  at = skipSpaces(text, at);
  return at >= lineEnd || (text.charAt(at) === '#' && SPACE.test(text.charAt(at - 1)));
}

/** The offset of the `:` ending a plain key on this line, or -1 (a ` #` comment ends the search). */
function plainKeyEnd(text: string, from: number, lineEnd: number): number {
  for (let at = from + 1; at < lineEnd; at++) {
    const char = text.charAt(at);
    if (char === ':' && isBreakOrSpace(text.charAt(at + 1))) return at;
    if (char === '#' && SPACE.test(text.charAt(at - 1))) return -1;
  }
  return -1;
}
