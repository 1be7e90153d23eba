// Replicas the scheduler may put on one node all go down with that node.
import { defineRule } from '../src/lint/define-rule.js';
import { replicaCount } from '../src/lint/replicas.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'pod-anti-affinity',
    severity: 'warning',
    category: 'reliability',
    description: 'workload with several replicas has neither pod anti-affinity nor topology spread constraints',
    rationale:
      'The default scheduler spreads replicas only as a soft preference, after resources and other scores, so several replicas can end up on one node or in one zone and fail together. A podAntiAffinity term or a topologySpreadConstraint makes the spread explicit. Only workloads with at least two replicas (or an HorizontalPodAutoscaler minReplicas of two or more) are checked.',
    remediation: 'Add a topologySpreadConstraint on kubernetes.io/hostname (and topology.kubernetes.io/zone), or a preferred podAntiAffinity term, selecting the workload\'s own pod labels.',
    defaultOn: true,
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig'] },
    messages: { notSpread: '{{kind}} runs {{replicas}} replicas with neither podAntiAffinity nor topologySpreadConstraints' },
  },
  check(workload, { index, report }) {
    const replicas = replicaCount(workload, index);
    if (replicas.count < 2) return;
    const affinity = asRecord(asRecord(workload.podSpec['affinity'])?.['podAntiAffinity']);
    if (affinity || asArray(workload.podSpec['topologySpreadConstraints']).length > 0) return;
    report({ messageId: 'notSpread', data: { kind: workload.kind, replicas: replicas.count }, at: replicas.at, on: replicas.source === 'replicas' ? 'value' : 'key' });
  },
});
