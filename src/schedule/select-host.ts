// Scores the feasible nodes for a pod with its profile's score plugins and picks the best (ties: smallest node name).
// upstream: pkg/scheduler/schedule_one.go prioritizeNodes, selectHost (kubefit breaks ties by name, not at random)
import type { Feasibility, Verdict } from './feasibility.js';
import type { ClusterState } from './framework.js';
import { specId, type ClassSpec, type NodeClass, type NodeClasses } from './node-classes.js';
import { HOSTNAME_LABEL, type NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { SCORE_PLUGINS } from './scoring/index.js';
import type { FeasibleGroup, FeasibleNodes, ScorePlugin } from './scoring/score-plugin.js';
import { mayLeaveHostnameOut } from './hostname-holders.js';

export interface ActiveScore {
  readonly plugin: ScorePlugin;
  readonly state: unknown;
}

/** The score plugins that take part for this pod, and the node classes they (and the filters) cannot tell apart. */
export interface Scoring {
  readonly active: readonly ActiveScore[];
  readonly spec: ClassSpec;
}

/** The feasible nodes, listed or grouped on demand (groups are NodeClasses classes, kept across placements). */
function feasibleNodesOf(feasibility: Feasibility, nodes: NodeClasses): FeasibleNodes {
  let listed: NodeInfo[] | undefined;
  const list = (): NodeInfo[] => (listed ??= feasibility.verdicts.flatMap((v) => (v.status ? [] : v.members.flatMap((i) => nodes.nodes[i] ?? []))));
  const single = (node: NodeInfo): FeasibleGroup => ({ node, size: 1, members: () => [node] });
  return {
    list,
    groups(keys) {
      const spec = feasibility.spec;
      // Hostname tells every node apart: a grouping by it would be one more per-node index to keep up to date.
      if (!spec || keys.includes(HOSTNAME_LABEL)) return list().map(single);
      const byKeys: ClassSpec = { ...spec, keys: [...new Set([...spec.keys, ...keys])].sort() };
      return feasibleClasses(feasibility, nodes, byKeys).flatMap(({ members }) => {
        const node = nodes.nodes[members[0] ?? -1];
        return node ? [{ node, size: members.length, members: () => members.flatMap((i) => nodes.nodes[i] ?? []) }] : [];
      });
    },
  };
}

export function prepareScoring(pod: PodInfo, feasibility: Feasibility, nodes: NodeClasses, cluster: ClusterState): Scoring {
  const feasible = feasibleNodesOf(feasibility, nodes);
  const active: ActiveScore[] = [];
  const keys = new Set(feasibility.spec?.keys ?? []);
  let usesName = feasibility.spec?.usesName ?? true;
  const images = new Set<string>();
  for (const plugin of pod.profile?.scores ?? SCORE_PLUGINS) {
    const state = plugin.preScore(pod, feasible, cluster);
    if (state === undefined) continue;
    active.push({ plugin, state });
    for (const key of plugin.nodeLabelKeys?.(pod, state) ?? []) keys.add(key);
    usesName ||= plugin.usesNodeName?.(pod, state) ?? false;
    for (const image of plugin.nodeImages?.(pod, state) ?? []) images.add(image);
  }
  return { active, spec: { keys: [...keys].sort(), usesName, ...(images.size > 0 && { images: [...images].sort() }) } };
}

/** True when a score the pod's PreScore skipped would score its later replicas once earlier ones are bound. */
export function activatedByReplicas(pod: PodInfo, active: readonly ActiveScore[], cluster: ClusterState): boolean {
  return (pod.profile?.scores ?? SCORE_PLUGINS).some((plugin) => plugin.activatedByReplicas !== undefined && !active.some((a) => a.plugin === plugin) && plugin.activatedByReplicas(pod, cluster));
}

/**
 * The error a PreScore plugin fails with for the pod, which kube-scheduler reports instead of binding it (reason
 * SchedulerError, retried with backoff): NodeAffinity's, for preferred terms it cannot parse. Scoring runs only when
 * more than one node is feasible.
 * upstream: framework/runtime/framework.go RunPreScorePlugins; nodeaffinity/node_affinity.go PreScore (v1.35)
 */
export function preScoreError(pod: PodInfo, feasibility: Feasibility): string | undefined {
  const error = pod.preferredNodeAffinityError;
  if (error === undefined || !(pod.profile?.scores ?? SCORE_PLUGINS).some((plugin) => plugin.name === 'NodeAffinity')) return undefined;
  let feasible = 0;
  for (const verdict of feasibility.verdicts) if (!verdict.status) feasible += verdict.members.length;
  return feasible > 1 ? `running PreScore plugin "NodeAffinity": ${error}` : undefined;
}

/** Index (into `nodes.nodes`) of the node the pod goes to, or undefined when no node is feasible. */
export function selectHost(pod: PodInfo, feasibility: Feasibility, nodes: NodeClasses, cluster: ClusterState): number | undefined {
  const feasibleVerdicts = feasibility.verdicts.filter((verdict) => !verdict.status);
  if (feasibleVerdicts.length === 0) return undefined;
  if (feasibleVerdicts.length === 1 && feasibleVerdicts[0]?.members.length === 1) return feasibleVerdicts[0].members[0];
  const scoring = prepareScoring(pod, feasibility, nodes, cluster);
  const candidates = hostnameHeldCandidates(pod, feasibility, { scoring, nodes, cluster }) ?? candidatesOf(feasibility, nodes, scoring.spec);
  return selectHighestScore(candidates, totals(rawScores(pod, candidates, nodes, scoring.active), scoring.active));
}

/**
 * When every score that reads hostname reads it only for what a node holds (ScorePlugin.hostnameHolders: spreading's
 * count of matching pods, inter-pod affinity's weight per domain): one candidate per class without hostname for the
 * nodes holding nothing, each holder apart; undefined otherwise. Pods placed one at a time (a StatefulSet's replicas
 * with claims of their own) scored every node of 5,000 for each of 1,000 replicas (2.3 s; with preferred hostname
 * anti-affinity, 9 s).
 */
function hostnameHeldCandidates(pod: PodInfo, feasibility: Feasibility, context: { scoring: Scoring; nodes: NodeClasses; cluster: ClusterState }): number[] | undefined {
  const { scoring, nodes, cluster } = context;
  if (!scoring.spec.keys.includes(HOSTNAME_LABEL) || !mayLeaveHostnameOut(scoring, feasibility, nodes)) return undefined;
  const holders = new Set<number>();
  for (const { plugin, state } of scoring.active) {
    if (![...(plugin.nodeLabelKeys?.(pod, state) ?? [])].includes(HOSTNAME_LABEL)) continue;
    if (!plugin.hostnameHolders) return undefined;
    for (const node of plugin.hostnameHolders(pod, state, cluster)) {
      const index = nodes.indexOf(node.name);
      if (index !== undefined) holders.add(index);
    }
  }
  const spec: ClassSpec = { ...scoring.spec, keys: scoring.spec.keys.filter((key) => key !== HOSTNAME_LABEL) };
  return representatives(feasibility, nodes, spec, holders).map(({ index }) => index);
}

/** One representative node (the first by name) per class of feasible nodes under the scoring spec. */
export function candidatesOf(feasibility: Feasibility, nodes: NodeClasses, scoreSpec: ClassSpec): number[] {
  if (!feasibility.spec) return feasibility.verdicts.flatMap((v) => (v.status ? [] : v.members));
  return feasibleClasses(feasibility, nodes, scoreSpec).map((nodeClass) => nodeClass.members[0] ?? -1);
}

/** A class of feasible nodes: a node class, or a feasible verdict where it is one. */
export type FeasibleClass = Pick<Verdict, 'key' | 'members'>;

/** feasibleClasses per Feasibility and spec id: scoring and the replica queue ask for the same grouping in turn. */
const feasibleClassesSeen = new WeakMap<Feasibility, Map<string, readonly FeasibleClass[]>>();

/** The classes under the scoring spec whose nodes passed the filters (none without a filter spec). */
export function feasibleClasses(feasibility: Feasibility, nodes: NodeClasses, scoreSpec: ClassSpec): readonly FeasibleClass[] {
  let seen = feasibleClassesSeen.get(feasibility);
  if (!seen) feasibleClassesSeen.set(feasibility, (seen = new Map()));
  const id = specId(scoreSpec);
  let classes = seen.get(id);
  if (!classes) seen.set(id, (classes = listFeasibleClasses(feasibility, nodes, { spec: scoreSpec, id })));
  return classes;
}

function listFeasibleClasses(feasibility: Feasibility, nodes: NodeClasses, scoreSpec: { spec: ClassSpec; id: string }): FeasibleClass[] {
  const filterSpec = feasibility.spec;
  if (!filterSpec) return [];
  // Scores that tell no more nodes apart than the filters (the usual case): the feasible verdicts are the classes, in
  // the grouping's order, so the pass over every class (the ones placements split off included) is not needed.
  if (scoreSpec.id === specId(filterSpec)) return feasibility.verdicts.filter((verdict) => !verdict.status);
  const feasibleKeys = new Set(feasibility.verdicts.filter((v) => !v.status).map((v) => v.key));
  const out: NodeClass[] = [];
  const classes = nodes.classes(scoreSpec.spec);
  const filterKeys = nodes.classKeys(filterSpec);
  for (const nodeClass of classes) {
    const first = nodeClass.members[0];
    if (first !== undefined && feasibleKeys.has(filterKeys(first))) out.push(nodeClass);
  }
  return out;
}

/**
 * Per feasible class: its first member outside `holders`, standing for all of them, and each holder alone; with how
 * many feasible nodes each stands for.
 */
export function representatives(feasibility: Feasibility, nodes: NodeClasses, spec: ClassSpec, holders: ReadonlySet<number>): Representative[] {
  const out: Representative[] = [];
  for (const { key, members } of feasibleClasses(feasibility, nodes, spec)) {
    const held = holders.size === 0 ? [] : members.filter((index) => holders.has(index));
    const free = held.length === 0 ? members[0] : members.find((index) => !holders.has(index));
    if (free !== undefined) out.push({ index: free, size: members.length - held.length, key, holder: false });
    for (const index of held) out.push({ index, size: 1, key, holder: true });
  }
  return out;
}

/** A candidate node and how many feasible nodes it stands for (those of its class outside the holders, or itself). */
export interface Representative {
  readonly index: number;
  readonly size: number;
  /** The key of its class. */
  readonly key: string;
  readonly holder: boolean;
}

/** Raw scores, one row per active plugin, one column per candidate. */
export function rawScores(pod: PodInfo, candidates: readonly number[], nodes: NodeClasses, active: readonly ActiveScore[]): number[][] {
  return active.map(({ plugin, state }) =>
    candidates.map((index) => {
      const node = nodes.nodes[index];
      return node ? plugin.score(pod, node, state) : 0;
    }),
  );
}

/** Normalised, weighted sums of the raw scores per candidate. */
export function totals(raw: readonly (readonly number[])[], active: readonly ActiveScore[]): number[] {
  const total = (raw[0] ?? []).map(() => 0);
  active.forEach(({ plugin, state }, p) => {
    const scores = [...(raw[p] ?? [])];
    plugin.normalize?.(scores, state);
    scores.forEach((score, i) => (total[i] = (total[i] ?? 0) + score * plugin.weight));
  });
  return total;
}

/**
 * schedule_one.go selectHost's pick: the candidate (a node index) with the highest total; ties go to the smallest index,
 * the first node by name (upstream: one of them at random). Undefined for no candidates (upstream: errEmptyPriorityList).
 */
export function selectHighestScore(candidates: readonly number[], total: readonly number[]): number | undefined {
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
