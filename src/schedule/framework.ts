// The filter-plugin contract (upstream's framework.FilterPlugin, without the cycle-state bag) and its results.
import type { Labels } from '../model/labels.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { StorageCatalog } from './volumes/storage-catalog.js';
import type { DeviceCatalog } from './dra/device-catalog.js';

export type PluginName =
  | 'NodeUnschedulable'
  | 'NodeName'
  | 'TaintToleration'
  | 'NodeAffinity'
  | 'NodePorts'
  | 'NodeResourcesFit'
  | 'VolumeRestrictions'
  | 'NodeVolumeLimits'
  | 'VolumeBinding'
  | 'VolumeZone'
  | 'PodTopologySpread'
  | 'InterPodAffinity'
  | 'DynamicResources'
  | 'NodeDeclaredFeatures'
  // not a scheduler plugin: the kubelet's own checks in Admit before its GeneralPredicates (kubelet-admission.ts)
  | 'KubeletAdmit';

export type FailureCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export type FilterResult = { readonly code: 'Success' } | { readonly code: FailureCode; readonly reasons: readonly string[] };

export const SUCCESS: FilterResult = { code: 'Success' };

export function unschedulable(...reasons: string[]): FilterResult {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): FilterResult {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** What the filters may consult besides the pod and the node: the whole (current) cluster. */
export interface ClusterState {
  readonly nodes: readonly NodeInfo[];
  /** Labels of the Namespace objects known to kubefit, by name. */
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** Kubernetes minor version whose behaviour to follow (see version.ts). */
  readonly minor: number;
  /** Claims, PersistentVolumes, StorageClasses and CSI objects, with the volume bindings assumed so far. */
  readonly storage: StorageCatalog;
  /** DeviceClasses, ResourceSlices, ResourceClaims and ResourceClaimTemplates (DynamicResources). */
  readonly devices: DeviceCatalog;
  /** Nodes hosting at least one pod. */
  nodesWithPods(): readonly NodeInfo[];
  /** Nodes hosting a non-terminating pod of `namespace` labelled `key: value` (NodeInfo.podLabelCounts, indexed). */
  nodesWithPodLabel(namespace: string, key: string, value: string): Iterable<NodeInfo>;
  /** Nodes hosting a terminating pod (nodesWithPodLabel leaves them out). */
  nodesWithTerminatingPods(): readonly NodeInfo[];
  /** Nodes hosting a pod with any pod affinity or anti-affinity term. */
  nodesWithAffinityPods(): readonly NodeInfo[];
  /**
   * Nodes hosting a pod whose required affinity or preferred (anti-)affinity terms may match `pod` (a superset, in
   * name order: each term is indexed by its selector's first `In` requirement).
   */
  nodesWithTermsFor(pod: PodInfo): readonly NodeInfo[];
  /** Nodes hosting a pod with a required pod anti-affinity term. */
  nodesWithRequiredAntiAffinityPods(): readonly NodeInfo[];
  /** Whether every node carries the label key. */
  everyNodeHasLabel(key: string): boolean;
  /** Whether no two nodes share a value of the label key (nodes without it aside; hostname, normally). */
  labelValuesDistinct(key: string): boolean;
  /** The nodes labelled `key: value`. */
  nodesLabelled(key: string, value: string): readonly NodeInfo[];
  /** The nodes grouped so that nodes in one group have equal class keys and equal values for `keys` (and names). */
  nodeGroups(keys: readonly string[], usesName: boolean): Iterable<{ readonly members: readonly number[] }>;
}

/** PreFilter outcome: skip the plugin, keep a state (optionally narrowing the nodes), or reject the pod outright. */
export type PreFilterResult<S> =
  | { readonly kind: 'skip' }
  | { readonly kind: 'state'; readonly state: S; readonly nodeNames?: ReadonlySet<string> }
  | { readonly kind: 'reject'; readonly reason: string };

export interface FilterPlugin<S = unknown> {
  readonly name: PluginName;
  /** Once per pod: precompute, skip, narrow or reject. Absent means "always run with an undefined state". */
  preFilter?(pod: PodInfo, cluster: ClusterState): PreFilterResult<S>;
  /** Pure: the verdict for one node. */
  filter(pod: PodInfo, node: NodeInfo, state: S): FilterResult;
  /** Updates the state after `added` is placed on `node` (upstream's PreFilterExtensions.AddPod). */
  addPod?(state: S, pod: PodInfo, added: PodInfo, node: NodeInfo): S;
  /**
   * A new state, as PreFilter would make it were `before` (a node of the cluster) replaced by `after` (the same node
   * with other pods: a preemption's what-if, nominated pods added), without changing `state` (upstream: RemovePod and
   * AddPod on a cloned CycleState). Every plugin with addPod has it (changed-node.ts).
   */
  changedNode?(state: S, pod: PodInfo, before: NodeInfo, after: NodeInfo): S;
  /** Node label keys the verdict depends on besides NodeInfo.classKey (nodes equal on them share a verdict). */
  nodeLabelKeys?(pod: PodInfo, state: S): Iterable<string>;
  /** True when the verdict depends on the node's name. */
  usesNodeName?(pod: PodInfo, state: S): boolean;
  /**
   * What the verdict reads from the node, as text, besides NodeInfo.classKey and what the state holds for the whole
   * cluster (a minimum): nodes with equal domains share the verdict, and a pod placed on a node changes the domain of
   * that node alone.
   */
  domainOf?(pod: PodInfo, state: S, node: NodeInfo): string;
  /**
   * The node label keys domainOf reads, when more than nodeLabelKeys names now: keys that no domain counts a pod by
   * yet, which the pod's own replicas may make count.
   */
  domainKeys?(pod: PodInfo, state: S): Iterable<string>;
  /** True when a pod placed on a node can change this plugin's verdict for that node only (e.g. hostname domains). */
  nodeLocal?(pod: PodInfo, state: S): boolean;
  /**
   * True when the verdict reads nothing that the node's pods change (requested resources, pod count, host ports, the
   * pods themselves): only labels, name, taints and spec.unschedulable (NodeInfo.specKey).
   */
  readonly ignoresNodeUsage?: boolean;
}

/** Which of a plugin's PreFilter and Filter a profile runs (expanded at the preFilter and filter points apart). */
export interface FilterPoints {
  readonly preFilter: boolean;
  readonly filter: boolean;
}

/** Erases a plugin's state type so plugins can sit in one ordered list. */
export function definePlugin<S>(plugin: FilterPlugin<S>): FilterPlugin {
  return plugin as FilterPlugin;
}
