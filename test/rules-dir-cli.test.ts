// Rule modules from rulesDirs through the installed bin, whose launcher runs the CLI via node:vm and lends it import():
// they load with a cold and a warm code cache, see every object unless they declare meta.queries, and a query they do
// not declare is a usage error, not a crash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
});
