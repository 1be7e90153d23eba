// A StatefulSet's pods get their stable DNS names from its governing headless Service.
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord } from '../src/model/object.js';
import { holdsSubstitution } from '../src/model/substitution.js';

export default defineRule({
  meta: {
    id: 'statefulset-service-name',
    severity: 'warning',
    category: 'networking',
    description: 'StatefulSet serviceName names no headless Service of the inputs',
    rationale:
      'The pods of a StatefulSet get their stable network identity (pod-0.service.namespace.svc) from the headless Service named in spec.serviceName. When that Service does not exist, the per-pod DNS names do not resolve and peers cannot find each other; when it has a cluster IP, the Kubernetes DNS specification defines no per-pod records for it (CoreDNS happens to answer them, other DNS providers need not). A missing Service is reported only when the inputs define other Services that share the namespace (for objects without metadata.namespace: in the same directory tree).',
    remediation: 'Add a Service named like spec.serviceName with clusterIP: None and a selector matching the StatefulSet\'s pods, or correct serviceName.',
    defaultOn: true,
    queries: ['Service'],
    appliesTo: { target: 'podSpec', kinds: ['StatefulSet'] },
    messages: {
      missing: 'serviceName "{{name}}" names no Service in namespace "{{namespace}}" of the inputs',
      notHeadless: 'Service "{{name}}" named by serviceName is not headless (clusterIP: None)',
    },
  },
  check(workload, { index, report }) {
    const name = asRecord(workload.object.value['spec'])?.['serviceName'];
    // a name a substitution variable stands for (`${SVC_NAME}`) is envsubst's or Flux's, unknown here
    if (typeof name !== 'string' || name === '' || holdsSubstitution(name)) return;
    const namespace = workload.object.ref.namespace;
    const service = index.named('Service', name, workload.object);
    const at = ['spec', 'serviceName'];
    if (!service) {
      if (index.nearby('Service', workload.object).length > 0) report({ messageId: 'missing', data: { name, namespace }, at });
    } else if (asRecord(service.value['spec'])?.['clusterIP'] !== 'None') {
      report({ messageId: 'notHeadless', data: { name }, at });
    }
  },
});
