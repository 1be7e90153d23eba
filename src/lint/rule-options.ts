// Checks the per-rule options of a config against each rule's JSON Schema (meta.options.schema), as ESLint does.
import { Ajv, type ErrorObject } from 'ajv';
import { configKeyAt, type KubefitConfig } from '../config/config.js';
import type { Rule } from './define-rule.js';
import { didYouMean } from '../model/closest-name.js';

export interface RuleOptionProblem {
  readonly ruleId: string;
  readonly message: string;
}

/** One message per rule whose options do not fit its schema, or that takes none; rules not in `rules` are left alone. */
export function ruleOptionProblems(rules: readonly Rule[], config: KubefitConfig): RuleOptionProblem[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const ajv = new Ajv({ allErrors: false, strict: false });
  const problems: RuleOptionProblem[] = [];
  for (const [id, options] of Object.entries(config.ruleOptions)) {
    const rule = byId.get(id);
    if (!rule) continue;
    const schema = rule.meta.options?.schema;
    if (!schema) {
      problems.push({ ruleId: id, message: `${configKeyAt(config, ['rules', id])}rule ${id} takes no options` });
      continue;
    }
    const validate = ajv.compile(schema);
    const [error] = validate(options) ? [] : (validate.errors ?? []);
    if (error) problems.push({ ruleId: id, message: `${configKeyAt(config, ['rules', id])}rule ${id}: ${describeError(error, schema)}` });
  }
  return problems;
}

function describeError(error: ErrorObject, schema: object): string {
  const option = error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params['additionalProperty']);
    // a top-level option's siblings are the rule's options; a typo deeper down is named without a guess
    const names = error.instancePath === '' && 'properties' in schema && typeof schema.properties === 'object' && schema.properties !== null ? Object.keys(schema.properties) : [];
    return `unknown option "${name}"${didYouMean(name, names)}`;
  }
  return `option ${option === '' ? '' : `${option} `}${error.message ?? 'is not valid'}`;
}
