// One parsed YAML/JSON document: its plain value plus lazy access to source positions.

/** A path into a value: ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export type Path = readonly (string | number)[];

/** A 1-based source range; end is exclusive of the last character's column + 1, as editors expect. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where a document's values came from, resolvable to line and column on demand. */
export interface PositionIndex {
  /** Range of the value at `path`; the nearest existing ancestor when the path does not exist. */
  rangeOf(path: Path): SourceRange;
  /** Range of the mapping key whose value is at `path` (the value's range for sequence items and the root). */
  keyRangeOf(path: Path): SourceRange;
  /** True when the value at `path` exists in the source (not only an ancestor). */
  has(path: Path): boolean;
}

export interface ManifestDocument extends PositionIndex {
  /** The file as the user named it (`<stdin>` for standard input). */
  readonly file: string;
  /** Order of this document within its file, counting from 0. */
  readonly index: number;
  /** The decoded value, as the API server would decode it (YAML 1.1 scalars). */
  readonly value: unknown;
  /** The full text of the file the document came from (for comment directives). */
  readonly text: string;
  /** Whether `text` contains `ascii` (ASCII characters only); cheaper than `text` for a file whose text is not decoded yet. */
  mentions(ascii: string): boolean;
  /**
   * Identifies the value by content (the document's text and the code that read it) when it was read through the
   * document cache (large documents, see load/document-cache.ts); undefined otherwise.
   */
  readonly digest?: string | undefined;
}

/** True when `path` exists in `value` (not only an ancestor). */
export function valueHasPath(value: unknown, path: Path): boolean {
  let current: unknown = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= current.length) return false;
    } else if (typeof current !== 'object' || current === null || typeof segment !== 'string' || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

/** A JSON pointer (an ajv error's instancePath) as a path into `value`; a list's indexes become numbers. */
export function pointerPath(value: unknown, pointer: string): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) ? Number(segment) : segment;
    path.push(step);
    current = (current as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}

/** Renders a path kubectl-style: spec.template.spec.containers[0].image */
export function formatPath(path: Path): string {
  // joined, not concatenated: `+=` makes a tree of string pieces (about 400 bytes for a path of eight segments, kept
  // by every finding until the report is written), join one flat string
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') parts.push(`[${segment}]`);
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) parts.push(parts.length === 0 ? segment : `.${segment}`);
    else parts.push(`[${JSON.stringify(segment)}]`);
  }
  return parts.join('');
}
