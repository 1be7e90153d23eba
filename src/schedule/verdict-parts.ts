// A pod's verdict per set of nodes (feasible, or rejected with equal reasons and hint): what reports list.
import { ascendingIndices } from '../model/append.js';
import { unlistedIndices, type Feasibility } from './feasibility.js';
import { hintFor } from './hints.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';

/** Nodes (indices, i.e. by name) that one pod found feasible (`reasons` undefined) or rejected with equal reasons and hint. */
export interface VerdictPart {
  readonly reasons: readonly string[] | undefined;
  readonly hint: string | undefined;
  readonly members: readonly number[];
}

/** The parts of a Feasibility, with one hint per class of nodes (its members share everything the hint reads). */
export function verdictPartsOf(feasibility: Feasibility, pod: PodInfo, nodes: readonly NodeInfo[]): VerdictPart[] {
  const parts = new VerdictParts();
  for (const verdict of feasibility.verdicts) {
    const representative = nodes[verdict.members[0] ?? -1];
    const hint = verdict.status && representative ? hintFor(pod, representative, verdict.status) : undefined;
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
  /** The last member added so far. */
  last: number | undefined;
  /** False once members were added out of order. */
  sorted: boolean;
}

/** Collects a pod's verdict per node set, merging sets with equal reasons and hint. */
export class VerdictParts {
  readonly #byKey = new Map<string, OpenPart>();

  /** `members` ascending (node classes keep them so), read at build: they must not change before. */
  add(reasons: readonly string[] | undefined, hint: string | undefined, members: readonly number[]): void {
    const key = reasons ? `${reasons.join('\u0001')}\u0002${hint ?? ''}` : '';
    const part = this.#byKey.get(key);
    const last = members[members.length - 1];
    if (!part) this.#byKey.set(key, { reasons, hint, chunks: [members], last, sorted: true });
    else {
      if (part.last !== undefined && (members[0] ?? part.last) < part.last) part.sorted = false;
      part.chunks.push(members);
      part.last = last ?? part.last;
    }
  }

  /** Feasible first, then by first node. */
  build(): VerdictPart[] {
    const parts = [...this.#byKey.values()].map(({ reasons, hint, chunks, sorted }) => {
      const members = concatenated(chunks);
      return { reasons, hint, members: sorted ? members : ascendingIndices(members) };
    });
    return parts.sort((a, b) => Number(a.reasons !== undefined) - Number(b.reasons !== undefined) || (a.members[0] ?? 0) - (b.members[0] ?? 0));
  }
}

/** The lists one after the other, in an array of the right size. */
function concatenated(chunks: readonly (readonly number[])[]): number[] {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Array<number>(size);
  let at = 0;
  for (const chunk of chunks) for (let index = 0; index < chunk.length; index++) out[at++] = chunk[index] ?? 0;
  return out;
}
