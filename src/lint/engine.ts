// Runs lint rules over the objects and workloads of the main inputs; the engine loops, rules only look and report.
import type { KubefitConfig } from '../config/config.js';
import { findingAt, findingOf, type Finding, type Severity } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { toWorkload, type Workload } from '../model/workload.js';
import type { Report, Rule, RuleDefinition } from './define-rule.js';
import { INTERNAL_ERROR } from './lint-checks.js';
import { buildLintIndex, type LintIndex } from './lint-index.js';
import { settingResolver } from './rule-settings.js';
import { toSchemaRule } from './schema-rule.js';
import { suppressFindings } from './suppress.js';

export type { Rule } from './define-rule.js';

export interface LintInput {
  readonly objects: readonly KubeObject[];
  readonly workloads: readonly Workload[];
  /** Neighbour objects (--context): cross-object rules see them, nothing is reported on them. */
  readonly neighbours?: readonly KubeObject[];
  readonly rules: readonly Rule[];
  readonly config: KubefitConfig;
}

interface Active<T extends Rule> {
  readonly rule: T;
  readonly severity: Severity;
  readonly kinds: ReadonlySet<string> | undefined;
  readonly isConfigured: boolean;
  readonly options: object;
}

interface ActiveRules {
  readonly object: Active<RuleDefinition<'object', string, object>>[];
  readonly podSpec: Active<RuleDefinition<'podSpec', string, object>>[];
  readonly container: Active<RuleDefinition<'container', string, object>>[];
}

interface Run {
  readonly index: LintIndex;
  readonly findings: Finding[];
}

/** Lint findings for every object of the main inputs, in input order (the report sorts them). */
export function lintObjects(input: LintInput): Finding[] {
  const rules = [...input.rules, ...input.config.customRules.map(toSchemaRule)];
  const objects = input.objects.filter((object) => !object.fromCluster);
  const workloads = input.workloads.filter((workload) => !workload.object.fromCluster);
  const neighbours = input.neighbours ?? [];
  const neighbourWorkloads = neighbours.map(toWorkload).filter((workload): workload is Workload => workload !== undefined);
  const index = neighbours.length === 0 ? buildLintIndex(objects, workloads) : buildLintIndex([...objects, ...neighbours], [...workloads, ...neighbourWorkloads]);
  const run: Run = { index, findings: [] };
  const activeByFile = new Map<string, ActiveRules>();
  const shared = input.config.overrides.length === 0 ? activeRules(rules, '', input.config) : undefined;
  for (const object of objects) {
    let active = shared ?? activeByFile.get(object.file);
    if (!active) activeByFile.set(object.file, (active = activeRules(rules, object.file, input.config)));
    lintObject(object, active, run);
  }
  return run.findings;
}

/** Drops findings suppressed by annotations, comment directives or config; adds unused-suppression infos. */
export function applySuppressions(findings: readonly Finding[], input: LintInput): Finding[] {
  return suppressFindings(findings, input.objects.filter((object) => !object.fromCluster), input.config);
}

function activeRules(rules: readonly Rule[], file: string, config: KubefitConfig): ActiveRules {
  const resolve = settingResolver(config);
  const active: ActiveRules = { object: [], podSpec: [], container: [] };
  for (const rule of rules) {
    const setting = resolve(rule.meta.id, rule.meta, file);
    if (setting === 'off') continue;
    const kinds = rule.meta.appliesTo.kinds ? new Set(rule.meta.appliesTo.kinds) : undefined;
    const isConfigured = Object.hasOwn(config.rules, rule.meta.id) || Object.hasOwn(config.ruleOptions, rule.meta.id);
    const entry = { severity: setting, kinds, isConfigured, options: { ...rule.meta.options?.defaults, ...config.ruleOptions[rule.meta.id] } };
    if (isTarget(rule, 'object')) active.object.push({ rule, ...entry });
    else if (isTarget(rule, 'podSpec')) active.podSpec.push({ rule, ...entry });
    else if (isTarget(rule, 'container')) active.container.push({ rule, ...entry });
  }
  return active;
}

function isTarget<T extends Rule['meta']['appliesTo']['target']>(rule: Rule, target: T): rule is Extract<Rule, RuleDefinition<T, string, object>> {
  return rule.meta.appliesTo.target === target;
}

function lintObject(object: KubeObject, active: ActiveRules, run: Run): void {
  const kind = object.ref.kind;
  const workload = run.index.workloadOf(object);
  const context = new Context(object, workload, run);
  for (const entry of active.object) {
    if (!entry.kinds || entry.kinds.has(kind)) context.invoke(entry, object);
  }
  if (!workload) return;
  for (const entry of active.podSpec) {
    if (!entry.kinds || entry.kinds.has(kind)) context.invoke(entry, workload);
  }
  for (const entry of active.container) {
    if (entry.kinds && !entry.kinds.has(kind)) continue;
    const types = entry.rule.meta.appliesTo.containerTypes;
    for (const container of workload.containers) {
      if (!types || types.includes(container.type)) context.invoke(entry, container);
    }
  }
}

/** One context per object, pointed at each rule in turn: no allocation per rule call on the hot path. */
class Context {
  readonly object: KubeObject;
  readonly workload: Workload | undefined;
  readonly index: LintIndex;
  readonly #findings: Finding[];
  #entry: Active<Rule> | undefined;
  /** Whether the configuration names the rule being run; set before each call. */
  isConfigured = false;
  /** The options of the rule being run; set before each call. */
  options: object = {};

  constructor(object: KubeObject, workload: Workload | undefined, run: Run) {
    this.object = object;
    this.workload = workload;
    this.index = run.index;
    this.#findings = run.findings;
  }

  readonly report = (report: Report<string>): void => {
    const entry = this.#entry;
    if (!entry) return;
    const { meta } = entry.rule;
    const template = (meta.messages as Readonly<Record<string, string>>)[report.messageId] ?? report.messageId;
    this.#findings.push(findingOf(this.object, report.at, meta.id, entry.severity, fillMessage(template, report.data), report.on));
  };

  /** Runs the entry's check on its view (the object, its workload or one container); no closure per call. */
  invoke<T extends Rule>(entry: Active<T>, view: Parameters<T['check']>[0]): void {
    this.#entry = entry;
    this.isConfigured = entry.isConfigured;
    this.options = entry.options;
    try {
      (entry.rule.check as (view: unknown, context: Context) => void)(view, this);
    } catch (error) {
      const message = `rule ${entry.rule.meta.id} failed on this object: ${error instanceof Error ? error.message : String(error)}`;
      this.#findings.push(findingAt(this.object, [], { ruleId: INTERNAL_ERROR.id, severity: INTERNAL_ERROR.severity, message }));
    }
  }
}

/** Fills `{{name}}` placeholders; unknown placeholders stay visible so a test catches them. */
export function fillMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : match));
}
