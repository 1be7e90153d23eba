// Ports below 1024 need NET_BIND_SERVICE or root inside the container.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'privileged-ports',
    severity: 'warning',
    category: 'security',
    description: 'container listens on a privileged port (below 1024)',
    rationale:
      'Binding a port below 1024 requires root or the NET_BIND_SERVICE capability inside the container, which works against running as non-root with all capabilities dropped. Off by default: many images still listen on 80.',
    remediation: 'Make the process listen on a port of 1024 or above and map the well-known port in the Service (port: 80, targetPort: 8080).',
    defaultOn: false,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { privileged: 'container "{{container}}" listens on privileged port {{port}}' },
  },
  check(container, { report }) {
    asArray(container.value['ports']).forEach((entry, index) => {
      const port = asRecord(entry)?.['containerPort'];
      if (typeof port !== 'number' || port <= 0 || port >= 1024) return;
      report({ messageId: 'privileged', data: { container: containerLabel(container), port }, at: container.path.concat('ports', index, 'containerPort') });
    });
  },
});
