// What still fits after placement: more replicas per workload, and the room every node has left.
import { compareStrings } from '../model/finding.js';
import type { NodeInfo } from './node-info.js';
import { placeAll, type PlacementRequest } from './placement.js';
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
 * Places everything again with CAPACITY_PROBE more replicas of the workload's pod queued last, so they only take
 * room left after every other workload; one full placement per workload, so it runs only when asked for.
 */
export function additionalReplicas(requests: readonly PlacementRequest[], index: number, snapshot: SchedulerSnapshot): WorkloadCapacity {
  const pod = requests[index]?.pods[0]?.pod;
  if (!pod) return { additionalReplicas: 0, atLeast: false };
  const probe: PlacementRequest = { pods: [{ pod, replicas: CAPACITY_PROBE }], priority: Number.NEGATIVE_INFINITY };
  const outcome = placeAll([...requests, probe], snapshot).outcomes[requests.length];
  const placed = CAPACITY_PROBE - (outcome?.unschedulable ?? CAPACITY_PROBE);
  return { additionalReplicas: placed, atLeast: placed === CAPACITY_PROBE };
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
