// Rule ids named in the configuration must exist and be configurable: a typo would otherwise silently do nothing.
import type { RuleMeta } from '../model/rule-meta.js';
import { UsageError } from '../model/usage-error.js';
import { didYouMean } from '../schema/closest-name.js';
import type { KubefitConfig } from './config.js';

/** Throws a UsageError for the first rule id in `rules` or `overrides` that no check has or that cannot be configured. */
export function checkRuleIds(config: KubefitConfig, catalog: readonly Pick<RuleMeta, 'id' | 'notConfigurable'>[]): void {
  const known = new Map(catalog.map((meta) => [meta.id, meta]));
  const named = [
    ...[...new Set([...Object.keys(config.rules), ...Object.keys(config.ruleOptions)])].map((id) => ({ id, where: 'rules' })),
    ...config.overrides.flatMap((override, index) => Object.keys(override.rules).map((id) => ({ id, where: `overrides[${index}].rules` }))),
  ];
  for (const { id, where } of named) {
    const meta = known.get(id);
    if (meta === undefined) {
      throw new UsageError(`unknown rule "${id}" in the configuration's ${where}${didYouMean(id, [...known.keys()])}`, 'Run "kubefit rules" to list every rule id.');
    }
    if (meta.notConfigurable !== undefined) {
      throw new UsageError(`rule "${id}" in the configuration's ${where} cannot be configured: ${meta.notConfigurable}`, 'Remove it from the configuration.');
    }
  }
}
