import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('kubefit fit: preemption in the text report', () => {
  it('prints the node and victims under the workload, and says when preemption cannot help', async () => {
    const run = await runCli(['fit', 'fixtures/schedule/DefaultPreemption']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "Scheduling
        Deployment default/urgent  1 replica, placed  0/2 nodes feasible  fixtures/schedule/DefaultPreemption/preemption.yaml:78:1
          preemption: on node-1, evicting default/low-b
          evicted default/low-b: no controller, gone for good
        Pod default/polite  1 replica, 0 placed, 1 unschedulable  0/2 nodes feasible  fixtures/schedule/DefaultPreemption/preemption.yaml:90:1
          0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.
          preemption: none (evicting lower-priority pods would not make room, or the pod may not preempt)
            2 nodes (node-1, node-2): Insufficient cpu  (the node has no cpu left (2 allocatable))

      ✖ 0 problems (0 errors, 0 warnings, 0 infos) in 13 objects from 1 file, 1 of 2 workloads not fully placed
      "
    `);
  });
});
