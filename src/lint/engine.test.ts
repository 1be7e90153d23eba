import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type KubefitConfig, type SchemaRuleConfig } from '../config/config.js';
import { defineRule, type Rule } from './define-rule.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { compileMessage, fillMessage, Linter, lintObjects } from './engine.js';
import { parseCase } from './rule-tester.js';

const CODE = `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
          - name: app
            image: nginx:1
            securityContext: {privileged: true}
`;

function run(rules: readonly Rule[], config: Partial<KubefitConfig> = {}) {
  const { objects, workloads } = parseCase({ code: CODE });
  return lintObjects({ objects, workloads, rules, config: { ...DEFAULT_CONFIG, ...config } })
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity} ${finding.message}`);
}

const crashing = defineRule({
  meta: {
    id: 'crashing', severity: 'warning', category: 'custom', description: 'always throws', rationale: 'Test.', remediation: 'None.',
    defaultOn: true, appliesTo: { target: 'podSpec' }, messages: { never: 'never' },
  },
  check() {
    throw new Error('boom');
  },
});

const optIn = defineRule({
  meta: {
    id: 'opt-in', severity: 'info', category: 'custom', description: 'reports every Service', rationale: 'Test.', remediation: 'None.',
    defaultOn: false, appliesTo: { target: 'object', kinds: ['Deployment'] }, messages: { seen: '{{kind}} seen' },
  },
  check(object, { report }) {
    report({ messageId: 'seen', data: { kind: object.ref.kind }, at: ['kind'] });
  },
});

describe('lintObjects', () => {
  it('turns a crashing rule into an internal-error finding at the object and goes on', () => {
    expect(run([crashing, optIn], { rules: { 'opt-in': 'warning' } })).toEqual([
      '2:7 opt-in warning Deployment seen',
      '1:1 internal-error error rule crashing failed on this object: boom',
    ]);
  });

  it('runs off-by-default rules only when configured, with the configured severity', () => {
    expect(run([optIn])).toEqual([]);
    expect(run([optIn], { rules: { 'opt-in': 'error' } })).toEqual(['2:7 opt-in error Deployment seen']);
  });
});

describe('custom JSON-Schema rules', () => {
  const rule = (target: SchemaRuleConfig['target'], schema: Record<string, unknown>, kinds?: string[]): SchemaRuleConfig => ({
    id: `custom-${target}`, severity: 'warning', message: 'must follow the team policy', target, schema, ...(kinds && { kinds }),
  });

  it('reports the first violation at the instance path, relative to the target', () => {
    const customRules = [
      rule('container', { properties: { securityContext: { properties: { privileged: { const: false } } } } }),
      rule('podSpec', { required: ['priorityClassName'] }),
      rule('object', { properties: { metadata: { required: ['labels'] } } }, ['Deployment']),
      rule('object', { required: ['status'] }, ['Service']),
    ];
    expect(run([], { customRules })).toEqual([
      '3:11 custom-object warning must follow the team policy (metadata must have required property \'labels\')',
      '7:7 custom-podSpec warning must follow the team policy (must have required property \'priorityClassName\')',
      '11:41 custom-container warning must follow the team policy (securityContext.privileged must be equal to constant)',
    ]);
  });

  it('rejects an invalid schema as a usage error', () => {
    expect(() => run([], { customRules: [rule('object', { type: 'no-such-type' })] })).toThrow(/custom rule "custom-object" has an invalid JSON Schema/);
  });
});

describe('fillMessage', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillMessage('limit {{resource}} "{{limit}}" {{other}}', { resource: 'cpu', limit: '1' })).toBe('limit cpu "1" {{other}}');
  });

  it('is what a compiled message gives, for any template and data', () => {
    const template = fc.array(fc.constantFrom('{{', '}}', '{', '}', ' ', 'a', 'b', '_1', '$&', '{{a}}', '{{ b }}'), { maxLength: 12 }).map((parts) => parts.join(''));
    const data = fc.option(fc.dictionary(fc.constantFrom('a', 'b', '_1', 'ab', 'constructor'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())), { nil: undefined });
    fc.assert(fc.property(template, data, (text, values) => {
      expect(compileMessage(text)(values)).toBe(fillMessage(text, values));
    }), { numRuns: 3000 });
  });
});

describe('meta.queries', () => {
  const querying = (queries: readonly string[] | undefined, kind: string) => defineRule({
    meta: {
      id: 'querying', severity: 'warning', category: 'custom', description: 'counts objects of a kind', rationale: 'Test.', remediation: 'None.',
      defaultOn: true, ...(queries && { queries }), appliesTo: { target: 'podSpec' }, messages: { count: '{{count}} of {{kind}}' },
    },
    check(workload, { index, report }) {
      report({ messageId: 'count', data: { count: index.ofKind(kind).length, kind }, at: ['kind'] });
    },
  });

  it('lets a rule read the kinds it declares, after every object is read', () => {
    expect(run([querying(['Deployment'], 'Deployment')])).toEqual(['2:7 querying warning 1 of Deployment']);
  });

  it('stops a rule that reads a kind it does not declare, or reads the index without declaring anything', () => {
    expect(() => run([querying(['Service'], 'Deployment')])).toThrow('rule querying reads Deployment from ctx.index, which its meta.queries does not name');
    expect(() => run([querying(undefined, 'Deployment')])).toThrow('rule querying reads Deployment from ctx.index');
  });

  it('stops a rule whose memoised query another rule answered first (memos are kept per rule)', () => {
    const memoised = (id: string, queries: readonly string[]) => defineRule({
      meta: {
        id, severity: 'warning', category: 'custom', description: 'counts Deployments through a memo', rationale: 'Test.', remediation: 'None.',
        defaultOn: true, queries, appliesTo: { target: 'podSpec' }, messages: { count: '{{count}}' },
      },
      check(workload, { index, report }) {
        report({ messageId: 'count', data: { count: index.memo('deployments', () => index.ofKind('Deployment').length) }, at: ['kind'] });
      },
    });
    expect(() => run([memoised('declares', ['Deployment']), memoised('undeclared', ['Service'])])).toThrow('rule undeclared reads Deployment from ctx.index');
  });
});

describe('Linter.keeps', () => {
  it('keeps objects only for the cross-object rules that may run: on by default or by the configuration, or turned on by an override', () => {
    const { objects } = parseCase({ code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: read, namespace: team}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\n' });
    const [binding] = objects;
    if (!binding) throw new Error('no object');
    const keeps = (config: Partial<KubefitConfig>) => new Linter({ rules: BUILTIN_RULES, config: { ...DEFAULT_CONFIG, ...config }, workloadOf: () => undefined }).keeps(binding);
    // rbac-secrets-read (off by default) is the only built-in rule that reads RoleBindings
    expect(keeps({})).toBe(false);
    expect(keeps({ rules: { 'rbac-secrets-read': 'warning' } })).toBe(true);
    expect(keeps({ overrides: [{ files: ['prod/**'], rules: { 'rbac-secrets-read': 'error' } }] })).toBe(true);
  });
});

describe('Linter: configuration overrides', () => {
  it('gives each file the settings of the overrides it matches (files matching the same ones share them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubefit-overrides-'));
    try {
      const files = ['a/one.yaml', 'a/two.yaml', 'b/three.yaml'].map((file) => join(dir, file));
      for (const file of files) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `apiVersion: v1\nkind: Pod\nmetadata: {name: ${basename(file, '.yaml')}}\nspec:\n  containers: [{name: c, image: nginx}]\n`);
      }
      const { objects, workloads } = parseCase({ fixture: files });
      const config: KubefitConfig = { ...DEFAULT_CONFIG, overrides: [{ files: [`${dir}/a/**`], rules: { 'latest-tag': 'off' } }, { files: [`${dir}/*/two.yaml`], rules: { 'latest-tag': 'warning' } }] };
      const latest = lintObjects({ objects, workloads, rules: BUILTIN_RULES, config })
        .filter((finding) => finding.ruleId === 'latest-tag')
        .map((finding) => `${basename(finding.file)} ${finding.severity}`);
      expect(latest).toEqual(['two.yaml warning', 'three.yaml error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
