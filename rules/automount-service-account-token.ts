// A mounted API token is the first thing an intruder uses; most pods never call the API.
import { defineRule } from '../src/lint/define-rule.js';
import { podServiceAccount } from '../src/lint/service-account.js';

export default defineRule({
  meta: {
    id: 'automount-service-account-token',
    severity: 'warning',
    category: 'security',
    description: 'pod gets a service account token mounted automatically',
    rationale:
      'Unless automountServiceAccountToken is false on the pod or on its ServiceAccount, every container gets a token for the Kubernetes API at /var/run/secrets/kubernetes.io/serviceaccount. Pods that never call the API gain nothing from it, and an intruder gains the ServiceAccount\'s permissions. A ServiceAccount in the inputs with automountServiceAccountToken: false counts. Off by default because pods that do call the API need the token.',
    remediation: 'Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount) for workloads that do not call the Kubernetes API.',
    defaultOn: false,
    queries: ['ServiceAccount'],
    appliesTo: { target: 'podSpec' },
    messages: { mounted: 'pod mounts a service account token; set automountServiceAccountToken: false if it does not call the API' },
  },
  check(workload, { index, report }) {
    const podSetting = workload.podSpec['automountServiceAccountToken'];
    if (podSetting === false) return;
    if (podSetting === true) {
      report({ messageId: 'mounted', at: workload.podSpecPath.concat('automountServiceAccountToken') });
      return;
    }
    const account = podServiceAccount(workload);
    const object = index.named('ServiceAccount', account.name, workload.object);
    if (object && object.value['automountServiceAccountToken'] === false) return;
    report({ messageId: 'mounted', at: workload.podSpecPath, on: 'key' });
  },
});
