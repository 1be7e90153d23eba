// A privileged container has every capability and every device of the node: root in the container is root on the node.
import { containerLabel, containerSecurityValue } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    severity: 'error',
    category: 'security',
    description: 'container runs privileged',
    rationale:
      'A privileged container gets all Linux capabilities, access to every host device and no seccomp or AppArmor confinement. A compromise of the process is a compromise of the node and of every pod on it.',
    remediation: 'Remove securityContext.privileged, and add only the specific capabilities the container needs.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { privileged: 'container "{{container}}" runs privileged' },
  },
  check(container, { report }) {
    const privileged = containerSecurityValue(container, 'privileged');
    if (privileged?.value === true) report({ messageId: 'privileged', data: { container: containerLabel(container) }, at: privileged.path });
  },
});
