import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fit } from '../check.js';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload } from '../model/workload.js';
import { capacityProbe, CAPACITY_PROBE } from './capacity.js';
import { placeAll } from './placement.js';
import { buildPodInfo, podSourceOfWorkload, toSchedulerSnapshot } from './snapshot.js';
import { objectsFromYaml } from './test-support.js';

describe('capacity (fit with capacity: true)', async () => {
  const report = await fit(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'], capacity: true });
  const capacityOf = (name: string) => report.scheduling.find((result) => result.object.name === name)?.capacity;

  it('counts the replicas that still fit after every workload is placed', () => {
    // web: zone spread maxSkew 1 over three zones; only worker-b1 has 250m cpu left, then the skew blocks the rest
    expect(capacityOf('web')).toEqual({ additionalReplicas: 1, atLeast: false });
    expect(capacityOf('migrate')).toEqual({ additionalReplicas: 5, atLeast: false });
    expect(capacityOf('api')).toEqual({ additionalReplicas: 0, atLeast: false });
  });

  it('leaves DaemonSets out: they grow with the nodes, not with replicas', () => {
    expect(capacityOf('node-exporter')).toBeUndefined();
  });

  it('reports the room every node has left, sorted by name', () => {
    expect(Object.keys(report.capacity?.nodes ?? {})).toEqual(['cp-1', 'gpu-1', 'worker-a1', 'worker-b1', 'worker-b2', 'worker-c1']);
    // 4.6875Gi left: rounded down, as a pod of 4.7Gi would not fit there
    expect(report.capacity?.nodes['worker-a1']).toEqual({ cpu: '150m', memory: '4.6Gi', pods: 106 });
    expect(report.capacity?.nodes['cp-1']).toEqual({ cpu: '2000m', memory: '7Gi', pods: 110 });
  });

  it('is absent unless asked for', async () => {
    const plain = await fit(['fixtures/demo/app'], { cluster: ['fixtures/demo/cluster'] });
    expect(plain.capacity).toBeUndefined();
    expect(plain.scheduling.every((result) => result.capacity === undefined)).toBe(true);
  });
});

describe('capacityProbe', () => {
  it('probing from the final node state equals queueing the probe after every workload', () => {
    const nodes = [1, 2, 3].map((i) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i}, labels: {kubernetes.io/hostname: n${i}, topology.kubernetes.io/zone: z${i % 2}}}\nstatus: {allocatable: {cpu: "${i}", memory: 8Gi, pods: "110"}}`);
    const deployments = ['300m', '700m', '1100m'].map((cpu, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}}}\n    spec: {containers: [{name: c, resources: {requests: {cpu: ${cpu}}}}]}`);
    const objects = objectsFromYaml([...nodes, ...deployments].join('\n---\n'));
    const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
    const requests = objects.flatMap((o) => toWorkload(o) ?? []).filter((w) => w.kind === 'Deployment').map((w) => ({ pods: [{ pod: buildPodInfo(podSourceOfWorkload(w, snapshot.controllers), snapshot.podOptions, []), replicas: 2 }], priority: 0 }));
    const run = placeAll(requests, snapshot);
    // One probe for every workload: each must find the nodes as the main run left them.
    const additionalReplicas = capacityProbe(run, snapshot);
    requests.forEach((request, i) => {
      const probe = { pods: request.pods.map(({ pod }) => ({ pod, replicas: CAPACITY_PROBE })), priority: -1 };
      const queuedLast = placeAll([...requests, probe], snapshot).outcomes[requests.length];
      expect(additionalReplicas(request).additionalReplicas, `d${i}`).toBe(CAPACITY_PROBE - (queuedLast?.unschedulable ?? 0));
    });
  });
});

describe('preemption from a node state placed in the run', () => {
  const objects = objectsFromYaml(['fixtures/scheduler/capacity-preemption/cluster.yaml', 'fixtures/scheduler/capacity-preemption/app.yaml'].map((file) => readFileSync(file, 'utf8')).join('\n---\n'));
  const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
  const requestOf = (name: string, replicas: number) => {
    const workload = objects.flatMap((o) => toWorkload(o) ?? []).find((w) => w.object.ref.name === name);
    if (!workload) throw new Error(name);
    const pod = buildPodInfo(podSourceOfWorkload(workload, snapshot.controllers), snapshot.podOptions, []);
    return { pods: [{ pod, replicas }], priority: pod.priority };
  };

  it('--capacity: a higher-priority workload may preempt the lower-priority replicas the run placed', async () => {
    const report = await fit(['fixtures/scheduler/capacity-preemption/app.yaml'], { cluster: ['fixtures/scheduler/capacity-preemption/cluster.yaml'], capacity: true, configFile: false });
    const capacityOf = (name: string) => report.scheduling.find((result) => result.object.name === name)?.capacity;
    expect([capacityOf('hi'), capacityOf('lo')]).toEqual([{ additionalReplicas: 2, atLeast: false }, { additionalReplicas: 0, atLeast: false }]);
  });

  it('--capacity probes from the storage the run left, and a StatefulSet grows by new ordinals with claims of their own', async () => {
    const report = await fit(['fixtures/scheduler/capacity-volumes/app.yaml'], { cluster: ['fixtures/scheduler/capacity-volumes/cluster.yaml'], capacity: true, configFile: false });
    const resultOf = (name: string) => report.scheduling.find((result) => result.object.name === name);
    // more of `cache` share its claim, bound to n1's volume by the run: they land on n1 only (4 cpu, 1 taken)
    expect(resultOf('cache')?.capacity).toEqual({ additionalReplicas: 3, atLeast: false });
    // db-1 would claim data-db-1, and no volume is left for it (the probe used to place copies of db-0, claim and all)
    expect(resultOf('db')?.capacity).toEqual({ additionalReplicas: 0, atLeast: false });
    // `queue` found no volume in the run, nor would more of it (the probe used to find the volumes the run had bound free)
    expect(resultOf('queue')?.placement).toMatchObject({ unschedulable: 1 });
    expect(resultOf('queue')?.capacity).toEqual({ additionalReplicas: 0, atLeast: false });
  });

  it('evicts one of several replicas that share a PodInfo, not all of them (upstream SelectVictimsOnNode)', () => {
    const run = placeAll([requestOf('hi', 1), requestOf('lo', 3)], snapshot);
    expect(run.nodes[0]?.pods.map((pod) => pod.name)).toEqual(['hi', 'lo', 'lo', 'lo']);
    const again = placeAll([requestOf('hi', 1)], snapshot, run.nodes);
    expect(again.outcomes[0]?.preempted).toHaveLength(1);
    expect(again.nodes[0]?.pods.map((pod) => pod.name)).toEqual(['hi', 'lo', 'lo', 'hi']);
  });
});
