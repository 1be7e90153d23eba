// Scores the feasible nodes for a pod with the default score plugins and picks the best (ties: smallest node name).
// upstream: pkg/scheduler/schedule_one.go prioritizeNodes, selectHost (kubefit breaks ties by name, not at random)
import type { Feasibility } from './feasibility.js';
import type { ClusterState } from './framework.js';
import type { ClassSpec, NodeClasses } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { SCORE_PLUGINS } from './scoring/index.js';
import type { ScorePlugin } from './scoring/score-plugin.js';

interface ActiveScore {
  readonly plugin: ScorePlugin;
  readonly state: unknown;
}

/** Index (into `nodes.nodes`) of the node the pod goes to, or undefined when no node is feasible. */
export function selectHost(pod: PodInfo, feasibility: Feasibility, nodes: NodeClasses, cluster: ClusterState): number | undefined {
  const feasibleVerdicts = feasibility.verdicts.filter((verdict) => !verdict.status);
  if (feasibleVerdicts.length === 0) return undefined;
  if (feasibleVerdicts.length === 1 && feasibleVerdicts[0]?.members.length === 1) return feasibleVerdicts[0].members[0];
  let feasibleNodes: NodeInfo[] | undefined;
  const listFeasible = (): NodeInfo[] =>
    (feasibleNodes ??= feasibleVerdicts.flatMap((v) => v.members.flatMap((i) => nodes.nodes[i] ?? [])));
  const active: ActiveScore[] = [];
  const keys = new Set(feasibility.spec?.keys ?? []);
  let usesName = feasibility.spec?.usesName ?? true;
  for (const plugin of SCORE_PLUGINS) {
    const state = plugin.preScore(pod, listFeasible, cluster);
    if (state === undefined) continue;
    active.push({ plugin, state });
    for (const key of plugin.nodeLabelKeys?.(pod, state) ?? []) keys.add(key);
    usesName ||= plugin.usesNodeName?.(pod, state) ?? false;
  }
  const candidates = candidatesOf(feasibility, nodes, { keys: [...keys].sort(), usesName });
  return best(candidates, totals(pod, candidates, nodes, active));
}

/** One representative node per class of nodes that the filters and the active scores cannot tell apart. */
function candidatesOf(feasibility: Feasibility, nodes: NodeClasses, scoreSpec: ClassSpec): number[] {
  const filterSpec = feasibility.spec;
  if (!filterSpec) return feasibility.verdicts.flatMap((v) => (v.status ? [] : v.members));
  const feasibleKeys = new Set(feasibility.verdicts.filter((v) => !v.status).map((v) => v.key));
  const candidates: number[] = [];
  for (const nodeClass of nodes.classes(scoreSpec)) {
    const first = nodeClass.members[0];
    if (first !== undefined && feasibleKeys.has(nodes.classKeyOf(filterSpec, first))) candidates.push(first);
  }
  return candidates;
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
