// Schema errors → findings: one per problem, at the offending key or value, in words a person reads.
import { formatPath, type Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { QUANTITY_PATTERN } from '../model/quantity.js';
import type { FieldGraph, SchemaError } from './compiled-validator.js';
import { fieldsAt } from './field-graph.js';
import { closestName } from './closest-name.js';

export const SCHEMA_RULE = 'schema';

interface Explained {
  readonly path: Path;
  readonly on: 'key' | 'value';
  readonly message: string;
}

/** Findings for a validator's errors on `object`; `fields` describes the schema's objects for suggestions. */
export function explainErrors(
  object: KubeObject,
  errors: readonly SchemaError[],
  fields: FieldGraph,
): Finding[] {
  const byPath = new Map<string, Explained>();
  const alternatives = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => error.instancePath);
  const kept = errors.filter((error) => !isInsideAlternative(error, alternatives));
  const typed = new Set(kept.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  for (const error of kept) {
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    const explained = explain(object, error, fields);
    if (!explained) continue;
    const key = `${formatPath(explained.path)}\u0000${explained.on}`;
    if (!byPath.has(key)) byPath.set(key, explained);
  }
  return [...byPath.values()].map(({ path, on, message }) =>
    findingAt(object, path, { ruleId: SCHEMA_RULE, severity: 'error', message }, on),
  );
}

function explain(object: KubeObject, error: SchemaError, fields: FieldGraph): Explained | undefined {
  const path = pathOf(object.value, error.instancePath);
  const where = path.length > 0 ? formatPath(path) : object.ref.kind;
  const value = valueAt(object.value, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params['additionalProperty']);
      const suggestion = closestName(field, fieldsAt(fields, path));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      return { path: [...path, field], on: 'key', message: `unknown field "${field}" in ${where}${hint}` };
    }
    case 'required':
      return { path, on: 'key', message: `missing required field "${String(error.params['missingProperty'])}" in ${where}` };
    case 'type':
      return { path, on: 'value', message: `${where} must be ${expectedTypes(error.params['type'])}, got ${describe(value)}` };
    case 'enum':
      return { path, on: 'value', message: `${where} must be one of ${allowed(error.params['allowedValues'])}, got ${describe(value)}` };
    case 'pattern':
      return error.params['pattern'] === QUANTITY_PATTERN
        ? { path, on: 'value', message: `${where}: ${describe(value)} is not a valid quantity` }
        : { path, on: 'value', message: `${where}: ${describe(value)} does not match ${String(error.params['pattern'])}` };
    case 'anyOf':
    case 'oneOf':
      return { path, on: 'value', message: `${where} matches none of the forms the schema allows, got ${describe(value)}` };
    case 'if':
      return undefined;
    default:
      return { path, on: 'value', message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** Errors of the branches of a failed anyOf/oneOf: the anyOf error itself stands for them (one finding per problem). */
function isInsideAlternative(error: SchemaError, alternatives: readonly string[]): boolean {
  if (error.keyword === 'anyOf' || error.keyword === 'oneOf') return alternatives.some((path) => error.instancePath.startsWith(`${path}/`));
  return alternatives.some((path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`));
}

/** A JSON pointer as a path; array indexes become numbers. */
function pathOf(value: unknown, pointer: string): Path {
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

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
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

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
