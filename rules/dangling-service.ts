// A Service whose selector matches no pod template in the inputs routes traffic nowhere.
import { defineRule } from '../src/lint/define-rule.js';
import { directoryHasWorkloads, hasCustomResources } from '../src/lint/evidence.js';
import { serviceSelector } from '../src/lint/lint-index.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'dangling-service',
    severity: 'warning',
    category: 'networking',
    description: 'Service selects no pod template of the inputs',
    rationale:
      'A Service whose selector matches no pods has no endpoints: clients get connection refused or time out, usually because of a typo in a label. To avoid reporting Services for pods defined elsewhere (kube-linter#179, kube-score#430), the rule runs only when the Service\'s own directory has workloads of its namespace and the namespace has no custom resources (an operator or an Argo Rollout may create the pods); the workloads of that namespace in every input directory are then searched, so a Service in tests/ selecting pods of base/ is not reported when both are linted. Lint the repository root, not one directory of it, for the best results. Selector keys that controllers add to each pod, such as statefulset.kubernetes.io/pod-name, are ignored. Services without a selector and ExternalName Services are not checked.',
    remediation: 'Make spec.selector match the labels of the pod template (spec.template.metadata.labels) of the workload that should receive the traffic.',
    defaultOn: true,
    appliesTo: { target: 'object', kinds: ['Service'] },
    messages: { noPods: 'Service selector {{selector}} matches no pod template of namespace "{{namespace}}" in the inputs' },
  },
  check(service, { index, report }) {
    const selector = serviceSelector(service);
    if (Object.keys(selector).length === 0 || asRecord(service.value['spec'])?.['type'] === 'ExternalName') return;
    if (!directoryHasWorkloads(index, service) || hasCustomResources(index, service.ref.namespace)) return;
    if (index.workloadsSelectedBy(service.ref.namespace, selector).length > 0) return;
    const text = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
    report({ messageId: 'noPods', data: { selector: text, namespace: service.ref.namespace }, at: ['spec', 'selector'], on: 'key' });
  },
});
