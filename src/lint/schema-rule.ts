// Rules without code (Polaris' model): a JSON Schema from the config file applied to an object, pod spec or container.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UsageError } from '../model/usage-error.js';
import type { SchemaRuleConfig } from '../config/config.js';
import type { Path } from '../model/document.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { defineRule, type Rule } from './define-rule.js';
import { containerNamePath } from './container.js';

/** What `kubefit rules`, `explain` and SARIF's rule list say of a configured schema rule (its schema is not compiled). */
export function schemaRuleMeta(config: SchemaRuleConfig): RuleMeta {
  return {
    id: config.id,
    severity: config.severity,
    category: 'custom',
    description: config.message,
    rationale: 'This rule is defined in the kubefit configuration file as a JSON Schema.',
    remediation: 'Change the manifest so that it satisfies the rule described in the configuration file.',
    defaultOn: true,
  };
}

/**
 * Compiles a configured schema rule once; the engine then runs it like a built-in rule. `at` (`file:line:col: `)
 * locates its schema for the usage error a schema ajv refuses is.
 */
export function toSchemaRule(config: SchemaRuleConfig, at = ''): Rule {
  const validate = compile(config, at);
  const meta = { ...schemaRuleMeta(config), messages: { failed: `${config.message} ({{reason}})` } };
  const kinds = config.kinds ? { kinds: config.kinds } : {};
  if (config.target === 'object') {
    return defineRule({
      meta: { ...meta, appliesTo: { target: 'object', ...kinds } },
      check: (object, context) => reportFirstError(validate, object.value, [], context.report),
    });
  }
  if (config.target === 'podSpec') {
    return defineRule({
      meta: { ...meta, appliesTo: { target: 'podSpec', ...kinds } },
      check: (workload, context) => reportFirstError(validate, workload.podSpec, workload.podSpecPath, context.report),
    });
  }
  return defineRule({
    meta: { ...meta, appliesTo: { target: 'container', ...kinds } },
    check: (container, context) =>
      reportFirstError(validate, container.value, container.path, context.report, containerNamePath(container)),
  });
}

const require = createRequire(import.meta.url);

/** ajv is loaded only when the configuration defines custom rules. */
function compile(config: SchemaRuleConfig, at: string): ValidateFunction {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: false, strict: false });
  // the meta-schema's first complaint, worded for the file (`schema.type must be one of ...`), not as ajv's `data/type`
  const [problem] = ajv.validateSchema(config.schema) === true ? [] : (ajv.errors ?? []);
  if (problem !== undefined) throw invalidSchema(config, at, schemaProblemText(problem));
  try {
    return ajv.compile(config.schema);
  } catch (error) {
    throw invalidSchema(config, at, error instanceof Error ? error.message : String(error));
  }
}

function invalidSchema(config: SchemaRuleConfig, at: string, problem: string): UsageError {
  return new UsageError(`${at}custom rule "${config.id}" has an invalid JSON Schema: ${problem}`, 'A custom rule\'s schema is a JSON Schema (draft-07) that the target must satisfy.');
}

function schemaProblemText(error: ErrorObject): string {
  const where = ['schema', ...error.instancePath.split('/').slice(1)].join('.');
  const allowed = error.params['allowedValues'];
  return Array.isArray(allowed) ? `${where} must be one of ${allowed.join(', ')}` : `${where} ${error.message ?? 'is not valid'}`;
}

type Reporter = (report: { messageId: 'failed'; data: Record<string, string>; at: Path }) => void;

function reportFirstError(validate: ValidateFunction, value: unknown, base: Path, report: Reporter, rootAt: Path = base): void {
  if (validate(value)) return;
  const error = validate.errors?.[0];
  if (!error) return;
  const relative = pointerToPath(error.instancePath, value);
  const at = relative.length === 0 ? rootAt : [...base, ...relative];
  report({ messageId: 'failed', data: { reason: describe(error) }, at });
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '' : `${error.instancePath.slice(1).replaceAll('/', '.')} `;
  return `${where}${error.message ?? 'does not match the schema'}`;
}

/** JSON Pointer → path; segments are array indexes where the value is an array. */
function pointerToPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const step = Array.isArray(current) ? Number(segment) : segment;
    path.push(step);
    current = (current as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}
