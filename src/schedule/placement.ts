// Places every replica of every workload in turn (priority first, then input order), each pod changing the cluster;
// then tries again, round by round, the pods that a later bind or eviction may let in (kube-scheduler's requeueing).
import { unplacedMessage } from './kubelet-admission.js';
import { findNodesThatFit, fitMessage, hasFeasibleNode, rejectorsOf } from './feasibility.js';
import type { ClusterState } from './framework.js';
import { NodeClasses } from './node-classes.js';
import { addPodToNode, removePodsFromNode, type NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { StorageCatalog } from './volumes/storage-catalog.js';
import type { SchedulerSnapshot } from './snapshot.js';
import { filterWithNominatedPods, NominatedPods, withNominatedPods } from './nominated-pods.js';
import { addPodToPrepared, runPreFilters, type PreparedPod } from './run-filters.js';
import { reserveVolumes } from './plugins/volume-binding.js';
import type { PodDisruptionBudget } from './preemption/pod-disruption-budgets.js';
import { withPostFilterMessage } from './fit-error.js';
import { podKey, postFilterMessageOf, preemptionOf, runPostFilter, toPreemptionResult, type PreemptionResult } from './preemption/preemption.js';
import { SchedulingQueue, type Failure, type Pending, type ReplacedVictim } from './scheduling-queue.js';
import { ReplicaQueue } from './replica-queue.js';
import { repelledBy } from './plugins/inter-pod-affinity.js';
import { preScoreError, selectHost } from './select-host.js';
import { verdictPartsOf, type VerdictPart } from './verdict-parts.js';
import { MAX_PLACED_PODS, notTriedMessage } from './scheduling-checks.js';

/** Pods of one workload (or one daemon pod per node) to place `replicas` times each. */
export interface PlacementRequest {
  readonly pods: readonly { readonly pod: PodInfo; readonly replicas: number }[];
  readonly priority: number;
  /**
   * "<Kind>/<name>" of what re-creates a pod of the request that a preemption evicts (its workload, or a bare Pod's
   * controller). Without one, a pod placed by the dry run is never a victim of its later preemptions.
   */
  readonly controller?: string;
  /**
   * The pods are created one at a time, each once the one before it is placed (a StatefulSet's OrderedReady pod
   * management; upstream: stateful_set_control.go waits for each ordinal to be Running and Ready).
   */
  readonly ordered?: boolean;
  /**
   * A DaemonSet's pods, each pinned to one node: the index of pods[i]'s node. Each pod that fits nowhere is then
   * reported by its own node's verdict (the others only say the pod is not theirs).
   */
  readonly pinned?: readonly number[];
  /** The pods wait for a controller before kube-scheduler sees them (scheduling gates, a suspended Job): tried last. */
  readonly held?: boolean;
}

export interface PlacementOutcome {
  readonly nodes: Record<string, number>;
  unschedulable: number;
  /** The aggregated message of the first pod (in request order) left unplaced, from its last try. */
  message: string | null;
  /** Each node's verdict for that pod at its last try (after the placements before it). */
  failure?: readonly VerdictPart[];
  /**
   * What preemption did for the first replica that fit nowhere (null: nothing), or the first preemption of a later
   * try; undefined when none failed, or when one failed, nothing was preempted and a later try placed it.
   */
  preemption?: PreemptionResult | null;
  /** Pods evicted by this workload's preemptions, as "<namespace>/<name>". */
  readonly preempted: string[];
  /** What became of the replicas placed by the dry run among them, by their index in `preempted`. */
  readonly replaced: Map<number, ReplacedVictim>;
}

export interface PlacementRun {
  /** One outcome per request, in request order. */
  readonly outcomes: readonly PlacementOutcome[];
  /** The nodes after placement. */
  readonly nodes: readonly NodeInfo[];
  /** The storage objects after placement: the claims it created and the bindings it assumed. */
  readonly storage: StorageCatalog;
  /** Set when the run bound its most pods (maxPlaced): the first request (in queue order) left with untried replicas. */
  readonly stopped: Stop | undefined;
}

export interface Stop {
  readonly request: number;
  /** The pods bound by then. */
  readonly placed: number;
}

/**
 * Upstream's queue order: higher priority first; kubefit then keeps input order (a stable sort). Held requests come
 * after all others: the active queue never holds their pods while they wait (SchedulingGates PreEnqueue; a suspended
 * Job has no pods yet).
 */
export function queueOrder(requests: readonly PlacementRequest[]): number[] {
  const held = (i: number) => (requests[i]?.held === true ? 1 : 0);
  return requests.map((_, i) => i).sort((a, b) => held(a) - held(b) || (requests[b]?.priority ?? 0) - (requests[a]?.priority ?? 0) || a - b);
}

/**
 * Places the requests on `start` (the snapshot's nodes unless given, e.g. the final nodes of an earlier run), at most
 * `maxPlaced` pods in all: the replicas left then are not tried (notTriedMessage).
 */
export function placeAll(requests: readonly PlacementRequest[], snapshot: SchedulerSnapshot, start: readonly NodeInfo[] = snapshot.nodes, maxPlaced = MAX_PLACED_PODS): PlacementRun {
  const nodes = new NodeClasses(start);
  const context = placementContext(requests, nodes, snapshot, { lowestPriority: lowestPriorityOf(start), storage: snapshot.storage.fork(), maxPlaced });
  placeRequests(queueOrder(requests), context);
  return { outcomes: context.outcomes, nodes: nodes.nodes, storage: context.live.storage, stopped: context.stopped };
}

/**
 * Every replica in queue order (of an ordered request, its first pod); then, round by round, the replicas tried
 * again or made since: the next pod of an ordered request whose last one was placed, the re-created replicas of
 * evicted ones, and the waiting ones some bind or eviction since their last try queued again; higher priority first,
 * then in the order they failed (upstream refreshes a requeued pod's queue timestamp; its backoff of at least a second
 * lets the pods already queued go first). A round that binds nothing queues nothing, so the rounds end.
 *
 * kube-scheduler also retries every pod left in the unschedulable pool after five minutes. With hints that skip no
 * event that may help, such a retry finds no node either: pods bound since the last try only take room (preemption's
 * dry run already weighed evicting every lower-priority pod), and those that may help queued the pod. It would only
 * count the nodes of its message anew.
 */
function placeRequests(order: readonly number[], context: PlacementContext): void {
  const { requests, outcomes } = context;
  const { queue } = context;
  for (const request of order) {
    const pending = requests[request]?.pods.map(({ pod, replicas }, at) => ({ request, at, pod, replicas })) ?? [];
    // OrderedReady creates the next ordinal once the one before runs: after the pods created with the first
    if (requests[request]?.ordered) queue.holdBack(request, pending.splice(1));
    for (const pods of pending) attempt(pods, context);
  }
  for (let round = queue.nextRound(); round.length > 0; round = queue.nextRound()) {
    for (const pending of round) attempt(pending, context);
  }
  for (const [request, uncreated] of queue.uncreated) {
    const outcome = outcomes[request];
    if (outcome) for (const { replicas } of uncreated) outcome.unschedulable += replicas;
  }
  for (const waiting of queue.waiting) {
    const { request, replicas, message, parts, fate } = waiting;
    const outcome = outcomes[request];
    if (!outcome) continue;
    outcome.unschedulable += replicas;
    outcome.message ??= message;
    const node = requests[request]?.pinned?.[waiting.at];
    outcome.failure = node === undefined ? (outcome.failure ?? parts) : [...(outcome.failure ?? []), ...ownNodePart(parts, node)];
    if (fate) {
      fate.node = null;
      fate.message = message;
    }
  }
  // A failure a later try undid, without preempting, leaves nothing to say about preemption.
  for (const outcome of outcomes) if (outcome.unschedulable === 0 && outcome.preemption === null) delete outcome.preemption;
}

/** The verdict of node `index` in `parts`, as a part of its own. */
function ownNodePart(parts: readonly VerdictPart[], index: number): VerdictPart[] {
  const part = parts.find(({ members }) => members.includes(index));
  return part ? [{ reasons: part.reasons, hint: part.hint, members: [index] }] : [];
}

/**
 * Tries the replicas; those that fit nowhere join the unschedulable pool. Once a pod of an ordered request is placed,
 * the next one not created yet is, for the next round. True when every replica was placed.
 */
function attempt(pending: Pending, context: PlacementContext): boolean {
  const outcome = context.outcomes[pending.request];
  if (!outcome) return false;
  const failed = placeReplicas(pending.pod, pending.replicas, outcome, context);
  if (failed?.untried) context.stopped ??= { request: pending.request, placed: context.binds.end };
  if (failed) {
    context.queue.unschedulable({ ...pending, replicas: failed.replicas }, failed);
    return false;
  }
  if (pending.fate) pending.fate.node = context.lastBound;
  context.queue.placed(pending.request);
  return true;
}

/** Placements tried one at a time from the same nodes, which each leaves as it found them. */
export interface PlacementProbe {
  /** The nodes every probe starts from (node classes and indexes built once for all probes). */
  readonly nodes: NodeClasses;
  readonly cluster: ClusterState;
  /** Whether a pod of this priority may preempt (some pod on the nodes has a lower one). */
  mayPreempt(pod: PodInfo): boolean;
  /**
   * Places the request as placeAll([request], snapshot, start) would, then puts the nodes back; on a fork of `storage`
   * (which may hold claims made for the request), the probe's own storage by default.
   */
  place(request: PlacementRequest, storage?: StorageCatalog): PlacementOutcome;
}

/** Probes from `start` and `storage`: the nodes and storage objects an earlier run (placeAll's) left. */
export function placementProbe(snapshot: SchedulerSnapshot, start: readonly NodeInfo[], storage: StorageCatalog): PlacementProbe {
  const nodes = new NodeClasses(start);
  const lowestPriority = lowestPriorityOf(start);
  const cluster = nodes.clusterState(snapshot.namespaceLabels, snapshot.minor, { storage: storage.fork(), devices: snapshot.devices });
  return {
    nodes,
    cluster,
    mayPreempt: (pod) => pod.priority > lowestPriority,
    place(request, from = cluster.storage) {
      const context = placementContext([request], nodes, snapshot, { lowestPriority, storage: from.fork(), maxPlaced: MAX_PLACED_PODS });
      placeRequests([0], context);
      const [outcome = emptyOutcome()] = context.outcomes;
      start.forEach((node, index) => {
        if (nodes.nodes[index] !== node) nodes.replace(index, node);
      });
      return outcome;
    },
  };
}

function emptyOutcome(): PlacementOutcome {
  return { nodes: {}, unschedulable: 0, message: null, preempted: [], replaced: new Map() };
}

function placementContext(requests: readonly PlacementRequest[], nodes: NodeClasses, snapshot: SchedulerSnapshot, start: { lowestPriority: number; storage: StorageCatalog; maxPlaced: number }): PlacementContext {
  const { lowestPriority, storage, maxPlaced } = start;
  const origins = new Map<PodInfo, { readonly request: number; readonly at: number }>();
  requests.forEach(({ pods }, request) => pods.forEach(({ pod }, at) => origins.set(pod, { request, at })));
  return {
    requests,
    outcomes: requests.map(emptyOutcome),
    origins,
    nodes,
    live: nodes.clusterState(snapshot.namespaceLabels, snapshot.minor, { storage, devices: snapshot.devices }),
    prepared: new Map(),
    tracking: new Map(),
    binds: new BindLog(),
    budgets: snapshot.podDisruptionBudgets,
    lowestPriority,
    queue: new SchedulingQueue(),
    nominated: new NominatedPods(requests.flatMap(({ pods }) => pods.map(({ pod }) => pod))),
    lastBound: null,
    maxPlaced,
    stopped: undefined,
  };
}

function lowestPriorityOf(nodes: readonly NodeInfo[]): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const node of nodes) for (const pod of node.pods) lowest = Math.min(lowest, pod.priority);
  return lowest;
}

interface PlacementContext {
  readonly requests: readonly PlacementRequest[];
  /** One per request. */
  readonly outcomes: PlacementOutcome[];
  /** Which request (and which of its pods) each pod to place comes from. */
  readonly origins: ReadonlyMap<PodInfo, { readonly request: number; readonly at: number }>;
  readonly nodes: NodeClasses;
  readonly live: ClusterState;
  readonly prepared: Map<string, PreparedPod>;
  /** The prepared pods whose PreFilter state follows placed pods, with how many binds of the log it has seen. */
  readonly tracking: Map<string, { readonly entry: PreparedPod; seen: number }>;
  readonly binds: BindLog;
  readonly budgets: readonly PodDisruptionBudget[];
  /** No pod on any node has a lower priority (evictions only raise it): a pod at or below it cannot preempt. */
  lowestPriority: number;
  /** The pods to try again, and those created while placement goes on. */
  readonly queue: SchedulingQueue;
  /** The pending pods nominated to a node (status.nominatedNodeName) and not bound yet. */
  readonly nominated: NominatedPods;
  /** The name of the node of the latest bind. */
  lastBound: string | null;
  /** The most pods the run binds (preemptions' binds included). */
  readonly maxPlaced: number;
  /** The first request left with untried replicas once `maxPlaced` pods were bound. */
  stopped: Stop | undefined;
}

/**
 * Places `replicas` copies of the pod, through a ReplicaQueue when the pod allows it; how many fit nowhere (the
 * first that failed, and the identical ones after it) and why, or how many were not tried once the run had bound its
 * most pods.
 */
function placeReplicas(pod: PodInfo, replicas: number, outcome: PlacementOutcome, context: PlacementContext): (Failure & { readonly replicas: number; readonly untried?: true }) | undefined {
  let queue: ReplicaQueue | undefined;
  // a queue filters classes of nodes, not the nodes that keep room for nominated pods, and scores without PreScore errors
  let queued = replicas > 1 && !context.nominated.reserveFor(pod) && pod.preferredNodeAffinityError === undefined;
  for (let replica = 0; replica < replicas; replica++) {
    if (context.binds.end >= context.maxPlaced) {
      return { replicas: replicas - replica, message: notTriedMessage(context.maxPlaced), parts: [], rejectors: new Set(), untried: true };
    }
    if (queued && (!queue || queue.stale)) {
      queue = ReplicaQueue.build(prepare(pod, context), context.nodes, context.live);
      queued = queue !== undefined;
    }
    const chosen = queued ? queue?.next() : undefined;
    const placed = chosen === undefined ? placeOne(pod, context) : bind(pod, chosen, context);
    if (placed && 'parts' in placed) {
      if (placed.schedulerError) {
        outcome.preemption ??= null;
        return { replicas: replicas - replica, ...placed };
      }
      const postFilter = preempt(pod, outcome, context);
      if ('node' in postFilter || 'retry' in postFilter) {
        // The cluster changed under the queue: rebuild it for the next replica.
        queue = undefined;
        if ('node' in postFilter) outcome.nodes[postFilter.node.name] = (outcome.nodes[postFilter.node.name] ?? 0) + 1;
        // the same replica again, on the cluster without the victims (each retry evicted some: it ends)
        else replica--;
        continue;
      }
      // Nothing changed since this replica failed, so the remaining identical replicas fail the same way.
      const message = withPostFilterMessage(placed.message, postFilter.message, context.live.minor);
      return { replicas: replicas - replica, message, parts: placed.parts, rejectors: placed.rejectors };
    }
    if (chosen !== undefined) queue?.placed(chosen);
    // A queue that found no node while one fitted did not see this bind: build it again for the next replica.
    else if (placed) queue = undefined;
    if (placed) outcome.nodes[placed.name] = (outcome.nodes[placed.name] ?? 0) + 1;
  }
  return undefined;
}

function prepare(pod: PodInfo, context: PlacementContext): PreparedPod {
  const { prepared, tracking, binds } = context;
  const { signature } = pod;
  let entry = prepared.get(signature);
  const tracked = tracking.get(signature);
  // A state that missed binds the log no longer holds is prepared afresh.
  if (entry && (!tracked || binds.catchUp(tracked))) {
    // the most recently used last
    prepared.delete(signature);
    prepared.set(signature, entry);
    return entry;
  }
  entry = runPreFilters(pod, context.live);
  prepared.set(signature, entry);
  if (entry.tracksPods) tracking.set(signature, { entry, seen: binds.end });
  if (prepared.size > PREPARED_KEPT) {
    const [oldest] = prepared.keys();
    if (oldest !== undefined) {
      prepared.delete(oldest);
      tracking.delete(oldest);
    }
  }
  return entry;
}

/**
 * Prepared pods kept for later pods of the same signature, the least recently used dropped first (a dropped one is
 * prepared again from the nodes as they are then). A DaemonSet's pods, one per node and each pinned to its node, are
 * all different: ten DaemonSets on 5,000 nodes kept 50,000 PreFilter states to the end of placement (peak RSS 444 ->
 * 405 MB), and every bind updated each kept state that follows placed pods.
 */
const PREPARED_KEPT = 256;

/** Filters and scores every node class: the node the pod was bound to, or why no node fits. */
function placeOne(pod: PodInfo, context: PlacementContext): NodeInfo | Failure | undefined {
  const entry = prepare(pod, context);
  const nominated = nominatedNodeThatFits(entry, context);
  if (nominated !== undefined) return bind(pod, nominated, context);
  const feasibility = withNominatedPods(findNodesThatFit(entry, context.nodes), entry, context.nodes, context.nominated);
  if (!hasFeasibleNode(feasibility)) {
    const message = unplacedMessage(pod, context.nodes.nodes, () => fitMessage(feasibility));
    return message === null ? undefined : { message, parts: verdictPartsOf(feasibility, pod, context.nodes.nodes, entry), rejectors: rejectorsOf(feasibility) };
  }
  const error = preScoreError(pod, feasibility);
  if (error !== undefined) return { message: error, parts: verdictPartsOf(feasibility, pod, context.nodes.nodes, entry), rejectors: new Set(), schedulerError: true };
  const chosen = selectHost(pod, feasibility, context.nodes, context.live);
  return chosen === undefined ? undefined : bind(pod, chosen, context);
}

/**
 * The node an earlier preemption nominated the pod to, when it passes the filters: kube-scheduler tries it first and
 * binds the pod there without scoring other nodes.
 */
// upstream: schedule_one.go findNodesThatFitPod, evaluateNominatedNode (v1.35)
function nominatedNodeThatFits(prepared: PreparedPod, context: PlacementContext): number | undefined {
  const { nodes, nominated } = context;
  const name = nominated.nominatedNodeName(prepared.pod);
  const index = name === undefined || prepared.rejection ? undefined : nodes.indexOf(name);
  const node = index === undefined ? undefined : nodes.nodes[index];
  return node && index !== undefined && filterWithNominatedPods(prepared, index, node, nodes, nominated) === undefined ? index : undefined;
}

/**
 * PostFilter: DefaultPreemption evicts the victims it picks and the pod takes their room (kube-scheduler binds it in
 * a later cycle, normally to the nominated node), or says why it cannot. Records the first decision in the outcome.
 */
function preempt(pod: PodInfo, outcome: PlacementOutcome, context: PlacementContext): { readonly node: NodeInfo } | { readonly retry: true } | { readonly message?: string } {
  const { nodes, live, budgets, lowestPriority, nominated } = context;
  const prepared = prepare(pod, context);
  const evictable = (victim: PodInfo): boolean => {
    const origin = context.origins.get(victim);
    return origin === undefined || context.requests[origin.request]?.controller !== undefined;
  };
  const feasibility = withNominatedPods(findNodesThatFit(prepared, nodes), prepared, nodes, nominated);
  const postFilter = runPostFilter(prepared, feasibility, { nodes, cluster: live, budgets, lowestPriority, evictable, nominated });
  const preemption = preemptionOf(postFilter);
  // The first decision, unless a later try of the workload preempted where the first could not.
  if (outcome.preemption === undefined || (outcome.preemption === null && preemption)) outcome.preemption = toPreemptionResult(preemption);
  if (!preemption) {
    // A pod that found no candidate is nominated no longer: the pods after it may take the room it kept.
    if ('clearsNominatedNodeName' in postFilter && pod.nominatedNodeName !== undefined) nominated.deleteNominatedPodIfExists(pod);
    return { message: postFilterMessageOf(postFilter) };
  }
  nodes.replace(preemption.index, removePodsFromNode(preemption.node, preemption.victims));
  nominated.preempted(preemption.node.name, pod.priority);
  for (const victim of preemption.victims) {
    const fate = recreate(victim, preemption.node.name, context);
    if (fate) outcome.replaced.set(outcome.preempted.length, fate);
    outcome.preempted.push(podKey(victim));
  }
  context.queue.evicted();
  // Cached PreFilter states counted the evicted pods: prepare every pod again.
  context.prepared.clear();
  context.tracking.clear();
  // kube-scheduler binds the pod in a later cycle, once the victims are gone, where the filters let it: the dry run's
  // counts can make a node a candidate that then still rejects it (PodTopologySpread's RemovePod of a terminating
  // victim PreFilter never counted), and the pod is tried again.
  const node = nodes.nodes[preemption.index];
  if (node && filterWithNominatedPods(prepare(pod, context), preemption.index, node, nodes, nominated)) return { retry: true };
  const bound = bind(pod, preemption.index, context);
  return bound ? { node: bound } : {};
}

/**
 * A replica this run placed, evicted from `node`: it no longer counts there, and its controller re-creates it for the
 * next round (upstream: the controller sees a pod missing and creates one, which enters the scheduling queue).
 * Undefined for a pod bound before the run.
 */
function recreate(victim: PodInfo, node: string, context: PlacementContext): ReplacedVictim | undefined {
  const origin = context.origins.get(victim);
  const outcome = origin && context.outcomes[origin.request];
  const controller = origin && context.requests[origin.request]?.controller;
  if (!origin || !outcome || controller === undefined) return undefined;
  const count = (outcome.nodes[node] ?? 0) - 1;
  if (count > 0) outcome.nodes[node] = count;
  else delete outcome.nodes[node];
  const fate: ReplacedVictim = { pod: podKey(victim), controller };
  context.queue.create({ request: origin.request, at: origin.at, pod: victim, replicas: 1, fate });
  return fate;
}

/**
 * Binds the pod to node `index`: the pod's own PreFilter state (a ReplicaQueue reads it) sees the bind now, other
 * cached states when they are used again (BindLog).
 */
function bind(pod: PodInfo, index: number, context: PlacementContext): NodeInfo | undefined {
  const { nodes, tracking, binds } = context;
  const node = nodes.nodes[index];
  if (!node) return undefined;
  const updated = addPodToNode(node, pod);
  nodes.replace(index, updated);
  context.lowestPriority = Math.min(context.lowestPriority, pod.priority);
  if (pod.nominatedNodeName !== undefined) context.nominated.deleteNominatedPodIfExists(pod);
  if (pod.volumes.length > 0) reserveVolumes(pod, updated, context.live.storage);
  if (pod.requiredAntiAffinityTerms.length > 0) forgetRepelled(pod, context);
  binds.append(pod, updated);
  context.lastBound = updated.name;
  context.queue.bound(pod);
  const own = tracking.get(pod.signature);
  if (own && !binds.catchUp(own)) {
    context.prepared.delete(pod.signature);
    tracking.delete(pod.signature);
  }
  return updated;
}

/**
 * The pods bound during placement, in order, for the cached PreFilter states that follow placed pods: each catches up
 * when it is used again. Updating every cached state on each bind cost O(binds x workloads): 200 Deployments with
 * DoNotSchedule spreading kept 200 states, updated on each of 20,000 binds, most of them never read again.
 */
class BindLog {
  #binds: { readonly pod: PodInfo; readonly node: NodeInfo }[] = [];
  /** Binds dropped from the front of the log. */
  #dropped = 0;

  /** How many binds were logged in all. */
  get end(): number {
    return this.#dropped + this.#binds.length;
  }

  append(pod: PodInfo, node: NodeInfo): void {
    this.#binds.push({ pod, node });
    // The log keeps each bind's node as it was then: the oldest half goes (states behind it are prepared afresh).
    if (this.#binds.length > BINDS_KEPT) {
      const half = this.#binds.length >> 1;
      this.#binds = this.#binds.slice(half);
      this.#dropped += half;
    }
  }

  /** Applies the binds the state has not seen; false when some of them are no longer in the log. */
  catchUp(tracked: { readonly entry: PreparedPod; seen: number }): boolean {
    if (tracked.seen < this.#dropped) return false;
    for (let i = tracked.seen - this.#dropped; i < this.#binds.length; i++) {
      const bind = this.#binds[i];
      if (bind) addPodToPrepared(tracked.entry, bind.pod, bind.node);
    }
    tracked.seen = this.end;
    return true;
  }
}

/** Binds kept for cached states to catch up with (a state further behind runs PreFilter again). */
const BINDS_KEPT = 1024;

/**
 * Pods that skipped InterPodAffinity and whose pods `bound`'s anti-affinity now repels must run its PreFilter again;
 * every other prepared state stays valid (tracked ones follow the bind through addPod).
 */
function forgetRepelled(bound: PodInfo, context: PlacementContext): void {
  for (const [signature, entry] of context.prepared) {
    if (entry.rejection || entry.active.some((a) => a.plugin.name === 'InterPodAffinity')) continue;
    if (repelledBy(bound, entry.pod, context.live.namespaceLabels.get(entry.pod.namespace) ?? {})) {
      context.prepared.delete(signature);
      context.tracking.delete(signature);
    }
  }
}
