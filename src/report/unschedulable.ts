// The scheduling dry-run seen as a check, for formats that only know rules and results (SARIF, JUnit, GitHub).
import type { ObjectRef } from '../model/object-ref.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';

export const UNSCHEDULABLE_RULE: RuleMeta = {
  id: 'unschedulable',
  severity: 'error',
  category: 'scheduling',
  description: 'replicas of a workload fit on no node of the cluster',
  rationale:
    'A replica that no node can take stays Pending: the rollout never completes and the capacity you planned for is not there.',
  remediation:
    'Read the reasons per node, then lower the requests, add tolerations or matching labels, or add capacity to the cluster.',
  defaultOn: true,
};

/** Why replicas stay Pending: kube-scheduler's message, or the shortfall when some nodes fit but lack room. */
export function unschedulableMessage(result: SchedulingResult): string {
  if (result.message !== null) return result.message;
  const { unschedulable } = result.placement;
  const placed = Object.entries(result.placement.nodes).map(([node, count]) => `${node}: ${count}`);
  const where = placed.length > 0 ? ` (placed ${placed.join(', ')})` : '';
  return `${unschedulable} of ${result.replicas} replicas fit on no node${where}`;
}

/** "Deployment shop/web", or "Node gpu-1" for cluster-scoped objects. */
export function formatObjectRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}
