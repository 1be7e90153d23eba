// One replica means every rollout, node drain or crash is an outage.
import { AUTOSCALER_QUERIES, autoscalerMinimumText } from '../src/lint/hpa.js';
import { defineRule } from '../src/lint/define-rule.js';
import { replicaCount } from '../src/lint/replicas.js';

export default defineRule({
  meta: {
    id: 'single-replica',
    severity: 'warning',
    category: 'reliability',
    description: 'Deployment, StatefulSet, DeploymentConfig or Argo Rollout runs a single replica',
    rationale:
      'With one pod, a node drain, an eviction, a crash or a rollout that fails its readiness check takes the service down. Unset replicas means one. A HorizontalPodAutoscaler in the inputs that targets the workload decides instead, through its minReplicas, and so does a KEDA ScaledObject, through its minReplicaCount (KEDA makes the HPA). Workloads scaled to zero on purpose are not reported. The minReplicas option raises the bar, for example to 3 for quorum-based services.',
    remediation: 'Set replicas to 2 or more (or minReplicas on its HorizontalPodAutoscaler), and spread the pods over nodes.',
    defaultOn: true,
    queries: [...AUTOSCALER_QUERIES],
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'DeploymentConfig', 'Rollout'] },
    messages: {
      single: '{{kind}} runs a single replica',
      defaulted: '{{kind}} runs a single replica (replicas is not set and defaults to 1)',
      hpa: '{{kind}} may scale down to a single replica ({{minimum}})',
      fewReplicas: '{{kind}} runs {{replicas}} replicas, fewer than the {{minReplicas}} the configuration asks for',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { minReplicas: { type: 'integer', minimum: 2, description: 'Fewest replicas (or HorizontalPodAutoscaler minReplicas) a workload should run.' } },
      },
      defaults: { minReplicas: 2 },
    },
  },
  check(workload, { index, options, report }) {
    const replicas = replicaCount(workload, index);
    if (!replicas || replicas.count === 0 || replicas.count >= options.minReplicas) return;
    const on = replicas.source === 'replicas' ? 'value' : 'key';
    if (replicas.count > 1) {
      report({ messageId: 'fewReplicas', data: { kind: workload.kind, replicas: replicas.count, minReplicas: options.minReplicas }, at: replicas.at, on });
      return;
    }
    const messageId = replicas.source === 'replicas' ? 'single' : replicas.source === 'default' ? 'defaulted' : 'hpa';
    const data: Record<string, string> = replicas.scaler ? { kind: workload.kind, minimum: autoscalerMinimumText(replicas.scaler) } : { kind: workload.kind };
    report({ messageId, data, at: replicas.at, on });
  },
});
