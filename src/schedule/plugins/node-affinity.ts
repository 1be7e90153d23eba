// NodeAffinity: spec.nodeSelector and required node affinity; PreFilter narrows to `matchFields metadata.name` nodes.
// upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (v1.35),
// component-helpers/scheduling/corev1/nodeaffinity GetRequiredNodeAffinity
import { matchesNodeSelector, nodeSelectorKeys, nodeSelectorUsesName, type Labels, type NodeSelector } from '../../model/labels.js';
import { SUCCESS, definePlugin, unresolvable, type FilterPlugin, type FilterPoints, type PreFilterResult } from '../framework.js';
import type { PodInfo, PreferredNodeTerm } from '../pod-info.js';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

/** NodeAffinityArgs.addedAffinity: node affinity the profile adds to every pod it schedules. */
export interface AddedAffinity {
  readonly required: NodeSelector | undefined;
  readonly preferred: readonly PreferredNodeTerm[];
}

export const NO_ADDED_AFFINITY: AddedAffinity = { required: undefined, preferred: [] };

/** The pod's nodeSelector and required node affinity, both of which must match (RequiredNodeAffinity.Match). */
export function matchesRequiredNodeAffinity(pod: PodInfo, labels: Labels, nodeName: string): boolean {
  if (pod.nodeSelector) {
    for (const key in pod.nodeSelector) if (labels[key] !== pod.nodeSelector[key]) return false;
  }
  return !pod.requiredNodeAffinity || matchesNodeSelector(pod.requiredNodeAffinity, labels, nodeName);
}

/**
 * Names from `metadata.name In` field requirements when every term has one (intersected within a term, united across
 * terms); undefined when any term has none, since terms are ORed and that term admits every node.
 */
// upstream: plugins/nodeaffinity/node_affinity.go PreFilter (reads the raw matchFields, parsed or not)
function nodeNamesOf(pod: PodInfo): Set<string> | undefined {
  const terms = pod.requiredNodeAffinity?.terms ?? [];
  if (terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const values of term.nameIn) {
      termNames = termNames ? new Set(values.filter((n) => termNames?.has(n))) : new Set(values);
    }
    if (!termNames) return undefined;
    for (const name of termNames) names.add(name);
  }
  return names;
}

function preFilter(pod: PodInfo, added: AddedAffinity): PreFilterResult<undefined> {
  if (!pod.nodeSelector && !pod.requiredNodeAffinity && !added.required) return { kind: 'skip' };
  const nodeNames = nodeNamesOf(pod);
  if (nodeNames && nodeNames.size === 0) return { kind: 'reject', reason: ERR_REASON_CONFLICT };
  return nodeNames ? { kind: 'state', state: undefined, nodeNames } : { kind: 'state', state: undefined };
}

/** Node label keys the pod's nodeSelector and required node affinity read. */
export function requiredNodeAffinityKeys(pod: PodInfo): string[] {
  return [...Object.keys(pod.nodeSelector ?? {}), ...(pod.requiredNodeAffinity ? nodeSelectorKeys(pod.requiredNodeAffinity) : [])];
}

export function requiredNodeAffinityUsesName(pod: PodInfo): boolean {
  return pod.requiredNodeAffinity !== undefined && nodeSelectorUsesName(pod.requiredNodeAffinity);
}

const BOTH_POINTS: FilterPoints = { preFilter: true, filter: true };

/**
 * The NodeAffinity filter; a profile's addedAffinity is checked first, with its own reason. A profile may run one of
 * PreFilter and Filter without the other: PreFilter alone still skips, narrows to the `metadata.name` nodes or rejects
 * conflicting terms while every node passes; Filter alone reads the pod's required affinity itself (upstream's
 * "Fallback to calculate requiredNodeSelector and requiredNodeAffinity here when PreFilter is disabled").
 */
export function nodeAffinityFilter(added: AddedAffinity, points: FilterPoints = BOTH_POINTS): FilterPlugin {
  const { required } = added;
  return definePlugin<undefined>({
    name: 'NodeAffinity',
    ignoresNodeUsage: true,
    ...(points.preFilter && { preFilter: (pod: PodInfo) => preFilter(pod, added) }),
    filter: points.filter
      ? (pod, node) => {
          if (required && !matchesNodeSelector(required, node.labels, node.name)) return unresolvable(ERR_REASON_ENFORCED);
          return matchesRequiredNodeAffinity(pod, node.labels, node.name) ? SUCCESS : unresolvable(ERR_REASON_POD);
        }
      : () => SUCCESS,
    nodeLabelKeys: (pod) => (required ? [...requiredNodeAffinityKeys(pod), ...nodeSelectorKeys(required)] : requiredNodeAffinityKeys(pod)),
    usesNodeName: (pod) => requiredNodeAffinityUsesName(pod) || (required !== undefined && nodeSelectorUsesName(required)),
  });
}

export default nodeAffinityFilter(NO_ADDED_AFFINITY);
