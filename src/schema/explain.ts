// Schema errors → findings: one per problem, at the offending key or value, in words a person reads.
import { formatPath, pointerPath, type Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { valueAt } from '../model/workload.js';
import { QUANTITY_PATTERN } from '../model/quantity.js';
import { describeValue } from '../model/describe-value.js';
import type { FieldGraph, SchemaError } from './compiled-validator.js';
import { definitionAt, fieldsAt } from './field-graph.js';
import { closestName } from '../model/closest-name.js';
import { goIntegerOverflow, goIntegerOverflowMessage } from './go-integers.js';
import { errorMessage, errorMessageOf, fieldPathString, goQuote, invalid, notSupported, tooLongMaxLength, tooMany, type ErrorPrinting } from './validation/field-error.js';
import { holdsSubstitution } from '../model/substitution.js';

export const SCHEMA_RULE = 'schema';

interface Explained {
  readonly path: Path;
  readonly on: 'key' | 'value';
  readonly message: string;
}

/**
 * Findings for a validator's errors on `object`; `fields` describes the schema's objects for suggestions, `printing`
 * how the checked release's apimachinery words a field error.
 */
export function explainErrors(
  object: KubeObject,
  errors: readonly SchemaError[],
  fields: FieldGraph,
  printing: ErrorPrinting,
  decoding: Decoding = 'json',
): Finding[] {
  const byPath = new Map<string, Explained>();
  const context: Context = { object, errors, fields, decoding, printing };
  const alternatives = errors.filter(isAlternative);
  const kept = errors.filter((error) => !isInsideAlternative(error, alternatives));
  const typed = new Set(kept.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  for (const error of kept) {
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    const explained = explain(context, error);
    if (!explained) continue;
    const missing = error.keyword === 'required' ? String(error.params['missingProperty']) : '';
    const key = `${formatPath(explained.path)}\u0000${explained.on}\u0000${missing}`;
    if (!byPath.has(key)) byPath.set(key, explained);
  }
  return [...byPath.values()].map(({ path, on, message }) =>
    findingAt(object, path, { ruleId: SCHEMA_RULE, severity: 'error', message }, on),
  );
}

interface Context {
  readonly object: KubeObject;
  readonly errors: readonly SchemaError[];
  readonly fields: FieldGraph;
  readonly decoding: Decoding;
  readonly printing: ErrorPrinting;
}

/** How the API server reads the object: into a built-in kind's Go structs, or as JSON (a custom resource). */
export type Decoding = 'go' | 'json';

function isAlternative(error: SchemaError): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

/**
 * Enum fields that are plain Go strings (not pointers) and that the API server defaults when empty or reads "" as a
 * meaning of its own: `""` there is the field unset (upstream: core/v1 defaults.go SetDefaults_Container,
 * _ContainerPort, _ServicePort, _Service, _PodSpec, _HTTPGetAction, _PersistentVolume, _Endpoints,
 * _ImageVolumeSource; apps/v1 and batch/v1 defaults.go; core validation's validateTolerations: an empty operator is
 * Equal, an empty effect matches every effect). Pointer enums (pathType, ipFamilyPolicy, ...) keep rejecting "".
 */
const UNSET_WHEN_EMPTY: ReadonlySet<string> = new Set([
  'V1Container/imagePullPolicy', 'V1Container/terminationMessagePolicy', 'V1EphemeralContainer/imagePullPolicy',
  'V1EphemeralContainer/terminationMessagePolicy', 'V1ContainerPort/protocol', 'V1ServicePort/protocol',
  'CoreV1EndpointPort/protocol', 'V1ServiceSpec/type', 'V1ServiceSpec/sessionAffinity', 'V1ServiceSpec/externalTrafficPolicy',
  'V1PodSpec/restartPolicy', 'V1PodSpec/dnsPolicy', 'V1HTTPGetAction/scheme', 'V1PersistentVolumeSpec/persistentVolumeReclaimPolicy',
  'V1ImageVolumeSource/pullPolicy', 'V1Toleration/operator', 'V1Toleration/effect', 'V1DeploymentStrategy/type',
  'V1StatefulSetSpec/podManagementPolicy', 'V1StatefulSetUpdateStrategy/type', 'V1DaemonSetUpdateStrategy/type',
  'V1CronJobSpec/concurrencyPolicy',
]);

function isUnsetWhenEmpty(fields: FieldGraph, path: Path): boolean {
  const field = path[path.length - 1];
  const definition = typeof field === 'string' ? definitionAt(fields, path.slice(0, -1)) : undefined;
  return definition !== undefined && UNSET_WHEN_EMPTY.has(`${definition}/${field}`);
}

/** Keywords about the form of one value (a string where a number goes, a pattern, an enum, a format, a length). */
const VALUE_FORM_KEYWORDS: ReadonlySet<string> = new Set(['type', 'enum', 'pattern', 'format', 'maxLength', 'minLength']);

/**
 * Whether the error is about the form of a value holding `${APP}`, which is replaced before the object is applied
 * (model/substitution.ts): the form of the value is not known here, so the error is not reported.
 */
export function isSubstitutionError(object: KubeObject, error: SchemaError): boolean {
  return isSubstitutionForm(error, valueAt(object.value, pointerPath(object.value, error.instancePath)));
}

function isSubstitutionForm(error: SchemaError, value: unknown): boolean {
  return VALUE_FORM_KEYWORDS.has(error.keyword) && holdsSubstitution(value);
}

function explain(context: Context, error: SchemaError): Explained | undefined {
  const { object, fields } = context;
  const path = pointerPath(object.value, error.instancePath);
  const where = path.length > 0 ? formatPath(path) : object.ref.kind;
  const value = valueAt(object.value, path);
  if (isSubstitutionForm(error, value)) return undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params['additionalProperty']);
      // a key holding `${COMMENT}` becomes another key (or a comment) before the object is applied
      if (holdsSubstitution(field)) return undefined;
      const suggestion = closestName(field, fieldsAt(fields, path));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      return { path: [...path, field], on: 'key', message: `unknown field "${field}" in ${where}${hint}` };
    }
    case 'required':
      return { path, on: 'key', message: `missing required field "${String(error.params['missingProperty'])}" in ${where}` };
    case 'type':
      return { path, on: 'value', message: `${where} must be ${expectedTypes(error.params['type'])}, got ${describeValue(value)}` };
    case 'enum':
      if (value === '' && isUnsetWhenEmpty(fields, path)) return undefined;
      if (context.decoding === 'json') return { path, on: 'value', message: enumMessage(path, value, error.params['allowedValues'], context.printing) };
      return { path, on: 'value', message: `${where} must be one of ${allowed(error.params['allowedValues'])}, got ${describeValue(value)}` };
    case 'pattern':
      return error.params['pattern'] === QUANTITY_PATTERN
        ? { path, on: 'value', message: `${where}: ${describeValue(value)} is not a valid quantity` }
        : { path, on: 'value', message: patternMessage(path, value, String(error.params['pattern'])) };
    case 'format':
      return { path, on: 'value', message: formatMessage(path, String(error.params['format']), String(value)) };
    case 'minimum':
    case 'maximum': {
      const overflow = context.decoding === 'go' ? goIntegerOverflow(error) : undefined;
      if (overflow) return { path, on: 'value', message: goIntegerOverflowMessage(path, value, overflow, fields, object.ref.kind) };
      return { path, on: 'value', message: boundMessage(path, value, String(error.params['comparison']), error.params['limit']) };
    }
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, on: 'value', message: boundMessage(path, value, String(error.params['comparison']), error.params['limit']) };
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
    case 'multipleOf':
      return { path, on: 'value', message: sizeMessage(path, value, error, context.printing) };
    case 'anyOf':
    case 'oneOf':
      return { path, on: 'value', message: noFormMatches(context, error, where, value) };
    case 'not':
      return { path, on: 'value', message: `${where} matches a form the schema forbids (not), got ${describeValue(value)}` };
    case 'if':
      return undefined;
    default:
      return { path, on: 'value', message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/**
 * The API server's words for a custom resource's value outside its enum (upstream: apiextensions-apiserver validation.go
 * kubeOpenAPIResultToFieldErrors: EnumFailCode is field.NotSupported with the value, each allowed string as it is and
 * any other allowed value as its JSON), worded for the release as `printing` says.
 */
function enumMessage(path: Path, value: unknown, allowedValues: unknown, printing: ErrorPrinting): string {
  const supported = (Array.isArray(allowedValues) ? allowedValues : []).map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
  return errorMessageOf(notSupported(path, value, supported), printing);
}

/**
 * The API server's words for a string that is not of its format (upstream: kube-openapi validate values.go FormatOf ->
 * errors.InvalidType "%s in %s must be of type %s: %q", which apiextensions-apiserver validation.go
 * kubeOpenAPIResultToFieldErrors wraps in field.TypeInvalid).
 */
function formatMessage(path: Path, format: string, value: string): string {
  const field = fieldPathString(path);
  return errorMessage(invalid(path, value, `${field} in body must be of type ${format}: ${goQuote(value)}`));
}

/**
 * The API server's words for a string that does not match its pattern (upstream: kube-openapi validate errors.go
 * FailedPattern "%s in %s should match '%s'", which apiextensions-apiserver kubeOpenAPIResultToFieldErrors wraps in
 * field.Invalid with the value).
 */
function patternMessage(path: Path, value: unknown, pattern: string): string {
  const field = fieldPathString(path);
  return errorMessage(invalid(path, value, `${field} in body should match '${pattern}'`));
}

/** kube-openapi's words for each comparison a number failed. */
const BOUND_WORDS: Readonly<Record<string, string>> = {
  '>=': 'greater than or equal to',
  '>': 'greater than',
  '<=': 'less than or equal to',
  '<': 'less than',
};

/**
 * The API server's words for a number outside its bounds (upstream: kube-openapi validate number validators ->
 * errors.ExceedsMaximum/ExceedsMinimum "%s in %s should be less than or equal to %v", which apiextensions-apiserver
 * kubeOpenAPIResultToFieldErrors wraps in field.Invalid).
 */
function boundMessage(path: Path, value: unknown, comparison: string, limit: unknown): string {
  const field = fieldPathString(path);
  return errorMessage(invalid(path, value, `${field} in body should be ${BOUND_WORDS[comparison] ?? comparison} ${String(limit)}`));
}

/**
 * The API server's words for a length, item count or multiple a value breaks (upstream: apiextensions-apiserver
 * validation.go kubeOpenAPIResultToFieldErrors: maxLength is field.TooLongMaxLength (TooLong's words from 1.32),
 * maxItems and maxProperties field.TooMany with the count, both worded for the release; the others wrap kube-openapi's
 * message, e.g. "%s in %s should be at least %d chars long", in field.Invalid with the value, or with the count for
 * items and properties).
 */
function sizeMessage(path: Path, value: unknown, error: SchemaError, printing: ErrorPrinting): string {
  const field = fieldPathString(path);
  const limit = Number(error.params['limit']);
  const count = Array.isArray(value) ? value.length : value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
  switch (error.keyword) {
    case 'maxLength':
      return errorMessageOf(tooLongMaxLength(path, limit), printing);
    case 'maxItems':
    case 'maxProperties':
      return errorMessageOf(tooMany(path, count, limit), printing);
    case 'minLength':
      return errorMessage(invalid(path, value, `${field} in body should be at least ${limit} chars long`));
    case 'minItems':
      return errorMessage(invalid(path, count, `${field} in body should have at least ${limit} items`));
    case 'minProperties':
      return errorMessage(invalid(path, count, `${field} in body should have at least ${limit} properties`));
    default:
      return errorMessage(invalid(path, value, `${field} in body should be a multiple of ${String(error.params['multipleOf'])}`));
  }
}

/** Which branch of a failed anyOf/oneOf came closest (fewest errors) and why, or which branches all matched. */
function noFormMatches(context: Context, error: SchemaError, where: string, value: unknown): string {
  const passing = error.params['passingSchemas'];
  if (Array.isArray(passing)) {
    return `${where} must match exactly one form (oneOf), but matches ${passing.map((index) => `oneOf[${String(index)}]`).join(' and ')}`;
  }
  const base = `${where} matches none of the forms the schema allows, got ${describeValue(value)}`;
  const closest = closestBranch(context.errors, error);
  if (!closest) return base;
  const reason = closest.errors.map((inner) => explain(context, inner)).find((explained) => explained !== undefined);
  return reason ? `${base}; closest is ${error.keyword}[${closest.index}]: ${reason.message}` : base;
}

function closestBranch(errors: readonly SchemaError[], alternative: SchemaError): { index: number; errors: SchemaError[] } | undefined {
  const prefix = `${alternative.schemaPath ?? ''}/`;
  const branches = new Map<number, SchemaError[]>();
  for (const error of errors) {
    if (alternative.schemaPath === undefined || !error.schemaPath?.startsWith(prefix) || !isAtOrUnder(error, alternative)) continue;
    const index = Number.parseInt(error.schemaPath.slice(prefix.length), 10);
    branches.set(index, [...(branches.get(index) ?? []), error]);
  }
  let best: { index: number; errors: SchemaError[] } | undefined;
  for (const [index, branchErrors] of branches) {
    const outer = branchErrors.filter((inner) => !isInsideAlternative(inner, branchErrors.filter(isAlternative)));
    if (!best || outer.length < best.errors.length || (outer.length === best.errors.length && index < best.index)) best = { index, errors: outer };
  }
  return best;
}

/**
 * Whether `error` is about the value `alternative` failed on or one inside it: the items of a list share one schema
 * path, so a branch error of another item has the same schema path prefix but another instance path.
 */
function isAtOrUnder(error: SchemaError, alternative: SchemaError): boolean {
  return error.instancePath === alternative.instancePath || error.instancePath.startsWith(`${alternative.instancePath}/`);
}

/** Errors of the branches of a failed anyOf/oneOf: the anyOf error itself stands for them (one finding per problem). */
function isInsideAlternative(error: SchemaError, alternatives: readonly SchemaError[]): boolean {
  return alternatives.some((alternative) => {
    if (error.schemaPath !== undefined && alternative.schemaPath !== undefined) return error.schemaPath.startsWith(`${alternative.schemaPath}/`);
    const path = alternative.instancePath;
    return error.instancePath.startsWith(`${path}/`) || (!isAlternative(error) && error.instancePath === path);
  });
}


const ARTICLES: Readonly<Record<string, string>> = {
  integer: 'an integer', string: 'a string', boolean: 'a boolean', number: 'a number', object: 'a mapping', array: 'a list', null: 'null',
};

function expectedTypes(types: unknown): string {
  const list = Array.isArray(types) ? types : String(types).split(',');
  return list.map((type) => ARTICLES[String(type)] ?? String(type)).join(' or ');
}

function allowed(values: unknown): string {
  return (Array.isArray(values) ? values : []).map((value) => JSON.stringify(value)).join(', ');
}

