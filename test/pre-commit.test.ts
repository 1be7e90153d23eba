// Integration: the hooks in .pre-commit-hooks.yaml, installed and run by the real pre-commit tool in a scratch repository.
import { execFile, execFileSync } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyWorkingTree, git } from './working-tree.js';

const run = promisify(execFile);

function hasPreCommit(): boolean {
  try {
    execFileSync('pre-commit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasPreCommit();
if (!available) console.warn('pre-commit is not installed (Debian: apt-get install pre-commit): skipping the pre-commit hook test');

const BAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: again\nspec:\n  containers: []\n';
const GOOD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';

/** The hook repository as a user's `rev:` sees it: a commit of the sources, or a release tag's prebuilt tree. */
const HOOK_REPOSITORIES = {
  'a commit of the sources': copyWorkingTree,
  'a release tree (prebuilt, runtime dependencies only)': async (target: string) => {
    await run('node', ['scripts/release-tree.mjs', target]);
    await git(target, 'init', '-q');
    await git(target, 'add', '-A');
    await git(target, 'commit', '-q', '-m', 'release');
    return git(target, 'rev-parse', 'HEAD');
  },
};

describe('the release tree', () => {
  it('holds the built package, hooks and action, and a package.json without devDependencies or scripts', async () => {
    const target = await mkdtemp(join(tmpdir(), 'kubefit-release-'));
    onTestFinished(() => rm(target, { recursive: true, force: true }));
    await run('node', ['scripts/release-tree.mjs', target]);
    const manifest = JSON.parse(await readFile(join(target, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
    for (const file of ['dist/bundle/cli/bin.js', '.pre-commit-hooks.yaml', 'action.yml', 'scripts/action-run.sh']) await access(join(target, file));
    await expect(access(join(target, 'dist/src/lint/rule-tester.js'))).rejects.toThrow();
  });
});

describe.skipIf(!available)('pre-commit hook (needs the pre-commit tool)', () => {
  it.each(Object.entries(HOOK_REPOSITORIES))('installs kubefit from %s and fails the commit on a bad manifest, at file:line:col', async (_, makeRepository) => {
    const root = await mkdtemp(join(tmpdir(), 'kubefit-pre-commit-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const hooks = { path: join(root, 'kubefit'), rev: await makeRepository(join(root, 'kubefit')) };
    const project = join(root, 'project');
    await mkdir(join(project, 'k8s'), { recursive: true });
    await writeFile(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: kubefit\n`);
    await writeFile(join(project, 'k8s', 'good.yaml'), GOOD);
    await writeFile(join(project, 'k8s', 'bad.yaml'), BAD);
    await writeFile(join(project, 'notes.txt'), 'not a manifest\n');
    await git(project, 'init', '-q');
    await git(project, 'add', '-A');
    const env = { ...process.env, PRE_COMMIT_HOME: join(root, 'cache'), NO_COLOR: '1', CI: '1' };
    const failing = await run('pre-commit', ['run', '--color', 'never', '--files', 'k8s/good.yaml', 'k8s/bad.yaml', 'notes.txt'], { cwd: project, env }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(failing.stdout).toContain('kubefit lint');
    expect(failing.stdout).toMatch(/5:3 +error +duplicate key "name" +duplicate-key/);
    expect(failing.stdout).toMatch(/7:15 +error +spec\.containers: Required value +api-validation/);
    expect(failing.code).toBe(1);
    const passing = await run('pre-commit', ['run', '--color', 'never', '--files', 'k8s/good.yaml'], { cwd: project, env });
    expect(passing.stdout).toMatch(/kubefit lint\.+Passed/);
  }, 600_000);
});
