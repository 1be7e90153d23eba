// Reads a config file: YAML (or JSON) with positions, checked against schemas/kubefit-config.schema.json.
import { readFileSync } from 'node:fs';
import { readFile } from '../load/async-fs.js';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { fileValue, PLAIN_DATA } from '../model/yaml-file-value.js';
import { UsageError } from '../model/usage-error.js';
import { formatPath } from '../model/document.js';
import { peerNameHint } from '../lint/peer-check-names.js';
import { didYouMean } from '../model/closest-name.js';
import type { FailOn, IgnoreEntry, RuleOptionValues, RuleSetting, SchemaRuleConfig } from './config.js';

/** A rule's entry in the config file: a severity, `[severity, options]` (ESLint's form), or options alone. */
export type RuleEntry = RuleSetting | readonly [RuleSetting, RuleOptionValues] | RuleOptionValues;

/** The config file as written (the shape schemas/kubefit-config.schema.json describes). */
export interface ConfigFileContent {
  readonly extends?: 'kubefit:recommended' | 'kubefit:strict';
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly ignore?: readonly (string | IgnoreEntry)[];
  readonly cluster?: readonly string[];
  readonly schemas?: readonly string[];
  readonly kubernetesVersion?: string;
  readonly failOn?: FailOn;
  readonly overrides?: readonly { readonly files: readonly string[]; readonly rules: Readonly<Record<string, RuleSetting>> }[];
  readonly customRules?: readonly SchemaRuleConfig[];
  readonly rulesDirs?: readonly string[];
}

export interface ConfigFile {
  /** The file as found or named. */
  readonly file: string;
  /** The directory its paths and globs are relative to. */
  readonly baseDir: string;
  readonly content: ConfigFileContent;
  /** `file:line:col` of the key at `path` (or of the value, for sequence items); undefined when there is none. */
  readonly locate?: (path: readonly (string | number)[]) => string | undefined;
}

// a path into this repository would name nothing where kubefit is installed from npm
const HINT = 'See https://github.com/kubefit/kubefit/blob/main/docs/integrations.md#configuration-file for the format.';

let validator: ReturnType<Ajv['compile']> | undefined;

/**
 * The schema ships as schemas/kubefit-config.schema.json at the package root (for editors too): two levels up from
 * src/config, three from dist/src/config. Read, not imported, because JSON imports need Node 20.10.
 */
function readConfigSchema(): object {
  for (const relative of ['../../schemas/kubefit-config.schema.json', '../../../schemas/kubefit-config.schema.json']) {
    try {
      return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as object;
    } catch {
      // not at this level: try the next one
    }
  }
  throw new Error('schemas/kubefit-config.schema.json is missing from the kubefit package');
}

function validateContent(value: unknown): readonly ErrorObject[] {
  // verbose: an unknown key's error carries the schema around it, whose known keys make the did-you-mean
  validator ??= new Ajv({ allErrors: true, verbose: true }).compile(readConfigSchema());
  return validator(value) ? [] : (validator.errors ?? []);
}

/** Reads `file` (resolved from `cwd` when given); messages name it as given. */
export async function loadConfigFile(file: string, cwd?: string): Promise<ConfigFile> {
  const path = cwd === undefined ? file : resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'not found' : 'cannot be read';
    throw new UsageError(`config file ${file} ${reason}`, 'Check the --config path.');
  }
  const { content, locate } = parseConfigFile(text, file);
  return { file, baseDir: dirname(path), content, locate };
}

/** Parses and validates config text; every problem is a UsageError at `file:line:col`. */
export function parseConfig(text: string, file: string): ConfigFileContent {
  return parseConfigFile(text, file).content;
}

function parseConfigFile(text: string, file: string): Required<Pick<ConfigFile, 'content' | 'locate'>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, ...PLAIN_DATA });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const [syntaxError] = document.errors;
  // the yaml library's own advice for a second document ("please use YAML.parseAllDocuments()") is for programmers
  if (syntaxError) {
    const syntax = syntaxError.code === 'MULTIPLE_DOCS' ? 'a second YAML document: a config file holds one' : firstLine(syntaxError.message);
    throw new UsageError(`${at(syntaxError.pos[0])}: ${syntax}`, HINT);
  }
  const read = fileValue(document);
  if (!read.ok) throw new UsageError(`${at(read.offset)}: ${read.message}`, HINT);
  const value = withoutEmptyKeys(read.value ?? {});
  const problem = mostSpecific(validateContent(value));
  if (problem) throw new UsageError(`${at(offsetOf(document, problem))}: ${describeProblem(problem, document)}${quoteHint(document, text, problem)}`, HINT);
  const locate = (path: readonly (string | number)[]) => {
    const offset = keyOffset(document, path);
    return offset === undefined ? undefined : at(offset);
  };
  return { content: value as ConfigFileContent, locate };
}

/** A top-level key with nothing under it (`rules:` with every entry commented out) configures nothing. */
function withoutEmptyKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null));
}

/** Of all errors (anyOf reports one per branch), the deepest and most telling one. */
function mostSpecific(problems: readonly ErrorObject[]): ErrorObject | undefined {
  // an error inside propertyNames (it carries `propertyName`) is restated by the propertyNames error itself
  const vagueness = (problem: ErrorObject) => (problem.propertyName !== undefined ? 3 : problem.keyword === 'anyOf' ? 2 : problem.keyword === 'type' ? 1 : 0);
  const depth = (problem: ErrorObject) => problem.instancePath.split('/').length;
  return [...problems].sort((a, b) => depth(b) - depth(a) || vagueness(a) - vagueness(b))[0];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.charAt(0).toLowerCase() + line.slice(1).replace(/\.$/, '');
}

function pathOf(problem: ErrorObject): (string | number)[] {
  const segments = problem.instancePath === '' ? [] : problem.instancePath.slice(1).split('/');
  return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~')).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Start of the offending value, or of the offending key for unknown and badly named keys. */
function offsetOf(document: Document, problem: ErrorObject): number {
  const path = pathOf(problem);
  const key = problem.params['additionalProperty'] ?? problem.params['propertyName'];
  return (typeof key === 'string' ? keyOffset(document, [...path, key]) : valueOffset(document, path)) ?? valueOffset(document, path) ?? 0;
}

/** Start of the mapping key that ends `path`, else of the value at `path`. */
function keyOffset(document: Document, path: readonly (string | number)[]): number | undefined {
  const key = path.at(-1);
  const parent = path.length === 0 ? undefined : path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (typeof key === 'string' && isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return valueOffset(document, path);
}

function valueOffset(document: Document, path: readonly (string | number)[]): number | undefined {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}

function describeProblem(problem: ErrorObject, document: Document): string {
  const path = pathOf(problem);
  const where = path.length === 0 ? 'the config' : formatPath(path);
  const params = problem.params;
  switch (problem.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(params['additionalProperty'])}" in ${where}${didYouMean(String(params['additionalProperty']), knownKeys(problem))}`;
    case 'propertyNames':
      return notRuleId(String(params['propertyName']), where);
    case 'pattern':
      // an ignore entry's rule
      if (problem.schemaPath === '#/definitions/ruleId/pattern') return notRuleId(String(document.getIn(path)), where);
      return `${where} ${problem.message ?? 'is not valid'}`;
    case 'enum':
      return `${where} must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'required':
      return `${where} needs "${String(params['missingProperty'])}"`;
    case 'type':
      return `${where} must be ${article(String(params['type']))}`;
    default:
      return `${where} ${problem.message ?? 'is not valid'}`;
  }
}

/** The keys the schema around an unknown key defines. */
function knownKeys(problem: ErrorObject): string[] {
  const properties = (problem.parentSchema as { properties?: object } | undefined)?.properties;
  return properties === undefined ? [] : Object.keys(properties);
}

function notRuleId(name: string, where: string): string {
  return `"${name}" in ${where} is not a rule id${peerNameHint(name) || ' (lower-case words joined by "-")'}`;
}

/** For a string written without quotes that YAML reads as a number (`kubernetesVersion: 1.30` is 1.3): how to write it. */
function quoteHint(document: Document, text: string, problem: ErrorObject): string {
  if (problem.keyword !== 'type' || problem.params['type'] !== 'string') return '';
  const node = document.getIn(pathOf(problem), true);
  if (!isScalar(node) || node.type !== 'PLAIN' || node.range === undefined || node.range === null) return '';
  const written = text.slice(node.range[0], node.range[1]);
  return ` (quote it, "${written}": unquoted, YAML reads ${JSON.stringify(node.value)})`;
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}
