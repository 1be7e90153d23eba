// kustomize's patch transformers (a kustomization's `patchesStrategicMerge`, `patches` and `patchesJson6902`): the
// objects `kustomize build` writes once its patches are applied (upstream: api/internal/builtins/
// PatchStrategicMergeTransformer.go, PatchTransformer.go, PatchJson6902Transformer.go; resource.ApplySmPatch;
// resmap.Select). A kubebuilder project's webhook port, added by config/default/manager_webhook_patch.yaml, is a port
// of the Deployment its Service targets; a patched image is the image that runs.
import type { Path, PositionIndex } from '../model/document.js';
import { groupOf } from '../model/kinds.js';
import { matchesSelector } from '../model/labels.js';
import { asArray, asRecord, asStringMap, objectRefOf, stringField } from '../model/object.js';
import { parseSelectorText } from '../model/selector-text.js';
import { applyJsonPatch, PATCH_FAILED } from './json-patch.js';
import { kustomizeRegExp } from './kustomize-regexp.js';
import { CLEARED, MERGE_FAILED, strategicMerge } from './strategic-merge.js';
import { DELETED_OBJECT } from './kustomized-document.js';
import { mergeSchemaOf } from './strategic-merge-schema.js';

type ObjectValue = Readonly<Record<string, unknown>>;

/** A patch document: its value, and its positions (where what it brings is reported). */
export interface PatchDocument {
  readonly value: unknown;
  readonly index: PositionIndex;
}

/** Where the patches' documents come from. */
export interface PatchSources {
  /** The documents of a patch file (a normalised path), or undefined when it is not among the inputs. */
  file(path: string): readonly PatchDocument[] | undefined;
  /** Whether the patch file (a normalised path) is a Helm template (a helmify patch), which no document stands for. */
  templated?(path: string): boolean;
  /**
   * The documents of a patch written in the file at `file` (`patch: |`), at `path` there: a kustomization, or a
   * transformer configuration among the patch files (the document whose value there is `text`).
   */
  inline(text: string, file: string, path: Path): readonly PatchDocument[];
}

/** One patch, applied to each object of the build it selects. */
export interface KustomizePatch {
  /** Equal for the same patch entry of the same kustomization (two builds through it agree). */
  readonly key: string;
  /**
   * The fields it writes, not the values: equal for two builds' patches that set the same fields of the same objects
   * each to its own value (an overlay per environment patching the image): see KustomizeTransform.writes.
   */
  readonly writes: string;
  /** `value` patched, or `value` itself when the patch does not select it or cannot apply; `original`: as its file has it. */
  apply(value: ObjectValue, original: ObjectValue): ObjectValue;
}

/** The patches of one kustomization, in the two places kustomize runs them: before its namespace transformer, and after its labels. */
export interface KustomizationPatches {
  /** `patchesStrategicMerge`, then `patches`. */
  readonly first: KustomizePatch[];
  /** `patchesJson6902`. */
  readonly afterLabels: KustomizePatch[];
  /** Some patch writes a template action: the build is a chart `helm template` renders later (helmify). */
  readonly templated: boolean;
}

/** A `target` (types.Selector): each field a regular expression of the whole value, the selectors as labels.Parse reads them. */
interface Selector {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly annotationSelector?: string;
}

/** The patches `kustomization` (the file at `file`, a normalised path joined as the kustomization's entries are) holds. */
export function kustomizationPatches(file: string, kustomization: ObjectValue, sources: PatchSources, resolve: (entry: string) => string): KustomizationPatches {
  let templated = false;
  const documentsOf = (entry: { path?: unknown; patch?: unknown }, at: Path): readonly PatchDocument[] | undefined => {
    if (typeof entry.patch === 'string' && entry.patch.trim() !== '') return sources.inline(entry.patch, file, at);
    if (typeof entry.path !== 'string' || entry.path === '') return undefined;
    templated ||= sources.templated?.(resolve(entry.path)) === true;
    return sources.file(resolve(entry.path));
  };
  const first: KustomizePatch[] = [];
  /** Adds `patch` unless it writes a template action (see KustomizationPatches.templated). */
  // (a patch's key is its content's JSON: the template action is looked for there, not in a second serialisation)
  const add = (patches: KustomizePatch[], patch: KustomizePatch | undefined): void => {
    if (patch && patch.key.includes('{{')) templated = true;
    else if (patch) patches.push(patch);
  };
  asArray(kustomization['patchesStrategicMerge']).forEach((entry, index) => {
    // an entry is a path, or a patch written inline when it has more than one line
    const documents = typeof entry === 'string' ? documentsOf(entry.includes('\n') ? { patch: entry } : { path: entry }, ['patchesStrategicMerge', index]) : undefined;
    for (const patch of documents ?? []) add(first, strategicMergePatch(patch, undefined, {}));
  });
  asArray(kustomization['patches']).forEach((entry, index) => {
    const record = asRecord(entry);
    const documents = record && documentsOf(record, ['patches', index, 'patch']);
    if (!record || !documents) return;
    const target = asRecord(record['target']);
    const options = asRecord(record['options']) ?? {};
    const [only] = documents;
    if (documents.length === 1 && only && Array.isArray(only.value)) {
      if (target) add(first, jsonPatch(only, target));
      return;
    }
    // several strategic-merge patches in one entry may not have a target (kustomize's error)
    if (target && documents.length > 1) return;
    for (const patch of documents) add(first, strategicMergePatch(patch, target, options));
  });
  const afterLabels: KustomizePatch[] = [];
  asArray(kustomization['patchesJson6902']).forEach((entry, index) => {
    const record = asRecord(entry);
    const target = asRecord(record?.['target']);
    const [operations, ...more] = (record && documentsOf(record, ['patchesJson6902', index, 'patch'])) ?? [];
    if (target && operations && Array.isArray(operations.value) && more.length === 0) add(afterLabels, jsonPatch(operations, target));
  });
  return { first, afterLabels, templated };
}

function strategicMergePatch(document: PatchDocument, target: ObjectValue | undefined, options: ObjectValue): KustomizePatch | undefined {
  const patch = asRecord(document.value);
  if (!patch) return undefined;
  const selects = target ? selectorOf(target) : (value: ObjectValue, original: ObjectValue) => isNamedBy(patch, value, original);
  // resource.ApplySmPatch: the kind and name stay unless the options allow a change; the namespace always stays
  const { name, namespace: _namespace, ...metadata } = asRecord(patch['metadata']) ?? {};
  const { kind, ...rest } = patch;
  const merged: ObjectValue = {
    ...rest,
    ...(options['allowKindChange'] === true && { kind }),
    ...(patch['metadata'] !== undefined && { metadata: { ...metadata, ...(options['allowNameChange'] === true && { name }) } }),
  };
  return {
    // equal patches of two builds (overlays that each patch the base alike) have the same effect
    key: `strategic merge patch ${JSON.stringify([patch, target ?? null, options])}`,
    writes: `strategic merge patch ${JSON.stringify([fieldsOf(patch), target ?? null, options])}`,
    apply(value, original) {
      if (!selects(value, original)) return value;
      const result = strategicMerge(value, merged, mergeSchemaOf(stringField(value, 'apiVersion'), stringField(value, 'kind')), document.index);
      return result === MERGE_FAILED ? value : result === CLEARED ? DELETED_OBJECT : result;
    },
  };
}

function jsonPatch(document: PatchDocument, target: ObjectValue): KustomizePatch {
  const selects = selectorOf(target);
  const operations = document.value as readonly unknown[];
  return {
    key: `json patch ${JSON.stringify([operations, target])}`,
    writes: `json patch ${JSON.stringify([operations.map((operation) => { const { value: _value, ...where } = asRecord(operation) ?? {}; return where; }), target])}`,
    apply(value, original) {
      if (!selects(value, original)) return value;
      const patched = applyJsonPatch(value, operations, { index: document.index, path: [] });
      return patched === PATCH_FAILED ? value : (asRecord(patched) ?? value);
    },
  };
}

/**
 * What a strategic-merge patch writes where, without the values: its keys, and the scalars that say which object or
 * list item it patches (names, merge keys such as a port's containerPort, directives) as they are; every other scalar
 * becomes null.
 */
function fieldsOf(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => fieldsOf(item));
  const record = asRecord(value);
  if (record) return Object.fromEntries(Object.entries(record).map(([name, entry]) => [name, fieldsOf(entry, name)]));
  return key !== undefined && (IDENTIFYING_KEYS.has(key) || key.startsWith('$')) ? value : null;
}

/** The keys whose scalar names what a patch applies to: the object's type and name, list items' merge keys. */
const IDENTIFYING_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'name', 'namespace', 'containerPort', 'port', 'mountPath', 'devicePath', 'ip', 'topologyKey']);

/** upstream: ResId.Equals of the patch's id and any id of the object (as its file has it, or now): group, version, kind, name, effective namespace. */
function isNamedBy(patch: ObjectValue, value: ObjectValue, original: ObjectValue): boolean {
  if (patch['apiVersion'] !== value['apiVersion'] || patch['kind'] !== value['kind']) return false;
  const name = asRecord(patch['metadata'])?.['name'];
  if (typeof name !== 'string') return false;
  // objectRefOf's namespace is ResId.EffectiveNamespace: "default" for none, "" for a cluster-scoped kind
  const { namespace } = objectRefOf(patch);
  return [original, value].some((candidate) => {
    const ref = objectRefOf(candidate);
    return ref.name === name && ref.namespace === namespace;
  });
}

/** resmap.Select: every field given matches (names and namespaces as the file has them, or now). */
export function selectorOf(target: ObjectValue): (value: ObjectValue, original: ObjectValue) => boolean {
  const selector = target as Selector;
  const group = anchored(selector.group);
  const version = anchored(selector.version);
  const kind = anchored(selector.kind);
  const name = anchored(selector.name);
  const namespace = anchored(selector.namespace);
  const labels = typeof selector.labelSelector === 'string' ? parseSelectorText(selector.labelSelector) : undefined;
  const annotations = typeof selector.annotationSelector === 'string' ? parseSelectorText(selector.annotationSelector) : undefined;
  const invalid = [group, version, kind, name, namespace].includes(null) || (selector.labelSelector !== undefined && !labels) || (selector.annotationSelector !== undefined && !annotations);
  if (invalid) return () => false;
  return (value, original) => {
    const ref = objectRefOf(value);
    const before = objectRefOf(original);
    const metadata = asRecord(value['metadata']);
    return (
      matches(group, groupOf(ref.apiVersion)) &&
      matches(version, ref.apiVersion.slice(ref.apiVersion.indexOf('/') + 1)) &&
      matches(kind, ref.kind) &&
      (matches(name, before.name) || matches(name, ref.name)) &&
      (matches(namespace, before.namespace) || matches(namespace, ref.namespace)) &&
      (!labels || matchesSelector(labels, asStringMap(metadata?.['labels']))) &&
      (!annotations || matchesSelector(annotations, asStringMap(metadata?.['annotations'])))
    );
  };
}

/** A selector field as a regular expression of the whole value; undefined: not given; null: not one kubefit runs. */
function anchored(pattern: unknown): RegExp | undefined | null {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  return kustomizeRegExp(pattern, (source) => `^(?:${source})$`) ?? null;
}

function matches(pattern: RegExp | undefined | null, value: string): boolean {
  return pattern === undefined || (pattern !== null && pattern.test(value));
}
