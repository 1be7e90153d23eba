// NodeName: a pod naming a node in spec.nodeName fits only that node.
// upstream: pkg/scheduler/framework/plugins/nodename/node_name.go (v1.35)
import { SUCCESS, definePlugin, unresolvable } from '../framework.js';

export const ERR_REASON = "node(s) didn't match the requested node name";

export default definePlugin<undefined>({
  name: 'NodeName',
  ignoresNodeUsage: true,
  preFilter: (pod) => (pod.nodeName === undefined ? { kind: 'skip' } : { kind: 'state', state: undefined }),
  filter: (pod, node) => (pod.nodeName === undefined || pod.nodeName === node.name ? SUCCESS : unresolvable(ERR_REASON)),
  usesNodeName: () => true,
});
