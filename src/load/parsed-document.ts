// A ManifestDocument backed by the spans recorded while building its values.
import type { BuiltDocument } from './build-values.js';
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';
import type { SourceText } from './source-text.js';

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
  readonly #source: SourceText;
  readonly #built: BuiltDocument;

  constructor(source: SourceText, index: number, built: BuiltDocument, extent?: DocumentExtent) {
    this.file = source.file;
    this.index = index;
    this.value = built.value;
    this.digest = built.digest;
    this.extent = extent;
    this.#source = source;
    this.#built = built;
  }

  get text(): string {
    return this.#source.text;
  }

  rangeOf(path: Path): SourceRange {
    const found = this.#built.spans.find(path);
    const [start, end] = found.span ? [found.span[2], found.span[3]] : this.#built.rootSpan;
    return this.#source.rangeOf(start, end);
  }

  keyRangeOf(path: Path): SourceRange {
    const found = this.#built.spans.find(path);
    if (!found.span) return this.rangeOf(path);
    const [keyStart, keyEnd, start, end] = found.span;
    return keyStart >= 0 && found.complete ? this.#source.rangeOf(keyStart, keyEnd) : this.#source.rangeOf(start, end);
  }

  /** Answered from the values alone, so asking does not make a lazily positioned document work out its spans. */
  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }
}
