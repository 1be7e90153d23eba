// A hostPort binds the container to a port of the node: one pod per node, and traffic that bypasses Services.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'host-port',
    severity: 'warning',
    category: 'networking',
    description: 'container port is bound to a port of the node (hostPort)',
    rationale:
      'A hostPort exposes the container on the node\'s address, outside Services and most NetworkPolicies, and only one pod per node can take a given hostPort, so extra replicas stay Pending. With hostNetwork the field only repeats containerPort, so such pods are left to host-network.',
    remediation: 'Remove hostPort and expose the container through a Service (NodePort or LoadBalancer if it must be reachable from outside).',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { hostPort: 'container "{{container}}" binds hostPort {{port}}' },
  },
  check(container, { workload, report }) {
    if (workload.podSpec['hostNetwork'] === true) return;
    asArray(container.value['ports']).forEach((entry, index) => {
      const port = asRecord(entry)?.['hostPort'];
      if (typeof port !== 'number' || port === 0) return;
      report({ messageId: 'hostPort', data: { container: containerLabel(container), port }, at: container.path.concat('ports', index, 'hostPort') });
    });
  },
});
