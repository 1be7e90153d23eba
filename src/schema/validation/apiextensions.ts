// apiextensions-apiserver's pkg/apis/apiextensions/validation: a CustomResourceDefinition on create, as the API server
// sees it after decoding (v1 defaults, then the conversion to the internal version) and PrepareForCreate.
//
// The openAPIV3Schema is checked as structural-schema.ts says, selectableFields as selectable-fields.ts says.
import { isDeepStrictEqual } from 'node:util';
import { appendAll } from '../../model/append.js';
import { dns1035LabelErrors, subdomainErrors } from '../../model/name-validation.js';
import { validateClientConfig, webhookServiceWords, type WebhookServiceWords } from './admission-registration.js';
import { forbidden, GoSlice, GoStruct, GoSyntax, invalid, key, notSupported, pointing, required, toPath, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { nameIsDNSSubdomain, type NameFunc } from './object-meta.js';
import type { ValidationContext } from './core-pod.js';
import { validateSelectableFields } from './selectable-fields.js';
import { validateOpenAPIV3Schema } from './structural-schema.js';
import { isSet, subschemas } from './json-schema-props.js';
import { arrayField, asArray, asRecord, recordField, stringField, type Fields } from './values.js';

/** The name a CRD must have: `spec.names.plural + "." + spec.group`, besides being a DNS subdomain. */
// upstream: validation.go ValidateCustomResourceDefinition's nameValidationFn
export function crdNameFn(object: Fields): NameFunc {
  const spec = recordField(object, 'spec');
  const requiredName = `${stringField(recordField(spec, 'names'), 'plural') ?? ''}.${stringField(spec, 'group') ?? ''}`;
  return (name, prefix) => {
    const failures = nameIsDNSSubdomain(name, prefix);
    return name === requiredName ? failures : [...failures, 'must be spec.names.plural+"."+spec.group'];
  };
}

const SPEC: FieldPath = ['spec'];
const VERSIONS: FieldPath = ['spec', 'versions'];

/** A per-version field of spec.versions that the conversion to the internal version moves to spec when all are equal (selectableFields only with the schema). */
type Hoistable = 'schema' | 'subresources' | 'additionalPrinterColumns' | 'selectableFields';

/**
 * The release's words where a schema is missing: a version's (required), and where selectable fields are set at spec
 * or at a version without a schema there.
 */
interface MissingSchemaWords {
  readonly required: string;
  readonly spec: string;
  readonly version: string;
}

/** The release's words of the errors whose wording changed within the releases kubefit models. */
interface ReleaseWords {
  readonly missingSchema: MissingSchemaWords;
  readonly webhookService: WebhookServiceWords;
}

// upstream: validation.go validateCustomResourceDefinitionSpec and validateCustomResourceDefinitionVersion: from 1.34
// a missing schema is Required without detail (kubernetes#132472), and selectable fields are worded without the
// leading "selectableFields", the version's path quoted
const MISSING_SCHEMA_WORDS: MissingSchemaWords = { required: '', spec: 'may only be set when validations.schema is included', version: 'may only be set when `version.schema.openAPIV3Schema` is not included' };
const MISSING_SCHEMA_WORDS_BEFORE_1_34: MissingSchemaWords = { required: 'schemas are required', spec: 'selectableFields may only be set when validations.schema is included', version: 'selectableFields may only be set when version.schema.openAPIV3Schema is not included' };

/** A hoistable field as validation sees it: its internal path, where it is in the manifest, and its value. */
interface Located {
  readonly field: FieldPath;
  readonly at: FieldPath;
  readonly value: unknown;
}

/**
 * The internal version's view of the hoistable fields (upstream: v1/conversion.go
 * Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec): identical in every version,
 * one field of spec (at the first version's place in the manifest); otherwise each version keeps its own.
 */
class InternalSpec {
  readonly versions: readonly Fields[];
  /** How the release words a missing schema, selectable fields at a level without one, a conversion webhook service. */
  readonly words: ReleaseWords;
  readonly #hoisted: ReadonlySet<Hoistable>;
  /** Whether spec.versions is a list, so the Go slice is not nil when it is empty. */
  readonly #listed: boolean;

  constructor(spec: Fields | undefined, words: ReleaseWords) {
    this.words = words;
    this.versions = arrayField(spec, 'versions').map((entry) => asRecord(entry) ?? {});
    this.#listed = Array.isArray(spec?.['versions']);
    const first = this.versions[0];
    const identical = (name: Hoistable) => first !== undefined && this.versions.every((version) => isDeepStrictEqual(version[name], first[name]));
    // upstream: v1 conversion.go moves selectableFields to spec only when the schemas move too
    this.#hoisted = new Set((['schema', 'subresources', 'additionalPrinterColumns', 'selectableFields'] as const).filter((name) => identical(name) && (name !== 'selectableFields' || identical('schema'))));
  }

  isHoisted(name: Hoistable): boolean {
    return this.#hoisted.has(name);
  }

  /** Version `index`'s own value of `name`, undefined when it was moved to spec. */
  perVersion(index: number, name: Hoistable): Located | undefined {
    const version = this.versions[index];
    if (this.isHoisted(name) || version?.[name] === undefined) return undefined;
    const field = VERSIONS.concat(index, name);
    return { field, at: field, value: version[name] };
  }

  /** spec's value of `name`, moved there from the versions. */
  topLevel(name: Hoistable): Located | undefined {
    const value = this.versions[0]?.[name];
    if (!this.isHoisted(name) || value === undefined) return undefined;
    return { field: SPEC.concat(name), at: VERSIONS.concat(0, name), value };
  }

  /** The subresources that apply to version `index` (upstream: getSubresourcesForVersion). */
  subresourcesOf(index: number): Fields | undefined {
    return asRecord(this.isHoisted('subresources') ? this.versions[0]?.['subresources'] : this.versions[index]?.['subresources']);
  }

  /**
   * spec.versions as the internal version's Go structs, for the errors that print the whole list; past about a MiB of
   * JSON (thousands of schema nodes, each printed with all 44 JSONSchemaProps fields) a summary stands in for it, which
   * no one would read and which a hostile CRD of 100,000 versions made hundreds of MB long. No versions are an empty
   * slice, or a nil one when spec.versions is unset (`null`; %#v before 1.34).
   */
  goValue(): GoStruct[] | GoSyntax | GoSlice {
    if (this.versions.length === 0) return new GoSlice('[]apiextensions.CustomResourceDefinitionVersion', this.#listed ? [] : null);
    const nodes = this.versions.reduce((total, version) => total + countNodes(version, PRINTED_NODES_LIMIT - total), 0);
    if (nodes >= PRINTED_NODES_LIMIT) return new GoSyntax(`[${this.versions.length} versions, not printed: their JSON would exceed 1 MiB]`);
    return this.versions.map((version, index) => internalVersion(version, (name) => (this.isHoisted(name) ? undefined : this.versions[index]?.[name])));
  }
}

/** Values a printed spec.versions may hold before it is summarised (an internal schema node prints as ~1 KB). */
const PRINTED_NODES_LIMIT = 1024;

/** The objects and lists in `value`, counted up to `limit`. */
function countNodes(value: unknown, limit: number): number {
  if (limit <= 0 || value === null || typeof value !== 'object') return 0;
  let count = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (count >= limit) break;
    count += countNodes(child, limit - count);
  }
  return count;
}

/** Every error ValidateCustomResourceDefinition returns for creating this CRD, after ValidateObjectMeta. */
// upstream: validation.go ValidateCustomResourceDefinition with the create options (requireOpenAPISchema and the
// others true), strategy.go PrepareForCreate (status reset, storedVersions = the first storage version)
export function validateCustomResourceDefinition(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec');
  const internal = new InternalSpec(spec, { missingSchema: context.cleanedUpDetails ? MISSING_SCHEMA_WORDS : MISSING_SCHEMA_WORDS_BEFORE_1_34, webhookService: webhookServiceWords(context) });
  const errors = validateSpec(spec, internal);
  appendAll(errors, validateStoredVersions(internal));
  appendAll(errors, validateAPIApproval(stringField(spec, 'group') ?? '', recordField(recordField(object, 'metadata'), 'annotations')));
  if (spec?.['preserveUnknownFields'] === true) {
    errors.push(invalid(['spec', 'preserveUnknownFields'], true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead'));
  }
  return errors;
}

// upstream: validation.go validateCustomResourceDefinitionSpec
function validateSpec(spec: Fields | undefined, internal: InternalSpec): ErrorList {
  const errors: ErrorList = [];
  const group = stringField(spec, 'group') ?? '';
  if (group.length === 0) errors.push(required(['spec', 'group']));
  else if (subdomainErrors(group).length > 0) errors.push(invalid(['spec', 'group'], group, subdomainErrors(group).join(',')));
  else if (group.split('.').length < 2) errors.push(invalid(['spec', 'group'], group, 'should be a domain with at least one dot'));
  appendAll(errors, validateEnumStrings(['spec', 'scope'], stringField(spec, 'scope') ?? '', ['Cluster', 'Namespaced']));
  // requireOpenAPISchema: every version needs a schema, hoisted or its own
  internal.versions.forEach((version, index) => {
    if (recordField(recordField(version, 'schema'), 'openAPIV3Schema') === undefined) errors.push(required(VERSIONS.concat(index, 'schema', 'openAPIV3Schema'), internal.words.missingSchema.required));
  });
  if (spec?.['preserveUnknownFields'] === true && internal.versions.some((version) => hasDefaults(recordField(recordField(version, 'schema'), 'openAPIV3Schema')))) {
    errors.push(invalid(['spec', 'preserveUnknownFields'], true, 'must be false in order to use defaults in the schema'));
  }
  appendAll(errors, validateVersions(internal));
  appendAll(errors, validateNames(recordField(spec, 'names')));
  const schema = internal.topLevel('schema');
  // the internal version's top-level schema is spec.validation
  if (schema) appendAll(errors, validateSchema({ ...schema, field: ['spec', 'validation'] }, internal.versions.some((_, index) => hasStatus(internal.subresourcesOf(index)))));
  const subresources = internal.topLevel('subresources');
  if (subresources) appendAll(errors, validateSubresources(subresources));
  const columns = internal.topLevel('additionalPrinterColumns');
  if (columns) appendAll(errors, validateColumns(columns));
  const selectable = internal.topLevel('selectableFields');
  if (selectable) appendAll(errors, validateSelectableFields({ ...selectable, field: SPEC }, openAPIV3SchemaOf(schema), internal.words.missingSchema.spec));
  appendAll(errors, validateConversion(recordField(spec, 'conversion'), spec?.['preserveUnknownFields'] === true, internal.words.webhookService));
  return errors;
}

function validateVersions(internal: InternalSpec): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  let unique = true;
  let storageFlags = 0;
  internal.versions.forEach((version, index) => {
    if (version['storage'] === true) storageFlags += 1;
    const name = stringField(version, 'name') ?? '';
    if (names.has(name)) unique = false;
    names.add(name);
    const nameErrors = dns1035LabelErrors(name);
    if (nameErrors.length > 0) errors.push(invalid(VERSIONS.concat(index, 'name'), name, nameErrors.join(',')));
    appendAll(errors, validateVersion(version, index, internal));
  });
  if (!unique) errors.push(invalid(VERSIONS, internal.goValue(), 'must contain unique version names'));
  if (storageFlags !== 1) errors.push(invalid(VERSIONS, internal.goValue(), 'must have exactly one version marked as storage version'));
  // the internal version's spec.version is the first version's name, checked again
  const first = stringField(internal.versions[0], 'name');
  if (first) {
    const firstErrors = dns1035LabelErrors(first);
    if (firstErrors.length > 0) errors.push(pointing(invalid(['spec', 'version'], first, firstErrors.join(',')), toPath(VERSIONS.concat(0, 'name'))));
  }
  return errors;
}

// upstream: validation.go validateCustomResourceDefinitionVersion (the schema's own checks are not modelled)
function validateVersion(version: Fields, index: number, internal: InternalSpec): ErrorList {
  const errors: ErrorList = [];
  const field = VERSIONS.concat(index);
  const warning = version['deprecationWarning'];
  if (typeof warning === 'string') {
    for (const message of deprecationWarningErrors(version['deprecated'] === true, warning)) errors.push(invalid(field.concat('deprecationWarning'), warning, message));
  }
  const schema = internal.perVersion(index, 'schema');
  if (schema) appendAll(errors, validateSchema(schema, hasStatus(internal.subresourcesOf(index))));
  const subresources = internal.perVersion(index, 'subresources');
  if (subresources) appendAll(errors, validateSubresources(subresources));
  const columns = internal.perVersion(index, 'additionalPrinterColumns');
  if (columns) appendAll(errors, validateColumns(columns));
  const selectable = internal.perVersion(index, 'selectableFields');
  if (selectable) appendAll(errors, validateSelectableFields({ ...selectable, field }, openAPIV3SchemaOf(schema), internal.words.missingSchema.version));
  return errors;
}

const hasStatus = (subresources: Fields | undefined): boolean => isSet(subresources?.['status']);

/** The openAPIV3Schema of a level's schema (spec.validation or a version's schema); none when either is unset. */
const openAPIV3SchemaOf = (schema: Located | undefined): Fields | undefined => recordField(asRecord(schema?.value), 'openAPIV3Schema');

/** A schema's errors, named by its internal path and pointing at its place in the manifest. */
function validateSchema(schema: Located, statusEnabled: boolean): ErrorList {
  const openAPIV3Schema = recordField(asRecord(schema.value), 'openAPIV3Schema');
  if (!openAPIV3Schema) return [];
  const field = schema.field.concat('openAPIV3Schema');
  const errors = validateOpenAPIV3Schema(openAPIV3Schema, field, statusEnabled, () => internalSchema(openAPIV3Schema));
  return schema.field === schema.at ? errors : errors.map((error) => pointing(error, toPath(schema.at.concat('openAPIV3Schema', ...error.field.slice(field.length)))));
}

// upstream: validation.go validateDeprecationWarning
function deprecationWarningErrors(deprecated: boolean, warning: string): string[] {
  if (!deprecated) return ['can only be set for deprecated versions'];
  const errors: string[] = [];
  if (Buffer.byteLength(warning, 'utf8') > 256) errors.push('must be <= 256 characters long');
  if (warning.length === 0) errors.push('must not be an empty string');
  let byteIndex = 0;
  for (const character of warning) {
    if (!isGoPrintable(character)) {
      errors.push(`must only contain printable UTF-8 characters; ${/\p{Cc}/u.test(character) ? 'control' : 'non-printable'} character found at index ${byteIndex}`);
      break;
    }
    byteIndex += Buffer.byteLength(character, 'utf8');
  }
  return errors;
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const isGoPrintable = (character: string): boolean => character === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(character);

// upstream: validation.go ValidateCustomResourceDefinitionNames, after SetDefaults_CustomResourceDefinitionSpec
// (singular: the kind in lower case; listKind: the kind + "List")
function validateNames(names: Fields | undefined): ErrorList {
  const errors: ErrorList = [];
  const field: FieldPath = ['spec', 'names'];
  const kind = stringField(names, 'kind') ?? '';
  const plural = stringField(names, 'plural') ?? '';
  const singular = stringField(names, 'singular') || kind.toLowerCase();
  const listKind = stringField(names, 'listKind') || (kind.length > 0 ? `${kind}List` : '');
  if (plural.length === 0) errors.push(required(field.concat('plural')));
  if (singular.length === 0) errors.push(required(field.concat('singular')));
  if (kind.length === 0) errors.push(required(field.concat('kind')));
  if (listKind.length === 0) errors.push(required(field.concat('listKind')));
  const label = (name: string, value: string, mixedCase = false) => {
    const failures = dns1035LabelErrors(mixedCase ? value.toLowerCase() : value);
    if (value.length === 0 || failures.length === 0) return;
    const at = stringField(names, name) === value ? undefined : toPath(field.concat('kind'));
    const error = invalid(field.concat(name), value, `${mixedCase ? 'may have mixed case, but should otherwise match: ' : ''}${failures.join(',')}`);
    errors.push(at ? pointing(error, at) : error);
  };
  label('plural', plural);
  label('singular', singular);
  label('kind', kind, true);
  label('listKind', listKind, true);
  arrayField(names, 'shortNames').forEach((shortName, index) => {
    if (typeof shortName === 'string' && dns1035LabelErrors(shortName).length > 0) errors.push(invalid(field.concat('shortNames', index), shortName, dns1035LabelErrors(shortName).join(',')));
  });
  if (kind.length > 0 && kind === listKind) errors.push(invalid(field.concat('listKind'), listKind, 'kind and listKind may not be the same'));
  arrayField(names, 'categories').forEach((category, index) => {
    if (typeof category === 'string' && dns1035LabelErrors(category).length > 0) errors.push(invalid(field.concat('categories', index), category, dns1035LabelErrors(category).join(',')));
  });
  return errors;
}

// upstream: validation.go ValidateCustomResourceDefinitionSubresources (the scale subresource's paths); upstream
// names each path's field as one step ("scale.specReplicasPath")
function validateSubresources(subresources: Located): ErrorList {
  const scale = recordField(asRecord(subresources.value), 'scale');
  if (!scale) return [];
  const errors: ErrorList = [];
  const path = (name: string, prefixes: readonly string[], detail: string, optional = false) => {
    const value = stringField(scale, name) ?? '';
    const field = subresources.field.concat(`scale.${name}`);
    const place = (error: FieldError) => pointing(error, toPath(subresources.at.concat('scale', name)));
    if (value.length === 0) {
      if (!optional) errors.push(place(required(field)));
      return;
    }
    const jsonPathErrors = simpleJSONPathErrors(value, field);
    if (jsonPathErrors.length > 0) appendAll(errors, jsonPathErrors.map(place));
    else if (!prefixes.some((prefix) => value.startsWith(prefix))) errors.push(place(invalid(field, value, detail)));
  };
  path('specReplicasPath', ['.spec.'], 'should be a json path under .spec');
  path('statusReplicasPath', ['.status.'], 'should be a json path under .status');
  path('labelSelectorPath', ['.spec.', '.status.'], 'should be a json path under either .spec or .status', true);
  return errors;
}

// upstream: validation.go validateSimpleJSONPath
function simpleJSONPathErrors(path: string, field: FieldPath): ErrorList {
  if (path.length === 0) return [invalid(field, path, 'must not be empty')];
  if (!path.startsWith('.')) return [invalid(field, path, 'must be a simple json path starting with .')];
  return [];
}

const PRINTER_COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

// upstream: validation.go ValidateCustomResourceColumnDefinition (the internal field JSONPath is v1's jsonPath)
function validateColumns(columns: Located): ErrorList {
  const errors: ErrorList = [];
  asArray(columns.value).forEach((entry, index) => {
    const column = asRecord(entry) ?? {};
    const field = columns.field.concat(index);
    const place = (error: FieldError, name: string) => errors.push(pointing(error, toPath(columns.at.concat(index, name))));
    if (!stringField(column, 'name')) place(required(field.concat('name')), 'name');
    const type = stringField(column, 'type') ?? '';
    const typeDetail = `must be one of ${PRINTER_COLUMN_TYPES.join(',')}`;
    if (type.length === 0) place(required(field.concat('type'), typeDetail), 'type');
    else if (!PRINTER_COLUMN_TYPES.includes(type)) place(invalid(field.concat('type'), type, typeDetail), 'type');
    const format = stringField(column, 'format') ?? '';
    if (format.length > 0 && !PRINTER_COLUMN_FORMATS.includes(format)) place(invalid(field.concat('format'), format, `must be one of ${PRINTER_COLUMN_FORMATS.join(',')}`), 'format');
    const jsonPath = stringField(column, 'jsonPath') ?? '';
    if (jsonPath.length === 0) place(required(field.concat('JSONPath')), 'jsonPath');
    else for (const error of simpleJSONPathErrors(jsonPath, field.concat('JSONPath'))) place(error, 'jsonPath');
  });
  return errors;
}

function validateEnumStrings(field: FieldPath, value: string, accepted: readonly string[]): ErrorList {
  if (value === '') return [required(field)];
  return accepted.includes(value) ? [] : [notSupported(field, value, accepted)];
}

const CONVERSION: FieldPath = ['spec', 'conversion'];

// upstream: validation.go validateCustomResourceConversion with requireRecognizedConversionReviewVersion and
// allowInvalidCABundle (create); v1's conversion.webhook.clientConfig is the internal webhookClientConfig and
// conversion.webhook.conversionReviewVersions its conversionReviewVersions (v1/conversion.go)
function validateConversion(conversion: Fields | undefined, preserveUnknownFields: boolean, serviceWords: WebhookServiceWords): ErrorList {
  // SetDefaults_CustomResourceDefinitionSpec: no conversion is {strategy: None}
  if (!conversion) return [];
  const errors: ErrorList = [];
  const strategy = stringField(conversion, 'strategy') ?? '';
  if (strategy !== 'None' && preserveUnknownFields) errors.push(invalid(CONVERSION.concat('strategy'), strategy, 'must be None if spec.preserveUnknownFields is true'));
  appendAll(errors, validateEnumStrings(CONVERSION.concat('strategy'), strategy, ['None', 'Webhook']));
  const webhook = recordField(conversion, 'webhook');
  const clientConfig = recordField(webhook, 'clientConfig');
  const reviewVersions = webhook?.['conversionReviewVersions'];
  const webhookAt = CONVERSION.concat('webhook');
  const internalConfig = CONVERSION.concat('webhookClientConfig');
  const fromConfig = (list: ErrorList) => list.map((error) => pointing({ ...error, field: internalConfig.concat(error.field.slice(webhookAt.length + 1)) }, toPath(error.field)));
  if (strategy === 'Webhook') {
    if (!clientConfig) errors.push(pointing(required(internalConfig, 'required when strategy is set to Webhook'), toPath(webhook ? webhookAt : CONVERSION.concat('strategy'))));
    else appendAll(errors, fromConfig(validateClientConfig(clientConfig, webhookAt.concat('clientConfig'), serviceWords)));
    appendAll(errors, validateReviewVersions(reviewVersions, webhook ? webhookAt : CONVERSION));
    return errors;
  }
  if (clientConfig) errors.push(pointing(forbidden(internalConfig, 'should not be set when strategy is not set to Webhook'), toPath(webhookAt.concat('clientConfig'))));
  if (asArray(reviewVersions).length > 0) errors.push(pointing(forbidden(CONVERSION.concat('conversionReviewVersions'), 'should not be set when strategy is not set to Webhook'), toPath(webhookAt.concat('conversionReviewVersions'))));
  return errors;
}

const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];

// upstream: validation.go validateConversionReviewVersions
function validateReviewVersions(value: unknown, webhook: FieldPath): ErrorList {
  const field = CONVERSION.concat('conversionReviewVersions');
  const at = (error: FieldError, index?: number) => pointing(error, toPath(index === undefined ? webhook.concat('conversionReviewVersions') : webhook.concat('conversionReviewVersions', index)));
  const versions = asArray(value).filter((entry): entry is string => typeof entry === 'string');
  if (versions.length === 0) return [at(required(field))];
  const errors: ErrorList = [];
  const seen = new Set<string>();
  versions.forEach((version, index) => {
    if (seen.has(version)) {
      errors.push(at(invalid(field.concat(index), version, 'duplicate version'), index));
      return;
    }
    seen.add(version);
    for (const message of dns1035LabelErrors(version)) errors.push(at(invalid(field.concat(index), version, message), index));
  });
  if (!versions.some((version) => ACCEPTED_REVIEW_VERSIONS.includes(version))) errors.push(at(invalid(field, versions, `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`)));
  return errors;
}

/**
 * PrepareForCreate stores the first version marked storage as status.storedVersions; a CRD without one, or with a
 * second, fails ValidateCustomResourceDefinitionStoredVersions as well.
 */
function validateStoredVersions(internal: InternalSpec): ErrorList {
  const field: FieldPath = ['status', 'storedVersions'];
  const firstStorage = internal.versions.find((version) => version['storage'] === true);
  // PrepareForCreate cleared the status: storedVersions is a nil []string
  if (!firstStorage) return [pointing(invalid(field, new GoSlice('[]string', null), 'must have at least one stored version'), toPath(VERSIONS))];
  const storedVersions = [stringField(firstStorage, 'name') ?? ''];
  const storedValue = new GoSlice('[]string', storedVersions);
  const remaining = new Set(storedVersions);
  const errors: ErrorList = [];
  internal.versions.forEach((version, index) => {
    const name = stringField(version, 'name') ?? '';
    const stored = remaining.has(name);
    if (version['storage'] === true && !stored) errors.push(pointing(invalid(field, storedValue, `must have the storage version ${name}`), toPath(VERSIONS.concat(index, 'storage'))));
    if (stored) remaining.delete(name);
  });
  return errors;
}

const API_APPROVED = 'api-approved.kubernetes.io';
const ENHANCEMENT = 'see https://github.com/kubernetes/enhancements/pull/1111';

// upstream: validation.go validateAPIApproval, apihelpers GetAPIApprovalState and IsProtectedCommunityGroup
function validateAPIApproval(group: string, annotations: Fields | undefined): ErrorList {
  const isProtected = ['k8s.io', 'kubernetes.io'].some((domain) => group === domain || group.endsWith(`.${domain}`));
  if (!isProtected) return [];
  const annotation = stringField(annotations, API_APPROVED) ?? '';
  const field: FieldPath = ['metadata', 'annotations', key(API_APPROVED)];
  if (annotation.length === 0) {
    const error = required(field, `protected groups must have approval annotation "${API_APPROVED}", ${ENHANCEMENT}`);
    return [annotations ? error : pointing(error, ['metadata'])];
  }
  if (annotation.startsWith('unapproved') || isApprovalURL(annotation)) return [];
  return [invalid(field, annotation, `protected groups must have approval annotation "${API_APPROVED}" with either a URL or a reason starting with "unapproved", ${ENHANCEMENT}`)];
}

/**
 * A URL with a scheme and a host, as url.ParseRequestURI reads one: no space in the host, no control character and no
 * broken escape anywhere (a space after the host is part of the path: `https://host/pull/1 (approved)` is approved).
 */
const isApprovalURL = (value: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+(?:[/?#]|$)/.test(value) && !/[\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})/.test(value);

// upstream: validation.go specHasDefaults (SchemaHas over every schema of the spec)
function hasDefaults(value: unknown): boolean {
  const schema = asRecord(value);
  return schema !== undefined && (isSet(schema['default']) || subschemas(schema).some(hasDefaults));
}

// ---- the internal version's Go structs, as json.Marshal prints them in a field error's value ----

const fieldOr = (record: Fields | undefined, name: string): unknown => record?.[name] ?? null;
const stringOf = (record: Fields | undefined, name: string): string => stringField(record, name) ?? '';
const boolOf = (record: Fields | undefined, name: string): boolean => record?.[name] === true;

/** upstream: apiextensions types.go CustomResourceDefinitionVersion. */
function internalVersion(version: Fields, own: (name: Hoistable) => unknown): GoStruct {
  const schema = asRecord(own('schema'));
  const subresources = asRecord(own('subresources'));
  const columns = own('additionalPrinterColumns');
  const selectable = own('selectableFields');
  return new GoStruct([
    ['Name', stringOf(version, 'name')],
    ['Served', boolOf(version, 'served')],
    ['Storage', boolOf(version, 'storage')],
    ['Deprecated', boolOf(version, 'deprecated')],
    ['DeprecationWarning', fieldOr(version, 'deprecationWarning')],
    ['Schema', schema ? new GoStruct([['OpenAPIV3Schema', internalSchemaOrNull(schema['openAPIV3Schema'])]]) : null],
    ['Subresources', subresources ? internalSubresources(subresources) : null],
    ['AdditionalPrinterColumns', Array.isArray(columns) ? columns.map((entry) => internalColumn(asRecord(entry))) : null],
    ['SelectableFields', Array.isArray(selectable) ? selectable.map((entry) => new GoStruct([['JSONPath', stringOf(asRecord(entry), 'jsonPath')]])) : null],
  ]);
}

function internalSubresources(subresources: Fields): GoStruct {
  const scale = recordField(subresources, 'scale');
  return new GoStruct([
    ['Status', isSet(subresources['status']) ? new GoStruct([]) : null],
    ['Scale', scale ? new GoStruct([['SpecReplicasPath', stringOf(scale, 'specReplicasPath')], ['StatusReplicasPath', stringOf(scale, 'statusReplicasPath')], ['LabelSelectorPath', fieldOr(scale, 'labelSelectorPath')]]) : null],
  ]);
}

function internalColumn(column: Fields | undefined): GoStruct {
  return new GoStruct([
    ['Name', stringOf(column, 'name')], ['Type', stringOf(column, 'type')], ['Format', stringOf(column, 'format')],
    ['Description', stringOf(column, 'description')], ['Priority', column?.['priority'] ?? 0], ['JSONPath', stringOf(column, 'jsonPath')],
  ]);
}

const internalSchemaOrNull = (value: unknown): GoStruct | null => {
  const schema = asRecord(value);
  return schema ? internalSchema(schema) : null;
};

const schemaList = (value: unknown): GoStruct[] | null => (Array.isArray(value) ? value.map((entry) => internalSchema(asRecord(entry) ?? {})) : null);

const schemaMap = (value: unknown): Record<string, GoStruct> | null => {
  const record = asRecord(value);
  return record ? Object.fromEntries(Object.entries(record).map(([name, entry]) => [name, internalSchema(asRecord(entry) ?? {})])) : null;
};

/** v1's schema-or-bool (additionalProperties, additionalItems) as the internal JSONSchemaPropsOrBool. */
function schemaOrBool(value: unknown): GoStruct | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return new GoStruct([['Allows', value], ['Schema', null]]);
  return new GoStruct([['Allows', true], ['Schema', internalSchemaOrNull(value)]]);
}

/** upstream: apiextensions types_jsonschema.go JSONSchemaProps, field by field in declaration order. */
function internalSchema(schema: Fields): GoStruct {
  const items = schema['items'];
  const dependencies = asRecord(schema['dependencies']);
  const externalDocs = recordField(schema, 'externalDocs');
  const validations = schema['x-kubernetes-validations'];
  return new GoStruct([
    ['ID', stringOf(schema, 'id')], ['Schema', stringOf(schema, '$schema')], ['Ref', fieldOr(schema, '$ref')],
    ['Description', stringOf(schema, 'description')], ['Type', stringOf(schema, 'type')], ['Nullable', boolOf(schema, 'nullable')],
    ['Format', stringOf(schema, 'format')], ['Title', stringOf(schema, 'title')], ['Default', fieldOr(schema, 'default')],
    ['Maximum', fieldOr(schema, 'maximum')], ['ExclusiveMaximum', boolOf(schema, 'exclusiveMaximum')],
    ['Minimum', fieldOr(schema, 'minimum')], ['ExclusiveMinimum', boolOf(schema, 'exclusiveMinimum')],
    ['MaxLength', fieldOr(schema, 'maxLength')], ['MinLength', fieldOr(schema, 'minLength')], ['Pattern', stringOf(schema, 'pattern')],
    ['MaxItems', fieldOr(schema, 'maxItems')], ['MinItems', fieldOr(schema, 'minItems')], ['UniqueItems', boolOf(schema, 'uniqueItems')],
    ['MultipleOf', fieldOr(schema, 'multipleOf')], ['Enum', fieldOr(schema, 'enum')],
    ['MaxProperties', fieldOr(schema, 'maxProperties')], ['MinProperties', fieldOr(schema, 'minProperties')],
    ['Required', fieldOr(schema, 'required')],
    ['Items', items === undefined || items === null ? null : new GoStruct(Array.isArray(items) ? [['Schema', null], ['JSONSchemas', schemaList(items)]] : [['Schema', internalSchemaOrNull(items)], ['JSONSchemas', null]])],
    ['AllOf', schemaList(schema['allOf'])], ['OneOf', schemaList(schema['oneOf'])], ['AnyOf', schemaList(schema['anyOf'])],
    ['Not', internalSchemaOrNull(schema['not'])], ['Properties', schemaMap(schema['properties'])],
    ['AdditionalProperties', schemaOrBool(schema['additionalProperties'])], ['PatternProperties', schemaMap(schema['patternProperties'])],
    ['Dependencies', dependencies ? Object.fromEntries(Object.entries(dependencies).map(([name, entry]) => [name, Array.isArray(entry) ? new GoStruct([['Schema', null], ['Property', entry]]) : new GoStruct([['Schema', internalSchemaOrNull(entry)], ['Property', null]])])) : null],
    ['AdditionalItems', schemaOrBool(schema['additionalItems'])], ['Definitions', schemaMap(schema['definitions'])],
    ['ExternalDocs', externalDocs ? new GoStruct([['Description', stringOf(externalDocs, 'description')], ['URL', stringOf(externalDocs, 'url')]]) : null],
    ['Example', fieldOr(schema, 'example')],
    ['XPreserveUnknownFields', fieldOr(schema, 'x-kubernetes-preserve-unknown-fields')], ['XEmbeddedResource', boolOf(schema, 'x-kubernetes-embedded-resource')],
    ['XIntOrString', boolOf(schema, 'x-kubernetes-int-or-string')], ['XListMapKeys', fieldOr(schema, 'x-kubernetes-list-map-keys')],
    ['XListType', fieldOr(schema, 'x-kubernetes-list-type')], ['XMapType', fieldOr(schema, 'x-kubernetes-map-type')],
    ['XValidations', Array.isArray(validations) ? validations.map((entry) => internalRule(asRecord(entry))) : null],
  ]);
}

function internalRule(rule: Fields | undefined): GoStruct {
  return new GoStruct([
    ['Rule', stringOf(rule, 'rule')], ['Message', stringOf(rule, 'message')], ['MessageExpression', stringOf(rule, 'messageExpression')],
    ['Reason', fieldOr(rule, 'reason')], ['FieldPath', stringOf(rule, 'fieldPath')], ['OptionalOldSelf', fieldOr(rule, 'optionalOldSelf')],
  ]);
}
