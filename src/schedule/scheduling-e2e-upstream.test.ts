// Port of test/e2e/scheduling (kubernetes/kubernetes, newest stored versions): predicates.go, priorities.go,
// preemption.go, ubernetes_lite.go and nvidia-gpus.go re-expressed as the cluster each test builds (nodes labelled,
// tainted or given a fake extended resource, filler pods running) and the pod it then creates; the whole scheduler runs
// it. Where upstream waits for a FailedScheduling event, the case asserts the event's message. Skipped: what no
// scheduler decides (PriorityClass endpoints, LimitRange defaulting: limit_range.go, the kubelet's NoExecute evictions:
// taints.go), and the scheduling gates test (fixtures/schedule/SchedulingGates).
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type PodDoc, type Value } from './integration-test-support.js';

const worker = (name: string, capacity: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> = {}, taints?: readonly Value[]) =>
  node({ name, labels: { 'kubernetes.io/hostname': name, ...labels }, capacity: { cpu: '4', memory: '8Gi', pods: '110', ...capacity }, ...(taints && { taints }) });
const controlPlane = node({ name: 'control-plane', capacity: { cpu: '4', memory: '8Gi' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
const limits = (resources: Readonly<Record<string, string>>): Value => ({ resources: { requests: resources, limits: resources } });
const onNode = (name: string): Value => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [name] }] }] } } },
});
const requiredIn = (key: string, values: readonly string[]): Value => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } } },
});
/** A pause pod as initPausePod builds it: one container, `resources` its requests and limits. */
const pausePod = (doc: PodDoc & { readonly resources?: Readonly<Record<string, string>> }): Value => {
  const { resources, spec = {}, ...rest } = doc;
  const built = pod({ ...rest, spec });
  if (!resources) return built;
  const podSpec = built['spec'] as { containers: Value[] };
  return { ...built, spec: { ...podSpec, containers: [{ ...podSpec.containers[0], ...limits(resources) }] } };
};
const priorityClass = (name: string, value: number): Value => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
const placedOn = (docs: readonly Value[]) => schedule(docs).map((result) => Object.keys(result.placement.nodes)[0] ?? '');
const preempted = (docs: readonly Value[]) => schedule(docs).map((result) => (result.placement.preempted ?? []).map((key) => key.split('/')[1]));
const messageOf = (docs: readonly Value[]) => schedule(docs).map((result) => result.placement.message);

describe('upstream e2e predicates.go SchedulerPredicates', () => {
  it('validates resource limits of pods that are allowed to run', () => {
    // a filler pod with 70% of each node's cpu, then a pod with 50% of the largest node's
    const docs = [
      controlPlane,
      worker('worker-1', { cpu: '4' }, { node: 'worker-1' }),
      worker('worker-2', { cpu: '2' }, { node: 'worker-2' }),
      pausePod({ name: 'filler-pod-1', node: 'worker-1', resources: { cpu: '2800m' }, spec: requiredIn('node', ['worker-1']) }),
      pausePod({ name: 'filler-pod-2', node: 'worker-2', resources: { cpu: '1400m' }, spec: requiredIn('node', ['worker-2']) }),
      pausePod({ name: 'additional-pod', labels: { name: 'additional' }, resources: { cpu: '2' } }),
    ];
    expect(messageOf(docs)).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ]);
  });

  it('validates local ephemeral storage resource limits of pods that are allowed to run', () => {
    // ephemeralStoragePerPod = the largest allocatable / 10; the nodes saturated with such pods
    const storageNode = (name: string) => worker(name, { 'ephemeral-storage': '10Gi' });
    const overcommit = (i: number, nodeName: string) => pausePod({ name: `overcommit-${i}`, node: nodeName, resources: { 'ephemeral-storage': '1Gi' } });
    const fillers = Array.from({ length: 20 }, (_, i) => overcommit(i, i < 10 ? 'worker-1' : 'worker-2'));
    const docs = [storageNode('worker-1'), storageNode('worker-2'), ...fillers, pausePod({ name: 'additional-pod', resources: { 'ephemeral-storage': '1Gi' } })];
    expect(messageOf(docs)).toEqual([
      '0/2 nodes are available: 2 Insufficient ephemeral-storage. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ]);
  });

  it('validates pod overhead is considered along with resource limits of pods that are allowed to run: verify pod overhead is accounted for', () => {
    // 700 of 1000 beard-seconds taken; 200 (limits only: the requests default to them) + 250 of RuntimeClass overhead
    const runtimeClass = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'test-handler' }, handler: 'test-handler', overhead: { podFixed: { 'example.com/beardsecond': '250' } } };
    const docs = [
      runtimeClass,
      worker('worker-1', { 'example.com/beardsecond': '1000' }),
      pausePod({ name: 'filler-pod', node: 'worker-1', resources: { 'example.com/beardsecond': '700' } }),
      pod({ name: 'additional-pod', spec: { runtimeClassName: 'test-handler', containers: [{ name: 'pause', image: 'pause', resources: { limits: { 'example.com/beardsecond': '200' } } }] } }),
    ];
    expect(messageOf(docs)).toEqual([
      '0/1 nodes are available: 1 Insufficient example.com/beardsecond. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
    // without the class's overhead the pod fits
    expect(placedOn(docs.slice(1, 3).concat(pod({ name: 'additional-pod', spec: { containers: [{ name: 'pause', image: 'pause', resources: { limits: { 'example.com/beardsecond': '200' } } }] } })))).toEqual(['worker-1']);
  });

  const twoWorkers = [worker('worker-1', {}), worker('worker-2', {}, { 'kubernetes.io/e2e-42': '42' })];

  it('validates that NodeSelector is respected if not matching / if matching', () => {
    const restricted = pausePod({ name: 'restricted-pod', labels: { name: 'restricted' }, spec: { nodeSelector: { label: 'nonempty' } } });
    expect(messageOf([...twoWorkers, restricted])).toEqual([
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ]);
    expect(placedOn([...twoWorkers, pausePod({ name: 'with-labels', spec: { nodeSelector: { 'kubernetes.io/e2e-42': '42' } } })])).toEqual(['worker-2']);
  });

  it('validates that NodeAffinity is respected if not matching / required NodeAffinity setting is respected if matching', () => {
    const terms = [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }, { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] }];
    const restricted = pausePod({ name: 'restricted-pod', spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } });
    expect(messageOf([...twoWorkers, restricted])).toEqual([
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ]);
    expect(placedOn([...twoWorkers, pausePod({ name: 'with-labels', spec: requiredIn('kubernetes.io/e2e-42', ['42']) })])).toEqual(['worker-2']);
  });

  it('validates that taints-tolerations is respected if matching / if not matching', () => {
    const taint = { key: 'kubernetes.io/e2e-taint-key', value: 'testing-taint-value', effect: 'NoSchedule' };
    const docs = [worker('worker-1', {}), worker('worker-2', {}, { 'kubernetes.io/e2e-label-key': 'testing-label-value' }, [taint])];
    const nodeSelector = { 'kubernetes.io/e2e-label-key': 'testing-label-value' };
    expect(placedOn([...docs, pausePod({ name: 'with-tolerations', spec: { nodeSelector, tolerations: [{ key: taint.key, value: taint.value, effect: taint.effect }] } })])).toEqual(['worker-2']);
    expect(messageOf([...docs, pausePod({ name: 'still-no-tolerations', spec: { nodeSelector } })])).toEqual([
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ]);
  });

  const hostPortPod = (name: string, hostIP: string, protocol: string, nodeSelector: Value) =>
    pausePod({ name, spec: { nodeSelector, containers: [{ name: 'agnhost', image: 'agnhost', ports: [{ containerPort: 8080, hostPort: 54321, protocol, ...(hostIP && { hostIP }) }] }] } });

  it('validates that there is no conflict between pods with same hostPort but different hostIP and protocol', () => {
    const docs = [worker('worker-1', {}, { 'kubernetes.io/e2e-90': '90' }), worker('worker-2', {})];
    const selector = { 'kubernetes.io/e2e-90': '90' };
    const pods = [hostPortPod('pod1', '127.0.0.1', 'TCP', selector), hostPortPod('pod2', '172.18.0.2', 'TCP', selector), hostPortPod('pod3', '172.18.0.2', 'UDP', selector)];
    expect(placedOn([...docs, ...pods])).toEqual(['worker-1', 'worker-1', 'worker-1']);
  });

  it('validates that there exists conflict between pods with same hostPort and protocol but one using 0.0.0.0 hostIP', () => {
    const docs = [worker('worker-1', {}, { 'kubernetes.io/e2e-95': '95' }), worker('worker-2', {})];
    const selector = { 'kubernetes.io/e2e-95': '95' };
    const results = schedule([...docs, hostPortPod('pod4', '', 'TCP', selector), hostPortPod('pod5', '172.18.0.2', 'TCP', selector)]);
    expect(results.map((result) => result.placement.message)).toEqual([
      null,
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    ]);
  });

  it('PodTopologySpread Filtering: validates 4 pods with MaxSkew=1 are evenly distributed into 2 nodes', () => {
    const key = 'kubernetes.io/e2e-pts-filter';
    const docs = [worker('worker-1', {}, { [key]: 'worker-1' }), worker('worker-2', {}, { [key]: 'worker-2' }), worker('worker-3', {})];
    const spread = { ...requiredIn(key, ['worker-1', 'worker-2']), topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'e2e-pts-filter', operator: 'Exists' }] } }] };
    const replicas = Array.from({ length: 4 }, (_, i) => pausePod({ name: `e2e-pts-filter-${i}`, labels: { 'e2e-pts-filter': '' }, spec: spread }));
    expect(placedOn([...docs, ...replicas]).sort()).toEqual(['worker-1', 'worker-1', 'worker-2', 'worker-2']);
  });

  it('when PVC has node-affinity to non-existent/illegal nodes, the pod should be scheduled normally if suitable nodes exist', () => {
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-local' },
      spec: {
        capacity: { storage: '2Gi' },
        accessModes: ['ReadWriteOnce'],
        local: { path: '/tmp' },
        claimRef: { name: 'pvc-local', namespace: 'default' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-1', 'a7c1f6d2-non-existent', 'b9e2-non-existent'] }] }] } },
      },
      status: { phase: 'Bound' },
    };
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pvc-local', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, storageClassName: '', volumeName: 'pv-local' }, status: { phase: 'Bound' } };
    const bindPvPod = pod({ name: 'bind-pv-with-non-existent-nodes', spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pvc-local' } }] } });
    expect(placedOn([worker('worker-1', {}), worker('worker-2', {}), pv, pvc, bindPvPod])).toEqual(['worker-1']);
  });
});

describe('upstream e2e priorities.go SchedulerPriorities', () => {
  // createBalancedPodForNodes: every node at the same cpu and memory fraction
  const balanced = (name: string, taints?: readonly Value[], labels: Readonly<Record<string, string>> = {}) => [
    worker(name, {}, labels, taints),
    pausePod({ name: `balanced-${name}`, node: name, labels: { podname: 'priority-balanced-memory' }, requests: { cpu: '2', memory: '4Gi' }, spec: onNode(name) }),
  ];

  it('Pod should be scheduled to node that don\'t match the PodAntiAffinity terms', () => {
    const selector = { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1', 'value2'] }, { key: 'security', operator: 'NotIn', values: ['S2'] }, { key: 'security', operator: 'Exists' }] };
    const antiAffinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: selector, topologyKey: 'kubernetes.io/hostname', namespaces: ['default'] } }] } };
    const docs = [
      ...balanced('worker-1'),
      ...balanced('worker-2'),
      pausePod({ name: 'pod-with-label-security-s1', node: 'worker-1', labels: { security: 'S1' } }),
      pausePod({ name: 'pod-with-pod-antiaffinity', requests: { cpu: '100m', memory: '100Mi' }, spec: { affinity: antiAffinity } }),
    ];
    expect(placedOn(docs)).toEqual(['worker-2']);
  });

  it('Pod should be preferably scheduled to nodes pod can tolerate', () => {
    const taints = (prefix: string) => Array.from({ length: 10 }, (_, i) => ({ key: `kubernetes.io/e2e-scheduling-priorities-${prefix}${i}`, value: `testing-taint-value-${prefix}${i}`, effect: 'PreferNoSchedule' }));
    const tolerable = taints('a');
    const tolerations = tolerable.map(({ key, value, effect }) => ({ key, value, effect }));
    const docs = [...balanced('worker-1', tolerable), ...balanced('worker-2', taints('b')), ...balanced('worker-3', taints('c'))];
    expect(placedOn([...docs, pausePod({ name: 'with-tolerations', spec: { tolerations } })])).toEqual(['worker-1']);
  });

  it('PodTopologySpread Scoring: validates pod should be preferably scheduled to node which makes the matching pods more evenly distributed', () => {
    const key = 'kubernetes.io/e2e-pts-score';
    const rsPods = Array.from({ length: 4 }, (_, i) => pausePod({ name: `e2e-pts-score-${i}`, node: 'worker-1', labels: { 'e2e-pts-score': 'foo' }, spec: { nodeSelector: { [key]: 'worker-1' } } }));
    const spread = { ...requiredIn(key, ['worker-1', 'worker-2']), topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchExpressions: [{ key: 'e2e-pts-score', operator: 'Exists' }] } }] };
    const docs = [...balanced('worker-1', undefined, { [key]: 'worker-1' }), ...balanced('worker-2', undefined, { [key]: 'worker-2' }), ...rsPods];
    expect(placedOn([...docs, pausePod({ name: 'test-pod', labels: { 'e2e-pts-score': 'bar' }, spec: spread })])).toEqual(['worker-2']);
  });
});

describe('upstream e2e preemption.go SchedulerPreemption', () => {
  const classes = [priorityClass('sched-preemption-low-priority', 1), priorityClass('sched-preemption-medium-priority', 100), priorityClass('sched-preemption-high-priority', 1000)];
  const foo = 'scheduling.k8s.io/foo';
  // two pods per node using 4/5 of its extended resource; the first of all low priority, the others medium
  const fourFifths = (nodes: readonly string[]) =>
    nodes.flatMap((name, i) => [
      worker(name, { [foo]: '5' }),
      ...[0, 1].map((j) => {
        const level = i === 0 && j === 0 ? 'low' : 'medium';
        return pausePod({ name: `pod${i}-${j}-${level}`, node: name, priority: level === 'low' ? 1 : 100, resources: { [foo]: '2' }, spec: { priorityClassName: `sched-preemption-${level}-priority`, ...onNode(name) } });
      }),
    ]);

  it('validates basic preemption works', () => {
    const preemptor = pausePod({ name: 'preemptor-pod', resources: { [foo]: '2' }, spec: { priorityClassName: 'sched-preemption-high-priority' } });
    expect(preempted([...classes, ...fourFifths(['worker-1', 'worker-2']), preemptor])).toEqual([['pod0-0-low']]);
  });

  it('validates lower priority pod preemption by critical pod', () => {
    // system-cluster-critical exists in every cluster: no PriorityClass object names it
    const critical = pausePod({ name: 'critical-pod', namespace: 'kube-system', resources: { [foo]: '2' }, spec: { priorityClassName: 'system-cluster-critical' } });
    expect(preempted([...classes, ...fourFifths(['worker-1', 'worker-2']), critical])).toEqual([['pod0-0-low']]);
  });

  it('validates pod disruption condition is added to the preempted pod', () => {
    const docs = [
      ...classes,
      worker('worker-1', { [foo]: '1' }),
      pausePod({ name: 'victim-pod', node: 'worker-1', priority: 1, resources: { [foo]: '1' }, spec: { priorityClassName: 'sched-preemption-low-priority', ...onNode('worker-1') } }),
      pausePod({ name: 'preemptor-pod', resources: { [foo]: '1' }, spec: { priorityClassName: 'sched-preemption-high-priority', ...onNode('worker-1') } }),
    ];
    expect(preempted(docs)).toEqual([['victim-pod']]);
  });

  it('PodTopologySpread Preemption: validates proper pods are preempted', () => {
    // [<high>, <low, low, low>]: the medium pod needs one low pod's room, and a second low pod gone to keep maxSkew 1
    const key = 'kubernetes.io/e2e-pts-preemption';
    const fake = 'example.com/fakePTSRes';
    const affinity = requiredIn(key, ['worker-1', 'worker-2']);
    const running = (name: string, nodeName: string, level: string, priority: number, amount: string) =>
      pausePod({ name, node: nodeName, priority, labels: { 'e2e-pts-preemption': '' }, resources: { [fake]: amount }, spec: { priorityClassName: `sched-preemption-${level}-priority`, ...affinity } });
    const medium = pausePod({
      name: 'medium',
      labels: { 'e2e-pts-preemption': '' },
      resources: { [fake]: '3' },
      spec: { priorityClassName: 'sched-preemption-medium-priority', ...affinity, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'e2e-pts-preemption', operator: 'Exists' }] } }] },
    });
    const docs = [
      ...classes,
      worker('worker-1', { [fake]: '10' }, { [key]: 'worker-1' }),
      worker('worker-2', { [fake]: '10' }, { [key]: 'worker-2' }),
      running('high', 'worker-1', 'high', 1000, '9'),
      ...[1, 2, 3].map((i) => running(`low-${i}`, 'worker-2', 'low', 1, '3')),
      medium,
    ];
    const [result] = schedule(docs);
    expect(result?.placement.nodes).toEqual({ 'worker-2': 1 });
    expect(result?.placement.preempted).toHaveLength(2);
  });

  it('PreemptionExecutionPath: runs ReplicaSets to verify preemption running path', () => {
    // 950 of 1000 fakecpu taken by the pods of rs-pod1 (p1, 200), rs-pod2 (p2, 300), rs-pod3 (p3, 450); pod4 (p4, 500)
    const fakecpu = 'example.com/fakecpu';
    const rsPod = (i: number, amount: string) => {
      const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-pod${i}`, uid: `uid-${i}`, controller: true }];
      const built = pausePod({ name: `rs-pod${i}-x`, node: 'worker-1', priority: i, labels: { name: `pod${i}` }, resources: { [fakecpu]: amount }, spec: { priorityClassName: `p${i}`, nodeSelector: { 'kubernetes.io/hostname': 'worker-1' } } });
      return { ...built, metadata: { ...(built['metadata'] as Value), ownerReferences } };
    };
    const docs = [
      ...[1, 2, 3, 4].map((i) => priorityClass(`p${i}`, i)),
      worker('worker-1', { [fakecpu]: '1000' }),
      worker('worker-2', {}),
      rsPod(1, '200'),
      rsPod(2, '300'),
      rsPod(3, '450'),
      pausePod({ name: 'pod4', labels: { name: 'pod4' }, resources: { [fakecpu]: '500' }, spec: { priorityClassName: 'p4', nodeSelector: { 'kubernetes.io/hostname': 'worker-1' } } }),
    ];
    expect(preempted(docs)).toEqual([['rs-pod1-x', 'rs-pod2-x']]);
  });
});

describe('upstream e2e ubernetes_lite.go Multi-AZ Clusters', () => {
  it('should spread the pods of a service across zones', () => {
    // 2 * zones + 1 pods a Service selects: the zones' counts differ by at most one
    const zoneNodes = ['a', 'b', 'c'].flatMap((zone) => [1, 2].map((i) => worker(`node-${zone}${i}`, {}, { 'topology.kubernetes.io/zone': `zone-${zone}` })));
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'test-service', namespace: 'default' }, spec: { selector: { service: 'test-service' }, ports: [{ port: 80 }] } };
    const pods = Array.from({ length: 7 }, (_, i) => pausePod({ name: `test-service-${i}`, labels: { service: 'test-service' } }));
    const perZone: Record<string, number> = {};
    for (const nodeName of placedOn([...zoneNodes, service, ...pods])) perZone[nodeName.slice(5, 6)] = (perZone[nodeName.slice(5, 6)] ?? 0) + 1;
    expect(Object.values(perZone).sort()).toEqual([2, 2, 3]);
  });
});

describe('upstream e2e nvidia-gpus.go', () => {
  it('a pod asking for more GPUs than are free: a node with none is no preemption candidate (v1.34+)', () => {
    const docs = [
      worker('worker-1', {}),
      worker('gpu-1', { 'nvidia.com/gpu': '1' }),
      pod({ name: 'gpu-user', node: 'gpu-1', spec: { containers: [{ name: 'cuda', image: 'cuda', resources: { limits: { 'nvidia.com/gpu': '1' } } }] } }),
      pod({ name: 'cuda-add', spec: { containers: [{ name: 'cuda', image: 'cuda', resources: { limits: { 'nvidia.com/gpu': '1' } } }] } }),
    ];
    expect(messageOf(docs)).toEqual([
      '0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ]);
  });
});
