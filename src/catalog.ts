// Every check kubefit can report, for `kubefit rules`, `kubefit explain` and SARIF's rule list.
import { BUILTIN_RULES } from '../rules/index.js';
import { LINT_CHECKS } from './lint/lint-checks.js';
import { LOAD_CHECKS } from './load/load-checks.js';
import type { RuleMeta } from './model/rule-meta.js';
import { SCHEDULING_CHECKS } from './schedule/scheduling-checks.js';
import { SCHEMA_CHECKS } from './schema/validate.js';

export function ruleCatalog(extra: readonly RuleMeta[] = []): RuleMeta[] {
  const all = [...Object.values(LOAD_CHECKS), ...SCHEMA_CHECKS, ...BUILTIN_RULES.map((rule) => rule.meta), ...LINT_CHECKS, ...SCHEDULING_CHECKS, ...extra];
  return [...new Map(all.map((meta) => [meta.id, meta])).values()];
}
