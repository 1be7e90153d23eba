// A document rules only read: the objects of --context files and those kustomize generators make.
import { valueHasPath, type ManifestDocument, type Path, type SourceRange } from '../model/document.js';

/** A neighbour keeps its values only: rules never report on it, so every position is the file's start. */
export class NeighbourDocument implements ManifestDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  readonly text = '';

  mentions(): boolean {
    return false;
  }

  constructor(file: string, index: number, value: unknown) {
    this.file = file;
    this.index = index;
    this.value = value;
  }

  rangeOf(): SourceRange {
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  keyRangeOf(): SourceRange {
    return this.rangeOf();
  }

  has(path: Path): boolean {
    return valueHasPath(this.value, path);
  }
}
