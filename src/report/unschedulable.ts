// The scheduling dry-run seen as a check, for formats that only know rules and results (SARIF, JUnit, GitHub).
import type { ObjectRef } from '../model/object-ref.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';

export { UNSCHEDULABLE as UNSCHEDULABLE_RULE } from '../schedule/scheduling-checks.js';

/** Why replicas stay Pending: kube-scheduler's message, or the shortfall when some nodes fit but lack room. */
export function unschedulableMessage(result: SchedulingResult): string {
  if (result.message !== null) return result.message;
  if (result.placement.message) return result.placement.message;
  const { unschedulable } = result.placement;
  const placed = Object.entries(result.placement.nodes).map(([node, count]) => `${node}: ${count}`);
  const where = placed.length > 0 ? ` (placed ${placed.join(', ')})` : '';
  return `${unschedulable} of ${result.replicas} replicas fit on no node${where}`;
}

/** "Deployment shop/web", or "Node gpu-1" for cluster-scoped objects. */
export function formatObjectRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}
