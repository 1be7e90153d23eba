// Rule modules from rulesDirs through the installed bin, whose launcher runs the CLI via node:vm and lends it import():
// they load with a cold and a warm code cache, see every object unless they declare meta.queries, and a query they do
// not declare is a usage error, not a crash.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, STACK_FRAME } from './hostile/spawn-cli.js';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "web:1"}]}\n';
const temporary: string[] = [];

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

async function project(rulesDir: string): Promise<{ dir: string; cacheDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefit-rules-dir-'));
  temporary.push(dir);
  await writeFile(join(dir, '.kubefit.yaml'), `rulesDirs: [${JSON.stringify(resolve(rulesDir))}]\n`);
  await writeFile(join(dir, 'deploy.yaml'), DEPLOYMENT);
  return { dir, cacheDir: join(dir, 'cache') };
}

describe('rulesDirs through the bin', () => {
  it('loads rule modules with a cold and a warm code cache; one without meta.queries sees other objects', async () => {
    const { dir, cacheDir } = await project('fixtures/rules/rules-dir');
    const lines = async () => {
      const run = await spawnCli(['lint', 'deploy.yaml', '--format', 'json'], { cwd: dir, env: { KUBEFIT_CACHE_DIR: cacheDir } });
      expect(run.stderr).toBe('');
      const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; line: number; message: string }[] }).findings;
      return findings.filter((finding) => ['team-label', 'service-exists'].includes(finding.ruleId)).map((finding) => `${finding.line} ${finding.ruleId} ${finding.message}`);
    };
    const expected = ['3 team-label Deployment has no team label', '3 service-exists no Service in namespace shop'];
    expect(await lines()).toEqual(expected);
    expect(await lines()).toEqual(expected);
    await writeFile(join(dir, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
    const run = await spawnCli(['lint', 'deploy.yaml', 'service.yaml', '--format', 'json'], { cwd: dir, env: { KUBEFIT_CACHE_DIR: cacheDir } });
    expect((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId)).not.toContain('service-exists');
  });

  it('stops with a usage error naming the rule when it reads what its meta.queries does not name', async () => {
    const { dir, cacheDir } = await project('fixtures/rules/undeclared-query-dir');
    const run = await spawnCli(['lint', 'deploy.yaml'], { cwd: dir, env: { KUBEFIT_CACHE_DIR: cacheDir } });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('kubefit: rule reads-config-maps reads ConfigMap from ctx.index, which its meta.queries does not name');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('lists, explains and describes in SARIF the configuration\'s rules: rulesDirs modules and customRules', async () => {
    const { dir, cacheDir } = await project('fixtures/rules/rules-dir');
    const custom = 'customRules:\n  - id: owner-annotation\n    severity: warning\n    message: objects name their owner\n    target: object\n    schema: {required: [metadata], properties: {metadata: {required: [annotations]}}}\n';
    await writeFile(join(dir, '.kubefit.yaml'), `rulesDirs: [${JSON.stringify(resolve('fixtures/rules/rules-dir'))}]\n${custom}`);
    const env = { KUBEFIT_CACHE_DIR: cacheDir };
    const rules = await spawnCli(['rules', '--format', 'json'], { cwd: dir, env });
    expect(rules.stderr).toBe('');
    const listed = (JSON.parse(rules.stdout) as { id: string; category: string; description: string }[]).filter((rule) => ['team-label', 'owner-annotation'].includes(rule.id));
    expect(listed.map(({ id, category }) => `${id} ${category}`)).toEqual([expect.stringMatching(/^team-label /), 'owner-annotation custom']);
    const explained = await spawnCli(['explain', 'owner-annotation'], { cwd: dir, env });
    expect({ code: explained.code, first: explained.stdout.split('\n')[0] }).toEqual({ code: 0, first: expect.stringContaining('owner-annotation') });
    expect(explained.stdout).toContain('objects name their owner');
    // another configuration, named with --config, is the one read
    await writeFile(join(dir, 'other.yaml'), 'rules: {}\n');
    const elsewhere = await spawnCli(['explain', 'owner-annotation', '--config', 'other.yaml'], { cwd: dir, env });
    expect({ code: elsewhere.code, stderr: elsewhere.stderr.split('\n')[0] }).toEqual({ code: 2, stderr: expect.stringContaining('unknown rule "owner-annotation"') });
    const sarif = await spawnCli(['lint', 'deploy.yaml', '--format', 'sarif'], { cwd: dir, env });
    const descriptors = (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] }).runs[0]?.tool.driver.rules ?? [];
    expect(descriptors.find((rule) => rule.id === 'owner-annotation')?.shortDescription.text).toBe('objects name their owner');
  });

  it('points a rule module\'s bad option to kubefit explain, which describes the module\'s options', async () => {
    const { dir, cacheDir } = await project('fixtures/rules/rules-dir');
    const modules = join(dir, 'modules');
    await mkdir(modules);
    await writeFile(join(modules, 'owner.mjs'), `export default {
  meta: {
    id: 'owner', severity: 'warning', category: 'custom', description: 'workload names no owner', rationale: 'r', remediation: 'f', defaultOn: true,
    appliesTo: { target: 'object', kinds: ['Deployment'] }, messages: { missing: 'no owner' },
    options: { schema: { type: 'object', properties: { label: { type: 'string', description: 'the owner label' } }, additionalProperties: false }, defaults: { label: 'team' } },
  },
  check() {},
};
`);
    await writeFile(join(dir, '.kubefit.yaml'), 'rulesDirs: [modules]\nrules:\n  owner: [warning, {lable: team}]\n');
    const env = { KUBEFIT_CACHE_DIR: cacheDir };
    const bad = await spawnCli(['lint', 'deploy.yaml'], { cwd: dir, env });
    expect([bad.code, bad.stderr.split('\n')[1]]).toEqual([2, 'Run "kubefit explain owner" for the options it takes.']);
    const explained = await spawnCli(['explain', 'owner'], { cwd: dir, env });
    expect(explained.stdout).toContain('  label (string, default "team"): the owner label');
  });
});
