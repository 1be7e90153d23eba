// A pod created with spec.nodeName never meets kube-scheduler: the kubelet of that node admits it, with fewer checks
// than the scheduler's filters. It runs there whatever the node's cordon, NoSchedule taints, pod (anti-)affinity or
// topology spreading say; it is refused (phase Failed) when its OS label or field is not the node's OS, it asks for
// Strict supplemental groups the node does not support, the node lacks the resources, its node selector or required
// node affinity does not match, a host port is taken, or a NoExecute taint is not tolerated.
// upstream: pkg/kubelet/lifecycle/predicate.go Admit, rejectPodAdmissionBasedOnOSSelector,
// rejectPodAdmissionBasedOnOSField, rejectPodAdmissionBasedOnSupplementalGroupsPolicy, generalFilter,
// removeMissingExtendedResources; pkg/scheduler/eventhandlers.go AdmissionCheck (v1.33 to v1.36)
import { asRecord } from '../model/object.js';
import { SUCCESS, definePlugin, unresolvable, unschedulable, type FilterPlugin } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { ERR_REASON_POD, matchesRequiredNodeAffinity } from './plugins/node-affinity.js';
import nodeName from './plugins/node-name.js';
import nodePorts from './plugins/node-ports.js';
import { fitsRequest } from './plugins/node-resources-fit.js';
import { findUntoleratedTaint } from './plugins/taint-toleration.js';
import type { SchedulerProfile } from './profile/profile.js';
import { CPU, EPHEMERAL_STORAGE, MEMORY, PODS } from './resources.js';

/** tainttoleration.ErrReasonNotMatch, which the kubelet reports (the scheduler's own wording differs). */
const ERR_REASON_UNTOLERATED = "node(s) had taints that the pod didn't tolerate";

const NOT_SCALAR: ReadonlySet<string> = new Set([CPU, MEMORY, EPHEMERAL_STORAGE, PODS]);

/**
 * The extended resources the pod requests that the node does not know at all: the kubelet drops them before its check
 * (cluster-level resources that no node advertises).
 */
export function missingExtendedResources(pod: PodInfo, node: NodeInfo): ReadonlySet<string> {
  return new Set(Object.keys(pod.requests).filter((name) => !NOT_SCALAR.has(name) && !Object.hasOwn(node.allocatable, name)));
}

const OS_LABEL = 'kubernetes.io/os';

/**
 * The OS of the node's kubelet (its runtime.GOOS): what it reports in status.nodeInfo.operatingSystem, else the
 * `kubernetes.io/os` label it sets; undefined when the node says neither (the OS checks are then left out).
 */
function nodeOS(node: NodeInfo): string | undefined {
  const reported = asRecord(asRecord(node.object.value['status'])?.['nodeInfo'])?.['operatingSystem'];
  return typeof reported === 'string' && reported !== '' ? reported : node.labels[OS_LABEL];
}

/** status.features.supplementalGroupsPolicy; a node that reports no features lacks it (upstream derefs a nil one to false). */
function supportsSupplementalGroupsPolicy(node: NodeInfo): boolean {
  return asRecord(asRecord(node.object.value['status'])?.['features'])?.['supplementalGroupsPolicy'] === true;
}

/**
 * The message of the first check Admit runs before its GeneralPredicates that refuses the pod ("the checks that
 * preemption will not help"), in its order; undefined when none does. The OS selector reads the pod's own
 * `kubernetes.io/os` label, not its node selector, against the node's label the kubelet forces to its OS.
 */
function admitRejection(pod: PodInfo, node: NodeInfo): string | undefined {
  const os = nodeOS(node);
  const podOSLabel = pod.labels[OS_LABEL];
  if (os !== undefined && podOSLabel !== undefined && podOSLabel !== os) return "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label";
  if (os !== undefined && pod.os !== undefined && pod.os !== os) return "Failed to admit pod as the OS field doesn't match node OS";
  if (pod.strictSupplementalGroups && !supportsSupplementalGroupsPolicy(node)) return 'SupplementalGroupsPolicy=Strict is not supported in this node';
  return undefined;
}

/** Admit's own checks; the node's OS and features are not part of its class key, so such pods are filtered node by node. */
const kubeletAdmit: FilterPlugin = definePlugin<undefined>({
  name: 'KubeletAdmit',
  ignoresNodeUsage: true,
  filter(pod, node) {
    const rejection = admitRejection(pod, node);
    return rejection === undefined ? SUCCESS : unresolvable(rejection);
  },
  usesNodeName: () => true,
});

/** noderesources.Fits on the node, without the extended resources it does not know. */
const kubeletResourcesFit: FilterPlugin = definePlugin<undefined>({
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const shortages = fitsRequest(pod.requests, node, missingExtendedResources(pod, node));
    return shortages.length === 0 ? SUCCESS : unschedulable(...shortages.map((shortage) => shortage.reason));
  },
});

/** GetRequiredNodeAffinity(pod).Match: the node selector and required node affinity, without the scheduler's PreFilter. */
const kubeletNodeAffinity: FilterPlugin = definePlugin<undefined>({
  name: 'NodeAffinity',
  ignoresNodeUsage: true,
  filter: (pod, node) => (matchesRequiredNodeAffinity(pod, node.labels, node.name) ? SUCCESS : unschedulable(ERR_REASON_POD)),
});

/** Only NoExecute taints: "Kubelet is only interested in the NoExecute taint". */
const kubeletTaintToleration: FilterPlugin = definePlugin<undefined>({
  name: 'TaintToleration',
  ignoresNodeUsage: true,
  filter: (pod, node) => (findUntoleratedTaint(node.taints, pod.tolerations, (taint) => taint.effect === 'NoExecute') ? unschedulable(ERR_REASON_UNTOLERATED) : SUCCESS),
});

/**
 * The kubelet's admission as a profile for the pods that name their node: its checks in its order after the node's
 * name (every other node fails that), no scoring, no PostFilter.
 */
export const KUBELET_ADMISSION: SchedulerProfile = {
  schedulerName: '',
  filters: [nodeName, kubeletAdmit, kubeletResourcesFit, kubeletNodeAffinity, nodePorts, kubeletTaintToleration],
  scores: [],
  preemption: undefined,
  dynamicResources: false,
};

/** Whether the pod is run by the kubelet of the node it names (see KUBELET_ADMISSION). */
export function isKubeletAdmitted(pod: PodInfo): boolean {
  return pod.profile === KUBELET_ADMISSION;
}

/**
 * The message of a pod no node takes: the kubelet's when it runs the pod (kubeletRejection), else kube-scheduler's
 * FitError (`fitError`, computed only then).
 */
export function unplacedMessage(pod: PodInfo, nodes: readonly NodeInfo[], fitError: () => string | null): string | null {
  return isKubeletAdmitted(pod) ? kubeletRejection(pod, nodes) : fitError();
}

/**
 * Why the kubelet refuses the pod, as it sets the pod's status (phase Failed, `Pod was rejected: ` and the first failed
 * check, with the amounts of a resource it lacks), or that no kubelet ever sees it when no node has its name (it
 * stays Pending: the scheduler skips it).
 */
function kubeletRejection(pod: PodInfo, nodes: readonly NodeInfo[]): string {
  const node = nodes.find((candidate) => candidate.name === pod.nodeName);
  if (!node) return `no node is named "${pod.nodeName ?? ''}": the pod stays Pending (kube-scheduler does not schedule a pod that names its node, and no kubelet runs it)`;
  // (none of the profile's plugins keeps PreFilter state)
  for (const plugin of KUBELET_ADMISSION.filters) {
    const result = plugin.filter(pod, node, undefined);
    if (result.code === 'Success') continue;
    if (plugin === kubeletAdmit) return `Pod was rejected: ${result.reasons[0] ?? ''}`;
    const [shortage] = plugin === kubeletResourcesFit ? fitsRequest(pod.requests, node, missingExtendedResources(pod, node)) : [];
    if (shortage) return `Pod was rejected: Node didn't have enough resource: ${shortage.resourceName}, requested: ${shortage.requested}, used: ${shortage.used}, capacity: ${shortage.capacity}`;
    return `Pod was rejected: Predicate ${plugin.name} failed: ${result.reasons[0] ?? ''}`;
  }
  return 'Pod was rejected: GeneralPredicates failed due to unknown reason, which is unexpected.';
}
