// An Unmasked /proc exposes kernel interfaces the runtime normally hides from containers.
import { containerLabel, containerSecurityValue } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { compareReleases } from '../src/model/kubernetes-version.js';

export default defineRule({
  meta: {
    id: 'unsafe-proc-mount',
    severity: 'warning',
    category: 'security',
    description: 'container sets procMount: Unmasked',
    rationale:
      'By default the container runtime masks and makes read-only parts of /proc that leak host information or control the kernel. procMount: Unmasked removes that protection; it is only meant for nested containers in user-namespaced pods. The API server accepts it only with hostUsers: false, and from 1.35 the baseline Pod Security Standard admits such pods (their root is an unprivileged user of the node, and /proc belongs to the pod\'s own user namespace), so a pod with hostUsers: false is not reported from 1.35.',
    remediation: 'Remove securityContext.procMount or set it to Default.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { unmasked: 'container "{{container}}" sets procMount: Unmasked' },
  },
  check(container, { workload, kubernetesVersion, report }) {
    // upstream: pod-security-admission policy check_procMount.go (relaxPolicyForUserNamespacePod)
    if (workload.podSpec['hostUsers'] === false && compareReleases(kubernetesVersion, '1.35') >= 0) return;
    const procMount = containerSecurityValue(container, 'procMount');
    if (procMount?.value === 'Unmasked') report({ messageId: 'unmasked', data: { container: containerLabel(container) }, at: procMount.path });
  },
});
