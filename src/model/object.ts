// A Kubernetes object from the inputs (List items flattened), with positions relative to the object.
import type { ManifestDocument, Path, SourceRange } from './document.js';
import type { ObjectRef } from './object-ref.js';
import { detached } from './detached.js';
import { isClusterScoped } from './kinds.js';

export interface KubeObject {
  readonly ref: ObjectRef;
  readonly value: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly document: ManifestDocument;
  /** Where the object sits inside its document: [] or ['items', i] for List items. */
  readonly basePath: Path;
  /** Position of the object in the whole input, for stable input-order processing. */
  readonly order: number;
  /** True for objects that came from --cluster snapshots (not linted, not schema-checked). */
  readonly fromCluster: boolean;
  /**
   * The names the kustomize builds that reach its file give it besides ref.name (namePrefix, nameSuffix): a reference
   * may use any of them. Findings name the object as written.
   */
  readonly aliases: readonly string[];
  rangeOf(path: Path): SourceRange;
  keyRangeOf(path: Path): SourceRange;
  has(path: Path): boolean;
}

export interface KubeObjectInit {
  readonly value: Readonly<Record<string, unknown>>;
  readonly document: ManifestDocument;
  readonly basePath: Path;
  readonly order: number;
  readonly fromCluster: boolean;
  /** See KubeObject.aliases (none when absent). */
  readonly aliases?: readonly string[];
}

const NO_ALIASES: readonly string[] = Object.freeze([]);

export function toKubeObject(init: KubeObjectInit): KubeObject {
  return new InputObject(init);
}

/**
 * One class, no closures per object: 50,000 objects share one shape and three methods. Its fields are assigned one by
 * one: `Object.assign(this, init)` took V8's generic path for each.
 */
class InputObject implements KubeObject {
  readonly value: Readonly<Record<string, unknown>>;
  readonly document: ManifestDocument;
  readonly basePath: Path;
  readonly order: number;
  readonly fromCluster: boolean;
  readonly ref: ObjectRef;
  readonly file: string;
  readonly aliases: readonly string[];

  constructor(init: KubeObjectInit) {
    this.value = init.value;
    this.document = init.document;
    this.basePath = init.basePath;
    this.order = init.order;
    this.fromCluster = init.fromCluster;
    this.ref = objectRefOf(init.value);
    this.file = init.document.file;
    this.aliases = init.aliases ?? NO_ALIASES;
  }

  rangeOf(path: Path): SourceRange {
    return this.document.rangeOf(this.#at(path));
  }

  keyRangeOf(path: Path): SourceRange {
    return this.document.keyRangeOf(this.#at(path));
  }

  has(path: Path): boolean {
    return this.document.has(this.#at(path));
  }

  #at(path: Path): Path {
    return this.basePath.length === 0 ? path : [...this.basePath, ...path];
  }
}

export function objectRefOf(value: Readonly<Record<string, unknown>>): ObjectRef {
  const apiVersion = typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '';
  const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
  const metadata = asRecord(value['metadata']);
  const name = typeof metadata?.['name'] === 'string' ? metadata['name'] : '';
  const declared = typeof metadata?.['namespace'] === 'string' ? metadata['namespace'] : '';
  const namespace = isClusterScoped(apiVersion, kind) ? '' : declared || 'default';
  // findings carry the ref long after the file is read: its strings must not hold the file's text
  return { apiVersion: detached(apiVersion), kind: detached(kind), namespace: detached(namespace), name: detached(name) };
}

/** Whether the object is known by `name`: the name it is written with or one a kustomize build gives it. */
export function isKnownAs(object: KubeObject, name: string): boolean {
  return object.ref.name === name || object.aliases.includes(name);
}

/** Narrows an unknown value to a plain mapping, or undefined. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Narrows an unknown value to an array, or an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A string-to-string map (labels, annotations, nodeSelector); non-string values are dropped. A record of strings only
 * (nearly every one) is returned as it is, not copied: a cluster snapshot has tens of thousands of label maps.
 */
export function asStringMap(value: unknown): Readonly<Record<string, string>> {
  const record = asRecord(value);
  if (!record) return {};
  if (isStringMap(record)) return record;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record)) if (typeof entry === 'string') out[key] = entry;
  return out;
}

/** Whether every value is a string (and no key would set the prototype of a copy instead of a property). */
function isStringMap(record: Readonly<Record<string, unknown>>): record is Readonly<Record<string, string>> {
  for (const key in record) if (typeof record[key] !== 'string' || key === '__proto__') return false;
  return true;
}

/** The string at `key` of a record, or `fallback` when it is absent or not a string. */
export function stringField(record: Readonly<Record<string, unknown>> | undefined, key: string, fallback = ''): string {
  const value = record?.[key];
  return typeof value === 'string' ? value : fallback;
}

/**
 * The owner reference of an object's metadata with `controller: true` (the first, as metav1.GetControllerOf takes it),
 * or undefined.
 */
export function controllerReference(metadata: unknown): Readonly<Record<string, unknown>> | undefined {
  return asArray(asRecord(metadata)?.['ownerReferences']).map(asRecord).find((reference) => reference?.['controller'] === true);
}
