// NodeInfo: a Node with the pods bound to it and what they use (upstream framework.NodeInfo).
import { appendAll } from '../model/append.js';
import type { Labels } from '../model/labels.js';
import { asArray, asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { countPodLabels, withPodLabels } from './pod-label-counts.js';
import { toTaint, type HostPort, type PodInfo, type Taint } from './pod-info.js';
import {
  CPU, MEMORY, PODS, addAmounts, addAmountsInto, amountsKey, readResourceList, toAmounts, type QuantityProblem, type ResourceAmounts,
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
  /** Non-terminating pods per `podLabelKey(namespace, key, value)`: selectors skip nodes without their labels. */
  readonly podLabelCounts: ReadonlyMap<string, number>;
  /** node.status.images by name, with the cluster-wide size and node count (upstream NodeInfo.ImageStates). */
  readonly imageStates: ReadonlyMap<string, ImageStateSummary>;
  /** Everything the filters read except labels and name: nodes with equal keys and labels get equal verdicts. */
  readonly classKey: string;
  /**
   * The part of classKey that filters ignoring the node's pods read (unschedulable and taints): classKey starts with it.
   * Nodes that differ only in what their pods use share it (see FilterPlugin.ignoresNodeUsage).
   */
  readonly specKey: string;
}

export interface ImageStateSummary {
  readonly size: number;
  /** Nodes in the cluster that have the image. */
  readonly numNodes: number;
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
  const taints = withDerivedTaints(asArray(spec?.['taints']).map(toTaint), asArray(status?.['conditions']), unschedulable);
  const base = {
    name: node.ref.name,
    object: node,
    // The scheduler reads node.Labels only: a node without a hostname label has none (no synthesis from the name).
    labels,
    taints,
    unschedulable,
    allocatable,
    allowedPodNumber: allocatable[PODS] ?? 0n,
    imageStates: imageStatesOf(asArray(status?.['images'])),
    specKey: specKeyOf(unschedulable, taints),
  };
  return withPods(base, pods);
}

/** This node's images, each name counted on this node alone (withClusterImageStates counts across nodes). */
function imageStatesOf(images: readonly unknown[]): Map<string, ImageStateSummary> {
  const out = new Map<string, ImageStateSummary>();
  for (const entry of images) {
    const image = asRecord(entry);
    const size = typeof image?.['sizeBytes'] === 'number' ? image['sizeBytes'] : 0;
    for (const name of asArray(image?.['names'])) if (typeof name === 'string' && !out.has(name)) out.set(name, { size, numNodes: 1 });
  }
  return out;
}

/**
 * The nodes with each image's NumNodes counted across all of them and its size taken from the first node (by name)
 * that lists it, as the scheduler cache's imageStates (upstream: internal/cache/cache.go addNodeImageStates).
 */
export function withClusterImageStates(nodes: readonly NodeInfo[]): NodeInfo[] {
  const cluster = new Map<string, ImageStateSummary>();
  for (const node of nodes) {
    for (const [name, state] of node.imageStates) {
      const known = cluster.get(name);
      cluster.set(name, known ? { size: known.size, numNodes: known.numNodes + 1 } : state);
    }
  }
  return nodes.map((node) =>
    node.imageStates.size === 0 ? node : { ...node, imageStates: new Map([...node.imageStates.keys()].map((n) => [n, cluster.get(n) ?? { size: 0, numNodes: 1 }])) },
  );
}

type NodeBase = Pick<NodeInfo, 'name' | 'object' | 'labels' | 'taints' | 'unschedulable' | 'allocatable' | 'allowedPodNumber' | 'imageStates' | 'specKey'>;

/** The node with `pods` bound: their usage summed in one pass (the same sums as adding them one by one). */
function withPods(base: NodeBase, pods: readonly PodInfo[]): NodeInfo {
  const requested: Record<string, bigint> = {};
  const nonZeroRequested: Record<string, bigint> = {};
  const usedPorts: HostPort[] = [];
  const podLabelCounts = new Map<string, number>();
  for (const pod of pods) {
    addAmountsInto(requested, pod.requests);
    addAmountsInto(nonZeroRequested, pick(pod.nonZeroRequests));
    appendAll(usedPorts, pod.hostPorts);
    countPodLabels(podLabelCounts, pod);
  }
  return assemble(base, { pods, requested, nonZeroRequested, usedPorts, podLabelCounts });
}

interface Usage {
  readonly pods: readonly PodInfo[];
  readonly requested: ResourceAmounts;
  readonly nonZeroRequested: ResourceAmounts;
  readonly usedPorts: readonly HostPort[];
  readonly podLabelCounts: ReadonlyMap<string, number>;
}

/** The pods' affinity lists, when known without filtering every pod (a bind appends to the old node's). */
type AffinityPods = Pick<NodeInfo, 'podsWithRequiredAntiAffinity' | 'podsWithAffinity'>;

function assemble(base: NodeBase, usage: Usage, affinity?: AffinityPods): NodeInfo {
  const { pods, requested, nonZeroRequested, usedPorts } = usage;
  return {
    name: base.name,
    object: base.object,
    labels: base.labels,
    taints: base.taints,
    unschedulable: base.unschedulable,
    allocatable: base.allocatable,
    allowedPodNumber: base.allowedPodNumber,
    imageStates: base.imageStates,
    ...usage,
    podsWithRequiredAntiAffinity: affinity?.podsWithRequiredAntiAffinity ?? pods.filter((pod) => pod.requiredAntiAffinityTerms.length > 0),
    podsWithAffinity: affinity?.podsWithAffinity ?? pods.filter(hasAffinity),
    classKey: classKeyOf(base, [requested, nonZeroRequested], pods.length, usedPorts),
    specKey: base.specKey,
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
    podLabelCounts: withPodLabels(node.podLabelCounts, pod),
  }, {
    podsWithRequiredAntiAffinity: pod.requiredAntiAffinityTerms.length > 0 ? [...node.podsWithRequiredAntiAffinity, pod] : node.podsWithRequiredAntiAffinity,
    podsWithAffinity: hasAffinity(pod) ? [...node.podsWithAffinity, pod] : node.podsWithAffinity,
  });
}

/** The node without `removed` (upstream NodeInfo.RemovePod, for preemption's what-if). */
/**
 * The node without `removed`, one bound copy per entry: the replicas kubefit places share one PodInfo, so evicting
 * one of them must leave the others.
 */
export function removePodsFromNode(node: NodeInfo, removed: readonly PodInfo[]): NodeInfo {
  const left = new Map<PodInfo, number>();
  for (const pod of removed) left.set(pod, (left.get(pod) ?? 0) + 1);
  return withPods(node, node.pods.filter((pod) => {
    const count = left.get(pod) ?? 0;
    if (count > 0) left.set(pod, count - 1);
    return count === 0;
  }));
}

function specKeyOf(unschedulable: boolean, taints: readonly Taint[]): string {
  return `${unschedulable ? 'U' : ''}|${taints.map((t) => `${t.key}=${t.value}:${t.effect}`).join(';')}`;
}

/** amountsKey of each node's allocatable, which its NodeInfos share for its life. */
const allocatableKeys = new WeakMap<ResourceAmounts, string>();

function classKeyOf(base: NodeBase, requested: readonly ResourceAmounts[], podCount: number, ports: readonly HostPort[]): string {
  const portKey = ports.length === 0 ? '' : ports.map((p) => `${p.ip}/${p.protocol}/${p.port}`).sort().join(';');
  let allocatable = allocatableKeys.get(base.allocatable);
  if (allocatable === undefined) allocatableKeys.set(base.allocatable, (allocatable = amountsKey(base.allocatable)));
  return `${base.specKey}|${allocatable}|${requested.map(amountsKey).join('/')}|${podCount}|${portKey}`;
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
