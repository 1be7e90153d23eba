// A Service whose selector matches no pod template in the inputs routes traffic nowhere.
import { defineRule } from '../src/lint/define-rule.js';
import { directoryHasWorkloads, hasCustomResources } from '../src/lint/evidence.js';
import { CUSTOM_RESOURCES, serviceSelector, WORKLOADS, type LintIndex } from '../src/lint/lint-index.js';
import { asRecord, type KubeObject } from '../src/model/object.js';
import { holdsSubstitution } from '../src/model/substitution.js';

/**
 * A workload of the namespace the Service is evidently meant for: named like it (web for web, or for web-external),
 * or carrying its name as a pod label value. Without one, the pods are most likely defined outside the inputs.
 */
function hasNamesake(index: LintIndex, service: KubeObject): boolean {
  const { name, namespace } = service.ref;
  return isNamedAfter(name, index.memo(`dangling-service\0${namespace}`, () => namesakesIn(index, namespace)));
}

/** Whether `name` is one of `names` or starts with one and a dash (web-external after web); `names` has no "". */
export function isNamedAfter(name: string, names: ReadonlySet<string>): boolean {
  if (names.has(name)) return true;
  for (let dash = name.indexOf('-'); dash >= 0; dash = name.indexOf('-', dash + 1)) if (names.has(name.slice(0, dash))) return true;
  return false;
}

/** The names a Service of the namespace is named after (it is, or starts with one and a dash): workload names and pod label values. */
function namesakesIn(index: LintIndex, namespace: string): ReadonlySet<string> {
  const names = new Set<string>();
  for (const workload of index.workloadsIn(namespace)) {
    names.add(workload.object.ref.name);
    for (const value of Object.values(workload.podLabels)) names.add(value);
  }
  names.delete('');
  return names;
}

export default defineRule({
  meta: {
    id: 'dangling-service',
    severity: 'warning',
    category: 'networking',
    description: 'Service selects no pod template of the inputs',
    rationale:
      'A Service whose selector matches no pods has no endpoints: clients get connection refused or time out, usually because of a typo in a label. To avoid reporting Services for pods defined elsewhere (kube-linter#179, kube-score#430), the rule runs only when the Service\'s own directory has workloads of its namespace and the namespace has no custom resources (an operator may create the pods; an Argo Rollout with a pod template is read as a workload); the workloads of that namespace in every input directory are then searched, so a Service in tests/ selecting pods of base/ is not reported when both are linted. Finally, a workload of the namespace must be the Service\'s evident target (named like the Service, as web for web or web-external, or carrying its name as a pod label value): then a selector that misses it is a typo, while without one the pods are most likely defined outside the inputs. Lint the repository root, not one directory of it, for the best results. Labels the API server and controllers add to each pod count as the pods will carry them: a StatefulSet\'s pod names and ordinals (statefulset.kubernetes.io/pod-name web-0 to web-2 for 3 replicas, apps.kubernetes.io/pod-index), a Job\'s job-name and completion index, an OpenShift DeploymentConfig\'s deploymentconfig; hashes such as pod-template-hash match any value. Services without a selector and ExternalName Services are not checked.',
    remediation: 'Make spec.selector match the labels of the pod template (spec.template.metadata.labels) of the workload that should receive the traffic.',
    defaultOn: true,
    queries: [WORKLOADS, CUSTOM_RESOURCES],
    appliesTo: { target: 'object', kinds: ['Service'] },
    messages: { noPods: 'Service selector {{selector}} matches no pod template of namespace "{{namespace}}" in the inputs' },
  },
  check(service, { index, report }) {
    const selector = serviceSelector(service);
    if (Object.keys(selector).length === 0 || asRecord(service.value['spec'])?.['type'] === 'ExternalName') return;
    if (!directoryHasWorkloads(index, service) || hasCustomResources(index, service.ref.namespace) || !hasNamesake(index, service)) return;
    // labels a substitution variable stands for, in the selector or a pod template, match what envsubst or Flux writes
    if (Object.values(selector).some(holdsSubstitution) || index.workloadsIn(service.ref.namespace).some((workload) => Object.keys(selector).some((key) => holdsSubstitution(workload.podLabels[key])))) return;
    if (index.workloadsSelectedBy(service.ref.namespace, selector).length > 0) return;
    const text = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
    report({ messageId: 'noPods', data: { selector: text, namespace: service.ref.namespace }, at: ['spec', 'selector'], on: 'key' });
  },
});
