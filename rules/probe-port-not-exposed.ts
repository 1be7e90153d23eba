// A probe that names a port the container does not declare can never succeed: the kubelet cannot resolve the name.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    severity: 'error',
    category: 'probes',
    description: 'probe refers to a named port the container does not declare',
    rationale:
      'A probe may name its port instead of giving a number; the kubelet then looks the name up in the container\'s own ports. When no port has that name the probe fails every time, so the pod never becomes ready (readiness, startup) or is restarted in a loop (liveness). Numeric ports are not checked: a container may listen on ports it does not declare.',
    remediation: 'Use the name of one of the container\'s ports (ports[].name), or give the port number.',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { unknownName: '{{probe}} of container "{{container}}" uses port "{{port}}", which the container does not declare' },
  },
  check(container, { report }) {
    const names = new Set(asArray(container.value['ports']).map((entry) => asRecord(entry)?.['name']));
    for (const probe of PROBES) {
      for (const handler of HANDLERS) {
        const port = asRecord(asRecord(container.value[probe])?.[handler])?.['port'];
        if (typeof port !== 'string' || names.has(port) || /^\d+$/.test(port)) continue;
        report({ messageId: 'unknownName', data: { probe, container: containerLabel(container), port }, at: [...container.path, probe, handler, 'port'] });
      }
    }
  },
});
