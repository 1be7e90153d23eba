// A fast reader for the plain block YAML most manifests are written in (block mappings and sequences of one-line
// plain or quoted scalars). It returns undefined for anything else (flow collections, block scalars, anchors, tags,
// multi-line scalars, escapes, duplicate keys, ...), and the caller then takes the full js-yaml path. Values are
// resolved with the same YAML 1.1 rules; positions are not recorded here (they are rebuilt lazily when asked for).
import { keyString, resolvePlainScalar } from './yaml11-scalars.js';

export interface PlainBlockLimits {
  readonly maxDepth: number;
  readonly maxValues: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const PERCENT = 0x25;
const BYTE_ORDER_MARK = 0xfeff;

/** Characters that may not start a plain scalar here (flow, anchors, tags, block scalars, directives, reserved). */
const NEVER_FIRST = new Set([...'[]{},&*!|>%@`#'].map((char) => char.charCodeAt(0)));
/** `-`, `?` and `:` start a plain scalar only when a non-space follows. */
const FIRST_IF_FOLLOWED = new Set([...'-?:'].map((char) => char.charCodeAt(0)));

class Unsupported extends Error {}

/** The value of the single document in `text[start, end)`, or undefined when the text is outside the subset. */
export function readPlainBlockDocument(text: string, start: number, end: number, limits: PlainBlockLimits): unknown {
  try {
    return new Reader(text, start, end, limits).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  readonly #text: string;
  readonly #end: number;
  readonly #limits: PlainBlockLimits;
  #values = 0;
  /** The current content line: its end (before any \r\n), the column of its content and where that starts. */
  #lineEnd = 0;
  #indent = -1;
  #content = 0;
  #next: number;

  constructor(text: string, start: number, end: number, limits: PlainBlockLimits) {
    this.#text = text;
    this.#end = end;
    this.#limits = limits;
    this.#next = start;
  }

  document(): unknown {
    if (this.#text.charCodeAt(this.#next) === BYTE_ORDER_MARK) throw new Unsupported();
    if (this.#text.startsWith('---', this.#next)) this.#skipMarkerLine();
    this.#advance();
    if (this.#indent < 0) throw new Unsupported();
    const value = this.#node(this.#indent, 0);
    if (this.#indent >= 0) throw new Unsupported();
    return value;
  }

  #skipMarkerLine(): void {
    const lineEnd = this.#endOfLine(this.#next);
    const rest = this.#text.slice(this.#next + 3, lineEnd).trim();
    if (rest !== '' && !rest.startsWith('#')) throw new Unsupported();
    this.#next = Math.min(lineEnd + 1, this.#end);
  }

  /** Moves to the next line with content; #indent is -1 at the end. */
  #advance(): void {
    const text = this.#text;
    while (this.#next < this.#end) {
      const lineStart = this.#next;
      const lineEnd = this.#endOfLine(lineStart);
      this.#next = lineEnd + 1;
      let position = lineStart;
      while (position < lineEnd && text.charCodeAt(position) === SPACE) position++;
      const first = position < lineEnd ? text.charCodeAt(position) : LF;
      if (first === LF || first === HASH || (first === CR && position === lineEnd - 1)) continue;
      if (first === TAB || first === CR) throw new Unsupported();
      // `...` ends a document and `---` cannot appear inside a chunk; `%` directives belong to the full parser
      if (position === lineStart && (first === DOT || first === PERCENT)) throw new Unsupported();
      this.#lineEnd = text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      this.#indent = position - lineStart;
      this.#content = position;
      return;
    }
    this.#indent = -1;
  }

  #endOfLine(from: number): number {
    const index = this.#text.indexOf('\n', from);
    return index < 0 || index > this.#end ? this.#end : index;
  }

  /** A block node whose first line is the current one, at column `indent`. */
  #node(indent: number, depth: number): unknown {
    if (this.#isSequenceEntry()) return this.#sequence(indent, depth);
    if (this.#keyEnd() >= 0) return this.#mapping(indent, depth);
    throw new Unsupported();
  }

  #isSequenceEntry(): boolean {
    if (this.#text.charCodeAt(this.#content) !== DASH) return false;
    const after = this.#content + 1;
    return after === this.#lineEnd || this.#text.charCodeAt(after) === SPACE;
  }

  #sequence(indent: number, depth: number): unknown[] {
    if (depth > this.#limits.maxDepth) throw new Unsupported();
    const items: unknown[] = [];
    while (this.#indent === indent && this.#isSequenceEntry()) {
      let position = this.#content + 1;
      while (position < this.#lineEnd && this.#text.charCodeAt(position) === SPACE) position++;
      if (position === this.#lineEnd || this.#text.charCodeAt(position) === HASH) throw new Unsupported();
      // the rest of the line is the item's first line, at its own column
      this.#indent += position - this.#content;
      this.#content = position;
      if (this.#isSequenceEntry()) throw new Unsupported();
      items.push(this.#keyEnd() >= 0 ? this.#mapping(this.#indent, depth + 1) : this.#scalarLine());
      this.#count(depth);
    }
    if (this.#indent > indent) throw new Unsupported();
    return items;
  }

  #mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > this.#limits.maxDepth) throw new Unsupported();
    const map: Record<string, unknown> = {};
    while (this.#indent === indent && !this.#isSequenceEntry()) {
      const keyEnd = this.#keyEnd();
      if (keyEnd < 0) throw new Unsupported();
      const name = this.#key(this.#content, keyEnd);
      if (Object.hasOwn(map, name) || name === '__proto__' || name === '<<') throw new Unsupported();
      let position = keyEnd + 1;
      while (position < this.#lineEnd && this.#text.charCodeAt(position) === SPACE) position++;
      if (position === this.#lineEnd || this.#text.charCodeAt(position) === HASH) map[name] = this.#blockValue(indent, depth);
      else {
        this.#content = position;
        map[name] = this.#scalarLine();
      }
      this.#count(depth);
    }
    if (this.#indent > indent) throw new Unsupported();
    return map;
  }

  /** The value of a key with nothing after its colon: a nested block, a sequence at the key's column, or null. */
  #blockValue(indent: number, depth: number): unknown {
    this.#advance();
    if (this.#indent > indent) return this.#node(this.#indent, depth + 1);
    if (this.#indent === indent && this.#isSequenceEntry()) return this.#sequence(indent, depth + 1);
    return null;
  }

  /** A one-line scalar starting at #content; moves to the next line, which must not continue it. */
  #scalarLine(): unknown {
    const text = this.#text;
    const first = text.charCodeAt(this.#content);
    let value: unknown;
    let after: number;
    if (first === QUOTE || first === APOSTROPHE) {
      const quoted = this.#quoted(this.#content);
      value = quoted.value;
      after = quoted.end;
    } else {
      const end = this.#plainEnd(this.#content);
      value = resolvePlainScalar(text.slice(this.#content, end));
      after = end;
    }
    while (after < this.#lineEnd && text.charCodeAt(after) === SPACE) after++;
    if (after < this.#lineEnd && (text.charCodeAt(after) !== HASH || text.charCodeAt(after - 1) !== SPACE)) throw new Unsupported();
    const indent = this.#indent;
    this.#advance();
    // a deeper line right after a scalar would continue it (a multi-line scalar) or be an error
    if (this.#indent > indent) throw new Unsupported();
    return value;
  }

  /** Where the current line's implicit key ends (its colon), or -1 when the line is not `key: ...`. */
  #keyEnd(): number {
    const text = this.#text;
    const first = text.charCodeAt(this.#content);
    if (first === QUOTE || first === APOSTROPHE) return -1;
    if (!this.#canStartPlain(this.#content)) return -1;
    for (let position = this.#content; position < this.#lineEnd; position++) {
      const code = text.charCodeAt(position);
      if (code === COLON) {
        const next = position + 1;
        if (next === this.#lineEnd || text.charCodeAt(next) === SPACE) return position;
      } else if (code === HASH && text.charCodeAt(position - 1) === SPACE) return -1;
      else if (code === TAB) throw new Unsupported();
    }
    return -1;
  }

  #key(start: number, colon: number): string {
    let end = colon;
    while (end > start && this.#text.charCodeAt(end - 1) === SPACE) end--;
    if (end - start > 1000) throw new Unsupported();
    return keyString(resolvePlainScalar(this.#text.slice(start, end)));
  }

  #canStartPlain(position: number): boolean {
    const code = this.#text.charCodeAt(position);
    if (NEVER_FIRST.has(code) || code === QUOTE || code === APOSTROPHE) return false;
    if (!FIRST_IF_FOLLOWED.has(code)) return true;
    const next = position + 1;
    return next < this.#lineEnd && this.#text.charCodeAt(next) !== SPACE;
  }

  /** End of a plain scalar value (trailing spaces and any comment excluded). */
  #plainEnd(start: number): number {
    if (!this.#canStartPlain(start)) throw new Unsupported();
    const text = this.#text;
    let end = start;
    for (let position = start; position < this.#lineEnd; position++) {
      const code = text.charCodeAt(position);
      if (code === SPACE) continue;
      if (code === HASH && text.charCodeAt(position - 1) === SPACE) break;
      if (code === TAB) throw new Unsupported();
      if (code === COLON && (position + 1 === this.#lineEnd || text.charCodeAt(position + 1) === SPACE)) throw new Unsupported();
      end = position + 1;
    }
    return end;
  }

  #quoted(start: number): { value: string; end: number } {
    const text = this.#text;
    const quote = text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    for (let position = from; position < this.#lineEnd; position++) {
      const code = text.charCodeAt(position);
      if (code === TAB || (code === BACKSLASH && quote === QUOTE)) throw new Unsupported();
      if (code !== quote) continue;
      if (quote === APOSTROPHE && text.charCodeAt(position + 1) === APOSTROPHE) {
        value += text.slice(from, position + 1);
        from = position + 2;
        position++;
        continue;
      }
      return { value: value + text.slice(from, position), end: position + 1 };
    }
    throw new Unsupported();
  }

  /**
   * The full builder charges every value once per enclosing container (its alias-bomb measure); charging depth + 3
   * per entry (the root included) is never less, so a document near that limit always takes the full path and gets the same verdict.
   */
  #count(depth: number): void {
    this.#values += depth + 3;
    if (this.#values > this.#limits.maxValues) throw new Unsupported();
  }
}
