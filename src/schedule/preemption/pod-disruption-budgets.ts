// PodDisruptionBudgets as preemption reads them: victims whose eviction a budget does not allow are "violating".
// upstream: pkg/scheduler/framework/preemption/preemption.go filterPodsWithPDBViolation (v1.35)
import { isEmptySelector, matchesSelector, toLabelSelector, type LabelSelector } from '../../model/labels.js';
import { asRecord, type KubeObject } from '../../model/object.js';
import type { PodInfo } from '../pod-info.js';
import { disruptionsAllowed, type DisruptionScope } from './disruption-controller.js';

export interface PodDisruptionBudget {
  readonly namespace: string;
  readonly selector: LabelSelector;
  /**
   * status.disruptionsAllowed; for a budget written without one, what the disruption controller counts from the
   * cluster's pods (disruption-controller.ts).
   */
  readonly disruptionsAllowed: number;
  /** status.disruptedPods: evictions the API server already counted. */
  readonly disruptedPods: ReadonlySet<string>;
}

/** The budget as preemption reads it; a status-less one is counted on first use (only preemption reads the count). */
export function toPodDisruptionBudget(object: KubeObject, cluster: DisruptionScope): PodDisruptionBudget {
  const status = asRecord(object.value['status']);
  const allowed = status?.['disruptionsAllowed'];
  let counted = typeof allowed === 'number' ? allowed : undefined;
  return {
    namespace: object.ref.namespace,
    selector: toLabelSelector(asRecord(object.value['spec'])?.['selector']),
    get disruptionsAllowed() {
      return (counted ??= disruptionsAllowed(object, cluster));
    },
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
