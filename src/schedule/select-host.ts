// Scores the feasible nodes for a pod with the default score plugins and picks the best (ties: smallest node name).
// upstream: pkg/scheduler/schedule_one.go prioritizeNodes, selectHost (kubefit breaks ties by name, not at random)
import type { ClusterState } from './framework.js';
import type { NodeClasses } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { SCORE_PLUGINS } from './scoring/index.js';
import type { ScorePlugin } from './scoring/score-plugin.js';

interface ActiveScore {
  readonly plugin: ScorePlugin;
  readonly state: unknown;
}

/** Index of the chosen node among `feasible` (ascending indices into `nodes.nodes`). */
export function selectHost(
  pod: PodInfo,
  feasible: readonly number[],
  nodes: NodeClasses,
  context: { readonly cluster: ClusterState; readonly filterKeys: readonly string[]; readonly usesName: boolean },
): number | undefined {
  if (feasible.length <= 1) return feasible[0];
  let feasibleNodes: NodeInfo[] | undefined;
  const listFeasible = (): NodeInfo[] => (feasibleNodes ??= feasible.flatMap((i) => nodes.nodes[i] ?? []));
  const active: ActiveScore[] = [];
  const keys = new Set(context.filterKeys);
  let usesName = context.usesName;
  for (const plugin of SCORE_PLUGINS) {
    const state = plugin.preScore(pod, listFeasible, context.cluster);
    if (state === undefined) continue;
    active.push({ plugin, state });
    for (const key of plugin.nodeLabelKeys?.(pod, state) ?? []) keys.add(key);
    usesName ||= plugin.usesNodeName?.(pod, state) ?? false;
  }
  const isFeasible = new Uint8Array(nodes.nodes.length);
  for (const index of feasible) isFeasible[index] = 1;
  const candidates: number[] = [];
  for (const nodeClass of nodes.classes({ keys: [...keys].sort(), usesName })) {
    const first = nodeClass.members[0];
    if (first !== undefined && isFeasible[first] === 1) candidates.push(first);
  }
  return best(candidates, totals(pod, candidates, nodes, active));
}

function totals(pod: PodInfo, candidates: readonly number[], nodes: NodeClasses, active: readonly ActiveScore[]): number[] {
  const total = candidates.map(() => 0);
  for (const { plugin, state } of active) {
    const scores = candidates.map((index) => {
      const node = nodes.nodes[index];
      return node ? plugin.score(pod, node, state) : 0;
    });
    plugin.normalize?.(scores, state);
    scores.forEach((score, i) => (total[i] = (total[i] ?? 0) + score * plugin.weight));
  }
  return total;
}

function best(candidates: readonly number[], total: readonly number[]): number | undefined {
  let chosen: number | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((index, i) => {
    const score = total[i] ?? 0;
    if (score > bestScore || (score === bestScore && chosen !== undefined && index < chosen)) {
      chosen = index;
      bestScore = score;
    }
  });
  return chosen;
}
