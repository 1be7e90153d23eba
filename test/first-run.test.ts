// The defects a new user hits in the first hour (issue #15), each through the CLI or the library.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { check } from '../src/index.js';
import type { Report } from '../src/report/report.js';
import { runCli } from './run-cli.js';

const SNAPSHOT_DIR = 'fixtures/first-run/snapshot-in-folder';

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kubefit-first-run-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return root;
}

const scheduled = (report: Report) => report.scheduling.map((result) => `${result.object.kind}/${result.object.name}`);
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n';

describe('every file is read once, and a cluster snapshot is cluster input only', () => {
  it('check . --cluster cluster.yaml in the snapshot folder equals naming the files one by one', async () => {
    const inFolder = await runCli(['check', '.', '--cluster', 'cluster.yaml', '--format', 'json'], { cwd: SNAPSHOT_DIR });
    const oneByOne = await runCli(['check', 'web.yaml', '--cluster', 'cluster.yaml', '--format', 'json'], { cwd: SNAPSHOT_DIR });
    const report = JSON.parse(inFolder.stdout) as Report;
    expect(scheduled(report)).toEqual(['Deployment/web', 'Pod/pending']);
    expect(report.summary).toEqual((JSON.parse(oneByOne.stdout) as Report).summary);
    expect(report.summary.files).toBe(2);
  });

  it('a snapshot checked as an input is cluster state too: its running pods occupy their node, a finished pod is neither cluster load nor a workload', async () => {
    const run = await runCli(['fit', 'cluster.yaml', '--format', 'json'], { cwd: SNAPSHOT_DIR });
    const report = JSON.parse(run.stdout) as Report;
    expect(scheduled(report)).toEqual(['Pod/pending']);
    expect(report.findings.filter((finding) => finding.object?.name === 'migrate-x7k2p')).toEqual([]);
  });

  it('fit --cluster snapshot.yaml alone answers "why is my Pod pending", from the folder and from elsewhere', async () => {
    for (const [cwd, file] of [[SNAPSHOT_DIR, 'cluster.yaml'], ['.', `${SNAPSHOT_DIR}/cluster.yaml`]] as const) {
      const run = await runCli(['fit', '--cluster', file, '--format', 'json'], { cwd });
      expect(run.stderr).toBe('');
      expect(scheduled(JSON.parse(run.stdout) as Report)).toEqual(['Pod/pending']);
      expect(run.code).toBe(1);
    }
  });

  it('fit on a snapshot with no pending Pod, or on inputs without workloads, says there is nothing to schedule', async () => {
    for (const argv of [['fit', '--cluster', 'fixtures/demo/cluster'], ['fit', 'fixtures/load/multi-doc.yaml', '--cluster', 'fixtures/demo/cluster']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('kubefit: nothing to schedule: no workload in the inputs and no pending Pod in the cluster\n');
    }
  });
});

describe('a cluster snapshot straight from the API', () => {
  // `kubectl get --raw /api/v1/nodes` or a client's list call: the items carry no kind or apiVersion, and kubectl's
  // decoder gives them the List's (apimachinery unstructured.go decodeToList)
  it('fit --cluster nodes.json reads a NodeList whose items have no kind or apiVersion', async () => {
    const run = await runCli(['fit', 'web.yaml', '--cluster', 'nodes.json', '--format', 'json'], { cwd: 'fixtures/first-run/api-lists' });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.scheduling[0]).toMatchObject({
      feasibleNodes: ['n1'],
      rejected: { n2: ['node(s) had untolerated taint(s)'] },
      placement: { nodes: { n1: 1 }, unschedulable: 1 },
    });
  });
});

describe('the library reads the configuration file as the CLI does', () => {
  it('check(paths) applies the nearest .kubefit.yaml, and configFile: false turns that off', async () => {
    const root = await project({ '.kubefit.yaml': 'rules:\n  latest-tag: off\n', 'pod.yaml': POD });
    const ids = (report: Report) => report.findings.map((finding) => finding.ruleId);
    expect(ids(await check(['pod.yaml'], { cwd: root }))).not.toContain('latest-tag');
    expect(ids(await check(['pod.yaml'], { cwd: root, configFile: false }))).toContain('latest-tag');
  });
});

describe('failures a CI user must see (exit 2)', () => {
  it('empty standard input, as when helm template failed upstream of the pipe', async () => {
    const run = await runCli(['check', '-'], { stdin: '' });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('kubefit: standard input is empty');
  });

  it('standard input named both as an input and as the cluster', async () => {
    const run = await runCli(['fit', '-', '--cluster', '-'], { stdin: 'apiVersion: v1\nkind: Node\nmetadata: {name: a}\n' });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('kubefit: standard input is named both as an input and with --cluster, and it can be read only once');
  });

  it('a --cluster path that does not exist', async () => {
    const run = await runCli(['check', `${SNAPSHOT_DIR}/web.yaml`, '--cluster', 'no-such-cluster.yaml', '--fail-on', 'none']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kubefit: cluster input "no-such-cluster.yaml" names no file');
  });

  it('--drain naming no node, with the closest node name', async () => {
    const run = await runCli(['fit', '--cluster', `${SNAPSHOT_DIR}/cluster.yaml`, '--drain', 'node-2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kubefit: --drain node-2: no Node of that name in the cluster (did you mean node-1?)');
  });

  it('an unknown rule id in the configuration, with a suggestion', async () => {
    const root = await project({ '.kubefit.yaml': 'rules:\n  latest-tagg: off\n', 'pod.yaml': POD });
    const run = await runCli(['lint', 'pod.yaml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kubefit: .kubefit.yaml:2:3: unknown rule "latest-tagg" (did you mean latest-tag?)`);
  });

  it('a kube-linter, kube-score or Polaris check name in the configuration, with the kubefit rule that covers it', async () => {
    const root = await project({ '.kubefit.yaml': 'rules:\n  run-as-non-root: error\n  no-read-only-root-fs: off\n', 'pod.yaml': POD });
    const run = await runCli(['lint', 'pod.yaml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kubefit: .kubefit.yaml:3:3: unknown rule "no-read-only-root-fs" (kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem)\n`);
    const polaris = await project({ '.kubefit.yaml': 'overrides:\n  - files: ["**"]\n    rules:\n      notReadOnlyRootFilesystem: off\n', 'pod.yaml': POD });
    const camel = await runCli(['lint', 'pod.yaml'], { cwd: polaris });
    expect(camel.code).toBe(2);
    expect(camel.stderr).toContain(`kubefit: .kubefit.yaml:4:7: "notReadOnlyRootFilesystem" in overrides[0].rules is not a rule id (Polaris's notReadOnlyRootFilesystem is kubefit's read-only-root-filesystem)\n`);
  });

  it('a rule that cannot be configured, in rules or overrides', async () => {
    const root = await project({ '.kubefit.yaml': 'overrides:\n  - files: ["**"]\n    rules:\n      unschedulable: off\n', 'pod.yaml': POD });
    const run = await runCli(['lint', 'pod.yaml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kubefit: .kubefit.yaml:4:7: rule "unschedulable" cannot be configured`);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable subfolder is reported like an unreadable file', async () => {
    const root = await project({ 'ok/pod.yaml': POD, 'locked/pod.yaml': POD });
    await chmod(join(root, 'locked'), 0o000);
    onTestFinished(() => chmod(join(root, 'locked'), 0o755));
    const report = JSON.parse((await runCli(['lint', '.', '--format', 'json'], { cwd: root })).stdout) as Report;
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file-unreadable', file: 'locked', message: 'cannot list this folder: permission denied' }));
  });

  it.skipIf(process.platform === 'win32')('a named pipe in a folder is reported, not read (reading it would wait for a writer)', async () => {
    const root = await project({ 'pod.yaml': POD });
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const report = JSON.parse((await runCli(['lint', '.', '--format', 'json'], { cwd: root })).stdout) as Report;
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file-unreadable', file: 'pipe.yaml', message: 'not a regular file (a named pipe): not read' }));
    expect(report.summary.objects).toBe(1);
  });
});

describe('inputs that name nothing, and broken cluster files', () => {
  it('a --context path that does not exist is a usage error, like --cluster', async () => {
    const run = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`, '--context', 'no-such-context']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kubefit: context input "no-such-context" names no file');
  });

  it('fit on a cluster file that does not parse says why no Node was found', async () => {
    const root = await project({ 'cluster.yaml': 'apiVersion: v1\nkind: Node\nmetadata: {name: n1\n' });
    const run = await runCli(['fit', '--cluster', 'cluster.yaml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kubefit: no Node objects to schedule on\n {2}cluster\.yaml:\d+:\d+: .* \(yaml-syntax\)/);
  });

  it('--config naming a directory says so', async () => {
    const run = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`, '--config', SNAPSHOT_DIR]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kubefit: config file ${SNAPSHOT_DIR} is not a file`);
  });
});

describe('the report path is checked before the run', () => {
  it('-o is resolved from the working directory kubefit is given, for the check and the write alike', async () => {
    const root = await project({ 'sub/out/.keep': '' });
    const run = await runCli(['lint', join(process.cwd(), SNAPSHOT_DIR, 'web.yaml'), '-o', 'out/report.json', '-f', 'json'], { cwd: join(root, 'sub') });
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(join(root, 'sub/out/report.json'), 'utf8'))).toHaveProperty('version', 2);
  });

  it('-o into a folder that does not exist: one line, exit 2, nothing written', async () => {
    const run = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`, '-o', 'no/such/folder/report.json']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^kubefit: cannot write the report to .*no\/such\/folder\/report\.json: folder .* does not exist$/);
  });

  it('-o into a checked folder: the next run does not read the last report as a manifest', async () => {
    const root = await project({ 'k8s/web.yaml': await readFile(`${SNAPSHOT_DIR}/web.yaml`, 'utf8') });
    for (let run = 0; run < 2; run++) expect((await runCli(['lint', 'k8s', '-f', 'json', '-o', 'k8s/report.json'], { cwd: root })).code).toBe(0);
    const { summary, findings } = JSON.parse(await readFile(join(root, 'k8s/report.json'), 'utf8')) as Report;
    expect([summary.files, findings.filter((finding) => finding.file !== 'k8s/web.yaml')]).toEqual([1, []]);
  });

  it('-o onto a directory', async () => {
    const run = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`, '-o', SNAPSHOT_DIR]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is a directory');
  });
});

describe('the demo reads in one screen', () => {
  it('leads with the scheduling verdict, then the findings of the recommended profile', async () => {
    const run = await runCli(['check', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Scheduling: 3 of 7 workloads not fully placed \(details after the \d+ findings below\)$/);
    expect(lines.length).toBeLessThanOrEqual(60);
    expect(run.stdout).not.toContain('read-only-root-filesystem');
  });
});

describe('rough edges of the command line', () => {
  it('kubefit help prints the help', async () => {
    const run = await runCli(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage');
  });

  it('a misspelt command that is no path gets a suggestion', async () => {
    const run = await runCli(['lnt', 'k8s/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kubefit: unknown command "lnt" (did you mean lint?)');
  });

  it('explain with a rule id prefix suggests the rule', async () => {
    const run = await runCli(['explain', 'latest']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kubefit: unknown rule "latest" (did you mean latest-tag?)');
  });

  it('--max-file-size -1 is a bad value, not an unknown option', async () => {
    const run = await runCli(['lint', '--max-file-size', '-1', '.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-file-size must be a byte count such as 64Mi, got "-1"');
  });

  it('rules --format json lists every check as JSON', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; defaultOn: boolean }[];
    expect(rules).toContainEqual(expect.objectContaining({ id: 'latest-tag', severity: 'error', defaultOn: true }));
  });

  it('TERM=dumb gets no colours, unless FORCE_COLOR asks for them', async () => {
    const dumb = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`], { tty: true, env: { TERM: 'dumb' } });
    expect(dumb.stdout).not.toContain('\u001b[');
    const forced = await runCli(['lint', `${SNAPSHOT_DIR}/web.yaml`], { tty: true, env: { TERM: 'dumb', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
  });
});

describe('the progress a terminal shows', () => {
  it('names each phase for what it works on', async () => {
    const phases = new Set<string>();
    await check(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'], configFile: false, onProgress: (phase) => phases.add(phase) });
    expect([...phases]).toEqual(['reading cluster files', 'reading files', 'validating custom resources', 'linting objects', 'placing workloads']);
  });
});
