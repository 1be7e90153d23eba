// The bin lowers V8's background threads for `fit` (src/cli/background-threads.ts), and only for it; the main thread
// and the report stay as they are.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from './hostile/spawn-cli.js';

const PRELOAD = ['-r', resolve('test/thread-priorities.cjs')];
const LOWEST = 19;
const directory = await mkdtemp(join(tmpdir(), 'kubefit-priorities-'));

afterAll(() => rm(directory, { recursive: true, force: true }));

interface Priorities {
  readonly main: number;
  readonly others: readonly number[];
}

async function prioritiesOf(argv: readonly string[]): Promise<{ priorities: Priorities; stdout: string; code: number | null }> {
  const file = join(directory, `${argv[0]}.json`);
  const run = await spawnCli(argv, { nodeFlags: PRELOAD, env: { KUBEFIT_TEST_PRIORITIES: file } });
  return { priorities: JSON.parse(await readFile(file, 'utf8')) as Priorities, stdout: run.stdout, code: run.code };
}

describe.runIf(process.platform === 'linux' && availableParallelism() >= 2)('background thread priorities', () => {
  const fitArgv = ['fit', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster', '--format', 'json'];

  it('fit runs V8\'s platform threads at the lowest priority and its main thread at its own', async () => {
    const { priorities, stdout, code } = await prioritiesOf(fitArgv);
    expect(priorities.main).toBe(0);
    expect(priorities.others.length).toBeGreaterThan(0);
    expect(priorities.others.every((nice) => nice === LOWEST)).toBe(true);
    // the preload changes nothing in the report
    const plain = await spawnCli(fitArgv);
    expect({ code, stdout }).toEqual({ code: plain.code, stdout: plain.stdout });
  });

  it('lint leaves every thread at its priority', async () => {
    const { priorities } = await prioritiesOf(['lint', 'fixtures/demo/app']);
    expect(priorities).toEqual({ main: 0, others: priorities.others.map(() => 0) });
    expect(priorities.others.length).toBeGreaterThan(0);
  });
});
