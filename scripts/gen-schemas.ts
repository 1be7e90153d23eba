// Generates schemas/*.json (strict JSON Schemas of every GA built-in kind), schemas/*.cjs (their ajv standalone
// validators) and src/schema/builtin-kinds.ts from @kubernetes/client-node's models and kubernetes-api-facts.json.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { QUANTITY_PATTERN } from '../src/model/quantity.js';
import { GO_INTEGER_BOUNDS } from '../src/schema/go-integers.js';
import { withLinearErrorAppends } from '../src/schema/ajv-code.js';

const require = createRequire(import.meta.url);
const CLIENT = join(require.resolve('@kubernetes/client-node/package.json'), '..');
const MODELS = join(CLIENT, 'dist', 'gen', 'models');
const APIS = join(CLIENT, 'dist', 'gen', 'apis');

type Schema = Record<string, unknown>;
export interface Attribute { readonly name: string; readonly baseName: string; readonly type: string; readonly format: string }
export interface Model {
  readonly attributes: readonly Attribute[];
  readonly required: ReadonlySet<string>;
  /** Field name (as in the model, not the JSON key) → its doc comment. */
  readonly descriptions: ReadonlyMap<string, string>;
}
interface Facts {
  readonly enums: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly quantities: Readonly<Record<string, Readonly<Record<string, 'quantity' | 'map' | 'array'>>>>;
}
/** A built-in kind: its apiVersion, kind, the client-node model describing it and its schema file's base name. */
export interface BuiltinKind { readonly apiVersion: string; readonly kind: string; readonly model: string; readonly file: string }

export const KUBERNETES_VERSION = '1.36';
const QUANTITY: Schema = { type: ['string', 'number'], pattern: QUANTITY_PATTERN };

/** Every generated file, by path relative to the repository root. */
export function generateSchemaFiles(root: string): Map<string, string> {
  const facts = JSON.parse(readFileSync(join(root, 'scripts', 'kubernetes-api-facts.json'), 'utf8')) as Facts;
  const models = loadModels();
  const factsByModel = byModelName(facts, models);
  const kinds = builtinKinds(models);
  const files = new Map<string, string>();
  const modules = new Map<string, Map<string, Schema>>();
  for (const kind of kinds) {
    const schema = kindSchema(kind, models, factsByModel);
    files.set(`schemas/${kind.file}.json`, `${JSON.stringify(schema, null, 1)}\n`);
    const module = validatorModuleOf(kind.file, schema);
    modules.set(module, (modules.get(module) ?? new Map()).set(kind.file, schema));
  }
  for (const [module, schemas] of modules) files.set(`schemas/${module}.cjs`, compileValidators(schemas));
  files.set('src/schema/builtin-kinds.ts', kindIndex(kinds, modules));
  return files;
}

/**
 * The validator module of a kind: the kinds with a pod template share one, so V8 compiles and optimises the PodSpec
 * code once for all of them (each kind's own copy ran thousands of times before it was optimised); others have their own.
 */
function validatorModuleOf(file: string, schema: Schema): string {
  return Object.hasOwn(definitionsOf(schema), 'V1PodSpec') ? POD_TEMPLATE_KINDS_MODULE : file;
}

const POD_TEMPLATE_KINDS_MODULE = 'pod-template-kinds';

/** The client-node models of `dir`: compiled (`*.js` + `*.d.ts`) or TypeScript sources (`*.ts`). */
export function loadModels(dir: string = MODELS): Map<string, Model> {
  const models = new Map<string, Model>();
  for (const file of readdirSync(dir).filter((name) => /^[^.]+\.(?:d\.)?ts$/.test(name)).sort()) {
    const base = file.replace(/\.(?:d\.)?ts$/, '');
    const declaration = readFileSync(join(dir, file), 'utf8');
    const code = file.endsWith('.d.ts') ? readFileSync(join(dir, `${base}.js`), 'utf8') : declaration;
    const match = /attributeTypeMap(?::[^=]*)? = (\[[\s\S]*?\]);/.exec(code);
    if (!match?.[1]) continue;
    const required = new Set([...declaration.matchAll(/^ {4}'([^']+)': /gm)].map((m) => m[1] ?? ''));
    const name = base.charAt(0).toUpperCase() + base.slice(1);
    models.set(name, { attributes: JSON.parse(match[1]) as Attribute[], required, descriptions: fieldDescriptions(declaration) });
  }
  return models;
}

/** Each field's doc comment (the text of the JSDoc block right above its declaration). */
function fieldDescriptions(declaration: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const match of declaration.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*'([^']+)'\??:/g)) {
    found.set(match[2] ?? '', (match[1] ?? '').replace(/^\s*\* ?/gm, '').trim());
  }
  return found;
}

/** The facts file is keyed by upstream definition (io.k8s.api.core.v1.Container); client-node names it V1Container. */
function byModelName(facts: Facts, models: ReadonlyMap<string, Model>): Map<string, { enums: Record<string, readonly string[]>; quantities: Record<string, string> }> {
  const out = new Map<string, { enums: Record<string, readonly string[]>; quantities: Record<string, string> }>();
  const entry = (definition: string) => {
    const model = modelNameOf(definition, models);
    const found = out.get(model) ?? { enums: {}, quantities: {} };
    out.set(model, found);
    return found;
  };
  for (const [definition, fields] of Object.entries(facts.enums)) Object.assign(entry(definition).enums, fields);
  for (const [definition, fields] of Object.entries(facts.quantities)) Object.assign(entry(definition).quantities, fields);
  return out;
}

function modelNameOf(definition: string, models: ReadonlyMap<string, Model>): string {
  const [group = '', version = '', type = ''] = definition.replace(/^io\.k8s\.api\./, '').split('.');
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const qualified = `${capital(group)}${capital(version)}${type}`;
  const plain = `${capital(version)}${type}`;
  if (models.has(qualified)) return qualified;
  if (models.has(plain)) return plain;
  throw new Error(`no client-node model for ${definition}`);
}

/** GA kinds: the bodies of create calls on collection paths (no {name}) of the GA API classes. */
export function builtinKinds(models: ReadonlyMap<string, Model>): BuiltinKind[] {
  const kinds = new Map<string, BuiltinKind>();
  for (const file of readdirSync(APIS).filter((name) => /V\d+Api\.js$/.test(name))) {
    const text = readFileSync(join(APIS, file), 'utf8');
    for (const method of text.split(/\n {4}async create/).slice(1)) {
      const path = /const localVarPath = '([^']+)'/.exec(method)?.[1];
      const model = /ObjectSerializer\.serialize\(body, "(\w+)"/.exec(method)?.[1];
      if (!path || !model || path.includes('{name}') || !models.has(model)) continue;
      const apiVersion = /^\/api\/(v\d+)\//.exec(path)?.[1] ?? /^\/apis\/([^/]+\/v\d+)\//.exec(path)?.[1];
      const kind = /^(?:[A-Z][a-z]+)?V\d+(?:(?:alpha|beta)\d+)?([A-Z]\w*)$/.exec(model)?.[1];
      if (!apiVersion || !kind) continue;
      const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('.') < 0 ? apiVersion.indexOf('/') : apiVersion.indexOf('.')) : '';
      const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
      const file = [kind, group, version].filter(Boolean).join('-').toLowerCase();
      kinds.set(`${apiVersion} ${kind}`, { apiVersion, kind, model, file });
    }
  }
  return [...kinds.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function kindSchema(kind: BuiltinKind, models: ReadonlyMap<string, Model>, facts: ReturnType<typeof byModelName>): Schema {
  const definitions: Record<string, Schema> = {};
  const pending = [kind.model];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (definitions[name]) continue;
    const model = models.get(name);
    if (!model) throw new Error(`unknown model ${name}`);
    definitions[name] = objectSchema(model, facts.get(name), (ref) => pending.push(ref));
  }
  const { [kind.model]: root, ...rest } = definitions;
  const sorted = Object.fromEntries(Object.keys(rest).sort().map((key) => [key, rest[key]]));
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: `${kind.apiVersion} ${kind.kind}`, ...root, definitions: sorted };
}

function objectSchema(model: Model, facts: { enums: Record<string, readonly string[]>; quantities: Record<string, string> } | undefined, refer: (model: string) => void): Schema {
  const properties: Record<string, Schema> = {};
  for (const attribute of model.attributes) {
    const quantity = facts?.quantities[attribute.baseName];
    const values = facts?.enums[attribute.baseName];
    const schema = quantity ? quantitySchema(quantity) : typeSchema(attribute.type, attribute.format, refer);
    properties[attribute.baseName] = values ? { ...schema, enum: values } : schema;
  }
  const required = model.attributes.filter((a) => model.required.has(a.name)).map((a) => a.baseName);
  return { type: 'object', properties, ...(required.length > 0 && { required }), additionalProperties: false };
}

function quantitySchema(shape: string): Schema {
  if (shape === 'map') return { type: 'object', additionalProperties: QUANTITY };
  if (shape === 'array') return { type: 'array', items: QUANTITY };
  return QUANTITY;
}

function typeSchema(type: string, format: string, refer: (model: string) => void): Schema {
  const array = /^Array<(.+)>$/.exec(type);
  // a list's or map's format is its items' (supplementalGroups: Array<number>, int64)
  if (array?.[1]) return { type: 'array', items: typeSchema(array[1], format, refer) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1]) return { type: 'object', additionalProperties: typeSchema(map[1], format, refer) };
  switch (type) {
    case 'string': case 'Date': case 'V1MicroTime': return { type: 'string' };
    case 'boolean': return { type: 'boolean' };
    // an int32 or int64 field takes a number of that range only (the API server decodes into Go fields)
    case 'number': return format === 'int32' || format === 'int64' ? { type: 'integer', ...GO_INTEGER_BOUNDS[format] } : { type: 'number' };
    // IntOrString.UnmarshalJSON reads a number into its int32 IntVal
    case 'IntOrString': return { type: ['integer', 'string'], ...GO_INTEGER_BOUNDS.int32 };
    case 'any': return {};
    default:
      refer(type);
      return { $ref: `#/definitions/${type}` };
  }
}

/**
 * One ajv standalone module exporting each kind's validator (with its field graph) under the kind's file name. The
 * kinds' definitions are one shared schema, so a definition several kinds use is one function (definitions of the
 * same name are the same client-node model, hence equal).
 */
function compileValidators(schemas: ReadonlyMap<string, Schema>): string {
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const standalone = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, messages: false, code: { source: true, lines: false }, inlineRefs: false, addUsedSchema: false });
  const definitions: Record<string, Schema> = {};
  for (const schema of schemas.values()) Object.assign(definitions, schema['definitions']);
  ajv.addSchema({ $id: DEFINITIONS_ID, definitions });
  for (const [file, { definitions: _own, ...root }] of schemas) ajv.addSchema({ ...(JSON.parse(JSON.stringify(root).replaceAll('"#/definitions/', `"${DEFINITIONS_ID}#/definitions/`)) as Schema), $id: file });
  const exported = Object.fromEntries([...schemas.keys()].map((file) => [file, file]));
  const fields = [...schemas].map(([file, schema]) => {
    const graph = Object.fromEntries(Object.entries(definitionsOf(schema)).map(([name, definition]) => [name, fieldsOf(definition)]));
    return `lazyFields(module.exports[${JSON.stringify(file)}], ${JSON.stringify(JSON.stringify(graph))});\n`;
  });
  return `${compact(standalone(ajv, exported))}\n${LAZY_FIELDS}${fields.join('')}`;
}

/**
 * Each validator's field graph is JSON parsed on first use: a module holds the graphs of all its kinds, and building
 * them as object literals cost a one-Deployment start 6 ms for the kinds it never meets.
 */
const LAZY_FIELDS = 'function lazyFields(validate, json) { let graph; Object.defineProperty(validate, "fields", { get: () => (graph ??= JSON.parse(json)) }); }\n';

const DEFINITIONS_ID = 'definitions';

/** Shrinks ajv's error bookkeeping (a third of the code) and makes it linear, without changing behaviour; schemaPath is never read. */
function compact(code: string): string {
  return withLinearErrorAppends(code)
    .replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, '(vErrors||(vErrors=[])).push($1);')
    .replace(/schemaPath:"[^"]*",/g, '');
}

/** Each property's definition: "V1Container", "V1Container[]" (list), "V1Volume{}" (map), or null for plain values. */
function fieldsOf(definition: Schema): Record<string, string | null> {
  const refName = (schema: unknown) => {
    const ref = (schema as Schema | undefined)?.['$ref'];
    return typeof ref === 'string' ? ref.slice('#/definitions/'.length) : undefined;
  };
  return Object.fromEntries(Object.entries(propertiesOf(definition)).map(([name, property]) => {
    const schema = property as Schema;
    const direct = refName(schema);
    const item = refName(schema['items']);
    const entry = refName(schema['additionalProperties']);
    return [name, direct ?? (item ? `${item}[]` : entry ? `${entry}{}` : null)];
  }));
}

function definitionsOf(schema: Schema): Record<string, Schema> {
  return { '': schema, ...(schema['definitions'] as Record<string, Schema>) };
}

function propertiesOf(schema: Schema): Record<string, unknown> {
  return (schema['properties'] as Record<string, unknown> | undefined) ?? {};
}

function kindIndex(kinds: readonly BuiltinKind[], modules: ReadonlyMap<string, ReadonlyMap<string, Schema>>): string {
  const rows = kinds.map((kind) => `  ${JSON.stringify(`${kind.apiVersion} ${kind.kind}`)}: ${JSON.stringify(kind.file)},`);
  const shared = [...modules].filter(([module, schemas]) => schemas.size > 1 || !schemas.has(module));
  const moduleRows = shared.flatMap(([module, schemas]) => [...schemas.keys()].map((file) => `  ${JSON.stringify(file)}: ${JSON.stringify(module)},`));
  return [
    '// Generated by scripts/gen-schemas.ts: every built-in kind ("apiVersion kind") and its schema file in schemas/.',
    `export const SCHEMA_KUBERNETES_VERSION = ${JSON.stringify(KUBERNETES_VERSION)};`,
    '',
    'export const BUILTIN_KINDS: Readonly<Record<string, string>> = {',
    ...rows,
    '};',
    '',
    '/** The schema files whose validator is in a module shared with other kinds (schemas/<module>.cjs); others have their own. */',
    'export const SHARED_VALIDATOR_MODULES: Readonly<Record<string, string>> = {',
    ...moduleRows,
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const root = process.cwd();
  const files = generateSchemaFiles(root);
  for (const [path, text] of files) writeFileSync(join(root, path), text);
  process.stdout.write(`wrote ${files.size} files\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
