// What the scheduling dry-run reports per workload (JSON contract version 2, `scheduling[]`).
import type { ObjectRef } from '../model/object-ref.js';
import type { WorkloadCapacity } from './capacity.js';
import type { NodeVerdict } from './node-groups.js';
import type { PreemptionResult } from './preemption/preemption.js';
import type { VictimFate } from './preemption/victims.js';

export interface Placement {
  /** Replicas placed per node name. */
  readonly nodes: Readonly<Record<string, number>>;
  /** Replicas that fit on no node. */
  readonly unschedulable: number;
  /** kube-scheduler's message for the first replica that did not fit, computed when it failed; null when all fit. */
  readonly message?: string | null;
  /**
   * When replicas did not fit: each node's reasons for the first of them, after the replicas placed before it (for a
   * DaemonSet: each daemon pod's that did not fit, at its own node).
   */
  readonly rejected?: Readonly<Record<string, readonly string[]>>;
  readonly hints?: Readonly<Record<string, string>>;
  /** The same above 100 nodes (without --all-nodes), over the report's nodeGroups. */
  readonly nodeVerdicts?: readonly NodeVerdict[];
  /** Pods the workload's replicas preempted ("<namespace>/<name>", sorted); absent when none. */
  readonly preempted?: readonly string[];
  /** For each of `preempted`, in the same order: re-created by its controller and placed again, or gone. */
  readonly victims?: readonly VictimFate[];
}

export interface SchedulingResult {
  readonly object: ObjectRef;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Pods the workload asks for (for a DaemonSet: the nodes it should run on). */
  readonly replicas: number;
  /** Nodes one pod of the workload could land on, sorted by name (per-node detail: at most 100 nodes, or --all-nodes). */
  readonly feasibleNodes?: readonly string[];
  /** For every other node: the reasons of the first filter plugin that rejected it (per-node detail). */
  readonly rejected?: Readonly<Record<string, readonly string[]>>;
  /** Instead of feasibleNodes/rejected/hints above 100 nodes: one entry per distinct verdict over the report's nodeGroups. */
  readonly nodeVerdicts?: readonly NodeVerdict[];
  /** kube-scheduler's "0/N nodes are available: ..." message, or null when some node is feasible. */
  readonly message: string | null;
  readonly placement: Placement;
  /** For rejected nodes where one change is obvious: that change (e.g. "add toleration dedicated=gpu:NoSchedule"). */
  readonly hints?: Readonly<Record<string, string>>;
  /** Set on a bound Pod that `drain` evicted from this node and the dry-run re-placed. */
  readonly drainedFrom?: string;
  /**
   * For a pod that fit nowhere (alone, or a replica during placement): the node DefaultPreemption would nominate and
   * the pods it would evict, or null when preemption cannot help. Absent when every pod fit without preemption.
   */
  readonly preemption?: PreemptionResult | null;
  /** With --capacity: how many more replicas of the workload still fit after everything is placed. */
  readonly capacity?: WorkloadCapacity;
}
