// Which nodes one pod could land on, and why every other node cannot (one filter run per class of equal nodes).
import { fitErrorMessage } from './fit-error.js';
import type { PluginName } from './framework.js';
import { specId, type ClassSpec, type NodeClasses } from './node-classes.js';
import { filterNode, nodeClassSpec, splitAtNodeUsage, type NodeStatus, type PreparedPod } from './run-filters.js';

/** A set of nodes (indices into NodeClasses.nodes) and their common verdict (undefined: feasible). */
export interface Verdict {
  /**
   * The node class's key (of the spec, or of its usage-free grouping for a class a usage-free plugin rejected), or the
   * node's name when the nodes were narrowed by name.
   */
  readonly key: string;
  readonly members: readonly number[];
  readonly status: NodeStatus | undefined;
}

export interface Feasibility {
  readonly numAllNodes: number;
  /** The grouping the verdicts are per class of (see NodeClasses), or undefined when narrowed by name. */
  readonly spec: ClassSpec | undefined;
  readonly verdicts: readonly Verdict[];
  /** The status of every node not listed in `verdicts` (a PreFilter narrowed the nodes). */
  readonly others: NodeStatus | undefined;
  /** Whether the FitError message counts the nodes of `others` (see run-filters.ts outsideNodes). */
  readonly othersCounted: boolean;
  readonly preFilterMessage: string | undefined;
}

export function findNodesThatFit(prepared: PreparedPod, nodes: NodeClasses): Feasibility {
  const numAllNodes = nodes.nodes.length;
  if (prepared.rejection) {
    // upstream: schedule_one.go findNodesThatFitPod gives every node the PreFilter status (SetAbsentNodesStatus).
    const { plugin, reason } = prepared.rejection;
    const others: NodeStatus = { plugin, code: 'UnschedulableAndUnresolvable', reasons: [reason] };
    return { numAllNodes, spec: undefined, verdicts: [], others, othersCounted: true, preFilterMessage: reason };
  }
  const verdicts: Verdict[] = [];
  if (prepared.nodeNames && prepared.outside) {
    for (const name of prepared.nodeNames) {
      const index = nodes.indexOf(name);
      const node = index === undefined ? undefined : nodes.nodes[index];
      if (node && index !== undefined) verdicts.push({ key: name, members: [index], status: filterNode(prepared, node) });
    }
    return { numAllNodes, spec: undefined, verdicts, others: prepared.outside.status, othersCounted: prepared.outside.counted, preFilterMessage: undefined };
  }
  const spec = nodeClassSpec(prepared);
  const { usageFree, rest } = splitAtNodeUsage(prepared);
  if (usageFree.active.length === 0 || rest.active.length === 0) appendClassVerdicts(verdicts, nodes, spec, prepared);
  else appendUsageFreeFirst(verdicts, nodes, spec, { usageFree, rest });
  return { numAllNodes, spec, verdicts, others: undefined, othersCounted: false, preFilterMessage: undefined };
}

/** One verdict per class of `spec` (whose keys pass `passes`), from the plugins of `prepared`. */
function appendClassVerdicts(verdicts: Verdict[], nodes: NodeClasses, spec: ClassSpec, prepared: PreparedPod, passes?: (index: number) => boolean): void {
  for (const nodeClass of nodes.classes(spec)) {
    const index = nodeClass.members[0] ?? -1;
    const node = nodes.nodes[index];
    if (node && (!passes || passes(index))) verdicts.push({ key: nodeClass.key, members: nodeClass.members, status: filterNode(prepared, node) });
  }
}

/**
 * The leading plugins that ignore node usage once per class of equal NodeInfo.specKey (and labels): a rejection there
 * is the verdict of the whole class. The others run per class of `spec` within the classes that passed, so the many
 * classes that placed pods split off cost nothing where a taint or node affinity already rejects them.
 */
function appendUsageFreeFirst(verdicts: Verdict[], nodes: NodeClasses, spec: ClassSpec, split: { usageFree: PreparedPod; rest: PreparedPod }): void {
  const usageFreeSpec: ClassSpec = { ...spec, ignoresUsage: true };
  const passing = new Set<string>();
  let everyClassPasses = true;
  for (const usageFreeClass of nodes.classes(usageFreeSpec)) {
    const node = nodes.nodes[usageFreeClass.members[0] ?? -1];
    const status = node && filterNode(split.usageFree, node);
    if (status) verdicts.push({ key: usageFreeClass.key, members: usageFreeClass.members, status });
    else if (node) passing.add(usageFreeClass.key);
    everyClassPasses &&= node !== undefined && !status;
  }
  if (passing.size === 0) return;
  // No class of `spec` needs its usage-free class looked up.
  if (everyClassPasses) return appendClassVerdicts(verdicts, nodes, spec, split.rest);
  const usageFreeKeys = nodes.classKeys(usageFreeSpec);
  appendClassVerdicts(verdicts, nodes, spec, split.rest, (index) => passing.has(usageFreeKeys(index)));
}

/** Nodes no verdict lists (they have the `others` status), ascending. */
export function unlistedIndices(feasibility: Feasibility): number[] {
  const listed = new Uint8Array(feasibility.numAllNodes);
  for (const verdict of feasibility.verdicts) for (const index of verdict.members) listed[index] = 1;
  const out: number[] = [];
  listed.forEach((flag, index) => flag === 0 && out.push(index));
  return out;
}

/** The status of node `index`: its verdict's, the `others` status when no verdict lists it, undefined when feasible. */
export function statusOf(feasibility: Feasibility, index: number): NodeStatus | undefined {
  for (const verdict of feasibility.verdicts) if (verdict.members.includes(index)) return verdict.status;
  return feasibility.others;
}

/** kube-scheduler's message when no node is feasible; null otherwise. */
export function fitMessage(feasibility: Feasibility): string | null {
  if (feasibility.preFilterMessage !== undefined) return fitErrorMessage(feasibility.numAllNodes, [], feasibility.preFilterMessage);
  let listed = 0;
  const reasons = [];
  for (const verdict of feasibility.verdicts) {
    if (!verdict.status) return null;
    listed += verdict.members.length;
    reasons.push({ reasons: verdict.status.reasons, nodes: verdict.members.length });
  }
  // upstream: FitError.Error adds the absent nodes' status only when NodeToStatus.Len() < NumAllNodes.
  if (feasibility.others && feasibility.othersCounted && listed < feasibility.numAllNodes) {
    reasons.push({ reasons: feasibility.others.reasons, nodes: feasibility.numAllNodes - listed });
  }
  return fitErrorMessage(feasibility.numAllNodes, reasons);
}

/** The plugins that rejected some node, or all of them at PreFilter (upstream: Diagnosis.UnschedulablePlugins). */
export function rejectorsOf(feasibility: Feasibility): Set<PluginName> {
  const plugins = new Set<PluginName>();
  for (const verdict of feasibility.verdicts) if (verdict.status) plugins.add(verdict.status.plugin);
  if (feasibility.others) plugins.add(feasibility.others.plugin);
  return plugins;
}

export function hasFeasibleNode(feasibility: Feasibility): boolean {
  return feasibility.verdicts.some((verdict) => !verdict.status);
}

/** Equal fingerprints mean equal verdicts on every node (pods that differ only where no filter looks). */
export function fingerprintOf(feasibility: Feasibility): string {
  const head = `${feasibility.spec ? specId(feasibility.spec) : '-'}\u0003${feasibility.preFilterMessage ?? ''}\u0003${feasibility.others?.reasons.join('\u0001') ?? ''}`;
  const body = feasibility.verdicts.map((v) => `${v.key}\u0002${v.status ? `${v.status.plugin}\u0001${v.status.code}\u0001${v.status.reasons.join('\u0001')}` : ''}`);
  return `${head}\n${body.join('\n')}`;
}
