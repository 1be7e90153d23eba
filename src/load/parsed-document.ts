// A ManifestDocument backed by the spans recorded while building its values.
import type { BuiltDocument } from './build-values.js';
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';
import type { SourceText } from './source-text.js';
import { FlatSpans, type KeptSpans, type SpanIndex } from './span-index.js';

/** Where readDocuments found a document: its chunk of the (comment-blanked) text, and whether it read the file as JSON. */
export interface DocumentExtent {
  readonly start: number;
  readonly end: number;
  readonly json: boolean;
}

export class ParsedDocument implements ManifestDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  readonly digest: string | undefined;
  /** The chunk it was read from (see readDocumentAt), when read by readDocuments. */
  readonly extent: DocumentExtent | undefined;
  /** The file's text it was read from (the whole file, with its line index). */
  readonly source: SourceText;
  readonly #built: BuiltDocument;

  constructor(source: SourceText, index: number, built: BuiltDocument, extent?: DocumentExtent) {
    this.file = source.file;
    this.index = index;
    this.value = built.value;
    this.digest = built.digest;
    this.extent = extent;
    this.source = source;
    this.#built = built;
  }

  get text(): string {
    return this.source.text;
  }

  mentions(ascii: string): boolean {
    return this.source.includes(ascii);
  }

  rangeOf(path: Path): SourceRange {
    return rangeIn(this.source, this.#built, path);
  }

  keyRangeOf(path: Path): SourceRange {
    return keyRangeIn(this.source, this.#built, path);
  }

  /**
   * Its positions relative to its extent, compact enough to outlive the document (see FlatSpans.keptIn); undefined
   * unless the fast reader read it with positions.
   */
  keptPositions(): KeptPositions | undefined {
    const { spans, rootSpan } = this.#built;
    const extent = this.extent;
    if (!extent || !(spans instanceof FlatSpans)) return undefined;
    return { spans: spans.keptIn(this.source.text, extent.start, extent.end), rootSpan: [rootSpan[0] - extent.start, rootSpan[1] - extent.start] };
  }

  /** Answered from the values alone, so asking does not make a lazily positioned document work out its spans. */
  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }
}

/** What ParsedDocument.keptPositions keeps: spans and the root's span as offsets into the document's own text. */
export interface KeptPositions {
  readonly spans: KeptSpans;
  readonly rootSpan: readonly [number, number];
}

/** The spans and root span ranges are looked up in. */
export interface Positioned {
  readonly spans: SpanIndex;
  readonly rootSpan: readonly [number, number];
}

/**
 * The range of the value at `path` (of its nearest ancestor when absent; the whole document for the root). An empty
 * node (`- ` or `key:` with nothing after it) has no text of its own and is placed just before the document: its key's
 * range stands for it, or for a list item its list's.
 */
export function rangeIn(source: SourceText, positioned: Positioned, path: Path): SourceRange {
  const found = positioned.spans.find(path);
  if (!found.span) return source.rangeOf(positioned.rootSpan[0], positioned.rootSpan[1]);
  const [keyStart, keyEnd, start, end] = found.span;
  if (start >= positioned.rootSpan[0] || path.length === 0) return source.rangeOf(start, end);
  return keyStart >= 0 && found.complete ? source.rangeOf(keyStart, keyEnd) : rangeIn(source, positioned, path.slice(0, -1));
}

/** The range of the key at `path`: the value's range for sequence items and absent paths. */
export function keyRangeIn(source: SourceText, positioned: Positioned, path: Path): SourceRange {
  const found = positioned.spans.find(path);
  if (!found.span) return rangeIn(source, positioned, path);
  const [keyStart, keyEnd] = found.span;
  // a sequence item's (or an unspelt key's) range is its value's, an empty item's included (placed by rangeIn)
  return keyStart >= 0 && found.complete ? source.rangeOf(keyStart, keyEnd) : rangeIn(source, positioned, path);
}
