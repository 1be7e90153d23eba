// Places the replicas of one pod one after another without rescoring every node each time: when the pod's filters
// and scores read only the node itself (or, for PodTopologySpread, its topology domain), placing a replica changes
// the verdict and score of that node alone.
import { findNodesThatFit, hasFeasibleNode, type Feasibility } from './feasibility.js';
import type { ClusterState } from './framework.js';
import type { ClassSpec, NodeClasses } from './node-classes.js';
import { filterNode, type PreparedPod } from './run-filters.js';
import type { PodInfo } from './pod-info.js';
import { HOSTNAME_LABEL } from './node-info.js';
import { feasibleClasses, prepareScoring, rawScores, totals, type ActiveScore, type Scoring } from './select-host.js';
import { SpreadBuckets } from './spread-buckets.js';

interface Entry {
  readonly total: number;
  readonly key: string;
  readonly index: number;
  /** The entry stands for this node alone (it holds pods a hostname spread constraint counts), not for its class. */
  readonly holder: boolean;
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

  peek(): Entry | undefined {
    return this.#items[0];
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
  return a !== undefined && b !== undefined && precedes(a.total, a.index, b.total, b.index);
}

/** Higher total first, then the lower node index (kube-scheduler picks among equal scores at random). */
function precedes(total: number, index: number, otherTotal: number, otherIndex: number): boolean {
  return total > otherTotal || (total === otherTotal && index < otherIndex);
}

/** A plugin whose state follows placed pods and whose verdict may change on nodes other than the one bound to. */
function isDomainPlugin(prepared: PreparedPod, { plugin, state }: PreparedPod['active'][number]): boolean {
  return plugin.addPod !== undefined && !(plugin.nodeLocal?.(prepared.pod, state) ?? false);
}

function withoutDomainPlugins(prepared: PreparedPod): PreparedPod {
  return { ...prepared, active: prepared.active.filter((a) => !isDomainPlugin(prepared, a)), tracksPods: false };
}

function domainKeysOf(prepared: PreparedPod): string[] {
  return prepared.active.flatMap((a) => (isDomainPlugin(prepared, a) ? [...(a.plugin.nodeLabelKeys?.(prepared.pod, a.state) ?? [])] : []));
}

/**
 * The spread score's buckets when PodTopologySpread is the only score that reads other nodes (undefined when no
 * such score is active; null when the queue cannot follow the scores: other such plugins, tracked filters, ignored nodes).
 */
function spreadBucketsOf(pod: PodInfo, scoring: { active: readonly ActiveScore[]; nodes: NodeClasses }, trackedFilters: number): SpreadBuckets | undefined | null {
  const { active, nodes } = scoring;
  const global = active.filter(({ plugin }) => !plugin.perNode);
  const spread = global[0];
  if (!spread) return undefined;
  if (global.length > 1 || spread.plugin.name !== 'PodTopologySpread' || trackedFilters > 0) return null;
  return SpreadBuckets.of(spread, pod, nodes) ?? null;
}

/**
 * Whether hostname reaches the scores only through the spread score's own-count of each node: then nodes without
 * matching pods need not be told apart by hostname, and one entry stands for all of them in a class.
 */
function countsHostnameOnly(spread: SpreadBuckets, prepared: PreparedPod, base: Scoring, feasibility: Feasibility, nodes: NodeClasses): boolean {
  if (!spread.readsHostCounts || base.spec.usesName || feasibility.spec?.keys.includes(HOSTNAME_LABEL)) return false;
  if (domainKeysOf(prepared).includes(HOSTNAME_LABEL)) return false;
  const others = base.active.filter(({ plugin }) => plugin.name !== 'PodTopologySpread');
  if (others.some(({ plugin, state }) => [...(plugin.nodeLabelKeys?.(prepared.pod, state) ?? [])].includes(HOSTNAME_LABEL))) return false;
  // A node without the label scores apart (the constraint skips it): classes without the key cannot show that.
  return nodes.everyNodeHasLabel(HOSTNAME_LABEL);
}

/**
 * Per feasible class: its first member outside `holders`, standing for all of them, and each holder alone; with how
 * many feasible nodes each entry stands for.
 */
function representatives(feasibility: Feasibility, nodes: NodeClasses, spec: ClassSpec, holders: ReadonlySet<number>): Representative[] {
  const out: Representative[] = [];
  for (const { key, members } of feasibleClasses(feasibility, nodes, spec)) {
    const held = holders.size === 0 ? [] : members.filter((index) => holders.has(index));
    const free = held.length === 0 ? members[0] : members.find((index) => !holders.has(index));
    if (free !== undefined) out.push({ index: free, size: members.length - held.length, key, holder: false });
    for (const index of held) out.push({ index, size: 1, key, holder: true });
  }
  return out;
}

/** A queue entry's node before scoring, and how many feasible nodes it stands for. */
interface Representative {
  readonly index: number;
  readonly size: number;
  readonly key: string;
  readonly holder: boolean;
}

/** Only these stateful plugins are allowed: their verdict is the same for every node of a topology domain. */
const DOMAIN_PLUGINS: ReadonlySet<string> = new Set(['PodTopologySpread']);
const ABSENT = '\u0002';

/**
 * The candidates of one pod, kept in score order across its replicas: one heap per topology domain of its
 * PodTopologySpread constraints (one heap when it has none), whose verdict is checked on each heap's top only.
 */
export class ReplicaQueue {
  readonly #untracked: PreparedPod;
  readonly #domainFilters: PreparedPod;
  readonly #nodes: NodeClasses;
  readonly #active: readonly ActiveScore[];
  readonly #spec: ClassSpec;
  readonly #domainKeys: readonly string[];
  /** Per node index, the key of its heap for the bucket it was last in (bucket keys are one string each). */
  readonly #heapKeys: ({ readonly bucket: string; readonly key: string } | undefined)[] = [];
  readonly #maxima: readonly number[];
  readonly #atMax: number[];
  readonly #heaps = new Map<string, { readonly heap: EntryHeap; readonly bucket: string }>();
  readonly #spread: SpreadBuckets | undefined;
  /** Nodes holding pods a hostname spread constraint counts, when hostname is left out of the classes (else empty). */
  readonly #holders: Set<number> | undefined;
  #dirty = false;
  #pending: Entry | undefined;

  private constructor(prepared: PreparedPod, nodes: NodeClasses, scoring: Scoring, maxima: { maxima: number[]; atMax: number[] }, spread: { buckets: SpreadBuckets | undefined; holders: Set<number> | undefined }) {
    this.#spread = spread.buckets;
    this.#holders = spread.holders;
    this.#untracked = withoutDomainPlugins(prepared);
    this.#domainFilters = { ...prepared, active: prepared.active.filter((a) => isDomainPlugin(prepared, a)) };
    this.#domainKeys = domainKeysOf(prepared);
    this.#nodes = nodes;
    this.#active = scoring.active;
    this.#spec = scoring.spec;
    this.#maxima = maxima.maxima;
    this.#atMax = maxima.atMax;
  }

  /** A queue for the pod's replicas, or undefined when other placements could change its verdicts or scores. */
  static build(prepared: PreparedPod, nodes: NodeClasses, cluster: ClusterState): ReplicaQueue | undefined {
    if (prepared.rejection || prepared.nodeNames) return undefined;
    const tracked = prepared.active.filter((a) => isDomainPlugin(prepared, a));
    if (tracked.some((a) => !DOMAIN_PLUGINS.has(a.plugin.name))) return undefined;
    const feasibility = findNodesThatFit(withoutDomainPlugins(prepared), nodes);
    if (!hasFeasibleNode(feasibility)) return undefined;
    const base = prepareScoring(prepared.pod, feasibility, nodes, cluster);
    const spread = spreadBucketsOf(prepared.pod, { active: base.active, nodes }, tracked.length);
    if (spread === null) return undefined;
    const byHostCount = spread !== undefined && countsHostnameOnly(spread, prepared, base, feasibility, nodes);
    // Classes must not span topology domains: the domain plugins' keys join the scoring keys.
    const keys = [...new Set([...base.spec.keys, ...domainKeysOf(prepared)])].filter((key) => !byHostCount || key !== HOSTNAME_LABEL).sort();
    const scoring: Scoring = { active: base.active.filter(({ plugin }) => plugin.perNode), spec: { ...base.spec, keys } };
    const holders = byHostCount ? spread.holders(cluster, nodes) : undefined;
    const represented = representatives(feasibility, nodes, scoring.spec, holders ?? new Set());
    const candidates = represented.map(({ index }) => index);
    const sizes = represented.map(({ size }) => size);
    represented.forEach(({ index, size }) => {
      const node = nodes.nodes[index];
      // The nodes an entry stands for agree on every label key the spread score reads, and on their own count.
      if (spread && node) spread.countFeasible(node, size);
    });
    const raw = rawScores(prepared.pod, candidates, nodes, scoring.active);
    // With domain filters the feasible set differs from the candidates: normalisation must not depend on it.
    const varies = scoring.active.some(({ plugin }, p) => plugin.normalize && new Set(raw[p]).size > 1);
    if (tracked.length > 0 && varies) return undefined;
    const maxima = raw.map((row) => row.reduce((max, score) => Math.max(max, score), 0));
    // How many feasible nodes hold each maximum: the normalisation changes only when the last of them drops out.
    const atMax = raw.map((row, p) => row.reduce((sum, score, i) => sum + (score === maxima[p] ? (sizes[i] ?? 0) : 0), 0));
    const built = new ReplicaQueue(prepared, nodes, scoring, { maxima, atMax }, { buckets: spread, holders });
    totals(raw, scoring.active).forEach((total, i) => {
      const { index, key, holder } = represented[i] ?? { index: -1, key: '', holder: false };
      built.#heapOf(index).push({ total, key, index, holder });
    });
    return built;
  }

  /** True when a node that dropped out held a maximum some plugin normalises by: build a new queue. */
  get stale(): boolean {
    return this.#dirty;
  }

  /** The best node for the next replica; undefined when none is feasible (or the queue is stale). */
  next(): number | undefined {
    if (this.#dirty) return undefined;
    const tops: Entry[] = [];
    const heaps: EntryHeap[] = [];
    const buckets: string[] = [];
    for (const [key, { heap, bucket }] of this.#heaps) {
      const entry = this.#validTop(heap);
      // An empty heap (its bucket emptied as nodes moved on) is made again when a node joins the bucket.
      if (!entry) this.#heaps.delete(key);
      const node = entry ? this.#nodes.nodes[entry.index] : undefined;
      if (!entry || !node || (this.#domainFilters.active.length > 0 && filterNode(this.#domainFilters, node))) continue;
      tops.push(entry);
      heaps.push(heap);
      buckets.push(bucket);
    }
    // The spread score of a bucket depends on every bucket (normalisation): add it to each heap's top.
    const spread = this.#spread?.scores(buckets);
    const weight = this.#spread?.weight ?? 0;
    let chosen = -1;
    let chosenTotal = 0;
    tops.forEach((entry, i) => {
      const total = spread ? entry.total + (spread[i] ?? 0) * weight : entry.total;
      const best = tops[chosen];
      if (!best || precedes(total, entry.index, chosenTotal, best.index)) {
        chosen = i;
        chosenTotal = total;
      }
    });
    const entry = tops[chosen];
    if (!entry) return undefined;
    heaps[chosen]?.pop();
    // The class's next member takes the entry's per-node total; the spread part is added afresh at each pick.
    this.#pending = entry;
    return entry.index;
  }

  /** Call after the chosen node was replaced in NodeClasses: re-evaluates that node alone. */
  placed(index: number): void {
    const entry = this.#pending;
    this.#pending = undefined;
    const node = this.#nodes.nodes[index];
    if (node && this.#holders && this.#spread?.holds(node)) this.#holders.add(index);
    if (entry && !entry.holder) {
      const next = this.#firstFree(entry.key);
      if (next !== undefined) this.#heapOf(next).push({ ...entry, index: next });
    }
    if (!node) return;
    this.#spread?.placed(node);
    const raw = this.#active.map(({ plugin, state }) => plugin.score(this.#untracked.pod, node, state));
    if (filterNode(this.#untracked, node)) {
      this.#spread?.countFeasible(node, -1);
      // The node drops out: if it held a maximum a plugin normalises by, every total may change.
      this.#active.forEach(({ plugin }, p) => {
        if (plugin.normalize === undefined || raw[p] !== this.#maxima[p]) return;
        this.#atMax[p] = (this.#atMax[p] ?? 0) - 1;
        if (this.#atMax[p] === 0) this.#dirty = true;
      });
      return;
    }
    const scaled = this.#active.map(({ plugin, state }, p) => {
      if (!plugin.normalize) return raw[p] ?? 0;
      // Max-based normalisation of one score: normalise it beside the maximum.
      const pair = [this.#maxima[p] ?? 0, raw[p] ?? 0];
      plugin.normalize(pair, state);
      return pair[1] ?? 0;
    });
    this.#push(scaled.reduce((sum, score, p) => sum + score * (this.#active[p]?.plugin.weight ?? 0), 0), index);
  }

  #push(total: number, index: number): void {
    const key = this.#nodes.classKeyOf(this.#spec, index);
    if (this.#holders?.has(index)) {
      this.#heapOf(index).push({ total, key, index, holder: true });
      return;
    }
    const first = this.#firstFree(key) ?? index;
    this.#heapOf(first).push({ total, key, index: first, holder: false });
  }

  /** The first member (by name) of a class outside the holders. */
  #firstFree(key: string): number | undefined {
    const members = this.#nodes.classMembers(this.#spec, key);
    const holders = this.#holders;
    if (!holders || holders.size === 0) return members[0];
    for (const index of members) if (!holders.has(index)) return index;
    return undefined;
  }

  #heapOf(index: number): EntryHeap {
    const node = this.#nodes.nodes[index];
    const bucket = this.#spread && node ? this.#spread.bucketOf(node, index) : '';
    let key = bucket;
    if (this.#domainKeys.length > 0) {
      let known = this.#heapKeys[index];
      if (known?.bucket !== bucket) {
        const domain = this.#domainKeys.map((k) => node?.labels[k] ?? ABSENT).join('\u0001');
        this.#heapKeys[index] = known = { bucket, key: `${domain}\u0003${bucket}` };
      }
      key = known.key;
    }
    let entry = this.#heaps.get(key);
    if (!entry) this.#heaps.set(key, (entry = { heap: new EntryHeap(), bucket }));
    return entry.heap;
  }

  /** The heap's top after dropping entries whose class changed since they were pushed. */
  #validTop(heap: EntryHeap): Entry | undefined {
    for (let entry = heap.peek(); entry; entry = heap.peek()) {
      const valid = entry.holder ? this.#nodes.classKeyOf(this.#spec, entry.index) === entry.key : this.#firstFree(entry.key) === entry.index;
      if (valid) return entry;
      heap.pop();
    }
    return undefined;
  }
}
