// Pods that claim devices through Dynamic Resource Allocation: the DynamicResources filter is not modelled.
import { findingAt, type Finding } from '../model/finding.js';
import { asArray, asRecord } from '../model/object.js';
import type { PodSource } from './pod-info.js';
import { RESOURCE_CLAIMS_NOT_CHECKED } from './scheduling-checks.js';

/**
 * A resource-claims-not-checked finding at the first entry of each pod's `resourceClaims`: kube-scheduler's
 * DynamicResources plugin places such a pod only on nodes whose ResourceSlices can satisfy its claims, which the
 * dry-run does not check, so its verdicts may name nodes the pod cannot run on.
 */
export function uncheckedResourceClaims(pods: readonly Pick<PodSource, 'object' | 'spec' | 'specPath'>[]): Finding[] {
  return pods.flatMap(({ object, spec, specPath }) => {
    const claims = asArray(spec['resourceClaims']);
    if (claims.length === 0) return [];
    const name = asRecord(claims[0])?.['name'];
    const what = typeof name === 'string' ? `resource claim "${name}"${claims.length > 1 ? ` and ${claims.length - 1} more` : ''}` : 'its resource claims';
    return findingAt(object, [...specPath, 'resourceClaims'], {
      ruleId: RESOURCE_CLAIMS_NOT_CHECKED.id,
      severity: RESOURCE_CLAIMS_NOT_CHECKED.severity,
      message: `resource claims were not checked: kubefit does not run the DynamicResources filter, so the nodes it names may lack the devices of ${what}`,
    });
  });
}
