import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

describe('kubefit with a config file', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefit-config-'));
    await mkdir(join(dir, 'k8s'));
    await writeFile(join(dir, 'k8s', 'web.yaml'), DEPLOYMENT);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);

  it('finds .kubefit.yaml upward from the working directory and applies its rule settings', async () => {
    const before = await runCli(['lint', 'web.yaml', '--format', 'json'], { cwd: join(dir, 'k8s') });
    expect(ruleIds(before.stdout)).toContain('latest-tag');
    await writeFile(join(dir, '.kubefit.yaml'), 'rules:\n  latest-tag: off\n');
    const after = await runCli(['lint', 'web.yaml', '--format', 'json'], { cwd: join(dir, 'k8s') });
    expect(ruleIds(after.stdout)).not.toContain('latest-tag');
  });

  it('takes --config and reports a bad file at file:line:col with exit code 2', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'rules:\n  latest-tag: sometimes\n');
    const run = await runCli(['lint', 'k8s', '--config', 'bad.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kubefit: .*bad\.yaml:2:15/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('lets --fail-on on the command line win over the file', async () => {
    await writeFile(join(dir, '.kubefit.yaml'), 'failOn: none\n');
    expect((await runCli(['lint', 'k8s'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['lint', 'k8s', '--fail-on', 'error'], { cwd: dir })).code).toBe(1);
  });

  it('init writes a starter config that kubefit accepts, and never overwrites one', async () => {
    const first = await runCli(['init'], { cwd: dir });
    expect(first).toMatchObject({ code: 0, stdout: 'wrote .kubefit.yaml\n' });
    expect(await readFile(join(dir, '.kubefit.yaml'), 'utf8')).toContain('rules:');
    expect((await runCli(['lint', 'k8s'], { cwd: dir })).code).toBe(1);
    const second = await runCli(['init'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr.startsWith('kubefit: .kubefit.yaml already exists')).toBe(true);
  });
});
