// Schemas of custom resources: from --schemas directories and from CustomResourceDefinitions among the inputs.
import { createRequire } from 'node:module';
import { groupOf } from '../model/kinds.js';
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import type { CompiledValidator, FieldGraph } from './compiled-validator.js';

type Schema = Record<string, unknown>;

/** `group/kind_version` lower-case, the key extraSchemas and CRD schemas share (kubeconform's file naming). */
export function customSchemaKey(apiVersion: string, kind: string): string {
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return `${groupOf(apiVersion)}/${kind}_${version}`.toLowerCase();
}

/** Schemas by key: every served version's openAPIV3Schema of the CRDs in `objects`, then `extraSchemas` (which win). */
export function customSchemas(objects: readonly KubeObject[], extraSchemas: ReadonlyMap<string, unknown>): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const object of objects) {
    if (object.ref.apiVersion !== 'apiextensions.k8s.io/v1' || object.ref.kind !== 'CustomResourceDefinition') continue;
    const spec = asRecord(object.value['spec']);
    const group = spec?.['group'];
    const kind = asRecord(spec?.['names'])?.['kind'];
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    for (const version of asArray(spec?.['versions'])) {
      const name = asRecord(version)?.['name'];
      const schema = asRecord(asRecord(asRecord(version)?.['schema'])?.['openAPIV3Schema']);
      if (typeof name === 'string' && schema) schemas.set(customSchemaKey(`${group}/${name}`, kind), resourceSchema(schema));
    }
  }
  for (const [key, schema] of extraSchemas) {
    const record = asRecord(schema);
    if (record) schemas.set(key.toLowerCase(), record as Schema);
  }
  return schemas;
}

/** The schema for an object: `group/kind_version`, or `kind_version` (a --schemas file outside a group folder). */
export function schemaFor(schemas: ReadonlyMap<string, Schema>, apiVersion: string, kind: string): { key: string; schema: Schema } | undefined {
  const key = customSchemaKey(apiVersion, kind);
  const short = key.slice(key.indexOf('/') + 1);
  const schema = schemas.get(key) ?? schemas.get(short);
  return schema ? { key, schema } : undefined;
}

/** A CRD's structural schema as the API server applies it: unknown fields are errors unless preserved. */
function resourceSchema(schema: Schema): Schema {
  const strict = structural(schema);
  const properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...asRecord(strict['properties']) };
  return { ...strict, type: 'object', properties };
}

function structural(schema: Schema): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === 'patternProperties') {
      out[keyword] = Object.fromEntries(Object.entries(asRecord(value) ?? {}).map(([name, entry]) => [name, structural(asRecord(entry) ?? {})]));
    } else if ((keyword === 'items' || keyword === 'additionalProperties' || keyword === 'not') && asRecord(value)) {
      out[keyword] = structural(asRecord(value) ?? {});
    } else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') {
      out[keyword] = asArray(value).map((entry) => structural(asRecord(entry) ?? {}));
    } else if (keyword === 'pattern' && !isJavaScriptPattern(value)) {
      continue; // an RE2-only pattern such as (?i)...: not checked rather than wrongly checked
    } else if (!keyword.startsWith('x-kubernetes-') && keyword !== 'nullable') {
      out[keyword] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true && out['type'] === undefined) out['type'] = ['integer', 'string'];
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-embedded-resource'] === true;
  if (out['properties'] && out['additionalProperties'] === undefined && !open) out['additionalProperties'] = false;
  return out;
}

function isJavaScriptPattern(pattern: unknown): boolean {
  try {
    new RegExp(String(pattern), 'u');
    return true;
  } catch {
    return false;
  }
}

const require = createRequire(import.meta.url);

export interface CustomValidator {
  readonly validate: CompiledValidator;
  readonly fields: FieldGraph;
}

/** Compiles a custom schema at run time (ajv is loaded only when a run has custom resources with schemas). */
export function compileCustomSchema(schema: Schema): CustomValidator | string {
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, logger: false });
  const { $schema: _ignored, ...body } = schema;
  try {
    return { validate: ajv.compile(body) as CompiledValidator, fields: fieldGraphOf(body) };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The field graph of an inline schema (nested properties, items and additionalProperties), for suggestions. */
function fieldGraphOf(schema: Schema): FieldGraph {
  const graph: Record<string, Record<string, string | null>> = {};
  const visit = (node: Schema, name: string): void => {
    const fields: Record<string, string | null> = {};
    graph[name] = fields;
    for (const [field, raw] of Object.entries(asRecord(node['properties']) ?? {})) {
      const child = asRecord(raw) ?? {};
      const childName = `${name}/${field}`;
      const items = asRecord(child['items']);
      const entries = asRecord(child['additionalProperties']);
      const [target, suffix] = asRecord(child['properties']) ? [child, ''] : items?.['properties'] ? [items, '[]'] : entries?.['properties'] ? [entries, '{}'] : [undefined, ''];
      fields[field] = target ? `${childName}${suffix}` : null;
      if (target) visit(target as Schema, childName);
    }
  };
  visit(schema, '');
  return graph;
}
