// A Windows HostProcess container runs as a process on the node, with the node's network and file system.
import { containerLabel, hostProcessOf } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'windows-host-process',
    severity: 'error',
    category: 'security',
    description: 'container runs as a Windows HostProcess container',
    rationale:
      'Setting securityContext.windowsOptions.hostProcess: true runs the container as a process directly on the Windows node, in the host network namespace and with access to the node\'s file system; it is the Windows counterpart of a privileged container, and the Pod Security Standards baseline level forbids it. Node agents (CNI, CSI, log collectors) need it; suppress the rule on those with a reason.',
    remediation: 'Remove windowsOptions.hostProcess unless the pod is a node agent that must act on the Windows host.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { hostProcess: 'container "{{container}}" runs as a Windows HostProcess container' },
  },
  check(container, { workload, report }) {
    const hostProcess = hostProcessOf(workload, container);
    if (hostProcess?.value === true) report({ messageId: 'hostProcess', data: { container: containerLabel(container) }, at: hostProcess.path });
  },
});
