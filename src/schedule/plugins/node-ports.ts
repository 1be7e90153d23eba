// NodePorts: the pod's host ports must not collide with those of the pods bound to the node.
// upstream: pkg/scheduler/framework/plugins/nodeports/node_ports.go, framework HostPortInfo.CheckConflict (v1.35)
import { SUCCESS, definePlugin, unschedulable } from '../framework.js';
import type { HostPort } from '../pod-info.js';

export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

const BIND_ALL = '0.0.0.0';

/** Same protocol and port, and either side binds all addresses or both name the same address (as strings). */
export function portsConflict(wanted: HostPort, used: HostPort): boolean {
  if (wanted.protocol !== used.protocol || wanted.port !== used.port) return false;
  return wanted.ip === BIND_ALL || used.ip === BIND_ALL || wanted.ip === used.ip;
}

export default definePlugin<undefined>({
  name: 'NodePorts',
  preFilter: (pod) => (pod.hostPorts.length === 0 ? { kind: 'skip' } : { kind: 'state', state: undefined }),
  filter(pod, node) {
    const conflict = pod.hostPorts.some((wanted) => node.usedPorts.some((used) => portsConflict(wanted, used)));
    return conflict ? unschedulable(ERR_REASON) : SUCCESS;
  },
});
