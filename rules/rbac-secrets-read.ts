// Reading Secrets in every namespace reads every credential of the cluster, ServiceAccount tokens included.
import { defineRule } from '../src/lint/define-rule.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { entriesOf, isAggregated, policyRules } from '../src/lint/rbac.js';
import { asRecord, isKnownAs, type KubeObject } from '../src/model/object.js';

const READ_VERBS = ['get', 'list', 'watch', '*'];

/** Bound only by RoleBindings in the inputs: the grant is per namespace, not cluster-wide. */
function isOnlyNamespaced(index: LintIndex, role: KubeObject): boolean {
  const refersToRole = (binding: KubeObject) => {
    const roleRef = asRecord(binding.value['roleRef']);
    const name = roleRef?.['name'];
    return roleRef?.['kind'] === 'ClusterRole' && typeof name === 'string' && isKnownAs(role, name);
  };
  return index.ofKind('RoleBinding').some(refersToRole) && !index.ofKind('ClusterRoleBinding').some(refersToRole);
}

export default defineRule({
  meta: {
    id: 'rbac-secrets-read',
    severity: 'warning',
    category: 'rbac',
    description: 'ClusterRole lets its subjects read Secrets in every namespace',
    rationale:
      'The verbs get, list or watch on secrets in a ClusterRole bound cluster-wide reads every password, TLS key and token of the cluster; list and watch return the values too. kube-linter reports it as access-to-secrets. Wildcard resources are left to rbac-wildcard. A ClusterRole bound only by RoleBindings in the inputs grants it per namespace and is not reported, nor are rules limited by resourceNames and aggregated ClusterRoles. Off by default (on in kubefit:strict): controllers that manage certificates or credentials need it.',
    remediation: 'Use a Role in the namespaces that hold the Secrets, limit the rule with resourceNames, or mount the one Secret the workload needs instead of reading it through the API.',
    defaultOn: false,
    queries: ['RoleBinding', 'ClusterRoleBinding'],
    appliesTo: { target: 'object', kinds: ['ClusterRole'] },
    messages: { readSecrets: 'ClusterRole allows {{verb}} on secrets in every namespace' },
  },
  check(role, { index, report }) {
    if (isAggregated(role) || isOnlyNamespaced(index, role)) return;
    for (const rule of policyRules(role)) {
      const isCore = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
      if (!isCore || rule.resourceNames.length > 0 || !rule.resources.includes('secrets')) continue;
      const [verb] = entriesOf(rule, 'verbs', READ_VERBS);
      if (verb) report({ messageId: 'readSecrets', data: { verb: verb.value }, at: verb.at });
    }
  },
});
