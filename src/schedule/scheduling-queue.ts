// The pods placement tries again: kube-scheduler's unschedulable pool, which a bind or an eviction its queueing hints
// care about moves back to the queue, and the pods created while placement goes on (the re-created replica of an
// evicted one, a StatefulSet's next ordinal).
// upstream: pkg/scheduler/backend/queue/scheduling_queue.go (unschedulablePods, MoveAllToActiveOrBackoffQueue)
import type { PluginName } from './framework.js';
import type { PodInfo } from './pod-info.js';
import { BindListeners, bindHintFor, queuedByEviction } from './queueing-hints.js';
import type { VerdictPart } from './verdict-parts.js';

/** Why replicas fit nowhere. */
export interface Failure {
  readonly message: string;
  readonly parts: readonly VerdictPart[];
  /** The plugins that rejected the pod (upstream: UnschedulablePlugins), which say what may let it in later. */
  readonly rejectors: ReadonlySet<PluginName>;
  /** The try ended in an error, not a FitError: no PostFilter (preemption) runs. */
  readonly schedulerError?: true;
}

/** A replica the dry run placed and a later preemption evicted; `node` and `message` are filled in at its next try. */
export interface ReplacedVictim {
  /** "<namespace>/<name>". */
  readonly pod: string;
  /** "<Kind>/<name>" of what re-creates it. */
  readonly controller: string;
  /** Where the re-created replica landed, or null: it stays Pending (with kube-scheduler's message). */
  node?: string | null;
  message?: string;
}

/** Replicas of one pod of a placement request to try. */
export interface Pending {
  readonly request: number;
  /** The pod's index in its request. */
  readonly at: number;
  readonly pod: PodInfo;
  readonly replicas: number;
  /** For the re-created replica of an evicted one: its fate, filled in when it lands or at the end. */
  readonly fate?: ReplacedVictim;
}

/** Replicas that fit nowhere at their last try. */
export interface Waiting extends Pending, Failure {
  /** Set when a bind or eviction since the last try may make the pod schedulable. */
  queued: boolean;
}

export class SchedulingQueue {
  /** The unschedulable pool, in the order the pods failed. */
  #waiting: Waiting[] = [];
  /** Those of the pool a bind may queue again (with a bind hint). */
  readonly #listeners = new BindListeners<Waiting>();
  /** Pods created since the round began, for the next one. */
  #created: Pending[] = [];
  /** Per ordered request, the pods not created yet, in order, while one before them waits. */
  readonly #uncreated = new Map<number, Pending[]>();

  /** The replicas fit nowhere: they wait for an event the rejecting plugins' hints care about. */
  unschedulable(pending: Pending, failure: Failure): void {
    const { message, parts, rejectors } = failure;
    const waiting: Waiting = { ...pending, message, parts, rejectors, queued: false };
    this.#waiting.push(waiting);
    const hint = bindHintFor(pending.pod, failure.rejectors);
    if (hint) this.#listeners.add(waiting, hint);
  }

  /** The pods of an ordered request after one that waits: created only once it is placed. */
  holdBack(request: number, pods: Pending[]): void {
    this.#uncreated.set(request, pods);
  }

  /** A pod of the request was placed: the next one not created yet is created now. */
  placed(request: number): void {
    const next = this.#uncreated.get(request)?.shift();
    if (next) this.#created.push(next);
  }

  /** A pod created during placement (the re-created replica of an evicted one). */
  create(pending: Pending): void {
    this.#created.push(pending);
  }

  /** A pod was bound: queues the waiting pods its bind may let in. */
  bound(pod: PodInfo): void {
    this.#listeners.bound(pod);
  }

  /** Pods were evicted: queues the waiting pods rejected for what such pods hold. */
  evicted(): void {
    for (const waiting of this.#waiting) waiting.queued ||= queuedByEviction(waiting.rejectors);
  }

  /**
   * The replicas of the next round, in the order they are tried (none: placement is over): the queued and the created
   * ones, higher priority first, then in the order they failed or were created.
   */
  nextRound(): Pending[] {
    const queued = this.#waiting.filter((w) => w.queued);
    if (queued.length > 0) {
      this.#waiting = this.#waiting.filter((w) => !w.queued);
      this.#listeners.dropQueued();
    }
    const round: Pending[] = [...queued, ...this.#created];
    this.#created = [];
    return round.sort((a, b) => b.pod.priority - a.pod.priority);
  }

  /** The replicas left waiting, by request and then pod. */
  get waiting(): Waiting[] {
    return [...this.#waiting].sort((a, b) => a.request - b.request || a.at - b.at);
  }

  /** The pods never created, per ordered request. */
  get uncreated(): ReadonlyMap<number, readonly Pending[]> {
    return this.#uncreated;
  }
}
