// An autoscaler whose minReplicas equals maxReplicas can never scale.
import { defineRule } from '../src/lint/define-rule.js';
import { hpaMinReplicas } from '../src/lint/hpa.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'hpa-min-equals-max',
    severity: 'warning',
    category: 'reliability',
    description: 'HorizontalPodAutoscaler has minReplicas equal to maxReplicas',
    rationale:
      'With minReplicas equal to maxReplicas (minReplicas defaults to 1) the autoscaler has no room: the workload runs a fixed count under any load, while the manifest suggests it scales. It is usually a leftover from testing or a values file that set only one of the two.',
    remediation: 'Raise maxReplicas above minReplicas, or remove the HorizontalPodAutoscaler and set replicas on the workload.',
    defaultOn: true,
    appliesTo: { target: 'object', kinds: ['HorizontalPodAutoscaler'] },
    messages: { fixed: 'minReplicas and maxReplicas are both {{replicas}}, so the autoscaler never scales' },
  },
  check(hpa, { report }) {
    const max = asRecord(hpa.value['spec'])?.['maxReplicas'];
    if (typeof max !== 'number' || hpaMinReplicas(hpa) !== max) return;
    report({ messageId: 'fixed', data: { replicas: max }, at: ['spec', 'maxReplicas'] });
  },
});
