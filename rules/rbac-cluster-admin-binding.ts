// A binding to cluster-admin gives its subjects every permission on every object of the cluster.
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'rbac-cluster-admin-binding',
    severity: 'warning',
    category: 'rbac',
    description: 'RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole',
    rationale:
      'The cluster-admin ClusterRole allows every verb on every resource. Bound by a ClusterRoleBinding it covers the whole cluster, including Secrets of every namespace and the RBAC objects themselves; bound by a RoleBinding it still covers everything in that namespace. A workload running with it turns any compromise into a cluster compromise. kube-linter (cluster-admin-role-binding) and Polaris (clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole) report the same.',
    remediation: 'Bind a Role or ClusterRole that lists only the resources and verbs the subjects need.',
    defaultOn: true,
    appliesTo: { target: 'object', kinds: ['ClusterRoleBinding', 'RoleBinding'] },
    messages: { clusterAdmin: '{{kind}} grants cluster-admin, every permission {{scope}}' },
  },
  check(binding, { report }) {
    const roleRef = asRecord(binding.value['roleRef']);
    if (roleRef?.['kind'] !== 'ClusterRole' || roleRef['name'] !== 'cluster-admin') return;
    const scope = binding.ref.kind === 'ClusterRoleBinding' ? 'in the whole cluster' : `in namespace "${binding.ref.namespace}"`;
    report({ messageId: 'clusterAdmin', data: { kind: binding.ref.kind, scope }, at: ['roleRef', 'name'] });
  },
});
