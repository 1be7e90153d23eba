// Node groups for reports on large clusters: nodes that every workload gave the same verdict, so a report lists each
// workload's distinct verdicts against shared groups (O(workloads x verdicts + nodes)) instead of every node.
import type { NodeInfo } from './node-info.js';
import type { NodeIndices, VerdictPart } from './verdict-parts.js';

/** Above this many nodes, results group nodes unless every node is asked for (documented in the README). */
export const NODE_DETAIL_LIMIT = 100;


/** A workload's verdict over a set of report-level node groups (JSON contract version 2). */
export interface NodeVerdict {
  /** Keys of the report's `nodeGroups`, whose nodes together got this verdict. */
  readonly nodeGroups: readonly string[];
  readonly nodes: number;
  /** The reasons of the first filter plugin that rejected these nodes; null where one pod fits. */
  readonly reasons: readonly string[] | null;
  readonly hint?: string;
}

/** The common refinement of every workload's verdict partition of the nodes. */
export class NodeGroups {
  readonly #nodes: readonly NodeInfo[];
  readonly #groupOf: Int32Array;
  readonly #refined = new Set<readonly VerdictPart[]>();
  /**
   * Member lists already refined by, and their groups: many pods' parts share a node class's list (a snapshot, which
   * never changes), and splitting by the same set again changes nothing.
   */
  readonly #refinedBy = new WeakSet<NodeIndices>();
  readonly #groupsOf = new WeakMap<NodeIndices, readonly string[]>();
  readonly #verdicts = new Map<readonly VerdictPart[], NodeVerdict[]>();
  #count = 1;
  #numbers: Int32Array | undefined;
  /** #groupsOfMembers' marks per final group, all 0 between calls (one table: a fresh one per part cost page faults). */
  #seen: Uint8Array | undefined;
  /** refine's renaming of old groups, per group number (typed arrays: refine runs for every node of every workload). */
  #renamedTo: Int32Array = new Int32Array(64);
  #renamedIn: Int32Array = new Int32Array(64);
  #stamp = 0;

  constructor(nodes: readonly NodeInfo[]) {
    this.#nodes = nodes;
    this.#groupOf = new Int32Array(nodes.length);
  }

  /** Splits the groups so that each lies within one part (call for every partition before reading). */
  refine(parts: readonly VerdictPart[]): void {
    if (this.#refined.has(parts)) return;
    this.#refined.add(parts);
    // Indexed loops over locals: this runs for every node of every distinct partition, mostly before V8 optimises it.
    const groupOf = this.#groupOf;
    let renamedTo = this.#renamedTo;
    let renamedIn = this.#renamedIn;
    for (const part of parts) {
      const members = part.members;
      if (this.#refinedBy.has(members)) continue;
      this.#refinedBy.add(members);
      // old group -> its new group within this part, valid where renamedIn holds the part's stamp
      const stamp = ++this.#stamp;
      for (let i = 0; i < members.length; i++) {
        const index = members[i] ?? 0;
        const old = groupOf[index] ?? 0;
        if (renamedIn[old] !== stamp) {
          const group = this.#newGroup();
          // #newGroup may have grown the tables
          renamedTo = this.#renamedTo;
          renamedIn = this.#renamedIn;
          renamedIn[old] = stamp;
          renamedTo[old] = group;
        }
        groupOf[index] = renamedTo[old] ?? 0;
      }
    }
  }

  /** A new group number, with room for it in the renaming tables. */
  #newGroup(): number {
    if (this.#count >= this.#renamedTo.length) {
      const size = 2 * this.#renamedTo.length;
      this.#renamedTo = grown(this.#renamedTo, size);
      this.#renamedIn = grown(this.#renamedIn, size);
    }
    return this.#count++;
  }

  /** The groups by id ("g0", "g1", ... in order of their first node), each listing its node names. */
  groups(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const numbers = this.#finalNumbers();
    this.#nodes.forEach((node, index) => (out[`g${numbers[index] ?? 0}`] ??= []).push(node.name));
    return out;
  }

  /** One workload's parts as verdicts over the groups (computed once per partition). */
  verdicts(parts: readonly VerdictPart[]): NodeVerdict[] {
    let verdicts = this.#verdicts.get(parts);
    if (!verdicts) {
      verdicts = parts.map((part) => ({
        nodeGroups: this.#groupsOfMembers(part.members),
        nodes: part.members.length,
        reasons: part.reasons ?? null,
        ...(part.hint !== undefined && { hint: part.hint }),
      }));
      this.#verdicts.set(parts, verdicts);
    }
    return verdicts;
  }

  /** The ids of the groups that make up `members`, ascending. */
  #groupsOfMembers(members: NodeIndices): readonly string[] {
    const known = this.#groupsOf.get(members);
    if (known) return known;
    const numbers = this.#finalNumbers();
    const seen = (this.#seen ??= new Uint8Array(this.#count));
    const groups: number[] = [];
    for (let i = 0; i < members.length; i++) {
      const group = numbers[members[i] ?? 0] ?? 0;
      if (seen[group] === 0) {
        seen[group] = 1;
        groups.push(group);
      }
    }
    for (const group of groups) seen[group] = 0;
    const ids = groups.sort((a, b) => a - b).map((group) => `g${group}`);
    this.#groupsOf.set(members, ids);
    return ids;
  }

  /** Each node's group number, the groups numbered 0, 1, ... in order of their first node. */
  #finalNumbers(): Int32Array {
    if (this.#numbers) return this.#numbers;
    const numbering = new Int32Array(this.#count).fill(-1);
    let next = 0;
    this.#numbers = this.#groupOf.map((group) => {
      if (numbering[group] === -1) numbering[group] = next++;
      return numbering[group] ?? 0;
    });
    return this.#numbers;
  }
}

function grown(table: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(table);
  return out;
}
