// Sysctls outside the kubelet's safe set are node-wide or affect other pods; the kubelet rejects them by default.
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

// upstream: pkg/kubelet/sysctl/safe_sysctls.go (v1.32), namespaced and isolated per pod
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    severity: 'warning',
    category: 'security',
    description: 'pod sets a sysctl outside the safe set',
    rationale:
      'Only a small set of namespaced sysctls is safe: isolated per pod and unable to hurt the node. The kubelet refuses pods with other sysctls (the pod fails with SysctlForbidden) unless the node allows them with --allowed-unsafe-sysctls, and when it does they can destabilise every pod on the node.',
    remediation: 'Remove the sysctl, or run the pod only on dedicated nodes that allow it (with a taint and a matching toleration) and suppress the rule there with a reason.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { unsafe: 'sysctl {{sysctl}} is not in the safe set' },
  },
  check(workload, { report }) {
    const sysctls = asArray(asRecord(workload.podSpec['securityContext'])?.['sysctls']);
    sysctls.forEach((entry, index) => {
      const name = asRecord(entry)?.['name'];
      if (typeof name !== 'string' || SAFE_SYSCTLS.has(name.replaceAll('/', '.'))) return;
      report({ messageId: 'unsafe', data: { sysctl: name }, at: workload.podSpecPath.concat('securityContext', 'sysctls', index, 'name') });
    });
  },
});
