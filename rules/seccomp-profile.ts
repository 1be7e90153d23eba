// Without a seccomp profile a container can call every system call the kernel offers.
import { containerLabel, containerNamePath, effectiveSecurityValue, isWindowsPod } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'seccomp-profile',
    severity: 'warning',
    category: 'security',
    description: 'container runs without a seccomp profile (unset or Unconfined)',
    rationale:
      'Unless the kubelet is configured to default to RuntimeDefault, a container without a seccomp profile may call every system call, including the rarely used ones most kernel exploits go through. The pod-level seccompProfile applies to every container that does not set its own. Windows pods (spec.os.name: windows) are not checked: the API server forbids seccompProfile there. Off by default, as in kube-score.',
    remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec (or Localhost with a tailored profile).',
    defaultOn: false,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { unset: 'container "{{container}}" has no seccomp profile', unconfined: 'container "{{container}}" runs with seccomp Unconfined' },
  },
  check(container, { workload, report }) {
    if (isWindowsPod(workload)) return;
    const profile = effectiveSecurityValue(workload, container, 'seccompProfile');
    const type = asRecord(profile?.value)?.['type'];
    const data = { container: containerLabel(container) };
    if (!profile) report({ messageId: 'unset', data, at: containerNamePath(container) });
    else if (type === 'Unconfined') report({ messageId: 'unconfined', data, at: profile.path.concat('type') });
  },
});
