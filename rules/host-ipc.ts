// A pod with hostIPC shares the node's IPC namespace.
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'host-ipc',
    severity: 'warning',
    category: 'security',
    description: 'pod sets hostIPC: true',
    rationale:
      'A pod with hostIPC: true shares the node\'s IPC namespace: it can read and write shared memory segments and message queues of every process on the node. Node agents sometimes need it; application pods never do.',
    remediation: 'Remove hostIPC from the pod spec; if a node agent really needs it, suppress the rule on that object with a reason.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { shared: 'pod sets hostIPC: true' },
  },
  check(workload, { report }) {
    if (workload.podSpec['hostIPC'] === true) report({ messageId: 'shared', at: workload.podSpecPath.concat('hostIPC') });
  },
});
