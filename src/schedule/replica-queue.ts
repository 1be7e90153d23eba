// Places the replicas of one pod one after another without rescoring every node each time: when the pod's filters
// and scores read only the node itself (or, for PodTopologySpread, its topology domain), placing a replica changes
// the verdict and score of that node alone.
import { findNodesThatFit, hasFeasibleNode } from './feasibility.js';
import type { ClusterState } from './framework.js';
import type { ClassSpec, NodeClasses } from './node-classes.js';
import { filterNode, type PreparedPod } from './run-filters.js';
import type { PodInfo, TopologySpreadConstraint } from './pod-info.js';
import { HOSTNAME_LABEL } from './node-info.js';
import { HostnameHolders, readsHostnameAsCounts } from './hostname-holders.js';
import type { PodTopologySpreadState } from './plugins/pod-topology-spread.js';
import { activatedByReplicas, prepareScoring, rawScores, representatives, totals, type ActiveScore, type Scoring } from './select-host.js';
import { SpreadBuckets, type FeasibleBucket } from './spread-buckets.js';

interface Entry {
  readonly total: number;
  /** The key of the node's class. */
  readonly key: string;
  readonly index: number;
  /** The entry stands for this node alone (it holds pods a hostname spread constraint counts), not for its class. */
  readonly holder: boolean;
}

/** An entry with the key of the heap it is in. */
interface HeapEntry extends Entry {
  readonly heap: string;
}

/** The heaps' tops that the domain filters pass, with their heaps and their buckets' feasible nodes. */
interface Candidates {
  readonly tops: readonly HeapEntry[];
  readonly heaps: readonly EntryHeap[];
  readonly buckets: readonly FeasibleBucket[];
}

/** Max-heap on total, then the smallest node index (name). */
class EntryHeap {
  readonly #items: HeapEntry[] = [];

  push(entry: HeapEntry): void {
    const items = this.#items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent] as HeapEntry, items[i] as HeapEntry];
      i = parent;
    }
  }

  peek(): HeapEntry | undefined {
    return this.#items[0];
  }

  pop(): HeapEntry | undefined {
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
        [items[i], items[next]] = [items[next] as HeapEntry, items[i] as HeapEntry];
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
  return prepared.active.flatMap((a) => (isDomainPlugin(prepared, a) ? keysOfDomain(prepared, a) : []));
}

/** The keys a domain plugin's domains read: all it may read as the pod's own replicas land, not only those it reads now. */
function keysOfDomain(prepared: PreparedPod, { plugin, state }: PreparedPod['active'][number]): string[] {
  return [...(plugin.domainKeys?.(prepared.pod, state) ?? plugin.nodeLabelKeys?.(prepared.pod, state) ?? [])];
}

/**
 * The spread score's buckets when PodTopologySpread is the only score that reads other nodes (undefined when no
 * such score is active; null when the queue cannot follow the scores: other such plugins, ignored nodes).
 */
function spreadBucketsOf(pod: PodInfo, scoring: { active: readonly ActiveScore[]; nodes: NodeClasses }): SpreadBuckets | undefined | null {
  const { active, nodes } = scoring;
  const global = active.filter(({ plugin }) => !plugin.perNode);
  const spread = global[0];
  if (!spread) return undefined;
  if (global.length > 1 || spread.plugin.name !== 'PodTopologySpread') return null;
  return SpreadBuckets.of(spread, pod, nodes) ?? null;
}

/** The hostname constraints of the spread filter (DoNotSchedule) and of the spread score (ScheduleAnyway). */
function hostnameConstraintsOf(tracked: PreparedPod['active'], spread: SpreadBuckets | undefined): TopologySpreadConstraint[] {
  const filtering = tracked.flatMap(({ plugin, state }) => (plugin.name === 'PodTopologySpread' ? (state as PodTopologySpreadState).constraints : []));
  return [...filtering.filter((c) => c.topologyKey === HOSTNAME_LABEL), ...(spread?.hostnameConstraints ?? [])];
}

/**
 * The candidates of one pod, kept in score order across its replicas: one heap per domain of its tracked filters (the
 * topology values of its DoNotSchedule spread constraints, its hostname count) and spread-score bucket, whose verdict
 * is checked on each heap's top only.
 */
export class ReplicaQueue {
  readonly #untracked: PreparedPod;
  readonly #domainFilters: PreparedPod;
  readonly #nodes: NodeClasses;
  readonly #active: readonly ActiveScore[];
  readonly #spec: ClassSpec;
  /** Per normalised score, its largest raw score over the feasible nodes when the queue was built. */
  readonly #maxima: readonly number[];
  readonly #heaps = new Map<string, { readonly heap: EntryHeap; readonly bucket: string }>();
  /**
   * Per heap: its feasible nodes (an entry for a class stands for its members outside the holders), and how many of
   * them score each normalised score's maximum.
   */
  readonly #feasible = new Map<string, { nodes: number; readonly atMax: number[] }>();
  readonly #spread: SpreadBuckets | undefined;
  /** Nodes holding pods a hostname spread constraint counts, when hostname is left out of the classes. */
  readonly #holders: HostnameHolders | undefined;
  #dirty = false;
  #pending: HeapEntry | undefined;
  /** #candidates as `stale` found them, for `next` (placing a replica clears it). */
  #ready: Candidates | undefined;

  private constructor(prepared: PreparedPod, nodes: NodeClasses, scoring: Scoring, maxima: readonly number[], spread: { buckets: SpreadBuckets | undefined; holders: HostnameHolders | undefined }) {
    this.#spread = spread.buckets;
    this.#holders = spread.holders;
    this.#untracked = withoutDomainPlugins(prepared);
    this.#domainFilters = { ...prepared, active: prepared.active.filter((a) => isDomainPlugin(prepared, a)) };
    this.#nodes = nodes;
    this.#active = scoring.active;
    this.#spec = scoring.spec;
    this.#maxima = maxima;
  }

  /** A queue for the pod's replicas, or undefined when other placements could change its verdicts or scores. */
  static build(prepared: PreparedPod, nodes: NodeClasses, cluster: ClusterState): ReplicaQueue | undefined {
    if (prepared.rejection || prepared.nodeNames) return undefined;
    const tracked = prepared.active.filter((a) => isDomainPlugin(prepared, a));
    // Only filters that say what their verdict reads (FilterPlugin.domainOf, a heap's key) can be followed.
    if (tracked.some((a) => a.plugin.domainOf === undefined)) return undefined;
    // A pod the domain filters reject everywhere (affinity to pods that are not there) fails at once without a queue,
    // whose heaps of every domain (a node each, by hostname) would be built and then rejected top by top.
    if (tracked.length > 0 && !hasFeasibleNode(findNodesThatFit(prepared, nodes))) return undefined;
    const feasibility = findNodesThatFit(withoutDomainPlugins(prepared), nodes);
    if (!hasFeasibleNode(feasibility)) return undefined;
    const base = prepareScoring(prepared.pod, feasibility, nodes, cluster);
    // The queue scores every replica with the plugins active now.
    if (activatedByReplicas(prepared.pod, base.active, cluster)) return undefined;
    const spread = spreadBucketsOf(prepared.pod, { active: base.active, nodes });
    if (spread === null) return undefined;
    const hostname = hostnameConstraintsOf(tracked, spread);
    // The filter counts a hostname's pods over every node of that name: nodes apart only when each has its own.
    const filtersHostname = hostname.some((c) => c.whenUnsatisfiable === 'DoNotSchedule');
    // Holders set apart the nodes a hostname count tells apart: another filter reading hostname (inter-pod affinity by
    // hostname) would see members of one class in different domains, so hostname then stays in the class keys.
    const hostnameDomains = tracked.some((a) => a.plugin.name !== 'PodTopologySpread' && keysOfDomain(prepared, a).includes(HOSTNAME_LABEL));
    const byHostCount = !hostnameDomains && readsHostnameAsCounts(hostname, prepared.pod, base, feasibility, nodes) && (!filtersHostname || nodes.labelValuesDistinct(HOSTNAME_LABEL));
    // Classes must not span topology domains: the domain plugins' keys join the scoring keys.
    const keys = [...new Set([...base.spec.keys, ...domainKeysOf(prepared)])].filter((key) => !byHostCount || key !== HOSTNAME_LABEL).sort();
    const scoring: Scoring = { active: base.active.filter(({ plugin }) => plugin.perNode), spec: { ...base.spec, keys } };
    const holders = byHostCount ? new HostnameHolders(hostname, prepared.pod, cluster, nodes) : undefined;
    const represented = representatives(feasibility, nodes, scoring.spec, holders?.indices ?? new Set());
    const raw = rawScores(prepared.pod, represented.map(({ index }) => index), nodes, scoring.active);
    const maxima = raw.map((row) => row.reduce((max, score) => Math.max(max, score), 0));
    const built = new ReplicaQueue(prepared, nodes, scoring, maxima, { buckets: spread, holders });
    totals(raw, scoring.active).forEach((total, i) => {
      const { index, key, holder, size } = represented[i] ?? { index: -1, key: '', holder: false, size: 0 };
      built.#count(built.#insert({ total, key, index, holder }), size, raw.map((row) => row[i] ?? 0));
    });
    // The domain filters may leave out every node scoring some maximum: the totals would be normalised otherwise.
    return built.stale ? undefined : built;
  }

  /** True when the feasible nodes lack a maximum some score was normalised by: build a new queue. */
  get stale(): boolean {
    if (!this.#dirty && !this.#ready) {
      this.#ready = this.#candidates();
      this.#dirty = this.#ready === undefined;
    }
    return this.#dirty;
  }

  /**
   * The top of each heap whose nodes the domain filters pass (they give every node of a heap its top's verdict), or
   * undefined when those nodes lack a maximum some score was normalised by: then no total in the heaps holds.
   */
  #candidates(): Candidates | undefined {
    const tops: HeapEntry[] = [];
    const heaps: EntryHeap[] = [];
    const buckets: FeasibleBucket[] = [];
    const atMax = this.#active.map(({ plugin }) => plugin.normalize === undefined);
    for (const [key, { heap, bucket }] of this.#heaps) {
      const entry = this.#validTop(heap);
      // An empty heap (its bucket emptied as nodes moved on) is made again when a node joins the bucket.
      if (!entry) this.#heaps.delete(key);
      const node = entry ? this.#nodes.nodes[entry.index] : undefined;
      if (!entry || !node || (this.#domainFilters.active.length > 0 && filterNode(this.#domainFilters, node))) continue;
      const feasible = this.#feasible.get(key);
      tops.push(entry);
      heaps.push(heap);
      buckets.push({ key: bucket, nodes: feasible?.nodes ?? 0 });
      feasible?.atMax.forEach((count, p) => {
        if (count > 0) atMax[p] = true;
      });
    }
    return atMax.every(Boolean) ? { tops, heaps, buckets } : undefined;
  }

  /** The best node for the next replica; undefined when none is feasible (or the queue is stale). */
  next(): number | undefined {
    if (this.stale || !this.#ready) return undefined;
    const { tops, heaps, buckets } = this.#ready;
    this.#ready = undefined;
    // The spread score of a bucket depends on every feasible node (weights, normalisation): add it to each heap's top.
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
    this.#ready = undefined;
    const node = this.#nodes.nodes[index];
    if (!node) return;
    this.#holders?.placed(index, node);
    // Normalised scores read labels and taints alone, which placing a pod leaves as they were.
    const raw = this.#active.map(({ plugin, state }) => plugin.score(this.#untracked.pod, node, state));
    if (entry) {
      // The node leaves the heap it was counted in; it joins the one it is in now below, unless it dropped out.
      this.#count(entry.heap, -1, raw);
      const next = entry.holder ? undefined : this.#firstFree(entry.key);
      if (next !== undefined) this.#insert({ ...entry, index: next });
    }
    this.#spread?.placed(node, index);
    // A node that drops out may have held the last of a maximum: #candidates finds that out.
    if (filterNode(this.#untracked, node)) return;
    const scaled = this.#active.map(({ plugin, state }, p) => {
      if (!plugin.normalize) return raw[p] ?? 0;
      // Max-based normalisation of one score: normalise it beside the maximum.
      const pair = [this.#maxima[p] ?? 0, raw[p] ?? 0];
      plugin.normalize(pair, state);
      return pair[1] ?? 0;
    });
    this.#push(scaled.reduce((sum, score, p) => sum + score * (this.#active[p]?.plugin.weight ?? 0), 0), index, raw);
  }

  /** Enters a feasible node with its per-node total: alone when it is a holder, else as its class's first free member. */
  #push(total: number, index: number, raw: readonly number[]): void {
    const key = this.#nodes.classKeyOf(this.#spec, index);
    const holder = this.#holders?.indices.has(index) ?? false;
    const first = holder ? index : (this.#firstFree(key) ?? index);
    // The class's first free member is in the node's heap: they agree on all the heap key reads.
    this.#count(this.#insert({ total, key, index: first, holder }), 1, raw);
  }

  /** Counts `delta` feasible nodes with these raw scores in (positive) or out of (negative) a heap. */
  #count(heap: string, delta: number, raw: readonly number[]): void {
    let feasible = this.#feasible.get(heap);
    if (!feasible) this.#feasible.set(heap, (feasible = { nodes: 0, atMax: this.#maxima.map(() => 0) }));
    feasible.nodes += delta;
    raw.forEach((score, p) => {
      if (score === this.#maxima[p] && this.#active[p]?.plugin.normalize) feasible.atMax[p] = (feasible.atMax[p] ?? 0) + delta;
    });
  }

  /** The first member (by name) of a class outside the holders. */
  #firstFree(key: string): number | undefined {
    const members = this.#nodes.classMembers(this.#spec, key);
    const holders = this.#holders?.indices;
    if (!holders || holders.size === 0) return members[0];
    for (const index of members) if (!holders.has(index)) return index;
    return undefined;
  }

  /** Pushes the entry onto the heap of its node's domain and bucket; returns that heap's key. */
  #insert(entry: Entry): string {
    const node = this.#nodes.nodes[entry.index];
    const bucket = this.#spread && node ? this.#spread.bucketOf(node, entry.index) : '';
    let key = bucket;
    if (node && this.#domainFilters.active.length > 0) {
      let domain = '';
      for (const { plugin, state } of this.#domainFilters.active) domain += plugin.domainOf?.(this.#domainFilters.pod, state, node) ?? '';
      key = `${domain}\u0003${bucket}`;
    }
    let heap = this.#heaps.get(key);
    if (!heap) this.#heaps.set(key, (heap = { heap: new EntryHeap(), bucket }));
    heap.heap.push({ ...entry, heap: key });
    return key;
  }

  /** The heap's top after dropping entries whose class changed since they were pushed. */
  #validTop(heap: EntryHeap): HeapEntry | undefined {
    for (let entry = heap.peek(); entry; entry = heap.peek()) {
      const valid = entry.holder ? this.#nodes.classKeyOf(this.#spec, entry.index) === entry.key : this.#firstFree(entry.key) === entry.index;
      if (valid) return entry;
      heap.pop();
    }
    return undefined;
  }
}
