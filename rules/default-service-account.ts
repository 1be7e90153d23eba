// Pods on the default ServiceAccount share its permissions with every other pod of the namespace.
import { defineRule } from '../src/lint/define-rule.js';
import { podServiceAccount } from '../src/lint/service-account.js';

export default defineRule({
  meta: {
    id: 'default-service-account',
    severity: 'warning',
    category: 'security',
    description: 'pod runs as the namespace\'s default ServiceAccount',
    rationale:
      'Every pod that names no ServiceAccount runs as default, so any Role bound to default is granted to all of them, and a compromise of one pod gives the permissions needed by any other. Off by default because many workloads need no API access at all.',
    remediation: 'Create a ServiceAccount for the workload, set serviceAccountName, and bind only the Roles it needs.',
    defaultOn: false,
    appliesTo: { target: 'podSpec' },
    messages: { implicit: 'pod runs as the default ServiceAccount (no serviceAccountName)', explicit: 'pod runs as the default ServiceAccount' },
  },
  check(workload, { report }) {
    const account = podServiceAccount(workload);
    if (account.name !== 'default') return;
    report({ messageId: account.isExplicit ? 'explicit' : 'implicit', at: account.at, on: account.isExplicit ? 'value' : 'key' });
  },
});
