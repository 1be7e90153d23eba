// A Service whose selector matches no pod template in the inputs routes traffic nowhere.
import { defineRule } from '../src/lint/define-rule.js';
import { selectsLabels } from '../src/lint/label-selector.js';
import { serviceSelector, type LintIndex } from '../src/lint/lint-index.js';
import { groupOf } from '../src/model/kinds.js';
import { asRecord } from '../src/model/object.js';

interface NamespaceFacts {
  readonly podLabels: readonly Readonly<Record<string, string>>[];
  /** Custom resources (operators, Argo Rollouts, ...) may create the pods a Service selects. */
  readonly hasCustomResources: boolean;
}

function namespaceFacts(index: LintIndex, namespace: string): NamespaceFacts {
  return index.memo(`dangling-service:${namespace}`, () => ({
    podLabels: index.workloads.filter((workload) => workload.object.ref.namespace === namespace).map((workload) => workload.podLabels),
    hasCustomResources: index.objects.some((object) => object.ref.namespace === namespace && isCustomResource(object.ref.apiVersion)),
  }));
}

function isCustomResource(apiVersion: string): boolean {
  const group = groupOf(apiVersion);
  return group.includes('.') && !group.endsWith('.k8s.io');
}

export default defineRule({
  meta: {
    id: 'dangling-service',
    severity: 'warning',
    category: 'networking',
    description: 'Service selects no pod template of the inputs',
    rationale:
      'A Service whose selector matches no pods has no endpoints: clients get connection refused or time out, usually because of a typo in a label. To avoid reporting Services for pods defined elsewhere (kube-linter#179, kube-score#430), the rule runs only when the Service\'s namespace has workloads in the inputs and no custom resources (an operator or an Argo Rollout may create the pods). Services without a selector and ExternalName Services are not checked.',
    remediation: 'Make spec.selector match the labels of the pod template (spec.template.metadata.labels) of the workload that should receive the traffic.',
    defaultOn: true,
    appliesTo: { target: 'object', kinds: ['Service'] },
    messages: { noPods: 'Service selector {{selector}} matches no pod template in namespace "{{namespace}}"' },
  },
  check(service, { index, report }) {
    const selector = serviceSelector(service);
    if (Object.keys(selector).length === 0 || asRecord(service.value['spec'])?.['type'] === 'ExternalName') return;
    const facts = namespaceFacts(index, service.ref.namespace);
    if (facts.podLabels.length === 0 || facts.hasCustomResources) return;
    if (facts.podLabels.some((labels) => selectsLabels(selector, labels))) return;
    const text = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
    report({ messageId: 'noPods', data: { selector: text, namespace: service.ref.namespace }, at: ['spec', 'selector'], on: 'key' });
  },
});
