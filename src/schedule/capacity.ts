// What still fits after placement: more replicas per workload, and the room every node has left.
import { compareStrings } from '../model/finding.js';
import { addPodToNode, type NodeInfo } from './node-info.js';
import { findNodesThatFit } from './feasibility.js';
import type { PodInfo } from './pod-info.js';
import { placementProbe, type PlacementProbe, type PlacementRequest, type PlacementRun } from './placement.js';
import { filterNode, runPreFilters, type PreparedPod } from './run-filters.js';
import { CPU, MEMORY, type ResourceAmounts } from './resources.js';
import type { SchedulerSnapshot } from './snapshot.js';
import type { StorageCatalog } from './volumes/storage-catalog.js';

/** Replicas tried per workload; a workload that takes them all is reported as "at least" this many. */
export const CAPACITY_PROBE = 1000;
/**
 * A StatefulSet's next ordinals tried when each claims volumes of its own: every one is a pod of its own, placed one at
 * a time with its new claims (a thousand for each of 50 sets on 5,000 nodes took minutes), so fewer are tried.
 */
export const CLAIMING_ORDINALS_PROBE = 20;

export interface WorkloadCapacity {
  /** Replicas of one more pod of the workload that would still be placed after everything else. */
  readonly additionalReplicas: number;
  /** True when the probe ran out before the cluster did: at least `additionalReplicas` fit. */
  readonly atLeast: boolean;
}

export interface NodeRoom {
  /** Allocatable cpu minus what the pods bound and placed there request, e.g. "1250m". */
  readonly cpu: string;
  readonly memory: string;
  readonly pods: number;
}

/**
 * The pods a workload adds when scaled up by `count`, made in `storage`: a StatefulSet's next ordinals, each with the
 * claims its controller would create there (copies of its first pod would share that pod's claims).
 */
export type NextPods = (count: number, storage: StorageCatalog) => readonly PodInfo[];

/**
 * For each workload: places CAPACITY_PROBE more replicas of its pod (or its CLAIMING_ORDINALS_PROBE `next` pods) on the
 * nodes and storage as the main run left them (the same as queueing them after every other workload), so they only
 * take room left after everything else.
 */
export function capacityProbe(after: PlacementRun, snapshot: SchedulerSnapshot): (request: PlacementRequest | undefined, next?: NextPods) => WorkloadCapacity {
  const probe = placementProbe(snapshot, after.nodes, after.storage);
  return (request, next) => {
    if (request && next) {
      const placed = placedOfNext(request, next, probe);
      return { additionalReplicas: placed, atLeast: placed === CLAIMING_ORDINALS_PROBE };
    }
    const pod = request?.pods[0]?.pod;
    if (!pod) return { additionalReplicas: 0, atLeast: false };
    const placed = countFitting(pod, probe) ?? CAPACITY_PROBE - probe.place({ pods: [{ pod, replicas: CAPACITY_PROBE }], priority: 0 }).unschedulable;
    return { additionalReplicas: placed, atLeast: placed === CAPACITY_PROBE };
  };
}

/** How many of the workload's next CLAIMING_ORDINALS_PROBE pods land, created as its own were (one by one when ordered). */
function placedOfNext(request: PlacementRequest, next: NextPods, probe: PlacementProbe): number {
  const storage = probe.cluster.storage.fork();
  const pods = next(CLAIMING_ORDINALS_PROBE, storage);
  const outcome = probe.place({ pods: pods.map((pod) => ({ pod, replicas: 1 })), priority: 0, ...(request.ordered && { ordered: true }) }, storage);
  return Object.values(outcome.nodes).reduce((sum, count) => sum + count, 0);
}

/**
 * How many of CAPACITY_PROBE replicas would be placed, without placing them, when the pod's filters read each node
 * alone and their PreFilter state never follows placed pods (no volumes, no preemption either): each node then takes
 * copies until its filters fail, whichever node the scores pick first, so the count is the sum over feasible node
 * classes of what one member takes. Undefined when that does not hold.
 */
function countFitting(pod: PodInfo, probe: PlacementProbe): number | undefined {
  if (pod.volumes.length > 0 || probe.mayPreempt(pod)) return undefined;
  const prepared = runPreFilters(pod, probe.cluster);
  if (prepared.rejection || prepared.nodeNames || prepared.tracksPods) return undefined;
  let total = 0;
  for (const { members, status } of findNodesThatFit(prepared, probe.nodes).verdicts) {
    const first = probe.nodes.nodes[members[0] ?? -1];
    if (status || !first) continue;
    total += copiesFitting(prepared, first, Math.ceil((CAPACITY_PROBE - total) / members.length)) * members.length;
    if (total >= CAPACITY_PROBE) return CAPACITY_PROBE;
  }
  return total;
}

/** Copies of the prepared pod the node takes one after another (at most `most`). */
function copiesFitting(prepared: PreparedPod, node: NodeInfo, most: number): number {
  let copies = 0;
  for (let current = node; copies < most && !filterNode(prepared, current); copies++) current = addPodToNode(current, prepared.pod);
  return copies;
}

/** Room left on every node after placement, by node name (sorted). */
export function roomPerNode(nodes: readonly NodeInfo[]): Record<string, NodeRoom> {
  const room: Record<string, NodeRoom> = {};
  for (const node of [...nodes].sort((a, b) => compareStrings(a.name, b.name))) {
    room[node.name] = {
      cpu: `${left(node.allocatable, node.requested, CPU)}m`,
      memory: formatMemory(left(node.allocatable, node.requested, MEMORY)),
      pods: Number(node.allowedPodNumber) - node.pods.length,
    };
  }
  return room;
}

/**
 * Bytes in the binary suffixes Kubernetes users read: "6.5Gi", "512Mi". Rounded down, never up: room shown as 7.8Gi
 * where 7.75Gi is left would promise a 7.8Gi pod a place it does not have.
 */
function formatMemory(bytes: bigint): string {
  const value = Number(bytes);
  for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (Math.abs(value) >= size) return `${Math.floor((value * 10) / size) / 10}${suffix}`;
  }
  return String(value);
}

function left(allocatable: ResourceAmounts, requested: ResourceAmounts, name: string): bigint {
  return (allocatable[name] ?? 0n) - (requested[name] ?? 0n);
}
