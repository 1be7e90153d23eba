// DynamicResources' PostFilter, which runs before DefaultPreemption in the default profile once the plugin is in it
// (DynamicResourceAllocation on by default from v1.34). kubefit does not deallocate a claim allocated for nodes the pod
// cannot use (upstream's "deallocation of ResourceClaim completed"): such a claim keeps the pod off them.
// upstream: plugins/dynamicresources/dynamicresources.go PreFilter (writes an empty state first), PostFilter (v1.35);
// preFilterExtendedResources (v1.36)
import type { PluginName } from '../framework.js';

/** The DynamicResources plugin's PostFilter status, or undefined when the release's default profile lacks it. */
export interface PostFilterStatus {
  readonly code: 'Unschedulable' | 'Error';
  readonly message: string;
}

/** DynamicResourceAllocation is on by default, and the plugin in the default profile, from v1.34. */
export const DYNAMIC_RESOURCES_SINCE = 34;

/**
 * Unschedulable "no new claims to deallocate" for a pod without claims, or whose claims DynamicResources' own PreFilter
 * rejected (its state is written empty first), "still not schedulable" for one with claims none of which a node found
 * unavailable (from v1.36 an extended resource a DeviceClass backs is one: PreFilter keeps a special claim for it,
 * which PostFilter passes over); but when an earlier PreFilter (`rejectedBy`) rejected the pod, DynamicResources'
 * PreFilter never ran and reading its state fails with "not found", an Error that ends the PostFilter phase before
 * DefaultPreemption runs.
 */
export function dynamicResourcesPostFilter(minor: number, rejectedBy: PluginName | undefined, hasClaims: boolean): PostFilterStatus | undefined {
  if (minor < DYNAMIC_RESOURCES_SINCE) return undefined;
  if (rejectedBy !== undefined && rejectedBy !== 'DynamicResources') return { code: 'Error', message: 'not found' };
  return { code: 'Unschedulable', message: hasClaims && rejectedBy === undefined ? 'still not schedulable' : 'no new claims to deallocate' };
}
