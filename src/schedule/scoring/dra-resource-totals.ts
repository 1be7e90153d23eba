// What NodeResourcesFit's score reads of an extended resource a DeviceClass backs on a node that does not advertise it
// (DRAExtendedResource, v1.36+): the node's devices of the class as allocatable, those in use as requested.
// upstream: pkg/scheduler/framework/plugins/noderesources/resource_allocation.go calculateResourceAllocatableRequest,
// calculateDRAExtendedResourceAllocatableRequest, calculateDRAResourceTotals, deviceMatchesClass (v1.36; kubernetes#134058)
import type { NodeInfo } from '../node-info.js';
import { deviceID, type Device, type DeviceCatalog, type DeviceID } from '../dra/device-catalog.js';
import { DeviceUsage } from '../dra/device-usage.js';

export interface DeviceTotals {
  /** The devices of the class that the node's slices offer. */
  readonly capacity: number;
  /** Those of them allocated: to the snapshot's claims and to the pods placed so far. */
  readonly allocated: number;
}

const NONE: DeviceTotals = { capacity: 0, allocated: 0 };

/**
 * One pod's scoring: the devices in use on a node are the snapshot's allocated ones and those the pods the dry run
 * placed there took (GatherAllocatedState), gathered once per state of the node (its replicas land on it as it is
 * scored). A device of a cluster-wide slice taken by a pod placed on another node is not counted.
 */
export class DRAResourceTotals {
  readonly #catalog: DeviceCatalog;
  readonly #allocated = new WeakMap<NodeInfo, { has(device: DeviceID): boolean }>();

  constructor(catalog: DeviceCatalog) {
    this.#catalog = catalog;
  }

  /**
   * calculateDRAResourceTotals: every device of the slices that reach the node (all generations, as listed) that
   * meets the class's selectors; none when a selector fails to evaluate (the resource is then not scored).
   */
  of(node: NodeInfo, deviceClassName: string): DeviceTotals {
    const deviceClass = this.#catalog.classes.get(deviceClassName);
    if (!deviceClass) return NONE;
    const allocated = this.#allocatedOn(node);
    let capacity = 0;
    let inUse = 0;
    for (const slice of this.#catalog.slicesReaching(node)) {
      for (const device of slice.devices) {
        const matches = this.#matchesClass(deviceClass.selectors, device, slice.driver);
        if (matches === undefined) return NONE;
        if (!matches) continue;
        capacity++;
        if (allocated.has(deviceID(slice.driver, slice.pool, device.name))) inUse++;
      }
    }
    return { capacity, allocated: inUse };
  }

  #allocatedOn(node: NodeInfo): { has(device: DeviceID): boolean } {
    let allocated = this.#allocated.get(node);
    if (!allocated) this.#allocated.set(node, (allocated = DeviceUsage.of([node], this.#catalog).allocated));
    return allocated;
  }

  /** deviceMatchesClass: every selector of the class holds; undefined when one fails to evaluate. */
  #matchesClass(selectors: readonly string[], device: Device, driver: string): boolean | undefined {
    for (const expression of selectors) {
      const result = this.#catalog.selectors.matches(expression, device, driver);
      if (typeof result === 'object') return undefined;
      if (!result) return false;
    }
    return true;
  }
}
