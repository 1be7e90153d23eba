// A pod's verdict per set of nodes (feasible, or rejected with equal reasons and hint): what reports list.
import { unlistedIndices, type Feasibility } from './feasibility.js';
import { hintFor } from './hints.js';
import { snapshotOf } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { PreparedPod } from './run-filters.js';

/** Node indices, read by index or in order. */
export type NodeIndices = readonly number[] | Int32Array;

/** Nodes (indices, i.e. by name) that one pod found feasible (`reasons` undefined) or rejected with equal reasons and hint. */
export interface VerdictPart {
  readonly reasons: readonly string[] | undefined;
  readonly hint: string | undefined;
  /** In no particular order (every reader indexes by node, or counts): sorting them cost a pass per pod over large clusters. */
  readonly members: NodeIndices;
}

/** The parts of a Feasibility, with one hint per class of nodes (its members share everything the hint reads). */
export function verdictPartsOf(feasibility: Feasibility, pod: PodInfo, nodes: readonly NodeInfo[], prepared: PreparedPod): VerdictPart[] {
  const parts = new VerdictParts();
  for (const verdict of feasibility.verdicts) {
    const representative = nodes[verdict.members[0] ?? -1];
    const hint = verdict.status && representative ? hintFor(pod, representative, verdict.status, prepared) : undefined;
    parts.add(verdict.status?.reasons, hint, verdict.members);
  }
  if (feasibility.others) parts.add(feasibility.others.reasons, undefined, unlistedIndices(feasibility));
  return parts.build();
}

interface OpenPart {
  readonly reasons: readonly string[] | undefined;
  readonly hint: string | undefined;
  /** The member lists added, copied into one at build (a node class's list per verdict: no copy per add). */
  readonly chunks: (readonly number[])[];
}

/** Collects a pod's verdict per node set, merging sets with equal reasons and hint. */
export class VerdictParts {
  readonly #byKey = new Map<string, OpenPart>();

  /** `members` are read at build: they must not change before. */
  add(reasons: readonly string[] | undefined, hint: string | undefined, members: readonly number[]): void {
    const key = reasons ? `${reasons.join('\u0001')}\u0002${hint ?? ''}` : '';
    const part = this.#byKey.get(key);
    if (!part) this.#byKey.set(key, { reasons, hint, chunks: [members] });
    else part.chunks.push(members);
  }

  /** Feasible first, then by first node. */
  build(): VerdictPart[] {
    const parts = [...this.#byKey.values()].map(({ reasons, hint, chunks }) => ({ reasons, hint, members: concatenated(chunks), first: firstOf(chunks) }));
    parts.sort((a, b) => Number(a.reasons !== undefined) - Number(b.reasons !== undefined) || a.first - b.first);
    return parts.map(({ reasons, hint, members }) => ({ reasons, hint, members }));
  }
}

/** The smallest node index of the chunks (each ascending, as node classes keep their members). */
function firstOf(chunks: readonly (readonly number[])[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const chunk of chunks) first = Math.min(first, chunk[0] ?? first);
  return first;
}

/**
 * A node class's list as it is (snapshotOf: the class copies it before it changes), or the lists one after the other.
 * Not a list of numbers: one of 20,000 would be a large object of V8's heap, mapped afresh (page faults) for each
 * pod, where a typed array's store is reused memory.
 */
function concatenated(chunks: readonly (readonly number[])[]): NodeIndices {
  if (chunks.length === 1) return snapshotOf(chunks[0] ?? []);
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Int32Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
