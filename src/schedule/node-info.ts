// NodeInfo: a Node with the pods bound to it and what they use (upstream framework.NodeInfo).
import type { Labels } from '../model/labels.js';
import { asArray, asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { toTaint, type HostPort, type PodInfo, type Taint } from './pod-info.js';
import {
  CPU, MEMORY, PODS, addAmounts, amountsKey, readResourceList, toAmounts, type QuantityProblem, type ResourceAmounts,
} from './resources.js';

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export interface NodeInfo {
  readonly name: string;
  readonly object: KubeObject;
  readonly labels: Labels;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: ResourceAmounts;
  readonly allowedPodNumber: bigint;
  /** Sum of the bound pods' requests. */
  readonly requested: ResourceAmounts;
  /** Sum of the bound pods' cpu/memory requests with scoring's defaults. */
  readonly nonZeroRequested: ResourceAmounts;
  readonly pods: readonly PodInfo[];
  readonly usedPorts: readonly HostPort[];
  /** Bound pods with required pod anti-affinity terms (they can reject incoming pods). */
  readonly podsWithRequiredAntiAffinity: readonly PodInfo[];
  /** Bound pods with any pod affinity or anti-affinity term (they take part in InterPodAffinity scoring). */
  readonly podsWithAffinity: readonly PodInfo[];
  /** Everything the filters read except labels and name: nodes with equal keys and labels get equal verdicts. */
  readonly classKey: string;
}

/**
 * Condition → taint, as the node lifecycle controller adds them (pkg/controller/nodelifecycle). kubefit derives these
 * for Nodes written by hand with conditions but without the taints, and the cordon taint for spec.unschedulable.
 */
const CONDITION_TAINTS: readonly { type: string; status: string; key: string; effects: readonly string[] }[] = [
  { type: 'Ready', status: 'False', key: 'node.kubernetes.io/not-ready', effects: ['NoSchedule', 'NoExecute'] },
  { type: 'Ready', status: 'Unknown', key: 'node.kubernetes.io/unreachable', effects: ['NoSchedule', 'NoExecute'] },
  { type: 'MemoryPressure', status: 'True', key: 'node.kubernetes.io/memory-pressure', effects: ['NoSchedule'] },
  { type: 'DiskPressure', status: 'True', key: 'node.kubernetes.io/disk-pressure', effects: ['NoSchedule'] },
  { type: 'PIDPressure', status: 'True', key: 'node.kubernetes.io/pid-pressure', effects: ['NoSchedule'] },
  { type: 'NetworkUnavailable', status: 'True', key: 'node.kubernetes.io/network-unavailable', effects: ['NoSchedule'] },
];

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/** Builds a NodeInfo from a Node object and the PodInfos of the pods bound to it. */
export function toNodeInfo(node: KubeObject, pods: readonly PodInfo[], problems: QuantityProblem[]): NodeInfo {
  const spec = asRecord(node.value['spec']);
  const status = asRecord(node.value['status']);
  const labels = asStringMap(asRecord(node.value['metadata'])?.['labels']);
  const unschedulable = spec?.['unschedulable'] === true;
  const allocatablePath = asRecord(status?.['allocatable']) ? 'allocatable' : 'capacity';
  const allocatable = toAmounts(readResourceList(status?.[allocatablePath], ['status', allocatablePath], problems));
  const base = {
    name: node.ref.name,
    object: node,
    labels: Object.hasOwn(labels, HOSTNAME_LABEL) ? labels : { ...labels, [HOSTNAME_LABEL]: node.ref.name },
    taints: withDerivedTaints(asArray(spec?.['taints']).map(toTaint), asArray(status?.['conditions']), unschedulable),
    unschedulable,
    allocatable,
    allowedPodNumber: allocatable[PODS] ?? 0n,
  };
  return withPods(base, pods);
}

type NodeBase = Pick<NodeInfo, 'name' | 'object' | 'labels' | 'taints' | 'unschedulable' | 'allocatable' | 'allowedPodNumber'>;

function withPods(base: NodeBase, pods: readonly PodInfo[]): NodeInfo {
  let node = assemble(base, { pods: [], requested: {}, nonZeroRequested: {}, usedPorts: [] });
  for (const pod of pods) node = addPodToNode(node, pod);
  return node;
}

interface Usage {
  readonly pods: readonly PodInfo[];
  readonly requested: ResourceAmounts;
  readonly nonZeroRequested: ResourceAmounts;
  readonly usedPorts: readonly HostPort[];
}

function assemble(base: NodeBase, usage: Usage): NodeInfo {
  const { pods, requested, nonZeroRequested, usedPorts } = usage;
  return {
    name: base.name,
    object: base.object,
    labels: base.labels,
    taints: base.taints,
    unschedulable: base.unschedulable,
    allocatable: base.allocatable,
    allowedPodNumber: base.allowedPodNumber,
    ...usage,
    podsWithRequiredAntiAffinity: pods.filter((pod) => pod.requiredAntiAffinityTerms.length > 0),
    podsWithAffinity: pods.filter(hasAffinity),
    classKey: classKeyOf(base, [requested, nonZeroRequested], pods.length, usedPorts),
  };
}

function hasAffinity(pod: PodInfo): boolean {
  return (
    pod.requiredAffinityTerms.length + pod.requiredAntiAffinityTerms.length + pod.preferredAffinityTerms.length +
      pod.preferredAntiAffinityTerms.length > 0
  );
}

function pick(amounts: ResourceAmounts): ResourceAmounts {
  return { [CPU]: amounts[CPU] ?? 0n, [MEMORY]: amounts[MEMORY] ?? 0n };
}

/** The node after `pod` is bound to it. */
export function addPodToNode(node: NodeInfo, pod: PodInfo): NodeInfo {
  return assemble(node, {
    pods: [...node.pods, pod],
    requested: addAmounts(node.requested, pod.requests),
    nonZeroRequested: addAmounts(node.nonZeroRequested, pick(pod.nonZeroRequests)),
    usedPorts: pod.hostPorts.length > 0 ? [...node.usedPorts, ...pod.hostPorts] : node.usedPorts,
  });
}

/** The node without `removed` (upstream NodeInfo.RemovePod, for preemption's what-if). */
export function removePodsFromNode(node: NodeInfo, removed: ReadonlySet<PodInfo>): NodeInfo {
  return withPods(node, node.pods.filter((pod) => !removed.has(pod)));
}

function classKeyOf(base: NodeBase, requested: readonly ResourceAmounts[], podCount: number, ports: readonly HostPort[]): string {
  const taints = base.taints.map((t) => `${t.key}=${t.value}:${t.effect}`).join(';');
  const portKey = ports.map((p) => `${p.ip}/${p.protocol}/${p.port}`).sort().join(';');
  return `${base.unschedulable ? 'U' : ''}|${taints}|${amountsKey(base.allocatable)}|${requested.map(amountsKey).join('/')}|${podCount}|${portKey}`;
}

function withDerivedTaints(taints: Taint[], conditions: readonly unknown[], unschedulable: boolean): Taint[] {
  const out = [...taints];
  const add = (key: string, effect: string): void => {
    if (!out.some((t) => t.key === key && t.effect === effect)) out.push({ key, value: '', effect });
  };
  for (const entry of conditions) {
    const condition = asRecord(entry);
    for (const rule of CONDITION_TAINTS) {
      if (condition?.['type'] !== rule.type || condition['status'] !== rule.status) continue;
      for (const effect of rule.effects) add(rule.key, effect);
    }
  }
  if (unschedulable) add(UNSCHEDULABLE_TAINT_KEY, 'NoSchedule');
  return out;
}
