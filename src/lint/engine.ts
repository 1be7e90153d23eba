// Runs lint rules over the objects and workloads of the main inputs; the engine loops, rules only look and report.
import { configKeyAt, type KubefitConfig } from '../config/config.js';
import { findingAt, findingOf, type Finding, type Severity } from '../model/finding.js';
import { POD_KINDS } from '../model/kinds.js';
import type { KubeObject } from '../model/object.js';
import { NEWEST_RELEASE } from '../model/kubernetes-version.js';
import { toWorkload, type Workload } from '../model/workload.js';
import type { Report, Rule, RuleDefinition } from './define-rule.js';
import { INTERNAL_ERROR } from './lint-checks.js';
import { declaredIndex, localIndex, UndeclaredQuery } from './declared-index.js';
import { buildLintIndex, CUSTOM_RESOURCES, EVERY_KIND, isCustomResource, WORKLOADS, type LintIndex } from './lint-index.js';
import { overridesKey, settingResolver } from './rule-settings.js';
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

export interface LintSetup {
  readonly rules: readonly Rule[];
  readonly config: KubefitConfig;
  /** The workload of an object of the main inputs: undefined for objects that make no pods (or are not scheduled). */
  readonly workloadOf: (object: KubeObject) => Workload | undefined;
}

interface Active<T extends Rule> {
  readonly rule: T;
  readonly severity: Severity;
  readonly kinds: ReadonlySet<string> | undefined;
  readonly isConfigured: boolean;
  readonly options: object;
  /** The rule's messages, each split at its placeholders once (see compileMessage). */
  readonly messages: ReadonlyMap<string, MessageFiller>;
}

interface KindRules {
  readonly object: Active<RuleDefinition<'object', string, object>>[];
  readonly podSpec: Active<RuleDefinition<'podSpec', string, object>>[];
  readonly container: Active<RuleDefinition<'container', string, object>>[];
}

interface TargetRules extends KindRules {
  /** The rules that run on objects of one kind (appliesTo.kinds), worked out on the first object of the kind. */
  readonly byKind: Map<string, KindRules>;
}

/** The rules on for one file: those that query nothing run as the file is read, the cross-object ones at the end. */
interface ActiveRules {
  readonly local: TargetRules;
  readonly crossObject: TargetRules;
}

interface Run {
  readonly kubernetesVersion: string;
  /** The index each rule sees (declaredIndex: only what its meta.queries names). */
  indexOf(rule: Rule): LintIndex;
  readonly workloadOf: (object: KubeObject) => Workload | undefined;
  readonly findings: Finding[];
}

/** Lint findings for every object of the main inputs, in input order (the report sorts them). */
export function lintObjects(input: LintInput): Finding[] {
  const workloads = new Map(input.workloads.map((workload) => [workload.object, workload]));
  const linter = new Linter({ ...input, workloadOf: (object) => workloads.get(object) });
  for (const object of input.objects) linter.lintObject(object);
  return linter.finish(input.objects.filter((object) => linter.keeps(object)), input.neighbours);
}

/**
 * The lint stage of a streamed run: `lintObject` runs the rules that query nothing on each object while its document
 * is in memory; the cross-object rules (meta.queries) run in `finish`, over the objects `keeps` asked to be kept.
 */
export class Linter {
  readonly #setup: LintSetup;
  readonly #rules: readonly Rule[];
  readonly #shared: ActiveRules | undefined;
  readonly #activeByFile = new Map<string, ActiveRules>();
  /** The active rules per set of matching overrides (overridesKey): files that match the same overrides share them. */
  readonly #activeByOverrides = new Map<string, ActiveRules>();
  readonly #kept: KeptKinds;
  readonly #local: Run;
  #current: { object: KubeObject | undefined; workload: Workload | undefined } = { object: undefined, workload: undefined };

  constructor(setup: LintSetup) {
    this.#setup = setup;
    this.#rules = [...setup.rules, ...setup.config.customRules.map((custom, index) => toSchemaRule(custom, configKeyAt(setup.config, ['customRules', index, 'schema'])))];
    this.#shared = setup.config.overrides.length === 0 ? activeRules(this.#rules, '', setup.config) : undefined;
    this.#kept = keptKinds(this.#rules.filter(mayRun(setup.config)));
    const local = localIndex(() => this.#current);
    const kubernetesVersion = setup.config.kubernetesVersion ?? NEWEST_RELEASE;
    this.#local = { kubernetesVersion, indexOf: viewsOf(local), workloadOf: setup.workloadOf, findings: [] };
  }

  /** Runs the rules that query nothing on one object of the main inputs (cluster objects are not linted). */
  lintObject(object: KubeObject): void {
    if (object.fromCluster) return;
    const workload = this.#setup.workloadOf(object);
    this.#current = { object, workload };
    lintObject(object, workload, this.#activeFor(object.file).local, this.#local);
    this.#current = { object: undefined, workload: undefined };
  }

  /** Whether a cross-object rule runs on the object or may query it: it has to outlive its document. */
  keeps(object: KubeObject): boolean {
    if (object.fromCluster) return false;
    const kept = this.#kept;
    const { kind, apiVersion } = object.ref;
    if (kept.every || kept.kinds.has(kind) || (kept.customResources && isCustomResource(apiVersion)) || (kept.workloads && Object.hasOwn(POD_KINDS, kind))) return true;
    return (kept.workloads || kept.workloadKinds === undefined || kept.workloadKinds.has(kind)) && this.#setup.workloadOf(object) !== undefined;
  }

  /**
   * Runs the cross-object rules over `kept` (the objects keeps() asked for, in input order), which also see the
   * `neighbours` (--context objects, never reported on); returns every lint finding of the run.
   */
  finish(kept: readonly KubeObject[], neighbours: readonly KubeObject[] = []): Finding[] {
    const { workloadOf } = this.#setup;
    const workloads = kept.map(workloadOf).filter((workload): workload is Workload => workload !== undefined);
    const neighbourWorkloads = neighbours.map(toWorkload).filter((workload): workload is Workload => workload !== undefined);
    const index = neighbours.length === 0 ? buildLintIndex(kept, workloads) : buildLintIndex([...kept, ...neighbours], [...workloads, ...neighbourWorkloads]);
    const run: Run = { kubernetesVersion: this.#local.kubernetesVersion, indexOf: viewsOf(index), workloadOf, findings: this.#local.findings };
    for (const object of kept) lintObject(object, workloadOf(object), this.#activeFor(object.file).crossObject, run);
    return run.findings;
  }

  #activeFor(file: string): ActiveRules {
    let active = this.#shared ?? this.#activeByFile.get(file);
    if (!active) {
      const key = overridesKey(this.#setup.config, file);
      active = this.#activeByOverrides.get(key);
      if (!active) this.#activeByOverrides.set(key, (active = activeRules(this.#rules, file, this.#setup.config)));
      this.#activeByFile.set(file, active);
    }
    return active;
  }
}

/** Drops findings suppressed by annotations, comment directives or config; adds unused-suppression infos. */
export function applySuppressions(findings: readonly Finding[], input: LintInput): Finding[] {
  return suppressFindings(findings, input.objects.filter((object) => !object.fromCluster), input.config);
}

const EMPTY_INDEX = buildLintIndex([], []);

/** Each rule's declaredIndex over `index`, made once per rule. */
function viewsOf(index: LintIndex): (rule: Rule) => LintIndex {
  const views = new Map<Rule, LintIndex>();
  return (rule) => {
    let view = views.get(rule);
    if (!view) views.set(rule, (view = declaredIndex(index, rule.meta.id, new Set(rule.meta.queries))));
    return view;
  };
}

/** What the cross-object rules look at: the kinds they query, and the kinds they run on. */
interface KeptKinds {
  readonly every: boolean;
  readonly kinds: ReadonlySet<string>;
  readonly customResources: boolean;
  /** Every workload is kept. */
  readonly workloads: boolean;
  /** Kinds of workloads that cross-object pod spec or container rules run on (undefined: every kind). */
  readonly workloadKinds: ReadonlySet<string> | undefined;
}

/** Rules on for some file: on by the configuration (or default), or turned on by an override. Only they keep objects. */
function mayRun(config: KubefitConfig): (rule: Rule) => boolean {
  const resolve = settingResolver(config);
  return (rule) => resolve(rule.meta.id, rule.meta, '') !== 'off' || config.overrides.some((override) => (override.rules[rule.meta.id] ?? 'off') !== 'off');
}

function keptKinds(rules: readonly Rule[]): KeptKinds {
  const crossObject = rules.filter((rule) => rule.meta.queries !== undefined);
  const queries = new Set(crossObject.flatMap((rule) => rule.meta.queries ?? []));
  const kinds = new Set(queries);
  let every = queries.has(EVERY_KIND);
  let workloadKinds: Set<string> | undefined = new Set();
  for (const rule of crossObject) {
    const { target, kinds: targetKinds } = rule.meta.appliesTo;
    if (target === 'object') {
      if (targetKinds) for (const kind of targetKinds) kinds.add(kind);
      else every = true;
    } else if (!targetKinds) workloadKinds = undefined;
    else for (const kind of targetKinds) workloadKinds?.add(kind);
  }
  return { every, kinds, customResources: queries.has(CUSTOM_RESOURCES), workloads: queries.has(WORKLOADS), workloadKinds };
}

function activeRules(rules: readonly Rule[], file: string, config: KubefitConfig): ActiveRules {
  const resolve = settingResolver(config);
  const active: ActiveRules = { local: { object: [], podSpec: [], container: [], byKind: new Map() }, crossObject: { object: [], podSpec: [], container: [], byKind: new Map() } };
  for (const rule of rules) {
    const setting = resolve(rule.meta.id, rule.meta, file);
    if (setting === 'off') continue;
    const kinds = rule.meta.appliesTo.kinds ? new Set(rule.meta.appliesTo.kinds) : undefined;
    const isConfigured = Object.hasOwn(config.rules, rule.meta.id) || Object.hasOwn(config.ruleOptions, rule.meta.id);
    const messages = new Map(Object.entries(rule.meta.messages as Readonly<Record<string, string>>).map(([id, template]) => [id, compileMessage(template)]));
    const entry = { severity: setting, kinds, isConfigured, options: { ...rule.meta.options?.defaults, ...config.ruleOptions[rule.meta.id] }, messages };
    const target = rule.meta.queries === undefined ? active.local : active.crossObject;
    if (isTarget(rule, 'object')) target.object.push({ rule, ...entry });
    else if (isTarget(rule, 'podSpec')) target.podSpec.push({ rule, ...entry });
    else if (isTarget(rule, 'container')) target.container.push({ rule, ...entry });
  }
  return active;
}

function isTarget<T extends Rule['meta']['appliesTo']['target']>(rule: Rule, target: T): rule is Extract<Rule, RuleDefinition<T, string, object>> {
  return rule.meta.appliesTo.target === target;
}

function lintObject(object: KubeObject, workload: Workload | undefined, active: TargetRules, run: Run): void {
  const rules = rulesOfKind(active, object.ref.kind);
  const context = new Context(object, workload, run);
  for (const entry of rules.object) context.invoke(entry, object);
  if (!workload) return;
  for (const entry of rules.podSpec) context.invoke(entry, workload);
  for (const entry of rules.container) {
    const types = entry.rule.meta.appliesTo.containerTypes;
    for (const container of workload.containers) {
      if (!types || types.includes(container.type)) context.invoke(entry, container);
    }
  }
}

function rulesOfKind(active: TargetRules, kind: string): KindRules {
  let rules = active.byKind.get(kind);
  if (!rules) {
    const applies = (entry: Active<Rule>) => !entry.kinds || entry.kinds.has(kind);
    active.byKind.set(kind, (rules = { object: active.object.filter(applies), podSpec: active.podSpec.filter(applies), container: active.container.filter(applies) }));
  }
  return rules;
}

/** One context per object, pointed at each rule in turn: no allocation per rule call on the hot path. */
class Context {
  readonly object: KubeObject;
  readonly workload: Workload | undefined;
  readonly kubernetesVersion: string;
  /** The index as the rule being run may see it; set before each call. */
  index: LintIndex;
  readonly #run: Run;
  readonly #findings: Finding[];
  #entry: Active<Rule> | undefined;
  /** Whether the configuration names the rule being run; set before each call. */
  isConfigured = false;
  /** The options of the rule being run; set before each call. */
  options: object = {};

  constructor(object: KubeObject, workload: Workload | undefined, run: Run) {
    this.object = object;
    this.workload = workload;
    this.kubernetesVersion = run.kubernetesVersion;
    this.#run = run;
    this.index = EMPTY_INDEX;
    this.#findings = run.findings;
  }

  readonly report = (report: Report<string>): void => {
    const entry = this.#entry;
    if (!entry) return;
    const fill = entry.messages.get(report.messageId);
    const message = fill ? fill(report.data) : fillMessage(report.messageId, report.data);
    this.#findings.push(findingOf(this.object, report.at, entry.rule.meta.id, entry.severity, message, report.on));
  };

  /** Runs the entry's check on its view (the object, its workload or one container); no closure per call. */
  invoke<T extends Rule>(entry: Active<T>, view: Parameters<T['check']>[0]): void {
    this.#entry = entry;
    this.index = this.#run.indexOf(entry.rule);
    this.isConfigured = entry.isConfigured;
    this.options = entry.options;
    try {
      (entry.rule.check as (view: unknown, context: Context) => void)(view, this);
    } catch (error) {
      if (error instanceof UndeclaredQuery) throw error;
      const message = `rule ${entry.rule.meta.id} failed on this object: ${error instanceof Error ? error.message : String(error)}`;
      this.#findings.push(findingAt(this.object, [], { ruleId: INTERNAL_ERROR.id, severity: INTERNAL_ERROR.severity, message }));
    }
  }
}

type MessageData = Readonly<Record<string, string | number>> | undefined;
type MessageFiller = (data: MessageData) => string;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; unknown placeholders stay visible so a test catches them. */
export function fillMessage(template: string, data: MessageData): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : match));
}

/** fillMessage with the template split at its placeholders once: a rule reports thousands of findings with one message. */
export function compileMessage(template: string): MessageFiller {
  // texts[0], then for each placeholder: its name, the text it stands for, and the literal text after it
  const texts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, match.index), match[1] ?? '', match[0]);
    last = match.index + match[0].length;
  }
  texts.push(template.slice(last));
  if (texts.length === 1) return () => template;
  return (data) => {
    if (!data) return template;
    let out = texts[0] ?? '';
    for (let i = 1; i < texts.length; i += 3) {
      const name = texts[i] ?? '';
      out += (Object.hasOwn(data, name) ? String(data[name]) : texts[i + 1]) + (texts[i + 2] ?? '');
    }
    return out;
  };
}
