// TaintToleration: the first NoSchedule/NoExecute taint of the node that the pod does not tolerate rejects it.
// upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.35; wording before v1.35 by version),
// component-helpers/scheduling/corev1 FindMatchingUntoleratedTaint, core/v1 Toleration.ToleratesTaint
import { SUCCESS, definePlugin, unresolvable } from '../framework.js';
import type { Taint, Toleration } from '../pod-info.js';

/** v1.35+: the taint moved to the scheduler log (PR #134740). */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

/** Before v1.35: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaint(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value}}`;
}

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.operator === '' || toleration.operator === 'Equal') && toleration.value === taint.value;
}

export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/** Whether some toleration tolerates the taint (v1.Toleration.ToleratesTaint of any). */
// index loops, no closures: the filter and the score run for every class of nodes and every pod
export function isTolerated(taint: Taint, tolerations: readonly Toleration[]): boolean {
  for (let index = 0; index < tolerations.length; index++) if (toleratesTaint(tolerations[index] as Toleration, taint)) return true;
  return false;
}

/** The first taint passing `applies` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  applies: (taint: Taint) => boolean = isDoNotScheduleTaint,
): Taint | undefined {
  for (let index = 0; index < taints.length; index++) {
    const taint = taints[index] as Taint;
    if (applies(taint) && !isTolerated(taint, tolerations)) return taint;
  }
  return undefined;
}

/** Every taint of `taints` the filter rejects a node for (NoSchedule and NoExecute) that no toleration tolerates. */
export function untoleratedTaints(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint[] {
  return taints.filter((taint) => isDoNotScheduleTaint(taint) && !isTolerated(taint, tolerations));
}

export default definePlugin<number>({
  name: 'TaintToleration',
  ignoresNodeUsage: true,
  preFilter: (_pod, cluster) => ({ kind: 'state', state: cluster.minor }),
  filter(pod, node, minor) {
    const taint = findUntoleratedTaint(node.taints, pod.tolerations);
    if (!taint) return SUCCESS;
    return unresolvable(minor >= 35 ? ERR_REASON_UNTOLERATED : untoleratedTaint(taint));
  },
});
