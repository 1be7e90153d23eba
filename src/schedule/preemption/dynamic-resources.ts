// DynamicResources' PostFilter, which runs before DefaultPreemption in the default profile once the plugin is in it
// (DynamicResourceAllocation on by default from v1.34), for pods without ResourceClaims (kubefit models no claims).
// upstream: plugins/dynamicresources/dynamicresources.go PreFilter (writes an empty state first), PostFilter (v1.35)

/** The DynamicResources plugin's PostFilter status, or undefined when the release's default profile lacks it. */
export interface PostFilterStatus {
  readonly code: 'Unschedulable' | 'Error';
  readonly message: string;
}

/** DynamicResourceAllocation is on by default, and the plugin in the default profile, from v1.34. */
export const DYNAMIC_RESOURCES_SINCE = 34;

/**
 * Unschedulable "no new claims to deallocate" for a pod without claims; but when an earlier PreFilter rejected the
 * pod, DynamicResources' PreFilter never ran and reading its state fails with "not found", an Error that ends the
 * PostFilter phase before DefaultPreemption runs.
 */
export function dynamicResourcesPostFilter(minor: number, preFilterRejected: boolean): PostFilterStatus | undefined {
  if (minor < DYNAMIC_RESOURCES_SINCE) return undefined;
  return preFilterRejected ? { code: 'Error', message: 'not found' } : { code: 'Unschedulable', message: 'no new claims to deallocate' };
}
