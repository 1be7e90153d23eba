// The config file through the CLI: ignored paths and severities, globs rebased from a parent directory, error messages.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/report.js';

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kubefit-config-cli-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return root;
}

async function runIn(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdoutIsTTY: false,
    readStdin: async () => Buffer.from(''),
  });
  return { code, stdout, stderr };
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n';
const CONFIG = 'rules:\n  latest-tag: warning\nfailOn: warning\nignore:\n  - "vendor/**"\n';

describe('config file in the CLI', () => {
  it('applies the discovered file: rule severities, ignored paths and failOn', async () => {
    const root = await project({ '.kubefit.yaml': CONFIG, 'k8s/pod.yaml': POD, 'vendor/broken.yaml': 'a: "\n' });
    const run = await runIn(root, ['lint', '--format', 'json', '.']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.find((finding) => finding.ruleId === 'latest-tag')?.severity).toBe('warning');
    expect(report.findings.filter((finding) => finding.file.startsWith('vendor'))).toEqual([]);
    expect(report.findings.every((finding) => finding.severity !== 'error')).toBe(true);
    expect(run.code).toBe(1);
  });

  it('finds the file in a parent directory and rebases its globs', async () => {
    const root = await project({ '.kubefit.yaml': 'ignore: ["apps/legacy/**"]\n', 'apps/legacy/broken.yaml': 'a: "\n', 'apps/pod.yaml': POD });
    const run = await runIn(join(root, 'apps'), ['lint', '--format', 'json', '.']);
    expect((JSON.parse(run.stdout) as Report).findings.map((finding) => finding.file)).not.toContain('legacy/broken.yaml');
  });

  it('applies a parent directory\'s overrides and ignore globs that cover the working directory itself', async () => {
    const config = 'overrides:\n  - files: ["apps/**"]\n    rules: {latest-tag: warning}\nignore:\n  - "apps/*/generated/**"\n';
    const root = await project({ '.kubefit.yaml': config, 'apps/web/pod.yaml': POD, 'apps/web/generated/broken.yaml': 'a: "\n' });
    const report = JSON.parse((await runIn(join(root, 'apps', 'web'), ['lint', '--format', 'json', '.'])).stdout) as Report;
    expect(report.findings.filter((finding) => finding.ruleId === 'latest-tag' || finding.file.startsWith('generated')).map((finding) => [finding.file, finding.ruleId, finding.severity])).toEqual([
      ['pod.yaml', 'latest-tag', 'warning'],
    ]);
  });

  it('says which config file it uses when one folder holds several (the first of the documented order wins)', async () => {
    const root = await project({ '.kubefit.yml': 'failOn: none\n', 'kubefit.config.json': '{"failOn": "warning"}', 'k8s/pod.yaml': POD });
    const run = await runIn(join(root, 'k8s'), ['lint', '--format', 'json', '.']);
    expect(run.stderr).toBe('kubefit: warning: ../.kubefit.yml is the config file used; ../kubefit.config.json in the same folder is ignored (the first of .kubefit.yaml, .kubefit.yml, kubefit.config.json wins)\n');
    expect(run.code).toBe(0);
    // a file named with --config is the one meant: no word about the others
    expect((await runIn(root, ['lint', '--config', 'kubefit.config.json', 'k8s'])).stderr).toBe('');
  });

  it('stops with exit code 2 and the position of a mistake in the file named by --config', async () => {
    const root = await project({ 'ci/kubefit.yaml': 'rules:\n  latest-tag: fatal\n', 'pod.yaml': POD });
    const run = await runIn(root, ['lint', '--config', 'ci/kubefit.yaml', 'pod.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(/^kubefit: ci\/kubefit\.yaml:2:15: rules\.latest-tag must be one of error, warning, info, off$/);
    expect((await runIn(root, ['lint', '--config', 'missing.yaml', 'pod.yaml'])).stderr).toMatch(/^kubefit: config file missing\.yaml not found\n/);
  });

  // a new user's typo in a key gets the key it likely is, and the hint names a page that exists where kubefit was
  // installed from npm (schemas/ is a path into kubefit's repository, not the user's)
  it('names the key an unknown key likely is, a second document as such, and points at the format\'s documentation', async () => {
    const root = await project({ '.kubefit.yaml': 'rulez:\n  latest-tag: off\nignore:\n  - rul: latest-tag\n', 'pod.yaml': POD });
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr).toBe(
      'kubefit: .kubefit.yaml:4:5: unknown key "rul" in ignore[0] (did you mean rule?)\n' +
        'See https://github.com/kubefit/kubefit/blob/main/docs/integrations.md#configuration-file for the format.\n',
    );
    await writeFile(join(root, '.kubefit.yaml'), 'rulez:\n  latest-tag: off\n');
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr.split('\n')[0]).toBe('kubefit: .kubefit.yaml:1:1: unknown key "rulez" in the config (did you mean rules?)');
    // the yaml library's advice was "source contains multiple documents; please use YAML.parseAllDocuments()"
    await writeFile(join(root, '.kubefit.yaml'), '---\nrules: {}\n---\nfailOn: none\n');
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr.split('\n')[0]).toBe('kubefit: .kubefit.yaml:3:1: a second YAML document: a config file holds one');
  });

  it('warns, at the entry\'s rule, about an ignore entry whose rule names no check, with the peer tool\'s hint', async () => {
    const config = [
      'ignore:',
      '  - "vendor/**"',
      '  - rule: no-read-only-root-fs',
      '  - {rule: rbac-wildcard, kind: ClusterRole}',
      '  - rule: no-such-check',
      '  - {kind: Pod, rule: latest-tga}',
      '  - rule: latest-tag',
      '',
    ].join('\n');
    const root = await project({ '.kubefit.yaml': config, 'pod.yaml': POD });
    const run = await runIn(root, ['lint', '--format', 'json', '.']);
    expect(run.stderr).toBe(
      [
        "kubefit: warning: .kubefit.yaml:3:5: unknown rule \"no-read-only-root-fs\" (kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem): the ignore entry suppresses nothing",
        'kubefit: warning: .kubefit.yaml:5:5: unknown rule "no-such-check": the ignore entry suppresses nothing',
        'kubefit: warning: .kubefit.yaml:6:17: unknown rule "latest-tga" (did you mean latest-tag?): the ignore entry suppresses nothing',
        '',
      ].join('\n'),
    );
    expect([run.code, (JSON.parse(run.stdout) as Report).findings.map((finding) => finding.ruleId)]).toEqual([0, ['liveness-probe', 'memory-limit-missing', 'requests-missing']]);
  });

  it('says at its entry in the file why a rulesDirs folder cannot be read, as it says it for a --schemas folder', async () => {
    const root = await project({ 'k8s/.kubefit.yaml': 'rulesDirs:\n  - lint-rules/\n', 'k8s/pod.yaml': POD });
    const run = await runIn(join(root, 'k8s'), ['lint', '.']);
    expect([run.code, run.stderr]).toEqual([2, 'kubefit: .kubefit.yaml:2:5: cannot read rules directory lint-rules: no such file or directory\nCheck rulesDirs in the configuration.\n']);
  });

  // a kubefit.config.json is no hidden file: a folder walk met it, and a pre-commit hook passes a staged .kubefit.yaml
  it('does not read the config file it uses as a manifest, in a checked folder or named', async () => {
    const root = await project({ 'kubefit.config.json': '{"rules": {"latest-tag": "warning"}}\n', 'pod.yaml': POD, 'other/kubefit.config.json': '{}\n' });
    const lint = async (argv: string[]) => {
      const report = JSON.parse((await runIn(root, ['lint', '--format', 'json', ...argv])).stdout) as Report;
      return { files: [...new Set(report.findings.map((finding) => finding.file))], latestTag: report.findings.find((finding) => finding.ruleId === 'latest-tag')?.severity };
    };
    // the file is used (latest-tag is a warning), not checked; other/'s is no config this run uses, and not-kubernetes
    expect(await lint(['.'])).toEqual({ files: ['other/kubefit.config.json', 'pod.yaml'], latestTag: 'warning' });
    expect(await lint(['kubefit.config.json', 'pod.yaml'])).toEqual({ files: ['pod.yaml'], latestTag: 'warning' });
  });

  it('refuses a custom rule whose id a check or an earlier custom rule already has', async () => {
    const custom = (id: string) => `  - id: ${id}\n    severity: warning\n    message: needs a team label\n    target: object\n    schema: {required: [metadata]}\n`;
    const root = await project({ '.kubefit.yaml': `customRules:\n${custom('latest-tag')}`, 'pod.yaml': POD });
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr).toBe('kubefit: .kubefit.yaml:2:5: custom rule id "latest-tag" is already a kubefit check\'s\nGive the custom rule an id of its own.\n');
    await writeFile(join(root, '.kubefit.yaml'), `customRules:\n${custom('team-label')}${custom('team-label')}`);
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr.split('\n')[0]).toBe('kubefit: .kubefit.yaml:7:5: custom rule id "team-label" is already an earlier custom rule\'s');
  });

  it('says where a custom rule\'s schema is no JSON Schema, in the file\'s terms rather than ajv\'s data/type', async () => {
    const config = 'customRules:\n  - id: team-label\n    severity: warning\n    message: needs a team label\n    target: object\n    schema: {type: objekt}\n';
    const root = await project({ '.kubefit.yaml': config, 'pod.yaml': POD });
    expect((await runIn(root, ['lint', 'pod.yaml'])).stderr).toBe(
      'kubefit: .kubefit.yaml:6:5: custom rule "team-label" has an invalid JSON Schema: schema.type must be one of array, boolean, integer, null, number, object, string\n' +
        "A custom rule's schema is a JSON Schema (draft-07) that the target must satisfy.\n",
    );
  });

  it('refuses a rule module whose rule id an earlier module has', async () => {
    const rulesDir = JSON.stringify(resolve('fixtures/rules/rules-dir'));
    const root = await project({ '.kubefit.yaml': `rulesDirs: [${rulesDir}, ${rulesDir}]\n`, 'pod.yaml': POD });
    const run = await runIn(root, ['lint', 'pod.yaml']);
    expect([run.code, run.stderr]).toEqual([2, `kubefit: ${join(resolve('fixtures/rules/rules-dir'), 'service-exists.mjs')}: rule id "service-exists" is already an earlier rule module's\nGive the rule an id of its own.\n`]);
  });

  it('extends kubefit:strict, which turns on the rules that are off by default', async () => {
    const root = await project({ 'pod.yaml': POD, '.kubefit.yaml': 'extends: kubefit:strict\n' });
    const ids = (cwd: string) => runIn(cwd, ['lint', '--format', 'json', '.']).then((run) => (JSON.parse(run.stdout) as Report).findings.map((finding) => finding.ruleId));
    expect(await ids(root)).toContain('seccomp-profile');
    await writeFile(join(root, '.kubefit.yaml'), 'extends: kubefit:recommended\n');
    expect(await ids(root)).not.toContain('seccomp-profile');
  });

  it('takes rule options as [severity, options] or as options alone, and checks them against the rule schema', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  template: {spec: {containers: [{name: web, image: "web:1"}]}}\n';
    const root = await project({ 'deploy.yaml': deployment, '.kubefit.yaml': 'rules:\n  single-replica: [error, {minReplicas: 3}]\n' });
    const findings = async () => (JSON.parse((await runIn(root, ['lint', '--format', 'json', '.'])).stdout) as Report).findings.filter((finding) => finding.ruleId === 'single-replica');
    expect((await findings()).map((finding) => [finding.severity, finding.message])).toEqual([['error', 'Deployment runs 2 replicas, fewer than the 3 the configuration asks for']]);
    await writeFile(join(root, '.kubefit.yaml'), 'rules:\n  single-replica: {minReplicas: 3}\n');
    expect((await findings()).map((finding) => finding.severity)).toEqual(['warning']);
    await writeFile(join(root, '.kubefit.yaml'), 'rules:\n  single-replica: {minReplica: 3}\n');
    const bad = await runIn(root, ['lint', '.']);
    expect([bad.code, bad.stderr]).toEqual([2, 'kubefit: .kubefit.yaml:2:3: rule single-replica: unknown option "minReplica" (did you mean minReplicas?)\nRun "kubefit explain single-replica" for the options it takes.\n']);
    await writeFile(join(root, '.kubefit.yaml'), 'rules:\n  host-ipc: [error, {any: 1}]\n');
    expect((await runIn(root, ['lint', '.'])).stderr.split('\n')[0]).toBe('kubefit: .kubefit.yaml:2:3: rule host-ipc takes no options');
    expect((await runIn(root, ['explain', 'single-replica'])).stdout).toContain('\n  minReplicas (integer, default 2): Fewest replicas');
  });

  it('checks the release named by kubernetesVersion, lets --kubernetes-version override it, and rejects one outside the range', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n  trafficDistribution: PreferClose\n';
    const root = await project({ '.kubefit.yaml': 'kubernetesVersion: "1.29"\n', 'service.yaml': service, 'old/.kubefit.yaml': 'kubernetesVersion: v1.20.3\n', 'old/service.yaml': service });
    const run = await runIn(root, ['lint', 'service.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('8:3  error    unknown field "trafficDistribution" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.31); this run checks 1.29  schema');
    expect((await runIn(root, ['lint', '--kubernetes-version', '1.31', 'service.yaml'])).code).toBe(0);
    const old = await runIn(join(root, 'old'), ['lint', 'service.yaml']);
    expect(old.code).toBe(2);
    expect(old.stderr.split('\n')[0]).toBe('kubefit: kubernetesVersion 1.20 is not supported: kubefit checks Kubernetes 1.27 to 1.36');
  });
});
