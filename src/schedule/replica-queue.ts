// Places the replicas of one pod one after another without rescoring every node each time: when the pod's filters
// and scores read only the node itself, placing a replica changes the verdict and score of that node alone.
import { findNodesThatFit, hasFeasibleNode } from './feasibility.js';
import type { ClusterState } from './framework.js';
import type { ClassSpec, NodeClasses } from './node-classes.js';
import { filterNode, type PreparedPod } from './run-filters.js';
import { candidatesOf, prepareScoring, rawScores, totals, type ActiveScore } from './select-host.js';

interface Entry {
  readonly total: number;
  readonly key: string;
  readonly index: number;
}

/** Max-heap on total, then the smallest node index (name). */
class EntryHeap {
  readonly #items: Entry[] = [];

  push(entry: Entry): void {
    const items = this.#items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent] as Entry, items[i] as Entry];
      i = parent;
    }
  }

  pop(): Entry | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let next = i;
        if (left < items.length && before(items[left], items[next])) next = left;
        if (right < items.length && before(items[right], items[next])) next = right;
        if (next === i) break;
        [items[i], items[next]] = [items[next] as Entry, items[i] as Entry];
        i = next;
      }
    }
    return top;
  }
}

function before(a: Entry | undefined, b: Entry | undefined): boolean {
  if (!a || !b) return false;
  return a.total > b.total || (a.total === b.total && a.index < b.index);
}

/** The candidates of one pod, kept in score order across its replicas. Undefined when the pod needs full rescoring. */
export class ReplicaQueue {
  readonly #prepared: PreparedPod;
  readonly #nodes: NodeClasses;
  readonly #active: readonly ActiveScore[];
  readonly #spec: ClassSpec;
  readonly #maxima: readonly number[];
  readonly #heap = new EntryHeap();
  #dirty = false;
  #pending: Entry | undefined;

  private constructor(prepared: PreparedPod, nodes: NodeClasses, scoring: { active: readonly ActiveScore[]; spec: ClassSpec }, maxima: number[]) {
    this.#prepared = prepared;
    this.#nodes = nodes;
    this.#active = scoring.active;
    this.#spec = scoring.spec;
    this.#maxima = maxima;
  }

  /** A queue for the pod's replicas, or undefined when another node's pods can change its verdicts or scores. */
  static build(prepared: PreparedPod, nodes: NodeClasses, cluster: ClusterState): ReplicaQueue | undefined {
    if (prepared.tracksPods || prepared.rejection || prepared.nodeNames) return undefined;
    const feasibility = findNodesThatFit(prepared, nodes);
    if (!hasFeasibleNode(feasibility)) return undefined;
    const scoring = prepareScoring(prepared.pod, feasibility, nodes, cluster);
    if (scoring.active.some(({ plugin }) => !plugin.perNode)) return undefined;
    const candidates = candidatesOf(feasibility, nodes, scoring.spec);
    const raw = rawScores(prepared.pod, candidates, nodes, scoring.active);
    const queue = new ReplicaQueue(prepared, nodes, scoring, raw.map((row) => Math.max(0, ...row)));
    totals(raw, scoring.active).forEach((total, i) => {
      const index = candidates[i] ?? -1;
      queue.#heap.push({ total, key: nodes.classKeyOf(scoring.spec, index), index });
    });
    return queue;
  }

  /** True when a node that dropped out held a maximum some plugin normalises by: build a new queue. */
  get stale(): boolean {
    return this.#dirty;
  }

  /** The best node for the next replica; undefined when none is feasible (or the queue is stale). */
  next(): number | undefined {
    if (this.#dirty) return undefined;
    for (let entry = this.#heap.pop(); entry; entry = this.#heap.pop()) {
      if (this.#nodes.firstMember(this.#spec, entry.key) !== entry.index) continue;
      this.#pending = entry;
      return entry.index;
    }
    return undefined;
  }

  /** Call after the chosen node was replaced in NodeClasses: re-evaluates that node alone. */
  placed(index: number): void {
    const entry = this.#pending;
    this.#pending = undefined;
    if (entry) {
      const next = this.#nodes.firstMember(this.#spec, entry.key);
      if (next !== undefined) this.#heap.push({ ...entry, index: next });
    }
    const node = this.#nodes.nodes[index];
    if (!node) return;
    const raw = this.#active.map(({ plugin, state }) => plugin.score(this.#prepared.pod, node, state));
    if (filterNode(this.#prepared, node)) {
      // The node drops out: if it held a maximum a plugin normalises by, every total may change.
      this.#dirty = this.#active.some(({ plugin }, p) => plugin.normalize !== undefined && raw[p] === this.#maxima[p]);
      return;
    }
    const scaled = this.#active.map(({ plugin, state }, p) => {
      if (!plugin.normalize) return raw[p] ?? 0;
      const pair = [this.#maxima[p] ?? 0, raw[p] ?? 0];
      plugin.normalize(pair, state);
      return pair[1] ?? 0;
    });
    const total = scaled.reduce((sum, score, p) => sum + score * (this.#active[p]?.plugin.weight ?? 0), 0);
    const key = this.#nodes.classKeyOf(this.#spec, index);
    this.#heap.push({ total, key, index: this.#nodes.firstMember(this.#spec, key) ?? index });
  }
}
