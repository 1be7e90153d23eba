import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { allocateNodePorts } from './service-node-ports.js';

const allocate = (type: string | undefined, ports: Record<string, unknown>[]): string[] => allocateNodePorts({ spec: { type, ports } }).map(errorMessage);
const NOT_IN_RANGE = 'provided port is not in the valid range. The range of valid ports is 30000-32767';

// upstream: pkg/registry/core/service/storage/storage_test.go TestCreateInitNodePorts (v1.36): requested node ports
// are allocated from the default range before validation; ports sharing a port number share a node port
describe('TestCreateInitNodePorts', () => {
  it('allocates requested node ports of NodePort and LoadBalancer Services only', () => {
    expect(allocate('NodePort', [{ port: 80, nodePort: 30080 }, { port: 443 }])).toEqual([]);
    expect(allocate('LoadBalancer', [{ port: 80, nodePort: 32767 }])).toEqual([]);
    // a ClusterIP Service's node port is validation's Forbidden, never allocated
    expect(allocate(undefined, [{ port: 80, nodePort: 80 }])).toEqual([]);
  });

  it('a node port outside 30000-32767 fails, the first only', () => {
    expect(allocate('NodePort', [{ port: 80, nodePort: 80 }, { port: 81, nodePort: 32768 }])).toEqual([`spec.ports[0].nodePort: Invalid value: 80: ${NOT_IN_RANGE}`]);
    expect(allocate('LoadBalancer', [{ port: 80, nodePort: 30080 }, { port: 81, nodePort: 29999 }])).toEqual([`spec.ports[1].nodePort: Invalid value: 29999: ${NOT_IN_RANGE}`]);
  });

  it('multi-protocol ports of one number share a node port; another port number may not take it', () => {
    expect(allocate('NodePort', [{ port: 53, protocol: 'UDP', nodePort: 30053 }, { port: 53, protocol: 'TCP' }])).toEqual([]);
    expect(allocate('NodePort', [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP', nodePort: 30053 }])).toEqual([]);
    expect(allocate('NodePort', [{ port: 53, nodePort: 30053 }, { port: 54, nodePort: 30053 }])).toEqual(['spec.ports[1].nodePort: Invalid value: 30053: provided port is already allocated']);
    // the same port number asking for two node ports allocates both
    expect(allocate('NodePort', [{ port: 53, nodePort: 30053 }, { port: 53, protocol: 'UDP', nodePort: 30054 }])).toEqual([]);
  });
});
