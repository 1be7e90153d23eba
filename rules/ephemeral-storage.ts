// A container without an ephemeral-storage limit can fill the node's disk and get every pod on it evicted.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { containerDefaults } from '../src/lint/limit-range.js';
import { containerResources, isSet } from '../src/lint/resources.js';

export default defineRule({
  meta: {
    id: 'ephemeral-storage',
    severity: 'info',
    category: 'resources',
    description: 'container has no ephemeral-storage request or limit',
    rationale:
      'Logs, emptyDir volumes and the writable container layer use the node\'s disk. Without a request the scheduler does not count it; without a limit one container can fill the disk until the kubelet evicts pods under DiskPressure, starting with those that exceed their requests. kube-linter offers the same check (ephemeral-storage-requirements template). LimitRange defaults that share the namespace count; pod-level `spec.resources` do not, since the API server accepts only cpu, memory and hugepages there (SupportedPodLevelResources). Off by default (on in kubefit:strict): most clusters manage disk by node size.',
    remediation: 'Set resources.requests["ephemeral-storage"] and resources.limits["ephemeral-storage"] to what the container writes to local disk.',
    defaultOn: false,
    queries: ['LimitRange'],
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { missing: 'container "{{container}}" has no ephemeral-storage {{fields}}' },
  },
  check(container, { workload, index, report }) {
    const own = containerResources(container);
    const defaults = containerDefaults(index, workload.object);
    const hasRequest = [own.requests, own.limits].some((map) => isSet(map['ephemeral-storage'])) || defaults.requests.has('ephemeral-storage');
    const hasLimit = isSet(own.limits['ephemeral-storage']) || defaults.limits.has('ephemeral-storage');
    const fields = [...(hasRequest ? [] : ['request']), ...(hasLimit ? [] : ['limit'])].join(' or ');
    if (fields !== '') report({ messageId: 'missing', data: { container: containerLabel(container), fields }, at: containerNamePath(container) });
  },
});
