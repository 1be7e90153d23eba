// Loads rule modules from the configured rulesDirs (*.js, *.mjs), checking each has the shape of a built-in rule.
import { readdir } from '../load/async-fs.js';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configKeyAt, type KubefitConfig } from '../config/config.js';
import { importModule } from '../load/import-module.js';
import { describeFsError } from '../load/read-file.js';
import { UsageError } from '../model/usage-error.js';
import { SEVERITIES } from '../model/finding.js';
import { asRecord } from '../model/object.js';
import type { Rule } from './define-rule.js';
import { EVERY_KIND } from './lint-index.js';

const TARGETS: readonly unknown[] = ['object', 'podSpec', 'container'];
const TEXT_FIELDS = ['id', 'category', 'description', 'rationale', 'remediation'] as const;

/**
 * Every rule module of the configuration's rulesDirs (relative to `cwd`), in directory order and then file name order;
 * a directory that cannot be read is a usage error at its entry in the config file, and so is a module whose rule id
 * a check of `takenIds` or an earlier module has (the two would run under one name).
 */
export async function loadRulesDirs(config: Pick<KubefitConfig, 'rulesDirs' | 'locate'>, cwd: string, takenIds: ReadonlySet<string> = new Set()): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const [index, dir] of config.rulesDirs.entries()) {
    const files = (await readdir(resolve(cwd, dir)).catch((error: unknown) => {
      throw new UsageError(`${configKeyAt(config, ['rulesDirs', index])}cannot read rules directory ${dir}: ${describeFsError(error)}`, 'Check rulesDirs in the configuration.');
    })).filter((file) => /\.m?js$/.test(file)).sort();
    for (const file of files) {
      const rule = await loadRuleModule(join(dir, file), cwd);
      const { id } = rule.meta;
      const owner = takenIds.has(id) ? 'a kubefit check\'s' : rules.some((other) => other.meta.id === id) ? 'an earlier rule module\'s' : undefined;
      if (owner !== undefined) throw new UsageError(`${join(dir, file)}: rule id "${id}" is already ${owner}`, 'Give the rule an id of its own.');
      rules.push(rule);
    }
  }
  return rules;
}

async function loadRuleModule(file: string, cwd: string): Promise<Rule> {
  let module: unknown;
  try {
    module = await importModule(pathToFileURL(resolve(cwd, file)).href);
  } catch (error) {
    // a syntax error or a throw at load time is the user's module, not a kubefit bug: no stack trace
    throw new UsageError(`${file}: cannot load the rule module: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rule = asRecord(asRecord(module)?.['default']);
  const problem = shapeProblem(rule);
  if (problem) throw new UsageError(`${file}: not a kubefit rule: ${problem}`, 'A rule module default-exports { meta, check } like the files in rules/.');
  return withQueries(rule as unknown as Rule);
}

/**
 * A rule module that does not say what it reads from ctx.index may read anything: it gets every object, as before
 * meta.queries existed (kubefit then keeps every object of the run for it). `queries: []` says it reads nothing but
 * the object, like a built-in rule without queries, so it runs while the object's file is in memory.
 */
function withQueries(rule: Rule): Rule {
  const { queries, ...meta } = rule.meta;
  if (queries === undefined) return { ...rule, meta: { ...meta, queries: [EVERY_KIND] } } as Rule;
  return queries.length === 0 ? ({ ...rule, meta } as Rule) : rule;
}

function shapeProblem(rule: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!rule) return 'no default export';
  if (typeof rule['check'] !== 'function') return 'check is not a function';
  const meta = asRecord(rule['meta']);
  if (!meta) return 'meta is missing';
  for (const field of TEXT_FIELDS) if (typeof meta[field] !== 'string') return `meta.${field} is not a string`;
  if (!SEVERITIES.includes(meta['severity'] as never)) return 'meta.severity is not error, warning or info';
  if (typeof meta['defaultOn'] !== 'boolean') return 'meta.defaultOn is not a boolean';
  if (!TARGETS.includes(asRecord(meta['appliesTo'])?.['target'])) return 'meta.appliesTo.target is not object, podSpec or container';
  if (!asRecord(meta['messages'])) return 'meta.messages is missing';
  if (meta['queries'] !== undefined && !(Array.isArray(meta['queries']) && meta['queries'].every((query) => typeof query === 'string'))) return 'meta.queries is not a list of strings';
  return undefined;
}
