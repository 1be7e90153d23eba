import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('kubefit fit: pods tried again after later binds, in the text report', () => {
  it('reports a workload placed on its second try as placed, without a "preemption: none" line from its verdict alone', async () => {
    const run = await runCli(['fit', 'fixtures/schedule/SchedulingQueue']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Deployment default/web  2 replicas, all placed  0/3 nodes feasible  fixtures/schedule/SchedulingQueue/requeue.yaml:29:1\n  Deployment default/cache');
    expect(run.stdout).toContain('Pod default/loner  1 replica, 0 placed, 1 unschedulable');
    expect(run.stdout.match(/preemption: none/g)).toHaveLength(1);
    expect(run.stdout).toContain('1 of 6 workloads not fully placed');
  });
});
