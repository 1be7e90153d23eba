// Objects kept after their document is dropped: the value stays, the positions are read again from the text on demand.
import { detached } from '../model/detached.js';
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';
import { toKubeObject, type KubeObject } from '../model/object.js';
import { valueAt } from '../model/workload.js';
import { extentOf, readDocumentAt, type ParseLimits } from './parse-documents.js';
import { ParsedDocument } from './parsed-document.js';
import { SourceText } from './source-text.js';

/**
 * Turns objects of a streamed document into objects that outlive it: same value, order and positions, but of the
 * file only the document's own text is kept, and its spans are rebuilt (one document at a time) when a finding asks
 * for a position.
 */
export class Retainer {
  readonly #limits: ParseLimits;
  readonly #documents = new WeakMap<ManifestDocument, ManifestDocument>();
  #last: { document: RetainedDocument; parsed: ParsedDocument } | undefined;
  /** The file being streamed (its line table serves every document retained from it). */
  #file: SourceText | undefined;

  constructor(limits: ParseLimits) {
    this.#limits = limits;
  }

  retain(object: KubeObject): KubeObject {
    let document = this.#documents.get(object.document);
    if (!document) this.#documents.set(object.document, (document = this.#retained(object.document)));
    const value = valueAt(document.value, object.basePath) as KubeObject['value'];
    return toKubeObject({ value, document, basePath: object.basePath, order: object.order, fromCluster: object.fromCluster });
  }

  /** The document read again from its chunk; the last one is kept, as findings on one object come together. */
  parsed(document: RetainedDocument): ParsedDocument {
    if (this.#last?.document === document) return this.#last.parsed;
    const parsed = readDocumentAt(document.source, document.json, this.#limits);
    if (!parsed) throw new Error(`${document.file}: document ${document.index} does not read again`);
    this.#last = { document, parsed };
    return parsed;
  }

  #retained(document: ManifestDocument): ManifestDocument {
    const extent = document instanceof ParsedDocument ? extentOf(document) : undefined;
    if (!extent) return document;
    if (this.#file?.file !== document.file || this.#file.text !== document.text) this.#file = new SourceText(document.file, document.text);
    const whole = this.#file;
    const source = new ChunkSource(document.file, detached(document.text.slice(extent.start, extent.end)), whole.positionAt(extent.start));
    return new RetainedDocument(document, source, extent.json, this);
  }
}

/** The text of one document, positioned where it was in its file (line and column of its first character). */
class ChunkSource extends SourceText {
  readonly #at: { line: number; column: number };

  constructor(file: string, text: string, at: { line: number; column: number }) {
    super(file, text);
    this.#at = at;
  }

  override positionAt(offset: number): { line: number; column: number } {
    const { line, column } = super.positionAt(offset);
    return line === 1 ? { line: this.#at.line, column: this.#at.column + column - 1 } : { line: this.#at.line + line - 1, column };
  }
}

/** A document whose file is gone: its value (a copy, see model/detached.ts) and what it takes to read it again. */
class RetainedDocument implements ManifestDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  readonly source: SourceText;
  readonly json: boolean;
  readonly #retainer: Retainer;

  constructor(document: ManifestDocument, source: SourceText, json: boolean, retainer: Retainer) {
    this.file = document.file;
    this.index = document.index;
    // a copy: the values read from a file are partly views of its text
    this.value = structuredClone(document.value);
    this.source = source;
    this.json = json;
    this.#retainer = retainer;
  }

  /** Only the document's own text: the file's is not kept (comment directives are read before the file is dropped). */
  get text(): string {
    return this.source.text;
  }

  rangeOf(path: Path): SourceRange {
    return this.#retainer.parsed(this).rangeOf(path);
  }

  keyRangeOf(path: Path): SourceRange {
    return this.#retainer.parsed(this).keyRangeOf(path);
  }

  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }
}
