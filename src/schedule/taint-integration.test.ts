// Port of test/integration/scheduler/taint/taint_test.go TestTaintNodeByCondition (kubernetes/kubernetes, newest stored
// version): node-1 (4 cpu, 16Gi, 110 pods) carries the taints the node lifecycle controller puts on it for its
// conditions (upstream's expectedTaints), and each pod fits or not. Upstream's API server runs the
// PodTolerationRestriction admission plugin, off by default, which gives every pod that is not BestEffort a
// node.kubernetes.io/memory-pressure NoSchedule toleration (admission.go Admit): those pods carry it here as written.
// The last case ("multi taints on node") has no pods.
import { describe, expect, it } from 'vitest';
import { node, place, pod, type Value } from './integration-test-support.js';

const taint = (condition: string) => ({ key: `node.kubernetes.io/${condition}`, effect: 'NoSchedule' });
const toleration = (condition: string) => ({ key: `node.kubernetes.io/${condition}`, operator: 'Exists', effect: 'NoSchedule' });
const podRes = { cpu: '100m', memory: '100Mi' };

type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';
const resources: Record<QOSClass, Value> = { BestEffort: {}, Burstable: { requests: podRes }, Guaranteed: { requests: podRes, limits: podRes } };

function fits(taints: readonly Value[], qos: QOSClass, tolerations: readonly Value[], unschedulable = false): boolean {
  const admitted = qos === 'BestEffort' ? tolerations : [toleration('memory-pressure'), ...tolerations];
  const incoming = pod({ name: 'pod', spec: { containers: [{ name: 'busybox', image: 'busybox', resources: resources[qos] }], tolerations: admitted } });
  const [placed] = place([node({ name: 'node-1', taints, unschedulable, capacity: { cpu: '4000m', memory: '16Gi', pods: '110' } }), incoming]);
  return placed !== '';
}

type PodCase = readonly [qos: QOSClass, tolerations: readonly string[], fits: boolean];
const untolerated = (...qos: QOSClass[]): PodCase[] => qos.map((q) => [q, [], false]);

const cases: { name: string; taints: readonly string[]; unschedulable?: boolean; pods: readonly PodCase[] }[] = [
  { name: 'not-ready node', taints: ['not-ready'], pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['BestEffort', ['not-ready'], true]] },
  { name: 'unschedulable node', taints: ['unschedulable'], unschedulable: true, pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['BestEffort', ['unschedulable'], true]] },
  {
    name: 'memory pressure node',
    taints: ['memory-pressure'],
    pods: [['BestEffort', [], false], ['BestEffort', ['memory-pressure'], true], ['BestEffort', ['disk-pressure'], false], ['Burstable', [], true], ['Guaranteed', [], true]],
  },
  {
    name: 'disk pressure node',
    taints: ['disk-pressure'],
    pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['BestEffort', ['disk-pressure'], true], ['BestEffort', ['memory-pressure'], false]],
  },
  { name: 'network unavailable and node is ready', taints: ['network-unavailable'], pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['Burstable', ['network-unavailable'], true]] },
  {
    name: 'network unavailable and node is not ready',
    taints: ['network-unavailable', 'not-ready'],
    pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['Burstable', ['network-unavailable'], false], ['Burstable', ['network-unavailable', 'not-ready'], true]],
  },
  { name: 'pid pressure node', taints: ['pid-pressure'], pods: [...untolerated('BestEffort', 'Burstable', 'Guaranteed'), ['BestEffort', ['pid-pressure'], true]] },
];

describe('TestTaintNodeByCondition (upstream test/integration/scheduler/taint)', () => {
  describe.each(cases)('$name', ({ taints, unschedulable, pods }) => {
    it.each(pods.map(([qos, tolerations, want], i) => ({ i, qos, tolerations, want })))('pod $i ($qos, tolerating $tolerations)', ({ qos, tolerations, want }) => {
      expect(fits(taints.map(taint), qos, tolerations.map(toleration), unschedulable)).toBe(want);
    });
  });
});
