// One replica means every rollout, node drain or crash is an outage.
import { defineRule } from '../src/lint/define-rule.js';
import { replicaCount } from '../src/lint/replicas.js';

export default defineRule({
  meta: {
    id: 'single-replica',
    severity: 'warning',
    category: 'reliability',
    description: 'Deployment, StatefulSet or DeploymentConfig runs a single replica',
    rationale:
      'With one pod, a node drain, an eviction, a crash or a rollout that fails its readiness check takes the service down. Unset replicas means one. A HorizontalPodAutoscaler in the inputs that targets the workload decides instead, through its minReplicas. Workloads scaled to zero on purpose are not reported.',
    remediation: 'Set replicas to 2 or more (or minReplicas on its HorizontalPodAutoscaler), and spread the pods over nodes.',
    defaultOn: true,
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'DeploymentConfig'] },
    messages: {
      single: '{{kind}} runs a single replica',
      defaulted: '{{kind}} runs a single replica (replicas is not set and defaults to 1)',
      hpa: '{{kind}} may scale down to a single replica (minReplicas of its HorizontalPodAutoscaler)',
    },
  },
  check(workload, { index, report }) {
    const replicas = replicaCount(workload, index);
    if (replicas.count !== 1) return;
    const messageId = replicas.source === 'replicas' ? 'single' : replicas.source === 'default' ? 'defaulted' : 'hpa';
    report({ messageId, data: { kind: workload.kind }, at: replicas.at, on: replicas.source === 'replicas' ? 'value' : 'key' });
  },
});
