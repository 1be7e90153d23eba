// Checks an object of a built-in kind against one Kubernetes release: a kind or field that release does not have
// yet is an error, a field that is off by default there is a warning (the API server drops it).
import { formatPath, type Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import { compareReleases } from '../model/kubernetes-version.js';
import { noKindMatch } from '../model/kinds.js';
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
  readonly plan: WalkPlan;
  readonly findings: Finding[];
  readonly droppedKeys: Map<string, string>;
}

/** What to do with each key of a definition worth entering; keys not listed are neither reported on nor entered. */
type WalkPlan = ReadonlyMap<string, ReadonlyMap<string, KeyStep>>;

interface KeyStep {
  /** The key has release facts or was dropped by the newest schema. */
  readonly hasFacts: boolean;
  /** Its field graph target, when that can hold something to report. */
  readonly target: string | undefined;
}

/** The release's verdict on `object`, walking its keys along the newest schema's field graph. */
export function checkRelease(object: KubeObject, release: string, delta: KindDelta, graph: FieldGraph): ReleaseCheck {
  if (delta.servedFrom !== undefined && compareReleases(release, delta.servedFrom) < 0) {
    const { apiVersion, kind } = object.ref;
    const message = `${noKindMatch(apiVersion, kind)}: Kubernetes ${release} does not serve ${apiVersion} ${kind}: it arrived in ${delta.servedFrom}`;
    return { served: false, findings: [findingAt(object, ['apiVersion'], { ruleId: 'unknown-kind', severity: 'error', message })], droppedKeys: new Map() };
  }
  // most kinds are the same in every shipped release: nothing to look for
  if (delta.fields === undefined && delta.removed === undefined) return { served: true, findings: [], droppedKeys: new Map() };
  return walkObject(object, release, delta, planFor(delta, graph, release));
}

/**
 * checkRelease entering only `definitions`: every definition of the graph gives the plain walk, which the pruned
 * one must match.
 */
export function checkReleaseVisiting(object: KubeObject, along: { release: string; delta: KindDelta; graph: FieldGraph; definitions: ReadonlySet<string> }): ReleaseCheck {
  return walkObject(object, along.release, along.delta, walkPlan(along.delta, along.graph, along.definitions));
}

function walkObject(object: KubeObject, release: string, delta: KindDelta, plan: WalkPlan): ReleaseCheck {
  const visit: Visit = { object, release, delta, plan, findings: [], droppedKeys: new Map() };
  walk(object.value, '', [], visit);
  return { served: true, findings: visit.findings, droppedKeys: visit.droppedKeys };
}

/** Per kind's facts and release, built once. */
const plans = new WeakMap<KindDelta, Map<string, WalkPlan>>();

function planFor(delta: KindDelta, graph: FieldGraph, release: string): WalkPlan {
  let byRelease = plans.get(delta);
  if (!byRelease) plans.set(delta, (byRelease = new Map()));
  let plan = byRelease.get(release);
  if (!plan) byRelease.set(release, (plan = walkPlan(delta, graph, definitionsHolding(reportingDefinitions(delta, release), graph))));
  return plan;
}

/** Definitions with a field the release reports on (too new, or off by default) or a key the newest schema dropped. */
function reportingDefinitions(delta: KindDelta, release: string): Set<string> {
  const found = new Set(Object.keys(delta.removed ?? {}));
  for (const [definition, fields] of Object.entries(delta.fields ?? {})) {
    if (Object.values(fields).some((fact) => isTooNew(fact, release) || isOffByDefault(fact, release))) found.add(definition);
  }
  return found;
}

/** `definitions` and every definition that reaches one of them through its fields (a fixpoint over the graph). */
function definitionsHolding(definitions: Set<string>, graph: FieldGraph): Set<string> {
  for (let grew = true; grew; ) {
    grew = false;
    for (const [definition, fields] of Object.entries(graph)) {
      if (definitions.has(definition) || !Object.values(fields).some((target) => target !== null && definitions.has(definitionOf(target)))) continue;
      definitions.add(definition);
      grew = true;
    }
  }
  return definitions;
}

function walkPlan(delta: KindDelta, graph: FieldGraph, definitions: ReadonlySet<string>): WalkPlan {
  const plan = new Map<string, Map<string, KeyStep>>();
  for (const definition of definitions) {
    const steps = new Map<string, KeyStep>();
    const facts = own(delta.fields, definition) ?? {};
    const removed = own(delta.removed, definition) ?? {};
    for (const key of new Set([...Object.keys(own(graph, definition) ?? {}), ...Object.keys(facts), ...Object.keys(removed)])) {
      const target = own(own(graph, definition), key) ?? undefined;
      const step = { hasFacts: Object.hasOwn(facts, key) || Object.hasOwn(removed, key), target: target && definitions.has(definitionOf(target)) ? target : undefined };
      if (step.hasFacts || step.target !== undefined) steps.set(key, step);
    }
    plan.set(definition, steps);
  }
  return plan;
}

/**
 * Walks `value` as `definition`, at `path`: one array for the whole walk, each key pushed while its value is walked
 * (most objects have nothing to report, so the walk allocates nothing; visitField copies what it keeps).
 */
function walk(value: unknown, definition: string, path: (string | number)[], visit: Visit): void {
  const steps = visit.plan.get(definition);
  const record = asRecord(value);
  if (!record || !steps) return;
  // for...in: the order of Object.keys without its array (own keys only: a value's prototype has no enumerable ones)
  for (const key in record) {
    const step = steps.get(key);
    if (step === undefined || !Object.hasOwn(record, key) || (step.hasFacts && !visitField(definition, { parent: path, key }, visit))) continue;
    if (step.target === undefined) continue;
    path.push(key);
    walkTarget(record[key], step.target, path, visit);
    path.pop();
  }
}

/** "V1Container" of "V1Container" (object), "V1Container[]" (list) and "V1Container{}" (map). */
function definitionOf(target: string): string {
  return target.endsWith('[]') || target.endsWith('{}') ? target.slice(0, -2) : target;
}

/** Follows a field graph target: "V1Container" (object), "V1Container[]" (list), "V1Volume{}" (map). */
function walkTarget(value: unknown, target: string, path: (string | number)[], visit: Visit): void {
  const definition = definitionOf(target);
  if (target.endsWith('[]')) {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(value[index], definition, path, visit);
      path.pop();
    }
  } else if (target.endsWith('{}')) {
    const record = asRecord(value);
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      path.push(key);
      walk(record[key], definition, path, visit);
      path.pop();
    }
  } else {
    walk(value, definition, path, visit);
  }
}

/** Reports one key (at `key` under `parent`: the path is built only when there is something to say); returns whether to look inside it. */
function visitField(definition: string, { parent, key }: { parent: Path; key: string }, visit: Visit): boolean {
  const lastRelease = own(own(visit.delta.removed, definition), key);
  const fact = own(own(visit.delta.fields, definition), key);
  if (lastRelease === undefined && !fact) return true;
  const path = [...parent, key];
  if (lastRelease !== undefined) visit.droppedKeys.set(formatPath(path), lastRelease);
  if (!fact) return true;
  const where = path.length > 1 ? formatPath(path.slice(0, -1)) : visit.object.ref.kind;
  if (isTooNew(fact, visit.release)) {
    const message = `unknown field "${key}" in ${where}: added in Kubernetes ${fact.since}${maturityNote(fact)}; this run checks ${visit.release}`;
    visit.findings.push(findingAt(visit.object, path, { ruleId: SCHEMA_RULE, severity: 'error', message }, 'key'));
    return false;
  }
  if (isOffByDefault(fact, visit.release)) {
    const gate = fact.gate ? `feature gate ${fact.gate}, ` : '';
    const on = defaultsNote(fact);
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

function isTooNew(fact: FieldFact, release: string): boolean {
  return fact.since !== undefined && compareReleases(release, fact.since) < 0;
}

function isOffByDefault(fact: FieldFact, release: string): boolean {
  if (fact.offFrom !== undefined && compareReleases(release, fact.offFrom) >= 0) return true;
  if (fact.onFrom === undefined) return false;
  return fact.onFrom === null || compareReleases(release, fact.onFrom) < 0;
}

/** "on by default from 1.31", "off by default up to the newest release", or with the release that turned it off again. */
function defaultsNote(fact: FieldFact): string {
  if (fact.onFrom === null) return 'off by default up to the newest release';
  const on = fact.onFrom === undefined ? '' : `on by default from ${fact.onFrom}`;
  if (fact.offFrom === undefined) return on;
  return `${on ? `${on}, ` : ''}off by default again from ${fact.offFrom}`;
}
