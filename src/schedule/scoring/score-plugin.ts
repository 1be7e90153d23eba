// The score-plugin contract used by placement (upstream framework.ScorePlugin with NormalizeScore), max score 100.
import type { ClusterState } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const MAX_NODE_SCORE = 100;

/** A group of feasible nodes that agree on some label keys and on everything the filters read. */
export interface FeasibleGroup {
  /** The group's first node (by name). */
  readonly node: NodeInfo;
  readonly size: number;
  members(): readonly NodeInfo[];
}

/** The nodes that passed the filters. */
export interface FeasibleNodes {
  /** Every one of them (listed on first call). */
  list(): readonly NodeInfo[];
  /** The same nodes in groups that agree on `keys` (one node per group when a key tells every node apart). */
  groups(keys: readonly string[]): readonly FeasibleGroup[];
}

export interface ScorePlugin<S = unknown> {
  readonly name: string;
  /** Default weight in the default profile (pkg/scheduler/apis/config/v1/default_plugins.go). */
  readonly weight: number;
  /**
   * True when a node's raw score depends only on that node and the pod, and normalize (if any) only scales by the
   * largest raw score: then placing a pod changes the scores of that node alone.
   */
  readonly perNode: boolean;
  /** Once per pod and cycle, over the nodes that passed the filters. Undefined skips the plugin. */
  preScore(pod: PodInfo, feasible: FeasibleNodes, cluster: ClusterState): S | undefined;
  score(pod: PodInfo, node: NodeInfo, state: S): number;
  /** Rewrites raw scores in place (NormalizeScore). */
  normalize?(scores: number[], state: S): void;
  nodeLabelKeys?(pod: PodInfo, state: S): Iterable<string>;
  usesNodeName?(pod: PodInfo, state: S): boolean;
  /** Images whose presence on a node the score reads (nodes that differ in them are scored apart). */
  nodeImages?(pod: PodInfo, state: S): Iterable<string>;
  /**
   * For a score that reads a node's hostname only for what is held there (its matching pods, a term's weight on its
   * domain): the nodes holding something; on every other node carrying the hostname label, the score is the one of
   * the nodes alike but for hostname. Without it, hostname among nodeLabelKeys tells every node apart.
   */
  hostnameHolders?(pod: PodInfo, state: S, cluster: ClusterState): Iterable<NodeInfo>;
  /**
   * For a plugin whose PreScore skips the pod: true when the pod's replicas, once bound, would make it score the later
   * ones (what the score counts is then on a node), so they cannot all be scored with the plugin skipped.
   */
  activatedByReplicas?(pod: PodInfo, cluster: ClusterState): boolean;
}

export function defineScorePlugin<S>(plugin: ScorePlugin<S>): ScorePlugin {
  return plugin as ScorePlugin;
}

/** helper.DefaultNormalizeScore: scale to [0, 100] by the maximum; `reverse` flips (fewer is better). */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const score of scores) if (score > max) max = score;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) scores[i] = reverse ? MAX_NODE_SCORE : (scores[i] ?? 0);
    else {
      const scaled = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / max);
      scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
    }
  }
}
