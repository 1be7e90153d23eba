// A `*` in a Role's verbs or resources grants everything, including what the API adds later.
import { defineRule } from '../src/lint/define-rule.js';
import { entriesOf, isAggregated, policyRules, ROLE_KINDS } from '../src/lint/rbac.js';

export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    severity: 'warning',
    category: 'rbac',
    description: 'Role or ClusterRole rule uses * in verbs or resources',
    rationale:
      'A wildcard verb allows escalate, bind, impersonate and delete along with get; a wildcard resource covers Secrets, pods/exec and every resource a later release or a CRD adds. Least privilege cannot be reviewed when the rule says everything. kube-linter reports it as wildcard-in-rules. Operators and controllers often need broad rules, so the rule is off by default (on in kubefit:strict).',
    remediation: 'List the verbs and resources the subject needs explicitly.',
    defaultOn: false,
    appliesTo: { target: 'object', kinds: ROLE_KINDS },
    messages: { wildcard: 'rule {{rule}} of {{kind}} grants * {{field}}' },
  },
  check(role, { report }) {
    if (isAggregated(role)) return;
    for (const [index, rule] of policyRules(role).entries()) {
      for (const field of ['verbs', 'resources'] as const) {
        for (const entry of entriesOf(rule, field, ['*'])) report({ messageId: 'wildcard', data: { rule: index, kind: role.ref.kind, field }, at: entry.at });
      }
    }
  },
});
