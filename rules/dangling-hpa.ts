// A HorizontalPodAutoscaler whose scaleTargetRef names no workload scales nothing and reports FailedGetScale.
import { WORKLOADS } from '../src/lint/lint-index.js';
import { defineRule } from '../src/lint/define-rule.js';
import { directoryHasWorkloads } from '../src/lint/evidence.js';
import { POD_KINDS, type PodKind } from '../src/model/kinds.js';
import { asRecord } from '../src/model/object.js';
import { holdsSubstitution } from '../src/model/substitution.js';

export default defineRule({
  meta: {
    id: 'dangling-hpa',
    severity: 'warning',
    category: 'reliability',
    description: 'HorizontalPodAutoscaler scaleTargetRef names a workload the inputs do not define',
    rationale:
      'An autoscaler whose target does not exist never scales anything: the controller reports FailedGetScale and the workload it was meant for keeps its fixed replica count under load. The target is looked up by kind and name in the autoscaler\'s namespace, in every input directory. The rule runs only when the autoscaler\'s own directory defines workloads of its namespace, and only for built-in workload kinds (a custom resource with a scale subresource, an Argo Rollout too, may be created elsewhere).',
    remediation: 'Correct scaleTargetRef (kind, name and apiVersion) to name the Deployment or StatefulSet to scale, or add it to the manifests.',
    defaultOn: true,
    queries: [WORKLOADS],
    appliesTo: { target: 'object', kinds: ['HorizontalPodAutoscaler'] },
    messages: { noTarget: 'scaleTargetRef names {{kind}} "{{name}}", which is not defined in namespace "{{namespace}}" of the inputs' },
  },
  check(hpa, { index, report }) {
    const target = asRecord(asRecord(hpa.value['spec'])?.['scaleTargetRef']);
    const kind = target?.['kind'];
    const name = target?.['name'];
    if (typeof kind !== 'string' || typeof name !== 'string' || holdsSubstitution(name) || !Object.hasOwn(POD_KINDS, kind) || POD_KINDS[kind as PodKind].customResource) return;
    const { namespace } = hpa.ref;
    if (!directoryHasWorkloads(index, hpa) || index.named(kind, name, hpa)) return;
    report({ messageId: 'noTarget', data: { kind, name, namespace }, at: ['spec', 'scaleTargetRef', 'name'] });
  },
});
