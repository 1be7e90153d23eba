// Objects kept after their document is dropped: the value stays, and the positions either stay in compact form or are
// read again from the text on demand.
import { detached } from '../model/detached.js';
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';
import { toKubeObject, type KubeObject } from '../model/object.js';
import { valueAt } from '../model/workload.js';
import { readDocumentAt, type ParseLimits } from './parse-documents.js';
import { keyRangeIn, rangeIn, ParsedDocument, type DocumentExtent, type KeptPositions, type Positioned } from './parsed-document.js';
import { SourceText } from './source-text.js';

/** The parts of a ManifestDocument a retained one keeps. */
type DocumentOrigin = Pick<ManifestDocument, 'file' | 'index' | 'value'>;

/** An object to keep until its file is read: where it sits in its document and the lists it goes into. */
class PendingObject {
  constructor(
    readonly basePath: Path,
    readonly order: number,
    readonly fromCluster: boolean,
    readonly lists: readonly KubeObject[][],
    /** The kind and apiVersion a List gave the item (not in the document's value), else undefined. */
    readonly listType: Pick<KubeObject['ref'], 'kind' | 'apiVersion'> | undefined,
    readonly aliases: readonly string[],
  ) {}
}

/**
 * What a document's objects need once their file is read (not the document: its spans go as soon as it is linted).
 * One small object per document and one per object: a large file's are all in memory until its end, and the garbage
 * collector moves them to the old generation before they go.
 */
class Pending implements DocumentOrigin {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  /** The document itself only when it cannot be read again from an extent. */
  readonly document: ManifestDocument | undefined;
  readonly extent: DocumentExtent | undefined;
  /** Its positions, when the fast reader read it: the document is then never read again. */
  readonly positions: KeptPositions | undefined;
  /** Most documents hold one object: an array literal of one has no room for more (push makes room for 17). */
  readonly objects: PendingObject[];

  constructor(document: ManifestDocument, first: PendingObject) {
    this.file = document.file;
    this.index = document.index;
    this.value = document.value;
    this.extent = document instanceof ParsedDocument ? document.extent : undefined;
    this.document = this.extent ? undefined : document;
    this.positions = document instanceof ParsedDocument ? document.keptPositions() : undefined;
    this.objects = [first];
  }
}

/**
 * Turns objects of a streamed file into objects that outlive it, with the same values, order and positions. When a
 * file is read, its retained objects go into their lists: if they make up most of the file they keep sharing its
 * text; otherwise each keeps a copy of its value and of its own document's text, so the rest of the file (large
 * CustomResourceDefinitions, say) is not held in memory. Either way the spans the fast reader recorded are kept in
 * compact form (about 10 bytes per key or item); those of other documents are dropped and rebuilt one document at a
 * time when a finding asks for a position. Retain a file's objects in input order, then call flush at the end.
 */
export class Retainer {
  readonly #limits: ParseLimits;
  #pending: Pending[] = [];
  #file: SourceText | undefined;
  #last: { document: RetainedDocument; parsed: ParsedDocument } | undefined;

  constructor(limits: ParseLimits) {
    this.#limits = limits;
  }

  /** Keeps the object; it goes into each of `lists` once its file is read (flush). */
  retain(object: KubeObject, ...lists: KubeObject[][]): void {
    const { document } = object;
    if (this.#file && (this.#file.file !== document.file || this.#file.text !== document.text)) this.flush();
    // the document's own source when it has one: its line index is then worked out once for the file
    this.#file ??= document instanceof ParsedDocument ? document.source : new SourceText(document.file, document.text);
    const listType = object.value === valueAt(document.value, object.basePath) ? undefined : { kind: object.ref.kind, apiVersion: object.ref.apiVersion };
    const pending = new PendingObject(object.basePath, object.order, object.fromCluster, lists, listType, object.aliases);
    const last = this.#pending[this.#pending.length - 1];
    if (last !== undefined && last.value === document.value) last.objects.push(pending);
    else this.#pending.push(new Pending(document, pending));
  }

  /** Hands the objects retained from the current file to their lists. */
  flush(): void {
    const file = this.#file;
    const pending = this.#pending;
    this.#file = undefined;
    this.#pending = [];
    if (!file) return;
    const kept = pending.reduce((sum, entry) => sum + (entry.extent ? entry.extent.end - entry.extent.start : file.text.length), 0);
    const copy = kept * 2 < file.text.length;
    for (const entry of pending) {
      const document = entry.document ?? new RetainedDocument(entry, this.#chunk(file, entry.extent, copy), { retainer: this, copy, json: entry.extent?.json ?? false, positions: entry.positions });
      for (const { basePath, order, fromCluster, lists, listType, aliases } of entry.objects) {
        const value = valueAt(document.value, basePath) as KubeObject['value'];
        const retained = toKubeObject({ value: listType ? { ...value, ...listType } : value, document, basePath, order, fromCluster, aliases });
        for (const list of lists) list.push(retained);
      }
    }
  }

  /** The document read again from its chunk; the last one is kept, as findings on one object come together. */
  parsed(document: RetainedDocument): ParsedDocument {
    if (this.#last?.document === document) return this.#last.parsed;
    const parsed = readDocumentAt(document.source, document.json, this.#limits);
    if (!parsed) throw new Error(`${document.file}: document ${document.index} does not read again`);
    this.#last = { document, parsed };
    return parsed;
  }

  #chunk(file: SourceText, extent: DocumentExtent | undefined, copy: boolean): SourceText {
    const { start, end } = extent ?? { start: 0, end: file.text.length };
    return copy ? new ChunkSource(file.file, detached(file.text.slice(start, end)), file.positionAt(start)) : new FileChunk(file, start, end);
  }
}

/** The text of one document that shares its file's text, positioned by the file's line index (no index of its own). */
class FileChunk extends SourceText {
  readonly #source: SourceText;
  readonly #start: number;

  constructor(source: SourceText, start: number, end: number) {
    super(source.file, source.text.slice(start, end));
    this.#source = source;
    this.#start = start;
  }

  override positionAt(offset: number): { line: number; column: number } {
    return this.#source.positionAt(this.#start + Math.max(0, Math.min(offset, this.text.length)));
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
  readonly #positions: Positioned | undefined;

  constructor(document: DocumentOrigin, source: SourceText, retained: { retainer: Retainer; copy: boolean; json: boolean; positions: KeptPositions | undefined }) {
    this.file = document.file;
    this.index = document.index;
    // a copy when the file's text is to go: the values read from a file are partly views of it (model/detached.ts)
    this.value = retained.copy ? structuredClone(document.value) : document.value;
    this.source = source;
    this.json = retained.json;
    this.#retainer = retained.retainer;
    const kept = retained.positions;
    this.#positions = kept && { spans: kept.spans.in(source.text), rootSpan: kept.rootSpan };
  }

  /** Only the document's own text: the file's is not kept (comment directives are read before the file is dropped). */
  get text(): string {
    return this.source.text;
  }

  mentions(ascii: string): boolean {
    return this.source.includes(ascii);
  }

  rangeOf(path: Path): SourceRange {
    return this.#positions ? rangeIn(this.source, this.#positions, path) : this.#retainer.parsed(this).rangeOf(path);
  }

  keyRangeOf(path: Path): SourceRange {
    return this.#positions ? keyRangeIn(this.source, this.#positions, path) : this.#retainer.parsed(this).keyRangeOf(path);
  }

  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }
}
