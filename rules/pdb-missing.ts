// Without a PodDisruptionBudget a node drain may evict every replica at once.
import { AUTOSCALER_QUERIES } from '../src/lint/hpa.js';
import { defineRule } from '../src/lint/define-rule.js';
import { selectsSomePods } from '../src/lint/label-selector.js';
import { replicaCount } from '../src/lint/replicas.js';
import { directoryOf } from '../src/model/apply-namespace.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'pdb-missing',
    severity: 'warning',
    category: 'reliability',
    description: 'workload with several replicas has no PodDisruptionBudget, while its namespace has others',
    rationale:
      'Voluntary disruptions (node drains, cluster upgrades, autoscaler scale-downs) evict pods without regard for the service unless a PodDisruptionBudget limits how many may be down at once. Single-replica workloads are not checked (a budget there would block drains, kube-score#376), and neither are workloads whose replicas are unset (kube-score#536). The rule only runs when the workload\'s directory holds a PodDisruptionBudget of its namespace, showing the manifests are meant to carry them, or when the configuration names the rule.',
    remediation: 'Add a PodDisruptionBudget whose selector matches the pod labels, with maxUnavailable: 1 (or a minAvailable below the replica count).',
    defaultOn: true,
    queries: ['PodDisruptionBudget', ...AUTOSCALER_QUERIES],
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'DeploymentConfig', 'Rollout'] },
    messages: { missing: '{{kind}} runs {{replicas}} replicas but no PodDisruptionBudget selects its pods' },
  },
  check(workload, { index, isConfigured, report }) {
    const budgets = index.nearby('PodDisruptionBudget', workload.object);
    const directory = directoryOf(workload.object.file);
    if (!isConfigured && !budgets.some((pdb) => directoryOf(pdb.file) === directory)) return;
    const replicas = replicaCount(workload, index);
    if (!replicas || replicas.count < 2 || replicas.source === 'default') return;
    if (budgets.some((pdb) => selectsSomePods(asRecord(pdb.value['spec'])?.['selector'], workload))) return;
    report({ messageId: 'missing', data: { kind: workload.kind, replicas: replicas.count }, at: replicas.at, on: replicas.source === 'replicas' ? 'value' : 'key' });
  },
});
