// PodTopologySpread score for the pod's ScheduleAnyway constraints (cluster-level default constraints are not applied).
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/scoring.go (v1.35)
import { HOSTNAME_LABEL, type NodeInfo } from '../node-info.js';
import type { PodInfo, TopologySpreadConstraint } from '../pod-info.js';
import { countPods, hasAllTopologyKeys, matchesNodeInclusionPolicies } from '../plugins/pod-topology-spread.js';
import { pairKey } from '../topology.js';
import { MAX_NODE_SCORE, defineScorePlugin } from './score-plugin.js';

interface ScoreState {
  readonly constraints: readonly TopologySpreadConstraint[];
  readonly ignored: ReadonlySet<string>;
  readonly podCounts: Map<string, number>;
  readonly weights: readonly number[];
}

export default defineScorePlugin<ScoreState>({
  name: 'PodTopologySpread',
  weight: 2,
  perNode: false,
  preScore(pod, feasible, cluster) {
    const constraints = pod.topologySpreadConstraints.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
    if (constraints.length === 0) return undefined;
    const ignored = new Set<string>();
    const podCounts = new Map<string, number>();
    const sizes = constraints.map(() => 0);
    for (const node of feasible()) {
      if (!hasAllTopologyKeys(node, constraints)) {
        ignored.add(node.name);
        continue;
      }
      constraints.forEach((c, i) => {
        const key = pairKey(c.topologyKey, node.labels[c.topologyKey] ?? '');
        if (c.topologyKey === HOSTNAME_LABEL || podCounts.has(key)) return;
        podCounts.set(key, 0);
        sizes[i] = (sizes[i] ?? 0) + 1;
      });
    }
    for (const node of cluster.nodesWithPods()) {
      if (!hasAllTopologyKeys(node, constraints)) continue;
      for (const c of constraints) {
        const key = pairKey(c.topologyKey, node.labels[c.topologyKey] ?? '');
        if (!podCounts.has(key) || !matchesNodeInclusionPolicies(c, pod, node)) continue;
        podCounts.set(key, (podCounts.get(key) ?? 0) + countPods(c, pod, node));
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME_LABEL ? feasible().length - ignored.size : (sizes[i] ?? 0)) + 2));
    return { constraints, ignored, podCounts, weights };
  },
  score(pod, node, state) {
    if (state.ignored.has(node.name)) return Number.NaN;
    let score = 0;
    state.constraints.forEach((c, i) => {
      const value = node.labels[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === HOSTNAME_LABEL ? countPods(c, pod, node) : (state.podCounts.get(pairKey(c.topologyKey, value)) ?? 0);
      score += count * (state.weights[i] ?? 0) + (c.maxSkew - 1);
    });
    return Math.round(score);
  },
  normalize(scores) {
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (const score of scores) {
      if (Number.isNaN(score)) continue;
      min = Math.min(min, score);
      max = Math.max(max, score);
    }
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i] ?? 0;
      if (Number.isNaN(score)) scores[i] = 0;
      else scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - score)) / max);
    }
  },
  nodeLabelKeys: (_pod, state) => state.constraints.map((c) => c.topologyKey),
});
