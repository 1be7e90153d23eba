// A long-running container without a livenessProbe is never restarted when it hangs.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isLongRunning, LONG_RUNNING_KINDS } from '../src/lint/long-running.js';
import { isSet } from '../src/lint/resources.js';

export default defineRule({
  meta: {
    id: 'liveness-probe',
    severity: 'warning',
    category: 'probes',
    description: 'regular container of a long-running workload has no livenessProbe',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its process exits; a deadlocked or wedged process keeps its pod Running and keeps receiving work. Init and ephemeral containers, Jobs, CronJobs and Pods that run to completion are not checked because they are not meant to run forever.',
    remediation:
      'Add a livenessProbe that fails only when the process cannot recover by itself (for example an httpGet on a cheap health endpoint), with a failureThreshold generous enough not to kill a slow but healthy container.',
    defaultOn: true,
    appliesTo: { target: 'container', kinds: LONG_RUNNING_KINDS, containerTypes: ['container'] },
    messages: { missing: 'container "{{container}}" has no livenessProbe' },
  },
  check(container, { workload, report }) {
    if (isSet(container.value['livenessProbe']) || !isLongRunning(workload)) return;
    report({ messageId: 'missing', data: { container: containerLabel(container) }, at: containerNamePath(container) });
  },
});
