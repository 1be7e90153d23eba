// An Unmasked /proc exposes kernel interfaces the runtime normally hides from containers.
import { containerLabel, containerSecurityValue } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'unsafe-proc-mount',
    severity: 'warning',
    category: 'security',
    description: 'container sets procMount: Unmasked',
    rationale:
      'By default the container runtime masks and makes read-only parts of /proc that leak host information or control the kernel. procMount: Unmasked removes that protection; it is only meant for nested containers in user-namespaced pods.',
    remediation: 'Remove securityContext.procMount or set it to Default.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { unmasked: 'container "{{container}}" sets procMount: Unmasked' },
  },
  check(container, { report }) {
    const procMount = containerSecurityValue(container, 'procMount');
    if (procMount?.value === 'Unmasked') report({ messageId: 'unmasked', data: { container: containerLabel(container) }, at: procMount.path });
  },
});
