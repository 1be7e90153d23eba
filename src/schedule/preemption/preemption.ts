// DefaultPreemption's dry run for a pod that fits nowhere: which node, and which lower-priority pods it evicts.
// upstream: pkg/scheduler/framework/preemption/preemption.go DryRunPreemption, SelectCandidate,
// pickOneNodeForPreemption; plugins/defaultpreemption/default_preemption.go calculateNumCandidates,
// PodEligibleToPreemptOthers, PostFilter (v1.35). kubefit starts the candidate search at the first node (upstream:
// random), so the node statuses of a failed search are those of every potential node.
import { appendAll, maxOf, minOf } from '../../model/append.js';
import type { Feasibility } from '../feasibility.js';
import { statusOf, unlistedIndices } from '../feasibility.js';
import { fitErrorMessage } from '../fit-error.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import type { PreparedPod } from '../run-filters.js';
import { dynamicResourcesPostFilter, type PostFilterStatus } from './dynamic-resources.js';
import { NO_VICTIMS, selectVictimsOnNode, startTimeOf, type Candidate, type DryRunStatus, type PreemptionScope } from './select-victims.js';

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

/** DefaultPreemptionArgs: how many candidate nodes the dry run looks for. */
export interface PreemptionArgs {
  readonly minCandidateNodesPercentage: number;
  readonly minCandidateNodesAbsolute: number;
}

export const DEFAULT_PREEMPTION_ARGS: PreemptionArgs = { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 };

// upstream: plugins/defaultpreemption/default_preemption.go GetOffsetAndNumCandidates (kubefit starts at offset 0)
function numCandidates(numNodes: number, args: PreemptionArgs): number {
  const n = Math.max(Math.floor((numNodes * args.minCandidateNodesPercentage) / 100), args.minCandidateNodesAbsolute);
  return Math.min(n, numNodes);
}

/**
 * Indices of the nodes preemption might help: those the filters rejected as Unschedulable, not
 * UnschedulableAndUnresolvable (upstream: preemption.go findCandidates, NodeToStatus.NodesForStatusCode).
 */
export function nodesWherePreemptionMightHelp(feasibility: Feasibility): number[] {
  const out: number[] = [];
  for (const verdict of feasibility.verdicts) if (verdict.status?.code === 'Unschedulable') appendAll(out, verdict.members);
  if (feasibility.others?.code === 'Unschedulable') appendAll(out, unlistedIndices(feasibility));
  return out.sort((a, b) => a - b);
}

/**
 * The DefaultPreemption PostFilter's outcome: the preemption it makes, or its status message ("preemption: ..."), and
 * whether its result takes the pod's nomination away (it found no candidate: NewPostFilterResultWithNominatedNode("")).
 */
export type PostFilterOutcome = { readonly preemption: Preemption } | PostFilterFailure;

interface PostFilterFailure {
  readonly message: string;
  readonly clearsNominatedNodeName?: true;
}

interface DryRun {
  readonly candidates: Candidate[];
  /** The statuses of the potential nodes that gave no candidate. */
  readonly statuses: DryRunStatus[];
}

/** How far the dry run goes: far enough to pick the node as upstream does, or only to the first candidate. */
type CandidateSearch = 'pick' | 'any';

/**
 * DryRunPreemption: candidates in node order until enough are found (at least one without budget violations). Like
 * upstream's candidate lists, which hold `wanted` candidates each and drop any beyond, it keeps only the first `wanted`
 * candidates that violate budgets while it looks on for one that does not. When no pod on any node has a lower priority
 * than `lowestPriority`, nothing can be evicted anywhere.
 */
// upstream: preemption.go DryRunPreemption (newCandidateList(candidatesNum), candidateList.add)
function dryRunPreemption(prepared: PreparedPod, nodes: readonly number[], scope: PreemptionScope, search: CandidateSearch): DryRun {
  if (scope.lowestPriority !== undefined && prepared.pod.priority <= scope.lowestPriority) {
    return { candidates: [], statuses: nodes.map(() => NO_VICTIMS) };
  }
  const wanted = search === 'any' ? 1 : numCandidates(nodes.length, prepared.pod.profile?.preemption ?? DEFAULT_PREEMPTION_ARGS);
  const candidates: Candidate[] = [];
  const statuses: DryRunStatus[] = [];
  let nonViolating = 0;
  for (const index of nodes) {
    const selected = selectVictimsOnNode(prepared, index, scope);
    if ('code' in selected) {
      statuses.push(selected);
      continue;
    }
    if (selected.numPDBViolations === 0) nonViolating++;
    if (selected.numPDBViolations === 0 || candidates.length - nonViolating < wanted) candidates.push(selected);
    if ((search === 'any' || nonViolating > 0) && candidates.length >= wanted) break;
  }
  return { candidates, statuses };
}

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/**
 * Evaluator.Preempt's status when no node is a candidate: Error with the dry run's errors (utilerrors.NewAggregate),
 * or Unschedulable with a FitError over every node, those that were no potential node reading "Preemption is not
 * helpful for scheduling". DefaultPreemption's PostFilter prefixes "preemption: ".
 */
function noCandidateStatus(dryRun: DryRun, numAllNodes: number): PostFilterStatus {
  const errors = [...new Set(dryRun.statuses.filter((s) => s.code === 'Error').map((s) => s.reasons.join(', ')))];
  if (errors.length > 0) return { code: 'Error', message: `preemption: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
  const nodeReasons = dryRun.statuses.map((status) => ({ reasons: status.reasons, nodes: 1 }));
  const notHelpful = numAllNodes - dryRun.statuses.length;
  if (notHelpful > 0) nodeReasons.push({ reasons: [NOT_HELPFUL], nodes: notHelpful });
  return { code: 'Unschedulable', message: `preemption: ${fitErrorMessage(numAllNodes, nodeReasons)}` };
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

/**
 * What DefaultPreemption's PostFilter does for `prepared` after the failed attempt `feasibility`: the preemption it
 * makes, or the message it adds to the FitError (upstream: default_preemption.go PostFilter prefixes "preemption: ").
 */
export function runPostFilter(prepared: PreparedPod, feasibility: Feasibility, scope: PreemptionScope): PostFilterOutcome {
  const outcome = postFilterOutcome(prepared, feasibility, { scope, search: 'pick' });
  if (!('candidates' in outcome)) return outcome;
  const chosen = pickOneNodeForPreemption(outcome.candidates);
  const node = chosen && scope.nodes.nodes[chosen.index];
  return chosen && node ? { preemption: { index: chosen.index, node, victims: chosen.victims } } : { message: '' };
}

/** The PostFilter's message alone (undefined when it would preempt): the dry run stops at the first candidate. */
export function postFilterMessage(prepared: PreparedPod, feasibility: Feasibility, scope: PreemptionScope): string | undefined {
  const outcome = postFilterOutcome(prepared, feasibility, { scope, search: 'any' });
  return 'message' in outcome ? outcome.message : undefined;
}

interface PostFilterRun {
  readonly scope: PreemptionScope;
  readonly search: CandidateSearch;
}

/**
 * RunPostFilterPlugins over the profile's PostFilter plugins, DynamicResources (from 1.34) then
 * DefaultPreemption: the candidates found, or the message, the reasons of Unschedulable statuses joined by ", " (an
 * Error status ends the phase and alone makes the message).
 */
function postFilterOutcome(prepared: PreparedPod, feasibility: Feasibility, run: PostFilterRun): PostFilterFailure | { readonly candidates: readonly Candidate[] } {
  // Without nodes the scheduler fails with ErrNoNodesAvailable, no FitError: PostFilter does not run.
  if (feasibility.numAllNodes === 0) return { message: '' };
  const { profile } = prepared.pod;
  // without a profile, the release's default one (DynamicResources from 1.34)
  const dynamicResources = profile && !profile.dynamicResources ? undefined : dynamicResourcesPostFilter(run.scope.cluster.minor, prepared.rejection?.plugin, prepared.pod.hasResourceClaims || prepared.pod.draExtendedResources.size > 0);
  if (dynamicResources?.code === 'Error') return { message: dynamicResources.message };
  // A profile without DefaultPreemption at PostFilter never preempts.
  if (profile && !profile.preemption) return { message: dynamicResources?.message ?? '' };
  const preemption = defaultPreemption(prepared, feasibility, run);
  if ('candidates' in preemption) return preemption;
  const message = preemption.code === 'Error' || !dynamicResources ? preemption.message : `${dynamicResources.message}, ${preemption.message}`;
  return preemption.clearsNominatedNodeName ? { message, clearsNominatedNodeName: true } : { message };
}

/**
 * DefaultPreemption's PostFilter: the candidates, or its status when there is none. An eligible pod that finds no
 * candidate loses its nomination (Evaluator.Preempt returns NewPostFilterResultWithNominatedNode(""), which
 * handleSchedulingFailure hands the nominator with ModeOverride); one not eligible, or an Error, keeps it (a nil result).
 */
function defaultPreemption(prepared: PreparedPod, feasibility: Feasibility, { scope, search }: PostFilterRun): (PostFilterStatus & Pick<PostFilterFailure, 'clearsNominatedNodeName'>) | { readonly candidates: readonly Candidate[] } {
  if (!prepared.pod.mayPreempt) return { code: 'Unschedulable', message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  if (waitsForVictims(prepared.pod, feasibility, scope)) return { code: 'Unschedulable', message: 'preemption: not eligible due to a terminating pod on the nominated node.' };
  // A PreFilter rejection leaves every node UnschedulableAndUnresolvable: no potential node.
  const dryRun = prepared.rejection ? { candidates: [], statuses: [] } : dryRunPreemption(prepared, nodesWherePreemptionMightHelp(feasibility), scope, search);
  if (dryRun.candidates.length > 0) return { candidates: dryRun.candidates };
  const status = noCandidateStatus(dryRun, feasibility.numAllNodes);
  return status.code === 'Unschedulable' ? { ...status, clearsNominatedNodeName: true } : status;
}

/**
 * A pod nominated to a node by an earlier preemption does not preempt again while a lower-priority pod that preemption
 * evicts is still terminating there, unless the filters now reject that node UnschedulableAndUnresolvable.
 */
// upstream: default_preemption.go PodEligibleToPreemptOthers (v1.35)
function waitsForVictims(pod: PodInfo, feasibility: Feasibility, { nodes, nominated }: PreemptionScope): boolean {
  // the pod's status as the scheduler keeps it: a nomination taken away is gone (without a nominator, as created)
  const name = nominated ? nominated.nominatedNodeName(pod) : pod.nominatedNodeName;
  const index = name === undefined ? undefined : nodes.indexOf(name);
  const node = index === undefined ? undefined : nodes.nodes[index];
  if (!node || index === undefined || statusOf(feasibility, index)?.code === 'UnschedulableAndUnresolvable') return false;
  return node.pods.some((victim) => victim.priority < pod.priority && victim.preemptionVictim);
}

/** The preemption made, if any. */
export function preemptionOf(outcome: PostFilterOutcome): Preemption | undefined {
  return 'preemption' in outcome ? outcome.preemption : undefined;
}

/** The PostFilter message to append to the FitError, if any (none when a preemption was made). */
export function postFilterMessageOf(outcome: PostFilterOutcome): string | undefined {
  return 'message' in outcome ? outcome.message : undefined;
}

/** "<namespace>/<name>", as victims are reported. */
export function podKey(pod: PodInfo): string {
  return `${pod.namespace}/${pod.name}`;
}

/** The decision as reported: the node and the sorted victims, or null when preemption cannot help. */
export function toPreemptionResult(preemption: Preemption | undefined): PreemptionResult | null {
  return preemption ? { node: preemption.node.name, victims: preemption.victims.map(podKey).sort() } : null;
}
