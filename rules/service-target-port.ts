// A named targetPort that the selected pods do not declare leaves the Service without endpoints for that port.
import { defineRule } from '../src/lint/define-rule.js';
import { serviceSelector, sharesNamespace, WORKLOADS } from '../src/lint/lint-index.js';
import { isNameLike } from '../src/lint/object-name.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'service-target-port',
    severity: 'error',
    category: 'networking',
    description: 'Service targetPort names a port that the selected pods do not declare',
    rationale:
      'A targetPort given by name is resolved in each selected pod\'s container ports; a pod without a port of that name is left out of the port\'s endpoints, so traffic to it fails. Only Services that select a workload of the inputs are checked (for objects without metadata.namespace: a workload in the same directory tree, see the README), and only named target ports: a container may listen on numbers it does not declare. Template placeholders (${PORT}) are not port names.',
    remediation: 'Use the name of a container port of the selected pods (ports[].name), or the port number.',
    defaultOn: true,
    queries: [WORKLOADS],
    appliesTo: { target: 'object', kinds: ['Service'] },
    messages: { unknownName: 'targetPort "{{port}}" is not the name of any container port of the selected pods ({{workload}})' },
  },
  check(service, { index, report }) {
    const selector = serviceSelector(service);
    if (Object.keys(selector).length === 0) return;
    // only the pods that land in the Service's namespace with it: a sample elsewhere without metadata.namespace may go anywhere
    const selected = index.workloadsSelectedBy(service.ref.namespace, selector).filter((workload) => sharesNamespace(workload.object, service));
    if (selected.length === 0) return;
    const names = new Set(selected.flatMap((workload) => workload.containers.flatMap((container) => asArray(container.value['ports']).map((port) => asRecord(port)?.['name']))));
    asArray(asRecord(service.value['spec'])?.['ports']).forEach((entry, index) => {
      const port = asRecord(entry)?.['targetPort'];
      if (typeof port !== 'string' || /^\d+$/.test(port) || names.has(port) || !isNameLike(port)) return;
      report({ messageId: 'unknownName', data: { port, workload: selected.map((workload) => `${workload.kind} ${workload.object.ref.name}`).join(', ') }, at: ['spec', 'ports', index, 'targetPort'] });
    });
  },
});
