// DaemonSet pods: the controller's per-node checks, the tolerations it adds, and the pod pinned to each node.
// upstream: pkg/controller/daemon/daemon_controller.go predicates, pkg/controller/daemon/util/daemonset_util.go (v1.35)
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { ERR_REASON_POD, matchesRequiredNodeAffinity } from './plugins/node-affinity.js';
import { ERR_REASON as ERR_REASON_NODE_NAME } from './plugins/node-name.js';
import { ERR_REASON_UNTOLERATED, findUntoleratedTaint, untoleratedTaint } from './plugins/taint-toleration.js';
import type { NodeStatus } from './run-filters.js';
import type { PodSource } from './pod-info.js';

const NO_EXECUTE_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];
const NO_SCHEDULE_KEYS = [
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
];
const NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** The template's pod spec with the tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonPodSpec(workload: Workload): Readonly<Record<string, unknown>> {
  const spec = workload.podSpec;
  const added = [
    ...NO_EXECUTE_KEYS.map((key) => ({ key, operator: 'Exists', effect: 'NoExecute' })),
    ...NO_SCHEDULE_KEYS.map((key) => ({ key, operator: 'Exists', effect: 'NoSchedule' })),
    ...(spec['hostNetwork'] === true ? [{ key: NETWORK_UNAVAILABLE, operator: 'Exists', effect: 'NoSchedule' }] : []),
  ];
  return { ...spec, tolerations: [...asArray(spec['tolerations']), ...added] };
}

/** The daemon pod for one node: required node affinity replaced by `metadata.name In [node]`. */
export function pinnedToNode(spec: Readonly<Record<string, unknown>>, nodeName: string): Readonly<Record<string, unknown>> {
  const affinity = asRecord(spec['affinity']) ?? {};
  const nodeAffinity = asRecord(affinity['nodeAffinity']) ?? {};
  return {
    ...spec,
    affinity: { ...affinity, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: pinnedNodeAffinity(nodeName) } },
  };
}

/** The required node affinity of the daemon pod for one node. */
// upstream: pkg/controller/daemon/util ReplaceDaemonSetPodNodeNameNodeAffinity
export function pinnedNodeAffinity(nodeName: string): Readonly<Record<string, unknown>> {
  return { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
}

/** Why the controller creates no daemon pod for the node (nodeShouldRunDaemonPod), or undefined when it does. */
export function daemonNodeStatus(pod: PodInfo, node: NodeInfo, minor: number): NodeStatus | undefined {
  if (pod.nodeName !== undefined && pod.nodeName !== node.name) {
    return { plugin: 'NodeName', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_NAME] };
  }
  if (!matchesRequiredNodeAffinity(pod, node.labels, node.name)) {
    return { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_POD] };
  }
  const taint = findUntoleratedTaint(node.taints, pod.tolerations);
  if (!taint) return undefined;
  const reason = minor >= 35 ? ERR_REASON_UNTOLERATED : untoleratedTaint(taint);
  return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [reason] };
}

export function daemonPodSource(workload: Workload, spec: Readonly<Record<string, unknown>>): PodSource {
  return {
    object: workload.object,
    spec,
    specPath: workload.podSpecPath,
    labels: workload.podLabels,
    name: workload.object.ref.name,
    terminating: false,
    fromTemplate: true,
  };
}
