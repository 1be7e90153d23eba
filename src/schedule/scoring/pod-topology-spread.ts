// PodTopologySpread score: the pod's ScheduleAnyway constraints, or the system default constraints when it has none.
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/scoring.go, plugin.go buildDefaultConstraints (v1.35)
import { HOSTNAME_LABEL } from '../node-info.js';
import type { PodInfo, TopologySpreadConstraint } from '../pod-info.js';
import {
  SYSTEM_DEFAULTING, countPods, defaultConstraints, hasAllTopologyKeys, matchesNodeInclusionPolicies, nodesCountingPods, nodesMayMatch, podCounter,
  type SpreadDefaulting,
} from '../plugins/pod-topology-spread.js';
import { MAX_NODE_SCORE, defineScorePlugin, type FeasibleNodes, type ScorePlugin } from './score-plugin.js';

export interface SpreadScoreState {
  readonly constraints: readonly TopologySpreadConstraint[];
  readonly ignored: ReadonlySet<string>;
  /** Per constraint: matching pods per topology value (hostname constraints are counted per node in Score). */
  readonly podCounts: readonly Map<string, number>[];
  readonly weights: readonly number[];
}

/**
 * The constraints PreScore works with, and whether nodes must carry all their keys: not so for system defaults only
 * (upstream: requireAllTopologies = len(pod constraints) > 0 || !systemDefaulted).
 */
function scoredConstraints(pod: PodInfo, defaulting: SpreadDefaulting): { constraints: TopologySpreadConstraint[]; requireAllTopologies: boolean } {
  if (pod.topologySpreadConstraints.length === 0) {
    return { constraints: defaultConstraints(pod, defaulting, 'ScheduleAnyway'), requireAllTopologies: defaulting.type === 'List' };
  }
  return { constraints: pod.topologySpreadConstraints.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway'), requireAllTopologies: true };
}

/** topologyNormalizingWeight: log(size + 2). */
export function normalizingWeight(size: number): number {
  return Math.log(size + 2);
}

// upstream: scoring.go initPreScoreState
function initPreScoreState(pod: PodInfo, feasible: FeasibleNodes, defaulting: SpreadDefaulting): SpreadScoreState & { requireAllTopologies: boolean } {
  const { constraints, requireAllTopologies } = scoredConstraints(pod, defaulting);
  const ignored = new Set<string>();
  const podCounts = constraints.map(() => new Map<string, number>());
  let counted = 0;
  // Nodes of a group agree on every key read here (hostname only matters by its presence, for requireAllTopologies).
  const keys = constraints.map((c) => c.topologyKey).filter((key) => requireAllTopologies || key !== HOSTNAME_LABEL);
  for (const { node, size, members } of feasible.groups(keys)) {
    if (requireAllTopologies && !hasAllTopologyKeys(node, constraints)) {
      for (const member of members()) ignored.add(member.name);
      continue;
    }
    counted += size;
    constraints.forEach((c, i) => {
      if (c.topologyKey !== HOSTNAME_LABEL) podCounts[i]?.set(node.labels[c.topologyKey] ?? '', 0);
    });
  }
  const weights = constraints.map((c, i) => normalizingWeight(c.topologyKey === HOSTNAME_LABEL ? counted : (podCounts[i]?.size ?? 0)));
  return { constraints, ignored, podCounts, weights, requireAllTopologies };
}

/**
 * Score: for each constraint whose key the node has, the matching pods of its domain (of the node itself for
 * hostname) times the constraint's weight, plus maxSkew - 1; rounded.
 */
export function spreadRawScore(
  state: SpreadScoreState,
  valueOf: (c: TopologySpreadConstraint) => string | undefined,
  hostCount: (c: TopologySpreadConstraint) => number,
): number {
  let score = 0;
  state.constraints.forEach((c, i) => {
    const value = valueOf(c);
    if (value === undefined) return;
    const count = c.topologyKey === HOSTNAME_LABEL ? hostCount(c) : (state.podCounts[i]?.get(value) ?? 0);
    score += count * (state.weights[i] ?? 0) + (c.maxSkew - 1);
  });
  return Math.round(score);
}

/** The PodTopologySpread score with the profile's default constraints (weight 2 in the default profile). */
export function podTopologySpreadScore(defaulting: SpreadDefaulting): ScorePlugin {
  return defineScorePlugin<SpreadScoreState>({
    name: 'PodTopologySpread',
    weight: 2,
    perNode: false,
    preScore(pod, feasible, cluster) {
      if (pod.topologySpreadConstraints.length === 0 && !pod.systemDefaultSpreadSelector) return undefined;
      const state = initPreScoreState(pod, feasible, defaulting);
      if (state.constraints.length === 0) return undefined;
      state.constraints.forEach((c, i) => {
        const counts = state.podCounts[i];
        // Hostname constraints are counted per node in Score.
        if (!counts || c.topologyKey === HOSTNAME_LABEL) return;
        const countPods = podCounter(c, pod);
        for (const node of nodesMayMatch(c.selector, pod.namespace, cluster)) {
          if (state.requireAllTopologies && !hasAllTopologyKeys(node, state.constraints)) continue;
          const value = node.labels[c.topologyKey] ?? '';
          const count = counts.get(value);
          if (count === undefined || !matchesNodeInclusionPolicies(c, pod, node)) continue;
          counts.set(value, count + countPods(node));
        }
      });
      return state;
    },
    // Score reads hostname for the node's own count of matching pods (every other node counts none).
    hostnameHolders: (pod, state, cluster) => nodesCountingPods(state.constraints.filter((c) => c.topologyKey === HOSTNAME_LABEL), pod, cluster),
    score(pod, node, state) {
      if (state.ignored.has(node.name)) return Number.NaN;
      return spreadRawScore(state, (c) => node.labels[c.topologyKey], (c) => countPods(c, pod, node));
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
}

export default podTopologySpreadScore(SYSTEM_DEFAULTING);
