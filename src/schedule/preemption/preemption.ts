// DefaultPreemption's dry run for a pod that fits nowhere: which node, and which lower-priority pods it evicts.
// upstream: pkg/scheduler/framework/preemption/preemption.go DryRunPreemption, SelectCandidate,
// pickOneNodeForPreemption; plugins/defaultpreemption/default_preemption.go calculateNumCandidates,
// PodEligibleToPreemptOthers (v1.35). kubefit starts the candidate search at the first node (upstream: random).
import { maxOf, minOf } from '../../model/append.js';
import type { Feasibility } from '../feasibility.js';
import { rejectedStatuses } from '../feasibility.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import type { PreparedPod } from '../run-filters.js';
import { selectVictimsOnNode, startTimeOf, type Candidate, type PreemptionScope } from './select-victims.js';

export interface PreemptionResult {
  readonly node: string;
  /** "<namespace>/<name>" of every pod evicted, sorted. */
  readonly victims: readonly string[];
}

/** What the placement needs to carry the preemption out. */
export interface Preemption {
  readonly index: number;
  readonly node: NodeInfo;
  readonly victims: readonly PodInfo[];
}

const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

function numCandidates(numNodes: number): number {
  const n = Math.max(Math.floor((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE);
  return Math.min(n, numNodes);
}

/** Nodes preemption might help: rejected, but not UnschedulableAndUnresolvable (nodesWherePreemptionMightHelp). */
function potentialNodes(feasibility: Feasibility): number[] {
  const out: number[] = [];
  for (const [index, status] of rejectedStatuses(feasibility)) if (status.code === 'Unschedulable') out.push(index);
  return out.sort((a, b) => a - b);
}

/** DryRunPreemption: candidates in node order until enough are found (at least one without budget violations). */
function dryRunPreemption(prepared: PreparedPod, nodes: readonly number[], scope: PreemptionScope): Candidate[] {
  const wanted = numCandidates(nodes.length);
  const candidates: Candidate[] = [];
  let nonViolating = 0;
  for (const index of nodes) {
    const candidate = selectVictimsOnNode(prepared, index, scope);
    if (!candidate || candidate.victims.length === 0) continue;
    candidates.push(candidate);
    if (candidate.numPDBViolations === 0) nonViolating++;
    if (nonViolating > 0 && candidates.length >= wanted) break;
  }
  return candidates;
}

/** GetEarliestPodStartTime: the earliest start among the highest-priority victims. */
function earliestStartOfHighest(victims: readonly PodInfo[]): number {
  const highest = maxOf(victims.map((pod) => pod.priority), Number.NEGATIVE_INFINITY);
  return minOf(victims.filter((pod) => pod.priority === highest).map(startTimeOf), Number.POSITIVE_INFINITY);
}

const SCORES: readonly ((c: Candidate) => number)[] = [
  (c) => -c.numPDBViolations,
  (c) => -(c.victims[0]?.priority ?? 0),
  (c) => -c.victims.reduce((sum, pod) => sum + pod.priority + 2 ** 31, 0),
  (c) => -c.victims.length,
  (c) => earliestStartOfHighest(c.victims),
];

/** pickOneNodeForPreemption: each score in turn keeps the best candidates; the first remaining one wins. */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate | undefined {
  let remaining = [...candidates];
  for (const score of SCORES) {
    if (remaining.length <= 1) break;
    const best = remaining.reduce((max, candidate) => Math.max(max, score(candidate)), Number.NEGATIVE_INFINITY);
    remaining = remaining.filter((candidate) => score(candidate) === best);
  }
  return remaining[0];
}

/** The preemption kube-scheduler would make for `prepared` after the failed attempt `feasibility`, if any. */
export function findPreemption(prepared: PreparedPod, feasibility: Feasibility, scope: PreemptionScope): Preemption | undefined {
  if (!prepared.pod.mayPreempt || prepared.rejection) return undefined;
  const chosen = pickOneNodeForPreemption(dryRunPreemption(prepared, potentialNodes(feasibility), scope));
  const node = chosen ? scope.nodes.nodes[chosen.index] : undefined;
  return chosen && node ? { index: chosen.index, node, victims: chosen.victims } : undefined;
}

/** "<namespace>/<name>", as victims are reported. */
export function podKey(pod: PodInfo): string {
  return `${pod.namespace}/${pod.name}`;
}

/** The decision as reported: the node and the sorted victims, or null when preemption cannot help. */
export function toPreemptionResult(preemption: Preemption | undefined): PreemptionResult | null {
  return preemption ? { node: preemption.node.name, victims: preemption.victims.map(podKey).sort() } : null;
}
