// DynamicResources score: nodes where a claim's firstAvailable requests get their more preferred subrequests score higher.
// upstream: pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go Score, computeScore, NormalizeScore;
// apis/config/v1/default_plugins.go applyDynamicResources (weight 2) (v1.36)
import type { ClaimAllocation } from '../dra/allocator.js';
import type { DeviceCatalog, ResourceClaimSpec } from '../dra/device-catalog.js';
import type { ResolvedClaim } from '../dra/device-usage.js';
import type { PodInfo } from '../pod-info.js';
import { allocateOnNode, preFilterDynamicResources, type DynamicResourcesState } from '../plugins/dynamic-resources.js';
import { defaultNormalizeScore, defineScorePlugin } from './score-plugin.js';

/**
 * The release whose DynamicResources scores in the default profile, at weight 2. Score came with kubernetes#134711
 * (v1.35); the weight v1.35's defaults give it is not among the stored sources, so kubefit scores from v1.36 only.
 */
export const PRIORITIZED_LIST_SCORE_SINCE = 36;

/** resourceapi.FirstAvailableDeviceRequestMaxSize: the first subrequest scores this much, each later one a point less. */
const FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE = 8;

function hasFirstAvailable(spec: ResourceClaimSpec): boolean {
  return spec.requests.some((request) => request.choices.some((choice) => choice.name !== request.name));
}

/** Whether a claim of the pod has a firstAvailable request (read from the specs: the devices in use are not needed). */
function prefersSubrequests(pod: PodInfo, catalog: DeviceCatalog): boolean {
  return pod.resourceClaims.some((entry) => {
    const spec = entry.kind === 'claim' ? catalog.claim(pod.namespace, entry.claimName)?.spec : catalog.template(pod.namespace, entry.templateName);
    return spec !== undefined && hasFirstAvailable(spec);
  });
}

/**
 * computeScore: for each claim, its allocation (the claim's own, else the next one Filter made on the node), and for each
 * firstAvailable request the subrequests it got, the i-th scoring 8 - i.
 */
export function prioritizedListScore(claims: readonly ResolvedClaim[], allocated: readonly ClaimAllocation[]): number {
  let score = 0;
  let next = 0;
  for (const claim of claims) {
    const taken = new Set(claim.allocation?.requests ?? allocated[next++]?.requests);
    for (const request of claim.spec.requests) {
      request.choices.forEach((choice, i) => {
        if (choice.name !== request.name && taken.has(choice.name)) score += FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE - i;
      });
    }
  }
  return score;
}

export default defineScorePlugin<DynamicResourcesState>({
  name: 'DynamicResources',
  weight: 2,
  // devices of network-attached slices reach several nodes: placing a pod may change another node's allocation
  perNode: false,
  // Every node scores 0 for a pod without firstAvailable requests: skipping changes no total.
  preScore(pod, _feasible, cluster) {
    if (!pod.hasResourceClaims || cluster.minor < PRIORITIZED_LIST_SCORE_SINCE || !prefersSubrequests(pod, cluster.devices)) return undefined;
    const prepared = preFilterDynamicResources(pod, cluster);
    return prepared.kind === 'state' ? prepared.state : undefined;
  },
  score(pod, node, state) {
    const outcome = allocateOnNode(pod, node, state);
    return prioritizedListScore(state.claims, outcome !== undefined && outcome !== 'unfit' && outcome.kind === 'allocated' ? outcome.claims : []);
  },
  normalize(scores) {
    defaultNormalizeScore(scores, false);
  },
  // slices reach nodes by name
  usesNodeName: () => true,
});
