// A Windows HostProcess container runs as a process on the node, with the node's network and file system.
import { containerLabel, effectiveSecurityValue } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord } from '../src/model/object.js';

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
    const options = effectiveSecurityValue(workload, container, 'windowsOptions');
    if (asRecord(options?.value)?.['hostProcess'] !== true || !options) return;
    report({ messageId: 'hostProcess', data: { container: containerLabel(container) }, at: options.path.concat('hostProcess') });
  },
});
