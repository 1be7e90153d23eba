// The unit of output of every analyser: what is wrong, where, and how bad.
import { formatPath, type Path, type SourceRange } from './document.js';
import { detached } from './detached.js';
import type { ObjectRef } from './object-ref.js';
import type { KubeObject } from './object.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Finding extends SourceRange {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly object: ObjectRef | null;
  /** kubectl-style path of the offending value inside the object, e.g. spec.template.spec.containers[0].image */
  readonly path: string | null;
}

export interface FindingSpec {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** A finding at `path` inside `object`; `on: 'key'` points at the mapping key instead of the value. */
export function findingAt(object: KubeObject, path: Path, spec: FindingSpec, on: 'value' | 'key' = 'value'): Finding {
  return findingOf(object, path, spec.ruleId, spec.severity, spec.message, on);
}

/**
 * findingAt without the spec object, for the lint engine's hot path. One literal in one key order (the JSON contract's):
 * every finding shares one hidden class, which keeps sorting, counting and formatting 250,000 of them monomorphic.
 */
export function findingOf(object: KubeObject, path: Path, ruleId: string, severity: Severity, message: string, on: 'value' | 'key' = 'value'): Finding {
  const range = on === 'key' ? object.keyRangeOf(path) : object.rangeOf(path);
  return {
    ruleId,
    severity,
    message: detached(message),
    file: range.file,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    object: object.ref,
    path: path.length > 0 ? formatPath(path) : null,
  };
}

/** Order of findings in every report: file, line, column, ruleId, then message for stability. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}
