// A document as `kustomize build` writes it: the transformers of the kustomizations that include its file applied to
// its object (each item of a List). kubefit applies the ones whose output it checks: namespace, replicas, labels, images.
import type { ManifestDocument, Path, SourceRange } from '../model/document.js';
import { asRecord } from '../model/object.js';
import { derivedList, locate } from './value-origins.js';

/** One transformer of a kustomization. */
export interface KustomizeTransform {
  /** Equal for transformers with the same effect (two overlays that add the same labels). */
  readonly key: string;
  /** What the transformer sets outright (the namespace, a replica count): a later one that sets it too overrides this one. */
  readonly sets?: string;
  /**
   * What it writes (an image of a name; `sets` where that is given), for a file several builds reach: where each of
   * them writes it, to a value of its own, the file's own value is deployed by none, and the first build's transform
   * stands for them all (unless `whereBuildsDisagree` says otherwise).
   */
  readonly writes?: string;
  /**
   * For a file several builds set `sets` of to different values (a base deployed in two namespaces): what all of them
   * do (a binding's subjects that name no namespace get one), instead of the first build's transform.
   */
  readonly whereBuildsDisagree?: KustomizeTransform;
  /** `original`: the object as its file has it (a patch selects objects by their names there too). */
  apply(value: Readonly<Record<string, unknown>>, original: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>;
}

/** What a transform returns for an object the build drops (a strategic merge patch `$patch: delete`). */
export const DELETED_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The document with the transforms applied in order, the document itself when they change nothing or it is a patch
 * (`$patch`), or undefined when a transform deletes its object. A transformed document has no digest: what the caches
 * kept under its text's (a CRD's compiled schema, its verdicts) is the untransformed value's, and ECK's CRDs, patched
 * by kustomize to drop their podTemplate schemas, were validated against the schema their file holds.
 */
export function kustomizedDocument(document: ManifestDocument, transforms: readonly KustomizeTransform[]): ManifestDocument | undefined {
  const root = asRecord(document.value);
  if (!root || typeof root['$patch'] === 'string') return document;
  const kind = root['kind'];
  const items = typeof kind === 'string' && kind.endsWith('List') ? root['items'] : undefined;
  const value = Array.isArray(items) ? withItems(root, items, transforms) : transformed(root, transforms);
  if (value === DELETED_OBJECT) return undefined;
  return value === root ? document : new KustomizedDocument(document, value);
}

function transformed(value: Readonly<Record<string, unknown>>, transforms: readonly KustomizeTransform[]): Readonly<Record<string, unknown>> {
  let current = value;
  for (const transform of transforms) {
    current = transform.apply(current, value);
    if (current === DELETED_OBJECT) break;
  }
  return current;
}

function withItems(root: Readonly<Record<string, unknown>>, items: readonly unknown[], transforms: readonly KustomizeTransform[]): Readonly<Record<string, unknown>> {
  const next = mapItems(items, (item) => {
    const record = asRecord(item);
    return record ? transformed(record, transforms) : item;
  });
  if (next === items) return root;
  // the items a patch deletes leave the list; the others keep their positions in the file
  const kept = next.flatMap((item, index) => (item === DELETED_OBJECT ? [] : [index]));
  return { ...root, items: kept.length === next.length ? next : derivedList(kept.map((index) => next[index]), items, kept) };
}

/** `items` mapped, or `items` itself when `map` returned every item as it was (transforms copy only what changes). */
export function mapItems<T>(items: readonly T[], map: (item: T, index: number) => T): readonly T[] {
  let changed = false;
  const next = items.map((item, index) => {
    const value = map(item, index);
    changed ||= value !== item;
    return value;
  });
  return changed ? derivedList(next, items, next.map((_, index) => index)) : items;
}

/**
 * A document whose value is the transformed one; positions are the text's (what a transformer adds has none of its
 * own: its nearest ancestor's), or the patch's that wrote a value (value-origins.ts).
 */
class KustomizedDocument implements ManifestDocument {
  readonly #document: ManifestDocument;
  readonly value: unknown;

  constructor(document: ManifestDocument, value: unknown) {
    this.#document = document;
    this.value = value;
  }

  get file(): string {
    return this.#document.file;
  }

  get index(): number {
    return this.#document.index;
  }

  get text(): string {
    return this.#document.text;
  }

  mentions(ascii: string): boolean {
    return this.#document.mentions(ascii);
  }

  rangeOf(path: Path): SourceRange {
    const at = locate(this.value, path);
    return (at.source?.index ?? this.#document).rangeOf(at.path);
  }

  keyRangeOf(path: Path): SourceRange {
    const at = locate(this.value, path);
    return (at.source?.index ?? this.#document).keyRangeOf(at.path);
  }

  has(path: Path): boolean {
    const at = locate(this.value, path);
    return at.source ? at.source.index.has(at.path) : at.path.length === path.length && this.#document.has(at.path);
  }
}
