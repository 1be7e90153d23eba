// Documents → Kubernetes objects: every document with a top-level `items` (`kind: List`, a `*List`, any kind) flattened
// as kubectl's decoder and resource builder flatten it, non-Kubernetes documents reported.
import { builtNames, type NameAffix } from '../model/built-names.js';
import { componentConfigurationNote } from '../model/component-configuration.js';
import type { Finding } from '../model/finding.js';
import { asRecord, toKubeObject, type KubeObject } from '../model/object.js';
import type { ManifestDocument, Path } from '../model/document.js';
import { groupOf, groupVersionError } from '../model/kinds.js';
import { LOAD_CHECKS } from './load-checks.js';

export interface ObjectsOfDocument {
  readonly objects: KubeObject[];
  readonly findings: Finding[];
}

/** The base path of a document's own object, shared by all of them. */
const ROOT: Path = Object.freeze([]);

/** Where a document's objects go: their order and origin, and what the builds that reach its file name them. */
export interface ObjectsAt {
  /** Order number of the document's first object. */
  readonly firstOrder: number;
  readonly fromCluster: boolean;
  /** The document the objects keep (one that holds less of the file, say); the one read when absent. */
  readonly kept?: ManifestDocument | undefined;
  /** The namePrefix/nameSuffix pairs of the kustomize builds that reach the file (KubeObject.aliases). */
  readonly nameAffixes?: readonly NameAffix[] | undefined;
}

/** The objects of `document`. */
export function objectsOf(document: ManifestDocument, at: ObjectsAt): ObjectsOfDocument {
  const out: ObjectsOfDocument = { objects: [], findings: [] };
  if (document.value === null || document.value === undefined) return out;
  const { firstOrder, fromCluster, kept = document, nameAffixes } = at;
  collect(document, document.value, ROOT, { out, kept, firstOrder, fromCluster, nameAffixes });
  return out;
}

interface Walk {
  readonly out: ObjectsOfDocument;
  readonly kept: ManifestDocument;
  readonly firstOrder: number;
  readonly fromCluster: boolean;
  readonly nameAffixes: readonly NameAffix[] | undefined;
  /** The kind and apiVersion a List gives its items that have neither (undefined outside a List). */
  readonly itemType?: { readonly kind: string; readonly apiVersion: string };
}

/** Whether a value is read as an object (or a List of them): a mapping with an apiVersion and a kind. */
export function hasTypeMeta(record: Readonly<Record<string, unknown>> | undefined): record is Readonly<Record<string, unknown>> & { readonly kind: string; readonly apiVersion: string } {
  const kind = record?.['kind'];
  return record !== undefined && typeof kind === 'string' && typeof record['apiVersion'] === 'string' && kind !== '';
}

function collect(document: ManifestDocument, value: unknown, basePath: Path, walk: Walk): void {
  const record = withListType(asRecord(value), walk.itemType);
  if (!hasTypeMeta(record)) {
    walk.out.findings.push(notKubernetes(document, basePath, record, value));
    return;
  }
  // kubectl's getObjectKind (pkg/validation) reads the apiVersion with schema.ParseGroupVersion before anything else
  const unreadVersion = groupVersionError(record.apiVersion);
  if (unreadVersion !== undefined) {
    walk.out.findings.push(typeMetaError(document, [...basePath, 'apiVersion'], unreadVersion));
    return;
  }
  // upstream: apimachinery unstructured helpers.go unstructuredJSONScheme.decode: a document whose `items` is present
  // (null included) is an UnstructuredList whatever its kind; the object itself is not applied, only its items
  if (walk.itemType === undefined && Object.hasOwn(record, 'items')) {
    // an item's kind is strings.TrimSuffix(kind, "List"): a PodList's items are Pods ('' for a List's, Foo for a Foo's)
    const isListKind = record.kind.endsWith('List');
    const kind = isListKind ? record.kind.slice(0, -'List'.length) : record.kind;
    const findings = walk.out.findings.length;
    collectItems(document, record['items'], [...basePath, 'items'], { ...walk, itemType: { kind, apiVersion: record.apiVersion } });
    if (!isListKind && walk.out.findings.slice(findings).every((finding) => finding.ruleId !== LOAD_CHECKS.yamlSyntax.id)) {
      walk.out.findings.push(readAsList(document, [...basePath, 'items'], record.kind));
    }
    return;
  }
  const aliases = walk.nameAffixes && builtNames(record, walk.nameAffixes);
  walk.out.objects.push(
    toKubeObject({ value: record, document: walk.kept, basePath, order: walk.firstOrder + walk.out.objects.length, fromCluster: walk.fromCluster, aliases }),
  );
}

/**
 * A List's items as kubectl decodes them: all of them, or none and the decoding error when `items` is not an array or an
 * item is not an object (`null` is an empty List; a null item goes on to be reported as not Kubernetes).
 */
// upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers.go decodeToList
function collectItems(document: ManifestDocument, items: unknown, path: Path, walk: Walk): void {
  if (items === null) return;
  if (!Array.isArray(items)) {
    walk.out.findings.push(decodeError(document, path, `json: cannot unmarshal ${jsonType(items)} into Go struct field decodeList.items of type []json.RawMessage`));
    return;
  }
  const scalar = items.findIndex((item) => item !== null && (typeof item !== 'object' || Array.isArray(item)));
  if (scalar >= 0) {
    walk.out.findings.push(decodeError(document, [...path, scalar], `json: cannot unmarshal ${jsonType(items[scalar])} into Go value of type map[string]interface {}`));
    return;
  }
  const nested = items.findIndex((item) => Array.isArray(asRecord(item)?.['items']));
  if (nested >= 0) {
    walk.out.findings.push(nestedListError(document, [...path, nested]));
    return;
  }
  items.forEach((item, index) => collect(document, item, [...path, index], walk));
}

/**
 * An item of a typed List as the API server returns it (`kubectl get --raw /api/v1/nodes`: no kind or apiVersion on
 * the items) gets the List's, as kubectl's decoder sets them: only when the item has neither as a non-empty string.
 */
// upstream: apimachinery pkg/apis/meta/v1/unstructured/unstructured.go decodeToList ("This is hacky. Set the item's Kind and APIVersion ...")
function withListType(
  record: Readonly<Record<string, unknown>> | undefined,
  itemType: Walk['itemType'],
): Readonly<Record<string, unknown>> | undefined {
  if (!record || !itemType || typeMetaField(record, 'kind') || typeMetaField(record, 'apiVersion')) return record;
  return { ...record, kind: itemType.kind, apiVersion: itemType.apiVersion };
}

/** Whether Unstructured's GetKind/GetAPIVersion would read a non-empty string. */
function typeMetaField(record: Readonly<Record<string, unknown>>, field: 'kind' | 'apiVersion'): boolean {
  const value = record[field];
  return typeof value === 'string' && value !== '';
}

/** The JSON type encoding/json names in an UnmarshalTypeError. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'string' ? 'string' : 'number';
}

/**
 * A List that holds a List: kubectl's FlattenListVisitor finds the item is a list (Unstructured.IsList: its `items` is
 * an array) but meta.ExtractList cannot read an Unstructured's items (it looks for a Go field named Items), so the
 * whole List fails before any of its items is visited.
 */
// upstream: cli-runtime pkg/resource/visitor.go FlattenListVisitor.Visit; apimachinery pkg/api/meta/help.go getItemsPtr
function nestedListError(document: ManifestDocument, path: Path): Finding {
  return listError(document, path, '*unstructured.Unstructured is not a list: no Items field in this object (kubectl cannot flatten a List nested in a List, so none of its items is applied)');
}

function decodeError(document: ManifestDocument, path: Path, error: string): Finding {
  return listError(document, path, `${error} (kubectl cannot decode this List)`);
}

/** A List kubectl fails whole, at `path`. */
function listError(document: ManifestDocument, path: Path, message: string): Finding {
  const check = LOAD_CHECKS.yamlSyntax;
  return { ruleId: check.id, severity: check.severity, message, ...document.rangeOf(path), object: null, path: null };
}

/** Whether `value` is a list of JSON patch operations (RFC 6902: each a mapping with `op` and `path`), as kustomize reads one. */
function isJsonPatch(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof asRecord(item)?.['op'] === 'string' && typeof asRecord(item)?.['path'] === 'string');
}

/**
 * A document kubectl does not read as an object: an error where it is one but for its apiVersion or kind (it has
 * metadata and the other field: kubectl's "error validating data: apiVersion not set"), an info otherwise.
 */
function notKubernetes(document: ManifestDocument, path: Path, record: Readonly<Record<string, unknown>> | undefined, value: unknown): Finding {
  const missingFields = record ? ['apiVersion', 'kind'].filter((field) => typeof record[field] !== 'string' || record[field] === '') : [];
  const [only] = missingFields;
  if (record && only && missingFields.length === 1 && asRecord(record['metadata'])) {
    // upstream: kubectl pkg/validation getObjectKind's words
    const value = record[only];
    const problem = value === undefined || value === null || value === '' ? 'not set' : "isn't string type";
    // `apiversion:` (a file a program reads through Go's case-insensitive JSON decoding) is no apiVersion to kubectl
    const cased = value === undefined ? Object.keys(record).find((key) => key !== only && key.toLowerCase() === only.toLowerCase()) : undefined;
    const toolFile = cased === undefined ? undefined : configurationFileNote({ ...record, [only]: record[cased] });
    if (toolFile !== undefined) return skipped(document, path, toolFile);
    const note = cased === undefined ? '' : ` (the key is written "${cased}"; kubectl reads keys by their exact case)`;
    return typeMetaError(document, path, `${only} ${problem}${note}`);
  }
  const missing = !record ? 'is not a mapping' : missingFields.join(' and ');
  return skipped(document, path, isJsonPatch(value) ? 'document is a JSON patch (a list of operations), not an object; skipped' : record ? `document has no ${missing}; skipped` : `document ${missing}; skipped`);
}

/** kubectl's refusal of an object whose apiVersion or kind it cannot read (`problem`: getObjectKind's words), at `path`. */
function typeMetaError(document: ManifestDocument, path: Path, problem: string): Finding {
  const check = LOAD_CHECKS.typeMetaMissing;
  return { ruleId: check.id, severity: check.severity, message: `${problem}: kubectl rejects the document`, ...document.rangeOf(path), object: null, path: null };
}

/** An object of a kind not named *List that kubectl reads as a List all the same (its `items` key at `path`). */
function readAsList(document: ManifestDocument, path: Path, kind: string): Finding {
  const message = `${kind} has a top-level items, so kubectl reads it as a List: it applies the items, not the ${kind} itself; skipped`;
  return skipped(document, path, message, document.keyRangeOf(path));
}

function skipped(document: ManifestDocument, path: Path, message: string, range = document.rangeOf(path)): Finding {
  const check = LOAD_CHECKS.notKubernetes;
  return { ruleId: check.id, severity: check.severity, message, ...range, endLine: range.line, endColumn: range.column, object: null, path: null };
}

/**
 * Why a document is a tool's or component's own file, which its program decodes with Go's case-insensitive field
 * matching (operator-sdk's `make bundle` writes `apiversion:` in bundle/tests/scorecard/config.yaml): undefined for
 * any other document.
 */
function configurationFileNote(record: Readonly<Record<string, unknown>>): string | undefined {
  const { apiVersion, kind } = record;
  return typeof apiVersion === 'string' && typeof kind === 'string' ? componentConfigurationNote(groupOf(apiVersion), apiVersion, kind) : undefined;
}
