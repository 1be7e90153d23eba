// Runs lint rules over objects and workloads and applies suppressions (issue #4 fills this in).
import type { KubefitConfig } from '../config/config.js';
import type { Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { Workload } from '../model/workload.js';

/** The shape of a lint rule module (rules/<id>.ts default export). */
export interface Rule {
  readonly meta: RuleMeta;
}

export interface LintInput {
  readonly objects: readonly KubeObject[];
  readonly workloads: readonly Workload[];
  readonly rules: readonly Rule[];
  readonly config: KubefitConfig;
}

export function lintObjects(input: LintInput): Finding[] {
  void input;
  return [];
}

/** Drops findings suppressed by annotations, comment directives or config; adds unused-suppression infos. */
export function applySuppressions(findings: readonly Finding[], input: LintInput): Finding[] {
  return [...findings];
}
