// Without cpu and memory requests the scheduler places pods blind and the pod gets the BestEffort/Burstable guess.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { containerDefaults } from '../src/lint/limit-range.js';
import { containerResources, defaultedRequest, isNonZero, isSet, podLevelResources } from '../src/lint/resources.js';

const RESOURCES = ['cpu', 'memory'] as const;

export default defineRule({
  meta: {
    id: 'requests-missing',
    severity: 'warning',
    category: 'resources',
    description: 'container has no cpu or no memory request',
    rationale:
      'The scheduler places pods by their requests only. A container without requests is counted as needing nothing, so nodes get overcommitted and the pod is the first to be evicted under pressure. A limit without a request is fine: the API server copies the limit into the request. A request of 0 (or a limit of 0 copied into it) is no request: the QoS class counts only positive amounts, as kube-score and kube-linter do. Pod-level spec.resources (PodLevelResources, on by default since 1.34) cover every container, and so does a default from a LimitRange that shares the namespace (see the README on namespace-less objects).',
    remediation: 'Set resources.requests.cpu and resources.requests.memory to what the container needs under normal load.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { missing: 'container "{{container}}" has no {{resources}} request' },
  },
  check(container, { workload, index, report }) {
    const own = containerResources(container);
    const defaults = containerDefaults(index, workload.object);
    const pod = podLevelResources(workload);
    const isCovered = (name: string) => {
      const request = defaultedRequest(own, name);
      return isNonZero(request) || isNonZero(defaultedRequest(pod, name)) || (!isSet(request) && defaults.requests.has(name));
    };
    const missing = RESOURCES.filter((name) => !isCovered(name));
    if (missing.length === 0) return;
    report({ messageId: 'missing', data: { container: containerLabel(container), resources: missing.join(' or ') }, at: containerNamePath(container) });
  },
});
