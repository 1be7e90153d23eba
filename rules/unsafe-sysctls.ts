// Sysctls outside the kubelet's safe set are node-wide or affect other pods; the kubelet rejects them by default.
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';
import { safeSysctlsOf } from '../src/model/safe-sysctls.js';

export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    severity: 'warning',
    category: 'security',
    description: 'pod sets a sysctl outside the safe set',
    rationale:
      'Only a small set of namespaced sysctls is safe: isolated per pod and unable to hurt the node. The set grows with the release the run checks (net.ipv4.ip_local_reserved_ports from 1.27, tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes and tcp_fin_timeout from 1.29, tcp_rmem and tcp_wmem from 1.32), as the kubelet\'s and the baseline Pod Security level\'s lists grew. The kubelet refuses pods with other sysctls (the pod fails with SysctlForbidden) unless the node allows them with --allowed-unsafe-sysctls, and when it does they can destabilise every pod on the node.',
    remediation: 'Remove the sysctl, or run the pod only on dedicated nodes that allow it (with a taint and a matching toleration) and suppress the rule there with a reason.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { unsafe: 'sysctl {{sysctl}} is not in the safe set' },
  },
  check(workload, { kubernetesVersion, report }) {
    const safe = safeSysctlsOf(kubernetesVersion);
    const sysctls = asArray(asRecord(workload.podSpec['securityContext'])?.['sysctls']);
    sysctls.forEach((entry, index) => {
      const name = asRecord(entry)?.['name'];
      if (typeof name !== 'string' || safe.has(name.replaceAll('/', '.'))) return;
      report({ messageId: 'unsafe', data: { sysctl: name }, at: workload.podSpecPath.concat('securityContext', 'sysctls', index, 'name') });
    });
  },
});
