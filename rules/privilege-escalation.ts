// allowPrivilegeEscalation lets a process gain more privileges than its parent (setuid binaries, file capabilities).
import { containerLabel, containerSecurityValue } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'privilege-escalation',
    severity: 'warning',
    category: 'security',
    description: 'container explicitly allows privilege escalation',
    rationale:
      'With allowPrivilegeEscalation the no_new_privs flag is not set, so setuid binaries and file capabilities can raise a process above the privileges it started with. Only an explicit true is reported: an unset field is the Pod Security restricted profile\'s concern and would flag almost every manifest. A privileged container or one that adds SYS_ADMIN must set it to true (the API server rejects false), so privileged-container and dangerous-capabilities report those instead.',
    remediation: 'Set securityContext.allowPrivilegeEscalation to false unless the container really runs setuid binaries.',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { allowed: 'container "{{container}}" sets allowPrivilegeEscalation: true' },
  },
  check(container, { report }) {
    const allowed = containerSecurityValue(container, 'allowPrivilegeEscalation');
    if (allowed?.value !== true) return;
    const privileged = containerSecurityValue(container, 'privileged')?.value === true;
    const added = asArray(asRecord(containerSecurityValue(container, 'capabilities')?.value)?.['add']);
    if (privileged || added.includes('SYS_ADMIN') || added.includes('CAP_SYS_ADMIN')) return;
    report({ messageId: 'allowed', data: { container: containerLabel(container) }, at: allowed.path });
  },
});
