// apimachinery's field.Error: one validation failure at a field path, rendered exactly as the API server prints it.
import type { Path } from '../../model/document.js';
import { fieldPathString, goQuote, type FieldPath } from '../../model/field-path.js';
import { compareReleases } from '../../model/kubernetes-version.js';

export { fieldPathString, goQuote, key, toPath, type FieldPath, type MapKey } from '../../model/field-path.js';

// upstream: apimachinery pkg/util/validation/field/errors.go ErrorType.String (v1.36)
export type ErrorType =
  | 'Required value' | 'Invalid value' | 'Duplicate value' | 'Unsupported value' | 'Forbidden' | 'Too long' | 'Too many' | 'Not found'
  | 'Internal error';

const OMIT = Symbol('omitted value');

export interface FieldError {
  readonly type: ErrorType;
  readonly field: FieldPath;
  readonly value: unknown;
  readonly detail: string;
  /** Where the finding points when not at `field` itself (a label's key or value under `metadata.labels`). */
  readonly at?: Path;
  /** The finding points at the mapping key (label keys, duplicate map entries) instead of the value. */
  readonly on: 'key' | 'value';
  /** Finding id; the general `api-validation` unless a more specific check owns the error. */
  readonly ruleId: string;
  /** A failure the API server reports before field validation (decoding), with its own text. */
  readonly text?: string;
  /** The limit a Too long or Too many error names in its detail, worded by the release (see limitDetail). */
  readonly limit?: Limit;
}

/**
 * A maximum and the apimachinery constructor whose words name it: TooLong (bytes), TooLongMaxLength (a length without
 * unit up to 1.31, TooLong's words from 1.32) or TooMany (items).
 */
interface Limit {
  readonly max: number;
  readonly words: 'TooLong' | 'TooLongMaxLength' | 'TooMany';
}

export type ErrorList = FieldError[];

export const API_VALIDATION = 'api-validation';

const make = (type: ErrorType, field: FieldPath, value: unknown, detail: string): FieldError =>
  ({ type, field, value, detail, on: 'value', ruleId: API_VALIDATION });

export const required = (field: FieldPath, detail = ''): FieldError => make('Required value', field, OMIT, detail);
export const invalid = (field: FieldPath, value: unknown, detail: string): FieldError => make('Invalid value', field, value, detail);
/** Invalid with field.OmitValueType{}: the message names no value. */
export const invalidOmitValue = (field: FieldPath, detail: string): FieldError => make('Invalid value', field, OMIT, detail);
export const duplicate = (field: FieldPath, value: unknown): FieldError => make('Duplicate value', field, value, '');
export const forbidden = (field: FieldPath, detail: string): FieldError => make('Forbidden', field, OMIT, detail);
export const notFound = (field: FieldPath, value: unknown): FieldError => make('Not found', field, value, '');
/** field.InternalError: the message names no value, only the error's text. */
export const internalError = (field: FieldPath, detail: string): FieldError => make('Internal error', field, OMIT, detail);
// upstream: errors.go TooLong, TooLongMaxLength and TooMany; the detail is worded for the release by limitDetail
export const tooLong = (field: FieldPath, maxBytes: number): FieldError => ({ ...make('Too long', field, OMIT, ''), limit: { max: maxBytes, words: 'TooLong' } });
/** field.TooLongMaxLength, which call sites such as Job's spec.managedBy used up to 1.31. */
export const tooLongMaxLength = (field: FieldPath, max: number): FieldError => ({ ...make('Too long', field, OMIT, ''), limit: { max, words: 'TooLongMaxLength' } });
export const tooMany = (field: FieldPath, actual: number, max: number): FieldError => ({ ...make('Too many', field, actual, ''), limit: { max, words: 'TooMany' } });

/**
 * What of apimachinery's field error printing changed within the releases kubefit models (upstream:
 * apimachinery pkg/util/validation/field/errors.go at v0.27.0 to v0.36.0).
 */
export interface ErrorPrinting {
  /** 0.34 on: a bad value that is neither a string, number nor boolean is printed as json.Marshal does (goValue). */
  readonly jsonValues: boolean;
  /** 0.32 on: TooLong says 'may not be more than N bytes' (before, 'must have at most N bytes'), and TooLongMaxLength is TooLong. */
  readonly tooLongInBytes: boolean;
  /** 0.34 on: a limit of 1 is '1 byte', '1 item' (before, '1 bytes', '1 items'). */
  readonly singularUnits: boolean;
}

/** How the release's apimachinery prints field errors. */
export function errorPrinting(release: string): ErrorPrinting {
  const jsonValues = compareReleases(release, '1.34') >= 0;
  return { jsonValues, tooLongInBytes: compareReleases(release, '1.32') >= 0, singularUnits: jsonValues };
}

const NEWEST: ErrorPrinting = { jsonValues: true, tooLongInBytes: true, singularUnits: true };

/** The limit's words (upstream: errors.go TooLong "may not be more than %d %s", from 0.32; TooMany "must have at most %d %s"). */
function limitDetail({ max, words }: Limit, printing: ErrorPrinting): string {
  const counted = (unit: string): string => `${max} ${unit}${max === 1 && printing.singularUnits ? '' : 's'}`;
  if (words === 'TooMany') return `must have at most ${counted('item')}`;
  if (printing.tooLongInBytes) return `may not be more than ${counted('byte')}`;
  return words === 'TooLong' ? `must have at most ${counted('byte')}` : `may not be longer than ${max}`;
}

// upstream: errors.go NotSupported
export function notSupported(field: FieldPath, value: unknown, supported: readonly string[]): FieldError {
  return make('Unsupported value', field, value, supported.length > 0 ? `supported values: ${supported.map((entry) => JSON.stringify(entry)).join(', ')}` : '');
}

/**
 * The NotSupported error of an enum field whose `value` is set and not one of `supported`; none when it is unset
 * (undefined: absent, or empty where v1 defaulting fills it in).
 */
export function unsupportedValue(field: FieldPath, value: string | undefined, supported: readonly string[]): ErrorList {
  return value === undefined || supported.includes(value) ? [] : [notSupported(field, new GoNamedString(value), supported)];
}

/** The same errors, owned by a more specific finding id. */
export function owned(errors: ErrorList, ruleId: string): ErrorList {
  return errors.length === 0 ? errors : errors.map((error) => ({ ...error, ruleId }));
}

/** The same error, pointing at `at` (a key when `on` is 'key') while its message names `field`. */
export function pointing(error: FieldError, at: Path, on: 'key' | 'value' = 'value'): FieldError {
  return { ...error, at, on };
}

/** The error as the newest release's apimachinery prints it. */
export function errorMessage(error: FieldError): string {
  return errorMessageOf(error, NEWEST);
}

/**
 * The error as the release's apimachinery prints it (upstream: errors.go Error.Error and ErrorBody). With
 * `printing.jsonValues` (apimachinery 0.34 and later, Kubernetes 1.34+) a bad value that is neither a string, number
 * nor boolean is printed as json.Marshal does (a resource name or quantity quoted, nil as null); 0.33 and older printed
 * a value with a String method through it, unquoted, nil as "null", and a typed slice with %#v.
 */
export function errorMessageOf(error: FieldError, printing: ErrorPrinting): string {
  if (error.text !== undefined) return error.text;
  let body: string = error.type;
  if (error.value !== OMIT && error.type !== 'Forbidden' && error.type !== 'Required value' && error.type !== 'Too long' && error.type !== 'Internal error') {
    body += `: ${goValue(error.value, printing.jsonValues)}`;
  }
  const detail = error.limit === undefined ? error.detail : limitDetail(error.limit, printing);
  if (detail.length > 0) body += `: ${detail}`;
  return `${fieldPathString(error.field)}: ${body}`;
}

/** %v for numbers and booleans, %q for strings, json.Marshal (sorted keys) for the rest. */
export function goValue(value: unknown, jsonValues: boolean): string {
  if (value instanceof GoSyntax) return value.text;
  if (value instanceof GoStringer) return jsonValues ? value.json : value.text;
  if (value instanceof GoPrinted) return jsonValues ? value.json : value.goSyntax;
  if (value instanceof GoNamedString) return jsonValues ? goJsonString(value.text) : goQuote(value.text);
  if (value instanceof GoSlice) return jsonValues ? goJson(value.items) : value.goSyntax();
  if (value instanceof GoStringMap) return jsonValues ? goJson(value.entries) : value.goSyntax();
  if (value instanceof GoIntOrString) return jsonValues ? goJson(value.value) : value.goSyntax();
  if (value instanceof GoUnstructured) return jsonValues ? goJson(value.value) : value.goSyntax();
  if (value instanceof GoStruct && value.goSyntax !== undefined && !jsonValues) return value.goSyntax;
  if (value === null && !jsonValues) return '"null"';
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  return goJson(value);
}

const INT64_LIMIT = 2 ** 63;

/**
 * %v of a decoded JSON number: an int64 when it is whole and fits, else a float64, which %v prints in strconv's
 * shortest 'g' form (an exponent below -4 or from 6 up: 1e+06, 1.8446744073709552e+19, 1e-05).
 */
function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < INT64_LIMIT) return BigInt(value).toString();
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}


/** A value upstream printed with fmt's %#v (Go syntax), spelled out by its caller. */
export class GoSyntax {
  constructor(readonly text: string) {}
}

/** A Go value with a String method (a resource name, a quantity, a field path): its String() and its json.Marshal. */
export class GoStringer {
  constructor(
    readonly text: string,
    readonly json: string = goJsonString(text),
  ) {}
}

/** A value whose %#v (apimachinery 0.33 and older) and json.Marshal (0.34 on) its caller spells out (quantity-value.ts). */
export class GoPrinted {
  constructor(
    readonly goSyntax: string,
    readonly json: string,
  ) {}
}

/**
 * A value of a named Go string type (core.Protocol, core.PullPolicy; a pointer to one prints as the value): not a
 * `string` to ErrorBody's type switch, so apimachinery 0.34 on print it with json.Marshal ("a\u003cb"), 0.33 and
 * older with %#v, which quotes as %q does ("a<b").
 */
// upstream: apimachinery pkg/util/validation/field/errors.go ErrorBody (v0.33: pointer dereference, %#v; v0.34: json.Marshal)
export class GoNamedString {
  constructor(readonly text: string) {}
}

/** encoding/json's text of a string: HTML-safe escapes for <, > and &, and for U+2028 and U+2029. */
function goJsonString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A typed Go slice without a String method, of `[]core.ResourceQuotaScope`, `[]string` or `[]int32`: apimachinery 0.33
 * and older printed it with %#v (`[]networking.IngressRule(nil)` for nil, the type and its elements, strings quoted,
 * otherwise), so a nil one was not "null" as an untyped nil or a nil pointer; 0.34 on print it with json.Marshal. Its
 * elements are strings or integers, or there are none (an Ingress's absent rules).
 */
// upstream: apimachinery pkg/util/validation/field/errors.go ErrorBody (v0.33: the %#v fallback; v0.34: json.Marshal)
export class GoSlice {
  constructor(
    readonly type: string,
    readonly items: readonly (string | number)[] | null,
  ) {}

  goSyntax(): string {
    return this.items === null ? `${this.type}(nil)` : `${this.type}{${this.items.map((item) => (typeof item === 'string' ? goQuote(item) : goNumber(item))).join(', ')}}`;
  }
}

/**
 * A Go map[string]string (a pod template's labels): apimachinery 0.33 and older printed it with %#v
 * (`map[string]string{"app":"web", "tier":"db"}`, keys sorted; `map[string]string(nil)` when unset), 0.34 on with
 * json.Marshal (`{"app":"web"}`, null when unset).
 */
export class GoStringMap {
  constructor(readonly entries: Readonly<Record<string, string>> | null) {}

  goSyntax(): string {
    if (this.entries === null) return 'map[string]string(nil)';
    const entries = this.entries;
    return `map[string]string{${Object.keys(entries).sort().map((name) => `${goQuote(name)}:${goQuote(entries[name] ?? '')}`).join(', ')}}`;
  }
}

/**
 * An intstr.IntOrString (maxSurge, maxUnavailable, minAvailable): its String method has a pointer receiver, so
 * apimachinery 0.33 and older printed the value with %#v (`intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}`); 0.34 on
 * print its MarshalJSON (`"0%"`, `0`).
 */
export class GoIntOrString {
  constructor(readonly value: number | string) {}

  goSyntax(): string {
    return typeof this.value === 'number' ? `intstr.IntOrString{Type:0, IntVal:${goNumber(this.value)}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(this.value)}}`;
  }
}

/**
 * A map or list of a custom resource as the API server decodes it, into a map[string]interface{} or []interface{}:
 * apimachinery 0.33 and older printed it with %#v (`map[string]interface {}{"name":"a", "port":80}`, keys sorted,
 * `interface {}(nil)` for a null inside), 0.34 on with json.Marshal (`{"name":"a","port":80}`).
 */
// upstream: apimachinery pkg/util/validation/field/errors.go ErrorBody (v0.33: the %#v fallback; v0.34: json.Marshal)
export class GoUnstructured {
  constructor(readonly value: object) {}

  goSyntax(): string {
    return unstructuredSyntax(this.value);
  }
}

/** A custom resource's value as a field error holds it: a map or a list wrapped as GoUnstructured, a scalar as it is. */
export function unstructured(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? new GoUnstructured(value) : value;
}

function unstructuredSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(unstructuredSyntax).join(', ')}}`;
  if (typeof value === 'object') {
    const record = value as Readonly<Record<string, unknown>>;
    return `map[string]interface {}{${Object.keys(record).sort().map((name) => `${goQuote(name)}:${unstructuredSyntax(record[name])}`).join(', ')}}`;
  }
  if (typeof value === 'number') return goNumber(value);
  return typeof value === 'string' ? goQuote(value) : String(value);
}

/** A Go struct value: json.Marshal prints its fields in declaration order, not sorted. */
export class GoStruct {
  constructor(
    readonly fields: readonly (readonly [string, unknown])[],
    /** Its %#v, as apimachinery 0.33 and older print it, where that holds no pointer address. */
    readonly goSyntax?: string,
  ) {}
}

function goJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof GoStruct) return `{${value.fields.map(([name, entry]) => `${goJsonString(name)}:${goJson(entry)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value).sort().map((name) => `${goJsonString(name)}:${goJson((value as Record<string, unknown>)[name])}`);
    return `{${entries.join(',')}}`;
  }
  return typeof value === 'string' ? goJsonString(value) : JSON.stringify(value);
}
