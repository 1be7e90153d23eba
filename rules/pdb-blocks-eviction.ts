// A PodDisruptionBudget that allows no eviction makes every node drain hang; one with no budget protects nothing.
import { AUTOSCALER_QUERIES } from '../src/lint/hpa.js';
import type { Path } from '../src/model/document.js';
import { defineRule } from '../src/lint/define-rule.js';
import { selectsSomePods } from '../src/lint/label-selector.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { replicaCount } from '../src/lint/replicas.js';
import { asRecord, type KubeObject } from '../src/model/object.js';

interface Expected {
  /** Pods the budget's selector covers (sum of the selected workloads' lowest replica counts). */
  readonly pods: number;
  /** Whether an HPA minReplicas decided a count (the budget then blocks at the autoscaler's floor). */
  readonly fromHpa: boolean;
}

/** Pods of the workloads the budget selects, when every one of them states its count; undefined otherwise. */
function expectedPods(index: LintIndex, pdb: KubeObject): Expected | undefined {
  const selector = asRecord(pdb.value['spec'])?.['selector'];
  const selected = index.workloadsIn(pdb.ref.namespace).filter((workload) => selectsSomePods(selector, workload));
  if (selected.length === 0) return undefined;
  let pods = 0;
  let fromHpa = false;
  for (const workload of selected) {
    if (workload.replicas === 'per-node') return undefined;
    const count = replicaCount(workload, index);
    if (!count || count.source === 'default') return undefined;
    pods += count.count;
    fromHpa ||= count.source === 'hpa';
  }
  return { pods, fromHpa };
}

/** An int-or-string budget scaled to `total` pods, rounding up as the disruption controller does. */
// upstream: pkg/controller/disruption/disruption.go getExpectedPodCount (GetScaledValueFromIntOrPercent, roundUp true;
// neither field leaves desiredHealthy at 0)
function scaled(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return value;
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : undefined;
}

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    severity: 'warning',
    category: 'reliability',
    description: 'PodDisruptionBudget allows no voluntary eviction, or sets neither minAvailable nor maxUnavailable',
    rationale:
      'Node drains (kubectl drain), cluster upgrades and the cluster autoscaler evict pods through the Eviction API, which refuses while a PodDisruptionBudget has no disruption left. A budget with maxUnavailable: 0 (or 0%), minAvailable: 100%, or a minAvailable at or above the replicas of the workloads it selects (or the minReplicas of their HorizontalPodAutoscaler) never has one, so every drain hangs until someone deletes the budget. A policy/v1 budget with neither field allows every eviction and protects nothing. Replica counts are taken from the inputs; budgets whose workloads leave replicas unset, or are DaemonSets, are checked only for the fixed cases.',
    remediation: 'Use maxUnavailable: 1 (or a minAvailable below the replica count), and keep at least two replicas behind the budget.',
    defaultOn: true,
    queries: [...AUTOSCALER_QUERIES],
    appliesTo: { target: 'object', kinds: ['PodDisruptionBudget'] },
    messages: {
      maxUnavailableZero: 'maxUnavailable {{value}} allows no voluntary eviction, so node drains hang',
      minAvailableAll: 'minAvailable {{value}} keeps every pod, so node drains hang',
      minAvailableReplicas: 'minAvailable {{value}} is not below the {{pods}} of the workloads it selects, so node drains hang',
      minAvailableHpa: 'minAvailable {{value}} is not below the {{pods}} the selected workloads scale down to (HorizontalPodAutoscaler minReplicas), so node drains hang',
      noBudget: 'PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so it limits no eviction',
    },
  },
  check(pdb, { index, report }) {
    const spec = asRecord(pdb.value['spec']) ?? {};
    const at = (field: string): Path => ['spec', field];
    const { maxUnavailable, minAvailable } = spec;
    if (maxUnavailable === undefined && minAvailable === undefined) {
      report({ messageId: 'noBudget', at: ['spec'], on: 'key' });
    } else if (maxUnavailable !== undefined) {
      if (maxUnavailable === 0 || maxUnavailable === '0%') report({ messageId: 'maxUnavailableZero', data: { value: String(maxUnavailable) }, at: at('maxUnavailable') });
    } else if (minAvailable === '100%') {
      report({ messageId: 'minAvailableAll', data: { value: minAvailable }, at: at('minAvailable') });
    } else {
      const expected = expectedPods(index, pdb);
      const required = expected && scaled(minAvailable, expected.pods);
      if (!expected || required === undefined || required < expected.pods || expected.pods === 0) return;
      report({ messageId: expected.fromHpa ? 'minAvailableHpa' : 'minAvailableReplicas', data: { value: String(minAvailable), pods: `${expected.pods} ${expected.pods === 1 ? 'pod' : 'pods'}` }, at: at('minAvailable') });
    }
  },
});
