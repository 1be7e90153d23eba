// A pod's spec.resourceClaims, each named as kube-scheduler finds its ResourceClaim.
// upstream: staging/src/k8s.io/dynamic-resource-allocation/resourceclaim/resourceclaim.go Name (v1.35)
import { asArray, asRecord, stringField } from '../../model/object.js';

/**
 * One entry of spec.resourceClaims: the ResourceClaim it names (resourceClaimName, or the claim the resourceclaim
 * controller generated for a created pod, which status.resourceClaimStatuses names), or the template the controller
 * makes the pod's own claim from (a pod still to be created, or one whose claim is not generated yet).
 */
export type PodResourceClaim =
  | { readonly name: string; readonly kind: 'claim'; readonly claimName: string }
  | { readonly name: string; readonly kind: 'template'; readonly templateName: string };

const NO_CLAIMS: readonly PodResourceClaim[] = Object.freeze([]);

/**
 * The claims of a pod spec; `status` is the created pod's status (undefined for a pod its controller is still to create).
 * An entry whose generated claim status names no claim needs none (Name returns nil) and is left out.
 */
export function podResourceClaimsOf(spec: Readonly<Record<string, unknown>>, status: Readonly<Record<string, unknown>> | undefined): readonly PodResourceClaim[] {
  const entries = asArray(spec['resourceClaims']);
  if (entries.length === 0) return NO_CLAIMS;
  const generated = new Map(asArray(status?.['resourceClaimStatuses']).map((entry) => [stringField(asRecord(entry), 'name'), asRecord(entry)?.['resourceClaimName']]));
  return entries.flatMap((entry): PodResourceClaim[] => {
    const record = asRecord(entry) ?? {};
    const name = stringField(record, 'name');
    const { resourceClaimName: claimName, resourceClaimTemplateName: templateName } = record;
    if (typeof claimName === 'string') return [{ name, kind: 'claim', claimName }];
    if (typeof templateName !== 'string') return [];
    if (!generated.has(name)) return [{ name, kind: 'template', templateName }];
    const generatedName = generated.get(name);
    return typeof generatedName === 'string' ? [{ name, kind: 'claim', claimName: generatedName }] : [];
  });
}
