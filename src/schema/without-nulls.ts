// The API server treats a null field as absent (`creationTimestamp: null` is everywhere in generated manifests), and
// reads a null item of a typed list as its type's zero value; a field it does not know is an error even when null.
import type { CompiledValidator, SchemaError } from './compiled-validator.js';
import { pointerPath, type Path } from '../model/document.js';
import { valueAt } from '../model/workload.js';

/** The value with null-valued mapping entries removed, recursively; unchanged parts keep their identity. */
export function withoutNulls(value: unknown): unknown {
  return hasNullEntry(value) ? stripNullEntries(value) : value;
}

/** Most objects have no null entry: finding that out allocates nothing. */
export function hasNullEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasNullEntry);
  for (const key in value) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry === null || hasNullEntry(entry)) return true;
  }
  return false;
}

function stripNullEntries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) out[key] = withoutNulls(entry);
  return out;
}

/**
 * The unknown fields whose value is null, as the validator's `additionalProperties` errors: withoutNulls drops them
 * before validation, but the strict decoding rejects a field by its name before it reads the value
 * (`strict decoding error: unknown field "spec.template.spec.containers[0].extra"` for `extra:` left empty). The
 * validator runs on the value as written, so its `errors` are those of this run until the caller validates again.
 */
// upstream: sigs.k8s.io/json internal/golang/encoding/json decode.go object() (an unknown key with disallowUnknownFields
// saves a strict error before the value is read); apiextensions-apiserver pruning likewise drops any unknown key
export function unknownNullFields(value: unknown, validator: CompiledValidator): SchemaError[] {
  if (!hasNullEntry(value) || validator(value)) return [];
  return (validator.errors ?? []).filter((error) => error.keyword === 'additionalProperties' && holdsNull(value, error));
}

function holdsNull(value: unknown, error: SchemaError): boolean {
  const parent = valueAt(value, pointerPath(value, error.instancePath));
  return typeof parent === 'object' && parent !== null && (parent as Record<string, unknown>)[String(error.params['additionalProperty'])] === null;
}

/** Go's zero value of a JSON Schema scalar type. */
const ZERO_VALUES: Readonly<Record<string, string | number | boolean>> = { string: '', integer: 0, number: 0, boolean: false };

/** Go's zero value of a JSON Schema type: an object is the zero struct, which its fields' validation then judges. */
function zeroValue(type: unknown): unknown {
  return type === 'object' ? {} : ZERO_VALUES[String(type)];
}

/**
 * `value` with every null list item that `errors` reports as not of its type replaced by that type's zero value, or
 * undefined when there is none: encoding/json leaves a list element it reads as null at its zero value, so the API
 * server takes `args: [a, null]` for ["a", ""] (a placeholder such as `- #{IMAGE}` is a comment, so null), and
 * `imagePullSecrets: [null]` for one LocalObjectReference{} (an empty item a template left).
 */
// upstream: encoding/json decode.go literalStore ("null": only interfaces, pointers, maps and slices change), which
// sigs.k8s.io/json forks for the API server's decoding of built-in kinds
export function withZeroItems(value: unknown, errors: readonly SchemaError[]): unknown {
  const items = errors.flatMap((error) => {
    const zero = error.keyword === 'type' ? zeroValue(error.params['type']) : undefined;
    const path = pointerPath(value, error.instancePath);
    return zero !== undefined && isNullItem(value, path) ? [{ path, zero }] : [];
  });
  if (items.length === 0) return undefined;
  const decoded = structuredClone(value);
  for (const { path, zero } of items) (parentOf(decoded, path) as unknown[])[Number(path.at(-1))] = zero;
  return decoded;
}

function isNullItem(value: unknown, path: Path): boolean {
  const parent = parentOf(value, path);
  return Array.isArray(parent) && parent[Number(path.at(-1))] === null;
}

function parentOf(value: unknown, path: Path): unknown {
  return valueAt(value, path.slice(0, -1));
}
