// The values of large YAML documents (CustomResourceDefinitions: megabytes of openAPIV3Schema) kept between runs by
// content: JSON.parse of the value costs a fraction of reading the YAML. Positions are read from the YAML only when a
// finding or a kept object asks for one below the root. A large file that holds one such document is also known by
// its bytes, so that a warm run neither decodes nor hashes its text (a CRD file is read as bytes, looked up and used).
import { isAscii } from 'node:buffer';
import { createHash } from './deferred-builtins.js';
import { exactJson } from '../model/exact-json.js';
import type { Path, SourceRange } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { BuildLimits, BuildProblem, BuiltDocument } from './build-values.js';
import { codeIdentity } from './code-identity.js';
import { ParsedDocument } from './parsed-document.js';
import type { SourceText } from './source-text.js';
import { LazySpans, type FoundSpan, type SpanIndex } from './span-index.js';
import type { CodeStore } from './validator-cache-dir.js';

/** Builds the documents of one chunk of a file (buildDocuments' signature). */
export type BuildDocuments = (text: string, offset: number, limits: BuildLimits) => BuiltDocument[];

/** Smaller documents are read faster than their text is hashed and their cache entry read. */
export const MIN_CACHED_DOCUMENT = 64 * 1024;

/** Bumped when the entry's form or what the reader makes of a text changes without the code's file changing. */
const FORMAT = 'document-1';

/** An entry: the value and the offsets relative to the chunk's start. */
interface Entry {
  readonly value: unknown;
  readonly rootSpan: readonly [number, number];
  readonly problems: readonly BuildProblem[];
}

/**
 * `build` through `store` for a chunk of at least MIN_CACHED_DOCUMENT characters: the same value, root span and
 * problems, with spans read again from the text on the first request below the root, and the digest of the text
 * (ManifestDocument.digest). Only a chunk that builds one document whose value JSON carries exactly is kept; what
 * throws throws again (nothing is kept).
 */
export function buildThroughCache(store: CodeStore, build: BuildDocuments, text: string, offset: number, limits: BuildLimits): BuiltDocument[] {
  if (text.length < MIN_CACHED_DOCUMENT) return build(text, offset, limits);
  const digest = createHash('sha256').update(identity()).update(`\u0000${limits.maxDepth} ${limits.maxExpandedNodes}\u0000`).update(text).digest('hex');
  const stored = readEntry(store, `${digest}.json`);
  if (stored) return [{ ...fromEntry(stored, build, () => text, offset, limits), digest }];
  const built = build(text, offset, limits);
  const [only] = built;
  if (!only || built.length !== 1) return built;
  writeEntry(store, `${digest}.json`, toEntry(only, offset));
  return [{ ...only, digest }];
}

let identityOfCode: string | undefined;

function identity(): string {
  return (identityOfCode ??= `${FORMAT} ${codeIdentity(import.meta.url, ['js-yaml'])}`);
}

function toEntry(built: BuiltDocument, offset: number): Entry {
  return {
    value: built.value,
    rootSpan: [built.rootSpan[0] - offset, built.rootSpan[1] - offset],
    problems: built.problems.map((problem) => ({ ...problem, start: problem.start - offset, end: problem.end - offset })),
  };
}

/** `text`: the chunk's text, read only when a position below the root is asked for. */
function fromEntry(entry: Entry, build: BuildDocuments, text: () => string, offset: number, limits: BuildLimits): BuiltDocument {
  return {
    value: entry.value,
    rootSpan: [entry.rootSpan[0] + offset, entry.rootSpan[1] + offset],
    spans: new RootFirstSpans(() => build(text(), offset, limits)[0]?.spans ?? NO_SPANS),
    problems: entry.problems.map((problem) => ({ ...problem, start: problem.start + offset, end: problem.end + offset })),
  };
}

const NO_SPANS: SpanIndex = { find: () => ({ span: undefined, complete: false }) };

/** The root needs no span (its range is the root span): only a deeper path reads the text again. */
class RootFirstSpans implements SpanIndex {
  readonly #spans: LazySpans;

  constructor(read: () => SpanIndex) {
    this.#spans = new LazySpans(read);
  }

  find(path: Path): FoundSpan {
    return path.length === 0 ? { span: undefined, complete: true } : this.#spans.find(path);
  }
}

function readEntry(store: CodeStore, key: string): Entry | undefined {
  const data = store.read(key);
  if (data === undefined) return undefined;
  try {
    const entry = JSON.parse(data.toString(isAscii(data) ? 'latin1' : 'utf8')) as Partial<Entry>;
    const [start, end] = entry.rootSpan ?? [];
    return typeof start === 'number' && typeof end === 'number' && Array.isArray(entry.problems) && 'value' in entry ? { value: entry.value, rootSpan: [start, end], problems: entry.problems } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entry as ASCII JSON (other characters escaped): an ASCII text becomes a one-byte string without UTF-8 decoding,
 * which JSON.parse also reads faster (the entries of kube-prometheus's CRDs: about 15 ms less per warm run).
 */
function writeEntry(store: CodeStore, key: string, entry: Entry): void {
  const json = exactJson(entry);
  if (json !== undefined) store.write(key, json.replace(NOT_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const NOT_ASCII = /[\u0080-\uffff]/g;

/** What reading a file of one cached document gave: the document's chunk, and the findings before and after it. */
interface FileEntry {
  readonly chunk: { readonly start: number; readonly end: number; readonly json: boolean; readonly digest: string };
  /** Where the document starts and ends, which a warm run then knows without decoding the text. */
  readonly root: Omit<SourceRange, 'file'>;
  /** Findings without their file (the same bytes may be read under another name). */
  readonly before: readonly Omit<Finding, 'file'>[];
  readonly after: readonly Omit<Finding, 'file'>[];
}

/**
 * Names the bytes of a file (`json`: named *.json, which readDocuments reads differently) read under `limits`, when
 * they may be one cached document: at least MIN_CACHED_DOCUMENT bytes, not JSON, and no `---` after the first line
 * (a stream of documents is not hashed for an entry it would never get).
 */
export function fileDigestOf(limits: Readonly<Record<string, number>>, json: boolean): (bytes: Buffer) => string | undefined {
  const settings = `\u0000file ${json} ${Object.keys(limits).sort().map((key) => `${key}=${limits[key]}`).join(' ')}\u0000`;
  return (bytes) => {
    if (bytes.length < MIN_CACHED_DOCUMENT || JSON_START.test(bytes.toString('latin1', 0, 64)) || bytes.indexOf(SEPARATOR, bytes.indexOf(LF)) >= 0) return undefined;
    return createHash('sha256').update(identity()).update(settings).update(bytes).digest('hex');
  };
}

const JSON_START = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*[[{]/;
const SEPARATOR = '\n---';
const LF = 0x0a;

/**
 * `read()`'s documents and findings for `source`, a file whose bytes are `digest`: from `store` when an earlier run
 * read these bytes to one cached document (then the text is not decoded unless a position is asked for), else as
 * `read` yields them, kept for the next run when they are one cached document.
 */
export function* readFileThroughCache(store: CodeStore, source: SourceText, digest: string, build: BuildDocuments, limits: BuildLimits, read: () => Iterable<ParsedDocument | Finding>): Generator<ParsedDocument | Finding, void> {
  const stored = readFileEntry(store, `${digest}.file.json`);
  const chunk = stored && readEntry(store, `${stored.chunk.digest}.json`);
  if (stored && chunk) {
    const { start, end, json } = stored.chunk;
    for (const finding of stored.before) yield inFile(finding, source.file);
    const built = fromEntry(chunk, build, () => source.text.slice(start, end), start, limits);
    const { root } = stored;
    source.remember(built.rootSpan[0], { line: root.line, column: root.column });
    source.remember(built.rootSpan[1], { line: root.endLine, column: root.endColumn });
    yield new ParsedDocument(source, 0, { ...built, digest: stored.chunk.digest }, { start, end, json });
    for (const finding of stored.after) yield inFile(finding, source.file);
    return;
  }
  const before: Finding[] = [];
  const after: Finding[] = [];
  let documents = 0;
  let only: ParsedDocument | undefined;
  for (const item of read()) {
    if (item instanceof ParsedDocument) {
      documents++;
      only = item;
    } else (only ? after : before).push(item);
    yield item;
  }
  const extent = only?.extent;
  if (documents !== 1 || only?.digest === undefined || extent === undefined) return;
  const withoutFile = ({ file: _file, ...finding }: Finding) => finding;
  const { file: _file, ...root } = only.rangeOf([]);
  const entry: FileEntry = { chunk: { ...extent, digest: only.digest }, root, before: before.map(withoutFile), after: after.map(withoutFile) };
  store.write(`${digest}.file.json`, JSON.stringify(entry));
}

/** A stored finding of `file`, in the key order of every finding (the JSON report prints keys as they come). */
function inFile(finding: Omit<Finding, 'file'>, file: string): Finding {
  const { ruleId, severity, message, line, column, endLine, endColumn, object, path } = finding;
  return { ruleId, severity, message, file, line, column, endLine, endColumn, object, path };
}

function readFileEntry(store: CodeStore, key: string): FileEntry | undefined {
  const data = store.read(key);
  if (data === undefined) return undefined;
  try {
    const entry = JSON.parse(data.toString('utf8')) as Partial<FileEntry>;
    const chunk = entry.chunk;
    const complete = typeof chunk?.digest === 'string' && typeof chunk.start === 'number' && typeof chunk.end === 'number' && typeof entry.root?.endLine === 'number';
    return complete && Array.isArray(entry.before) && Array.isArray(entry.after) ? (entry as FileEntry) : undefined;
  } catch {
    return undefined;
  }
}
