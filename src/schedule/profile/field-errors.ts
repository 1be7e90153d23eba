// Configuration errors in the wording of apimachinery's field.Error ("<path>: Invalid value: 3: <detail>").
// upstream: k8s.io/apimachinery/pkg/util/validation/field/errors.go Error, ErrorBody
import { formatGoDuration, parseGoDuration } from '../../model/go-duration.js';

/** Go's %#v-like rendering of a value inside an error: strings quoted, Go values as Go prints them, the rest as JSON. */
function render(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** A bad value already in Go's %#v form (a slice or a struct of upstream's types), printed as it is. */
export class GoValue {
  constructor(readonly text: string) {}
}

/** A metav1.Duration as a bad value: a fmt.Stringer, so ErrorBody prints its String() ("1m30s"), unquoted. */
export function goDuration(nanoseconds: bigint): GoValue {
  return new GoValue(formatGoDuration(nanoseconds));
}

/** Go's %#v of a []string: `[]string{"a", "b"}`, `[]string{}`, `[]string(nil)` (null). */
export function goStringSlice(values: readonly string[] | null): GoValue {
  return new GoValue(values === null ? '[]string(nil)' : `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`);
}

/** Collects field errors while a configuration is read; `aggregate` reports them together. */
export class FieldErrors {
  readonly list: string[] = [];

  invalid(path: string, value: unknown, detail: string): void {
    this.list.push(`${path}: Invalid value: ${render(value)}: ${detail}`);
  }

  required(path: string, detail?: string): void {
    this.list.push(`${path}: Required value${detail ? `: ${detail}` : ''}`);
  }

  duplicate(path: string, value: unknown): void {
    this.list.push(`${path}: Duplicate value: ${render(value)}`);
  }

  forbidden(path: string, detail: string): void {
    this.list.push(`${path}: Forbidden: ${detail}`);
  }

  notSupported(path: string, value: unknown, supported: readonly string[]): void {
    this.list.push(`${path}: Unsupported value: ${render(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`);
  }

  /** An integer field: undefined when absent; a wrong type is an error. */
  integer(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.invalid(path, value, 'must be an integer');
    return undefined;
  }

  /** A string field: '' when absent; a wrong type is an error. */
  string(value: unknown, path: string): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    this.invalid(path, value, 'must be a string');
    return '';
  }

  /** A metav1.Duration field in nanoseconds: undefined when absent; a wrong type or Go's parse error is an error. */
  duration(value: unknown, path: string): bigint | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.invalid(path, value, 'must be a string');
      return undefined;
    }
    const parsed = parseGoDuration(value);
    if (typeof parsed === 'bigint') return parsed;
    this.invalid(path, value, parsed);
    return undefined;
  }

  strings(value: unknown, path: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.invalid(path, value, 'must be a list of strings');
      return [];
    }
    return value.map((entry, i) => this.string(entry, `${path}[${i}]`));
  }

  /** One of `allowed` (field.NotSupported otherwise, listing them in the order upstream passes them). */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (allowed.includes(value as T)) return value as T;
    this.notSupported(path, value, allowed);
    return undefined;
  }
}

/**
 * utilerrors.NewAggregate(errs).Error(), as kube-scheduler prints its configuration's errors: one alone as it is,
 * several as `[a, b]`, each distinct message once.
 */
export function aggregate(messages: readonly string[]): string {
  const distinct = [...new Set(messages)];
  return distinct.length === 1 ? (distinct[0] ?? '') : `[${distinct.join(', ')}]`;
}
