// The composite GitHub Action (action.yml): its steps run as a runner would, with inputs substituted.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { copyWorkingTree } from './working-tree.js';

const run = promisify(execFile);

interface Step {
  readonly name: string;
  readonly shell: string;
  readonly run: string;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}
interface Action {
  readonly inputs: Record<string, { default: string }>;
  readonly runs: { using: string; steps: Step[] };
}

const action = parse(await readFile('action.yml', 'utf8')) as Action;

interface Runner {
  readonly actionPath: string;
  readonly workspace: string;
  readonly temp: string;
  readonly path: string;
}

/** Runs one step the way a runner does: expressions substituted, bash with -e and pipefail. */
async function runStep(name: string, runner: Runner, inputs: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const step = action.runs.steps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`action.yml has no step "${name}"`);
  const values = Object.fromEntries(Object.entries(action.inputs).map(([key, input]) => [key, inputs[key] ?? input.default]));
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) =>
      expression === 'github.action_path' ? runner.actionPath : (values[expression.replace(/^inputs\./, '')] ?? ''),
    );
  const script = join(runner.temp, `${name.replace(/\W/g, '-')}.sh`);
  await writeFile(script, expand(step.run));
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)])),
    PATH: `${runner.path}${delimiter}${process.env['PATH'] ?? ''}`,
    RUNNER_TEMP: runner.temp,
    GITHUB_PATH: join(runner.temp, 'github-path'),
    NO_COLOR: '1',
  };
  const cwd = step['working-directory'] === undefined ? runner.workspace : expand(step['working-directory']);
  expect(step.shell).toBe('bash');
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function scratch(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** A runner whose `kubefit` is this tree's build (npm test builds first). */
async function sourceRunner(): Promise<Runner> {
  const temp = await scratch('kubefit-action-');
  await mkdir(join(temp, 'bin'));
  await writeFile(join(temp, 'bin', 'kubefit'), `#!/bin/sh\nexec node "${resolve('dist/bundle/cli/bin.js')}" "$@"\n`);
  await chmod(join(temp, 'bin', 'kubefit'), 0o755);
  return { actionPath: process.cwd(), workspace: process.cwd(), temp, path: join(temp, 'bin') };
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'cluster', 'format', 'fail-on', 'output']);
    expect(action.runs.steps.map((step) => step.name)).toEqual(['Install kubefit', 'Run kubefit']);
  });

  it('annotates findings and fails the step, passing globs and several paths through unexpanded', async () => {
    const result = await runStep('Run kubefit', await sourceRunner(), {
      paths: 'fixtures/load/duplicate-key.yaml\nfixtures/load/*.json',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=fixtures\/load\/duplicate-key\.yaml,line=5,col=3,endLine=5,endColumn=\d+,title=duplicate-key::duplicate key "name"\n$/);
  });

  it('writes SARIF to the output file and honours fail-on and cluster', async () => {
    const runner = await sourceRunner();
    const output = join(runner.temp, 'kubefit.sarif');
    const result = await runStep('Run kubefit', runner, {
      paths: 'fixtures/demo/app',
      cluster: 'fixtures/demo/cluster/nodes.yaml fixtures/demo/cluster/running-pods.yaml',
      format: 'sarif',
      'fail-on': 'none',
      output,
    });
    expect(result.stdout).toBe('');
    const log = JSON.parse(await readFile(output, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    const unschedulable = log.runs[0]?.results.filter((entry) => entry.ruleId === 'unschedulable') ?? [];
    expect(result.code).toBe(unschedulable.length > 0 ? 1 : 0);
  });

  it('installs the packed kubefit from the action directory and runs it', async () => {
    const temp = await scratch('kubefit-action-install-');
    const actionPath = join(temp, 'action');
    await copyWorkingTree(actionPath);
    const runner: Runner = { actionPath, workspace: process.cwd(), temp, path: '' };
    const install = await runStep('Install kubefit', runner);
    expect(install.code, install.stderr).toBe(0);
    const added = (await readFile(join(temp, 'github-path'), 'utf8')).trim();
    expect(added).toBe(join(temp, 'kubefit', 'node_modules', '.bin'));
    const result = await runStep('Run kubefit', { ...runner, path: added }, { paths: 'fixtures/load/multi-doc.yaml', format: 'text' });
    expect([result.code, result.stdout]).toEqual([0, '✔ 0 problems (0 errors, 0 warnings, 0 infos) in 3 objects from 1 file\n']);
    // the packed package carries the config schema: a workspace config is validated and applied
    const workspace = join(temp, 'workspace');
    await mkdir(workspace);
    await writeFile(join(workspace, '.kubefit.yaml'), 'failOn: info\n');
    await writeFile(join(workspace, 'notes.yaml'), 'title: not a manifest\n');
    const configured = await runStep('Run kubefit', { ...runner, workspace, path: added }, { paths: 'notes.yaml', format: 'text' });
    expect([configured.code, configured.stdout]).toEqual([1, expect.stringContaining('not-kubernetes')]);
  }, 600_000);
});
