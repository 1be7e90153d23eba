// apimachinery's ValidateObjectMeta: name or generateName, namespace, labels, annotations, finalizers, ownerReferences.
import { byteLength, dns1035LabelErrors, dns1123LabelErrors, labelValueErrors, maskTrailingDash, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { invalid, owned, pointing, required, toPath, tooLong, type ErrorList, type FieldPath } from './field-error.js';
import { arrayField, asRecord, stringEntries, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

/** upstream: pkg/api/validation/generic.go ValidateNameFunc: problems of a name, or of a generateName prefix. */
export type NameFunc = (name: string, prefix: boolean) => string[];

const masked = (check: (name: string) => string[]): NameFunc => (name, prefix) => check(prefix ? maskTrailingDash(name) : name);

// upstream: generic.go NameIsDNSSubdomain, NameIsDNSLabel, NameIsDNS1035Label (v1.36)
export const nameIsDNSSubdomain: NameFunc = masked((name) => subdomainErrors(name));
export const nameIsDNSLabel: NameFunc = masked(dns1123LabelErrors);
export const nameIsDNS1035Label: NameFunc = masked(dns1035LabelErrors);

// upstream: content/path.go IsPathSegmentName, IsPathSegmentPrefix (ValidateRBACName) (v1.36)
export const nameIsPathSegment: NameFunc = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  return ['/', '%'].filter((illegal) => name.includes(illegal)).map((illegal) => `may not contain '${illegal}'`);
};

/**
 * The name the object has when its kind's validation runs: metadata.name, or one generated from generateName, which
 * BeforeCreate sets first (the prefix cut to 58 characters and 5 random ones added; any stand in for them here).
 */
// upstream: staging/src/k8s.io/apiserver/pkg/registry/rest/create.go BeforeCreate; storage/names/generate.go simpleNameGenerator (v1.36)
export function nameOnCreate(metadata: Fields | undefined): string {
  const name = stringField(metadata, 'name');
  const generateName = stringField(metadata, 'generateName');
  if (name || !generateName) return name ?? '';
  return `${generateName.slice(0, 63 - GENERATED_SUFFIX.length)}${GENERATED_SUFFIX}`;
}

/** Five characters of the generator's alphabet (consonants and digits, so no word and no leading digit issue). */
const GENERATED_SUFFIX = 'bcdfg';

export const INVALID_NAME = 'invalid-name';
export const INVALID_LABEL = 'invalid-label';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const METADATA: FieldPath = ['metadata'];

export interface ObjectMetaOptions {
  readonly namespaced: boolean;
  readonly nameFn: NameFunc;
  /**
   * Each finalizer must be a standard one or fully qualified: core's ValidateObjectMeta adds this to apimachinery's,
   * which custom resources, CustomResourceDefinitions and APIServices are validated with (default true).
   */
  readonly kubeFinalizerNames?: boolean;
}

// upstream: objectmeta.go ValidateObjectMetaAccessor (create); a cluster-scoped object's namespace is cleared, not rejected (rest.BeforeCreate)
export function validateObjectMeta(metadata: unknown, options: ObjectMetaOptions, field: FieldPath = METADATA): ErrorList {
  const meta = asRecord(metadata);
  const errors = validateNames(meta, options.nameFn, field);
  const namespace = stringField(meta, 'namespace');
  if (options.namespaced && namespace) {
    appendAll(errors, owned(nameIsDNSLabel(namespace, false).map((message) => invalid(field.concat('namespace'), namespace, message)), INVALID_NAME));
  }
  // an absent field has nothing to check: its path is not built
  if (meta?.['labels'] !== undefined) appendAll(errors, validateLabels(meta['labels'], field.concat('labels')));
  if (meta?.['annotations'] !== undefined) appendAll(errors, validateAnnotations(meta['annotations'], field.concat('annotations')));
  const ownerReferences = arrayField(meta, 'ownerReferences');
  if (ownerReferences.length > 0) appendAll(errors, validateOwnerReferences(ownerReferences, field.concat('ownerReferences')));
  const finalizers = arrayField(meta, 'finalizers');
  if (finalizers.length > 0) appendAll(errors, validateFinalizers(finalizers, field.concat('finalizers'), options.kubeFinalizerNames ?? true));
  return errors;
}

function validateNames(meta: Fields | undefined, nameFn: NameFunc, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const generateName = stringField(meta, 'generateName');
  const name = stringField(meta, 'name');
  if (generateName) appendAll(errors, nameFn(generateName, true).map((message) => invalid(field.concat('generateName'), generateName, message)));
  if (name) appendAll(errors, nameFn(name, false).map((message) => invalid(field.concat('name'), name, message)));
  else if (!generateName) errors.push(required(field.concat('name'), 'name or generateName is required'));
  return owned(errors, INVALID_NAME);
}

// upstream: meta/v1/validation ValidateLabels, ValidateLabelName (v1.36): errors name the map, point at the key or the value
export function validateLabels(labels: unknown, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const record = asRecord(labels);
  // for...in: the order of Object.entries without its arrays (labels are checked on every object)
  for (const name in record) {
    const value = record[name];
    if (typeof value !== 'string' || !Object.hasOwn(record, name)) continue;
    const keyErrors = qualifiedNameErrors(name);
    const valueErrors = labelValueErrors(value);
    if (keyErrors.length === 0 && valueErrors.length === 0) continue;
    const at = toPath(field).concat(name);
    appendAll(errors, keyErrors.map((message) => pointing(invalid(field, name, message), at, 'key')));
    appendAll(errors, valueErrors.map((message) => pointing(invalid(field, value, message), at)));
  }
  return owned(errors, INVALID_LABEL);
}

// upstream: objectmeta.go ValidateAnnotations: keys are checked lower-cased, the total size is limited
export function validateAnnotations(annotations: unknown, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  let total = 0;
  for (const [name, value] of stringEntries(annotations)) {
    total += byteLength(name) + byteLength(value);
    const messages = qualifiedNameErrors(name.toLowerCase());
    if (messages.length === 0) continue;
    const at = toPath(field).concat(name);
    appendAll(errors, messages.map((message) => pointing(invalid(field, name, message), at, 'key')));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return owned(errors, INVALID_LABEL);
}

// upstream: objectmeta.go validateOwnerReference
// upstream: apimachinery/pkg/api/validation/objectmeta.go validateOwnerReference (v1.36): every entry's errors name
// metadata.ownerReferences without its index (the finding still points at the entry's field)
function validateOwnerReferences(references: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  references.forEach((entry, index) => {
    const reference = asRecord(entry);
    // (Go's zero value for a field the entry lacks)
    const apiVersion = stringField(reference, 'apiVersion') ?? '';
    const at = (name: string) => toPath(field.concat(index, name));
    if (versionOf(apiVersion) === '') errors.push(pointing(invalid(field.concat('apiVersion'), apiVersion, 'version must not be empty'), at('apiVersion')));
    for (const name of ['kind', 'name', 'uid']) {
      const value = stringField(reference, name) ?? '';
      if (value === '') errors.push(pointing(invalid(field.concat(name), value, 'must not be empty'), at(name)));
    }
  });
  return errors;
}

/** The version schema.FromAPIVersionAndKind reads from an apiVersion (ParseGroupVersion; none when it has two '/'). */
function versionOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  return parts.length === 2 ? (parts[1] ?? '') : '';
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/**
 * The API server's warnings for a custom resource's finalizers that are neither standard nor domain-qualified
 * (upstream: apiextensions-apiserver customresource strategy.go generateWarningsFromObj, validateKubeFinalizerName):
 * each distinct name once, in sorted order, with its index for the finding's position.
 */
export function finalizerWarnings(metadata: unknown): { readonly index: number; readonly message: string }[] {
  const finalizers = arrayField(asRecord(metadata), 'finalizers');
  const names = [...new Set(finalizers.filter((entry): entry is string => typeof entry === 'string'))].sort();
  return names
    .filter((name) => !name.includes('/') && !STANDARD_FINALIZERS.has(name))
    .map((name) => ({ index: finalizers.indexOf(name), message: `metadata.finalizers: ${JSON.stringify(name)}: prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers` }));
}

// upstream: objectmeta.go ValidateFinalizers and ValidateFinalizerName (qualified names, reported at the list); core
// validation.go ValidateObjectMeta adds validateKubeFinalizerName per entry, which checks only that a name without "/"
// is a standard one (not its qualified-name form again)
function validateFinalizers(finalizers: readonly unknown[], field: FieldPath, kubeNames: boolean): ErrorList {
  const names = finalizers.filter((entry): entry is string => typeof entry === 'string');
  const errors = names.flatMap((name) => qualifiedNameErrors(name).map((message) => invalid(field, name, message)));
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errors.push(invalid(field, names, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  if (!kubeNames) return errors;
  finalizers.forEach((name, index) => {
    if (typeof name === 'string' && !isKubeFinalizerName(name)) errors.push(invalid(field.concat(index), name, NOT_KUBE_FINALIZER_NAME));
  });
  return errors;
}

const NOT_KUBE_FINALIZER_NAME = 'name is neither a standard finalizer name nor is it fully qualified';

/** upstream: core validation.go validateKubeFinalizerName: a name without "/" must be a standard one. */
const isKubeFinalizerName = (name: string): boolean => name.includes('/') || STANDARD_FINALIZERS.has(name);

/**
 * A Namespace's spec.finalizers: each a qualified name (ValidateFinalizerName) and a standard or fully qualified one,
 * both reported at the list, which upstream does not index; the findings point at the entry.
 */
// upstream: core validation.go ValidateNamespace, validateFinalizerName (v1.36)
export function validateNamespaceFinalizers(finalizers: readonly unknown[]): ErrorList {
  const field: FieldPath = ['spec', 'finalizers'];
  const errors: ErrorList = [];
  finalizers.forEach((name, index) => {
    if (typeof name !== 'string') return;
    const messages = qualifiedNameErrors(name).concat(isKubeFinalizerName(name) ? [] : [NOT_KUBE_FINALIZER_NAME]);
    appendAll(errors, messages.map((message) => pointing(invalid(field, name, message), ['spec', 'finalizers', index])));
  });
  return errors;
}
