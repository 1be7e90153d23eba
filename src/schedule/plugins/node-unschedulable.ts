// NodeUnschedulable: a cordoned node admits only pods tolerating the unschedulable taint.
// upstream: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (v1.35)
import { SUCCESS, definePlugin, unresolvable } from '../framework.js';
import { UNSCHEDULABLE_TAINT_KEY } from '../node-info.js';
import { toleratesTaint } from './taint-toleration.js';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export default definePlugin({
  name: 'NodeUnschedulable',
  ignoresNodeUsage: true,
  filter(pod, node) {
    if (!node.unschedulable) return SUCCESS;
    const taint = { key: UNSCHEDULABLE_TAINT_KEY, value: '', effect: 'NoSchedule' };
    return pod.tolerations.some((t) => toleratesTaint(t, taint)) ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
});
