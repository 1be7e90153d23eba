// Rule ids named in the configuration must exist and be configurable: a typo would otherwise silently do nothing.
import type { RuleMeta } from '../model/rule-meta.js';
import { UsageError } from '../model/usage-error.js';
import { peerNameHint } from '../lint/peer-check-names.js';
import { didYouMean } from '../schema/closest-name.js';
import { configKeyAt, type KubefitConfig } from './config.js';

/** Throws a UsageError for the first rule id in `rules` or `overrides` that no check has or that cannot be configured. */
export function checkRuleIds(config: KubefitConfig, catalog: readonly Pick<RuleMeta, 'id' | 'notConfigurable'>[]): void {
  const known = new Map(catalog.map((meta) => [meta.id, meta]));
  const named = [
    ...[...new Set([...Object.keys(config.rules), ...Object.keys(config.ruleOptions)])].map((id) => ({ id, path: ['rules', id] })),
    ...config.overrides.flatMap((override, index) => Object.keys(override.rules).map((id) => ({ id, path: ['overrides', index, 'rules', id] }))),
  ];
  for (const { id, path } of named) {
    const meta = known.get(id);
    if (meta === undefined) {
      throw new UsageError(`${configKeyAt(config, path)}unknown rule "${id}"${peerNameHint(id) || didYouMean(id, [...known.keys()])}`, 'Run "kubefit rules" to list every rule id.');
    }
    if (meta.notConfigurable !== undefined) {
      throw new UsageError(`${configKeyAt(config, path)}rule "${id}" cannot be configured: ${meta.notConfigurable}`, 'Remove it from the configuration.');
    }
  }
}
