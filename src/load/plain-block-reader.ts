// A fast reader for the plain block YAML most manifests are written in (block mappings and sequences of one-line
// plain or quoted scalars, and `{}`/`[]`). It returns undefined for anything else (flow collections, block scalars,
// anchors, tags, multi-line scalars, escapes, duplicate keys, ...), and the caller then takes the full js-yaml path.
// Values and spans are exactly what the full path builds (YAML 1.1 scalars; js-yaml's event positions).
import { FlatSpanWriter, type SpanIndex } from './span-index.js';
import { interned } from './interned-strings.js';
import { isUint64Key, keyString, resolvePlainScalar } from './yaml11-scalars.js';

export interface PlainBlockLimits {
  readonly maxDepth: number;
  readonly maxValues: number;
}

/** `eager`: record every key's and value's span; `none`: values only (the caller re-reads for positions). */
export type Positions = 'eager' | 'none';

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
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BYTE_ORDER_MARK = 0xfeff;
const PIPE = 0x7c;
const GREATER = 0x3e;
const PLUS = 0x2b;

/** How an ASCII character may start a plain scalar (a table: this runs for every key and value). */
const PLAIN_START = new Uint8Array(128);
const NEVER = 1;
const IF_FOLLOWED = 2;
// flow, anchors, tags, block scalars, directives, reserved, comments and quotes never start one
for (const char of '[]{},&*!|>%@`#"\'') PLAIN_START[char.charCodeAt(0)] = NEVER;
// `-`, `?` and `:` start one only when a non-space follows
for (const char of '-?:') PLAIN_START[char.charCodeAt(0)] = IF_FOLLOWED;

const LONE_CR = /\r(?!\n)/;

/** The escapes of double-quoted scalars common in manifests; go-yaml and js-yaml read them alike. */
const DOUBLE_QUOTED_ESCAPES = new Map([...'nt"\\'].map((char) => [char.charCodeAt(0), char === 'n' ? '\n' : char === 't' ? '\t' : char]));

class Unsupported extends Error {}

export interface PlainBlockDocument {
  readonly value: unknown;
  readonly rootSpan: readonly [number, number];
  /** Undefined when read without positions. */
  readonly spans: SpanIndex | undefined;
}

/**
 * The single document in `text` (a slice of the file starting at `offset`), or undefined when the text is outside
 * the subset.
 */
export function readPlainBlockDocument(text: string, offset: number, limits: PlainBlockLimits, positions: Positions = 'eager'): PlainBlockDocument | undefined {
  try {
    // manifests hold an entry per 20 to 30 characters: room for one per 16 rarely needs to grow
    return new Reader(text, offset, limits, positions === 'eager' ? new FlatSpanWriter(text.length >> 4) : undefined).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  readonly #text: string;
  readonly #end: number;
  readonly #offset: number;
  readonly #limits: PlainBlockLimits;
  readonly #spans: FlatSpanWriter | undefined;
  #values = 0;
  /** Span of the node read last, as offsets into the file. */
  #start = 0;
  #stop = 0;
  /** The current content line: its end (before any \r\n), the column of its content and where that starts. */
  #lineEnd = 0;
  #indent = -1;
  #content = 0;
  #next: number;
  #keyStop = 0;
  /** Whether a comment ended the line #plainLineEnd read last. */
  #lineHasComment = false;

  constructor(text: string, offset: number, limits: PlainBlockLimits, spans: FlatSpanWriter | undefined) {
    this.#text = text;
    this.#end = text.length;
    this.#offset = offset;
    this.#limits = limits;
    this.#spans = spans;
    this.#next = 0;
  }

  document(): PlainBlockDocument {
    if (this.#text.charCodeAt(this.#next) === BYTE_ORDER_MARK) throw new Unsupported();
    // a lone CR ends a line for YAML; this reader splits lines at LF only
    if (this.#text.includes('\r') && LONE_CR.test(this.#text)) throw new Unsupported();
    if (this.#text.startsWith('---', this.#next)) this.#skipMarkerLine();
    this.#advance();
    if (this.#indent < 0) throw new Unsupported();
    const value = this.#node(this.#indent, 0);
    if (this.#indent >= 0) throw new Unsupported();
    return { value, rootSpan: [this.#start, this.#stop], spans: this.#spans?.finish() };
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
    const start = this.#offset + this.#content;
    let stop = start + 1;
    while (this.#indent === indent && this.#isSequenceEntry()) {
      let position = this.#content + 1;
      while (position < this.#lineEnd && this.#text.charCodeAt(position) === SPACE) position++;
      if (position === this.#lineEnd || this.#text.charCodeAt(position) === HASH) throw new Unsupported();
      // the rest of the line is the item's first line, at its own column
      this.#indent += position - this.#content;
      this.#content = position;
      if (this.#isSequenceEntry()) throw new Unsupported();
      const entry = this.#spans?.open(items.length) ?? -1;
      items.push(this.#keyEnd() >= 0 ? this.#mapping(this.#indent, depth + 1) : this.#scalar(indent));
      this.#spans?.close(entry, -1, -1, this.#start, this.#stop);
      stop = Math.max(stop, this.#stop);
      this.#count(depth);
    }
    if (this.#indent > indent) throw new Unsupported();
    this.#start = start;
    this.#stop = stop;
    // a copy without the room push left (an array's first push makes room for 17 items): most of a manifest's
    // sequences hold one to three items, and kept values would otherwise carry some 100 unused bytes per sequence
    return items.slice();
  }

  #mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > this.#limits.maxDepth) throw new Unsupported();
    const map: Record<string, unknown> = {};
    const start = this.#offset + this.#content;
    let stop = start + 1;
    while (this.#indent === indent && !this.#isSequenceEntry()) {
      const keyEnd = this.#keyEnd();
      if (keyEnd < 0) throw new Unsupported();
      const keyStart = this.#offset + this.#content;
      const name = this.#key(this.#content, keyEnd);
      const keyStop = this.#offset + this.#keyStop;
      if (Object.hasOwn(map, name) || name === '__proto__' || name === '<<') throw new Unsupported();
      const entry = this.#spans?.open(name) ?? -1;
      let position = keyEnd + 1;
      while (position < this.#lineEnd && this.#text.charCodeAt(position) === SPACE) position++;
      if (position === this.#lineEnd || this.#text.charCodeAt(position) === HASH) map[name] = this.#blockValue(indent, depth);
      else {
        this.#content = position;
        map[name] = this.#scalar(indent);
      }
      this.#spans?.close(entry, keyStart, keyStop, this.#start, this.#stop);
      stop = Math.max(stop, keyStop, this.#stop);
      this.#count(depth);
    }
    if (this.#indent > indent) throw new Unsupported();
    this.#start = start;
    this.#stop = stop;
    return map;
  }

  /** The value of a key with nothing after its colon: a nested block, a sequence at the key's column, or null. */
  #blockValue(indent: number, depth: number): unknown {
    this.#advance();
    if (this.#indent > indent) return this.#node(this.#indent, depth + 1);
    if (this.#indent === indent && this.#isSequenceEntry()) return this.#sequence(indent, depth + 1);
    // the full path's empty scalar has no position (-1), shifted by the offset like every other one
    this.#start = this.#offset - 1;
    this.#stop = this.#offset - 1;
    return null;
  }

  /** The scalar starting at #content, in a collection at column `parentIndent`; moves to the line after it. */
  #scalar(parentIndent: number): unknown {
    const first = this.#text.charCodeAt(this.#content);
    if (first !== PIPE && first !== GREATER) return this.#scalarLine(parentIndent);
    const indent = this.#indent;
    const value = this.#blockScalar(parentIndent);
    this.#advance();
    // a line between the parent's column and the scalar's content is an error, or makes the scalar empty
    if (this.#indent > indent) throw new Unsupported();
    return value;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar with an optional chomping indicator and auto-detected indentation;
   * the span runs from the line after its header to the first non-blank line after it, as js-yaml reports it.
   * Explicit indentation indicators, tabs, empty scalars, white space lines deeper than the content and a last line
   * without a line break go to the full parser. Leaves #next at the line that ends it.
   */
  #blockScalar(parentIndent: number): string {
    const block = new BlockScalar(this.#text, this.#blockHeader());
    const start = this.#endOfLine(this.#content) + 1;
    if (start > this.#end) throw new Unsupported();
    let lineStart = start;
    while (lineStart < this.#end) {
      const lineEnd = this.#endOfLine(lineStart);
      const contentEnd = lineEnd > lineStart && this.#text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      let position = lineStart;
      while (position < contentEnd && this.#text.charCodeAt(position) === SPACE) position++;
      if (position < contentEnd && this.#text.charCodeAt(position) === TAB) throw new Unsupported();
      const taken = position === contentEnd
        ? block.blankLine(position - lineStart, lineEnd < this.#end)
        : block.contentLine({ start: lineStart, indent: position - lineStart, end: contentEnd, hasBreak: lineEnd < this.#end }, parentIndent);
      if (!taken) break;
      lineStart = lineEnd + 1;
    }
    const stop = Math.min(lineStart, this.#end);
    this.#start = this.#offset + start;
    this.#stop = this.#offset + stop;
    this.#next = stop;
    return block.value();
  }

  /** `|` or `>`, then `-` or `+`, then only white space or a comment. */
  #blockHeader(): BlockHeader {
    const text = this.#text;
    let position = this.#content + 1;
    const indicator = text.charCodeAt(position);
    const chomping = indicator === DASH ? 'strip' : indicator === PLUS ? 'keep' : 'clip';
    if (chomping !== 'clip') position++;
    const afterIndicators = position;
    while (position < this.#lineEnd && text.charCodeAt(position) === SPACE) position++;
    if (position < this.#lineEnd && (text.charCodeAt(position) !== HASH || position === afterIndicators)) throw new Unsupported();
    return { folded: text.charCodeAt(this.#content) === GREATER, chomping };
  }

  /**
   * A scalar starting at #content: `{}`/`[]`, or plain or quoted, folded over the deeper lines after it (go-yaml's
   * line folding). Moves to the line after it, which must not be deeper.
   */
  #scalarLine(parentIndent: number): unknown {
    const text = this.#text;
    // a quoted scalar over several lines moves #content to its last line
    const start = this.#content;
    const first = text.charCodeAt(start);
    let value: unknown;
    let after: number;
    /** Where a plain scalar folded over several lines ends. */
    let lastEnd: number | undefined;
    if (first === QUOTE || first === APOSTROPHE) {
      const quoted = this.#quoted(this.#content, parentIndent);
      value = quoted.value;
      after = quoted.end;
    } else if (this.#isEmptyFlow(first)) {
      value = first === OPEN_BRACE ? {} : [];
      after = this.#content + 2;
    } else {
      after = this.#plainEnd(this.#content);
      const folded = this.#isBlankFrom(after) ? this.#foldedLines(parentIndent) : undefined;
      const first = text.slice(this.#content, after);
      const resolved = resolvePlainScalar(folded ? first + folded.text : first);
      value = typeof resolved === 'string' ? interned(resolved) : resolved;
      // .inf and .nan: kubectl cannot convert them to JSON, which the full path reports
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Unsupported();
      if (folded) lastEnd = folded.end;
    }
    this.#start = this.#offset + start;
    // an empty collection ends one past its opening bracket on the full path (a container's end follows its entries)
    this.#stop = typeof value === 'object' && value !== null ? this.#start + 1 : this.#offset + (lastEnd ?? after);
    while (after < this.#lineEnd && text.charCodeAt(after) === SPACE) after++;
    if (after < this.#lineEnd && (text.charCodeAt(after) !== HASH || text.charCodeAt(after - 1) !== SPACE)) throw new Unsupported();
    const indent = this.#indent;
    this.#advance();
    // a deeper line right after a scalar would continue it (a multi-line scalar) or be an error
    if (this.#indent > indent) throw new Unsupported();
    return value;
  }

  /** `{}` or `[]`, the one flow form common in block manifests (`emptyDir: {}`). */
  #isEmptyFlow(first: number): boolean {
    const second = this.#text.charCodeAt(this.#content + 1);
    return (first === OPEN_BRACE && second === CLOSE_BRACE) || (first === OPEN_BRACKET && second === CLOSE_BRACKET);
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

  /** The key's name; its end (trailing spaces excluded) is left in #keyStop. */
  #key(start: number, colon: number): string {
    let end = colon;
    while (end > start && this.#text.charCodeAt(end - 1) === SPACE) end--;
    if (end - start > 1000) throw new Unsupported();
    this.#keyStop = end;
    const text = this.#text.slice(start, end);
    const key = resolvePlainScalar(text);
    // a null or uint64 key is an error kubectl reports, which the full path reports too
    if (key === null || isUint64Key(key, text)) throw new Unsupported();
    return keyString(key, text);
  }

  #canStartPlain(position: number): boolean {
    const start = PLAIN_START[this.#text.charCodeAt(position)] ?? 0;
    if (start === NEVER) return false;
    if (start !== IF_FOLLOWED) return true;
    const next = position + 1;
    return next < this.#lineEnd && this.#text.charCodeAt(next) !== SPACE;
  }

  /** End of a plain scalar value (trailing spaces and any comment excluded). */
  #plainEnd(start: number): number {
    if (!this.#canStartPlain(start)) throw new Unsupported();
    return this.#plainLineEnd(start, this.#lineEnd);
  }

  /**
   * End of a line of a plain scalar (trailing spaces excluded); #lineHasComment says whether a comment follows it (a
   * field, not a returned object: this runs for every value).
   */
  #plainLineEnd(start: number, lineEnd: number): number {
    const text = this.#text;
    let end = start;
    this.#lineHasComment = false;
    for (let position = start; position < lineEnd; position++) {
      const code = text.charCodeAt(position);
      if (code === SPACE) continue;
      if (code === HASH && text.charCodeAt(position - 1) === SPACE) {
        this.#lineHasComment = true;
        return end;
      }
      if (code === TAB) throw new Unsupported();
      if (code === COLON && (position + 1 === lineEnd || text.charCodeAt(position + 1) === SPACE)) throw new Unsupported();
      end = position + 1;
    }
    return end;
  }

  /**
   * A continuation line may start with a quote (it is text there) or with `-`, `?` or `:` before a non-space; the
   * other indicators, and `- `, go to the full parser.
   */
  #canContinuePlain(position: number, lineEnd: number): boolean {
    const code = this.#text.charCodeAt(position);
    if (code === QUOTE || code === APOSTROPHE) return true;
    const start = PLAIN_START[code] ?? 0;
    if (start !== IF_FOLLOWED) return start === 0;
    return position + 1 < lineEnd && this.#text.charCodeAt(position + 1) !== SPACE;
  }

  #isBlankFrom(position: number): boolean {
    while (position < this.#lineEnd && this.#text.charCodeAt(position) === SPACE) position++;
    return position === this.#lineEnd;
  }

  /**
   * The lines deeper than `parentIndent` after a plain scalar's first line, folded as go-yaml folds them (a line
   * break between two lines is a space, n empty lines are n line breaks), and where the last one ends; undefined when
   * the next line does not continue the scalar. Continuation lines starting with most indicators go to the full parser.
   * upstream: gopkg.in/yaml.v2 scannerc.go yaml_parser_scan_plain_scalar (leading_break, trailing_breaks)
   */
  #foldedLines(parentIndent: number): { text: string; end: number } | undefined {
    const text = this.#text;
    let folded = '';
    let breaks = 0;
    let end = -1;
    let lineStart = this.#next;
    let resume = lineStart;
    while (lineStart < this.#end) {
      const lineEnd = this.#endOfLine(lineStart);
      const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      let position = lineStart;
      while (position < contentEnd && text.charCodeAt(position) === SPACE) position++;
      const first = text.charCodeAt(position);
      if (position < contentEnd && first === TAB) throw new Unsupported();
      if (position === contentEnd) breaks++;
      else if (position - lineStart <= parentIndent || first === HASH) break;
      else {
        if (!this.#canContinuePlain(position, contentEnd)) throw new Unsupported();
        const lineStop = this.#plainLineEnd(position, contentEnd);
        folded += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + text.slice(position, lineStop);
        breaks = 0;
        end = lineStop;
        resume = lineEnd + 1;
        if (this.#lineHasComment) break;
      }
      lineStart = lineEnd + 1;
    }
    if (end < 0) return undefined;
    this.#next = Math.min(resume, this.#end);
    return { text: folded, end };
  }

  /**
   * A quoted scalar; double-quoted ones may use the escapes of DOUBLE_QUOTED_ESCAPES. It may go on over lines deeper
   * than `parentIndent`, folded as go-yaml folds them (white space around a line break dropped, a break is a space,
   * n empty lines are n breaks); the reader then stands on its last line.
   * upstream: gopkg.in/yaml.v2 scannerc.go yaml_parser_scan_flow_scalar
   */
  #quoted(start: number, parentIndent: number): { value: string; end: number } {
    const text = this.#text;
    const quote = text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    let position = from;
    for (;;) {
      if (position >= this.#lineEnd) {
        let end = this.#lineEnd;
        while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
        value += text.slice(from, end) + this.#nextQuotedLine(parentIndent);
        position = from = this.#content;
      }
      const code = text.charCodeAt(position);
      if (code === TAB) throw new Unsupported();
      if (code === BACKSLASH && quote === QUOTE) {
        const escaped = DOUBLE_QUOTED_ESCAPES.get(text.charCodeAt(position + 1));
        if (escaped === undefined) throw new Unsupported();
        value += text.slice(from, position) + escaped;
        from = position + 2;
        position += 2;
        continue;
      }
      if (code === quote && quote === APOSTROPHE && text.charCodeAt(position + 1) === APOSTROPHE) {
        value += text.slice(from, position + 1);
        from = position + 2;
        position += 2;
        continue;
      }
      if (code === quote) return { value: value + text.slice(from, position), end: position + 1 };
      position++;
    }
  }

  /** Moves to the next line of a quoted scalar (blank lines skipped); returns what the line breaks fold into. */
  #nextQuotedLine(parentIndent: number): string {
    const text = this.#text;
    let breaks = 0;
    while (this.#next < this.#end) {
      const lineStart = this.#next;
      const lineEnd = this.#endOfLine(lineStart);
      const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      this.#next = lineEnd + 1;
      let position = lineStart;
      while (position < contentEnd && text.charCodeAt(position) === SPACE) position++;
      if (position === contentEnd) {
        breaks++;
        continue;
      }
      if (text.charCodeAt(position) === TAB || position - lineStart <= parentIndent) throw new Unsupported();
      this.#lineEnd = contentEnd;
      this.#content = position;
      return breaks === 0 ? ' ' : '\n'.repeat(breaks);
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

interface BlockHeader {
  readonly folded: boolean;
  readonly chomping: 'strip' | 'clip' | 'keep';
}

interface BlockLine {
  /** Offsets into the text: the line's start and the end of its content (before any line break). */
  readonly start: number;
  readonly end: number;
  /** Spaces before its first other character. */
  readonly indent: number;
  readonly hasBreak: boolean;
}

/**
 * The value of a block scalar, line by line.
 * upstream: gopkg.in/yaml.v2 scannerc.go yaml_parser_scan_block_scalar and yaml_parser_scan_block_scalar_breaks
 * (leading_break, trailing_breaks, leading_blank and trailing_blank are theirs).
 */
class BlockScalar {
  readonly #text: string;
  readonly #header: BlockHeader;
  /** Content indentation, -1 until the first content line. */
  #indent = -1;
  /** Most spaces on a blank line before the first content line. */
  #leadingSpaces = 0;
  #value = '';
  #leadingBreak = '';
  #trailingBreaks = '';
  #leadingBlank = false;

  constructor(text: string, header: BlockHeader) {
    this.#text = text;
    this.#header = header;
  }

  /** An empty or white-space-only line: a line break of the scalar, unless its spaces would be content. */
  blankLine(spaces: number, hasBreak: boolean): boolean {
    if (this.#indent < 0) this.#leadingSpaces = Math.max(this.#leadingSpaces, spaces);
    else if (spaces > this.#indent) throw new Unsupported();
    // go-yaml and js-yaml end a text without a final line break differently
    if (!hasBreak) throw new Unsupported();
    this.#trailingBreaks += '\n';
    return true;
  }

  /** A line with content: part of the scalar when indented enough, else (returns false) the line after it. */
  contentLine(line: BlockLine, parentIndent: number): boolean {
    if (this.#indent < 0) {
      // an empty scalar, or leading blank lines deeper than the content (which would set the indentation)
      if (line.indent <= parentIndent || this.#leadingSpaces > line.indent) throw new Unsupported();
      this.#indent = line.indent;
    }
    if (line.indent < this.#indent) return false;
    const content = this.#text.slice(line.start + this.#indent, line.end);
    if (content.includes('\t')) throw new Unsupported();
    const trailingBlank = line.indent > this.#indent;
    if (this.#header.folded && this.#leadingBreak === '\n' && !this.#leadingBlank && !trailingBlank) {
      if (this.#trailingBreaks === '') this.#value += ' ';
    } else {
      this.#value += this.#leadingBreak;
    }
    this.#value += this.#trailingBreaks + content;
    this.#trailingBreaks = '';
    this.#leadingBlank = trailingBlank;
    if (!line.hasBreak) throw new Unsupported();
    this.#leadingBreak = '\n';
    return true;
  }

  value(): string {
    if (this.#indent < 0) throw new Unsupported();
    const { chomping } = this.#header;
    return this.#value + (chomping === 'strip' ? '' : this.#leadingBreak) + (chomping === 'keep' ? this.#trailingBreaks : '');
  }
}
