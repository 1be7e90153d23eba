// Test helpers: objects from inline YAML through the real loader, and pods, nodes and clusters built from them.
import { stringify } from 'yaml';
import { DEFAULT_LIMITS } from '../load/load-manifests.js';
import { parseDocuments } from '../load/parse-documents.js';
import { SourceText } from '../load/source-text.js';
import { objectsOf } from '../load/to-objects.js';
import type { Labels } from '../model/labels.js';
import type { KubeObject } from '../model/object.js';
import { SUCCESS, type ClusterState, type FilterPlugin, type FilterResult } from './framework.js';
import { NodeClasses } from './node-classes.js';
import { toNodeInfo, type NodeInfo } from './node-info.js';
import { toPodInfo, type PodInfo } from './pod-info.js';
import { podSourceOfPod } from './snapshot.js';
import type { FeasibleNodes, ScorePlugin } from './scoring/score-plugin.js';
import { StorageCatalog } from './volumes/storage-catalog.js';
import { NEWEST_MINOR } from './version.js';

/** Every object of a multi-document YAML text, with positions as the loader computes them. */
export function objectsFromYaml(text: string, file = 'test.yaml', fromCluster = false): KubeObject[] {
  const { documents } = parseDocuments(new SourceText(file, text), DEFAULT_LIMITS);
  return documents.flatMap((document, index) => objectsOf(document, { firstOrder: index, fromCluster }).objects);
}

/** One object from a JS value, serialised to YAML first so positions are real. */
export function objectOf(value: Readonly<Record<string, unknown>>, file = 'test.yaml', fromCluster = false): KubeObject {
  const [object] = objectsFromYaml(stringify(value), file, fromCluster);
  if (!object) throw new Error('no object');
  return object;
}

export interface PodMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly deletionTimestamp?: string;
  readonly uid?: string;
}

/** A Pod object with this spec. */
export function podObject(spec: Readonly<Record<string, unknown>>, meta: PodMeta = {}): KubeObject {
  return objectOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', namespace: 'default', ...meta }, spec });
}

export function podInfoOf(spec: Readonly<Record<string, unknown>>, meta: PodMeta = {}, minor = NEWEST_MINOR): PodInfo {
  return podInfoOfObject(podObject(spec, meta), minor);
}

/** The PodInfo of a Pod object as a snapshot holds it (a bound pod's status read as the scheduler reads it). */
export function podInfoOfObject(object: KubeObject, minor = NEWEST_MINOR): PodInfo {
  const options = { minor, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
  return toPodInfo(podSourceOfPod(object), options, []);
}

export interface NodeSpec {
  readonly name?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Readonly<Record<string, string>>[];
  readonly unschedulable?: boolean;
  readonly allocatable?: Readonly<Record<string, string | number>>;
  readonly conditions?: readonly Readonly<Record<string, string>>[];
}

export function nodeObject(node: NodeSpec): KubeObject {
  return objectOf({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name ?? 'node', labels: node.labels ?? {} },
    spec: { taints: node.taints ?? [], unschedulable: node.unschedulable ?? false },
    status: { allocatable: node.allocatable ?? { cpu: '10', memory: '20Gi', pods: '110' }, conditions: node.conditions ?? [] },
  });
}

export function nodeInfoOf(node: NodeSpec, pods: readonly PodInfo[] = []): NodeInfo {
  return toNodeInfo(nodeObject(node), pods, []);
}

export function clusterOf(nodes: readonly NodeInfo[], minor = NEWEST_MINOR, namespaceLabels = new Map<string, Labels>()): ClusterState {
  return new NodeClasses(nodes).clusterState(namespaceLabels, minor);
}

/** A cluster with these storage objects (PersistentVolumeClaims, PersistentVolumes, StorageClasses, CSI objects). */
export function clusterWithStorage(nodes: readonly NodeInfo[], storage: readonly Readonly<Record<string, unknown>>[], complete = true, minor = NEWEST_MINOR): ClusterState {
  return new NodeClasses(nodes).clusterState(new Map(), minor, { storage: StorageCatalog.of(storage.map((value) => objectOf(value, 'test.yaml', true)), complete ? 'snapshot' : 'inputs', minor) });
}

/** Runs one plugin as the framework would: PreFilter (skip passes, a rejection fails), then Filter. */
export function runFilter(plugin: FilterPlugin, pod: PodInfo, node: NodeInfo, cluster: ClusterState = clusterOf([node])): FilterResult {
  const pre = plugin.preFilter ? plugin.preFilter(pod, cluster) : { kind: 'state' as const, state: undefined };
  if (pre.kind === 'skip') return SUCCESS;
  if (pre.kind === 'reject') return { code: 'UnschedulableAndUnresolvable', reasons: [pre.reason] };
  return plugin.filter(pod, node, pre.state);
}

/** Feasible nodes as PreScore sees them, each node a group of its own. */
export function feasibleNodes(nodes: readonly NodeInfo[]): FeasibleNodes {
  return { list: () => nodes, groups: () => nodes.map((node) => ({ node, size: 1, members: () => [node] })) };
}

/**
 * Runs one score plugin as the framework would over the feasible `nodes` of the cluster `all`: PreScore, Score,
 * NormalizeScore.
 */
export function runScorePlugin(plugin: ScorePlugin, pod: PodInfo, nodes: readonly NodeInfo[], all = nodes): number[] | undefined {
  const state = plugin.preScore(pod, feasibleNodes(nodes), clusterOf(all));
  if (state === undefined) return undefined;
  const scores = nodes.map((node) => plugin.score(pod, node, state));
  plugin.normalize?.(scores, state);
  return scores;
}
