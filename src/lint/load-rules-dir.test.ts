import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config.js';
import { lintObjects } from './engine.js';
import { loadRulesDirs } from './load-rules-dir.js';
import { parseCase } from './rule-tester.js';

describe('loadRulesDirs', () => {
  it('loads rule modules that then run like built-in rules', async () => {
    const rules = await loadRulesDirs({ rulesDirs: ['fixtures/rules/rules-dir'] }, '.');
    expect(rules.map((rule) => rule.meta.id)).toEqual(['service-exists', 'team-label']);
    const { objects, workloads } = parseCase({ code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n' });
    const findings = lintObjects({ objects, workloads, rules, config: DEFAULT_CONFIG });
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`).sort()).toEqual(['3:1 team-label Deployment has no team label', '3:18 service-exists no Service in namespace default']);
  });

  it('rejects a module without the rule shape, naming the file', async () => {
    await expect(loadRulesDirs({ rulesDirs: ['fixtures/rules/bad-rules-dir'] }, '.')).rejects.toThrow(/broken\.js: not a kubefit rule: check is not a function/);
  });

  it('rejects a module whose rule id a check or an earlier module has', async () => {
    await expect(loadRulesDirs({ rulesDirs: ['fixtures/rules/rules-dir'] }, '.', new Set(['team-label']))).rejects.toThrow('fixtures/rules/rules-dir/team-label.mjs: rule id "team-label" is already a kubefit check\'s');
  });

  it('rejects a directory that cannot be read', async () => {
    await expect(loadRulesDirs({ rulesDirs: ['fixtures/rules/no-such-dir'] }, '.')).rejects.toThrow('config rulesDirs: cannot read rules directory fixtures/rules/no-such-dir: no such file or directory');
  });
});
