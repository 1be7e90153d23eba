// go-yaml v2's scanner (its port of libyaml's): the tokens of a document up to the first scanner error, with the
// simple-key, indentation and flow-level bookkeeping that decides which errors occur and where. Scalar values are not
// built; only what a later error depends on is kept (anchor names, tag handles, directive values).
// upstream: go-yaml v2.4.2 scannerc.go (function names below are its, without the yaml_parser_ prefix)
import { GoYamlError, type GoYamlMark } from './go-yaml-error.js';
import { GoYamlReader } from './go-yaml-reader.js';

export type GoYamlTokenType =
  | 'stream-start'
  | 'stream-end'
  | 'version-directive'
  | 'tag-directive'
  | 'document-start'
  | 'document-end'
  | 'block-sequence-start'
  | 'block-mapping-start'
  | 'block-end'
  | 'flow-sequence-start'
  | 'flow-sequence-end'
  | 'flow-mapping-start'
  | 'flow-mapping-end'
  | 'block-entry'
  | 'flow-entry'
  | 'key'
  | 'value'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'scalar';

export interface GoYamlToken {
  readonly type: GoYamlTokenType;
  readonly start: GoYamlMark;
  readonly end: GoYamlMark;
  /** An anchor's or alias's name, a tag's or %TAG directive's handle. */
  readonly value?: string;
  /** A tag's suffix; a %TAG directive's prefix. */
  readonly suffix?: string;
  readonly major?: number;
  readonly minor?: number;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: GoYamlMark;
}

/** go-yaml's limits on flow nesting and block indentation (scannerc.go max_flow_level, max_indents). */
const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;
/** A simple key must end within this many characters of its start (the YAML spec's 1024). */
const MAX_SIMPLE_KEY_LENGTH = 1024;

const PLAIN_EXCLUDED = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((char) => char.charCodeAt(0)));
const ANCHOR_END = new Set([...'?:,]}%@`'].map((char) => char.charCodeAt(0)));
const URI_CHARACTERS = new Set([...";/?:@&=+$,.!~*'()[]%"].map((char) => char.charCodeAt(0)));

export class GoYamlScanner {
  private readonly reader: GoYamlReader;
  private position: number;
  private index = 0;
  private line = 0;
  private column = 0;
  private tokens: GoYamlToken[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private flowLevel = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByToken = new Map<number, number>();

  constructor(private readonly text: string) {
    this.position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.reader = new GoYamlReader(text, this.position);
  }

  /** upstream: parserc.go peek_token */
  peekToken(): GoYamlToken {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head] as GoYamlToken;
  }

  /** upstream: parserc.go skip_token */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.head++;
    // the consumed tokens are dropped now and then, so a long document holds a short queue
    if (this.head > 1024 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  private mark(): GoYamlMark {
    return { offset: this.position, index: this.index, line: this.line, column: this.column };
  }

  /** The character `ahead` characters on (ASCII lookahead only, as upstream), or 0 past the end. */
  private at(ahead = 0): number {
    const offset = this.position + ahead;
    return offset < this.text.length ? this.text.charCodeAt(offset) : 0;
  }

  private is(char: string, ahead = 0): boolean {
    return this.at(ahead) === char.charCodeAt(0);
  }

  private isBlank(ahead = 0): boolean {
    const char = this.at(ahead);
    return char === 0x20 || char === 0x09;
  }

  private isBreak(ahead = 0): boolean {
    const char = this.at(ahead);
    return char === 0x0d || char === 0x0a || char === 0x85 || char === 0x2028 || char === 0x2029;
  }

  private isBreakZ(ahead = 0): boolean {
    return this.isBreak(ahead) || this.at(ahead) === 0;
  }

  private isBlankZ(ahead = 0): boolean {
    return this.isBlank(ahead) || this.isBreakZ(ahead);
  }

  private isAlpha(ahead = 0): boolean {
    const char = this.at(ahead);
    return (char >= 0x30 && char <= 0x39) || (char >= 0x41 && char <= 0x5a) || (char >= 0x61 && char <= 0x7a) || char === 0x5f || char === 0x2d;
  }

  private isDigit(ahead = 0): boolean {
    const char = this.at(ahead);
    return char >= 0x30 && char <= 0x39;
  }

  private isHex(ahead = 0): boolean {
    const char = this.at(ahead) | 0x20;
    return this.isDigit(ahead) || (char >= 0x61 && char <= 0x66);
  }

  private cache(length: number): void {
    this.reader.cache(length, this.position);
  }

  /** One character (a surrogate pair is one, as the UTF-8 sequence go-yaml reads). */
  private skip(): void {
    const char = this.at();
    this.index++;
    this.column++;
    this.reader.unread--;
    this.position += char >= 0xd800 && char <= 0xdbff && this.position + 1 < this.text.length ? 2 : 1;
  }

  /** skip(), returning the character (names and handles are compared later). */
  private read(): string {
    const start = this.position;
    this.skip();
    return this.text.slice(start, this.position);
  }

  /** upstream: skip_line and read_line (the same moves: a CRLF counts twice in index and unread) */
  private skipLine(): void {
    if (this.is('\r') && this.is('\n', 1)) {
      this.index += 2;
      this.reader.unread -= 2;
      this.position += 2;
    } else if (this.isBreak()) {
      this.index++;
      this.reader.unread--;
      this.position++;
    } else return;
    this.column = 0;
    this.line++;
  }

  /** go-yaml also records a context ("while scanning a quoted scalar"); only its mark reaches Unmarshal's message. */
  private fail(contextMark: GoYamlMark, problem: string): never {
    throw new GoYamlError('scanner', problem, this.position, this.mark(), contextMark);
  }

  private insertToken(position: number, token: GoYamlToken): void {
    if (position < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + position, 0, token);
  }

  private queued(): number {
    return this.tokensParsed + (this.tokens.length - this.head);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const key = this.simpleKeysByToken.get(this.tokensParsed);
        if (key === undefined || !this.isSimpleKeyValid(this.simpleKeys[key] as SimpleKey)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.column);
    this.cache(4);
    if (this.at() === 0) return this.fetchStreamEnd();
    if (this.column === 0 && this.is('%')) return this.fetchDirective();
    if (this.column === 0 && this.isDocumentIndicator('-')) return this.fetchDocumentIndicator('document-start');
    if (this.column === 0 && this.isDocumentIndicator('.')) return this.fetchDocumentIndicator('document-end');
    if (this.fetchIndicator()) return;
    if (this.startsPlainScalar()) return this.fetchPlainScalar();
    this.fail(this.mark(), 'found character that cannot start any token');
  }

  private isDocumentIndicator(char: string): boolean {
    return this.is(char) && this.is(char, 1) && this.is(char, 2) && this.isBlankZ(3);
  }

  /** The token an indicator character starts, fetched; false when the next token is none of them. */
  private fetchIndicator(): boolean {
    const fetch = this.indicatorFetcher(String.fromCharCode(this.at()));
    fetch?.();
    return fetch !== undefined;
  }

  private indicatorFetcher(char: string): (() => void) | undefined {
    const flow = this.flowLevel > 0;
    switch (char) {
      case '[': return () => this.fetchFlowCollectionStart('flow-sequence-start');
      case '{': return () => this.fetchFlowCollectionStart('flow-mapping-start');
      case ']': return () => this.fetchFlowCollectionEnd('flow-sequence-end');
      case '}': return () => this.fetchFlowCollectionEnd('flow-mapping-end');
      case ',': return () => this.fetchFlowEntry();
      case '-': return this.isBlankZ(1) ? () => this.fetchBlockEntry() : undefined;
      case '?': return flow || this.isBlankZ(1) ? () => this.fetchKey() : undefined;
      case ':': return flow || this.isBlankZ(1) ? () => this.fetchValue() : undefined;
      case '*': return () => this.fetchAnchor('alias');
      case '&': return () => this.fetchAnchor('anchor');
      case '!': return () => this.fetchTag();
      case '|':
      case '>': return flow ? undefined : () => this.fetchBlockScalar();
      case "'": return () => this.fetchFlowScalar(true);
      case '"': return () => this.fetchFlowScalar(false);
      default: return undefined;
    }
  }

  private startsPlainScalar(): boolean {
    const char = this.at();
    if (!(this.isBlankZ() || PLAIN_EXCLUDED.has(char))) return true;
    if (this.is('-') && !this.isBlank(1)) return true;
    return this.flowLevel === 0 && (this.is('?') || this.is(':')) && !this.isBlankZ(1);
  }

  /** Whether a simple key may still be one; false (and no longer possible) past its line or 1024 characters. */
  private isSimpleKeyValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + MAX_SIMPLE_KEY_LENGTH < this.index) {
      if (key.required) this.fail(key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.queued(), mark: this.mark() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (!key.possible) return;
    if (key.required) this.fail(key.mark, "could not find expected ':'");
    key.possible = false;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.queued(), mark: this.mark() });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) this.fail(this.lastSimpleKeyMark(), `exceeded max depth of ${MAX_FLOW_LEVEL}`);
  }

  private lastSimpleKeyMark(): GoYamlMark {
    return (this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey).mark;
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel--;
    const key = this.simpleKeys.pop() as SimpleKey;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  private rollIndent(column: number, number: number, type: GoYamlTokenType, mark: GoYamlMark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    if (this.indents.length > MAX_INDENTS) this.fail(this.lastSimpleKeyMark(), `exceeded max depth of ${MAX_INDENTS}`);
    this.insertToken(number > -1 ? number - this.tokensParsed : -1, { type, start: mark, end: mark });
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const mark = this.mark();
      this.insertToken(-1, { type: 'block-end', start: mark, end: mark });
      this.indent = this.indents.pop() as number;
    }
  }

  /** A token of `type` from here over `length` characters. */
  private pushToken(type: GoYamlTokenType, length = 1): void {
    const start = this.mark();
    for (let count = 0; count < length; count++) this.skip();
    this.insertToken(-1, { type, start, end: this.mark() });
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.mark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.pushToken('stream-start', 0);
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.pushToken('stream-end', 0);
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: GoYamlTokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.pushToken(type, 3);
  }

  private fetchFlowCollectionStart(type: GoYamlTokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.pushToken(type);
  }

  private fetchFlowCollectionEnd(type: GoYamlTokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.pushToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.pushToken('flow-entry');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail(this.mark(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.column, -1, 'block-sequence-start', this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.pushToken('block-entry');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail(this.mark(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, 'block-mapping-start', this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.pushToken('key');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (this.isSimpleKeyValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'key', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'block-mapping-start', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(this.mark(), 'mapping values are not allowed in this context');
        this.rollIndent(this.column, -1, 'block-mapping-start', this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.pushToken('value');
  }

  private fetchAnchor(type: 'alias' | 'anchor'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar());
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      // upstream's is_bom reads the buffer's start (see GoYamlReader.windowStart)
      if (this.column === 0 && this.text.charCodeAt(this.reader.windowStart) === 0xfeff) this.skip();
      this.cache(1);
      while (this.is(' ') || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.is('\t'))) {
        this.skip();
        this.cache(1);
      }
      this.skipComment();
      if (!this.isBreak()) return;
      this.cache(2);
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private skipComment(): void {
    if (!this.is('#')) return;
    while (!this.isBreakZ()) {
      this.skip();
      this.cache(1);
    }
  }

  private skipBlanks(): void {
    this.cache(1);
    while (this.isBlank()) {
      this.skip();
      this.cache(1);
    }
  }

  /** Blanks, a comment, then a line break or the end (after a directive or a block scalar's header). */
  private skipToLineEnd(start: GoYamlMark): void {
    this.skipBlanks();
    this.skipComment();
    if (!this.isBreakZ()) this.fail(start, 'did not find expected comment or line break');
    if (this.isBreak()) {
      this.cache(2);
      this.skipLine();
    }
  }

  private scanDirective(): GoYamlToken {
    const start = this.mark();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: GoYamlToken;
    if (name === 'YAML') {
      this.skipBlanks();
      const major = this.scanVersionNumber(start);
      if (!this.is('.')) this.fail(start, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'version-directive', start, end: this.mark(), major, minor };
    } else if (name === 'TAG') {
      token = this.scanTagDirectiveValue(start);
    } else {
      this.fail(start, 'found unknown directive name');
    }
    this.skipToLineEnd(start);
    return token;
  }

  private scanDirectiveName(start: GoYamlMark): string {
    this.cache(1);
    let name = '';
    while (this.isAlpha()) {
      name += this.read();
      this.cache(1);
    }
    if (name === '') this.fail(start, 'could not find expected directive name');
    if (!this.isBlankZ()) this.fail(start, 'found unexpected non-alphabetical character');
    return name;
  }

  private scanVersionNumber(start: GoYamlMark): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    while (this.isDigit()) {
      if (++length > 2) this.fail(start, 'found extremely long version number');
      value = value * 10 + (this.at() - 0x30);
      this.skip();
      this.cache(1);
    }
    if (length === 0) this.fail(start, 'did not find expected version number');
    return value;
  }

  private scanTagDirectiveValue(start: GoYamlMark): GoYamlToken {
    this.skipBlanks();
    const handle = this.scanTagHandle(true, start);
    this.cache(1);
    if (!this.isBlank()) this.fail(start, 'did not find expected whitespace');
    this.skipBlanks();
    const prefix = this.scanTagUri('', start);
    this.cache(1);
    if (!this.isBlankZ()) this.fail(start, 'did not find expected whitespace or line break');
    return { type: 'tag-directive', start, end: this.mark(), value: handle, suffix: prefix };
  }

  private scanAnchor(type: 'alias' | 'anchor'): GoYamlToken {
    const start = this.mark();
    this.skip();
    this.cache(1);
    let name = '';
    while (this.isAlpha()) {
      name += this.read();
      this.cache(1);
    }
    const end = this.mark();
    if (name === '' || !(this.isBlankZ() || ANCHOR_END.has(this.at()))) {
      this.fail(start, 'did not find expected alphabetic or numeric character');
    }
    return { type, start, end, value: name };
  }

  private scanTag(): GoYamlToken {
    const start = this.mark();
    this.cache(2);
    let handle: string;
    let suffix: string;
    if (this.is('<', 1)) {
      this.skip();
      this.skip();
      handle = '';
      suffix = this.scanTagUri('', start);
      if (!this.is('>')) this.fail(start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.startsWith('!') && handle.endsWith('!')) {
        suffix = this.scanTagUri('', start);
      } else {
        suffix = this.scanTagUri(handle, start);
        handle = '!';
        // `!` alone: the handle is empty and the suffix is `!`
        if (suffix === '') [handle, suffix] = [suffix, handle];
      }
    }
    this.cache(1);
    if (!this.isBlankZ()) this.fail(start, 'did not find expected whitespace or line break');
    return { type: 'tag', start, end: this.mark(), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: GoYamlMark): string {
    this.cache(1);
    if (!this.is('!')) this.fail(start, "did not find expected '!'");
    let handle = this.read();
    this.cache(1);
    while (this.isAlpha()) {
      handle += this.read();
      this.cache(1);
    }
    if (this.is('!')) handle += this.read();
    else if (directive && handle !== '!') this.fail(start, "did not find expected '!'");
    return handle;
  }

  /** `head` is a handle read before that turned out to begin the URI (`!foo`): its characters after the `!` count. */
  private scanTagUri(head: string, start: GoYamlMark): string {
    let uri = head.slice(1);
    let hasTag = head.length > 0;
    this.cache(1);
    while (this.isAlpha() || URI_CHARACTERS.has(this.at())) {
      if (this.is('%')) uri += this.scanUriEscapes(start);
      else uri += this.read();
      this.cache(1);
      hasTag = true;
    }
    if (!hasTag) this.fail(start, 'did not find expected tag URI');
    return uri;
  }

  private scanUriEscapes(start: GoYamlMark): string {
    let escaped = '';
    for (let width = 1024; width > 0; width--) {
      this.cache(3);
      if (!(this.is('%') && this.isHex(1) && this.isHex(2))) this.fail(start, 'did not find URI escaped octet');
      const octet = Number.parseInt(this.text.slice(this.position + 1, this.position + 3), 16);
      if (width === 1024) {
        width = octetWidth(octet);
        if (width === 0) this.fail(start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.fail(start, 'found an incorrect trailing UTF-8 octet');
      }
      escaped += this.read() + this.read() + this.read();
    }
    return escaped;
  }

  private scanBlockScalar(): GoYamlToken {
    const start = this.mark();
    this.skip();
    const increment = this.scanBlockScalarIndicators(start);
    this.skipToLineEnd(start);
    const indent = { value: increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0 };
    let end = this.scanBlockScalarBreaks(indent, start);
    this.cache(1);
    while (this.column === indent.value && this.at() !== 0) {
      while (!this.isBreakZ()) {
        this.skip();
        this.cache(1);
      }
      this.cache(2);
      this.skipLine();
      end = this.scanBlockScalarBreaks(indent, start);
    }
    return { type: 'scalar', start, end };
  }

  /** The chomping and indentation indicators of a block scalar's header; returns the indentation increment. */
  private scanBlockScalarIndicators(start: GoYamlMark): number {
    this.cache(1);
    const chomping = () => {
      if (!this.is('+') && !this.is('-')) return false;
      this.skip();
      return true;
    };
    const increment = () => {
      if (!this.isDigit()) return 0;
      if (this.is('0')) this.fail(start, 'found an indentation indicator equal to 0');
      const value = this.at() - 0x30;
      this.skip();
      return value;
    };
    if (chomping()) {
      this.cache(1);
      return increment();
    }
    const value = increment();
    if (value > 0) {
      this.cache(1);
      chomping();
    }
    return value;
  }

  /** Blank lines before or between a block scalar's content lines; sets the indentation when not known yet. */
  private scanBlockScalarBreaks(indent: { value: number }, start: GoYamlMark): GoYamlMark {
    let end = this.mark();
    let maxIndent = 0;
    for (;;) {
      this.cache(1);
      while ((indent.value === 0 || this.column < indent.value) && this.is(' ')) {
        this.skip();
        this.cache(1);
      }
      if (this.column > maxIndent) maxIndent = this.column;
      if ((indent.value === 0 || this.column < indent.value) && this.is('\t')) {
        this.fail(start, 'found a tab character where an indentation space is expected');
      }
      if (!this.isBreak()) break;
      this.cache(2);
      this.skipLine();
      end = this.mark();
    }
    if (indent.value === 0) indent.value = Math.max(maxIndent, this.indent + 1, 1);
    return end;
  }

  private scanFlowScalar(single: boolean): GoYamlToken {
    const start = this.mark();
    this.skip();
    for (;;) {
      this.cache(4);
      if (this.column === 0 && (this.isDocumentIndicator('-') || this.isDocumentIndicator('.'))) {
        this.fail(start, 'found unexpected document indicator');
      }
      if (this.at() === 0) this.fail(start, 'found unexpected end of stream');
      this.scanFlowScalarText(single, start);
      this.cache(1);
      if (this.is(single ? "'" : '"')) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) this.skip();
        else {
          this.cache(2);
          this.skipLine();
        }
        this.cache(1);
      }
    }
    this.skip();
    return { type: 'scalar', start, end: this.mark() };
  }

  /** The non-blank characters of a quoted scalar up to a blank, a line break, an escaped line break or the closing quote. */
  private scanFlowScalarText(single: boolean, start: GoYamlMark): void {
    while (!this.isBlankZ()) {
      if (single && this.is("'") && this.is("'", 1)) {
        this.skip();
        this.skip();
      } else if (this.is(single ? "'" : '"')) {
        break;
      } else if (!single && this.is('\\') && this.isBreak(1)) {
        this.cache(3);
        this.skip();
        this.skipLine();
        return;
      } else if (!single && this.is('\\')) {
        this.scanEscape(start);
      } else {
        this.skip();
      }
      this.cache(2);
    }
  }

  private scanEscape(start: GoYamlMark): void {
    const codeLength = ESCAPE_CODE_LENGTHS.get(String.fromCharCode(this.at(1)));
    if (codeLength === undefined) this.fail(start, 'found unknown escape character');
    this.skip();
    this.skip();
    if (codeLength === 0) return;
    this.cache(codeLength);
    let value = 0;
    for (let k = 0; k < codeLength; k++) {
      if (!this.isHex(k)) this.fail(start, 'did not find expected hexdecimal number');
      value = value * 16 + Number.parseInt(String.fromCharCode(this.at(k)), 16);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      this.fail(start, 'found invalid Unicode character escape code');
    }
    for (let k = 0; k < codeLength; k++) this.skip();
  }

  private scanPlainScalar(): GoYamlToken {
    const indent = this.indent + 1;
    const start = this.mark();
    let end = this.mark();
    let leadingBlanks = false;
    for (;;) {
      this.cache(4);
      if (this.column === 0 && (this.isDocumentIndicator('-') || this.isDocumentIndicator('.'))) break;
      if (this.is('#')) break;
      while (!this.isBlankZ()) {
        if ((this.is(':') && this.isBlankZ(1)) || (this.flowLevel > 0 && FLOW_INDICATORS.has(this.at()))) break;
        leadingBlanks = false;
        this.skip();
        end = this.mark();
        this.cache(2);
      }
      if (!(this.isBlank() || this.isBreak())) break;
      this.cache(1);
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.column < indent && this.is('\t')) {
            this.fail(start, 'found a tab character that violates indentation');
          }
          this.skip();
        } else {
          this.cache(2);
          this.skipLine();
          leadingBlanks = true;
        }
        this.cache(1);
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'scalar', start, end };
  }
}

/** Characters after a backslash in double quotes, with the number of hex digits that follow (0: none). */
const ESCAPE_CODE_LENGTHS = new Map<string, number>([...[...'0abt\tnvfre "\'\\N_LP'].map((char): [string, number] => [char, 0]), ['x', 2], ['u', 4], ['U', 8]]);

const FLOW_INDICATORS = new Set([...',?[]{}'].map((char) => char.charCodeAt(0)));

/** upstream: yamlprivateh.go width, for the first octet of a %-escaped character */
function octetWidth(octet: number): number {
  if ((octet & 0x80) === 0) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}
