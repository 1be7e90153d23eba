// The smallest change that would admit a pod to a rejected node, where one is obvious.
import { UNSCHEDULABLE_TAINT_KEY, type NodeInfo } from './node-info.js';
import { withTolerations, type HostPort, type PodInfo } from './pod-info.js';
import { undeclaredFeatures } from './plugins/node-declared-features.js';
import { fitsRequest, type InsufficientResource } from './plugins/node-resources-fit.js';
import { isKubeletAdmitted, missingExtendedResources } from './kubelet-admission.js';
import { portsConflict } from './plugins/node-ports.js';
import { untoleratedTaints } from './plugins/taint-toleration.js';
import { CPU, PODS } from './resources.js';
import { laterUsageFreeStatus, type NodeStatus, type PreparedPod } from './run-filters.js';

const BINARY_SUFFIXES: readonly [string, bigint][] = [['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]];

/** An amount in the scheduler's units as a quantity: cpu in cores or millicores, others with a binary suffix when exact. */
export function formatAmount(resourceName: string, amount: bigint): string {
  if (resourceName === CPU) return amount % 1000n === 0n ? String(amount / 1000n) : `${amount}m`;
  for (const [suffix, size] of BINARY_SUFFIXES) if (amount !== 0n && amount % size === 0n) return `${amount / size}${suffix}`;
  return String(amount);
}

function resourceHint(pod: PodInfo, node: NodeInfo): string | undefined {
  const hints = fitsRequest(pod.requests, node, isKubeletAdmitted(pod) ? missingExtendedResources(pod, node) : pod.draExtendedResources).map((shortage) => {
    // a Node written without status.allocatable (or pods: 0) admits no pod at all: "runs 0 of 0 pods" hid why
    if (shortage.resourceName === PODS) return shortage.capacity === 0n ? 'the node admits no pods (status.allocatable.pods is 0 or absent)' : `the node already runs ${shortage.used} of ${shortage.capacity} pods`;
    return shortageHint(shortage, pod.overhead[shortage.resourceName] ?? 0n);
  });
  return hints.length > 0 ? hints.join('; ') : undefined;
}

/** The request the containers could make on the node: what it has free, less the pod overhead, which they cannot shrink. */
function shortageHint({ resourceName: name, capacity, used }: InsufficientResource, overhead: bigint): string {
  const free = capacity - used;
  if (free <= 0n) return `the node has no ${name} left (${formatAmount(name, capacity)} allocatable)`;
  if (overhead === 0n) return `reduce the ${name} request to <= ${formatAmount(name, free)}`;
  return free > overhead
    ? `reduce the ${name} request to <= ${formatAmount(name, free - overhead)}, as the pod overhead takes ${formatAmount(name, overhead)} more`
    : `the node has ${formatAmount(name, free)} ${name} left, no more than the pod overhead of ${formatAmount(name, overhead)}`;
}

function affinityHint(pod: PodInfo, node: NodeInfo): string | undefined {
  const missing = Object.entries(pod.nodeSelector ?? {}).filter(([key, value]) => node.labels[key] !== value);
  return missing.length > 0 ? `node lacks label ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}` : undefined;
}

function portHint(pod: PodInfo, node: NodeInfo): string | undefined {
  const taken: HostPort[] = pod.hostPorts.filter((wanted) => node.usedPorts.some((used) => portsConflict(wanted, used)));
  return taken.length > 0 ? `host port ${taken.map((p) => `${p.port}/${p.protocol}`).join(', ')} is taken on the node` : undefined;
}

function featureHint(pod: PodInfo, node: NodeInfo): string | undefined {
  const missing = undeclaredFeatures(node, pod.requiredNodeFeatures);
  return missing.length > 0 ? `the node's kubelet does not declare ${missing.join(', ')} (status.declaredFeatures)` : undefined;
}

function taintHint(pod: PodInfo, node: NodeInfo): string | undefined {
  const taints = untoleratedTaints(node.taints, pod.tolerations).map((taint) => `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`);
  return taints.length > 0 ? `add toleration${taints.length > 1 ? 's' : ''} ${taints.join(', ')}` : undefined;
}

/**
 * A hint for the node's status, or undefined when no single obvious change would do. Filters stop at the first that
 * rejects a node; with the pod's PreFilter states, a hint is given only when the later filters that read no node usage
 * admit the node once the hint is followed (a toleration does not help a node the pod's node affinity then rejects).
 */
export function hintFor(pod: PodInfo, node: NodeInfo, status: NodeStatus, prepared?: PreparedPod): string | undefined {
  const hint = hintOf(pod, node, status);
  return hint !== undefined && prepared !== undefined && laterUsageFreeStatus(prepared, node, status.plugin, hinted(pod, node, status)) ? undefined : hint;
}

/** The pod as a toleration hint would have it: tolerating the taints the hint names (the cordon's, for a cordoned node). */
function hinted(pod: PodInfo, node: NodeInfo, status: NodeStatus): PodInfo {
  const taints = status.plugin === 'TaintToleration' ? untoleratedTaints(node.taints, pod.tolerations) : status.plugin === 'NodeUnschedulable' ? node.taints.filter((taint) => taint.key === UNSCHEDULABLE_TAINT_KEY) : [];
  return taints.length === 0 ? pod : withTolerations(pod, taints.map(({ key, value, effect }) => ({ key, operator: 'Equal', value, effect })));
}

function hintOf(pod: PodInfo, node: NodeInfo, status: NodeStatus): string | undefined {
  switch (status.plugin) {
    case 'NodeUnschedulable':
      return `the node is cordoned: uncordon it, or tolerate ${UNSCHEDULABLE_TAINT_KEY}:NoSchedule`;
    case 'TaintToleration':
      return taintHint(pod, node);
    case 'NodeAffinity':
      return affinityHint(pod, node);
    case 'NodePorts':
      return portHint(pod, node);
    case 'NodeResourcesFit':
      return resourceHint(pod, node);
    case 'NodeDeclaredFeatures':
      return featureHint(pod, node);
    default:
      return undefined;
  }
}
