// pods/exec and pods/attach run commands inside any pod the role reaches, with that pod's credentials.
import { defineRule } from '../src/lint/define-rule.js';
import { entriesOf, isAggregated, policyRules, ROLE_KINDS, subresourceEntries } from '../src/lint/rbac.js';

/** Exec and attach are create on the subresource (and get, for clients that still use a GET upgrade). */
const EXEC_VERBS = ['create', 'get', '*'];

export default defineRule({
  meta: {
    id: 'rbac-pod-exec',
    severity: 'warning',
    category: 'rbac',
    description: 'Role or ClusterRole allows exec into or attach to pods',
    rationale:
      'The commands kubectl exec and attach are create (or, for older clients, get) on the pods/exec and pods/attach subresources. Whoever holds them runs commands in the pods the role reaches, with their service account tokens, mounted Secrets and network access. A resource written */exec or */attach grants them too; pods/* is no wildcard in RBAC (only * and */subresource are) and grants nothing, and a bare * is left to rbac-wildcard. Polaris reports it as clusterrolePodExecAttach and rolePodExecAttach. Off by default (on in kubefit:strict): debugging and CI roles sometimes need it.',
    remediation: 'Remove pods/exec and pods/attach from the rule, or grant them only in a dedicated debugging Role bound to people, not workloads.',
    defaultOn: false,
    appliesTo: { target: 'object', kinds: ROLE_KINDS },
    messages: { exec: '{{kind}} allows {{verb}} on {{resource}}' },
  },
  check(role, { report }) {
    if (isAggregated(role)) return;
    for (const rule of policyRules(role)) {
      const [verb] = entriesOf(rule, 'verbs', EXEC_VERBS);
      const isCore = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
      if (!verb || !isCore) continue;
      for (const resource of subresourceEntries(rule, 'pods', ['exec', 'attach'])) report({ messageId: 'exec', data: { kind: role.ref.kind, verb: verb.value, resource: resource.value }, at: resource.at });
    }
  },
});
