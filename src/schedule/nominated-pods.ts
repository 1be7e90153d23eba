// Pods an earlier preemption nominated to a node (status.nominatedNodeName) and not bound yet: the filters keep their
// room there from pods of equal or lower priority. Each such node is filtered twice, with the nominated pods and
// without them, and fits only when both pass; the first failure is its status.
// upstream: pkg/scheduler/framework/runtime/framework.go RunFilterPluginsWithNominatedPods, addGENominatedPods;
// pkg/scheduler/backend/queue/nominator.go; default_preemption.go getLowerPriorityNominatedPods (v1.35)
import { filterChangedNode } from './changed-node.js';
import { statusOf, type Feasibility, type Verdict } from './feasibility.js';
import type { NodeClasses } from './node-classes.js';
import { addPodToNode, type NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { NodeStatus, PreparedPod } from './run-filters.js';

/** The nominator: pending pods by the node they were nominated to. */
export class NominatedPods {
  readonly #byNode = new Map<string, PodInfo[]>();

  /** The pending pods among `pods` that name a nominated node. */
  constructor(pods: Iterable<PodInfo>) {
    for (const pod of pods) {
      if (pod.nominatedNodeName === undefined || pod.nodeName !== undefined) continue;
      const list = this.#byNode.get(pod.nominatedNodeName);
      if (list) list.push(pod);
      else this.#byNode.set(pod.nominatedNodeName, [pod]);
    }
  }

  get size(): number {
    return this.#byNode.size;
  }

  /** The pods nominated to `nodeName` that `pod` must leave room for: of equal or higher priority, not the pod itself. */
  on(nodeName: string, pod: PodInfo): PodInfo[] {
    return (this.#byNode.get(nodeName) ?? []).filter((nominated) => nominated.priority >= pod.priority && !samePod(nominated, pod));
  }

  /** Whether some node keeps room from `pod`. */
  reserveFor(pod: PodInfo): boolean {
    for (const name of this.#byNode.keys()) if (this.on(name, pod).length > 0) return true;
    return false;
  }

  /**
   * The node `pod` is nominated to now: its status' node until it binds or loses the nomination (upstream: a cleared
   * status.nominatedNodeName, which evaluateNominatedNode and PodEligibleToPreemptOthers read).
   */
  nominatedNodeName(pod: PodInfo): string | undefined {
    const name = pod.nominatedNodeName;
    return name !== undefined && this.#byNode.get(name)?.some((nominated) => samePod(nominated, pod)) ? name : undefined;
  }

  /** The names of the nodes pods are nominated to. */
  nodeNames(): Iterable<string> {
    return this.#byNode.keys();
  }

  /**
   * `pod` is nominated no longer: it was bound (upstream: the nominator forgets an assumed pod), or its PostFilter
   * cleared its nomination (nominator.go addNominatedPodUnlocked with ModeOverride and no node name).
   */
  deleteNominatedPodIfExists(pod: PodInfo): void {
    this.#remove(pod.nominatedNodeName, (nominated) => samePod(nominated, pod));
  }

  /**
   * A preemption made room on `nodeName` for a pod of `priority`: the pods nominated there with a lower priority lose
   * their nomination (upstream: prepareCandidate clears it through getLowerPriorityNominatedPods).
   */
  preempted(nodeName: string, priority: number): void {
    this.#remove(nodeName, (nominated) => nominated.priority < priority);
  }

  #remove(nodeName: string | undefined, removed: (pod: PodInfo) => boolean): void {
    const list = nodeName === undefined ? undefined : this.#byNode.get(nodeName);
    if (!list || nodeName === undefined) return;
    const kept = list.filter((pod) => !removed(pod));
    if (kept.length > 0) this.#byNode.set(nodeName, kept);
    else this.#byNode.delete(nodeName);
  }
}

/** Upstream compares UIDs: a pending pod of the snapshot is one object, known by its namespace and name. */
function samePod(a: PodInfo, b: PodInfo): boolean {
  return a === b || (a.namespace === b.namespace && a.name === b.name);
}

/**
 * The filters' verdict on `node` standing in for node `index`: with the pods nominated there that the pod must leave
 * room for, then (when that passes) without them.
 */
export function filterWithNominatedPods(prepared: PreparedPod, index: number, node: NodeInfo, nodes: NodeClasses, nominated: NominatedPods | undefined): NodeStatus | undefined {
  const reserved = nominated?.size ? nominated.on(node.name, prepared.pod) : [];
  if (reserved.length > 0) {
    const status = filterChangedNode(prepared, index, reserved.reduce(addPodToNode, node), nodes);
    if (status) return status;
  }
  return filterChangedNode(prepared, index, node, nodes);
}

/** `feasibility` with the verdicts of the nodes that keep room for nominated pods, each node a verdict of its own. */
export function withNominatedPods(feasibility: Feasibility, prepared: PreparedPod, nodes: NodeClasses, nominated: NominatedPods): Feasibility {
  if (nominated.size === 0 || prepared.rejection) return feasibility;
  const changed = new Map<number, NodeStatus | undefined>();
  for (const name of nominated.nodeNames()) {
    const reserved = nominated.on(name, prepared.pod);
    const index = reserved.length > 0 ? nodes.indexOf(name) : undefined;
    const node = index === undefined ? undefined : nodes.nodes[index];
    // a node a PreFilter left out is not filtered at all
    if (!node || index === undefined || (prepared.nodeNames && !prepared.nodeNames.has(name))) continue;
    changed.set(index, filterChangedNode(prepared, index, reserved.reduce(addPodToNode, node), nodes) ?? statusOf(feasibility, index));
  }
  if (changed.size === 0) return feasibility;
  const verdicts: Verdict[] = [];
  for (const verdict of feasibility.verdicts) {
    const members = verdict.members.some((index) => changed.has(index)) ? verdict.members.filter((index) => !changed.has(index)) : verdict.members;
    if (members.length > 0) verdicts.push(members === verdict.members ? verdict : { ...verdict, members });
  }
  for (const [index, status] of changed) verdicts.push({ key: nodes.nodes[index]?.name ?? '', members: [index], status });
  return { ...feasibility, verdicts };
}
