// What still fits after placement: more replicas per workload, and the room every node has left.
import { compareStrings } from '../model/finding.js';
import type { NodeInfo } from './node-info.js';
import { placementProbe, type PlacementRequest, type PlacementRun } from './placement.js';
import { CPU, MEMORY, type ResourceAmounts } from './resources.js';
import type { SchedulerSnapshot } from './snapshot.js';

/** Replicas tried per workload; a workload that takes them all is reported as "at least" this many. */
export const CAPACITY_PROBE = 1000;

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
 * For each workload: places CAPACITY_PROBE more replicas of its pod on the nodes as the main run left them (the same
 * as queueing them after every other workload), so they only take room left after everything else.
 */
export function capacityProbe(after: PlacementRun, snapshot: SchedulerSnapshot): (request: PlacementRequest | undefined) => WorkloadCapacity {
  const place = placementProbe(snapshot, after.nodes);
  return (request) => {
    const pod = request?.pods[0]?.pod;
    if (!pod) return { additionalReplicas: 0, atLeast: false };
    const outcome = place({ pods: [{ pod, replicas: CAPACITY_PROBE }], priority: 0 });
    const placed = CAPACITY_PROBE - outcome.unschedulable;
    return { additionalReplicas: placed, atLeast: placed === CAPACITY_PROBE };
  };
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

/** Bytes in the binary suffixes Kubernetes users read: "6.5Gi", "512Mi". */
function formatMemory(bytes: bigint): string {
  const value = Number(bytes);
  for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (Math.abs(value) >= size) return `${(value / size).toFixed(1).replace(/\.0$/, '')}${suffix}`;
  }
  return String(value);
}

function left(allocatable: ResourceAmounts, requested: ResourceAmounts, name: string): bigint {
  return (allocatable[name] ?? 0n) - (requested[name] ?? 0n);
}
