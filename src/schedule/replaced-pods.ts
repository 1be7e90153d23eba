// The pods of the cluster snapshot that the checked StatefulSets and DaemonSets replace. Neither controller adds a pod
// next to one of its own: a StatefulSet creates an ordinal only while no pod holds its name, a DaemonSet a node's pod
// only while the node has none, and the rolling updates of both delete the old pod before its successor is created
// (a DaemonSet surges only with maxSurge, off by default). So the checked template's pods take the place of the
// running ones: counting both would double their requests and have each new pod repel itself by its own
// anti-affinity or host ports. (A Deployment's new ReplicaSet surges next to the old one: its pods stay; README.)
// Likewise a Pod the inputs check takes the place of the running pod of its namespace and name: a pod's spec cannot
// be changed in place, so the checked one stands for that pod deleted and created again (placing it next to itself
// would have it rejected for its own requests).
// upstream: pkg/controller/statefulset/stateful_set_control.go processReplica (isCreated), updateStatefulSet (rolling
// update: deleteStatefulPod first); stateful_set_utils.go isMemberOf; pkg/controller/daemon/daemon_controller.go
// podsShouldBeOnNode (shouldRun && !exists), update.go rollingUpdate; controller_ref_manager.go ClaimPods (adoption)
import type { KubeObject } from '../model/object.js';
import { asRecord, asStringMap } from '../model/object.js';
import { isEmptySelector, matchesSelector, toLabelSelector, type LabelSelector } from '../model/labels.js';
import { controllerOf } from './preemption/victims.js';
import type { Workload } from '../model/workload.js';

/** The bound pods of `boundPods` that the StatefulSets, DaemonSets and Pods among `workloads` replace. */
export function replacedPods(workloads: readonly Workload[], boundPods: readonly KubeObject[]): Set<KubeObject> {
  const controllers = workloads.filter((workload) => workload.kind === 'StatefulSet' || workload.kind === 'DaemonSet');
  const checkedPods = new Set(workloads.filter((workload) => workload.kind === 'Pod' && !workload.object.fromCluster).map((workload) => podKey(workload.object)));
  const replaced = new Set(checkedPods.size === 0 ? [] : boundPods.filter((pod) => checkedPods.has(podKey(pod))));
  if (controllers.length === 0) return replaced;
  const byKey = new Set(controllers.map((workload) => `${workload.object.ref.namespace}/${workload.kind}/${workload.object.ref.name}`));
  // an empty selector, which the API server refuses for both kinds, adopts nothing here
  const adopters = controllers.map((workload) => ({ workload, selector: toLabelSelector(asRecord(workload.object.value['spec'])?.['selector']) })).filter(({ selector }) => !isEmptySelector(selector));
  for (const pod of boundPods) {
    const owner = controllerOf(pod);
    if (owner !== undefined ? byKey.has(`${pod.ref.namespace}/${owner}`) : adopters.some((adopter) => adopts(adopter, pod))) replaced.add(pod);
  }
  return replaced;
}

/**
 * Whether the workload's controller adopts the orphan pod (a hand-written snapshot without owner references): its
 * selector matches the pod's labels, and for a StatefulSet the pod is named as one of its ordinals.
 */
function adopts({ workload, selector }: { workload: Workload; selector: LabelSelector }, pod: KubeObject): boolean {
  if (pod.ref.namespace !== workload.object.ref.namespace) return false;
  if (workload.kind === 'StatefulSet' && !isOrdinalOf(pod.ref.name, workload.object.ref.name)) return false;
  return matchesSelector(selector, asStringMap(asRecord(pod.value['metadata'])?.['labels']));
}

function podKey(pod: KubeObject): string {
  return `${pod.ref.namespace}/${pod.ref.name}`;
}

/** upstream: stateful_set_utils.go getParentNameAndOrdinal (`^(.*)-([0-9]+)$`) */
function isOrdinalOf(podName: string, setName: string): boolean {
  return podName.startsWith(`${setName}-`) && /^\d+$/.test(podName.slice(setName.length + 1));
}
