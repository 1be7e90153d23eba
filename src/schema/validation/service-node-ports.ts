// A Service's node ports as the registry allocates them on create, before validation (the store's BeginCreate): a
// requested port outside the cluster's node port range, or one the Service requests twice, fails the request with that
// one error. The range is the API server's default --service-node-port-range; ports other Services hold are unknown here.
import { invalid, type ErrorList } from './field-error.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: pkg/kubeapiserver/options/serviceip.go DefaultServiceNodePortRange (30000-32767)
const NODE_PORT_BASE = 30000;
const NODE_PORT_SIZE = 2768;

// upstream: pkg/registry/core/service/portallocator/allocator.go ErrNotInRange, ErrAllocated (v1.36)
const NOT_IN_RANGE = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_BASE}-${NODE_PORT_BASE + NODE_PORT_SIZE - 1}`;
const ALLOCATED = 'provided port is already allocated';

/**
 * The first node port the registry fails to allocate, as its Invalid error. Ports sharing a `port` number share the
 * node port the first of them requests (findRequestedNodePort), and the error names the entry being allocated.
 */
// upstream: pkg/registry/core/service/storage/alloc.go allocateCreate, txnAllocNodePorts, allocNodePorts,
// findRequestedNodePort (v1.36); only types NodePort and LoadBalancer get node ports
export function allocateNodePorts(object: Fields): ErrorList {
  const spec = recordField(object, 'spec');
  const type = stringField(spec, 'type') || 'ClusterIP';
  if (type !== 'NodePort' && type !== 'LoadBalancer') return [];
  const ports = arrayField(spec, 'ports').map((entry) => ({ port: intField(asRecord(entry), 'port') ?? 0, nodePort: intField(asRecord(entry), 'nodePort') ?? 0 }));
  const allocated = new Set<number>();
  const byPort = new Map<number, number>();
  const allocate = (nodePort: number): string | undefined => {
    if (nodePort < NODE_PORT_BASE || nodePort >= NODE_PORT_BASE + NODE_PORT_SIZE) return NOT_IN_RANGE;
    if (allocated.has(nodePort)) return ALLOCATED;
    allocated.add(nodePort);
    return undefined;
  };
  for (const [index, { port, nodePort }] of ports.entries()) {
    const shared = byPort.get(port);
    if (shared === undefined) {
      const requested = ports.find((entry) => entry.port === port && entry.nodePort !== 0)?.nodePort ?? 0;
      // a port without a requested node port takes the next free one, which cannot fail here
      if (requested === 0) continue;
      const failure = allocate(requested);
      if (failure) return [invalid(['spec', 'ports', index, 'nodePort'], requested, failure)];
      byPort.set(port, requested);
    } else if (nodePort !== 0 && nodePort !== shared) {
      const failure = allocate(nodePort);
      if (failure) return [invalid(['spec', 'ports', index, 'nodePort'], nodePort, failure)];
    }
  }
  return [];
}
