// DynamicResources' PostFilter, which runs before DefaultPreemption in the default profile once the plugin is in it
// (DynamicResourceAllocation on by default from v1.34). kubefit does not run the plugin's filter: a pod's claims never
// make a node unavailable, so none is deallocated.
// upstream: plugins/dynamicresources/dynamicresources.go PreFilter (writes an empty state first), PostFilter (v1.35);
// preFilterExtendedResources (v1.36)

/** The DynamicResources plugin's PostFilter status, or undefined when the release's default profile lacks it. */
export interface PostFilterStatus {
  readonly code: 'Unschedulable' | 'Error';
  readonly message: string;
}

/** DynamicResourceAllocation is on by default, and the plugin in the default profile, from v1.34. */
export const DYNAMIC_RESOURCES_SINCE = 34;

/**
 * Unschedulable "no new claims to deallocate" for a pod without claims, "still not schedulable" for one with claims
 * none of which a node found unavailable (from v1.36 an extended resource a DeviceClass backs is one: PreFilter keeps a
 * special claim for it, which PostFilter passes over); but when an earlier PreFilter rejected the pod, DynamicResources' PreFilter
 * never ran and reading its state fails with "not found", an Error that ends the PostFilter phase before
 * DefaultPreemption runs.
 */
export function dynamicResourcesPostFilter(minor: number, preFilterRejected: boolean, hasClaims: boolean): PostFilterStatus | undefined {
  if (minor < DYNAMIC_RESOURCES_SINCE) return undefined;
  if (preFilterRejected) return { code: 'Error', message: 'not found' };
  return { code: 'Unschedulable', message: hasClaims ? 'still not schedulable' : 'no new claims to deallocate' };
}
