// A fixed replicas field fights the HorizontalPodAutoscaler: every apply resets the scale it chose.
import { defineRule } from '../src/lint/define-rule.js';
import { AUTOSCALER_QUERIES, hpaScaling } from '../src/lint/hpa.js';

export default defineRule({
  meta: {
    id: 'hpa-replicas',
    severity: 'warning',
    category: 'reliability',
    description: 'workload scaled by a HorizontalPodAutoscaler (or a KEDA ScaledObject) also sets replicas',
    rationale:
      'When a HorizontalPodAutoscaler manages a Deployment, StatefulSet, DeploymentConfig or Argo Rollout, every kubectl apply or GitOps sync that carries spec.replicas resets the scale to that number, so a scaled-out workload is scaled back in until the autoscaler reacts again.',
    remediation: 'Remove spec.replicas from the manifest and let the HorizontalPodAutoscaler\'s minReplicas and maxReplicas decide.',
    defaultOn: true,
    queries: [...AUTOSCALER_QUERIES],
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'DeploymentConfig', 'Rollout'] },
    messages: { fixed: 'replicas is set, but {{scaler}} "{{hpa}}" scales this {{kind}}' },
  },
  check(workload, { index, report }) {
    if (!workload.object.has(['spec', 'replicas'])) return;
    const hpa = hpaScaling(index, workload);
    if (hpa) report({ messageId: 'fixed', data: { scaler: hpa.ref.kind === 'ScaledObject' ? 'KEDA ScaledObject' : 'HorizontalPodAutoscaler', hpa: hpa.ref.name, kind: workload.kind }, at: ['spec', 'replicas'], on: 'key' });
  },
});
