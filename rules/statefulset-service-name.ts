// A StatefulSet's pods get their stable DNS names from its governing headless Service.
import { defineRule } from '../src/lint/define-rule.js';
import { selectsPods } from '../src/lint/label-selector.js';
import { serviceSelector } from '../src/lint/lint-index.js';
import { asRecord } from '../src/model/object.js';
import { holdsSubstitution } from '../src/model/substitution.js';
import type { Workload } from '../src/model/workload.js';

/**
 * Whether the governing Service's endpoints include the StatefulSet's pods, which is where their per-pod DNS names
 * come from: the pod's hostname is published only in the endpoints of the Service it selects. A selector-less
 * Service (endpoints kept by hand) or a selector a substitution variable fills is given the benefit of the doubt.
 */
// upstream: pkg/controller/statefulset/stateful_set_utils.go updateIdentity (Subdomain = serviceName);
// pkg/controller/endpointslice utils.go podToEndpoint (Hostname only when pod.Spec.Subdomain == svc.Name)
function isSelectedBy(selector: Readonly<Record<string, string>>, workload: Workload): boolean {
  const values = Object.values(selector);
  return values.length === 0 || values.some(holdsSubstitution) || Object.values(workload.podLabels).some(holdsSubstitution) || selectsPods(selector, workload);
}

export default defineRule({
  meta: {
    id: 'statefulset-service-name',
    severity: 'warning',
    category: 'networking',
    description: 'StatefulSet serviceName names no headless Service of the inputs, or one that does not select its pods',
    rationale:
      'The pods of a StatefulSet get their stable network identity (pod-0.service.namespace.svc) from the headless Service named in spec.serviceName. When that Service does not exist, the per-pod DNS names do not resolve and peers cannot find each other; when it has a cluster IP, the Kubernetes DNS specification defines no per-pod records for it (CoreDNS happens to answer them, other DNS providers need not); and when its selector does not select the StatefulSet\'s pods, its endpoints, and so the per-pod names, do not include them (kube-score\'s statefulset-has-servicename asks the same). A Service without a selector (its endpoints kept by hand) is not checked for it. A missing Service is reported only when the inputs define other Services that share the namespace (for objects without metadata.namespace: in the same directory tree).',
    remediation: 'Add a Service named like spec.serviceName with clusterIP: None and a selector matching the StatefulSet\'s pods, or correct serviceName.',
    defaultOn: true,
    queries: ['Service'],
    appliesTo: { target: 'podSpec', kinds: ['StatefulSet'] },
    messages: {
      missing: 'serviceName "{{name}}" names no Service in namespace "{{namespace}}" of the inputs',
      notHeadless: 'Service "{{name}}" named by serviceName is not headless (clusterIP: None)',
      notSelecting: 'Service "{{name}}" named by serviceName does not select the pods of this StatefulSet, so they get no per-pod DNS names',
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
    } else if (!isSelectedBy(serviceSelector(service), workload)) {
      report({ messageId: 'notSelecting', data: { name }, at });
    }
  },
});
