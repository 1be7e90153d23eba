// Extended resources backed by Dynamic Resource Allocation (DRAExtendedResource, beta and on by default from v1.36):
// a DeviceClass names an extended resource (spec.extendedResourceName, or implicitly
// "deviceclass.resource.kubernetes.io/<class name>"), and on a node that advertises none of it NodeResourcesFit leaves
// the request to the DynamicResources plugin, which allocates devices of that class instead.
// upstream: pkg/scheduler/framework/plugins/noderesources/fit.go shouldDelegateResourceToDRA,
// pkg/scheduler/framework/plugins/dynamicresources/extended (the DeviceClass cache) (v1.36)
import { asRecord, type KubeObject } from '../model/object.js';

/** The release whose default feature gates turn DRAExtendedResource on (alpha, off, in v1.34 and v1.35). */
const DRA_EXTENDED_RESOURCE_SINCE = 36;

/** resourceapi.ResourceDeviceClassPrefix: every DeviceClass stands for the extended resource of this prefix and its name. */
export const DEVICE_CLASS_RESOURCE_PREFIX = 'deviceclass.resource.kubernetes.io/';

/** Extended resource names → the DeviceClass that backs each (the first by name when several name one); none before v1.36. */
export function draExtendedResources(deviceClasses: readonly KubeObject[], minor: number): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (minor < DRA_EXTENDED_RESOURCE_SINCE) return out;
  const byName = [...deviceClasses].sort((a, b) => (a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0));
  for (const deviceClass of byName) {
    const name = deviceClass.ref.name;
    if (name === '') continue;
    const explicit = asRecord(deviceClass.value['spec'])?.['extendedResourceName'];
    if (typeof explicit === 'string' && explicit !== '' && !out.has(explicit)) out.set(explicit, name);
    if (!out.has(`${DEVICE_CLASS_RESOURCE_PREFIX}${name}`)) out.set(`${DEVICE_CLASS_RESOURCE_PREFIX}${name}`, name);
  }
  return out;
}
