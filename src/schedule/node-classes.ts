// Equivalence classes of nodes: nodes equal in everything a pod's filters read share one verdict (and one score).
import type { Labels } from '../model/labels.js';
import type { ClusterState } from './framework.js';
import { IdentityTrie } from '../model/identity-trie.js';
import { HOSTNAME_LABEL, type NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { podLabelKey } from './pod-label-counts.js';
import { AffinityTermHolders } from './affinity-term-holders.js';
import { StorageCatalog } from './volumes/storage-catalog.js';
import { DeviceCatalog } from './dra/device-catalog.js';

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
  /** Changed in place as nodes move, unless handed out by `snapshotOf`: then replaced by a copy first. */
  members: number[];
}

/**
 * A class of a grouping, with the tail of its key (`key` is the head, then the tail): the very string it was added to
 * byHead under, so that removing it does not hash a string cut from its key again (which cost placing 140,000
 * replicas about 10%).
 */
interface GroupedClass extends NodeClass {
  readonly tail: string;
}

/** Member lists handed out as they are now (a pod's verdict parts keep them): a class changes a copy of such a list. */
const SNAPSHOTS = new WeakSet<readonly number[]>();

/**
 * `members` (a class's list, or any list of node indices) kept as it is now without copying it: a list of 20,000 nodes
 * copied for every pod that fits nowhere was most of what a larger cluster of alike nodes cost (a large object of V8's
 * heap each time, mapped afresh).
 */
export function snapshotOf<List extends readonly number[]>(members: List): List {
  SNAPSHOTS.add(members);
  return members;
}

/** The class's list, to change: its own copy when the list was handed out as a snapshot. */
function writableMembers(nodeClass: NodeClass): number[] {
  if (SNAPSHOTS.has(nodeClass.members)) nodeClass.members = nodeClass.members.slice();
  return nodeClass.members;
}

export function specId(spec: ClassSpec): string {
  return `${spec.usesName ? 'N' : ''}${spec.ignoresUsage ? 'S' : ''}|${spec.keys.join('\u0001')}|${spec.images?.join('\u0001') ?? ''}`;
}

/**
 * A node's class key in a grouping is a head that changes with its pods (NodeInfo.classKey, or specKey) and a tail that
 * does not (labels, images, name: computed once per node). Classes are found by head, then tail: both strings keep
 * their hash, so a bind concatenates and hashes no new key unless it makes a new class.
 */
interface Grouping {
  readonly headOf: (node: NodeInfo) => string;
  readonly classes: Map<string, GroupedClass>;
  /**
   * The classes per head, by their tails: few per head for the nodes of one pool and usage, one per node when the tail
   * holds the hostname (a list searched per insert made each bind cost the number of nodes, per cached grouping).
   */
  readonly byHead: Map<string, Map<string, GroupedClass>>;
  /** Which class each node is in. */
  readonly membership: Membership;
}

/** The class of each node in one grouping, and the tail of its key. */
interface Membership {
  classOf(index: number): GroupedClass | undefined;
  /** Records that node `index` is now in `nodeClass`. */
  assign(index: number, nodeClass: GroupedClass): void;
  tailOf(index: number, node: NodeInfo): string;
}

/** A class per node, and each node's tail worked out once (the base classes, and groupings that read the name). */
class PerNodeMembership implements Membership {
  readonly #classOf: GroupedClass[] = [];
  readonly #tails: string[] = [];
  readonly #tailOf: (node: NodeInfo) => string;

  constructor(tailOf: (node: NodeInfo) => string) {
    this.#tailOf = tailOf;
  }

  classOf(index: number): GroupedClass | undefined {
    return this.#classOf[index];
  }

  assign(index: number, nodeClass: GroupedClass): void {
    this.#classOf[index] = nodeClass;
  }

  tailOf(index: number, node: NodeInfo): string {
    return (this.#tails[index] ??= this.#tailOf(node));
  }
}

/**
 * The class of each node through its base class: a coarse grouping's key is a function of the base class's key, so all
 * the members of a base class share one class, and a grouping costs its classes, not its nodes (NodeClasses.replace
 * moves the base first, then this grouping's class of the node's new base class is assigned).
 */
class BaseMembership implements Membership {
  readonly #base: Grouping;
  readonly #classOf = new WeakMap<NodeClass, GroupedClass>();
  readonly #tailOf: (node: NodeInfo) => string;

  constructor(base: Grouping, tailOf: (node: NodeInfo) => string) {
    this.#base = base;
    this.#tailOf = tailOf;
  }

  classOf(index: number): GroupedClass | undefined {
    const base = this.#base.membership.classOf(index);
    return base && this.#classOf.get(base);
  }

  assign(index: number, nodeClass: GroupedClass): void {
    const base = this.#base.membership.classOf(index);
    if (base) this.assignBase(base, nodeClass);
  }

  assignBase(base: NodeClass, nodeClass: GroupedClass): void {
    this.#classOf.set(base, nodeClass);
  }

  tailOf(_index: number, node: NodeInfo): string {
    return this.#tailOf(node);
  }
}

const ABSENT = '\u0002';
const NONE: ReadonlySet<number> = new Set();

/** The pods `node` has after those of `old` when a bind only appended them; undefined when pods went or changed. */
function appendedPods(old: NodeInfo, node: NodeInfo): readonly PodInfo[] | undefined {
  if (node.pods.length < old.pods.length || !old.pods.every((pod, i) => node.pods[i] === pod)) return undefined;
  return node.pods.slice(old.pods.length);
}

function hasTerminatingPod(node: NodeInfo): boolean {
  return node.pods.some((pod) => pod.terminating);
}

/** The key of the node's class under `spec` (the per-node definition every grouping follows). */
export function classKey(node: NodeInfo, spec: ClassSpec): string {
  return headOf(spec)(node) + classKeyTail(node, spec);
}

function headOf(spec: ClassSpec): (node: NodeInfo) => string {
  return spec.ignoresUsage ? (node) => node.specKey : (node) => node.classKey;
}

/** The part of classKey that replacing a node by one with other pods never changes. */
function classKeyTail(node: NodeInfo, spec: ClassSpec): string {
  let key = '';
  for (const label of spec.keys) key += `\u0001${node.labels[label] ?? ABSENT}`;
  if (spec.images) for (const image of spec.images) key += node.imageStates.has(image) ? '\u0001I' : '\u0001-';
  return spec.usesName ? `${key}\u0001${node.name}` : key;
}

/** Whether classKey under `spec` is a function of the base class (classKey, labelsKey), so groupings can be built per base class. */
function isCoarse(spec: ClassSpec): boolean {
  return !spec.usesName && (spec.images?.length ?? 0) === 0 && !spec.keys.includes(HOSTNAME_LABEL);
}

/** A class #fromBase builds: the head and tail of its key and the base classes it joins. */
interface NewClass {
  readonly head: string;
  readonly tail: string;
  readonly bases: NodeClass[];
}

/** Nodes sorted by name, with cached groupings per ClassSpec that follow node updates. */
export class NodeClasses {
  readonly #nodes: NodeInfo[];
  readonly #groupings = new Map<string, Grouping>();
  /** The same groupings by spec object, sparing the id string on repeated lookups with one spec. */
  readonly #bySpec = new WeakMap<ClassSpec, Grouping>();
  /** Member lists of several base classes, by those classes, made since the last replace (#unionOf). */
  #unions: IdentityTrie<number[]> | undefined;
  /** Built on the first lookup by name (a pod naming its nodes, a bound pod's node): many runs make none. */
  #indexByName: Map<string, number> | undefined;
  /** The base classes (classKey, then NodeInfo.labelsKey), built on the first coarse grouping and kept up to date by replace. */
  #base: Grouping | undefined;
  #withPods: NodeInfo[] | undefined;
  #withAffinity: NodeInfo[] | undefined;
  #withTerminating: NodeInfo[] | undefined;
  #withAntiAffinity: NodeInfo[] | undefined;
  /** Nodes holding pods whose scored affinity terms may match a pod, built on first use and kept up to date by binds. */
  #termHolders: AffinityTermHolders | undefined;
  /** Node indices per podLabelKey of their pods, built on first use and kept up to date by replace. */
  #podLabelHolders: Map<string, Set<number>> | undefined;
  /** Whether every node carries a label key (labels never change). */
  readonly #everyNodeHas = new Map<string, boolean>();
  /** Node indices per label key and value, per key built on first use (labels never change). */
  readonly #labelled = new Map<string, Map<string, number[]>>();

  constructor(nodes: readonly NodeInfo[]) {
    this.#nodes = [...nodes];
  }

  indexOf(name: string): number | undefined {
    if (!this.#indexByName) {
      const byName = new Map<string, number>();
      this.#nodes.forEach((node, index) => byName.set(node.name, index));
      this.#indexByName = byName;
    }
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
    return this.#grouping(spec).membership.classOf(index)?.key ?? '';
  }

  /** classKeyOf under `spec`, with the grouping looked up once. */
  classKeys(spec: ClassSpec): (index: number) => string {
    const { membership } = this.#grouping(spec);
    return (index) => membership.classOf(index)?.key ?? '';
  }

  /** Indices of the nodes hosting a non-terminating pod of `namespace` labelled `key: value`. */
  podLabelHolders(namespace: string, key: string, value: string): ReadonlySet<number> {
    if (!this.#podLabelHolders) {
      this.#podLabelHolders = new Map();
      this.#nodes.forEach((node, index) => this.#addHolder(index, node.podLabelCounts.keys()));
    }
    return this.#podLabelHolders.get(podLabelKey(namespace, key, value)) ?? NONE;
  }

  /** Whether no two nodes share a value of the label key (nodes without it aside). */
  labelValuesDistinct(key: string): boolean {
    for (const members of this.#labelIndex(key).values()) if (members.length > 1) return false;
    return true;
  }

  everyNodeHasLabel(key: string): boolean {
    let known = this.#everyNodeHas.get(key);
    if (known === undefined) this.#everyNodeHas.set(key, (known = this.#nodes.every((node) => node.labels[key] !== undefined)));
    return known;
  }

  /** Indices of the nodes labelled `key: value`. */
  labelled(key: string, value: string): readonly number[] {
    return this.#labelIndex(key).get(value) ?? [];
  }

  #labelIndex(key: string): ReadonlyMap<string, readonly number[]> {
    let byValue = this.#labelled.get(key);
    if (!byValue) {
      const index = new Map<string, number[]>();
      this.#nodes.forEach((node, i) => {
        const label = node.labels[key];
        if (label === undefined) return;
        const list = index.get(label);
        if (list) list.push(i);
        else index.set(label, [i]);
      });
      this.#labelled.set(key, (byValue = index));
    }
    return byValue;
  }

  /** A ClusterState whose nodes follow this object's updates. */
  clusterState(namespaceLabels: ReadonlyMap<string, Labels>, minor: number, catalogs: { readonly storage?: StorageCatalog; readonly devices?: DeviceCatalog } = {}): ClusterState {
    return {
      nodes: this.#nodes,
      namespaceLabels,
      minor,
      storage: catalogs.storage ?? StorageCatalog.of([], 'inputs', minor),
      devices: catalogs.devices ?? DeviceCatalog.EMPTY,
      nodesWithPods: () => (this.#withPods ??= this.#nodes.filter((n) => n.pods.length > 0)),
      nodesWithPodLabel: (namespace, key, value) => [...this.podLabelHolders(namespace, key, value)].flatMap((i) => this.#nodes[i] ?? []),
      nodesWithAffinityPods: () => (this.#withAffinity ??= this.#nodes.filter((n) => n.podsWithAffinity.length > 0)),
      nodesWithTermsFor: (pod) => (this.#termHolders ??= new AffinityTermHolders(this.#nodes)).holders(pod.labels).flatMap((i) => this.#nodes[i] ?? []),
      nodesWithTerminatingPods: () => (this.#withTerminating ??= this.#nodes.filter(hasTerminatingPod)),
      nodesWithRequiredAntiAffinityPods: () =>
        (this.#withAntiAffinity ??= this.#nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0)),
      everyNodeHasLabel: (key) => this.everyNodeHasLabel(key),
      labelValuesDistinct: (key) => this.labelValuesDistinct(key),
      nodesLabelled: (key, value) => this.labelled(key, value).flatMap((i) => this.#nodes[i] ?? []),
      nodeGroups: (keys, usesName) => this.classes({ keys: [...new Set(keys)].sort(), usesName }),
    };
  }

  #grouping(spec: ClassSpec): Grouping {
    const known = this.#bySpec.get(spec);
    if (known) return known;
    const id = specId(spec);
    let grouping = this.#groupings.get(id);
    if (!grouping) {
      const tailOf = (node: NodeInfo): string => classKeyTail(node, spec);
      grouping = isCoarse(spec) ? this.#fromBase(headOf(spec), tailOf) : this.#perNode(headOf(spec), tailOf);
      this.#groupings.set(id, grouping);
    }
    this.#bySpec.set(spec, grouping);
    return grouping;
  }

  #perNode(headOfNode: (node: NodeInfo) => string, tailOf: (node: NodeInfo) => string): Grouping {
    const grouping = emptyGrouping(headOfNode, new PerNodeMembership(tailOf));
    for (let i = 0; i < this.#nodes.length; i++) this.#insert(grouping, i);
    return grouping;
  }

  /** The grouping from the base classes: one key per base class instead of one per node. */
  #fromBase(headOfNode: (node: NodeInfo) => string, tailOf: (node: NodeInfo) => string): Grouping {
    const base = (this.#base ??= this.#perNode((node) => node.classKey, (node) => node.labelsKey));
    const membership = new BaseMembership(base, tailOf);
    const grouping = emptyGrouping(headOfNode, membership);
    const byKey = new Map<string, NewClass>();
    for (const baseClass of base.classes.values()) {
      const node = this.#nodes[baseClass.members[0] ?? -1];
      if (!node) continue;
      const head = headOfNode(node);
      const tail = tailOf(node);
      const key = head + tail;
      const known = byKey.get(key);
      if (known) known.bases.push(baseClass);
      else byKey.set(key, { head, tail, bases: [baseClass] });
    }
    // as #perNode builds them: members ascending, classes in the order of their first member
    const made = [...byKey].map(([key, { head, tail, bases }]) => ({ nodeClass: { key, members: this.#unionOf(bases), tail }, head, bases }));
    made.sort((a, b) => (a.nodeClass.members[0] ?? 0) - (b.nodeClass.members[0] ?? 0));
    for (const { nodeClass, head, bases } of made) {
      addClass(grouping, nodeClass, head);
      for (const baseClass of bases) membership.assignBase(baseClass, nodeClass);
    }
    return grouping;
  }

  /**
   * unionOf, shared by the groupings that merge the same base classes while none of them changes (the groupings most
   * pods' specs make all merge the zones of a pool, 20,000 nodes of alike ones): handed out as a snapshot, which a
   * class copies before changing it.
   */
  #unionOf(bases: readonly NodeClass[]): number[] {
    if (bases.length === 1) return unionOf(bases);
    let trie = (this.#unions ??= new IdentityTrie<number[]>());
    for (const base of bases) trie = trie.at(base);
    return snapshotOf(trie.value(() => unionOf(bases)));
  }

  /** Replaces node `index` (same name) after its pods changed; every cached grouping follows. */
  replace(index: number, node: NodeInfo): void {
    const old = this.#nodes[index];
    // the base classes change: unions made of them before are not theirs any more
    this.#unions = undefined;
    this.#withPods = undefined;
    this.#withAffinity = followed(this.#withAffinity, old, node, (n) => n.podsWithAffinity.length > 0);
    this.#withAntiAffinity = followed(this.#withAntiAffinity, old, node, (n) => n.podsWithRequiredAntiAffinity.length > 0);
    this.#withTerminating = followed(this.#withTerminating, old, node, hasTerminatingPod);
    this.#nodes[index] = node;
    // a bind appends pods (addPodToNode): the indexes then only add what the new pods bring
    const added = old && appendedPods(old, node);
    if (old) this.#moveHolder(index, old, node, added);
    if (this.#termHolders) {
      if (added) for (const pod of added) this.#termHolders.add(index, pod);
      else this.#termHolders = undefined;
    }
    // the classes the node leaves, read before the base moves (the groupings built on it find theirs through it)
    const held = [...this.#groupings.values()].map((grouping) => grouping.membership.classOf(index));
    if (this.#base) this.#move(this.#base, index, old, this.#base.membership.classOf(index));
    [...this.#groupings.values()].forEach((grouping, at) => this.#move(grouping, index, old, held[at]));
  }

  /** Moves node `index` (which was `old`, in class `held`) to its class now. */
  #move(grouping: Grouping, index: number, old: NodeInfo | undefined, held: GroupedClass | undefined): void {
    const node = this.#nodes[index];
    if (!held || !old || !node) return this.#insert(grouping, index);
    const head = grouping.headOf(old);
    if (head === grouping.headOf(node)) {
      grouping.membership.assign(index, held);
      // The same class (a filter ignoring usage): a class of one node goes and comes back last, as a move would leave it.
      if (held.members.length > 1) return;
      grouping.classes.delete(held.key);
      grouping.classes.set(held.key, held);
      return;
    }
    const members = writableMembers(held);
    members.splice(lowerBound(members, index), 1);
    if (members.length === 0) {
      grouping.classes.delete(held.key);
      const inner = grouping.byHead.get(head);
      if (inner?.get(held.tail) === held) inner.delete(held.tail);
      if (inner?.size === 0) grouping.byHead.delete(head);
    }
    this.#insert(grouping, index);
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

  #moveHolder(index: number, old: NodeInfo, node: NodeInfo, added: readonly PodInfo[] | undefined): void {
    if (!this.#podLabelHolders || old.podLabelCounts === node.podLabelCounts) return;
    if (added) {
      // only the new pods' labels can be new
      for (const pod of added) if (!pod.terminating) this.#addHolder(index, Object.entries(pod.labels).map(([key, value]) => podLabelKey(pod.namespace, key, value)));
      return;
    }
    for (const key of old.podLabelCounts.keys()) if (!node.podLabelCounts.has(key)) this.#podLabelHolders.get(key)?.delete(index);
    this.#addHolder(index, [...node.podLabelCounts.keys()].filter((key) => !old.podLabelCounts.has(key)));
  }

  #insert(grouping: Grouping, index: number): void {
    const node = this.#nodes[index];
    if (!node) return;
    const head = grouping.headOf(node);
    const tail = grouping.membership.tailOf(index, node);
    const existing = grouping.byHead.get(head)?.get(tail);
    if (existing) {
      const members = writableMembers(existing);
      members.splice(lowerBound(members, index), 0, index);
      grouping.membership.assign(index, existing);
      return;
    }
    const created: GroupedClass = { key: head + tail, members: [index], tail };
    addClass(grouping, created, head);
    grouping.membership.assign(index, created);
  }
}

function emptyGrouping(headOfNode: (node: NodeInfo) => string, membership: Membership): Grouping {
  return { headOf: headOfNode, classes: new Map(), byHead: new Map(), membership };
}

/** The members of the classes, ascending (each class's members are): one class's list shared until either class changes. */
function unionOf(classes: readonly NodeClass[]): number[] {
  if (classes.length === 1) return snapshotOf(classes[0]?.members ?? []);
  // merged, not sorted: O(nodes x log classes), and a grouping's classes are few and long (a zone's nodes of a pool)
  return mergedRange(classes, 0, classes.length) as number[];
}

/** The members of classes[from..to), ascending (halves merged; a class's own list for one class, only read). */
function mergedRange(classes: readonly NodeClass[], from: number, to: number): readonly number[] {
  if (to - from === 1) return classes[from]?.members ?? [];
  const middle = (from + to) >>> 1;
  return mergedSorted(mergedRange(classes, from, middle), mergedRange(classes, middle, to));
}

/** The union of two disjoint ascending lists, ascending. */
function mergedSorted(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.length && j < b.length) out[at++] = (a[i] as number) < (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) out[at++] = a[i++] as number;
  while (j < b.length) out[at++] = b[j++] as number;
  return out;
}

/** Adds a class whose key is `head + nodeClass.tail`. */
function addClass(grouping: Grouping, nodeClass: GroupedClass, head: string): void {
  grouping.classes.set(nodeClass.key, nodeClass);
  const inner = grouping.byHead.get(head);
  if (inner) inner.set(nodeClass.tail, nodeClass);
  else grouping.byHead.set(head, new Map<string, GroupedClass>().set(nodeClass.tail, nodeClass));
}

/**
 * A cached list of the nodes passing `isIn` after `old` became `node`: the same list when the node stays out, patched
 * in place when it stays in (the order stays: by index), undefined (to build again) when it comes or goes.
 */
function followed(list: NodeInfo[] | undefined, old: NodeInfo | undefined, node: NodeInfo, isIn: (node: NodeInfo) => boolean): NodeInfo[] | undefined {
  if (!list || !old) return undefined;
  const was = isIn(old);
  const is = isIn(node);
  if (!was && !is) return list;
  const at = was && is ? list.indexOf(old) : -1;
  if (at < 0) return undefined;
  list[at] = node;
  return list;
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
