// SchedulingGates: kube-scheduler does not try to place a pod while its spec.schedulingGates is not empty.
// upstream: pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go PreEnqueue (v1.35)
import { findingAt, type Finding } from '../model/finding.js';
import { asArray, asRecord } from '../model/object.js';
import type { PodSource } from './pod-info.js';
import { SCHEDULING_GATED } from './scheduling-checks.js';

/**
 * PlacementRequest.held for a pod spec with scheduling gates: PreEnqueue keeps such a pod out of the active queue, so
 * it takes no room before the pods without gates; it is tried after them, as it will be once its gates are removed.
 */
export function heldBySchedulingGates(spec: Readonly<Record<string, unknown>>): { readonly held?: true } {
  return asArray(spec['schedulingGates']).length > 0 ? { held: true } : {};
}

/**
 * A scheduling-gated finding at each pod template's non-empty `schedulingGates`. The dry-run still places such pods
 * (after the others: heldBySchedulingGates), as kube-scheduler will once a controller removes the gates (Kueue, a
 * quota or gang controller): where they would land is what the user asks; that they wait first is what this says, in
 * the words the API server and the scheduler use (pkg/registry/core/pod/strategy.go, plugins/schedulinggates
 * PreEnqueue).
 */
export function schedulingGatedFindings(pods: readonly Pick<PodSource, 'object' | 'spec' | 'specPath'>[]): Finding[] {
  return pods.flatMap(({ object, spec, specPath }) => {
    const gates = asArray(spec['schedulingGates']).map((gate) => asRecord(gate)?.['name']).filter((name): name is string => typeof name === 'string');
    if (gates.length === 0) return [];
    return findingAt(object, [...specPath, 'schedulingGates'], {
      ruleId: SCHEDULING_GATED.id,
      severity: SCHEDULING_GATED.severity,
      message: `waiting for scheduling gates: [${gates.join(' ')}]: kube-scheduler holds these pods (SchedulingGated) until the gates are removed; the dry-run places them as it will then`,
    });
  });
}
