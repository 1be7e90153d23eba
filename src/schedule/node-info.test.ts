import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removePodsForDryRun, removePodsFromNode, SharedNodeParts, toNodeInfo, type NodeInfo } from './node-info.js';
import { PodRequestsMemo, type QuantityProblem } from './resources.js';
import { nodeInfoOf, nodeObject, objectOf, podInfoOf, podObject } from './test-support.js';
import { toPodInfo, type PodInfo } from './pod-info.js';
import { podSourceOfPod } from './snapshot.js';

const allocatableArb = fc.constantFrom<Readonly<Record<string, string | number>>>({ cpu: '4', memory: '16Gi', pods: '110' }, { cpu: '8', memory: '32Gi', pods: 110 }, { cpu: 'x', pods: '10' }, { cpu: '4', memory: '16Gi', pods: '110' });
const requestsArb = fc.constantFrom(undefined, { cpu: '100m' }, { cpu: '100m', memory: '64Mi' }, { memory: 'bad' });
const podArb = fc.record({ requests: requestsArb, app: fc.constantFrom('a', 'b'), port: fc.option(fc.constantFrom(80, 443), { nil: undefined }) });
const nodeArb = fc.record({ allocatable: allocatableArb, zone: fc.constantFrom('z1', 'z2'), pods: fc.array(podArb, { maxLength: 3 }) });

/** What NodeInfos built for one snapshot must agree on with NodeInfos built alone. */
function comparable(node: NodeInfo) {
  const { name, labels, taints, allocatable, requested, nonZeroRequested, usedPorts, podLabelCounts, classKey, specKey, labelsKey } = node;
  return { name, labels, taints, allocatable, requested, nonZeroRequested, usedPorts, podLabelCounts: [...podLabelCounts], classKey, specKey, labelsKey };
}

describe('SharedNodeParts', () => {
  it('reads the declared taints and spec.unschedulable only, never the conditions', () => {
    const shared = new SharedNodeParts();
    const declared = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
    const first = shared.spec(declared, false);
    expect(shared.spec(declared, false)).toBe(first);
    expect(first.taints.map((taint) => `${taint.key}:${taint.effect}`)).toEqual(['dedicated:NoSchedule']);
    // a cordoned node has the unschedulable taint only where the node lifecycle controller added it to spec.taints
    expect(shared.spec(undefined, true).taints).toEqual([]);
    expect(toNodeInfo(objectOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }), [], []).taints).toEqual([]);
  });

  it('gives the nodes of one snapshot the NodeInfos each would have alone, and the same quantity problems', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 8 }), (specs) => {
        const shared = new SharedNodeParts();
        const options = { minor: 35, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
        const memo = { ...options, requestsMemo: new PodRequestsMemo() };
        specs.forEach((spec, index) => {
          const node = nodeObject({ name: `node-${index}`, labels: { zone: spec.zone, 'kubernetes.io/hostname': `node-${index}` }, allocatable: spec.allocatable });
          const pods = spec.pods.map((pod, i) => {
            const container = { name: 'c', ...(pod.requests && { resources: { requests: pod.requests } }), ...(pod.port && { ports: [{ containerPort: pod.port, hostPort: pod.port }] }) };
            return podObject({ nodeName: `node-${index}`, containers: [container] }, { name: `pod-${index}-${i}`, labels: { app: pod.app } });
          });
          const alone: QuantityProblem[] = [];
          const together: QuantityProblem[] = [];
          const expected = toNodeInfo(node, pods.map((pod) => toPodInfo(podSourceOfPod(pod), options, [])), alone);
          const actual = toNodeInfo(node, pods.map((pod) => toPodInfo(podSourceOfPod(pod), memo, [])), together, shared);
          expect(comparable(actual)).toEqual(comparable(expected));
          expect(together).toEqual(alone);
        });
      }),
    );
  });

  it('gives nodes whose pods have the same namespaces and label objects one podLabelCounts map', () => {
    const shared = new SharedNodeParts();
    const options = { minor: 35, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
    const labels = { app: 'agent' };
    const nodeWith = (name: string, podLabels: Readonly<Record<string, string>>) => {
      // labels as the loader's shared values hand them over: one object for equal labels
      const pod = podObject({ nodeName: name, containers: [{ name: 'c' }] }, { name: `${name}-agent` });
      return toNodeInfo(nodeObject({ name }), [toPodInfo({ ...podSourceOfPod(pod), labels: podLabels }, options, [])], [], shared);
    };
    const [first, second, other] = [nodeWith('a', labels), nodeWith('b', labels), nodeWith('c', { app: 'agent' })];
    expect(second.podLabelCounts).toBe(first.podLabelCounts);
    expect(other.podLabelCounts).not.toBe(first.podLabelCounts);
    expect([...other.podLabelCounts]).toEqual([...first.podLabelCounts]);
  });
});

describe('removePodsForDryRun', () => {
  it('reads as removePodsFromNode does, field by field', () => {
    const pods = [
      podInfoOf({ containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '100m' } } }] }, { name: 'a', labels: { app: 'a' } }),
      podInfoOf({ containers: [{ name: 'c' }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'b' } } }] } } }, { name: 'b', labels: { app: 'b' } }),
      podInfoOf({ containers: [{ name: 'c', resources: { requests: { memory: '1Gi' } } }] }, { name: 'c', labels: { app: 'c' } }),
    ];
    const node = nodeInfoOf({ name: 'n', allocatable: { cpu: '4', memory: '16Gi', pods: '110' } }, [...pods, pods[0] as PodInfo]);
    for (const removed of [[], [pods[0] as PodInfo], [pods[1] as PodInfo, pods[0] as PodInfo], pods]) {
      const whole = removePodsFromNode(node, removed);
      const dryRun = removePodsForDryRun(node, removed);
      const keys = Object.keys(whole) as (keyof NodeInfo)[];
      expect(Object.fromEntries(keys.map((key) => [key, dryRun[key]]))).toEqual(Object.fromEntries(keys.map((key) => [key, whole[key]])));
    }
  });
});

// upstream: pkg/scheduler/framework/types_test.go TestNodeInfoAddPod and TestNodeInfoRemovePod (v1.35): a node's
// Requested and NonZeroRequested sum its pods' requests with their overhead (an init container's larger request
// counts, 200Mi stands for a container's missing memory only in NonZeroRequested), and UsedPorts gathers their host ports.
describe('TestNodeInfoAddPod and TestNodeInfoRemovePod (upstream types_test.go)', () => {
  const port = (hostPort: number) => [{ containerPort: hostPort, hostIP: '127.0.0.1', hostPort, protocol: 'TCP' }];
  const pod = (name: string, spec: Readonly<Record<string, unknown>>) => podInfoOf({ nodeName: 'test-node', ...spec }, { name, namespace: 'node_info_cache_test' });
  const withOverhead = (overhead: Readonly<Record<string, string>>, requests: Readonly<Record<string, string>>, hostPort: number) => ({
    overhead,
    containers: [{ name: 'c', resources: { requests }, ports: port(hostPort) }],
  });
  const portsOf = (node: NodeInfo) => node.usedPorts.map(({ ip, protocol, port: p }) => `${ip} ${protocol}/${p}`);

  it('TestNodeInfoAddPod: overhead, an init container and host ports', () => {
    const both = { cpu: '500m', memory: '500' };
    const node = nodeInfoOf({ name: 'test-node' }, [
      pod('test-1', withOverhead({ cpu: '500m' }, { cpu: '100m', memory: '500' }, 80)),
      pod('test-2', withOverhead(both, { cpu: '200m' }, 8080)),
      pod('test-3', { ...withOverhead(both, { cpu: '200m' }, 8080), initContainers: [{ name: 'i', resources: { requests: { cpu: '500m', memory: '200Mi' } } }] }),
    ]);
    expect(node.requested).toEqual({ cpu: 2300n, memory: 209_716_700n });
    expect(node.nonZeroRequested).toEqual({ cpu: 2300n, memory: 419_431_900n });
    expect(portsOf(node)).toEqual(['127.0.0.1 TCP/80', '127.0.0.1 TCP/8080', '127.0.0.1 TCP/8080']);
  });

  it('TestNodeInfoRemovePod: removing test-1 leaves test-2 alone', () => {
    const overhead = { cpu: '500m', memory: '500' };
    const first = pod('test-1', withOverhead(overhead, { cpu: '100m', memory: '500' }, 80));
    const node = nodeInfoOf({ name: 'test-node' }, [first, pod('test-2', withOverhead(overhead, { cpu: '200m', memory: '1Ki' }, 8080))]);
    expect([node.requested, node.nonZeroRequested]).toEqual([{ cpu: 1300n, memory: 2524n }, { cpu: 1300n, memory: 2524n }]);
    const removed = removePodsFromNode(node, [first]);
    expect([removed.requested, removed.nonZeroRequested, portsOf(removed)]).toEqual([{ cpu: 700n, memory: 1524n }, { cpu: 700n, memory: 1524n }, ['127.0.0.1 TCP/8080']]);
  });
});
