// A pod with hostNetwork shares the node's network namespace.
import { hostProcessOf } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'host-network',
    severity: 'warning',
    category: 'security',
    description: 'pod sets hostNetwork: true',
    rationale:
      'A pod with hostNetwork: true shares the node\'s network namespace: it can bind any node port, reach every host-local service (including the kubelet and cloud metadata endpoints) and sniff node traffic. Node agents sometimes need it; application pods never do.',
    remediation: 'Remove hostNetwork from the pod spec; if a node agent really needs it, suppress the rule on that object with a reason.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { shared: 'pod sets hostNetwork: true' },
  },
  check(workload, { report }) {
    if (workload.podSpec['hostNetwork'] !== true) return;
    // a pod of Windows HostProcess containers must set it (validateWindowsHostProcessPod): windows-host-process reports those
    if (workload.containers.some((container) => hostProcessOf(workload, container)?.value === true)) return;
    report({ messageId: 'shared', at: workload.podSpecPath.concat('hostNetwork') });
  },
});
