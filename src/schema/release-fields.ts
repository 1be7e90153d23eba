// Checks an object of a built-in kind against one Kubernetes release: a kind or field that release does not have
// yet is an error, a field that is off by default there is a warning (the API server drops it).
import { formatPath, type Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import { compareReleases } from '../model/kubernetes-version.js';
import type { FieldGraph } from './compiled-validator.js';
import { SCHEMA_RULE } from './explain.js';
import type { FieldFact, KindDelta } from './release-deltas.js';

export interface ReleaseCheck {
  /** False when the release does not serve the kind; `findings` then says so and nothing else applies. */
  readonly served: boolean;
  readonly findings: readonly Finding[];
  /** Keys (kubectl-style paths) the newest schema dropped → the last release that had them. */
  readonly droppedKeys: ReadonlyMap<string, string>;
}

interface Visit {
  readonly object: KubeObject;
  readonly release: string;
  readonly delta: KindDelta;
  readonly findings: Finding[];
  readonly droppedKeys: Map<string, string>;
}

/** The release's verdict on `object`, walking its keys along the newest schema's field graph. */
export function checkRelease(object: KubeObject, release: string, delta: KindDelta, graph: FieldGraph): ReleaseCheck {
  if (delta.servedFrom !== undefined && compareReleases(release, delta.servedFrom) < 0) {
    const { apiVersion, kind } = object.ref;
    const message = `${apiVersion} ${kind} is not served by Kubernetes ${release}: it arrived in ${delta.servedFrom}`;
    return { served: false, findings: [findingAt(object, ['apiVersion'], { ruleId: 'unknown-kind', severity: 'error', message })], droppedKeys: new Map() };
  }
  const visit: Visit = { object, release, delta, findings: [], droppedKeys: new Map() };
  // most kinds are the same in every shipped release: nothing to look for
  if (delta.fields !== undefined || delta.removed !== undefined) walk(object.value, '', [], graph, visit);
  return { served: true, findings: visit.findings, droppedKeys: visit.droppedKeys };
}

function walk(value: unknown, definition: string, path: Path, graph: FieldGraph, visit: Visit): void {
  const record = asRecord(value);
  if (!record) return;
  for (const key of Object.keys(record)) {
    const at = [...path, key];
    if (!visitField(definition, key, at, visit)) continue;
    const target = own(own(graph, definition), key);
    if (target) walkTarget(record[key], target, at, graph, visit);
  }
}

/** Follows a field graph target: "V1Container" (object), "V1Container[]" (list), "V1Volume{}" (map). */
function walkTarget(value: unknown, target: string, path: Path, graph: FieldGraph, visit: Visit): void {
  const definition = target.replace(/(\[\]|\{\})$/, '');
  if (target.endsWith('[]')) {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, definition, [...path, index], graph, visit));
  } else if (target.endsWith('{}')) {
    for (const [key, item] of Object.entries(asRecord(value) ?? {})) walk(item, definition, [...path, key], graph, visit);
  } else {
    walk(value, definition, path, graph, visit);
  }
}

/** Reports one key; returns whether to look inside it. */
function visitField(definition: string, key: string, path: Path, visit: Visit): boolean {
  const lastRelease = own(own(visit.delta.removed, definition), key);
  if (lastRelease !== undefined) visit.droppedKeys.set(formatPath(path), lastRelease);
  const fact = own(own(visit.delta.fields, definition), key);
  if (!fact) return true;
  const where = path.length > 1 ? formatPath(path.slice(0, -1)) : visit.object.ref.kind;
  if (fact.since !== undefined && compareReleases(visit.release, fact.since) < 0) {
    const message = `unknown field "${key}" in ${where}: added in Kubernetes ${fact.since}${maturityNote(fact)}; this run checks ${visit.release}`;
    visit.findings.push(findingAt(visit.object, path, { ruleId: SCHEMA_RULE, severity: 'error', message }, 'key'));
    return false;
  }
  if (isOffByDefault(fact, visit.release)) {
    const gate = fact.gate ? `feature gate ${fact.gate}, ` : '';
    const on = fact.onFrom ? `on by default from ${fact.onFrom}` : `off by default up to the newest release`;
    const message = `field "${key}" in ${where} is off by default in Kubernetes ${visit.release} (${gate}${on}): the API server drops it unless the gate is enabled`;
    visit.findings.push(findingAt(visit.object, path, { ruleId: SCHEMA_RULE, severity: 'warning', message }, 'key'));
  }
  return true;
}

/** `record[key]` when the record itself has it: object keys such as "constructor" are data, not prototype lookups. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The newest schema's verdict on a key it dropped: none while the checked release still has the key, otherwise the
 * unknown-field finding with the last release that had it.
 */
export function judgeDroppedKey(finding: Finding, release: string, lastRelease: string): Finding | undefined {
  if (compareReleases(release, lastRelease) <= 0) return undefined;
  return { ...finding, message: `${finding.message}: removed after Kubernetes ${lastRelease}; this run checks ${release}` };
}

/** " (alpha, on by default from 1.31)", " (beta)", or "" for a field that was GA when it arrived. */
function maturityNote(fact: FieldFact): string {
  if (!fact.maturity) return '';
  if (fact.onFrom === undefined) return ` (${fact.maturity})`;
  return fact.onFrom === null ? ` (${fact.maturity}, off by default)` : ` (${fact.maturity}, on by default from ${fact.onFrom})`;
}

function isOffByDefault(fact: FieldFact, release: string): boolean {
  if (fact.onFrom === undefined) return false;
  return fact.onFrom === null || compareReleases(release, fact.onFrom) < 0;
}
