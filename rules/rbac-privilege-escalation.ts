// escalate, bind and impersonate let a subject give itself permissions it does not have.
import { defineRule } from '../src/lint/define-rule.js';
import { entriesOf, isAggregated, policyRules, ROLE_KINDS } from '../src/lint/rbac.js';

export default defineRule({
  meta: {
    id: 'rbac-privilege-escalation',
    severity: 'warning',
    category: 'rbac',
    description: 'Role or ClusterRole grants escalate, bind or impersonate',
    rationale:
      'RBAC normally stops a subject from creating a Role or binding with more permissions than it holds. escalate on roles lifts that check, bind lets it bind any role (cluster-admin included), and impersonate on users, groups or serviceaccounts lets it act as anyone. Each is a path to cluster-admin. Wildcard verbs are left to rbac-wildcard.',
    remediation: 'Remove escalate, bind and impersonate unless the subject is an RBAC management controller, and then limit them with resourceNames.',
    defaultOn: false,
    appliesTo: { target: 'object', kinds: ROLE_KINDS },
    messages: { escalation: '{{kind}} grants {{verb}}, which lets its subjects gain permissions they do not hold' },
  },
  check(role, { report }) {
    if (isAggregated(role)) return;
    for (const rule of policyRules(role)) {
      if (rule.resourceNames.length > 0) continue;
      for (const verb of entriesOf(rule, 'verbs', ['escalate', 'bind', 'impersonate'])) report({ messageId: 'escalation', data: { kind: role.ref.kind, verb: verb.value }, at: verb.at });
    }
  },
});
