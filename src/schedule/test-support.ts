// Test helper: KubeObjects from inline YAML with real positions, until tests use the loader (src/load) directly.
import { LineCounter, isMap, isNode, isPair, isScalar, parseAllDocuments, stringify, type Document, type Node } from 'yaml';
import type { ManifestDocument, Path, SourceRange } from '../load/document.js';
import type { Labels } from '../model/labels.js';
import { asRecord, toKubeObject, type KubeObject } from '../model/object.js';
import { SUCCESS, type ClusterState, type FilterPlugin, type FilterResult } from './framework.js';
import { toNodeInfo, type NodeInfo } from './node-info.js';
import { toPodInfo, type PodInfo } from './pod-info.js';
import { podSourceOfPod } from './snapshot.js';
import { NEWEST_MINOR } from './version.js';

function nodeAt(doc: Document, path: Path): { node: Node | undefined; keyNode: Node | undefined } {
  let current: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      keyNode = pair && isNode(pair.key) ? pair.key : undefined;
      current = pair?.value;
    } else if (current && typeof current === 'object' && 'items' in current && Array.isArray(current.items)) {
      current = current.items[Number(segment)];
      keyNode = isNode(current) ? current : undefined;
    } else return { node: undefined, keyNode: undefined };
  }
  return { node: isNode(current) ? current : undefined, keyNode };
}

function toRange(file: string, counter: LineCounter, node: Node | undefined): SourceRange {
  const [start = 0, end = 0] = node?.range ?? [];
  const from = counter.linePos(start);
  const to = counter.linePos(end);
  return { file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function toManifestDocument(file: string, text: string, doc: Document, index: number, counter: LineCounter): ManifestDocument {
  const nearest = (path: Path, key: boolean): SourceRange => {
    for (let length = path.length; length >= 0; length--) {
      const found = nodeAt(doc, path.slice(0, length));
      if (found.node) return toRange(file, counter, key && length === path.length ? (found.keyNode ?? found.node) : found.node);
    }
    return toRange(file, counter, undefined);
  };
  return {
    file,
    index,
    text,
    value: doc.toJS(),
    rangeOf: (path) => nearest(path, false),
    keyRangeOf: (path) => nearest(path, true),
    has: (path) => nodeAt(doc, path).node !== undefined,
  };
}

/** Every object of a multi-document YAML text. */
export function objectsFromYaml(text: string, file = 'test.yaml', fromCluster = false): KubeObject[] {
  const counter = new LineCounter();
  return parseAllDocuments(text, { lineCounter: counter }).flatMap((doc, index) => {
    const document = toManifestDocument(file, text, doc as Document, index, counter);
    const value = asRecord(document.value);
    return value ? [toKubeObject({ value, document, basePath: [], order: index, fromCluster })] : [];
  });
}

/** One object from a JS value, serialised to YAML first so positions are real. */
export function objectOf(value: Readonly<Record<string, unknown>>, file = 'test.yaml'): KubeObject {
  const [object] = objectsFromYaml(stringify(value), file);
  if (!object) throw new Error('no object');
  return object;
}

export interface PodMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Pod object with this spec. */
export function podObject(spec: Readonly<Record<string, unknown>>, meta: PodMeta = {}): KubeObject {
  return objectOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', namespace: 'default', ...meta }, spec });
}

export function podInfoOf(spec: Readonly<Record<string, unknown>>, meta: PodMeta = {}, minor = NEWEST_MINOR): PodInfo {
  const options = { minor, priorityClasses: new Map<string, number>(), defaultPriority: 0 };
  return toPodInfo(podSourceOfPod(podObject(spec, meta)), options, []);
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
  return { nodes, namespaceLabels, minor };
}

/** Runs one plugin as the framework would: PreFilter (skip passes, a rejection fails), then Filter. */
export function runFilter(plugin: FilterPlugin, pod: PodInfo, node: NodeInfo, cluster: ClusterState = clusterOf([node])): FilterResult {
  const pre = plugin.preFilter ? plugin.preFilter(pod, cluster) : { kind: 'state' as const, state: undefined };
  if (pre.kind === 'skip') return SUCCESS;
  if (pre.kind === 'reject') return { code: 'UnschedulableAndUnresolvable', reasons: [pre.reason] };
  return plugin.filter(pod, node, pre.state);
}
