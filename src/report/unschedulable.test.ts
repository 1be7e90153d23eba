import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { fit } from '../check.js';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { scheduleWorkloads } from '../schedule/schedule.js';
import { objectsFromYaml } from '../schedule/test-support.js';
import { formatText } from './formatters/text.js';
import { unschedulableMessage } from './unschedulable.js';

const yaml = `
apiVersion: v1
kind: Node
metadata: {name: a}
status: {allocatable: {cpu: "1", memory: 1Gi, pods: "110"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, resources: {requests: {cpu: 300m}}}]}`;

function messageOf(maxPlacedPods?: number): string {
  const objects = objectsFromYaml(yaml);
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined);
  const [result] = scheduleWorkloads(workloads, toClusterSnapshot(objects), { kubernetesVersion: undefined, drain: [], ...(maxPlacedPods !== undefined && { maxPlacedPods }) }).results;
  if (!result) throw new Error('no result');
  return unschedulableMessage(result);
}

describe('unschedulableMessage (SARIF, JUnit, GitHub)', () => {
  it('says how many replicas fit on no node, where the others went and why', () => {
    expect(messageOf()).toBe('1 of 4 replicas fit on no node (placed a: 3; 0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.)');
  });

  it('says that replicas the dry-run left once it had placed its most pods were not tried', () => {
    expect(messageOf(2)).toBe('2 of 4 replicas were not tried (placed a: 2; not tried: the dry-run places at most 2 pods in one run)');
  });

  // A pod that fits no node alone still places replicas by preempting (and bare pods are gone for good): the replica
  // left Pending waits for what the placement met, not for what one pod met on the untouched cluster (whose own
  // preemption made room, so its message has no PostFilter part).
  it('says where the replicas placed by preemption went and why the rest stay Pending', async () => {
    const dir = 'fixtures/scheduler/preempted-partly';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/cluster.yaml`], configFile: false });
    const [result] = report.scheduling;
    if (!result) throw new Error('no result');
    expect(result.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
    const pending = '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';
    expect(unschedulableMessage(result)).toBe(`1 of 5 replicas fit on no node (placed n1: 2, n2: 2; ${pending})`);
    const text = formatText(report, { rules: [], colors: createColors(false), cwd: '/', quiet: false });
    expect(text).toContain(`    placed on n1: 2, n2: 2\n    ${pending}\n`);
  });

  // The same for a replica tried again once the pod its required affinity needs was placed (README: the replica queue)
  it('says where the replicas placed after a requeue went and why the rest stay Pending', async () => {
    const dir = 'fixtures/scheduler/requeued-partly';
    const report = await fit([`${dir}/app.yaml`], { cluster: [`${dir}/cluster.yaml`], configFile: false });
    const web = report.scheduling.find((result) => result.object.name === 'web');
    if (!web) throw new Error('no result');
    expect(web.message).toContain("2 node(s) didn't match pod affinity rules");
    expect(unschedulableMessage(web)).toBe(
      "4 of 5 replicas fit on no node (placed worker-b1: 1; 0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod affinity rules, 1 node(s) had untolerated taint(s)." +
        ' no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.)',
    );
  });
});

