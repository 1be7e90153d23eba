// The nodes holding pods that a pod's hostname spread constraints count: on every other node each such count is 0, so
// those nodes read alike to the constraints (placement need not tell them apart by hostname).
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

  /** After a pod was placed on node `index`: it holds from now on when some constraint counts a pod there. */
  placed(index: number, node: NodeInfo): void {
    if (this.#counters.some((count) => count(node) > 0)) this.indices.add(index);
  }
}

/**
 * Whether hostname reaches the filters and scores only through hostname spread constraints, which read each node's
 * own count of matching pods: then nodes without such pods need not be told apart by hostname, and one candidate
 * stands for all of them in a class.
 */
export function readsHostnameAsCounts(hostname: readonly TopologySpreadConstraint[], pod: PodInfo, scoring: Scoring, feasibility: Feasibility, nodes: NodeClasses): boolean {
  if (hostname.length === 0 || scoring.spec.usesName || feasibility.spec?.keys.includes(HOSTNAME_LABEL)) return false;
  const others = scoring.active.filter(({ plugin }) => plugin.name !== 'PodTopologySpread');
  if (others.some(({ plugin, state }) => [...(plugin.nodeLabelKeys?.(pod, state) ?? [])].includes(HOSTNAME_LABEL))) return false;
  // A node without the label is scored or filtered apart (the constraint skips or rejects it): classes without the key cannot show that.
  return nodes.everyNodeHasLabel(HOSTNAME_LABEL);
}
