// The contract of a lint rule module: typed meta (what, why, how to fix, where it applies) plus one check function.
import type { Path } from '../model/document.js';
import type { RuleMeta, RuleOptions } from '../model/rule-meta.js';
import type { KubeObject } from '../model/object.js';
import type { ContainerType, ContainerView, Workload } from '../model/workload.js';
import type { LintIndex } from './lint-index.js';

/** What the engine hands a rule: a whole object, a workload's pod spec, or one container of it. */
export type RuleTarget = 'object' | 'podSpec' | 'container';

export interface AppliesTo<T extends RuleTarget> {
  readonly target: T;
  /** Kinds the rule runs on; every kind (object) or every pod-making kind (podSpec, container) when absent. */
  readonly kinds?: readonly string[];
  /** For container rules: which container lists; every type when absent. */
  readonly containerTypes?: readonly ContainerType[];
}

/** The options type of a rule without options. */
export type NoOptions = Readonly<Record<never, never>>;

export interface LintRuleMeta<T extends RuleTarget, M extends string, O extends object = NoOptions> extends RuleMeta {
  readonly appliesTo: AppliesTo<T>;
  /** Message templates by messageId; `{{name}}` placeholders are filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
  readonly options?: RuleOptions<O>;
  /**
   * What the rule reads from ctx.index: kinds (for ofKind, nearby, named; 'Service' for servicesSelecting) and
   * WORKLOADS, CUSTOM_RESOURCES or EVERY_KIND (lint-index.ts). A rule with queries is cross-object: it runs once every
   * file is read, over the objects kept for it. A rule without runs on each object as its file is read, and any
   * query it makes throws.
   */
  readonly queries?: readonly string[];
}

export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Path inside the object (not the pod spec) of the most precise offending value. */
  readonly at: Path;
  /** Point at the mapping key instead of the value (for "this field should not be here"). */
  readonly on?: 'key' | 'value';
}

export interface ObjectContext<M extends string, O extends object = NoOptions> {
  readonly object: KubeObject;
  /** The rule's options: its defaults, overridden by the config's. */
  readonly options: O;
  /** Every object of the main inputs, indexed for cross-object rules. */
  readonly index: LintIndex;
  /** True when the configuration names this rule (rules that only run on evidence in the inputs also run then). */
  readonly isConfigured: boolean;
  /** The Kubernetes minor release the run checks ("1.36"): the configuration's kubernetesVersion, else the newest. */
  readonly kubernetesVersion: string;
  report(report: Report<M>): void;
}

export interface WorkloadContext<M extends string, O extends object = NoOptions> extends ObjectContext<M, O> {
  readonly workload: Workload;
}

interface Views {
  readonly object: KubeObject;
  readonly podSpec: Workload;
  readonly container: ContainerView;
}

interface Contexts<M extends string, O extends object> {
  readonly object: ObjectContext<M, O>;
  readonly podSpec: WorkloadContext<M, O>;
  readonly container: WorkloadContext<M, O>;
}

export interface RuleDefinition<T extends RuleTarget, M extends string, O extends object = NoOptions> {
  readonly meta: LintRuleMeta<T, M, O>;
  check(view: Views[T], context: Contexts<M, O>[T]): void;
}

/** A rule of any target, as the registry and the engine hold it. */
export type Rule = { [T in RuleTarget]: RuleDefinition<T, string, object> }[RuleTarget];

/** Declares a rule; the type parameters make a mistyped messageId, option or target view a compile error. */
export function defineRule<T extends RuleTarget, M extends string, O extends object = NoOptions>(definition: RuleDefinition<T, M, O>): RuleDefinition<T, M, O> {
  return definition;
}

/** Where a rule's generated documentation page lives in the repository. */
export function docsPathOf(id: string): string {
  return `docs/rules/${id}.md`;
}
