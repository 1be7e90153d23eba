import { describe, expect, it } from 'vitest';
import { fit } from '../../check.js';
import { toClusterSnapshot } from '../../model/cluster.js';
import { toWorkload, type Workload } from '../../model/workload.js';
import { scheduleWorkloads } from '../schedule.js';
import { objectsFromYaml } from '../test-support.js';

describe('fixtures/schedule/DefaultPreemption', () => {
  it('a high-priority pod preempts the cheapest victims; preemptionPolicy Never does not preempt', async () => {
    const report = await fit(['fixtures/schedule/DefaultPreemption']);
    const results = Object.fromEntries(report.scheduling.map((r) => [r.object.name, r]));
    expect(results['urgent']).toMatchObject({
      line: 78,
      message: '0/2 nodes are available: 2 Insufficient cpu.',
      placement: { nodes: { 'node-1': 1 }, unschedulable: 0, message: null, preempted: ['default/low-b'] },
      preemption: { node: 'node-1', victims: ['default/low-b'] },
    });
    expect(results['polite']).toMatchObject({ placement: { nodes: {}, unschedulable: 1 }, preemption: null });
  });

  it('appends the PostFilter message as each release did: with a period of its own before 1.30, after DynamicResources\' from 1.34', async () => {
    const polite = async (kubernetesVersion: string) => (await fit(['fixtures/schedule/DefaultPreemption'], { kubernetesVersion })).scheduling.find((r) => r.object.name === 'polite');
    const message = '0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.';
    expect((await polite('1.34'))?.message).toBe(message.replace('preemption:', 'no new claims to deallocate, preemption:'));
    expect((await polite('1.33'))?.message).toBe(message);
    expect((await polite('1.30'))?.message).toBe(message);
    expect((await polite('1.29'))?.message).toBe(`${message}.`);
    expect((await polite('1.29'))?.placement.message).toBe(`${message}.`);
  });
});

/** The scheduling result of the workload named `name` in `yaml`; the other objects make up the cluster. */
function resultOf(yaml: string, name: string) {
  const objects = objectsFromYaml(yaml);
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && w.object.ref.name === name);
  return scheduleWorkloads(workloads, toClusterSnapshot(objects), { kubernetesVersion: undefined, drain: [] }).results[0];
}

describe('placement with preemption', () => {
  const yaml = `
apiVersion: v1
kind: Node
metadata: {name: only}
status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
${['batch-1', 'batch-2'].map((name) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: jobs}
spec:
  nodeName: only
  priority: 0
  containers: [{name: c, image: i, resources: {requests: {cpu: "1"}}}]
status: {phase: Running}`).join('\n')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec: {replicas: 3, selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}, spec: {priority: 100, containers: [{name: c, image: i, resources: {requests: {cpu: "1"}}}]}}}
`;

  it('preempts one pod per replica, as kube-scheduler does one pod at a time, until nothing is left to evict', () => {
    const objects = objectsFromYaml(yaml);
    const workloads = objects.map(toWorkload).filter((w): w is Workload => w?.kind === 'Deployment');
    const [api] = scheduleWorkloads(workloads, toClusterSnapshot(objects), { kubernetesVersion: undefined, drain: [] }).results;
    expect(api).toMatchObject({
      replicas: 3,
      placement: {
        nodes: { only: 2 },
        unschedulable: 1,
        message: '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
        preempted: ['jobs/batch-1', 'jobs/batch-2'],
      },
      // Neither pod has started: to MoreImportantPod each is more important than the other, and Go's sort.Slice puts
      // them in the reverse of the node's order, so batch-2 is reprieved first and batch-1 goes.
      preemption: { node: 'only', victims: ['jobs/batch-1'] },
    });
  });
});

describe('preemption and pod anti-affinity', () => {
  it('evicts the lower-priority pod the preemptor must not share a node with, and only that one', () => {
    const objects = objectsFromYaml(`
apiVersion: v1
kind: Node
metadata: {name: solo, labels: {kubernetes.io/hostname: solo}}
status: {allocatable: {cpu: "4", memory: 4Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: old-db, namespace: default, labels: {app: db}}
spec: {nodeName: solo, priority: 0, containers: [{name: c, image: i}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: bystander, namespace: default, labels: {app: web}}
spec: {nodeName: solo, priority: 0, containers: [{name: c, image: i}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: new-db, namespace: default, labels: {app: db}}
spec:
  priority: 100
  containers: [{name: c, image: i}]
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - {labelSelector: {matchLabels: {app: db}}, topologyKey: kubernetes.io/hostname}
`);
    const workloads = objects.map(toWorkload).filter((w): w is Workload => w?.object.ref.name === 'new-db');
    const [result] = scheduleWorkloads(workloads, toClusterSnapshot(objects), { kubernetesVersion: undefined, drain: [] }).results;
    expect(result).toMatchObject({
      message: "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules.",
      preemption: { node: 'solo', victims: ['default/old-db'] },
      placement: { nodes: { solo: 1 }, unschedulable: 0, preempted: ['default/old-db'] },
    });
  });
});

describe('what becomes of preempted pods', () => {
  const victim = (name: string, owner?: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: jobs
${owner ? `  ownerReferences: [{apiVersion: apps/v1, kind: ${owner.split('/')[0]}, name: ${owner.split('/')[1]}, uid: u-${name}, controller: true}]` : ''}
spec:
  nodeName: ssd
  priority: 0
  containers: [{name: c, image: i, resources: {requests: {cpu: "1"}}}]
status: {phase: Running}`;
  const yaml = `
apiVersion: v1
kind: Node
metadata: {name: ssd, labels: {disk: ssd}}
status: {allocatable: {cpu: "3", memory: 4Gi, pods: "110"}}
---
apiVersion: v1
kind: Node
metadata: {name: spare}
status: {allocatable: {cpu: "1500m", memory: 4Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: system, namespace: kube-system}
spec:
  nodeName: spare
  priority: 1000
  containers: [{name: c, image: i, resources: {requests: {cpu: "500m"}}}]
status: {phase: Running}
${victim('cache-1', 'ReplicaSet/cache-7d9f')}
${victim('db-0', 'StatefulSet/db')}
${victim('one-off')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec: {replicas: 3, selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}, spec: {priority: 100, nodeSelector: {disk: ssd}, containers: [{name: c, image: i, resources: {requests: {cpu: "1"}}}]}}}
`;

  it('re-creates controller-owned victims and places them again after everything else; a bare Pod is gone', () => {
    const objects = objectsFromYaml(yaml);
    const workloads = objects.map(toWorkload).filter((w): w is Workload => w?.kind === 'Deployment');
    const [api] = scheduleWorkloads(workloads, toClusterSnapshot(objects), { kubernetesVersion: undefined, drain: [] }).results;
    expect(api?.placement).toMatchObject({ nodes: { ssd: 3 }, unschedulable: 0, preempted: ['jobs/cache-1', 'jobs/db-0', 'jobs/one-off'] });
    // None of the pods has started, so each replica reprieves them in the reverse of the node's order and evicts the
    // first (cache-1, then db-0, then one-off); the re-created pods are placed in that order, so cache-1 takes the
    // room left on spare.
    expect(api?.placement.victims).toEqual([
      { pod: 'jobs/cache-1', controller: 'ReplicaSet/cache-7d9f', node: 'spare' },
      {
        pod: 'jobs/db-0',
        controller: 'StatefulSet/db',
        node: null,
        message: '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      },
      { pod: 'jobs/one-off', controller: null },
    ]);
  });
});

// Ported from default_preemption_test.go TestDryRunPreemption "preemption to resolve pod topology spread filter
// failure" (nodes hold two pods at most), through the whole dry-run.
describe('preemption that resolves a PodTopologySpread failure', () => {
  const node = (name: string, zone: string) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {zone: ${zone}}}
status: {allocatable: {cpu: "4", memory: 4Gi, pods: "2"}}`;
  const bound = (name: string, nodeName: string, priority: number) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {foo: ""}}
spec: {nodeName: ${nodeName}, priority: ${priority}, containers: [{name: c, image: i}]}
status: {phase: Running}`;
  const yaml = [
    node('node-a', 'zone1'),
    node('node-b', 'zone1'),
    node('node-x', 'zone2'),
    bound('pod-a1', 'node-a', 100),
    bound('pod-a2', 'node-a', 0),
    bound('pod-b1', 'node-b', 0),
    bound('pod-x1', 'node-x', 1000),
    bound('pod-x2', 'node-x', 1000),
    `---
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {foo: ""}}
spec:
  priority: 1000
  containers: [{name: c, image: i}]
  topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchExpressions: [{key: foo, operator: Exists}]}}`,
  ].join('\n');

  it('evicts one low-priority pod in zone1 (candidates node-a and node-b tie; the first wins)', () => {
    expect(resultOf(yaml, 'p')).toMatchObject({
      message: "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 2 Too many pods.",
      preemption: { node: 'node-a', victims: ['default/pod-a2'] },
      placement: { nodes: { 'node-a': 1 }, preempted: ['default/pod-a2'], victims: [{ pod: 'default/pod-a2', controller: null }] },
    });
  });
});

// Ported from default_preemption_test.go TestDryRunPreemption "pod with anti-affinity is preempted": the victim is
// the low-priority pod whose required anti-affinity (hostname) repels the preemptor, not the mid-priority one.
describe('preemption that resolves an existing pod\'s anti-affinity', () => {
  const bound = (name: string, nodeName: string, priority: number, extra = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {${name === 'p1' ? 'foo: ""' : ''}}}
spec:
  nodeName: ${nodeName}
  priority: ${priority}
  containers: [{name: c, image: i, resources: {requests: {cpu: 100m}}}]${extra}
status: {phase: Running}`;
  const antiFoo = `
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - {labelSelector: {matchExpressions: [{key: foo, operator: Exists}]}, topologyKey: kubernetes.io/hostname}`;
  const yaml = [
    ...['node1', 'node2'].map((name) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
status: {allocatable: {cpu: "4", memory: 4Gi, pods: "4"}}`),
    bound('p1', 'node1', 0, antiFoo),
    bound('p2', 'node1', 100),
    ...['p3', 'p4', 'p5', 'p6'].map((name) => bound(name, 'node2', 1000)),
    `---
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {foo: ""}}
spec: {priority: 1000, containers: [{name: c, image: i, resources: {requests: {cpu: 100m}}}]}`,
  ].join('\n');

  it('evicts p1 on node1; node2 holds only pods of equal priority', () => {
    expect(resultOf(yaml, 'p')).toMatchObject({
      message: "0/2 nodes are available: 1 Too many pods, 1 node(s) didn't satisfy existing pods anti-affinity rules.",
      preemption: { node: 'node1', victims: ['default/p1'] },
    });
  });
});

// upstream: podtopologyspread/filtering.go RemovePod -> updateWithPod (no terminating check, unlike PreFilter's
// countPodsMatchSelector), default_preemption.go SelectVictimsOnNode, preemption.go prepareCandidate (a victim
// already terminating gets no API call) (v1.35): a terminating low-priority pod matching the spread selector was never
// counted, yet removing it in the dry run lowers zone1's count, so node-a is a candidate that evicts it. Once it is
// gone the pod still breaks the spread there, and its next try finds no victims.
describe('preemption of a terminating pod PodTopologySpread never counted', () => {
  const node = (name: string, zone: string) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {topology.kubernetes.io/zone: ${zone}}}
status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}`;
  const bound = (name: string, nodeName: string, priority: number, cpu: string, metadata: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}${metadata}}
spec: {nodeName: ${nodeName}, priority: ${priority}, containers: [{name: c, image: i, resources: {requests: {cpu: "${cpu}"}}}]}
status: {phase: Running}`;
  const yaml = [
    node('node-a', 'zone1'),
    node('node-b', 'zone2'),
    bound('r1', 'node-a', 1000, '500m', ', labels: {app: x}'),
    bound('t1', 'node-a', 1, '500m', ', labels: {app: x}, deletionTimestamp: "2026-01-02T00:00:00Z"'),
    bound('h', 'node-b', 1000, '2', ''),
    `---
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: x}}
spec:
  priority: 100
  containers: [{name: c, image: i, resources: {requests: {cpu: 500m}}}]
  topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: x}}}`,
  ].join('\n');

  it('nominates node-a evicting t1, then stays pending: no victims are left', () => {
    expect(resultOf(yaml, 'p')).toMatchObject({
      message: "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints.",
      preemption: { node: 'node-a', victims: ['default/t1'] },
      placement: {
        nodes: {},
        unschedulable: 1,
        preempted: ['default/t1'],
        message:
          "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      },
    });
  });
});
