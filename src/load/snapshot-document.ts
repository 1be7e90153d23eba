// Documents of a cluster snapshot as its objects keep them: the value and where the document was, not the file's text.
// The text of a 5,000-node snapshot is some 14 MB that would otherwise stay in memory to the end of the run (with the
// reader's objects per document) for positions that only the rare finding on a cluster object asks for: such a
// position is read again from the file, which is read once more for it.
import { statSync, type Stats } from 'node:fs';
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';
import { objectRefOf } from '../model/object.js';
import { readDocuments, type ParseLimits } from './parse-documents.js';
import { ParsedDocument } from './parsed-document.js';
import { readSourceFileSync } from './read-file.js';
import { SnapshotReading } from './snapshot-reading.js';

/** A snapshot file its documents can be read again from. */
export class SnapshotFile {
  readonly #file: string;
  readonly #path: string;
  readonly #limits: ParseLimits & { readonly maxFileSize: number };
  readonly #stats: Pick<Stats, 'size' | 'mtimeMs'>;
  #documents: readonly ParsedDocument[] | undefined;

  private constructor(file: string, path: string, limits: ParseLimits & { readonly maxFileSize: number }, stats: Stats) {
    this.#file = file;
    this.#path = path;
    this.#limits = limits;
    this.#stats = { size: stats.size, mtimeMs: stats.mtimeMs };
  }

  /**
   * The file `file` (named as the user gave it, at `path`) as it is now, when it can be read again: a regular file
   * (a pipe such as `--cluster <(kubectl get ...)` cannot).
   */
  static of(file: string, path: string, limits: ParseLimits & { readonly maxFileSize: number }): SnapshotFile | undefined {
    try {
      const stats = statSync(path);
      return stats.isFile() ? new SnapshotFile(file, path, limits, stats) : undefined;
    } catch {
      return undefined;
    }
  }

  get file(): string {
    return this.#file;
  }

  /** Document `index` read again, when the file still holds it (unchanged since it was read: same size and time). */
  document(index: number, value: unknown): ParsedDocument | undefined {
    const document = this.#read()[index];
    return document && sameObject(document.value, value) ? document : undefined;
  }

  #read(): readonly ParsedDocument[] {
    if (this.#documents) return this.#documents;
    const documents: ParsedDocument[] = [];
    this.#documents = documents;
    if (!this.#unchanged()) return documents;
    const read = readSourceFileSync(this.#file, this.#path, this.#limits.maxFileSize);
    if (!('source' in read)) return documents;
    for (const item of readDocuments(read.source, this.#limits, 'none', undefined, 'manifest', new SnapshotReading())) {
      if (item instanceof ParsedDocument) documents.push(item);
    }
    return documents;
  }

  #unchanged(): boolean {
    try {
      const now = statSync(this.#path);
      return now.size === this.#stats.size && now.mtimeMs === this.#stats.mtimeMs;
    } catch {
      return false;
    }
  }
}

/** The document's value again: the same object (kind, name, namespace) or the same kind of value. */
function sameObject(value: unknown, expected: unknown): boolean {
  if (!isRecord(value) || !isRecord(expected)) return typeof value === typeof expected;
  const [a, b] = [objectRefOf(value), objectRefOf(expected)];
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cluster snapshot's document: its value, and its positions read again from its file on request. */
export class SnapshotDocument implements ManifestDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  readonly digest = undefined;
  readonly #source: SnapshotFile;

  constructor(document: Pick<ManifestDocument, 'index' | 'value'>, source: SnapshotFile) {
    this.file = source.file;
    this.index = document.index;
    this.value = document.value;
    this.#source = source;
  }

  get text(): string {
    return this.#read()?.text ?? '';
  }

  mentions(ascii: string): boolean {
    return this.text.includes(ascii);
  }

  rangeOf(path: Path): SourceRange {
    return this.#read()?.rangeOf(path) ?? this.#unknown();
  }

  keyRangeOf(path: Path): SourceRange {
    return this.#read()?.keyRangeOf(path) ?? this.#unknown();
  }

  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }

  #read(): ParsedDocument | undefined {
    return this.#source.document(this.index, this.value);
  }

  /** The file's start, for a file that changed (or went) since it was read: its lines are no longer the document's. */
  #unknown(): SourceRange {
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  }
}
