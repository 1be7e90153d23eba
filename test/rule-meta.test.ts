import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../rules/index.js';
import { docsPathOf } from '../src/lint/define-rule.js';
import { renderRuleDocs } from '../src/lint/rule-docs.js';
import { ruleCatalog } from '../src/catalog.js';

// ESLint's checkRuleFiles and typescript-eslint's docs tests: consistency comes from tooling, not memory.
const ruleFiles = readdirSync('rules').filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts');
const ids = ruleFiles.map((file) => file.replace(/\.ts$/, ''));
/** Lower-case start, except a Kubernetes kind (a proper name), and no final period. */
const SHORT_TEXT = /^(?:[a-z0-9"{]|(?:Service|Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob|ReplicaSet|HorizontalPodAutoscaler|ServiceAccount|LimitRange|ResourceQuota|PersistentVolumeClaim|Ingress|NetworkPolicy|PodDisruptionBudget|DeploymentConfig|Secret|ConfigMap|Role|ClusterRole|RoleBinding|ClusterRoleBinding|PriorityClass)\b).*[^.]$/;

describe('rule files', () => {
  it('are all registered, once, alphabetically', () => {
    expect(BUILTIN_RULES.map((rule) => rule.meta.id)).toEqual([...ids].sort());
  });

  it.each(ids)('%s: id is the file name, has a RuleTester test, and text follows the style', (id) => {
    expect(readFileSync(`rules/${id}.ts`, 'utf8')).toContain(`id: '${id}',`);
    const meta = BUILTIN_RULES.find((rule) => rule.meta.id === id)?.meta;
    if (!meta) throw new Error(`${id} is not registered in rules/index.ts`);
    expect(readFileSync(`rules/${id}.test.ts`, 'utf8')).toMatch(/new RuleTester\([^)]*\)\.run\(rule,/);
    expect(meta.description).toMatch(SHORT_TEXT);
    expect(meta.rationale).toMatch(/^[A-Z].*\.$/s);
    expect(meta.remediation).toMatch(/^[A-Z].*\.$/s);
    for (const message of Object.values<string>(meta.messages)) expect(message).toMatch(SHORT_TEXT);
  });
});

describe('generated rule docs', () => {
  const files = renderRuleDocs(BUILTIN_RULES, ruleCatalog());

  it.each([...files.keys()])('%s is current (run npm run gen:docs)', (path) => {
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '(missing)').toBe(files.get(path));
  });

  it('has no page without a rule', () => {
    const stale = readdirSync('docs/rules').filter((name) => !files.has(`docs/rules/${name}`));
    expect(stale).toEqual([]);
  });

  it('gives every id kubefit can report a page (SARIF helpUri links to it)', () => {
    for (const meta of ruleCatalog()) expect(files.has(docsPathOf(meta.id)), meta.id).toBe(true);
  });
});
