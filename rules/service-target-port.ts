// A named targetPort that the selected pods do not declare leaves the Service without endpoints for that port.
import { defineRule } from '../src/lint/define-rule.js';
import { serviceSelector, WORKLOADS } from '../src/lint/lint-index.js';
import { isNameLike } from '../src/lint/object-name.js';
import { sharesNamespace } from '../src/model/apply-namespace.js';
import { asArray, asRecord } from '../src/model/object.js';
import { isRegularOrSidecar } from '../src/model/workload.js';

/** A port's protocol, TCP when unset (the API server's default for container and Service ports alike). */
function protocolOf(port: Readonly<Record<string, unknown>> | undefined): string {
  const protocol = port?.['protocol'];
  return typeof protocol === 'string' ? protocol : 'TCP';
}

export default defineRule({
  meta: {
    id: 'service-target-port',
    severity: 'error',
    category: 'networking',
    description: 'Service targetPort names a port that the selected pods do not declare (with the Service port\'s protocol)',
    rationale:
      'A targetPort given by name is resolved in the ports of each selected pod\'s regular containers and sidecars (init containers with restartPolicy: Always; a plain init container has exited before the pod serves), among those of the Service port\'s protocol (TCP unless set, on both sides); a pod without such a port is left out of the port\'s endpoints, so traffic to it fails (upstream: pkg/api/v1/pod/util.go FindPort). Only Services that select a workload of the inputs are checked (for objects without metadata.namespace: a workload in the same directory tree, see the README), and only named target ports: a container may listen on numbers it does not declare. Template placeholders (${PORT}) are not port names.',
    remediation: 'Use the name of a container port of the selected pods (ports[].name) with the same protocol, or the port number.',
    defaultOn: true,
    queries: [WORKLOADS],
    appliesTo: { target: 'object', kinds: ['Service'] },
    messages: {
      unknownName: 'targetPort "{{port}}" is not the name of any container port of the selected pods ({{workload}})',
      otherProtocol: 'targetPort "{{port}}" names a {{declared}} container port of the selected pods ({{workload}}), and this Service port is {{protocol}}: it gets no endpoints',
    },
  },
  check(service, { index, report }) {
    const selector = serviceSelector(service);
    if (Object.keys(selector).length === 0) return;
    // only the pods that land in the Service's namespace with it: a sample elsewhere without metadata.namespace may go anywhere
    const selected = index.workloadsSelectedBy(service.ref.namespace, selector).filter((workload) => sharesNamespace(workload.object, service));
    if (selected.length === 0) return;
    // each port name with the protocols it is declared with (TCP when unset)
    const protocols = new Map<string, Set<string>>();
    for (const container of selected.flatMap((workload) => workload.containers).filter(isRegularOrSidecar)) {
      for (const declared of asArray(container.value['ports']).map(asRecord)) {
        const name = declared?.['name'];
        if (typeof name === 'string') protocols.set(name, (protocols.get(name) ?? new Set()).add(protocolOf(declared)));
      }
    }
    // one name per workload, however many files define it (rendered copies of one chart)
    const workload = [...new Set(selected.map((w) => `${w.kind} ${w.object.ref.name}`))].join(', ');
    asArray(asRecord(service.value['spec'])?.['ports']).forEach((entry, index) => {
      const port = asRecord(entry)?.['targetPort'];
      if (typeof port !== 'string' || /^\d+$/.test(port) || !isNameLike(port)) return;
      const at = ['spec', 'ports', index, 'targetPort'];
      const declared = protocols.get(port);
      const protocol = protocolOf(asRecord(entry));
      if (!declared) report({ messageId: 'unknownName', data: { port, workload }, at });
      else if (!declared.has(protocol)) report({ messageId: 'otherProtocol', data: { port, workload, protocol, declared: [...declared].sort().join('/') }, at });
    });
  },
});
