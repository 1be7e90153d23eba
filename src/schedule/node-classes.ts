// Equivalence classes of nodes: nodes equal in everything a pod's filters read share one verdict (and one score).
import { appendAll, ascendingIndices } from '../model/append.js';
import type { Labels } from '../model/labels.js';
import type { ClusterState } from './framework.js';
import { HOSTNAME_LABEL, podLabelKey, type NodeInfo } from './node-info.js';
import { StorageCatalog } from './volumes/storage-catalog.js';

export interface ClassSpec {
  readonly keys: readonly string[];
  readonly usesName: boolean;
  /** Group by NodeInfo.specKey instead of classKey: nodes that differ only in what their pods use fall together. */
  readonly ignoresUsage?: boolean;
  /** Image names whose presence on the node a score reads (ImageLocality). */
  readonly images?: readonly string[];
}

/** Node indices (ascending, i.e. by name) that no filter of the spec can tell apart. */
export interface NodeClass {
  readonly key: string;
  readonly members: number[];
}

export function specId(spec: ClassSpec): string {
  return `${spec.usesName ? 'N' : ''}${spec.ignoresUsage ? 'S' : ''}|${spec.keys.join('\u0001')}|${spec.images?.join('\u0001') ?? ''}`;
}

interface Grouping {
  /** The class key of a node in this grouping. */
  readonly keyOfNode: (node: NodeInfo) => string;
  readonly classes: Map<string, NodeClass>;
  readonly keyOf: string[];
}

const ABSENT = '\u0002';
const NONE: ReadonlySet<number> = new Set();

/** The key of the node's class under `spec` (the per-node definition every grouping follows). */
export function classKey(node: NodeInfo, spec: ClassSpec): string {
  let key = spec.ignoresUsage ? node.specKey : node.classKey;
  for (const label of spec.keys) key += `\u0001${node.labels[label] ?? ABSENT}`;
  if (spec.images) for (const image of spec.images) key += node.imageStates.has(image) ? '\u0001I' : '\u0001-';
  return spec.usesName ? `${key}\u0001${node.name}` : key;
}

/** Whether classKey under `spec` is a function of baseKey, so groupings can be built per base class. */
function isCoarse(spec: ClassSpec): boolean {
  return !spec.usesName && (spec.images?.length ?? 0) === 0 && !spec.keys.includes(HOSTNAME_LABEL);
}

/** Nodes sorted by name, with cached groupings per ClassSpec that follow node updates. */
export class NodeClasses {
  readonly #nodes: NodeInfo[];
  readonly #groupings = new Map<string, Grouping>();
  /** The same groupings by spec object, sparing the id string on repeated lookups with one spec. */
  readonly #bySpec = new WeakMap<ClassSpec, Grouping>();
  readonly #indexByName = new Map<string, number>();
  /** The base classes (see baseKey), built on the first coarse grouping and kept up to date by replace. */
  #base: Grouping | undefined;
  #withPods: NodeInfo[] | undefined;
  #withAffinity: NodeInfo[] | undefined;
  #withAntiAffinity: NodeInfo[] | undefined;
  /** Node indices per podLabelKey of their pods, built on first use and kept up to date by replace. */
  #podLabelHolders: Map<string, Set<number>> | undefined;
  /** Whether every node carries a label key (labels never change). */
  readonly #everyNodeHas = new Map<string, boolean>();

  constructor(nodes: readonly NodeInfo[]) {
    this.#nodes = [...nodes];
    this.#nodes.forEach((node, index) => this.#indexByName.set(node.name, index));
  }

  indexOf(name: string): number | undefined {
    return this.#indexByName.get(name);
  }

  get nodes(): readonly NodeInfo[] {
    return this.#nodes;
  }

  classes(spec: ClassSpec): Iterable<NodeClass> {
    return this.#grouping(spec).classes.values();
  }

  /** The members of a class (empty when the class is gone). */
  classMembers(spec: ClassSpec, key: string): readonly number[] {
    return this.#grouping(spec).classes.get(key)?.members ?? [];
  }

  /** The key of the class node `index` belongs to under `spec`. */
  classKeyOf(spec: ClassSpec, index: number): string {
    return this.#grouping(spec).keyOf[index] ?? '';
  }

  /** Indices of the nodes hosting a non-terminating pod of `namespace` labelled `key: value`. */
  podLabelHolders(namespace: string, key: string, value: string): ReadonlySet<number> {
    if (!this.#podLabelHolders) {
      this.#podLabelHolders = new Map();
      this.#nodes.forEach((node, index) => this.#addHolder(index, node.podLabelCounts.keys()));
    }
    return this.#podLabelHolders.get(podLabelKey(namespace, key, value)) ?? NONE;
  }

  everyNodeHasLabel(key: string): boolean {
    let known = this.#everyNodeHas.get(key);
    if (known === undefined) this.#everyNodeHas.set(key, (known = this.#nodes.every((node) => node.labels[key] !== undefined)));
    return known;
  }

  /** A ClusterState whose nodes follow this object's updates. */
  clusterState(namespaceLabels: ReadonlyMap<string, Labels>, minor: number, storage = StorageCatalog.of([], false)): ClusterState {
    return {
      nodes: this.#nodes,
      namespaceLabels,
      minor,
      storage,
      nodesWithPods: () => (this.#withPods ??= this.#nodes.filter((n) => n.pods.length > 0)),
      nodesWithPodLabel: (namespace, key, value) => [...this.podLabelHolders(namespace, key, value)].flatMap((i) => this.#nodes[i] ?? []),
      nodesWithAffinityPods: () => (this.#withAffinity ??= this.#nodes.filter((n) => n.podsWithAffinity.length > 0)),
      nodesWithRequiredAntiAffinityPods: () =>
        (this.#withAntiAffinity ??= this.#nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0)),
      nodeGroups: (keys, usesName) => this.classes({ keys: [...new Set(keys)].sort(), usesName }),
    };
  }

  #grouping(spec: ClassSpec): Grouping {
    const known = this.#bySpec.get(spec);
    if (known) return known;
    const id = specId(spec);
    let grouping = this.#groupings.get(id);
    if (!grouping) {
      grouping = isCoarse(spec) ? this.#fromBase(spec) : this.#perNode((node) => classKey(node, spec));
      this.#groupings.set(id, grouping);
    }
    this.#bySpec.set(spec, grouping);
    return grouping;
  }

  #perNode(keyOfNode: (node: NodeInfo) => string): Grouping {
    const grouping: Grouping = { keyOfNode, classes: new Map(), keyOf: [] };
    for (let i = 0; i < this.#nodes.length; i++) this.#insert(grouping, i);
    return grouping;
  }

  /** The grouping from the base classes: one key per base class instead of one per node. */
  #fromBase(spec: ClassSpec): Grouping {
    this.#base ??= this.#perNode((node) => node.baseKey);
    const keyOfNode = (node: NodeInfo): string => classKey(node, spec);
    const keyOf = new Array<string>(this.#nodes.length);
    const byKey = new Map<string, NodeClass>();
    for (const base of this.#base.classes.values()) {
      const node = this.#nodes[base.members[0] ?? -1];
      if (!node) continue;
      const key = keyOfNode(node);
      for (const index of base.members) keyOf[index] = key;
      const existing = byKey.get(key);
      if (existing) appendAll(existing.members, base.members);
      else byKey.set(key, { key, members: [...base.members] });
    }
    // as #perNode builds them: members ascending, classes in the order of their first member
    const classes = [...byKey.values()].map((nodeClass) => (isAscending(nodeClass.members) ? nodeClass : { key: nodeClass.key, members: ascendingIndices(nodeClass.members) }));
    classes.sort((a, b) => (a.members[0] ?? 0) - (b.members[0] ?? 0));
    return { keyOfNode, classes: new Map(classes.map((nodeClass) => [nodeClass.key, nodeClass])), keyOf };
  }

  /** Replaces node `index` (same name) after its pods changed; every cached grouping follows. */
  replace(index: number, node: NodeInfo): void {
    const old = this.#nodes[index];
    this.#withPods = undefined;
    if (old && (old.podsWithAffinity.length > 0 || node.podsWithAffinity.length > 0)) this.#withAffinity = undefined;
    if (old && (old.podsWithRequiredAntiAffinity.length > 0 || node.podsWithRequiredAntiAffinity.length > 0)) this.#withAntiAffinity = undefined;
    this.#nodes[index] = node;
    if (old) this.#moveHolder(index, old, node);
    for (const grouping of this.#base ? [this.#base, ...this.#groupings.values()] : this.#groupings.values()) {
      const oldKey = grouping.keyOf[index] ?? '';
      const members = grouping.classes.get(oldKey)?.members ?? [];
      members.splice(lowerBound(members, index), 1);
      if (members.length === 0) grouping.classes.delete(oldKey);
      this.#insert(grouping, index);
    }
  }

  #addHolder(index: number, keys: Iterable<string>): void {
    const holders = this.#podLabelHolders;
    if (!holders) return;
    for (const key of keys) {
      const set = holders.get(key);
      if (set) set.add(index);
      else holders.set(key, new Set([index]));
    }
  }

  #moveHolder(index: number, old: NodeInfo, node: NodeInfo): void {
    if (!this.#podLabelHolders || old.podLabelCounts === node.podLabelCounts) return;
    const added = node.pods.length === old.pods.length + 1 && old.pods.every((pod, i) => node.pods[i] === pod) ? node.pods[old.pods.length] : undefined;
    if (added) {
      // A bind (addPodToNode appends): only the new pod's labels can be new.
      if (!added.terminating) this.#addHolder(index, Object.entries(added.labels).map(([key, value]) => podLabelKey(added.namespace, key, value)));
      return;
    }
    for (const key of old.podLabelCounts.keys()) if (!node.podLabelCounts.has(key)) this.#podLabelHolders.get(key)?.delete(index);
    this.#addHolder(index, [...node.podLabelCounts.keys()].filter((key) => !old.podLabelCounts.has(key)));
  }

  #insert(grouping: Grouping, index: number): void {
    const node = this.#nodes[index];
    if (!node) return;
    const key = grouping.keyOfNode(node);
    grouping.keyOf[index] = key;
    const existing = grouping.classes.get(key);
    if (existing) insertSorted(existing.members, index);
    else grouping.classes.set(key, { key, members: [index] });
  }
}

/** Inserts `value` into ascending `sorted`; building a grouping appends in order, which needs no search. */
function insertSorted(sorted: number[], value: number): void {
  const last = sorted[sorted.length - 1];
  if (last === undefined || last < value) sorted.push(value);
  else sorted.splice(lowerBound(sorted, value), 0, value);
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) < (values[i - 1] ?? 0)) return false;
  return true;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
