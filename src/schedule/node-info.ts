// NodeInfo: a Node with the pods bound to it and what they use (upstream framework.NodeInfo).
import { appendAll } from '../model/append.js';
import { IdentityTrie } from '../model/identity-trie.js';
import type { Path } from '../model/document.js';
import type { Labels } from '../model/labels.js';
import { asArray, asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { countPodLabels, withPodLabels } from './pod-label-counts.js';
import { MAX_NODE_PODS } from './scheduling-checks.js';
import { NONE, toTaint, type HostPort, type PodInfo, type Taint } from './pod-info.js';
import {
  CPU, MEMORY, PODS, addAmounts, addAmountsInto, amountsKey, readResourceList, toAmounts, type QuantityProblem, type ResourceAmounts,
} from './resources.js';

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export interface NodeInfo {
  readonly name: string;
  readonly object: KubeObject;
  readonly labels: Labels;
  /**
   * spec.taints as declared: no taint for spec.unschedulable (the node lifecycle controller adds that one to a live
   * cluster's Node) or for conditions. upstream: the plugins read node.Spec.Taints
   */
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: ResourceAmounts;
  /** The pods the node may run: allocatable `pods`, at most MAX_NODE_PODS. */
  readonly allowedPodNumber: bigint;
  /** Sum of the bound pods' requests. */
  readonly requested: ResourceAmounts;
  /** Sum of the bound pods' cpu/memory requests with scoring's defaults. */
  readonly nonZeroRequested: ResourceAmounts;
  readonly pods: readonly PodInfo[];
  readonly usedPorts: readonly HostPort[];
  /** Bound pods with required pod anti-affinity terms (they can reject incoming pods). */
  readonly podsWithRequiredAntiAffinity: readonly PodInfo[];
  /** Bound pods with any pod affinity or anti-affinity term (they take part in InterPodAffinity scoring). */
  readonly podsWithAffinity: readonly PodInfo[];
  /** Non-terminating pods per `podLabelKey(namespace, key, value)`: selectors skip nodes without their labels. */
  readonly podLabelCounts: ReadonlyMap<string, number>;
  /** node.status.images by name, with the cluster-wide size and node count (upstream NodeInfo.ImageStates). */
  readonly imageStates: ReadonlyMap<string, ImageStateSummary>;
  /** Everything the filters read except labels and name: nodes with equal keys and labels get equal verdicts. */
  readonly classKey: string;
  /**
   * The part of classKey that filters ignoring the node's pods read (unschedulable and taints): classKey starts with it.
   * Nodes that differ only in what their pods use share it (see FilterPlugin.ignoresNodeUsage).
   */
  readonly specKey: string;
  /**
   * Every label but the hostname, as text in the labels' own order (starting with NUL): after classKey, the key of
   * the node's base class (NodeClasses), which nodes no spec without the name, hostname or images can tell apart.
   */
  readonly labelsKey: string;
  /** Where the keys and amounts above are kept once for all the nodes of a snapshot that have equal ones. */
  readonly shared: SharedNodeParts;
}

/** The summed requests of a node's pods. */
interface RequestSums {
  readonly requested: ResourceAmounts;
  readonly nonZeroRequested: ResourceAmounts;
}

/**
 * What a snapshot's nodes have in common, kept once: their thousands of keys take a few dozen distinct texts, nodes of
 * a pool have equal allocatable amounts, and pods that share their request objects (PodRequestsMemo) sum alike.
 */
export class SharedNodeParts {
  readonly #texts = new Map<string, string>();
  readonly #amountsKeys = new Map<ResourceAmounts, string>();
  readonly #allocatables = new Map<string, ResourceAmounts>();
  /** Allocatable lists shared by the snapshot's values (load/shared-values.ts), by identity. */
  readonly #allocatableLists = new Map<unknown, ResourceAmounts>();
  /** Request objects (a pod's requests, then its non-zero requests, pod after pod) to their sums. */
  readonly #sums = new IdentityTrie<RequestSums>();
  /** Label keys and values but the hostname, entry after entry, to labelsKey. */
  readonly #labelsKeys = new IdentityTrie<string>();
  /** Declared taints and unschedulable to the node's taints and specKey. */
  readonly #specs = new IdentityTrie<{ taints: readonly Taint[]; specKey: string }>();
  /** What classKey is spelt from (see classKeyOf), by identity. */
  readonly #classKeys = new IdentityTrie<string>();
  /** The counted pods' namespaces and labels (shared values), pod after pod, to their podLabelCounts. */
  readonly #labelCounts = new IdentityTrie<ReadonlyMap<string, number>>();

  intern(text: string): string {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    this.#texts.set(text, text);
    return text;
  }

  /**
   * amountsKey of amounts, worked out once for the shared ones (allocatable and sums below); those of placed pods'
   * nodes are not kept, so that a long placement does not keep every intermediate sum.
   */
  amountsKey(amounts: ResourceAmounts): string {
    return this.#amountsKeys.get(amounts) ?? amountsKey(amounts);
  }

  #keep(amounts: ResourceAmounts): ResourceAmounts {
    this.#amountsKeys.set(amounts, amountsKey(amounts));
    return amounts;
  }

  /** The amounts of a node's allocatable (or capacity) ResourceList, read once per distinct list without problems. */
  allocatable(list: unknown, path: Path, problems: QuantityProblem[]): ResourceAmounts {
    const shared = this.#allocatableLists.get(list);
    if (shared) return shared;
    const text = JSON.stringify(list) ?? '';
    let amounts = this.#allocatables.get(text);
    if (!amounts) {
      const found: QuantityProblem[] = [];
      amounts = toAmounts(readResourceList(list, path, found));
      if (found.length > 0) {
        appendAll(problems, found);
        return amounts;
      }
      this.#allocatables.set(text, this.#keep(amounts));
    }
    if (typeof list === 'object' && list !== null) this.#allocatableLists.set(list, amounts);
    return amounts;
  }

  /** The sums of the pods' requests; nodes whose pods have the same request objects in the same order share them. */
  sums(pods: readonly PodInfo[]): RequestSums {
    let trie = this.#sums;
    for (const pod of pods) trie = trie.at(pod.requests).at(pod.boundNonZeroRequests);
    return trie.value(() => {
      const sums = sumRequests(pods);
      return { requested: this.#keep(sums.requested), nonZeroRequested: this.#keep(sums.nonZeroRequested) };
    });
  }

  /**
   * The podLabelCounts of `pods`, one map for the nodes whose pods have the same namespaces and label objects: a map
   * per node was about a tenth of what a big snapshot's NodeInfos keep. Nothing changes them (binds add a layer).
   */
  podLabelCounts(pods: readonly PodInfo[]): ReadonlyMap<string, number> {
    let trie = this.#labelCounts;
    for (const pod of pods) if (!pod.terminating) trie = trie.at(pod.namespace).at(pod.labels);
    return trie.value(() => labelCountsOf(pods));
  }

  /** labelsKeyOf the labels, built once per distinct labels but the hostname. */
  labelsKey(labels: Labels): string {
    let trie = this.#labelsKeys;
    for (const key in labels) if (key !== HOSTNAME_LABEL) trie = trie.at(key).at(labels[key]);
    return trie.value(() => this.intern(labelsKeyOf(labels)));
  }

  /** The taints and specKey of a node, once per distinct declared taints (a shared list, by identity) and unschedulable. */
  spec(declared: unknown, unschedulable: boolean): { taints: readonly Taint[]; specKey: string } {
    return this.#specs.at(declared).at(unschedulable).value(() => {
      const listed = asArray(declared);
      const taints = listed.length > 0 ? listed.map(toTaint) : NONE;
      return { taints, specKey: this.intern(specKeyOf(unschedulable, taints)) };
    });
  }

  /** classKeyOf a snapshot's node, once per distinct parts (the amounts are the shared objects above). */
  classKey(base: NodeBase, usage: Usage): string {
    const { pods, requested, nonZeroRequested, usedPorts } = usage;
    const key = () => this.intern(classKeyOf(base, [requested, nonZeroRequested], pods.length, usedPorts));
    // host ports are lists of each node's own: those keys are not worth a table
    if (usedPorts !== NONE) return key();
    return this.#classKeys.at(base.specKey).at(base.allocatable).at(requested).at(nonZeroRequested).at(pods.length).value(key);
  }
}

function labelCountsOf(pods: readonly PodInfo[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) countPodLabels(counts, pod);
  return counts;
}

/** The requests and non-zero requests of `pods`, summed in one pass (the same sums as adding them one by one). */
function sumRequests(pods: readonly PodInfo[]): RequestSums {
  const requested: Record<string, bigint> = {};
  const nonZeroRequested: Record<string, bigint> = {};
  for (const pod of pods) {
    addAmountsInto(requested, pod.requests);
    addAmountsInto(nonZeroRequested, pick(pod.boundNonZeroRequests));
  }
  return { requested, nonZeroRequested };
}

export interface ImageStateSummary {
  readonly size: number;
  /** Nodes in the cluster that have the image. */
  readonly numNodes: number;
}

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/** Builds a NodeInfo from a Node object and the PodInfos of the pods bound to it; `shared` is shared by a snapshot's nodes. */
export function toNodeInfo(node: KubeObject, pods: readonly PodInfo[], problems: QuantityProblem[], shared = new SharedNodeParts()): NodeInfo {
  const spec = asRecord(node.value['spec']);
  const status = asRecord(node.value['status']);
  const labels = asStringMap(asRecord(node.value['metadata'])?.['labels']);
  const unschedulable = spec?.['unschedulable'] === true;
  const allocatablePath = allocatableFieldOf(status);
  const allocatable = shared.allocatable(status?.[allocatablePath], ['status', allocatablePath], problems);
  const { taints, specKey } = shared.spec(spec?.['taints'], unschedulable);
  const base = {
    name: node.ref.name,
    object: node,
    // The scheduler reads node.Labels only: a node without a hostname label has none (no synthesis from the name).
    labels,
    taints,
    unschedulable,
    allocatable,
    allowedPodNumber: allowedPodNumberOf(allocatable[PODS] ?? 0n),
    imageStates: imageStatesOf(asArray(status?.['images'])),
    specKey,
    labelsKey: shared.labelsKey(labels),
    shared,
  };
  return withPods(base, pods, shared.sums(pods), shared);
}

/** The status field the scheduler reads a node's amounts from: allocatable, or capacity when it has none. */
export function allocatableFieldOf(status: Readonly<Record<string, unknown>> | undefined): 'allocatable' | 'capacity' {
  return asRecord(status?.['allocatable']) ? 'allocatable' : 'capacity';
}

/** The pods a node with `declared` allocatable pods runs in the dry-run (upstream: all of them; see MAX_NODE_PODS). */
function allowedPodNumberOf(declared: bigint): bigint {
  return declared > MAX_NODE_PODS ? MAX_NODE_PODS : declared;
}

/** Shared by the nodes without status.images (every NodeInfo of most snapshots). */
const NO_IMAGES: ReadonlyMap<string, ImageStateSummary> = new Map();

/** This node's images, each name counted on this node alone (withClusterImageStates counts across nodes). */
function imageStatesOf(images: readonly unknown[]): ReadonlyMap<string, ImageStateSummary> {
  if (images.length === 0) return NO_IMAGES;
  const out = new Map<string, ImageStateSummary>();
  for (const entry of images) {
    const image = asRecord(entry);
    const size = typeof image?.['sizeBytes'] === 'number' ? image['sizeBytes'] : 0;
    for (const name of asArray(image?.['names'])) if (typeof name === 'string' && !out.has(name)) out.set(name, { size, numNodes: 1 });
  }
  return out;
}

/**
 * The nodes with each image's NumNodes counted across all of them and its size taken from the first node (by name)
 * that lists it, as the scheduler cache's imageStates (upstream: internal/cache/cache.go addNodeImageStates).
 */
export function withClusterImageStates(nodes: readonly NodeInfo[]): NodeInfo[] {
  const cluster = new Map<string, ImageStateSummary>();
  for (const node of nodes) {
    for (const [name, state] of node.imageStates) {
      const known = cluster.get(name);
      cluster.set(name, known ? { size: known.size, numNodes: known.numNodes + 1 } : state);
    }
  }
  return nodes.map((node) => {
    if (node.imageStates.size === 0) return node;
    const imageStates = new Map([...node.imageStates.keys()].map((n) => [n, cluster.get(n) ?? { size: 0, numNodes: 1 }]));
    return new BuiltNodeInfo({ ...node, imageStates }, node, node, node.classKey);
  });
}

type NodeBase = Pick<
  NodeInfo,
  'name' | 'object' | 'labels' | 'taints' | 'unschedulable' | 'allocatable' | 'allowedPodNumber' | 'imageStates' | 'specKey' | 'labelsKey' | 'shared'
>;

/** In the labels' own order: equal labels written in another order only make one more base class. */
function labelsKeyOf(labels: Labels): string {
  let text = '\u0000';
  for (const key in labels) if (key !== HOSTNAME_LABEL) text += `${key}\u0001${labels[key]}\u0001`;
  return text;
}

/**
 * The node with `pods` bound, whose requests sum to `sums`. A snapshot's nodes keep their class key
 * once in `shared`; the nodes of binds and probes do not (a long placement would keep every intermediate key).
 */
function withPods(base: NodeBase, pods: readonly PodInfo[], sums: RequestSums, shared?: SharedNodeParts): NodeInfo {
  const usedPorts: HostPort[] = [];
  for (const pod of pods) appendAll(usedPorts, pod.hostPorts);
  const podLabelCounts = shared ? shared.podLabelCounts(pods) : labelCountsOf(pods);
  // the sums named, not spread: a spread in a literal builds it property by property (a microsecond per node)
  const usage: Usage = { pods, requested: sums.requested, nonZeroRequested: sums.nonZeroRequested, usedPorts: usedPorts.length > 0 ? usedPorts : NONE, podLabelCounts };
  return assemble(base, usage, undefined, shared);
}

interface Usage {
  readonly pods: readonly PodInfo[];
  readonly requested: ResourceAmounts;
  readonly nonZeroRequested: ResourceAmounts;
  readonly usedPorts: readonly HostPort[];
  readonly podLabelCounts: ReadonlyMap<string, number>;
}

/** The pods' affinity lists, when known without filtering every pod (a bind appends to the old node's). */
type AffinityPods = Pick<NodeInfo, 'podsWithRequiredAntiAffinity' | 'podsWithAffinity'>;

function assemble(base: NodeBase, usage: Usage, affinity?: AffinityPods, shared?: SharedNodeParts): NodeInfo {
  const { pods, requested, nonZeroRequested, usedPorts } = usage;
  const classKey = shared ? shared.classKey(base, usage) : classKeyOf(base, [requested, nonZeroRequested], pods.length, usedPorts);
  const withAffinity: AffinityPods = affinity ?? { podsWithRequiredAntiAffinity: filterOrNone(pods, hasRequiredAntiAffinity), podsWithAffinity: filterOrNone(pods, hasAffinity) };
  return new BuiltNodeInfo(base, usage, withAffinity, classKey);
}

/** The fields a NodeInfo class takes from the node as it is whatever its pods (NodeBase), in one place. */
abstract class NodeFields {
  readonly name: NodeInfo['name'];
  readonly object: NodeInfo['object'];
  readonly labels: NodeInfo['labels'];
  readonly taints: NodeInfo['taints'];
  readonly unschedulable: NodeInfo['unschedulable'];
  readonly allocatable: NodeInfo['allocatable'];
  readonly allowedPodNumber: NodeInfo['allowedPodNumber'];
  readonly imageStates: NodeInfo['imageStates'];
  readonly specKey: NodeInfo['specKey'];
  readonly labelsKey: NodeInfo['labelsKey'];
  readonly shared: NodeInfo['shared'];

  constructor(base: NodeBase) {
    this.name = base.name;
    this.object = base.object;
    this.labels = base.labels;
    this.taints = base.taints;
    this.unschedulable = base.unschedulable;
    this.allocatable = base.allocatable;
    this.allowedPodNumber = base.allowedPodNumber;
    this.imageStates = base.imageStates;
    this.specKey = base.specKey;
    this.labelsKey = base.labelsKey;
    this.shared = base.shared;
  }
}

/**
 * Every NodeInfo the scheduler builds (one per node, one more per bind) is one of these: declared fields give them one
 * shape, where an object literal spreading the usage was built property by property (about a microsecond per node).
 */
class BuiltNodeInfo extends NodeFields implements NodeInfo {
  readonly pods: NodeInfo['pods'];
  readonly requested: NodeInfo['requested'];
  readonly nonZeroRequested: NodeInfo['nonZeroRequested'];
  readonly usedPorts: NodeInfo['usedPorts'];
  readonly podLabelCounts: NodeInfo['podLabelCounts'];
  readonly podsWithRequiredAntiAffinity: NodeInfo['podsWithRequiredAntiAffinity'];
  readonly podsWithAffinity: NodeInfo['podsWithAffinity'];
  readonly classKey: NodeInfo['classKey'];

  constructor(base: NodeBase, usage: Usage, affinity: AffinityPods, classKey: string) {
    super(base);
    this.pods = usage.pods;
    this.requested = usage.requested;
    this.nonZeroRequested = usage.nonZeroRequested;
    this.usedPorts = usage.usedPorts;
    this.podLabelCounts = usage.podLabelCounts;
    this.podsWithRequiredAntiAffinity = affinity.podsWithRequiredAntiAffinity;
    this.podsWithAffinity = affinity.podsWithAffinity;
    this.classKey = classKey;
  }
}

/** The pods that pass `test`; the shared empty list when none does (most nodes' pods have no affinity terms). */
function filterOrNone(pods: readonly PodInfo[], test: (pod: PodInfo) => boolean): readonly PodInfo[] {
  return pods.some(test) ? pods.filter(test) : NONE;
}

function hasRequiredAntiAffinity(pod: PodInfo): boolean {
  return pod.requiredAntiAffinityTerms.length > 0;
}

function hasAffinity(pod: PodInfo): boolean {
  return (
    pod.requiredAffinityTerms.length + pod.requiredAntiAffinityTerms.length + pod.preferredAffinityTerms.length +
      pod.preferredAntiAffinityTerms.length > 0
  );
}

function pick(amounts: ResourceAmounts): ResourceAmounts {
  return { [CPU]: amounts[CPU] ?? 0n, [MEMORY]: amounts[MEMORY] ?? 0n };
}

/** The node after `pod` is bound to it. */
export function addPodToNode(node: NodeInfo, pod: PodInfo): NodeInfo {
  return assemble(node, {
    pods: [...node.pods, pod],
    requested: addAmounts(node.requested, pod.requests),
    nonZeroRequested: addAmounts(node.nonZeroRequested, pick(pod.boundNonZeroRequests)),
    usedPorts: pod.hostPorts.length > 0 ? [...node.usedPorts, ...pod.hostPorts] : node.usedPorts,
    podLabelCounts: withPodLabels(node.podLabelCounts, pod),
  }, {
    podsWithRequiredAntiAffinity: pod.requiredAntiAffinityTerms.length > 0 ? [...node.podsWithRequiredAntiAffinity, pod] : node.podsWithRequiredAntiAffinity,
    podsWithAffinity: hasAffinity(pod) ? [...node.podsWithAffinity, pod] : node.podsWithAffinity,
  });
}

/**
 * The node without `removed` (upstream NodeInfo.RemovePod, for preemption's what-if), one bound copy per entry: the replicas kubefit places share one PodInfo, so evicting
 * one of them must leave the others.
 */
export function removePodsFromNode(node: NodeInfo, removed: readonly PodInfo[]): NodeInfo {
  const pods = podsWithout(node.pods, removed);
  return withPods(node, pods, sumRequests(pods));
}

/**
 * removePodsFromNode for DefaultPreemption's dry run, whose what-if nodes only the filters read: what most filters do
 * not read (the pods' label counts, ports and affinity lists, the class key) is worked out on the first read. Every
 * candidate node and every reprieve builds one: 300 Deployments of high-priority replicas on 5,000 nodes spent 8.4 s
 * of 17 s building them whole.
 */
export function removePodsForDryRun(node: NodeInfo, removed: readonly PodInfo[]): NodeInfo {
  const pods = podsWithout(node.pods, removed);
  return new DryRunNode(node, pods, sumRequests(pods));
}

/** See removePodsForDryRun. Nothing spreads a dry run's node, which would lose the fields read on demand. */
class DryRunNode extends NodeFields implements NodeInfo {
  readonly pods: NodeInfo['pods'];
  readonly requested: NodeInfo['requested'];
  readonly nonZeroRequested: NodeInfo['nonZeroRequested'];
  #whole: NodeInfo | undefined;

  constructor(node: NodeInfo, pods: readonly PodInfo[], sums: RequestSums) {
    super(node);
    this.pods = pods;
    this.requested = sums.requested;
    this.nonZeroRequested = sums.nonZeroRequested;
  }

  get usedPorts(): NodeInfo['usedPorts'] {
    return this.#built().usedPorts;
  }

  get podLabelCounts(): NodeInfo['podLabelCounts'] {
    return this.#built().podLabelCounts;
  }

  get podsWithRequiredAntiAffinity(): NodeInfo['podsWithRequiredAntiAffinity'] {
    return this.#built().podsWithRequiredAntiAffinity;
  }

  get podsWithAffinity(): NodeInfo['podsWithAffinity'] {
    return this.#built().podsWithAffinity;
  }

  get classKey(): string {
    return this.#built().classKey;
  }

  #built(): NodeInfo {
    return (this.#whole ??= withPods(this, this.pods, { requested: this.requested, nonZeroRequested: this.nonZeroRequested }));
  }
}

/** `pods` without `removed`, one bound copy per entry (replicas kubefit places share one PodInfo). */
function podsWithout(pods: readonly PodInfo[], removed: readonly PodInfo[]): PodInfo[] {
  const left = new Map<PodInfo, number>();
  for (const pod of removed) left.set(pod, (left.get(pod) ?? 0) + 1);
  return pods.filter((pod) => {
    const count = left.get(pod) ?? 0;
    if (count > 0) left.set(pod, count - 1);
    return count === 0;
  });
}

function specKeyOf(unschedulable: boolean, taints: readonly Taint[]): string {
  return `${unschedulable ? 'U' : ''}|${taints.map((t) => `${t.key}=${t.value}:${t.effect}`).join(';')}`;
}

function classKeyOf(base: NodeBase, requested: readonly ResourceAmounts[], podCount: number, ports: readonly HostPort[]): string {
  const portKey = ports.length === 0 ? '' : ports.map((p) => `${p.ip}/${p.protocol}/${p.port}`).sort().join(';');
  const { shared } = base;
  return `${base.specKey}|${shared.amountsKey(base.allocatable)}|${requested.map((amounts) => shared.amountsKey(amounts)).join('/')}|${podCount}|${portKey}`;
}

