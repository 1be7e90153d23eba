// The values of large YAML documents (CustomResourceDefinitions: megabytes of openAPIV3Schema) kept between runs by
// content: JSON.parse of the value costs a fraction of reading the YAML. Positions are read from the YAML only when a
// finding or a kept object asks for one below the root.
import { createHash } from './deferred-builtins.js';
import { exactJson } from '../model/exact-json.js';
import type { Path } from '../model/document.js';
import type { BuildLimits, BuildProblem, BuiltDocument } from './build-values.js';
import { codeIdentity } from './code-identity.js';
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
  if (stored) return [{ ...fromEntry(stored, build, text, offset, limits), digest }];
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

function fromEntry(entry: Entry, build: BuildDocuments, text: string, offset: number, limits: BuildLimits): BuiltDocument {
  return {
    value: entry.value,
    rootSpan: [entry.rootSpan[0] + offset, entry.rootSpan[1] + offset],
    spans: new RootFirstSpans(() => build(text, offset, limits)[0]?.spans ?? NO_SPANS),
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
    const entry = JSON.parse(data.toString('utf8')) as Partial<Entry>;
    const [start, end] = entry.rootSpan ?? [];
    return typeof start === 'number' && typeof end === 'number' && Array.isArray(entry.problems) && 'value' in entry ? { value: entry.value, rootSpan: [start, end], problems: entry.problems } : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(store: CodeStore, key: string, entry: Entry): void {
  const json = exactJson(entry);
  if (json !== undefined) store.write(key, json);
}
