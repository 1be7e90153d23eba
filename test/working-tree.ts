// A copy of this working tree (tracked and untracked files, not ignored ones) for tests that install kubefit from source.
import { execFile } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const GIT_ENV = { GIT_AUTHOR_NAME: 'kubefit test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'kubefit test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

export async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run('git', args, { cwd, env: { ...process.env, ...GIT_ENV } })).stdout.trim();
}

/** Copies the working tree to `target` and commits it there; returns the commit. */
export async function copyWorkingTree(target: string): Promise<string> {
  const files = (await git(process.cwd(), 'ls-files', '--cached', '--others', '--exclude-standard', '-z')).split('\0').filter((file) => file !== '');
  for (const file of files) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await cp(file, join(target, file)).catch(() => undefined); // a file deleted but not yet staged
  }
  await git(target, 'init', '-q');
  await git(target, 'add', '-A');
  await git(target, 'commit', '-q', '-m', 'snapshot');
  return git(target, 'rev-parse', 'HEAD');
}
