// PodDisruptionBudgets as preemption reads them: victims whose eviction a budget does not allow are "violating".
// upstream: pkg/scheduler/framework/preemption/preemption.go filterPodsWithPDBViolation (v1.35)
import { isEmptySelector, matchesSelector, toLabelSelector, type LabelSelector } from '../../model/labels.js';
import { asRecord, type KubeObject } from '../../model/object.js';
import type { PodInfo } from '../pod-info.js';

export interface PodDisruptionBudget {
  readonly namespace: string;
  readonly selector: LabelSelector;
  /** status.disruptionsAllowed; 0 for a budget written without status (the controller has not counted yet). */
  readonly disruptionsAllowed: number;
  /** status.disruptedPods: evictions the API server already counted. */
  readonly disruptedPods: ReadonlySet<string>;
}

export function toPodDisruptionBudget(object: KubeObject): PodDisruptionBudget {
  const status = asRecord(object.value['status']);
  const allowed = status?.['disruptionsAllowed'];
  return {
    namespace: object.ref.namespace,
    selector: toLabelSelector(asRecord(object.value['spec'])?.['selector']),
    disruptionsAllowed: typeof allowed === 'number' ? allowed : 0,
    disruptedPods: new Set(Object.keys(asRecord(status?.['disruptedPods']) ?? {})),
  };
}

/** Splits `pods` (in order) into those whose eviction would exceed a matching budget and the others. */
export function filterPodsWithPDBViolation(
  pods: readonly PodInfo[],
  budgets: readonly PodDisruptionBudget[],
): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = budgets.map((budget) => budget.disruptionsAllowed);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const pod of pods) {
    let violated = false;
    // A pod without labels matches no budget; a budget with an empty selector matches nothing.
    if (Object.keys(pod.labels).length > 0) {
      budgets.forEach((budget, i) => {
        if (budget.namespace !== pod.namespace || isEmptySelector(budget.selector) || !matchesSelector(budget.selector, pod.labels)) return;
        if (budget.disruptedPods.has(pod.name)) return;
        allowed[i] = (allowed[i] ?? 0) - 1;
        if ((allowed[i] ?? 0) < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}
