// The scheduling dry-run: filter plugins per workload, then placement of all replicas (kube-scheduler semantics).
import type { ClusterSnapshot } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import { additionalReplicas, roomPerNode, type NodeRoom } from './capacity.js';
import { daemonNodeStatus, daemonPodSource, daemonPodSpec, pinnedToNode } from './daemonset.js';
import { feasibleIndices, findNodesThatFit, fingerprintOf, fitMessage, rejectedStatuses, type Feasibility } from './feasibility.js';
import { fitErrorMessage } from './fit-error.js';
import { hintFor } from './hints.js';
import type { ClusterState } from './framework.js';
import { NodeClasses } from './node-classes.js';
import type { PodInfo, PodSource } from './pod-info.js';
import { placeAll, type PlacementOutcome, type PlacementRequest } from './placement.js';
import { toPodDisruptionBudget } from './preemption/pod-disruption-budgets.js';
import { findPreemption, toPreemptionResult, type PreemptionResult } from './preemption/preemption.js';
import { runPreFilters, type NodeStatus, type PreparedPod } from './run-filters.js';
import type { SchedulingResult } from './scheduling-result.js';
import { buildPodInfo, podSourceOfEvicted, podSourceOfWorkload, toSchedulerSnapshot, type SchedulerSnapshot } from './snapshot.js';
import { toMinorVersion } from './version.js';
import { VOLUMES_NOT_CHECKED } from './scheduling-checks.js';
import { statefulSetPodSources } from './volumes/claim-templates.js';
import { uncheckedVolumesFinding } from './volumes/pod-claims.js';

export interface ScheduleOptions {
  /** "1.35", "v1.34", ...: picks upstream's wording of that release; newest when absent. */
  readonly kubernetesVersion: string | undefined;
  /** Node names to remove before placing (their bound pods are re-placed). */
  readonly drain: readonly string[];
  /** Also work out how many more replicas of each workload fit, and the room left per node. */
  readonly capacity?: boolean;
}

export interface ScheduleOutput {
  readonly results: SchedulingResult[];
  /** Problems met while scheduling (e.g. a malformed quantity), with positions. */
  readonly findings: Finding[];
  /** With `capacity`: what every node has left after placement. */
  readonly nodeRoom?: Record<string, NodeRoom>;
}

interface Verdicts {
  readonly feasibleNodes: readonly string[];
  readonly rejected: Readonly<Record<string, readonly string[]>>;
  readonly message: string | null;
  readonly hints: Readonly<Record<string, string>>;
}

/** One workload's part of the run: what one pod could do alone, and what to place. */
interface Plan {
  readonly object: KubeObject;
  /** The node the pod was evicted from, for pods re-placed by `drain`. */
  readonly drainedFrom?: string;
  readonly replicas: number;
  readonly verdicts: Verdicts;
  readonly request: PlacementRequest;
  /** Set when one pod fits nowhere: DefaultPreemption's decision in the cluster as given. */
  readonly preemption?: () => PreemptionResult | null;
}

interface RunContext {
  readonly snapshot: SchedulerSnapshot;
  readonly nodes: NodeClasses;
  readonly cluster: ClusterState;
  readonly findings: Finding[];
  /** Verdicts per feasibility fingerprint: pods with equal verdicts on every node class share one result. */
  readonly verdictCache: Map<string, Verdicts>;
}

export function scheduleWorkloads(
  workloads: readonly Workload[],
  cluster: ClusterSnapshot,
  options: ScheduleOptions,
): ScheduleOutput {
  const snapshot = toSchedulerSnapshot(cluster, toMinorVersion(options.kubernetesVersion), options.drain);
  const nodes = new NodeClasses(snapshot.nodes);
  const context: RunContext = {
    snapshot,
    nodes,
    cluster: nodes.clusterState(snapshot.namespaceLabels, snapshot.minor, snapshot.storage),
    findings: [...snapshot.findings],
    verdictCache: new Map(),
  };
  const plans = workloads.map((w) => (w.kind === 'DaemonSet' ? planDaemonSet(w, context) : planWorkload(w, context)));
  for (const pod of snapshot.evicted) {
    const plan = planPod(pod, podSourceOfEvicted(pod), 1, context);
    plans.push({ ...plan, drainedFrom: String(asRecord(pod.value['spec'])?.['nodeName']) });
  }
  const requests = plans.map((plan) => plan.request);
  const run = placeAll(requests, snapshot);
  const results = plans.map((plan, i) => toResult(plan, run.outcomes[i]));
  if (!options.capacity) return { results, findings: context.findings };
  const withCapacity = results.map((result, i) =>
    workloads[i] === undefined || workloads[i].kind === 'DaemonSet' ? result : { ...result, capacity: additionalReplicas(requests, i, snapshot) },
  );
  return { results: withCapacity, findings: context.findings, nodeRoom: roomPerNode(run.nodes) };
}

function planWorkload(workload: Workload, context: RunContext): Plan {
  const replicas = typeof workload.replicas === 'number' ? workload.replicas : 1;
  const base = podSourceOfWorkload(workload);
  const sources = statefulSetPodSources(workload, base, Math.max(replicas, 1), context.snapshot.storage);
  if (!sources?.[0]) return planPod(workload.object, base, replicas, context);
  // Each ordinal mounts its own claims: one pod per replica; the first one's verdicts stand for the workload.
  const plan = planPod(workload.object, sources[0], 1, context);
  const pods = sources.slice(0, replicas).map((source) => ({ pod: buildPodInfo(source, context.snapshot.podOptions, []), replicas: 1 }));
  return { ...plan, replicas, request: { ...plan.request, pods } };
}

function planPod(object: KubeObject, source: PodSource, replicas: number, context: RunContext): Plan {
  const pod = buildPodInfo(source, context.snapshot.podOptions, context.findings);
  noteUncheckedVolumes(pod, source, context);
  const prepared = runPreFilters(pod, context.cluster);
  const feasibility = findNodesThatFit(prepared, context.nodes);
  // Hints also read the pod's nodeSelector and host ports (resource hints follow from the reasons and the node).
  const fingerprint = `${fingerprintOf(feasibility)}\u0004${JSON.stringify([pod.nodeSelector, pod.hostPorts])}`;
  let verdicts = context.verdictCache.get(fingerprint);
  if (!verdicts) {
    verdicts = toVerdicts(feasibility, pod, context.nodes);
    context.verdictCache.set(fingerprint, verdicts);
  }
  const request = { pods: [{ pod, replicas }], priority: pod.priority };
  // For a pod that fits nowhere: what preemption would do in the cluster as given (asked only if placement does not).
  const preemption = verdicts.message === null ? undefined : () => preemptionAtStart(prepared, feasibility, context);
  return { object, replicas, verdicts, request, ...(preemption && { preemption }) };
}

function preemptionAtStart(prepared: PreparedPod, feasibility: Feasibility, context: RunContext): PreemptionResult | null {
  const { nodes, cluster, snapshot } = context;
  return toPreemptionResult(findPreemption(prepared, feasibility, { nodes, cluster, budgets: snapshot.podDisruptionBudgets.map(toPodDisruptionBudget) }));
}

/** Says once per run that claims absent from the inputs were not checked (no cluster snapshot to tell). */
function noteUncheckedVolumes(pod: PodInfo, source: PodSource, context: RunContext): void {
  if (context.findings.some((f) => f.ruleId === VOLUMES_NOT_CHECKED.id)) return;
  const finding = uncheckedVolumesFinding(pod, source, context.snapshot.storage);
  if (finding) context.findings.push(finding);
}

function toVerdicts(feasibility: Feasibility, pod: PodInfo, nodes: NodeClasses): Verdicts {
  const rejected: Record<string, readonly string[]> = {};
  const statuses = rejectedStatuses(feasibility);
  nodes.nodes.forEach((node, index) => {
    const status = statuses.get(index);
    if (status) rejected[node.name] = status.reasons;
  });
  const feasibleNodes = feasibleIndices(feasibility).map((index) => nodes.nodes[index]?.name ?? '');
  return { feasibleNodes, rejected, message: fitMessage(feasibility), hints: hintsOf(feasibility, pod, nodes) };
}

/** One hint per rejected class of nodes (its members share everything the hint reads), by node name. */
function hintsOf(feasibility: Feasibility, pod: PodInfo, nodes: NodeClasses): Record<string, string> {
  const byIndex = new Map<number, string>();
  for (const verdict of feasibility.verdicts) {
    const representative = nodes.nodes[verdict.members[0] ?? -1];
    const hint = verdict.status && representative ? hintFor(pod, representative, verdict.status) : undefined;
    if (hint) for (const index of verdict.members) byIndex.set(index, hint);
  }
  const hints: Record<string, string> = {};
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) hints[nodes.nodes[index]?.name ?? ''] = byIndex.get(index) ?? '';
  return hints;
}

/** A DaemonSet: one pinned pod per node the controller selects; other nodes are rejected with the controller's reason. */
function planDaemonSet(workload: Workload, context: RunContext): Plan {
  const { snapshot, nodes, cluster } = context;
  const spec = daemonPodSpec(workload);
  const template = buildPodInfo(daemonPodSource(workload, spec), snapshot.podOptions, context.findings);
  const pods: { pod: PodInfo; replicas: number }[] = [];
  const statuses = new Map<string, NodeStatus>();
  const feasibleNodes: string[] = [];
  for (const node of nodes.nodes) {
    const skipped = daemonNodeStatus(template, node, snapshot.minor);
    if (skipped) {
      statuses.set(node.name, skipped);
      continue;
    }
    const pod = buildPodInfo(daemonPodSource(workload, pinnedToNode(spec, node.name)), snapshot.podOptions, []);
    pods.push({ pod, replicas: 1 });
    const index = nodes.indexOf(node.name) ?? -1;
    const status = rejectedStatuses(findNodesThatFit(runPreFilters(pod, cluster), nodes)).get(index);
    if (status) statuses.set(node.name, status);
    else feasibleNodes.push(node.name);
  }
  const rejected: Record<string, readonly string[]> = {};
  const hints: Record<string, string> = {};
  for (const [name, status] of statuses) {
    rejected[name] = status.reasons;
    const node = nodes.nodes[nodes.indexOf(name) ?? -1];
    const hint = node ? hintFor(template, node, status) : undefined;
    if (hint) hints[name] = hint;
  }
  const message =
    feasibleNodes.length > 0 ? null : fitErrorMessage(nodes.nodes.length, [...statuses.values()].map((s) => ({ reasons: s.reasons, nodes: 1 })));
  const request = { pods, priority: template.priority };
  return { object: workload.object, replicas: pods.length, verdicts: { feasibleNodes, rejected, message, hints }, request };
}

/** `preemption` for a pod that fit nowhere, alone or during placement: the first decision placement made, if any. */
function preemptionOf(plan: Plan, outcome: PlacementOutcome | undefined): { preemption?: PreemptionResult | null } {
  if (outcome?.preemption !== undefined) return { preemption: outcome.preemption };
  return plan.preemption ? { preemption: plan.preemption() } : {};
}

function toResult(plan: Plan, outcome: PlacementOutcome | undefined): SchedulingResult {
  const { object } = plan;
  const range = object.rangeOf([]);
  const nodes: Record<string, number> = {};
  for (const name of Object.keys(outcome?.nodes ?? {}).sort()) nodes[name] = outcome?.nodes[name] ?? 0;
  return {
    object: object.ref,
    file: object.file,
    line: range.line,
    column: range.column,
    replicas: plan.replicas,
    ...plan.verdicts,
    placement: {
      nodes,
      unschedulable: outcome?.unschedulable ?? 0,
      message: outcome?.message ?? null,
      ...(outcome && outcome.preempted.length > 0 && { preempted: [...outcome.preempted].sort() }),
    },
    ...preemptionOf(plan, outcome),
    ...(plan.drainedFrom !== undefined && { drainedFrom: plan.drainedFrom }),
  };
}
