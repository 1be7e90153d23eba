// A pod created with spec.nodeName never meets kube-scheduler: the kubelet of that node admits it, with fewer checks
// than the scheduler's filters. It runs there whatever the node's cordon, NoSchedule taints, pod (anti-)affinity or
// topology spreading say; it is refused (phase Failed) when the node lacks the resources, its node selector or
// required node affinity does not match, a host port is taken, or a NoExecute taint is not tolerated.
// upstream: pkg/kubelet/lifecycle/predicate.go Admit, generalFilter, removeMissingExtendedResources;
// pkg/scheduler/eventhandlers.go AdmissionCheck (v1.33 to v1.36)
import { SUCCESS, definePlugin, unschedulable, type FilterPlugin } from './framework.js';
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
  filters: [nodeName, kubeletResourcesFit, kubeletNodeAffinity, nodePorts, kubeletTaintToleration],
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
    const [shortage] = plugin === kubeletResourcesFit ? fitsRequest(pod.requests, node, missingExtendedResources(pod, node)) : [];
    if (shortage) return `Pod was rejected: Node didn't have enough resource: ${shortage.resourceName}, requested: ${shortage.requested}, used: ${shortage.used}, capacity: ${shortage.capacity}`;
    return `Pod was rejected: Predicate ${plugin.name} failed: ${result.reasons[0] ?? ''}`;
  }
  return 'Pod was rejected: GeneralPredicates failed due to unknown reason, which is unexpected.';
}
