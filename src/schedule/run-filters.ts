// Runs PreFilter once per pod and the filter plugins per node (per class of equivalent nodes), first failure wins.
// upstream: pkg/scheduler/schedule_one.go findNodesThatFitPod, framework/runtime/framework.go RunFilterPlugins (v1.35)
import type { ClusterState, FailureCode, FilterPlugin, PluginName } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { FILTER_PLUGINS } from './plugins/index.js';

export interface NodeStatus {
  readonly plugin: PluginName;
  readonly code: FailureCode;
  readonly reasons: readonly string[];
}

interface ActivePlugin {
  readonly plugin: FilterPlugin;
  state: unknown;
}

/** The nodes outside a PreFilter's node names: their status, and whether the FitError message counts them. */
export interface OutsideNodes {
  readonly status: NodeStatus;
  readonly counted: boolean;
}

/** A pod after PreFilter: the plugins to run with their states, or the PreFilter rejection. */
export interface PreparedPod {
  readonly pod: PodInfo;
  readonly active: readonly ActivePlugin[];
  /** Nodes a PreFilter narrowed the search to (NodeAffinity's metadata.name terms). */
  readonly nodeNames: ReadonlySet<string> | undefined;
  /** The nodes outside `nodeNames`. */
  readonly outside: OutsideNodes | undefined;
  readonly rejection: { readonly plugin: PluginName; readonly reason: string } | undefined;
  /** True when some active plugin keeps state that pods placed later must update (addPod). */
  readonly tracksPods: boolean;
}

/** PreFilter of the pod's profile's filter plugins (the default profile's when it has none). */
export function runPreFilters(pod: PodInfo, cluster: ClusterState, plugins: readonly FilterPlugin[] = pod.profile?.filters ?? FILTER_PLUGINS): PreparedPod {
  const active: ActivePlugin[] = [];
  let nodeNames: ReadonlySet<string> | undefined;
  let outside: OutsideNodes | undefined;
  const narrowing: PluginName[] = [];
  for (const plugin of plugins) {
    const result = plugin.preFilter ? plugin.preFilter(pod, cluster) : { kind: 'state' as const, state: undefined };
    if (result.kind === 'skip') continue;
    if (result.kind === 'reject') {
      const rejection = { plugin: plugin.name, reason: result.reason };
      return { pod, active, nodeNames, outside, rejection, tracksPods: false };
    }
    active.push({ plugin, state: result.state });
    if (result.nodeNames) {
      narrowing.push(plugin.name);
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => result.nodeNames?.has(n))) : result.nodeNames;
      outside = outsideNodes(plugin.name, cluster.minor);
      if (nodeNames.size === 0) return { pod, active, nodeNames, outside, rejection: { plugin: plugin.name, reason: noNodeLeft(narrowing) }, tracksPods: false };
    }
  }
  return { pod, active, nodeNames, outside, rejection: undefined, tracksPods: active.some((a) => a.plugin.addPod) };
}

/** The status of the first plugin that rejects the node, or undefined when all pass. */
export function filterNode(prepared: PreparedPod, node: NodeInfo): NodeStatus | undefined {
  for (const { plugin, state } of prepared.active) {
    const result = plugin.filter(prepared.pod, node, state);
    if (result.code !== 'Success') return { plugin: plugin.name, code: result.code, reasons: result.reasons };
  }
  return undefined;
}

/**
 * The status of the first active plugin after `plugin` that rejects the node for `pod` (the prepared pod, or one that
 * differs from it as a hint would change it), among those that read no node usage (the nodes of one class share their
 * verdicts), or undefined when they all pass.
 */
export function laterUsageFreeStatus(prepared: PreparedPod, node: NodeInfo, plugin: PluginName, pod: PodInfo): NodeStatus | undefined {
  const after = prepared.active.findIndex((entry) => entry.plugin.name === plugin) + 1;
  if (after === 0) return undefined;
  return filterNode({ ...prepared, pod, active: prepared.active.slice(after).filter((entry) => entry.plugin.ignoresNodeUsage === true) }, node);
}

/**
 * The pod with only its leading active plugins that ignore node usage, and with only the others: nodes with equal
 * NodeInfo.specKey (and equal values for the pod's label keys) share the first part's verdict whatever their pods use.
 */
export function splitAtNodeUsage(prepared: PreparedPod): { readonly usageFree: PreparedPod; readonly rest: PreparedPod } {
  let split = 0;
  while (split < prepared.active.length && prepared.active[split]?.plugin.ignoresNodeUsage === true) split++;
  return { usageFree: { ...prepared, active: prepared.active.slice(0, split) }, rest: { ...prepared, active: prepared.active.slice(split) } };
}

/**
 * The nodes outside a PreFilter's node set. Since v1.31 they are NodeToStatus's absent nodes, whose status FitError
 * counts (kubernetes#126022). Before, #119779 (v1.29.0) recorded each as 'node is filtered out by the prefilter
 * result', but #125197, backported to 1.27.15, 1.28.11, 1.29.6 and 1.30.2, left them out of NodeToStatusMap again, and
 * FitError.Error counted that map alone: the message leaves them out (preemption still reads them as
 * UnschedulableAndUnresolvable, "Preemption is not helpful for scheduling").
 */
// upstream: schedule_one.go findNodesThatFitPod; framework/types.go FitError.Error (release-1.30)
function outsideNodes(plugin: PluginName, minor: number): OutsideNodes {
  const counted = minor >= 31;
  const reason = counted ? `node(s) didn't satisfy plugin(s) [${plugin}]` : 'node is filtered out by the prefilter result';
  return { status: { plugin, code: 'UnschedulableAndUnresolvable', reasons: [reason] }, counted };
}

/** framework.go RunPreFilterPlugins' status when the PreFilter results together leave no node. */
function noNodeLeft(narrowing: readonly PluginName[]): string {
  return narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(' ')}] simultaneously`;
}

/** Notifies every active plugin that `added` now runs on `node`. */
export function addPodToPrepared(prepared: PreparedPod, added: PodInfo, node: NodeInfo): void {
  for (const entry of prepared.active) {
    if (entry.plugin.addPod) entry.state = entry.plugin.addPod(entry.state, prepared.pod, added, node);
  }
}

/**
 * What distinguishes nodes for this pod beyond NodeInfo.classKey: the label keys its active plugins read, and the
 * node's name when a plugin reads it. Nodes with equal class keys and equal values for these share a verdict.
 */
export function nodeClassSpec(prepared: PreparedPod): { readonly keys: readonly string[]; readonly usesName: boolean } {
  const keys = new Set<string>();
  let usesName = false;
  for (const { plugin, state } of prepared.active) {
    for (const key of plugin.nodeLabelKeys?.(prepared.pod, state) ?? []) keys.add(key);
    usesName ||= plugin.usesNodeName?.(prepared.pod, state) ?? false;
  }
  return { keys: [...keys].sort(), usesName };
}
