// Rule ids named in the configuration must exist and be configurable: a typo would otherwise silently do nothing.
import type { RuleMeta } from '../model/rule-meta.js';
import { UsageError } from '../model/usage-error.js';
import { matchesGlob } from '../model/glob.js';
import { peerNameHint } from '../lint/peer-check-names.js';
import { didYouMean } from '../model/closest-name.js';
import { configKeyAt, type KubefitConfig } from './config.js';

/**
 * Throws a UsageError for the first rule id in `rules` or `overrides` that no check (of `checks`, or a custom rule) has
 * or that cannot be configured, and for a custom rule whose id is taken.
 */
export function checkRuleIds(config: KubefitConfig, checks: readonly Pick<RuleMeta, 'id' | 'notConfigurable'>[]): void {
  const known = new Map<string, Pick<RuleMeta, 'id' | 'notConfigurable'>>([...checks, ...config.customRules].map((meta) => [meta.id, meta]));
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
  checkCustomRuleIds(config, checks);
}

/**
 * A custom rule's id must be its own: one a check (or an earlier custom rule) has would run beside it under one name,
 * their findings, severities and suppressions mixed.
 */
function checkCustomRuleIds(config: KubefitConfig, checks: readonly Pick<RuleMeta, 'id'>[]): void {
  for (const [index, custom] of config.customRules.entries()) {
    const taken = checks.some((meta) => meta.id === custom.id);
    if (!taken && !config.customRules.slice(0, index).some((earlier) => earlier.id === custom.id)) continue;
    const owner = taken ? 'a kubefit check' : 'an earlier custom rule';
    throw new UsageError(`${configKeyAt(config, ['customRules', index, 'id'])}custom rule id "${custom.id}" is already ${owner}'s`, 'Give the custom rule an id of its own.');
  }
}

/**
 * A warning for each `ignore` entry whose rule (a rule id; the library also takes a glob) matches no check: the entry suppresses nothing. Warnings, not
 * errors, so that a configuration that ran before still runs.
 */
export function ignoreRuleWarnings(config: KubefitConfig, catalog: readonly Pick<RuleMeta, 'id'>[]): string[] {
  const ids = catalog.map((meta) => meta.id);
  return config.ignore.flatMap(({ rule }, index) => {
    if (rule === undefined || ids.some((id) => matchesGlob(id, rule))) return [];
    return [`${configKeyAt(config, ['ignore', index, 'rule'])}unknown rule "${rule}"${peerNameHint(rule) || didYouMean(rule, ids)}: the ignore entry suppresses nothing`];
  });
}
