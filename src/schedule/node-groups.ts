// Node groups for reports on large clusters: nodes that every workload gave the same verdict, so a report lists each
// workload's distinct verdicts against shared groups (O(workloads x verdicts + nodes)) instead of every node.
import type { NodeInfo } from './node-info.js';
import type { VerdictPart } from './verdict-parts.js';

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
  readonly #verdicts = new Map<readonly VerdictPart[], NodeVerdict[]>();
  #count = 1;
  #ids: string[] | undefined;

  constructor(nodes: readonly NodeInfo[]) {
    this.#nodes = nodes;
    this.#groupOf = new Int32Array(nodes.length);
  }

  /** Splits the groups so that each lies within one part (call for every partition before reading). */
  refine(parts: readonly VerdictPart[]): void {
    if (this.#refined.has(parts)) return;
    this.#refined.add(parts);
    for (const part of parts) {
      const renamed = new Map<number, number>();
      for (const index of part.members) {
        const old = this.#groupOf[index] ?? 0;
        let group = renamed.get(old);
        if (group === undefined) renamed.set(old, (group = this.#count++));
        this.#groupOf[index] = group;
      }
    }
  }

  /** The groups by id ("g0", "g1", ... in order of their first node), each listing its node names. */
  groups(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const ids = this.#finalIds();
    this.#nodes.forEach((node, index) => (out[ids[index] ?? ''] ??= []).push(node.name));
    return out;
  }

  /** One workload's parts as verdicts over the groups (computed once per partition). */
  verdicts(parts: readonly VerdictPart[]): NodeVerdict[] {
    let verdicts = this.#verdicts.get(parts);
    if (!verdicts) {
      const ids = this.#finalIds();
      verdicts = parts.map((part) => ({
        nodeGroups: [...new Set(part.members.map((index) => ids[index] ?? ''))].sort(compareGroupIds),
        nodes: part.members.length,
        reasons: part.reasons ?? null,
        ...(part.hint !== undefined && { hint: part.hint }),
      }));
      this.#verdicts.set(parts, verdicts);
    }
    return verdicts;
  }

  #finalIds(): string[] {
    if (this.#ids) return this.#ids;
    const numbering = new Map<number, string>();
    this.#ids = Array.from(this.#groupOf, (group) => {
      let id = numbering.get(group);
      if (id === undefined) numbering.set(group, (id = `g${numbering.size}`));
      return id;
    });
    return this.#ids;
  }
}

function compareGroupIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
