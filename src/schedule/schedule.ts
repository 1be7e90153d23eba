// The scheduling dry-run: filter plugins per workload, then placement of all replicas (kube-scheduler semantics).
import type { ClusterSnapshot } from '../model/cluster.js';
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import { capacityProbe, roomPerNode, type NextPods, type NodeRoom } from './capacity.js';
import { daemonNodeStatus, daemonPodSource, daemonPodSpec, pinnedNodeAffinity } from './daemonset.js';
import { lastCopies } from './duplicate-workloads.js';
import { findNodesThatFit, fingerprintOf, fitMessage, hasFeasibleNode, statusOf, type Feasibility } from './feasibility.js';
import { fitErrorMessage, withPostFilterMessage } from './fit-error.js';
import { hintFor } from './hints.js';
import { heldByController, heldWorkloadFindings } from './held-workloads.js';
import type { ClusterState } from './framework.js';
import { NodeClasses } from './node-classes.js';
import { NominatedPods, withNominatedPods } from './nominated-pods.js';
import { NODE_DETAIL_LIMIT, NodeGroups } from './node-groups.js';
import { nodeUsage, type NodeUsage } from './node-usage.js';
import { VerdictParts, verdictPartsOf, type VerdictPart } from './verdict-parts.js';
import type { NodeInfo } from './node-info.js';
import { withRequiredNodeAffinity, type PodInfo, type PodSource } from './pod-info.js';
import { placeAll, type PlacementOutcome, type PlacementRequest } from './placement.js';
import {
  postFilterMessage,
  postFilterMessageOf,
  preemptionOf,
  runPostFilter,
  toPreemptionResult,
  type PostFilterOutcome,
  type PreemptionResult,
} from './preemption/preemption.js';
import { uncheckedExtendedResources, uncheckedResourceClaims } from './resource-claims.js';
import { runPreFilters, type NodeStatus, type PreparedPod } from './run-filters.js';
import type { Placement, SchedulingResult } from './scheduling-result.js';
import { buildPodInfo, podSourceOfEvicted, podSourceOfWorkload, toSchedulerSnapshot, type SchedulerSnapshot } from './snapshot.js';
import { toMinorVersion } from './version.js';
import { malformedClusterObjectFindings } from './malformed-cluster-objects.js';
import { NO_SCHEDULER_PROFILE, VOLUMES_NOT_CHECKED } from './scheduling-checks.js';
import { placementStoppedFindings, podSlotsCappedFindings } from './pod-slots.js';
import { heldBySchedulingGates, schedulingGatedFindings } from './scheduling-gates.js';
import { unknownNamespaceLabelsFindings } from './namespace-labels.js';
import { DEFAULT_PROFILES, DEFAULT_SCHEDULER_NAME, type SchedulerProfiles } from './profile/profile.js';
import { KUBELET_ADMISSION, unplacedMessage } from './kubelet-admission.js';
import { controllerOf, victimFates, type VictimFate } from './preemption/victims.js';
import { indexedJobPodSources } from './indexed-job-pods.js';
import { hasClaimTemplates, statefulSetPodSources } from './stateful-set-pods.js';
import { replacedPods } from './replaced-pods.js';
import { uncheckedVolumesFinding } from './volumes/pod-claims.js';

export interface ScheduleOptions {
  /** "1.35", "v1.34", ...: picks upstream's wording of that release; newest when absent. */
  readonly kubernetesVersion: string | undefined;
  /** Node names to remove before placing (their bound pods are re-placed). */
  readonly drain: readonly string[];
  /** Also work out how many more replicas of each workload fit, and the room left per node. */
  readonly capacity?: boolean;
  /** List every node in every result even above NODE_DETAIL_LIMIT nodes (otherwise results group nodes). */
  readonly allNodes?: boolean;
  /** The scheduler profiles by schedulerName (readSchedulerConfiguration); kube-scheduler's default profile when absent. */
  readonly profiles?: SchedulerProfiles;
  /** The most pods placement binds in the run (MAX_PLACED_PODS when absent); the replicas left are not tried. */
  readonly maxPlacedPods?: number;
}

export interface ScheduleOutput {
  readonly results: SchedulingResult[];
  /** Problems met while scheduling (e.g. a malformed quantity), with positions. */
  readonly findings: Finding[];
  /** With `capacity`: what every node has left after placement. */
  readonly nodeRoom?: Record<string, NodeRoom>;
  /** Above NODE_DETAIL_LIMIT nodes: the node groups the results' `nodeVerdicts` refer to. */
  readonly nodeGroups?: Record<string, string[]>;
  /** Every node's allocatable amounts and what bound pods and placed replicas request there. */
  readonly nodes: NodeUsage[];
}

/** What one pod could do alone: its verdict per set of nodes, and kube-scheduler's message when none fits. */
interface Verdicts {
  readonly parts: readonly VerdictPart[];
  readonly message: string | null;
}

/** One workload's part of the run: what one pod could do alone, and what to place. */
interface Plan {
  readonly object: KubeObject;
  /** The node the pod was evicted from, for pods re-placed by `drain`. */
  readonly drainedFrom?: string;
  readonly replicas: number;
  readonly verdicts: Verdicts;
  readonly request: PlacementRequest;
  /** Set when one pod fits nowhere: what DefaultPreemption's PostFilter does in the cluster as given. */
  readonly alone?: PostFilterAlone;
  /** A StatefulSet's pods past its replicas, for --capacity (a scaled-up set makes new ordinals, with new claims). */
  readonly next?: NextPods;
}

/** The PostFilter for one pod in the cluster as given, each part worked out once when first asked. */
interface PostFilterAlone {
  /** The preemption it makes (a full dry run), or null. */
  preemption(): PreemptionResult | null;
  /** The FitError message with the PostFilter's part (a dry run that stops at the first candidate will do). */
  message(): string;
}

interface RunContext {
  readonly snapshot: SchedulerSnapshot;
  readonly nodes: NodeClasses;
  readonly cluster: ClusterState;
  readonly findings: Finding[];
  /** Verdicts per feasibility fingerprint: pods with equal verdicts on every node class share one result. */
  readonly verdictCache: Map<string, Verdicts>;
  /** The pods all nodes together may run (allocatable `pods`): no workload places more, preempting or not. */
  readonly podSlots: number;
  /** The snapshot's pending pods nominated to a node: room the filters keep for them. */
  readonly nominated: NominatedPods;
}

export function scheduleWorkloads(
  inputWorkloads: readonly Workload[],
  snapshotAsGiven: ClusterSnapshot,
  options: ScheduleOptions,
): ScheduleOutput {
  const profiles = options.profiles ?? DEFAULT_PROFILES;
  const applied = lastCopies(inputWorkloads);
  const allWorkloads = applied.workloads;
  const workloads = allWorkloads.filter((w) => runsPod(w.podSpec, profiles));
  // the checked StatefulSets' and DaemonSets' pods take the place of theirs that the cluster runs (replaced-pods.ts)
  const replaced = replacedPods(workloads, snapshotAsGiven.boundPods);
  const cluster = replaced.size === 0 ? snapshotAsGiven : { ...snapshotAsGiven, boundPods: snapshotAsGiven.boundPods.filter((pod) => !replaced.has(pod)) };
  const built = toSchedulerSnapshot(cluster, toMinorVersion(options.kubernetesVersion), options.drain, workloads.map((w) => w.object.ref.namespace));
  const snapshot = { ...built, podOptions: { ...built.podOptions, profiles, kubeletAdmission: KUBELET_ADMISSION } };
  // Drained pods as their controllers re-create them: without a node, so a profile must handle them again.
  const recreated = snapshot.evicted.map((object) => podSourceOfEvicted(object, snapshot.controllers));
  const nodes = new NodeClasses(snapshot.nodes);
  const pending = workloads.map(podSpecOf);
  const context: RunContext = {
    snapshot,
    nodes,
    cluster: nodes.clusterState(snapshot.namespaceLabels, snapshot.minor, { storage: snapshot.storage, devices: snapshot.devices }),
    findings: [...snapshot.findings, ...applied.findings, ...malformedPendingPodFindings(workloads), ...noProfileFindings([...allWorkloads.map(podSpecOf), ...recreated], profiles), ...uncheckedResourceClaims(pending, snapshot.devices, snapshot.minor), ...uncheckedExtendedResources(pending, snapshot.podOptions.draExtendedResources ?? new Map(), snapshot.devices), ...unknownNamespaceLabelsFindings(pending, cluster.namespaces, cluster.boundPods), ...schedulingGatedFindings(pending), ...heldWorkloadFindings(workloads)],
    verdictCache: new Map(),
    podSlots: snapshot.nodes.reduce((sum, node) => sum + Number(node.allowedPodNumber), 0),
    nominated: nominatedPodsOf(workloads, snapshot),
  };
  const plans = workloads.map((w) => (w.kind === 'DaemonSet' ? planDaemonSet(w, context) : heldIfWaiting(w, planWorkload(w, context))));
  for (const source of recreated) {
    if (!runsPod(source.spec, profiles)) continue;
    const plan = planPod(source.object, source, 1, context);
    plans.push({ ...plan, drainedFrom: String(asRecord(source.object.value['spec'])?.['nodeName']) });
  }
  const requests = plans.map((plan) => plan.request);
  const run = placeAll(requests, snapshot, snapshot.nodes, options.maxPlacedPods);
  const groups = options.allNodes === true || snapshot.nodes.length <= NODE_DETAIL_LIMIT ? undefined : new NodeGroups(snapshot.nodes);
  for (const plan of plans) groups?.refine(plan.verdicts.parts);
  for (const outcome of run.outcomes) if (outcome.failure) groups?.refine(outcome.failure);
  // Replicas the dry run placed and evicted were re-created during placement; victimFates follows the bound pods.
  const boundVictims = run.outcomes.map(({ preempted, replaced }) => preempted.filter((_, j) => !replaced.has(j)));
  const bound = victimFates(boundVictims, cluster.boundPods, { snapshot, end: run.nodes });
  const fates = run.outcomes.map(({ preempted, replaced }, i) => {
    const fatesOfBound = (bound[i] ?? []).values();
    return preempted.map((pod, j): VictimFate => replaced.get(j) ?? fatesOfBound.next().value ?? { pod, controller: null });
  });
  const results = plans.map((plan, i) => withVictimFates(toResult(plan, run.outcomes[i], groups ?? snapshot.nodes), fates[i] ?? []));
  const findings = [...context.findings, ...podSlotsCappedFindings(snapshot.nodes, run.nodes), ...placementStoppedFindings(run, plans)];
  const output = { results, findings, nodes: nodeUsage(snapshot.nodes, run.nodes), ...(groups && { nodeGroups: groups.groups() }) };
  if (!options.capacity) return output;
  const additionalReplicas = capacityProbe(run, snapshot);
  const withCapacity = results.map((result, i) =>
    workloads[i] === undefined || workloads[i].kind === 'DaemonSet' ? result : { ...result, capacity: additionalReplicas(requests[i], plans[i]?.next) },
  );
  return { ...output, results: withCapacity, nodeRoom: roomPerNode(run.nodes) };
}

// upstream: pkg/scheduler/eventhandlers.go assignedPod, responsibleForPod (v1.35): only unassigned pods are queued,
// and only those a profile handles; a pod created with spec.nodeName is the kubelet's, whatever scheduler it names.
function assignedPod(podSpec: Readonly<Record<string, unknown>>): boolean {
  const nodeName = podSpec['nodeName'];
  return typeof nodeName === 'string' && nodeName !== '';
}

function responsibleForPod(podSpec: Readonly<Record<string, unknown>>, profiles: SchedulerProfiles): boolean {
  return profiles.has(schedulerNameOf(podSpec));
}

/** Whether the dry-run runs the pod: assigned, or unassigned and handled by a profile. */
function runsPod(podSpec: Readonly<Record<string, unknown>>, profiles: SchedulerProfiles): boolean {
  return assignedPod(podSpec) || responsibleForPod(podSpec, profiles);
}

function schedulerNameOf(podSpec: Readonly<Record<string, unknown>>): string {
  const name = podSpec['schedulerName'];
  return typeof name === 'string' && name !== '' ? name : DEFAULT_SCHEDULER_NAME;
}

/** A pod spec and where it is: a workload's template or a re-created drained pod. */
type PodSpecAt = Pick<PodSource, 'object' | 'spec' | 'specPath'>;

function podSpecOf(workload: Workload): PodSpecAt {
  return { object: workload.object, spec: workload.podSpec, specPath: workload.podSpecPath };
}

/** The malformed fields of the snapshot's pending pods (its bound ones are checked with the nodes: snapshot.ts). */
function malformedPendingPodFindings(workloads: readonly Workload[]): Finding[] {
  return workloads.flatMap((workload) => (workload.kind === 'Pod' ? malformedClusterObjectFindings(workload.object) : []));
}

/** Unassigned pods that name a scheduler no profile has: kube-scheduler leaves them to that scheduler. */
function noProfileFindings(pods: readonly PodSpecAt[], profiles: SchedulerProfiles): Finding[] {
  const known = [...profiles.keys()].join(', ');
  return pods.flatMap(({ object, spec, specPath }) => {
    if (runsPod(spec, profiles)) return [];
    const name = schedulerNameOf(spec);
    return findingAt(object, [...specPath, 'schedulerName'], {
      ruleId: NO_SCHEDULER_PROFILE.id,
      severity: NO_SCHEDULER_PROFILE.severity,
      message: `schedulerName ${JSON.stringify(name)} names no scheduler profile (profiles: ${known}): the dry-run does not place these pods, which stay Pending unless a scheduler named ${JSON.stringify(name)} runs in the cluster`,
    });
  });
}

/** The pods of a suspended Job or CronJob or a paused Deployment: held, tried after the others (held-workloads.ts). */
function heldIfWaiting(workload: Workload, plan: Plan): Plan {
  const held = heldByController(workload);
  return held.held ? { ...plan, request: { ...plan.request, ...held } } : plan;
}

/** Pods of one workload made one by one at most (a StatefulSet's ordinals, an Indexed Job's indexes). */
const MAX_DISTINCT_PODS = 10_000;

function planWorkload(workload: Workload, context: RunContext): Plan {
  const replicas = typeof workload.replicas === 'number' ? workload.replicas : 1;
  const base = podSourceOfWorkload(workload, context.snapshot.controllers);
  // Each ordinal or index is a pod of its own (its labels, a StatefulSet's claims); the first one's verdicts stand for
  // the workload. Those past the cluster's pod slots can never all land: the last one made stands for the rest (a
  // hostile `replicas: 2147483647` makes a few pods more than the nodes may run, not two billion), as it does past
  // MAX_DISTINCT_PODS (nodes that claim to run a billion pods).
  const count = Math.min(Math.max(replicas, 1), context.podSlots + 1, MAX_DISTINCT_PODS);
  const sources = statefulSetPodSources(workload, base, count, context.snapshot) ?? indexedJobPodSources(workload, base, count, context.snapshot.minor);
  if (!sources?.[0]) return planPod(workload.object, base, replicas, context);
  const plan = planPod(workload.object, sources[0], 1, context);
  const made = sources.slice(0, replicas);
  const pods = made.map((source, index) => ({ pod: buildPodInfo(source, context.snapshot.podOptions, []), replicas: index === made.length - 1 ? replicas - index : 1 }));
  // A StatefulSet's OrderedReady (the default) creates each ordinal once the one before it runs; Parallel and a Job
  // create them all at once.
  const ordered = workload.kind === 'StatefulSet' && asRecord(workload.object.value['spec'])?.['podManagementPolicy'] !== 'Parallel';
  const request = { ...plan.request, pods, ...(ordered && { ordered }) };
  // without claims of their own, the next ordinals differ from copies of the first only in the labels naming them
  if (!hasClaimTemplates(workload)) return { ...plan, replicas, request };
  const { minor, podOptions } = context.snapshot;
  const next: NextPods = (more, storage) => (statefulSetPodSources(workload, base, more, { storage, minor }, replicas) ?? []).map((source) => buildPodInfo(source, podOptions, []));
  return { ...plan, replicas, request, next };
}

function planPod(object: KubeObject, source: PodSource, replicas: number, context: RunContext): Plan {
  const pod = buildPodInfo(source, context.snapshot.podOptions, context.findings);
  noteUncheckedVolumes(pod, source, context);
  const prepared = runPreFilters(pod, context.cluster);
  const feasibility = feasibilityOf(prepared, context);
  const verdicts = verdictsOf(feasibility, prepared, context);
  const request = { pods: [{ pod, replicas }], priority: pod.priority, ...recreatedBy(object), ...heldBySchedulingGates(source.spec) };
  const message = verdicts.message;
  if (message === null) return { object, replicas, verdicts, request };
  return { object, replicas, verdicts, request, alone: postFilterOnce({ prepared, feasibility, message }, context) };
}

/** Which nodes the pod fits, keeping the room of the pods nominated there (nominated-pods.ts). */
function feasibilityOf(prepared: PreparedPod, context: RunContext): Feasibility {
  return withNominatedPods(findNodesThatFit(prepared, context.nodes), prepared, context.nodes, context.nominated);
}

/**
 * The snapshot's pending pods that an earlier preemption nominated to a node (a manifest's status is dropped on
 * create, so only a snapshot's pods are nominated).
 */
function nominatedPodsOf(workloads: readonly Workload[], snapshot: SchedulerSnapshot): NominatedPods {
  const nominated = workloads.filter((w) => w.kind === 'Pod' && w.object.fromCluster && asRecord(w.object.value['status'])?.['nominatedNodeName']);
  return new NominatedPods(nominated.map((w) => buildPodInfo(podSourceOfWorkload(w, snapshot.controllers), snapshot.podOptions, [])));
}

/** What re-creates an evicted pod of the workload: the workload, or a bare Pod's controller (none: nothing does). */
function recreatedBy(object: KubeObject): { readonly controller?: string } {
  const controller = object.ref.kind === 'Pod' ? controllerOf(object) : `${object.ref.kind}/${object.ref.name}`;
  return controller === undefined ? {} : { controller };
}

/**
 * The verdicts, shared by pods whose verdicts are equal on every node. Verdicts per node (a filter reading hostname,
 * DoNotSchedule spreading over it) are computed afresh: their fingerprint, a class key per node, took longer to write
 * and hash than the verdicts to build (200 Deployments on 5,000 nodes: 0.6 s of 3.3).
 */
function verdictsOf(feasibility: Feasibility, prepared: PreparedPod, context: RunContext): Verdicts {
  if (feasibility.verdicts.length > FINGERPRINTED_VERDICTS) return toVerdicts(feasibility, prepared, context.nodes);
  // Hints also read what the pod asks of a node beyond the reasons (resource hints follow from the reasons and the
  // node), and whether the filters after the one that failed admit it (hints.ts).
  const { pod } = prepared;
  const fingerprint = `${fingerprintOf(feasibility)}\u0004${JSON.stringify([pod.nodeSelector, pod.hostPorts, pod.tolerations, pod.requiredNodeAffinity, pod.nodeName, pod.requiredNodeFeatures])}`;
  let verdicts = context.verdictCache.get(fingerprint);
  if (!verdicts) {
    verdicts = toVerdicts(feasibility, prepared, context.nodes);
    context.verdictCache.set(fingerprint, verdicts);
  }
  return verdicts;
}

/** Feasibilities with more verdicts (classes) than this are not looked up by fingerprint. */
const FINGERPRINTED_VERDICTS = 1024;

/** A pod that fits nowhere alone: its PreFilter state, where it failed, and the FitError message. */
interface AloneFailure {
  readonly prepared: PreparedPod;
  readonly feasibility: Feasibility;
  readonly message: string;
}

/** What preemption would do for the pod in the cluster as given. */
function postFilterOnce({ prepared, feasibility, message }: AloneFailure, context: RunContext): PostFilterAlone {
  const { nodes, cluster, snapshot } = context;
  const scope = { nodes, cluster, budgets: snapshot.podDisruptionBudgets, nominated: context.nominated };
  let outcome: PostFilterOutcome | undefined;
  let text: string | undefined;
  return {
    preemption: () => toPreemptionResult(preemptionOf((outcome ??= runPostFilter(prepared, feasibility, scope)))),
    message: () => {
      const postFilter = outcome ? postFilterMessageOf(outcome) : postFilterMessage(prepared, feasibility, scope);
      return (text ??= withPostFilterMessage(message, postFilter, snapshot.minor));
    },
  };
}

/** Says once per run that claims absent from the inputs were not checked (no cluster snapshot to tell). */
function noteUncheckedVolumes(pod: PodInfo, source: PodSource, context: RunContext): void {
  if (context.findings.some((f) => f.ruleId === VOLUMES_NOT_CHECKED.id)) return;
  const finding = uncheckedVolumesFinding(pod, source, context.snapshot.storage);
  if (finding) context.findings.push(finding);
}

function toVerdicts(feasibility: Feasibility, prepared: PreparedPod, nodes: NodeClasses): Verdicts {
  const message = hasFeasibleNode(feasibility) ? null : unplacedMessage(prepared.pod, nodes.nodes, () => fitMessage(feasibility));
  return { parts: verdictPartsOf(feasibility, prepared.pod, nodes.nodes, prepared), message };
}

/** A DaemonSet: one pinned pod per node the controller selects; other nodes are rejected with the controller's reason. */
function planDaemonSet(workload: Workload, context: RunContext): Plan {
  const { snapshot, nodes, cluster } = context;
  const spec = daemonPodSpec(workload);
  // the controller decides on the template as written; admission (LimitRanger, RuntimeClass) changes the pods it creates
  const { runtimeClasses, limitRangeDefaults, ...controllerOptions } = snapshot.podOptions;
  const template = buildPodInfo(daemonPodSource(workload, spec), controllerOptions, context.findings);
  const pods: { pod: PodInfo; replicas: number }[] = [];
  const pinned: number[] = [];
  const parts = new VerdictParts();
  const statuses: NodeStatus[] = [];
  let failed: Omit<AloneFailure, 'message'> | undefined;
  // the pods as admission makes them, each then pinned to its node
  let admitted: PodInfo | undefined;
  nodes.nodes.forEach((node, index) => {
    let status = daemonNodeStatus(template, node, snapshot.minor);
    if (!status) {
      admitted ??= buildPodInfo(daemonPodSource(workload, spec), snapshot.podOptions, []);
      const pod = withRequiredNodeAffinity(admitted, pinnedNodeAffinity(node.name));
      pods.push({ pod, replicas: 1 });
      pinned.push(index);
      const prepared = runPreFilters(pod, cluster);
      const feasibility = feasibilityOf(prepared, context);
      status = statusOf(feasibility, index);
      if (status) failed = { prepared, feasibility };
    }
    if (status) statuses.push(status);
    parts.add(status?.reasons, status ? hintFor(template, node, status) : undefined, [index]);
  });
  const feasible = nodes.nodes.length - statuses.length;
  const message = feasible > 0 ? null : fitErrorMessage(nodes.nodes.length, statuses.map((s) => ({ reasons: s.reasons, nodes: 1 })));
  const plan = { object: workload.object, replicas: pods.length, verdicts: { parts: parts.build(), message }, request: { pods, pinned, priority: template.priority, ...recreatedBy(workload.object), ...heldBySchedulingGates(spec) } };
  // On a one-node cluster the message is the daemon pod's own FitError, PostFilter part included; on more nodes it
  // sums up several pods' failures (with the controller's reasons for nodes it creates no pod for).
  if (message === null || !failed || nodes.nodes.length !== 1) return plan;
  return { ...plan, alone: postFilterOnce({ ...failed, message }, context) };
}

/** `preemption` for a pod that fit nowhere, alone or during placement: the first decision placement made, if any. */
function preemptionField(plan: Plan, outcome: PlacementOutcome | undefined): { preemption?: PreemptionResult | null } {
  if (outcome?.preemption !== undefined) return { preemption: outcome.preemption };
  return plan.alone ? { preemption: plan.alone.preemption() } : {};
}

/** `nodes`: every node (per-node detail) or the groups a large cluster's results refer to. */
function toResult(plan: Plan, outcome: PlacementOutcome | undefined, nodes: readonly NodeInfo[] | NodeGroups): SchedulingResult {
  const { object } = plan;
  const range = object.rangeOf([]);
  const placed: Record<string, number> = {};
  for (const name of Object.keys(outcome?.nodes ?? {}).sort()) placed[name] = outcome?.nodes[name] ?? 0;
  // before the message: when the full dry run is needed anyway, the message comes from it (no second dry run)
  const preemption = preemptionField(plan, outcome);
  return {
    object: object.ref,
    file: object.file,
    line: range.line,
    column: range.column,
    replicas: plan.replicas,
    ...(nodes instanceof NodeGroups ? { nodeVerdicts: nodes.verdicts(plan.verdicts.parts) } : perNodeDetail(plan.verdicts.parts, nodes)),
    message: plan.alone?.message() ?? plan.verdicts.message,
    placement: {
      nodes: placed,
      unschedulable: outcome?.unschedulable ?? 0,
      message: outcome?.message ?? null,
      ...failureDetail(outcome, nodes),
      ...(outcome && outcome.preempted.length > 0 && { preempted: [...outcome.preempted].sort() }),
    },
    ...preemption,
    ...(plan.drainedFrom !== undefined && { drainedFrom: plan.drainedFrom }),
  };
}

/** `placement.victims`: what becomes of each pod the workload preempted, in the order of `placement.preempted`. */
function withVictimFates(result: SchedulingResult, fates: readonly VictimFate[]): SchedulingResult {
  if (fates.length === 0) return result;
  const victims = [...fates].sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  return { ...result, placement: { ...result.placement, victims } };
}

/** Where the first replica that did not fit was rejected, node by node or by node group (nowhere when it was not tried). */
function failureDetail(outcome: PlacementOutcome | undefined, nodes: readonly NodeInfo[] | NodeGroups): Pick<Placement, 'rejected' | 'hints' | 'nodeVerdicts'> {
  if (!outcome?.failure || outcome.failure.length === 0) return {};
  if (nodes instanceof NodeGroups) return { nodeVerdicts: nodes.verdicts(outcome.failure) };
  const { rejected, hints } = perNodeDetail(outcome.failure, nodes);
  return { rejected, ...(hints && { hints }) };
}

/** The feasible nodes, and each rejected node's reasons and hint, in node name order. */
function perNodeDetail(parts: readonly VerdictPart[], nodes: readonly NodeInfo[]): Pick<SchedulingResult, 'feasibleNodes' | 'rejected' | 'hints'> {
  const partOf: (VerdictPart | undefined)[] = new Array<VerdictPart | undefined>(nodes.length);
  for (const part of parts) for (const index of part.members) partOf[index] = part;
  const feasibleNodes: string[] = [];
  const rejected: Record<string, readonly string[]> = {};
  const hints: Record<string, string> = {};
  nodes.forEach((node, index) => {
    const part = partOf[index];
    if (part && !part.reasons) feasibleNodes.push(node.name);
    else if (part?.reasons) rejected[node.name] = part.reasons;
    if (part?.hint !== undefined) hints[node.name] = part.hint;
  });
  // no hint at all: the field is left out, as the contract's optional fields are (placement.hints too)
  return { feasibleNodes, rejected, ...(Object.keys(hints).length > 0 && { hints }) };
}
