import { describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { formatText } from '../src/report/formatters/text.js';
import { unschedulableMessage } from '../src/report/unschedulable.js';
import type { SchedulingResult } from '../src/schedule/scheduling-result.js';
import { createColors } from 'picocolors';

describe('the demo in fixtures/demo', async () => {
  const report = await check(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'] });
  const result = (name: string) => report.scheduling.find((entry) => entry.object.name === name);

  it('places the web front end on the three schedulable workers, one per zone', () => {
    expect(result('web')?.feasibleNodes).toEqual(['worker-a1', 'worker-b1', 'worker-c1']);
    expect(result('web')?.placement).toMatchObject({ nodes: { 'worker-a1': 1, 'worker-b1': 1, 'worker-c1': 1 }, unschedulable: 0 });
  });

  it('rejects the GPU trainer everywhere, with each node\'s reasons and kube-scheduler\'s message', () => {
    const trainer = result('trainer');
    expect(trainer?.feasibleNodes).toEqual([]);
    expect(trainer?.rejected).toEqual({
      'cp-1': ['node(s) had untolerated taint(s)'],
      'gpu-1': ['Insufficient nvidia.com/gpu'],
      'worker-a1': ['Insufficient cpu', 'Insufficient memory', 'Insufficient nvidia.com/gpu'],
      'worker-b1': ['Insufficient nvidia.com/gpu'],
      'worker-b2': ['node(s) were unschedulable'],
      'worker-c1': ['Insufficient nvidia.com/gpu'],
    });
    expect(trainer?.message).toBe(
      '0/6 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable, 4 Insufficient nvidia.com/gpu.' +
        ' no new claims to deallocate, preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.',
    );
  });

  it('runs the DaemonSet on the cordoned worker (the controller tolerates it) but not on tainted nodes', () => {
    const daemon = result('node-exporter');
    expect(daemon?.feasibleNodes).toEqual(['worker-a1', 'worker-b1', 'worker-b2', 'worker-c1']);
    expect(Object.keys(daemon?.rejected ?? {})).toEqual(['cp-1', 'gpu-1']);
  });

  it('reports the over-subscribed API: four replicas fit, two stay Pending', () => {
    expect(result('api')?.placement).toMatchObject({ nodes: { 'worker-b1': 2, 'worker-c1': 2 }, unschedulable: 2 });
    expect(report.summary.unschedulable).toBeGreaterThanOrEqual(2);
  });

  it('the text report shows where a partly placed workload went and each node\'s reasons after placement', () => {
    const text = formatText(report, { rules: [], colors: createColors(false), cwd: process.cwd(), quiet: false });
    const api = text.slice(text.indexOf('Deployment shop/api'));
    expect(api.split('\n').slice(1, 6)).toEqual([
      '    placed on worker-b1: 2, worker-c1: 2',
      '    0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint(s), 3 Insufficient cpu.' +
        ' no new claims to deallocate, preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
      '    preemption: none (evicting lower-priority pods would not make room, or the pod may not preempt)',
      '      cp-1: node(s) had untolerated taint(s)  (add toleration node-role.kubernetes.io/control-plane:NoSchedule)',
      '      gpu-1: node(s) had untolerated taint(s)  (add toleration nvidia.com/gpu=present:NoSchedule)',
    ]);
    expect(text).toContain('      worker-c1: Insufficient cpu  (reduce the cpu request to <= 150m)');
    expect(text.trim().split('\n').at(-1)).toMatch(/, 3 of 7 workloads not fully placed$/);
  });

  it('SARIF, JUnit and GitHub say how many replicas fit on no node, where the others went and why', () => {
    expect(unschedulableMessage(result('api') as SchedulingResult)).toBe(
      '2 of 6 replicas fit on no node (placed worker-b1: 2, worker-c1: 2; 0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint(s), 3 Insufficient cpu.' +
        ' no new claims to deallocate, preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.)',
    );
  });
});
