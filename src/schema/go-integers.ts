// Integer fields of the built-in kinds as the API server decodes them: into Go int32 and int64 fields, whose range a
// JSON number must fit or the request is rejected before any validation (upstream: sigs.k8s.io/json, a fork of
// encoding/json: literalStore saves an UnmarshalTypeError for a number ParseInt refuses or the field overflows). The
// generated schemas bound such fields by their Go range (scripts/gen-schemas.ts); these are the bounds, and the words.
import type { Path } from '../model/document.js';
import type { FieldGraph, SchemaError } from './compiled-validator.js';
import { definitionAt } from './field-graph.js';

export const GO_INTEGER_BOUNDS = {
  int32: { minimum: -2147483648, maximum: 2147483647 },
  int64: { minimum: -9223372036854775808, maximum: 9223372036854775807 },
} as const;

export type GoIntegerType = keyof typeof GO_INTEGER_BOUNDS;

/** The Go integer type whose range `error` (a built-in schema's minimum or maximum) says the value leaves. */
export function goIntegerOverflow(error: SchemaError): GoIntegerType | undefined {
  if (error.keyword !== 'minimum' && error.keyword !== 'maximum') return undefined;
  const limit = error.params['limit'];
  for (const type of ['int32', 'int64'] as const) if (GO_INTEGER_BOUNDS[type][error.keyword] === limit) return type;
  return undefined;
}

/**
 * The decoder's error for `value` at `path`, as kubectl prints it: `json: cannot unmarshal number 3000000000 into Go
 * struct field DeploymentSpec.spec.replicas of type int32`. The struct is the Go type holding the field (the client
 * model's name without its group and version prefix; the kind for the object's own fields), the field its path of
 * JSON keys without list indexes; the number is the JSON kubectl sent, which writes a float64 as JavaScript does
 * (fixed below 1e21).
 */
export function goIntegerOverflowMessage(path: Path, value: unknown, type: GoIntegerType, fields: FieldGraph, kind: string): string {
  // an item of a list of integers (supplementalGroups) is reported at the list's field
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  const owner = path.slice(0, path.lastIndexOf(keys[keys.length - 1] ?? ''));
  const definition = definitionAt(fields, owner) ?? '';
  // the object's own fields are the kind's struct (PriorityClass.value)
  const struct = definition === '' ? kind : definition.replace(/^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?/, '');
  const fieldPath = keys.join('.');
  return `json: cannot unmarshal number ${String(value)} into Go struct field ${struct}.${fieldPath} of type ${type}`;
}
