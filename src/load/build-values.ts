// Turns js-yaml parser events into plain values (Kubernetes' YAML 1.1 reading) plus the source span of every
// key and value, in one pass with an explicit stack (no recursion: deep input cannot overflow the call stack).
import { isDeepStrictEqual } from 'node:util';
import type { DocumentEvent, Event, MappingEvent, PopEvent, ScalarEvent, SequenceEvent, YAMLException } from 'js-yaml';
import { countText } from '../model/count-text.js';
import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, jsYaml } from './js-yaml.js';
import { rewriteForJsYaml, startsWithIndentedMarker, type Rewritten } from './go-yaml-rewrite.js';
import { readPlainBlockDocument, type PlainBlockLimits, type Positions } from './plain-block-reader.js';
import { maxOf, minOf } from '../model/append.js';
import type { Path } from '../model/document.js';
import { ContainerSpans, LazySpans, type EntrySpan, type FoundSpan, type SpanIndex } from './span-index.js';
import { blockScalarTab, invalidEscape, withGoYamlLineBreaks } from './scanner-rules.js';
import { goFloatName, keyString, keyType, NAN_KEY_TYPE, resolvePlainScalar, resolveTagged } from './yaml11-scalars.js';
import { goYamlProblem, mayHaveTabInIndentation } from './go-yaml-problem.js';
import { asKubectlReads } from './kubectl-lines.js';
import { NonFiniteValues, type NonFiniteValue } from './non-finite-values.js';

export interface BuiltDocument {
  readonly value: unknown;
  readonly rootSpan: readonly [number, number];
  /** Where each key and value came from. */
  readonly spans: SpanIndex;
  readonly problems: readonly BuildProblem[];
  /** See ManifestDocument.digest. */
  readonly digest?: string | undefined;
}

export interface BuildProblem {
  /**
   * `decode`: go-yaml or sigs.k8s.io/yaml refuses the value, so kubectl rejects the document. `ambiguous-key`: keys go-yaml
   * keeps apart get one JSON name with different values, and kubectl keeps one of them at random.
   */
  readonly kind: 'duplicate-key' | 'ambiguous-key' | 'alias' | 'decode' | 'too-large';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface BuildLimits {
  /** Nesting depth at which parsing stops with an error. */
  readonly maxDepth: number;
  /** Values a document may expand to through aliases (a "billion laughs" defence). */
  readonly maxExpandedNodes: number;
}

interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly entries: Map<string | number, EntrySpan>;
  readonly start: number;
  end: number;
  size: number;
  readonly anchor: string | undefined;
  /** A block collection (`k: v` on lines, `- x`), not a flow one. */
  readonly block: boolean;
  /** Mapping only: the key read and waiting for its value (`type`: its Go type when it is no string, see keyType). */
  key: { name: string; type?: string; start: number; end: number; isMerge: boolean } | undefined;
  /** Mapping only: the keys go-yaml keeps apart under a name once one was no string, by Go type (undefined until then). */
  keyTypes?: Map<string, TypedKey[]>;
  /** Mapping only: keys written before a merge key (`<<`) took their value, which a later one still duplicates. */
  mergedOver?: Set<string>;
}

/** A key of a Go type (see keyType) and the value go-yaml holds under it. */
interface TypedKey {
  readonly type: string;
  readonly value: unknown;
}

interface Anchored {
  value: unknown;
  size: number;
  open: boolean;
  /** A plain scalar's text, which names it as a key (`*a :`) as its value cannot: 2^63 is a uint64, 1e20 a float. */
  text?: string;
  /** Why kubectl cannot convert the scalar to JSON (.inf, .nan). */
  nonFinite?: string;
}

/** Whether only indentation, and the indicator of an explicit key, precede `start` on its line. */
function startsKeyLine(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at--;
  if (at >= 0 && text.charCodeAt(at) === 0x3f && at < start - 1) {
    at--;
    while (at >= 0 && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at--;
  }
  return at < 0 || text.charCodeAt(at) === 0x0a || text.charCodeAt(at) === 0x0d;
}

/** upstream: sigs.k8s.io/yaml convertToJSONableObject knows no uint64 key. */
const UINT64_KEY_PROBLEM = 'unsupported map key of type: uint64 (a JSON object key cannot be an integer above 9223372036854775807)';

/**
 * Parses `text` (a slice of the file starting at `offset`); throws js-yaml's YAMLException on syntax errors.
 * Plain block YAML takes the fast reader; everything else the full path.
 */
export function buildDocuments(source: string, offset: number, limits: BuildLimits, positions: Positions = 'eager'): BuiltDocument[] {
  const text = withGoYamlLineBreaks(source);
  const fast = readPlainBlockDocument(text, offset, fastLimitsOf(limits), positions);
  if (!fast) return buildWithPositions(text, offset, limits);
  const spans = fast.spans ?? new FastSpansOnDemand(text, offset, limits);
  return [{ value: fast.value, rootSpan: fast.rootSpan, spans, problems: NO_PROBLEMS }];
}

/** keyType's types as Go names them (go-yaml decodes an integer key as an int, a float one as a float64). */
function goKeyType(type: string): string {
  return type === 'boolean' ? 'bool' : type.startsWith('float') ? 'float64' : type;
}

/**
 * Two keys go-yaml keeps apart (their Go types or values differ) that get one JSON name with different values:
 * sigs.k8s.io/yaml writes each to the name in Go's map order, which is random.
 * upstream: sigs.k8s.io/yaml yaml.go convertToJSONableObject (strMap[keyString] for each key of the go-yaml map)
 */
function ambiguousKeyMessage(name: string, types: readonly [string, string], merged: boolean): string {
  const [key, rival] = types.map((type) => {
    const goType = goKeyType(type);
    return `${/^[aeiou]/.test(goType) ? 'an' : 'a'} ${goType} key`;
  });
  const keys = merged ? `the merge key (<<) sets ${key} beside ${rival}, which` : `${key} and ${rival} before it`;
  return `${keys} both become the JSON key "${name}", with different values: kubectl keeps one of them at random`;
}

// upstream: gopkg.in/yaml.v2 decode.go failWantMap ("map merge requires map or sequence of maps as the value")
const MERGE_PROBLEM = 'a merge key (<<) needs a mapping or a list of mappings';
const MERGE_ALIAS_PROBLEM = 'a merge key (<<) needs a mapping or a list of mappings written in place: go-yaml merges no alias of a list';
/** Shared by the documents without problems (nearly all of them). */
const NO_PROBLEMS: readonly BuildProblem[] = Object.freeze([]);

/** The tags that make a `<<` key a merge key: the non-specific `!` (implicit in go-yaml) and merge's, short or verbatim. */
const MERGE_TAGS: ReadonlySet<string> = new Set(['!', '!!merge', '!<tag:yaml.org,2002:merge>']);

export function fastLimitsOf(limits: BuildLimits): PlainBlockLimits {
  return { maxDepth: limits.maxDepth >> 1, maxValues: limits.maxExpandedNodes };
}

/**
 * The spans of a document the fast reader read without positions, read again on the first request (it reads the
 * same text alike). One object per document: a cluster snapshot has tens of thousands, and a closure costs three.
 */
export class FastSpansOnDemand implements SpanIndex {
  readonly #text: string;
  readonly #offset: number;
  readonly #limits: BuildLimits;
  #read: Pick<BuiltDocument, 'spans' | 'rootSpan'> | undefined;

  constructor(text: string, offset: number, limits: BuildLimits) {
    this.#text = text;
    this.#offset = offset;
    this.#limits = limits;
  }

  find(path: Path): FoundSpan {
    return this.#document().spans.find(path);
  }

  /** The document's root span, read with the spans. */
  get rootSpan(): readonly [number, number] {
    return this.#document().rootSpan;
  }

  #document(): Pick<BuiltDocument, 'spans' | 'rootSpan'> {
    return (this.#read ??= this.#reread());
  }

  #reread(): Pick<BuiltDocument, 'spans' | 'rootSpan'> {
    const read = readPlainBlockDocument(this.#text, this.#offset, fastLimitsOf(this.#limits));
    if (read?.spans) return { spans: read.spans, rootSpan: read.rootSpan };
    // a templated cluster document (document-templates.ts) was compared with its template, not read: should the fast
    // reader refuse its text, the full reader still places the finding instead of the run crashing
    const [full] = buildWithPositions(this.#text, this.#offset, this.#limits);
    if (!full) throw new Error('a document with a value has no reading');
    return full;
  }
}

/**
 * One JSON value of a JSON stream (valid JSON already): YAML's reading, without go-yaml's scanner rules (`\/` is JSON).
 * Without positions (a `kubectl get -o json` cluster snapshot) JSON.parse reads the values, about 20 times faster, and
 * the YAML reading runs only when a position is asked for. A text JSON.parse would read differently (a duplicate key,
 * which the YAML reading reports; a -0, which it reads as 0) or one nested deeper than the limit takes the YAML reading.
 */
export function buildJsonDocument(text: string, offset: number, limits: BuildLimits, positions: Positions = 'eager', parsed?: { readonly value: unknown }): BuiltDocument[] {
  const full = () => new Builder(text, { offset, limits, json: true }).run(jsYaml().parseEvents(text, { maxDepth: limits.maxDepth }));
  if (positions !== 'none') return full();
  if (SURROGATE_ESCAPE.test(text)) return full();
  const value: unknown = parsed ? parsed.value : JSON.parse(text);
  const keys = keysReadAlike(value, limits.maxDepth, 1);
  if (keys === undefined || !writesKeys(text, keys)) return full();
  let read: BuiltDocument | undefined;
  const fully = (): BuiltDocument => {
    if (read) return read;
    const [document] = full();
    if (!document) throw new Error('a JSON value read by JSON.parse has no YAML reading');
    return (read = document);
  };
  return [{ value, get rootSpan() { return fully().rootSpan; }, spans: new LazySpans(() => fully().spans), problems: [] }];
}

/**
 * A JSON string as encoding/json decodes it: a `\u` escape of a surrogate that starts no pair (`"\ud800"`, a low one
 * first) is U+FFFD (decode.go unquoteBytes: utf16.DecodeRune fails, "fall back to replacement rune"), where JSON.parse
 * and js-yaml keep the lone UTF-16 unit. Text read from UTF-8 holds no lone surrogate: only such an escape writes one.
 */
function jsonString(text: string): string {
  return text.isWellFormed() ? text : text.toWellFormed();
}

/** A JSON text that may escape a surrogate: JSON.parse would keep a lone one, which jsonString replaces. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Whether only spaces and tabs follow `from` on its line (a key's `:` is on a later line). */
function endsLine(text: string, from: number): boolean {
  let index = from;
  while (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09) index++;
  const code = text.charCodeAt(index);
  return code === 0x0a || code === 0x0d;
}

/** Whether text[from, to) holds a line break (a loop: no string is cut for every key). */
function spansLines(text: string, from: number, to: number): boolean {
  for (let index = Math.max(from, 0); index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

function hasProperties(event: ScalarEvent): boolean {
  return event.tagStart >= 0 || event.anchorStart >= 0;
}

/** A key this long (in UTF-16 units, at most go-yaml's 1024 characters plus quotes) may be past go-yaml's limit. */
const LONG_KEY = 1000;
/**
 * The secondary tag handle followed by no URI character (`!! x`): go-yaml's yaml_parser_scan_tag_uri finds no suffix
 * (js-yaml refuses other handles it does not know on its own).
 */
const EMPTY_TAG_SUFFIX = /!!(?![\w;/?:@&=+$,.!~*'()[\]%-])/;
/**
 * A tag right before `,`, `]` or `}`: go-yaml's yaml_parser_scan_tag wants white space after a tag (in a flow
 * collection a `,` may follow) and its tag URI takes `,`, `[` and `]` in; js-yaml ends the tag at the indicator.
 */
const TAG_BEFORE_FLOW_INDICATOR = /(?:^|[\s[{,])![^\s,[\]{}]*[,\]}]/;
/** A tag holding a `#`: js-yaml's tag URI takes it, go-yaml's (yaml_parser_scan_tag_uri) ends there and wants a blank. */
const TAG_WITH_HASH = /(?:^|[\s[{,])![^\s,[\]{}]*#/;
/**
 * An anchor or alias where a node may start (a line's start, after an indicator) whose name is not go-yaml's
 * (yaml_parser_scan_anchor: letters, digits, `_` and `-`, then white space or one of `?:,]}%@\``): js-yaml takes any
 * character up to white space or a flow indicator.
 */
const ODD_ANCHOR = /(?:^|[\n\r[{,]|[:?-][ \t])[ \t]*[&*](?![\w-]+(?:[\s?:,\]}%@`]|$))/;

/**
 * Tags js-yaml reads and go-yaml refuses: an empty verbatim tag `!<>` or a handle without a suffix (`!! x`): did not
 * find expected tag URI; a tag before a flow indicator; a tag holding a `#` (`!!str#c`).
 */
function hasTagProblem(text: string): boolean {
  return text.includes('!<>') || (text.includes('!!') && EMPTY_TAG_SUFFIX.test(text)) || TAG_BEFORE_FLOW_INDICATOR.test(text) || (text.includes('#') && TAG_WITH_HASH.test(text));
}

function hasAnchorProblem(text: string): boolean {
  return (text.includes('&') || text.includes('*')) && ODD_ANCHOR.test(text);
}

const QUOTE = 0x22;

/** The index of the closing quote of the JSON string that opens at `open`. */
function stringEnd(text: string, open: number): number {
  let index = open + 1;
  while (index < text.length && text.charCodeAt(index) !== QUOTE) index += text.charCodeAt(index) === 0x5c ? 2 : 1;
  return index;
}

/**
 * Whether the text writes exactly `keys` object keys, the number JSON.parse kept (it keeps only the last of duplicates).
 * Where no key has white space before its colon, an unescaped `":` ends every key, and otherwise only opens a string
 * that starts with a colon (an escaped one is inside a string: an annotation holding JSON): a count equal to `keys`
 * proves that there is no duplicate. Otherwise the keys are counted exactly.
 */
function writesKeys(text: string, keys: number): boolean {
  if (!SPACE_BEFORE_COLON.test(text)) {
    let count = 0;
    for (let at = text.indexOf('":'); at >= 0; at = text.indexOf('":', at + 2)) if (!isEscaped(text, at)) count++;
    if (count === keys) return true;
  }
  return keysIn(text) === keys;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

const SPACE_BEFORE_COLON = /"[ \t\n\r]+:/;

/** Object keys written in the text: strings followed by a colon, counted by a scan of every character. */
function keysIn(text: string): number {
  let keys = 0;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== QUOTE) continue;
    index = stringEnd(text, index);
    let next = index + 1;
    while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x0a || text.charCodeAt(next) === 0x0d || text.charCodeAt(next) === 0x09)) next++;
    if (text.charCodeAt(next) === 0x3a) keys++;
  }
  return keys;
}

/**
 * The keys of JSON.parse's value, or undefined where the YAML reading would read its text otherwise: a -0 (read as 0
 * from `-0`), a number out of float64's range (JSON.parse reads Infinity, encoding/json refuses it), or nesting deeper
 * than `maxDepth`.
 */
function keysReadAlike(value: unknown, maxDepth: number, depth: number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? 0 : undefined;
  if (typeof value !== 'object' || value === null) return 0;
  if (depth > maxDepth) return undefined;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const keys = keysReadAlike(item, maxDepth, depth + 1);
      if (keys === undefined) return undefined;
      count += keys;
    }
    return count;
  }
  for (const key in value) {
    const keys = keysReadAlike((value as Record<string, unknown>)[key], maxDepth, depth + 1);
    if (keys === undefined) return undefined;
    count += keys + 1;
  }
  return count;
}

/**
 * The full path: js-yaml events, every span recorded as it goes. Where go-yaml reads the text differently from
 * js-yaml (go-yaml-rewrite.ts), js-yaml reads a rewritten text: always when js-yaml would read it silently otherwise,
 * and when js-yaml rejects the original. A syntax error is always reported in the original text.
 */
export function buildWithPositions(text: string, offset: number, limits: BuildLimits): BuiltDocument[] {
  // kubectl's line reader drops one "\r" before each "\n" (kubectl-lines.ts): a "\r\r\n" reaches go-yaml as one line
  // break, where js-yaml reads two (a lone CR, then a CRLF). Only then is the text read as kubectl passes it on.
  if (!text.includes('\r\r\n')) return buildRead(text, offset, limits);
  const lines = asKubectlReads(text);
  try {
    return buildRead(lines.text, offset, limits, lines.toOriginal);
  } catch (error) {
    if (!(error instanceof jsYaml().YAMLException)) throw error;
    throw markedAt(error, lines.toOriginal);
  }
}

/** buildWithPositions of `text`; `toOriginal` maps its offsets to the original's, when it is kubectl's reading of it. */
function buildRead(text: string, offset: number, limits: BuildLimits, toOriginal?: (offset: number) => number): BuiltDocument[] {
  const yaml = jsYaml();
  // js-yaml's reading of a text that starts with an indented `---` is never go-yaml's: its error stands
  const misread = startsWithIndentedMarker(text);
  const silent = misread || mayReadDifferently(text) ? rewriteForJsYaml(text) : undefined;
  if (silent) {
    try {
      return buildRewritten(silent, offset, limits, toOriginal);
    } catch (error) {
      if (!(error instanceof yaml.YAMLException)) throw error;
      // ... nor where go-yaml refuses the text too (`k: *a: x`: js-yaml reads the alias `a:`, go-yaml `a`, then a `:`)
      if (misread || goYamlProblem(text) !== undefined) throw markedAt(error, silent.toOriginal);
    }
  }
  try {
    return new Builder(text, { offset, limits, toOriginal }).run(yaml.parseEvents(text, { maxDepth: limits.maxDepth }));
  } catch (error) {
    const rewritten = error instanceof yaml.YAMLException && !error.reason?.startsWith('nesting exceeded') ? rewriteForJsYaml(text) : undefined;
    if (!rewritten) throw error;
    try {
      return buildRewritten(rewritten, offset, limits, toOriginal);
    } catch {
      throw error;
    }
  }
}

/** A `:` that ends a plain scalar before a flow indicator, or one that may start a scalar in a flow collection. */
const FLOW_COLON = /:[,[\]{}]|[[{,:]\s*:\S/;

/** An anchor or alias name right before a character go-yaml ends it at and js-yaml does not (`&labels:`). */
const ANCHOR_BEFORE_INDICATOR = /[&*][0-9A-Za-z_-]+[:?%@`]/;

/** A `\` ending a line that an empty line follows: in double quotes, an escaped line break before empty lines. */
const ESCAPED_BREAK_BEFORE_EMPTY_LINE = /\\(?:\r\n?|\n)[ \t]*[\r\n]/;

/**
 * Syntax that js-yaml reads without error but not as go-yaml does: in flow collections (`[fe80::]`, `[a?b]`), anchor
 * names, and empty lines after an escaped line break (go-yaml-rewrite.ts).
 */
function mayReadDifferently(text: string): boolean {
  return ((text.includes('[') || text.includes('{')) && (text.includes('?') || FLOW_COLON.test(text))) || ANCHOR_BEFORE_INDICATOR.test(text) || (text.includes('\\') && ESCAPED_BREAK_BEFORE_EMPTY_LINE.test(text));
}

/** js-yaml's error on a text other than the original (rewritten, or kubectl's lines), placed in the original. */
function markedAt(error: YAMLException, toOriginal: (offset: number) => number): YAMLException {
  const mark = error.mark && { ...error.mark, position: toOriginal(error.mark.position) };
  return new (jsYaml().YAMLException)(error.reason, mark);
}

/** `base` maps the offsets of the text `rewritten` was rewritten from, when that is not the original either. */
function buildRewritten(rewritten: Rewritten, offset: number, limits: BuildLimits, base?: (offset: number) => number): BuiltDocument[] {
  const toOriginal = base ? (at: number) => base(rewritten.toOriginal(at)) : rewritten.toOriginal;
  const inFile = (at: number) => offset + (base ? base(at) : at);
  const events = jsYaml().parseEvents(rewritten.text, { maxDepth: limits.maxDepth });
  const documents = new Builder(rewritten.text, { offset, limits, toOriginal, goYamlProblemFound: rewritten.goYamlProblemFound }).run(events);
  const problems = rewritten.problems.map((problem) => ({ kind: 'decode' as const, message: problem.message, start: inFile(problem.start), end: inFile(problem.end) }));
  return documents.map((document, index) => (index === 0 && problems.length > 0 ? { ...document, problems: [...problems, ...document.problems] } : document));
}

interface Placement {
  /** Offset of the text in the file. */
  readonly offset: number;
  readonly limits: BuildLimits;
  /** Maps an offset in the parsed text to one in the original text, when they differ. */
  readonly toOriginal?: (offset: number) => number;
  /** The text is a JSON value kubectl decodes with encoding/json, not go-yaml. */
  readonly json?: boolean;
  /**
   * Whether the go-yaml port found a problem in the text this one was rewritten from, when it was asked: go-yaml stops
   * at its first error, so the rewritten text (a tab made a space) is not asked again.
   */
  readonly goYamlProblemFound?: boolean | undefined;
}

class Builder {
  readonly #text: string;
  readonly #offset: number;
  readonly #limits: BuildLimits;
  readonly #toOriginal: ((offset: number) => number) | undefined;
  readonly #isJson: boolean;
  /** Whether the go-yaml port found a problem in the text; undefined before it is asked. */
  #goYamlConsulted: boolean | undefined;
  #documents: BuiltDocument[] = [];
  #stack: Frame[] = [];
  #anchors = new Map<string, Anchored>();
  #spans = new Map<object, Map<string | number, EntrySpan>>();
  /** The Go-typed keys of each mapping closed that had a key that is no string, for a merge key (`<<`) to merge. */
  #keyTypesOf = new WeakMap<object, Map<string, TypedKey[]>>();
  #problems: BuildProblem[] = [];
  /** Created for the first non-finite number of a document. */
  #nonFinite: NonFiniteValues | undefined;
  #root: { value: unknown; start: number; end: number } | undefined;
  #expanded = 0;
  #aborted = false;

  constructor(text: string, placement: Placement) {
    this.#text = text;
    this.#offset = placement.offset;
    this.#limits = placement.limits;
    this.#toOriginal = placement.toOriginal;
    this.#isJson = placement.json ?? false;
    this.#goYamlConsulted = placement.goYamlProblemFound;
  }

  /** The file offset of an offset into the parsed text. */
  #at(position: number): number {
    return this.#offset + (this.#toOriginal && position >= 0 ? this.#toOriginal(position) : position);
  }

  run(events: readonly Event[]): BuiltDocument[] {
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT) this.#startDocument();
      else if (this.#aborted) this.#skip(event);
      else this.#handle(event);
    }
    return this.#documents;
  }

  #startDocument(): void {
    this.#stack = [];
    this.#anchors = new Map();
    this.#spans = new Map();
    this.#problems = [];
    this.#nonFinite = undefined;
    this.#root = undefined;
    this.#expanded = 0;
    this.#aborted = false;
  }

  #handle(event: Event): void {
    if (event.type !== EVENT_ID.POP && event.type !== EVENT_ID.DOCUMENT) this.#checkKeyLine(event);
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        this.#open(event.type === EVENT_ID.MAPPING ? {} : [], event, this.#anchorName(event));
        return;
      case EVENT_ID.SCALAR:
        this.#scalar(event);
        return;
      case EVENT_ID.ALIAS:
        this.#alias(event.anchorStart, event.anchorEnd);
        return;
      case EVENT_ID.POP:
        if (this.#stack.length === 0) this.#endDocument();
        else this.#close();
        return;
      default:
        return;
    }
  }

  /**
   * A key of a block mapping other than its first starts a line for go-yaml (after its indentation and a `? `): after
   * a node on the same line it is refused (`v:` then `- "x" b: 1` is go-yaml's 'did not find expected key'), where
   * js-yaml ends an indentless sequence's item there and reads the key into the mapping around it. The go-yaml port
   * words the problem.
   */
  #checkKeyLine(event: Exclude<Event, PopEvent | DocumentEvent>): void {
    const parent = this.#stack.at(-1);
    if (!parent?.block || Array.isArray(parent.value) || parent.key !== undefined || parent.size === 1) return;
    let start = event.type === EVENT_ID.SCALAR ? event.valueStart - (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0) : event.type === EVENT_ID.ALIAS ? event.anchorStart - 1 : event.start;
    if (event.type !== EVENT_ID.ALIAS) {
      if (event.tagStart >= 0 && (start < 0 || event.tagStart < start)) start = event.tagStart;
      if (event.anchorStart > 0 && (start < 0 || event.anchorStart - 1 < start)) start = event.anchorStart - 1;
    }
    if (start > 0 && !startsKeyLine(this.#text, start)) this.#consultGoYaml();
  }

  /** After an alias bomb is detected the document's remaining events only need their nesting tracked. */
  #skip(event: Event): void {
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) this.#stack.push(this.#frame([], 0, undefined));
    else if (event.type === EVENT_ID.POP) {
      if (this.#stack.length === 0) this.#endDocument();
      else this.#stack.pop();
    }
  }

  #frame(value: Record<string, unknown> | unknown[], start: number, anchor: string | undefined, block = false): Frame {
    return { value, entries: new Map(), start, end: start + 1, size: 1, anchor, block, key: undefined };
  }

  #open(value: Record<string, unknown> | unknown[], event: MappingEvent | SequenceEvent, anchor: string | undefined): void {
    const frame = this.#frame(value, this.#at(event.start), anchor, event.style === COLLECTION_STYLE.BLOCK);
    if (anchor !== undefined) this.#anchors.set(anchor, { value, size: 1, open: true });
    this.#stack.push(frame);
    this.#spans.set(value, frame.entries);
  }

  #close(): void {
    const frame = this.#stack.pop();
    if (!frame) return;
    // a node inside may have taken the name since: go-yaml's parser names a node as it starts (decode.go parser.anchor)
    if (frame.anchor !== undefined && this.#anchors.get(frame.anchor)?.value === frame.value) this.#anchors.set(frame.anchor, { value: frame.value, size: frame.size, open: false });
    if (frame.keyTypes) this.#keyTypesOf.set(frame.value, frame.keyTypes);
    // its values were counted as they were read: the collection itself is the one new value
    if (this.#count(1, frame.start, frame.end)) this.#attach(frame.value, frame.start, frame.end, frame.size);
  }

  #scalar(event: ScalarEvent): void {
    this.#checkScanner(event);
    const raw = jsYaml().getScalarValue(this.#text, event);
    const value = this.#resolve(raw, event);
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0;
    // the quotes are mapped too: a rewrite may have added them
    const [start, end] = event.valueStart < 0 ? this.#emptyNodeSpan(event) : [this.#at(event.valueStart - quoted), this.#at(event.valueEnd + quoted)];
    const anchor = this.#anchorName(event);
    const parent = this.#stack.at(-1);
    const nonFinite = typeof value === 'number' && !Number.isFinite(value) ? `json: unsupported value: ${goFloatName(value)} (kubectl cannot convert ${raw} to JSON)` : undefined;
    if (anchor !== undefined) this.#anchors.set(anchor, { value, size: 1, open: false, text: event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0 ? raw : undefined, nonFinite });
    if (parent && !Array.isArray(parent.value) && parent.key === undefined) {
      const isMerge = raw === '<<' && this.#isMergeKey(event);
      // upstream: sigs.k8s.io/yaml convertToJSONableObject refuses a null key, and a uint64 one (below)
      // an empty key (`: x`) is go-yaml's parser error (did not find expected key), placed by the port
      if (value === null && !(event.valueStart < 0 && this.#consultGoYaml())) {
        // an empty key without a tag or anchor (`? ` alone) has no text: the mapping's is its place
        const [from, to] = start === end && event.valueStart < 0 ? [parent.start, parent.start + 1] : [start, end];
        this.#decodeProblem('unsupported map key of type: <nil> (a JSON object key cannot be null)', from, to);
      }
      // a simple key is one line of at most 1024 characters, its `:` included, for go-yaml; js-yaml lets a flow key
      // span lines, or end one before its `:` (`{name\n: x}`). A key with a tag or anchor may follow another key's `:`
      // on its line (`a: !!str b: c`), where go-yaml's scanner starts no simple key (yaml_parser_fetch_value clears
      // simple_key_allowed) and js-yaml reads a nested mapping
      if (end - start > LONG_KEY || spansLines(this.#text, event.valueStart, event.valueEnd) || (event.valueStart >= 0 && endsLine(this.#text, event.valueEnd + quoted)) || hasProperties(event)) this.#consultGoYaml();
      const tag = event.tagStart >= 0 ? this.#text.slice(event.tagStart, event.tagEnd) : undefined;
      const type = keyType(value, raw, tag);
      if (type === 'uint64') this.#decodeProblem(UINT64_KEY_PROBLEM, start, end);
      parent.key = { name: keyString(value, raw, tag), type, start, end, isMerge };
      parent.end = Math.max(parent.end, end);
      return;
    }
    if (nonFinite !== undefined) this.#noteNonFinite(value as number, { message: nonFinite, start, end });
    // a JSON number YAML keeps as a string overflows float64: encoding/json's convertNumber refuses it (ParseFloat's ErrRange)
    if (this.#isJson && event.style === SCALAR_STYLE.PLAIN && typeof value === 'string') {
      this.#decodeProblem(`json: cannot unmarshal number ${raw} into Go value of type float64`, start, end);
    }
    if (this.#count(1, start, end)) this.#attach(value, start, end, 1);
  }

  /** An empty node (`items: !!str`) has no text of its own: it is placed at its tag and anchor, when it has them. */
  #emptyNodeSpan(event: ScalarEvent): [number, number] {
    const properties: [number, number][] = [];
    if (event.tagStart >= 0) properties.push([event.tagStart, event.tagEnd]);
    if (event.anchorStart >= 0) properties.push([event.anchorStart - 1, event.anchorEnd]);
    if (properties.length === 0) return [this.#at(event.valueStart), this.#at(event.valueEnd)];
    return [this.#at(minOf(properties.map(([start]) => start))), this.#at(maxOf(properties.map(([, end]) => end)))];
  }

  /**
   * Errors of go-yaml's scanner js-yaml does not see, found and worded by the go-yaml port, once per document where they
   * may be: a simple key is forgotten 1024 characters after its start (scannerc.go yaml_parser_stale_simple_keys); a
   * tab in a line's indentation in block context is not white space (mayHaveTabInIndentation); an empty key; tags and
   * anchor names go-yaml refuses (hasTagProblem, hasAnchorProblem). True when it found one.
   */
  #consultGoYaml(): boolean {
    if (this.#isJson) return false;
    if (this.#goYamlConsulted !== undefined) return this.#goYamlConsulted;
    const problem = goYamlProblem(this.#text);
    this.#goYamlConsulted = problem !== undefined;
    if (!problem) return false;
    const [start, end] = [this.#at(problem.offset), this.#at(problem.offset + 1)];
    // the rules js-yaml lacks that are checked on their own (scanner-rules.ts) may have found it already
    if (!this.#problems.some((known) => known.message === problem.message && known.start === start)) this.#decodeProblem(problem.message, start, end);
    return true;
  }

  /** go-yaml rejects a few scalars js-yaml reads: they are errors kubectl reports. */
  #checkScanner(event: ScalarEvent): void {
    if (this.#isJson) return;
    const problem =
      event.style === SCALAR_STYLE.DOUBLE_QUOTED ? invalidEscape(this.#text, event.valueStart, event.valueEnd)
      : event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK ? blockScalarTab(this.#text, { start: event.valueStart, end: event.valueEnd, indent: event.indent })
      : undefined;
    if (problem) this.#decodeProblem(problem.message, this.#at(problem.start), this.#at(problem.end));
  }

  /**
   * A `<<` key merges when it is plain and untagged, has the non-specific tag `!`, or is tagged !!merge (yq v4 writes
   * `!!merge <<: *version`). upstream: go-yaml v2 decode.go isMerge (implicit, or tag:yaml.org,2002:merge).
   */
  #isMergeKey(event: ScalarEvent): boolean {
    if (event.tagStart < 0) return event.style === SCALAR_STYLE.PLAIN;
    return MERGE_TAGS.has(this.#text.slice(event.tagStart, event.tagEnd));
  }

  #decodeProblem(message: string, start: number, end: number): void {
    this.#problems.push({ kind: 'decode', message, start, end });
  }

  #resolve(raw: string, event: ScalarEvent): unknown {
    if (this.#isJson) return event.style === SCALAR_STYLE.PLAIN ? resolvePlainScalar(raw) : jsonString(raw);
    if (event.tagStart < 0) return event.style === SCALAR_STYLE.PLAIN ? resolvePlainScalar(raw) : raw;
    const resolved = resolveTagged(this.#text.slice(event.tagStart, event.tagEnd), raw);
    if (!resolved.ok) {
      this.#decodeProblem(resolved.message, this.#at(event.tagStart), this.#at(event.valueEnd));
      return raw;
    }
    return resolved.value;
  }

  #alias(anchorStart: number, anchorEnd: number): void {
    const name = this.#text.slice(anchorStart, anchorEnd);
    const start = this.#at(anchorStart) - 1;
    const end = this.#at(anchorEnd);
    const target = this.#anchors.get(name);
    if (!target || target.open) {
      // go-yaml's words (decode.go parser.alias, decoder.alias): kubectl prints them, unless its scanner refused the
      // name already (`*!`)
      const message = target ? `anchor '${name}' value contains itself` : `unknown anchor '${name}' referenced`;
      if (!(hasAnchorProblem(this.#text) && this.#consultGoYaml())) this.#problems.push({ kind: 'alias', message, start, end });
      if (this.#count(1, start, end)) this.#attach(null, start, end, 1);
      return;
    }
    if (target.nonFinite !== undefined) this.#noteNonFinite(target.value as number, { message: target.nonFinite, start, end });
    // upstream: gopkg.in/yaml.v2 decode.go merge: an alias after `<<` must name a mapping; a list of mappings is merged
    // only when written in place (`<<: [*a, *b]`), not through an alias of it (`<<: *list`)
    const parent = this.#stack.at(-1);
    if (parent?.key?.isMerge && Array.isArray(target.value)) {
      this.#problems.push({ kind: 'alias', message: MERGE_ALIAS_PROBLEM, start, end });
      parent.key = undefined;
      return;
    }
    // an alias expands to a copy of every value of its target
    if (this.#count(target.size, start, end)) this.#attach(target.value, start, end, target.size, target.text);
  }

  /** A value (not a key) about to be attached: a document that holds it once decoded is refused (non-finite-values.ts). */
  #noteNonFinite(number: number, value: NonFiniteValue): void {
    const parent = this.#stack.at(-1);
    if (!parent) {
      this.#decodeProblem(value.message, value.start, value.end);
      return;
    }
    const key = Array.isArray(parent.value) ? parent.value.length : parent.key?.name;
    if (key !== undefined) (this.#nonFinite ??= new NonFiniteValues()).note(parent.value, key, number, value);
  }

  /** Counts values of the expanded document; false (and the document aborted) once they pass the limit. */
  #count(values: number, start: number, end: number): boolean {
    this.#expanded += values;
    if (this.#expanded <= this.#limits.maxExpandedNodes) return true;
    this.#abort(start, end);
    return false;
  }

  /** Places a value of `size` values in its parent collection (or as the document's root); `keyText` names an alias key. */
  #attach(value: unknown, start: number, end: number, size: number, keyText?: string): void {
    const parent = this.#stack.at(-1);
    if (!parent) {
      this.#root = { value, start, end };
      return;
    }
    parent.size += size;
    parent.end = Math.max(parent.end, end);
    if (Array.isArray(parent.value)) {
      parent.entries.set(parent.value.length, [-1, -1, start, end]);
      parent.value.push(value);
      return;
    }
    const key = parent.key;
    if (!key) {
      // a collection or alias used as a mapping key (`? [a, b]`): it is the key, not a value
      // upstream: gopkg.in/yaml.v2 decode.go mapping ("invalid map key") and sigs.k8s.io/yaml (no null keys)
      if (typeof value === 'object') this.#decodeProblem(`invalid map key: ${value === null ? 'null' : Array.isArray(value) ? 'a sequence' : 'a mapping'} cannot be a JSON object key`, start, end);
      const type = keyType(value, keyText);
      if (type === 'uint64') this.#decodeProblem(UINT64_KEY_PROBLEM, start, end);
      parent.key = { name: keyString(value, keyText), type, start, end, isMerge: false };
      return;
    }
    parent.key = undefined;
    if (key.isMerge) this.#merge(parent, value, [key.start, key.end, start, end]);
    else this.#set(parent, key.name, value, [key.start, key.end, start, end], key.type);
  }

  /** Sets `name`; a key of a Go type not set under that name before is no duplicate for go-yaml (the last one wins). */
  #set(parent: Frame, name: string, value: unknown, span: EntrySpan, type = 'string'): void {
    const map = parent.value as Record<string, unknown>;
    const keys = parent.keyTypes?.get(name);
    const set = Object.hasOwn(map, name) && parent.entries.has(name) && ((parent.entries.get(name)?.[0] ?? -1) >= 0 || parent.mergedOver?.has(name) === true);
    if (set && type !== NAN_KEY_TYPE && (keys ? keys.some((key) => key.type === type) : type === 'string')) {
      this.#problems.push({ kind: 'duplicate-key', message: `duplicate key "${name}"`, start: span[0], end: span[1] });
    }
    // a string key a merge key (<<) set is held too, though no duplicate
    if (keys || type !== 'string') this.#holdKeys(parent, name, [{ type, value }], keys ?? (Object.hasOwn(map, name) ? [{ type: 'string', value: map[name] }] : []), span);
    if (name === '__proto__') Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
    else map[name] = value;
    parent.entries.set(name, span);
  }

  /**
   * go-yaml's map holds `keys` (of Go types, see keyType) under `name` from now on: each replaces the held key of its
   * type (a NaN key equals none), and one whose value differs from a key left held is kubectl's random pick.
   */
  #holdKeys(parent: Frame, name: string, keys: readonly TypedKey[], held: readonly TypedKey[], span: EntrySpan, merged?: Set<string>): void {
    const left = held.filter((key) => key.type === NAN_KEY_TYPE || !keys.some((added) => added.type === key.type));
    for (const added of keys) {
      const rival = left.find((key) => !isDeepStrictEqual(key.value, added.value));
      // a merge key is reported once per name, however many of its mappings hold one
      if (!rival || merged?.has(name)) continue;
      merged?.add(name);
      this.#problems.push({ kind: 'ambiguous-key', message: ambiguousKeyMessage(name, [added.type, rival.type], merged !== undefined), start: span[0], end: span[1] });
      break;
    }
    (parent.keyTypes ??= new Map()).set(name, [...left, ...keys]);
  }

  /** `<<: *base` or `<<: [*a, *b]` (go-yaml v2 order: merged keys overwrite earlier ones, earlier maps win). */
  #merge(parent: Frame, value: unknown, span: EntrySpan): void {
    const sources = Array.isArray(value) ? [...value].reverse() : [value];
    const ambiguous = new Set<string>();
    for (const source of sources) {
      if (typeof source !== 'object' || source === null || Array.isArray(source)) {
        this.#problems.push({ kind: 'alias', message: MERGE_PROBLEM, start: span[0], end: span[1] });
        return;
      }
      const sourceKeys = this.#keyTypesOf.get(source);
      for (const [name, entry] of Object.entries(source)) {
        // the merged keys keep their Go types: 1 merged beside "1" is a second key of that JSON name
        const typed = sourceKeys?.get(name);
        const held = parent.keyTypes?.get(name);
        if (typed || held) this.#holdKeys(parent, name, typed ?? [{ type: 'string', value: entry }], held ?? (Object.hasOwn(parent.value, name) ? [{ type: 'string', value: (parent.value as Record<string, unknown>)[name] }] : []), span, ambiguous);
        if ((parent.entries.get(name)?.[0] ?? -1) >= 0) (parent.mergedOver ??= new Set()).add(name);
        (parent.value as Record<string, unknown>)[name] = entry;
        parent.entries.set(name, [-1, -1, span[2], span[3]]);
        if (this.#nonFinite && typeof entry === 'number') this.#nonFinite.copy(source, parent.value, name);
      }
    }
  }

  #abort(start: number, end: number): void {
    const limit = countText(this.#limits.maxExpandedNodes);
    this.#problems.push({ kind: 'too-large', message: `document has more than ${limit} values once aliases are expanded`, start, end });
    this.#aborted = true;
  }

  #endDocument(): void {
    if (mayHaveTabInIndentation(this.#text) || (this.#text.includes('!') && hasTagProblem(this.#text)) || hasAnchorProblem(this.#text)) this.#consultGoYaml();
    const root = this.#root;
    const value = this.#aborted ? null : (root?.value ?? null);
    for (const held of this.#nonFinite?.heldBy(value) ?? []) this.#decodeProblem(held.message, held.start, held.end);
    this.#documents.push({
      value,
      rootSpan: [root?.start ?? this.#offset, root?.end ?? this.#offset],
      spans: new ContainerSpans(value, this.#aborted ? new Map() : this.#spans),
      problems: this.#problems,
    });
    this.#startDocument();
  }

  #anchorName(event: { anchorStart: number; anchorEnd: number }): string | undefined {
    return event.anchorStart >= 0 ? this.#text.slice(event.anchorStart, event.anchorEnd) : undefined;
  }
}
