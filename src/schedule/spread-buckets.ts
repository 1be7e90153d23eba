// PodTopologySpread scoring kept up to date across one pod's replicas: nodes sit in buckets by what the score reads
// (their own matching-pod count for hostname constraints, their domain otherwise), so placing a replica moves one
// node and bumps one domain's count instead of rescoring every node.
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/scoring.go PreScore, Score, NormalizeScore (v1.35)
import type { NodeClasses } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import { HOSTNAME_LABEL } from './node-info.js';
import type { PodInfo, TopologySpreadConstraint } from './pod-info.js';
import { countsPod, podCounter } from './plugins/pod-topology-spread.js';
import { normalizingWeight, spreadRawScore, type SpreadScoreState } from './scoring/pod-topology-spread.js';
import type { ScorePlugin } from './scoring/score-plugin.js';

/** What the spread score reads from a node: per constraint, its hostname count or domain value (undefined: no label). */
interface Bucket {
  readonly values: readonly (string | undefined)[];
  readonly hostCount: number;
}

/** A node's values of the constraints' keys, and its bucket keys by own matching-pod count (one string each). */
interface Domain {
  readonly values: readonly (string | undefined)[];
  readonly text: string;
  readonly keys: string[];
}

/** The Domain of each node for one list of topology keys, and the buckets by key: pods' queues share them. */
interface DomainTable {
  readonly byIndex: Domain[];
  readonly byText: Map<string, Domain>;
  readonly buckets: Map<string, Bucket>;
}

/** Per NodeClasses (whose nodes keep their labels) and topology keys. */
const domainTables = new WeakMap<NodeClasses, Map<string, DomainTable>>();

function domainTableOf(nodes: NodeClasses, constraints: readonly TopologySpreadConstraint[]): DomainTable {
  let tables = domainTables.get(nodes);
  if (!tables) domainTables.set(nodes, (tables = new Map()));
  const keys = constraints.map((c) => c.topologyKey).join('\u0001');
  let table = tables.get(keys);
  if (!table) tables.set(keys, (table = { byIndex: [], byText: new Map(), buckets: new Map() }));
  return table;
}

/** A bucket (its key) and how many feasible nodes it holds. */
export interface FeasibleBucket {
  readonly key: string;
  readonly nodes: number;
}

export class SpreadBuckets {
  readonly #plugin: ScorePlugin;
  readonly #pod: PodInfo;
  readonly #constraints: readonly TopologySpreadConstraint[];
  /** Matching pods per domain value, per constraint (hostname constraints: unused). */
  readonly #counts: Map<string, number>[];
  readonly #domains: DomainTable;
  /** countPods of the hostname constraint (the API allows one per whenUnsatisfiable). */
  readonly #hostCount: ((node: NodeInfo) => number) | undefined;
  /** Whether a replica counts for that constraint (it matches its own selector). */
  readonly #replicaCounts: boolean;
  /** The hostname count of each node as last read, with the node it was read from: a bind adds one, not a recount. */
  readonly #hostCounts = new Map<number, { readonly node: NodeInfo; readonly count: number }>();

  private constructor({ plugin, state }: { plugin: ScorePlugin; state: SpreadScoreState }, pod: PodInfo, nodes: NodeClasses) {
    this.#plugin = plugin;
    this.#domains = domainTableOf(nodes, state.constraints);
    this.#pod = pod;
    this.#constraints = state.constraints;
    const hostname = state.constraints.find((c) => c.topologyKey === HOSTNAME_LABEL);
    this.#hostCount = hostname && podCounter(hostname, pod);
    this.#replicaCounts = hostname !== undefined && countsPod(hostname, pod, pod);
    this.#counts = state.podCounts.map((counts) => new Map(counts));
  }

  /** Buckets for a PreScore state without ignored nodes (those need the per-node path). */
  static of({ plugin, state }: { plugin: ScorePlugin; state: unknown }, pod: PodInfo, nodes: NodeClasses): SpreadBuckets | undefined {
    const spread = state as SpreadScoreState;
    return spread.ignored.size > 0 ? undefined : new SpreadBuckets({ plugin, state: spread }, pod, nodes);
  }

  /** The constraints with the hostname key (they count each node's own pods). */
  get hostnameConstraints(): readonly TopologySpreadConstraint[] {
    return this.#constraints.filter((c) => c.topologyKey === HOSTNAME_LABEL);
  }

  /** The key of the bucket node `index` is in now. */
  bucketOf(node: NodeInfo, index: number): string {
    const domain = (this.#domains.byIndex[index] ??= this.#domainOf(node.labels));
    const hostCount = this.#hostCountOf(node, index);
    let key = domain.keys[hostCount];
    if (key === undefined) {
      domain.keys[hostCount] = key = `${domain.text}${hostCount}`;
      this.#domains.buckets.set(key, { values: domain.values, hostCount });
    }
    return key;
  }

  #hostCountOf(node: NodeInfo, index: number): number {
    if (!this.#hostCount) return 0;
    const known = this.#hostCounts.get(index);
    if (known?.node === node) return known.count;
    const count = this.#hostCount(node);
    this.#hostCounts.set(index, { node, count });
    return count;
  }

  /** What the constraints read from a node's labels (one Domain per distinct text). */
  #domainOf(labels: NodeInfo['labels']): Domain {
    // A hostname constraint reads the node's own count, not its hostname: nodes with equal counts share a bucket.
    const values = this.#constraints.map((c) => (c.topologyKey === HOSTNAME_LABEL && labels[c.topologyKey] !== undefined ? '' : labels[c.topologyKey]));
    const text = `${values.map((value) => value ?? '\u0002').join('\u0001')}\u0003`;
    let domain = this.#domains.byText.get(text);
    if (!domain) this.#domains.byText.set(text, (domain = { values, text, keys: [] }));
    return domain;
  }

  /**
   * After a replica landed on `node`: its domains count one more matching pod. A node without the key counts in the
   * domain "" (upstream PreScore reads `node.Labels[key]`, Go's "" for a missing key), which nodes labelled with an
   * empty value score by.
   */
  placed(node: NodeInfo, index: number): void {
    this.#constraints.forEach((c, i) => {
      const counts = this.#counts[i];
      const value = node.labels[c.topologyKey] ?? '';
      if (c.topologyKey === HOSTNAME_LABEL || !counts?.has(value) || !countsPod(c, this.#pod, this.#pod)) return;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    });
    // The node as last read plus this replica: its count follows without reading its pods again (a node taking
    // thousands of replicas counted them all at each bind).
    const known = this.#hostCounts.get(index);
    const { pods } = node;
    if (known && pods.length === known.node.pods.length + 1 && pods[pods.length - 1] === this.#pod) {
      this.#hostCounts.set(index, { node, count: known.count + (this.#replicaCounts ? 1 : 0) });
    }
  }

  /**
   * The normalised spread score of each of `buckets`: every bucket holding feasible nodes, with how many (several
   * entries may name one bucket, their nodes being apart on what the filters read).
   */
  scores(buckets: readonly FeasibleBucket[]): number[] {
    const state = this.#state(buckets);
    const raw = buckets.map(({ key }) => {
      const bucket = this.#domains.buckets.get(key);
      return bucket ? spreadRawScore(state, (_c) => bucket.values[this.#constraints.indexOf(_c)], () => bucket.hostCount) : 0;
    });
    this.#plugin.normalize?.(raw, state);
    return raw;
  }

  /** PreScore's weights over the feasible nodes: their number for hostname, their domains for other keys. */
  #state(feasible: readonly FeasibleBucket[]): SpreadScoreState {
    const weights = this.#constraints.map((c, i) => {
      if (c.topologyKey === HOSTNAME_LABEL) return normalizingWeight(feasible.reduce((sum, { nodes }) => sum + nodes, 0));
      const values = new Set<string>();
      for (const { key, nodes } of feasible) if (nodes > 0) values.add(this.#domains.buckets.get(key)?.values[i] ?? '');
      return normalizingWeight(values.size);
    });
    return { constraints: this.#constraints, ignored: new Set(), podCounts: this.#counts, weights };
  }

  get weight(): number {
    return this.#plugin.weight;
  }
}
