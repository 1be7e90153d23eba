// What one pod of a workload asks for: max(sum of regular containers, largest init container), per resource.
// upstream: pkg/api/v1/resource/helpers.go PodRequests (without overhead; restartable init containers count as regular)
import { asRecord } from '../model/object.js';
import { addQuantities, maxQuantity, parseQuantity, type Quantity } from '../model/quantity.js';
import type { Workload } from '../model/workload.js';

export function podResources(workload: Workload, field: 'requests' | 'limits'): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  const initMax = new Map<string, Quantity>();
  for (const container of workload.containers) {
    if (container.type === 'ephemeralContainer') continue;
    const regular = container.type === 'container' || container.isRestartable;
    const values = asRecord(asRecord(container.value['resources'])?.[field]) ?? {};
    const fallback = field === 'requests' ? asRecord(asRecord(container.value['resources'])?.['limits']) ?? {} : {};
    for (const name of new Set([...Object.keys(values), ...Object.keys(fallback)])) {
      const quantity = parseQuantity(values[name] ?? fallback[name]);
      if (!quantity) continue;
      const target = regular ? total : initMax;
      const current = target.get(name);
      target.set(name, current ? (regular ? addQuantities(current, quantity) : maxQuantity(current, quantity)) : quantity);
    }
  }
  for (const [name, quantity] of initMax) total.set(name, maxQuantity(total.get(name) ?? quantity, quantity));
  return total;
}
