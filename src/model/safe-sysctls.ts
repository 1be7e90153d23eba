// The safe sysctls: namespaced and isolated per pod, so the kubelet runs a pod that sets them without
// --allowed-unsafe-sysctls and the baseline Pod Security level admits them. Each release's list adds to the one before;
// kubelet and Pod Security were changed in the same pull requests.
// upstream: pkg/kubelet/sysctl/safe_sysctls.go; pod-security-admission policy/check_sysctls.go (sysctls_allowed_v1_0,
// _v1_27, _v1_29, _v1_32, _v1_37)
import { compareReleases } from './kubernetes-version.js';

const ADDED: readonly (readonly [release: string, names: readonly string[]])[] = [
  ['1.0', ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  ['1.27', ['net.ipv4.ip_local_reserved_ports']],
  ['1.29', ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  ['1.32', ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  ['1.37', ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

const byRelease = new Map<string, ReadonlySet<string>>();

/** The safe sysctls of a release ("1.29"). */
export function safeSysctlsOf(release: string): ReadonlySet<string> {
  let safe = byRelease.get(release);
  if (!safe) byRelease.set(release, (safe = new Set(ADDED.filter(([added]) => compareReleases(release, added) >= 0).flatMap(([, names]) => names))));
  return safe;
}
