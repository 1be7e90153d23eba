// Every check kubefit can report, for `kubefit rules`, `kubefit explain` and SARIF's rule list.
import { BUILTIN_RULES } from '../rules/index.js';
import type { KubefitConfig } from './config/config.js';
import type { Rule } from './lint/define-rule.js';
import { loadRulesDirs } from './lint/load-rules-dir.js';
import { schemaRuleMeta } from './lint/schema-rule.js';
import { LINT_CHECKS } from './lint/lint-checks.js';
import { LOAD_CHECKS } from './load/load-checks.js';
import type { RuleMeta } from './model/rule-meta.js';
import { SCHEDULING_CHECKS } from './schedule/scheduling-checks.js';
import { SCHEMA_CHECKS } from './schema/validate.js';

export function ruleCatalog(extra: readonly RuleMeta[] = []): RuleMeta[] {
  const all = [...Object.values(LOAD_CHECKS), ...SCHEMA_CHECKS, ...BUILTIN_RULES.map((rule) => rule.meta), ...LINT_CHECKS, ...SCHEDULING_CHECKS, ...extra];
  return [...new Map(all.map((meta) => [meta.id, meta])).values()];
}

/** The rules a run applies and every check it can report. */
export interface RuleSet {
  readonly rules: readonly Rule[];
  /** The checks but the configuration's customRules (whose ids checkRuleIds holds against them). */
  readonly checks: readonly RuleMeta[];
  readonly catalog: readonly RuleMeta[];
}

/**
 * The rules of a configuration (`given`, else the built-in ones and its `rulesDirs` modules) and the catalog with them
 * and its `customRules`: what a run applies, and what `kubefit rules`, `explain` and SARIF's rule list describe.
 */
export async function ruleSetOf(config: Pick<KubefitConfig, 'rulesDirs' | 'locate' | 'customRules'>, cwd: string, given?: readonly Rule[]): Promise<RuleSet> {
  const rules = given ?? [...BUILTIN_RULES, ...(await loadRulesDirs(config, cwd, new Set(ruleCatalog().map((meta) => meta.id))))];
  const checks = ruleCatalog(rules.map((rule) => rule.meta));
  return { rules, checks, catalog: [...checks, ...config.customRules.map(schemaRuleMeta)] };
}
