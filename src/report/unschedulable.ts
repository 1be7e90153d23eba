// The scheduling dry-run seen as a check, for formats that only know rules and results (SARIF, JUnit, GitHub).
import type { ObjectRef } from '../model/object-ref.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';
import { isPlacedNowhere, placedNodesText } from './node-verdicts.js';

import { isNotTriedMessage } from '../schedule/scheduling-checks.js';

export { UNSCHEDULABLE as UNSCHEDULABLE_RULE } from '../schedule/scheduling-checks.js';

const PLACED_NODES_SHOWN = 5;

/**
 * Why replicas stay Pending: kube-scheduler's message when one pod fits no node and none was placed, else the
 * shortfall, where the others went and kube-scheduler's message for the first that did not fit (or that the dry-run
 * did not try them).
 */
export function unschedulableMessage(result: SchedulingResult): string {
  if (isPlacedNowhere(result)) return result.message;
  const { unschedulable } = result.placement;
  const message = pendingMessage(result);
  const placed = placedNodesText(result, PLACED_NODES_SHOWN);
  if (placed === '' && message) return message;
  const details = [...(placed === '' ? [] : [`placed ${placed}`]), ...(message ? [message] : [])];
  // replicas left once the dry-run placed its most pods were not tried (their message says so)
  const verdict = isNotTriedMessage(message) ? 'were not tried' : 'fit on no node';
  return `${unschedulable} of ${result.replicas} replicas ${verdict}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/**
 * kube-scheduler's message for the workload's Pending replicas: one pod's when none was placed, else the one the
 * placement met when the first of them failed.
 */
export function pendingMessage(result: SchedulingResult): string | null {
  return isPlacedNowhere(result) ? result.message : (result.placement.message ?? result.message);
}

/** "Deployment shop/web", or "Node gpu-1" for cluster-scoped objects. */
export function formatObjectRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}
