// Memory cannot be throttled: a container without a memory limit can take the node's memory until something is killed.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { containerDefaults } from '../src/lint/limit-range.js';
import { containerResources, isNonZero, isSet, podLevelResources } from '../src/lint/resources.js';

export default defineRule({
  meta: {
    id: 'memory-limit-missing',
    severity: 'warning',
    category: 'resources',
    description: 'container has no memory limit',
    rationale:
      'Unlike cpu, memory cannot be throttled. A container without a memory limit can grow until the node runs out of memory, and then the kernel or the kubelet kills whatever it picks, often other pods. A pod-level memory limit (spec.resources.limits.memory, PodLevelResources) caps every container, and a default limit from a LimitRange that shares the namespace counts when the inputs contain one. A limit of 0 is none: the kubelet sets no memory limit for it, as kube-score and kube-linter read it.',
    remediation: 'Set resources.limits.memory, usually equal to or a little above the memory request.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { missing: 'container "{{container}}" has no memory limit' },
  },
  check(container, { workload, index, report }) {
    const { limits } = containerResources(container);
    if (isNonZero(limits['memory']) || isNonZero(podLevelResources(workload).limits['memory'])) return;
    if (!isSet(limits['memory']) && containerDefaults(index, workload.object).limits.has('memory')) return;
    report({ messageId: 'missing', data: { container: containerLabel(container) }, at: containerNamePath(container) });
  },
});
