// What every check kubefit can report says about itself: used by `kubefit rules`, `explain`, docs and SARIF.
import type { Severity } from './finding.js';

export type RuleCategory =
  | 'input' | 'schema' | 'images' | 'probes' | 'resources' | 'security' | 'reliability' | 'networking'
  | 'metadata' | 'rbac' | 'scheduling' | 'custom';

/** A rule's options: a JSON Schema for what the config may give, and the values used for what it leaves out. */
export interface RuleOptions<O extends object = object> {
  /** JSON Schema of the options object: type object, `properties` each with type and description, no others. */
  readonly schema: Readonly<Record<string, unknown>> & { readonly properties?: Readonly<Record<string, Readonly<Record<string, unknown>> & { readonly type?: string; readonly description?: string }>> };
  readonly defaults: O;
}

export interface RuleMeta {
  /** Stable id, kebab-case; equals the rule's file name for lint rules. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** One line, lower-case start, no final period. */
  readonly description: string;
  /** Why it matters: full sentences. */
  readonly rationale: string;
  /** How to fix it: full sentences ending with a period. */
  readonly remediation: string;
  /** Whether it runs without being enabled in configuration. */
  readonly defaultOn: boolean;
  /** Per-rule options the configuration may set (lint rules only). */
  readonly options?: RuleOptions;
  /** Why configuration cannot change it, for the few checks whose outcome is fixed (an exit code stands on it). */
  readonly notConfigurable?: string;
}
