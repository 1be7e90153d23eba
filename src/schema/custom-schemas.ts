// Schemas of custom resources: from --schemas directories and from CustomResourceDefinitions among the inputs.
import { createHash } from '../load/deferred-builtins.js';
import { createRequire } from 'node:module';
import { moduleFunction, runWithCodeCache, type CodeCacheEntry } from '../load/code-cache.js';
import type { CodeStore } from '../load/validator-cache-dir.js';
import { groupOf } from '../model/kinds.js';
import { asArray, asRecord } from '../model/object.js';
import type { CompiledValidator, FieldGraph } from './compiled-validator.js';
import { formatCheck, formatChecks } from './openapi-formats.js';
import { withLinearErrorAppends } from './ajv-code.js';
import { re2RegExp, re2RegExpOf, RE2_ENGINE_MODULE } from './re2-pattern.js';

type Schema = Record<string, unknown>;

/** `group/kind_version` lower-case, the key extraSchemas and CRD schemas share (kubeconform's file naming). */
export function customSchemaKey(apiVersion: string, kind: string): string {
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return `${groupOf(apiVersion)}/${kind}_${version}`.toLowerCase();
}

/** The --schemas files by key (lower-case). */
export function customSchemas(extraSchemas: ReadonlyMap<string, unknown>): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
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
export function resourceSchema(schema: Schema): Schema {
  const strict = structural(schema, 'enclosing');
  const properties = asRecord(strict['properties']) ?? {};
  // metadata is ObjectMeta, whose fields object-meta.ts checks; a CRD may only add value checks on name and generateName
  const { additionalProperties: _open, ...metadata }: Schema = { ...asRecord(properties['metadata']), type: 'object' };
  return { ...strict, type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...properties, metadata } };
}

/**
 * `enclosing`: a node whose `properties` decide which fields are known. `branch`: inside allOf/anyOf/oneOf/not, where a
 * structural schema only adds value checks (upstream: apiextensions-apiserver pkg/apis/apiextensions/validation
 * structural-schema rules), so no `additionalProperties: false` is added there.
 */
type Position = 'enclosing' | 'branch';

function structural(schema: Schema, position: Position): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === 'patternProperties') {
      out[keyword] = Object.fromEntries(Object.entries(asRecord(value) ?? {}).map(([name, entry]) => [name, structural(asRecord(entry) ?? {}, position)]));
    } else if ((keyword === 'items' || keyword === 'additionalProperties') && asRecord(value)) {
      out[keyword] = structural(asRecord(value) ?? {}, position);
    } else if (keyword === 'not' && asRecord(value)) {
      out[keyword] = structural(asRecord(value) ?? {}, 'branch');
    } else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') {
      out[keyword] = asArray(value).map((entry) => structural(asRecord(entry) ?? {}, 'branch'));
    } else if (keyword === '$ref' || keyword === 'definitions') {
      continue; // forbidden in a CRD's schema (api-validation refuses the CRD), never followed: `$ref: "#"` must not loop
    } else if (keyword === 'pattern' && re2RegExpOf(String(value)) === undefined) {
      continue; // a pattern RE2 refuses, or one kubefit cannot run as RE2 does: not checked rather than wrongly checked
    } else if (!keyword.startsWith('x-kubernetes-') && keyword !== 'nullable' && keyword !== 'default') {
      out[keyword] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true && out['type'] === undefined) out['type'] = ['integer', 'string'];
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-embedded-resource'] === true;
  if (position === 'enclosing' && out['properties'] && out['additionalProperties'] === undefined && !open) out['additionalProperties'] = false;
  return out;
}

const require = createRequire(import.meta.url);

export interface CustomValidator {
  readonly validate: CompiledValidator;
  readonly fields: FieldGraph;
  /** Stores V8's code cache of the validator once it has run (so lazily compiled functions are in it), then forgets. */
  saveCodeCache?: (() => void) | undefined;
}

/** Bumped when the compiled form changes without the schema changing (ajv options, structural transform). */
const COMPILER_REVISION = 'ajv8-allErrors-openapi-formats-re2-linear-no-ref-written-out-5';

/**
 * Compiles a custom schema (ajv is loaded only when a run has custom resources with schemas), or takes the compiled code
 * from `store` when it holds this exact schema; an unreadable or broken entry is compiled afresh and replaced.
 */
export function compileCustomSchema(schema: Schema, store?: CodeStore): CustomValidator | string {
  const { $schema: _ignored, ...raw } = schema;
  const body = withDraft7Bounds(raw);
  if (!store) return compileWithAjv(body, undefined);
  const key = createHash('sha256').update(COMPILER_REVISION).update(JSON.stringify(body)).digest('hex');
  const cached = store.read(`${key}.cjs`)?.toString('utf8');
  const restored = cached === undefined ? undefined : instantiate(cached, { store, key });
  return restored ? withFields(restored, body) : compileWithAjv(body, { store, key });
}

/** The field graph is built only when a finding needs a suggestion. */
function withFields(compiled: Omit<CustomValidator, 'fields'>, body: Schema): CustomValidator {
  let fields: FieldGraph | undefined;
  return {
    ...compiled,
    get fields() {
      return (fields ??= fieldGraphOf(body));
    },
  };
}

function compileWithAjv(body: Schema, entry: CodeCacheEntry | undefined): CustomValidator | string {
  const { default: Ajv, _ } = require('ajv') as typeof import('ajv');
  const formats = checkedFormats(body);
  // standalone code takes the checks from FORMATS_MODULE (see instantiate); other formats are ignored, as upstream does
  const code = { source: entry !== undefined, formats: _`require(${FORMATS_MODULE})(${JSON.stringify(formats)})`, regExp: re2RegExp };
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false, formats: formatChecks(formats), code });
  try {
    const validate = ajv.compile(body) as CompiledValidator;
    if (!entry) return withFields({ validate }, body);
    const { default: standaloneCode } = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
    const code = withLinearErrorAppends(standaloneCode(ajv, validate as never));
    entry.store.write(`${entry.key}.cjs`, code);
    return withFields(instantiate(code, entry) ?? { validate }, body);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Runs standalone code with V8's code cache when one fits; undefined when it yields no validator. */
function instantiate(code: string, entry: CodeCacheEntry): Omit<CustomValidator, 'fields'> | undefined {
  try {
    // the code requires ajv's runtime helpers, resolved from here, and the format checks it names
    const module = runWithCodeCache(moduleFunction(code), `kubefit-validator-${entry.key}.cjs`, entry, requireFromValidator);
    if (typeof module.exports !== 'function') return undefined;
    return { validate: module.exports as CompiledValidator, saveCodeCache: module.saveCodeCache };
  } catch {
    return undefined;
  }
}

/** The id standalone validators require their format checks by: a function of the JSON list of the names they use. */
const FORMATS_MODULE = 'kubefit:openapi-formats';

function requireFromValidator(id: string): unknown {
  if (id === RE2_ENGINE_MODULE) return re2RegExp;
  return id === FORMATS_MODULE ? (names: string) => formatChecks(JSON.parse(names) as string[]) : require(id);
}

/** The formats `schema` uses that the API server checks (kube-openapi strfmt), as spelt there, sorted. */
function checkedFormats(schema: Schema): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    const record = asRecord(node);
    if (!record) return;
    const format = record['format'];
    if (typeof format === 'string' && formatCheck(format)) names.add(format);
    for (const keyword of SCHEMA_MAPS) Object.values(asRecord(record[keyword]) ?? {}).forEach(visit);
    for (const keyword of SUBSCHEMAS) (Array.isArray(record[keyword]) ? asArray(record[keyword]) : [record[keyword]]).forEach(visit);
  };
  visit(schema);
  return [...names].sort();
}

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'additionalItems', 'not', 'allOf', 'anyOf', 'oneOf'];

/**
 * The schema with OpenAPI v3.0's boolean exclusiveMaximum/exclusiveMinimum, which make maximum/minimum exclusive, in
 * JSON Schema draft 7's form, which takes the bound itself: ajv refuses to compile a boolean there. CRDs write them
 * (contour's, chaos-mesh's), and so do --schemas files converted from CRDs (the CRDs-catalog). Unchanged parts keep
 * their identity.
 */
// upstream: apiextensions JSONSchemaProps ExclusiveMaximum/ExclusiveMinimum bool; kube-openapi validate number_validator
function withDraft7Bounds(schema: Schema): Schema {
  let out: Schema | undefined;
  const set = (keyword: string, value: unknown) => ((out ??= { ...schema })[keyword] = value);
  for (const keyword of SCHEMA_MAPS) {
    const map = asRecord(schema[keyword]);
    const converted = map && Object.fromEntries(Object.entries(map).map(([name, entry]) => [name, subschemaBounds(entry)]));
    if (map && converted && Object.keys(map).some((name) => converted[name] !== map[name])) set(keyword, converted);
  }
  for (const keyword of SUBSCHEMAS) {
    const value = schema[keyword];
    const converted = Array.isArray(value) ? value.map(subschemaBounds) : subschemaBounds(value);
    const changed = Array.isArray(value) && Array.isArray(converted) ? converted.some((entry, index) => entry !== value[index]) : converted !== value;
    if (changed) set(keyword, converted);
  }
  for (const [bound, exclusive] of [['maximum', 'exclusiveMaximum'], ['minimum', 'exclusiveMinimum']] as const) {
    const flag = schema[exclusive];
    if (typeof flag !== 'boolean') continue;
    const target = (out ??= { ...schema });
    const limit = target[bound];
    delete target[exclusive];
    if (flag && limit !== undefined) {
      target[exclusive] = limit;
      delete target[bound];
    }
  }
  return out ?? schema;
}

function subschemaBounds(value: unknown): unknown {
  const record = asRecord(value);
  return record ? withDraft7Bounds(record) : value;
}

/** The field graph of an inline schema (nested properties, items and additionalProperties), for suggestions. */
export function fieldGraphOf(schema: Schema): FieldGraph {
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
