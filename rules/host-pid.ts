// A pod with hostPID shares the node's process namespace.
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'host-pid',
    severity: 'warning',
    category: 'security',
    description: 'pod sets hostPID: true',
    rationale:
      'A pod with hostPID: true shares the node\'s process namespace: it can see, signal and trace every process on the node, and read their environment and memory through /proc. Node agents sometimes need it; application pods never do.',
    remediation: 'Remove hostPID from the pod spec; if a node agent really needs it, suppress the rule on that object with a reason.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { shared: 'pod sets hostPID: true' },
  },
  check(workload, { report }) {
    if (workload.podSpec['hostPID'] === true) report({ messageId: 'shared', at: workload.podSpecPath.concat('hostPID') });
  },
});
