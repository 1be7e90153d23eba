// A container running as root turns a container escape or a writable host mount into root on the node.
import { containerLabel, containerNamePath, effectiveSecurityValue, isWindowsPod } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { compareReleases } from '../src/model/kubernetes-version.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    severity: 'warning',
    category: 'security',
    description: 'container may run as root: neither runAsNonRoot nor a non-zero runAsUser applies, or it runs with group 0',
    rationale:
      'Processes that run as UID 0 in a container are root on the node as soon as they escape the container or reach a host mount. The pod-level securityContext counts for every container that does not override it, so a pod-level runAsNonRoot: true or runAsUser: 1000 satisfies all of them. Windows pods are not checked, nor, from Kubernetes 1.33 (UserNamespacesSupport on by default), pods with hostUsers: false: their root is an unprivileged user of the node, and the restricted Pod Security Standard admits them from 1.35. A runAsGroup of 0 (the container\'s own, else the pod\'s) is reported too, as kube-linter reports it: the primary group root can read and write every file of the image and of the mounts that is group-owned by root, even when the user is not root.',
    remediation: 'Set runAsNonRoot: true (and a non-zero runAsUser if the image has no numeric non-root USER) in the pod or container securityContext, and a non-zero runAsGroup where one is set.',
    defaultOn: false,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: {
      unset: 'container "{{container}}" may run as root: set runAsNonRoot: true or a non-zero runAsUser',
      runAsRoot: 'container "{{container}}" runs as root (runAsUser: 0)',
      nonRootDisabled: 'container "{{container}}" sets runAsNonRoot: false and no non-zero runAsUser',
      runAsRootGroup: 'container "{{container}}" runs with the root group (runAsGroup: 0)',
    },
  },
  check(container, { workload, kubernetesVersion, report }) {
    if (isWindowsPod(workload) || effectiveSecurityValue(workload, container, 'windowsOptions')) return;
    // upstream: pod-security-admission policy relaxPolicyForUserNamespacePod (runAsNonRoot, runAsUser from 1.35)
    if (workload.podSpec['hostUsers'] === false && compareReleases(kubernetesVersion, '1.33') >= 0) return;
    const nonRoot = effectiveSecurityValue(workload, container, 'runAsNonRoot');
    const user = effectiveSecurityValue(workload, container, 'runAsUser');
    const data = { container: containerLabel(container) };
    // upstream: kube-linter pkg/templates/runasnonroot/template.go effectiveRunAsGroup (container first, then pod)
    const group = effectiveSecurityValue(workload, container, 'runAsGroup');
    if (group?.value === 0) report({ messageId: 'runAsRootGroup', data, at: group.path });
    if (user?.value === 0) report({ messageId: 'runAsRoot', data, at: user.path });
    else if (nonRoot?.value === true || (typeof user?.value === 'number' && user.value > 0)) return;
    else if (nonRoot?.value === false) report({ messageId: 'nonRootDisabled', data, at: nonRoot.path });
    else report({ messageId: 'unset', data, at: containerNamePath(container) });
  },
});
