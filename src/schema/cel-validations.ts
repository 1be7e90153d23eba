// CRD x-kubernetes-validations (CEL) rules evaluated offline (upstream: apiextensions-apiserver pkg/apiserver/schema/cel/validation.go).
import { createRequire } from 'node:module';
import type { CelEnv, CelValue } from '@bufbuild/cel';
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import { kubernetesCelFunctions } from './cel-kubernetes-library.js';
import { CONVERSION_ERROR, goStringConversions } from './cel-string-conversions.js';
import { parseGoDuration } from '../model/go-duration.js';
import { goValue } from './validation/field-error.js';

type Schema = Readonly<Record<string, unknown>>;
type Cel = typeof import('@bufbuild/cel');
type Program = (bindings: { self: unknown }) => unknown;

/** A rule that failed, rendered as upstream's field error. */
export interface CelViolation {
  readonly path: Path;
  readonly message: string;
}

/** A rule kubefit cannot evaluate (a function or type the library lacks): reported once as info, never as an error. */
export interface CelSkipped {
  readonly path: Path;
  readonly rule: string;
  readonly reason: string;
}

export interface CelOutcome {
  readonly violations: CelViolation[];
  readonly skipped: CelSkipped[];
}

/** Compiles and keeps CEL programs for one run; @bufbuild/cel loads only when a rule meets a value. */
export interface CelRuntime {
  readonly cel: Cel;
  readonly env: CelEnv;
  readonly programs: Map<string, Program | string>;
  /** google.protobuf.Timestamp and Duration values: what `format: date-time` and `duration` strings are in CEL. */
  readonly timestamp: (date: Date) => unknown;
  readonly duration: (ms: number) => unknown;
}

/** The runtime, created on first use. */
export type LazyCelRuntime = () => CelRuntime;

const require = createRequire(import.meta.url);

const NANOS_PER_SECOND = 1_000_000_000n;

export function createCelRuntime(): CelRuntime {
  const cel = require('@bufbuild/cel') as Cel;
  const { strings } = require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext');
  const { timestampFromDate, durationFromMs, DurationSchema } = require('@bufbuild/protobuf/wkt') as typeof import('@bufbuild/protobuf/wkt');
  const { create } = require('@bufbuild/protobuf') as typeof import('@bufbuild/protobuf');
  const duration = { type: cel.objectType(DurationSchema), of: (nanoseconds: bigint) => create(DurationSchema, { seconds: nanoseconds / NANOS_PER_SECOND, nanos: Number(nanoseconds % NANOS_PER_SECOND) }) as unknown as CelValue };
  const env = cel.celEnv({ funcs: [...strings, ...kubernetesCelFunctions(cel), ...goStringConversions(cel, duration)] });
  return { cel, env, programs: new Map(), timestamp: timestampFromDate, duration: durationFromMs };
}

/** True when the schema (as JSON) or any schema below it carries x-kubernetes-validations. */
export function hasCelRules(schemaJson: string): boolean {
  return schemaJson.includes('"x-kubernetes-validations"');
}

/**
 * Evaluates every rule on every value present, as on create: transition rules (oldSelf) do not run. `valuesShown`:
 * a failed rule's error names the value itself (from v1.35), not the schema's type.
 */
export function evaluateCelRules(runtime: LazyCelRuntime, value: unknown, schema: Schema, valuesShown: boolean): CelOutcome {
  const outcome: CelOutcome = { violations: [], skipped: [] };
  walk({ runtime, outcome, valuesShown }, value, schema, []);
  return outcome;
}

/** The release from which a failed rule's error names the value (none for an object or array), not the schema's type. */
export const CEL_VALUES_SHOWN_SINCE = '1.35';

interface Walk {
  readonly runtime: LazyCelRuntime;
  readonly outcome: CelOutcome;
  readonly valuesShown: boolean;
}

function walk(context: Walk, value: unknown, schema: Schema, path: Path): void {
  if (value === undefined || value === null) return;
  for (const raw of asArray(schema['x-kubernetes-validations'])) evaluateRule(context, asRecord(raw) ?? {}, { value, schema, path });
  if (Array.isArray(value)) {
    const items = asRecord(schema['items']);
    if (items) value.forEach((item, index) => walk(context, item, items, [...path, index]));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  const properties = asRecord(schema['properties']) ?? {};
  const additional = asRecord(schema['additionalProperties']);
  for (const [name, entry] of Object.entries(record)) {
    const entrySchema = Object.hasOwn(properties, name) ? asRecord(properties[name]) : additional;
    if (entrySchema) walk(context, entry, entrySchema, [...path, name]);
  }
}

interface Target {
  readonly value: unknown;
  readonly schema: Schema;
  readonly path: Path;
}

function evaluateRule(context: Walk, rule: Readonly<Record<string, unknown>>, target: Target): void {
  const text = rule['rule'];
  if (typeof text !== 'string' || /\boldSelf\b/.test(text)) return;
  const runtime = context.runtime();
  const self = toCelValue(target.value, target.schema, runtime);
  const result = run(runtime, text, self);
  if (result === true) return;
  if (typeof result !== 'boolean') {
    // a runtime error CEL-Go gives too (a field or map key the object lacks, a failed conversion, a division by zero)
    // is one the API server reports
    // upstream: apiextensions-apiserver schema/cel/validation.go validateExpressions ("%v evaluating rule: %v")
    const error = celGoRuntimeError(result);
    if (error) context.outcome.violations.push({ path: target.path, message: fieldError(target.path, typeName(target.schema), `${error} evaluating rule: ${ruleErrorString(rule, text)}`, undefined) });
    else context.outcome.skipped.push({ path: target.path, rule: text.trim(), reason: result });
    return;
  }
  const path = [...target.path, ...fieldPathOf(rule['fieldPath'])];
  const detail = messageOf(runtime, rule, self);
  context.outcome.violations.push({ path, message: fieldError(path, context.valuesShown ? shownValue(target) : typeName(target.schema), detail, rule['reason']) });
}

/** A runtime error of @bufbuild/cel in CEL-Go's words (common/types/err.go), when CEL-Go fails alike; undefined otherwise. */
function celGoRuntimeError(message: string): string | undefined {
  const missing = /^field not found: (.*)$/.exec(message);
  if (missing) return `no such key: ${missing[1] ?? ''}`;
  if (message.startsWith(CONVERSION_ERROR)) return message;
  if (/^u?int divide by zero$/.test(message)) return 'division by zero';
  if (/^u?int modulus by zero$/.test(message)) return 'modulus by zero';
  return undefined;
}

/** The schema's type as the API server's errors named it before v1.35 (and still for a rule that fails to run). */
function typeName(schema: Schema): BadValue {
  return { text: JSON.stringify(String(schema['type'] ?? 'object')) };
}

/** upstream v1.35+: the value itself, or none for a value of type object or array ("avoid ... complex structured values"). */
function shownValue(target: Target): BadValue {
  const type = target.schema['type'];
  return type === 'object' || type === 'array' ? undefined : { text: goValue(target.value, true) };
}

/** A field error's bad value as printed, or none (field.OmitValueType). */
type BadValue = { readonly text: string } | undefined;

/** The rule's result: a boolean, or why it could not be evaluated. */
function run(runtime: CelRuntime, text: string, self: unknown): boolean | string {
  let program = runtime.programs.get(text);
  if (program === undefined) {
    try {
      program = runtime.cel.plan(runtime.env, runtime.cel.parse(text)) as Program;
    } catch (error) {
      program = error instanceof Error ? error.message : String(error);
    }
    runtime.programs.set(text, program);
  }
  if (typeof program === 'string') return program;
  try {
    const result = program({ self });
    if (typeof result === 'boolean') return result;
    return runtime.cel.isCelError(result) ? result.message : `the rule yields ${typeof result}, not a boolean`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** upstream: validation.go ruleMessageOrDefault, and messageExpression when it yields a non-empty string. */
function messageOf(runtime: CelRuntime, rule: Readonly<Record<string, unknown>>, self: unknown): string {
  const expression = rule['messageExpression'];
  if (typeof expression === 'string') {
    try {
      const result = (runtime.cel.plan(runtime.env, runtime.cel.parse(expression)) as Program)({ self });
      if (typeof result === 'string' && result.trim() !== '') return result;
    } catch {
      // upstream falls back to message when messageExpression fails
    }
  }
  const message = rule['message'];
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  return `failed rule: ${String(rule['rule']).trim()}`;
}

/** upstream: validation.go ruleErrorString: the rule's message, else its text. */
function ruleErrorString(rule: Readonly<Record<string, unknown>>, text: string): string {
  const message = rule['message'];
  return typeof message === 'string' && message.length > 0 ? message.trim() : text.trim();
}

/** upstream: validation.go fieldErrorForReason, rendered as field.Error.Error() ("<nil>" for the root). */
function fieldError(path: Path, value: BadValue, detail: string, reason: unknown): string {
  const field = path.length === 0 ? '<nil>' : formatFieldPath(path);
  const shown = value === undefined ? '' : `: ${value.text}`;
  switch (reason) {
    case 'FieldValueForbidden':
      return `${field}: Forbidden: ${detail}`;
    case 'FieldValueRequired':
      return `${field}: Required value: ${detail}`;
    case 'FieldValueDuplicate':
      return `${field}: Duplicate value${shown}`;
    default:
      return `${field}: Invalid value${shown}: ${detail}`;
  }
}

function formatFieldPath(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** A rule's fieldPath (".spec.x", ".a['b.c']", ".list[0]") relative to the value, as path segments. */
function fieldPathOf(fieldPath: unknown): Path {
  if (typeof fieldPath !== 'string') return [];
  const path: (string | number)[] = [];
  for (const match of fieldPath.matchAll(/\.([A-Za-z_][\w-]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g)) {
    path.push(match[1] ?? match[2] ?? Number(match[3]));
  }
  return path;
}

const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

/** upstream: apiserver pkg/cel/escaping.go Escape: property names as CEL sees them. */
function escapeProperty(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__|[.\-/]/g, (part) => ({ __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' })[part] ?? part);
}

/**
 * A JSON value as CEL sees it (upstream: apiserver pkg/cel/common/values.go, valuesunstructured.go Find, which
 * unescapes the key it is asked for; pkg/cel/types.go FindStructFieldType, keywords as field names from v1.31 by
 * environment.go SetRecognizeKeywordAsFieldName): integers are CEL ints unless the schema
 * says `number`; `date-time` and `duration` strings are timestamps and durations; objects with `properties` are maps
 * keyed by escaped property names, other objects are maps keyed as written.
 */
function toCelValue(value: unknown, schema: Schema | undefined, runtime: CelRuntime): unknown {
  if (typeof value === 'number') return schema?.['type'] !== 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string') return toCelString(value, schema?.['format'], runtime);
  if (Array.isArray(value)) {
    const items = asRecord(schema?.['items']);
    return value.map((item) => toCelValue(item, items, runtime));
  }
  const record = asRecord(value);
  if (!record) return value;
  const properties = asRecord(schema?.['properties']);
  const additional = asRecord(schema?.['additionalProperties']);
  const map = new Map<string, unknown>();
  for (const [name, entry] of Object.entries(record)) {
    const property = properties && Object.hasOwn(properties, name) ? asRecord(properties[name]) : undefined;
    const celValue = toCelValue(entry, property ?? additional, runtime);
    map.set(property ? escapeProperty(name) : name, celValue);
    // a keyword is a field name as written too (`self.namespace`, `has(self.return)`), as CEL environments of v1.31 on
    // read it; a struct's fields are never iterated, so the second key is seen by selection alone
    if (property && RESERVED.has(name)) map.set(name, celValue);
  }
  return map;
}

function toCelString(value: string, format: unknown, runtime: CelRuntime): unknown {
  if (format === 'date-time') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : runtime.timestamp(date);
  }
  if (format === 'duration') {
    const ms = goDurationMs(value);
    return ms === undefined ? value : runtime.duration(ms);
  }
  return value;
}

/** A Go duration ("1h30m", "250ms", "-1.5s") in milliseconds, or undefined (upstream: time.ParseDuration). */
function goDurationMs(text: string): number | undefined {
  const nanoseconds = parseGoDuration(text);
  return typeof nanoseconds === 'bigint' ? Number(nanoseconds) / 1e6 : undefined;
}
