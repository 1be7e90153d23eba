// Checks the per-rule options of a config against each rule's JSON Schema (meta.options.schema), as ESLint does.
import { Ajv, type ErrorObject } from 'ajv';
import { configKeyAt, type KubefitConfig } from '../config/config.js';
import type { Rule } from './define-rule.js';

/** One message per rule whose options do not fit its schema, or that takes none; rules not in `rules` are left alone. */
export function ruleOptionProblems(rules: readonly Rule[], config: KubefitConfig): string[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const ajv = new Ajv({ allErrors: false, strict: false });
  const problems: string[] = [];
  for (const [id, options] of Object.entries(config.ruleOptions)) {
    const rule = byId.get(id);
    if (!rule) continue;
    const schema = rule.meta.options?.schema;
    if (!schema) {
      problems.push(`${configKeyAt(config, ['rules', id])}rule ${id} takes no options`);
      continue;
    }
    const validate = ajv.compile(schema);
    const [error] = validate(options) ? [] : (validate.errors ?? []);
    if (error) problems.push(`${configKeyAt(config, ['rules', id])}rule ${id}: ${describeError(error)}`);
  }
  return problems;
}

function describeError(error: ErrorObject): string {
  const option = error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') return `unknown option "${String(error.params['additionalProperty'])}"`;
  return `option ${option === '' ? '' : `${option} `}${error.message ?? 'is not valid'}`;
}
