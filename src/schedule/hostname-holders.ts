// The nodes holding pods that a pod's hostname spread constraints count: on every other node each such count is 0, so
// those nodes read alike to the constraints; and when placement may leave hostname out of its node classes for that.
import type { Feasibility } from './feasibility.js';
import type { ClusterState } from './framework.js';
import type { NodeClasses } from './node-classes.js';
import { HOSTNAME_LABEL, type NodeInfo } from './node-info.js';
import type { PodInfo, TopologySpreadConstraint } from './pod-info.js';
import { nodesCountingPods, podCounter } from './plugins/pod-topology-spread.js';
import type { Scoring } from './select-host.js';

export class HostnameHolders {
  readonly #counters: readonly ((node: NodeInfo) => number)[];
  /** Indices of the holders. */
  readonly indices = new Set<number>();

  /** The holders now, for the hostname constraints (of the filter and the score) of `pod`. */
  constructor(constraints: readonly TopologySpreadConstraint[], pod: PodInfo, cluster: ClusterState, nodes: NodeClasses) {
    this.#counters = constraints.map((constraint) => podCounter(constraint, pod));
    for (const node of nodesCountingPods(constraints, pod, cluster)) {
      const index = nodes.indexOf(node.name);
      if (index !== undefined) this.indices.add(index);
    }
  }

  /**
   * After a pod was placed on node `index`: it holds from now on when some constraint counts a pod there. A holder
   * stays one (a bind only adds pods), so its pods are not counted again: a node taking thousands of replicas counted
   * them all at each bind.
   */
  placed(index: number, node: NodeInfo): void {
    if (!this.indices.has(index) && this.#counters.some((count) => count(node) > 0)) this.indices.add(index);
  }
}

/**
 * Whether scoring classes may leave hostname out for the scores that read it only for what a node holds: nothing
 * reads the node's name, the filters (those of `feasibility`) do not read hostname, and every node has the label (a
 * node without it is scored or filtered apart, which classes without the key cannot show).
 */
export function mayLeaveHostnameOut(scoring: Scoring, feasibility: Feasibility, nodes: NodeClasses): boolean {
  return !scoring.spec.usesName && feasibility.spec !== undefined && !feasibility.spec.keys.includes(HOSTNAME_LABEL) && nodes.everyNodeHasLabel(HOSTNAME_LABEL);
}

/**
 * Whether hostname reaches the filters and scores only through hostname spread constraints, which read each node's
 * own count of matching pods: then nodes without such pods need not be told apart by hostname, and one candidate
 * stands for all of them in a class.
 */
export function readsHostnameAsCounts(hostname: readonly TopologySpreadConstraint[], pod: PodInfo, scoring: Scoring, feasibility: Feasibility, nodes: NodeClasses): boolean {
  if (hostname.length === 0 || !mayLeaveHostnameOut(scoring, feasibility, nodes)) return false;
  const others = scoring.active.filter(({ plugin }) => plugin.name !== 'PodTopologySpread');
  return !others.some(({ plugin, state }) => [...(plugin.nodeLabelKeys?.(pod, state) ?? [])].includes(HOSTNAME_LABEL));
}
