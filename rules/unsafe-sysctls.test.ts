import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './unsafe-sysctls.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    // pkg/kubelet/sysctl/safe_sysctls.go; pod-security-admission policy/check_sysctls_test.go TestSysctls_1_29, TestSysctls_1_32
    { name: 'sysctls made safe in 1.27, 1.29 and 1.32, in the newest release', fixture: 'fixtures/rules/unsafe-sysctls/valid-newer-safe-sysctls.yaml' },
    { name: 'the socket buffer sizes in 1.32', fixture: 'fixtures/rules/unsafe-sysctls/valid-newer-safe-sysctls.yaml', config: { kubernetesVersion: '1.32' } },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}, {name: net/ipv4/tcp_syncookies, value: "1"}]
          containers: [{name: a, image: "a:1"}]
      `,
    },
  ],
  invalid: [
    {
      name: 'sysctls a 1.28 kubelet does not count as safe yet',
      fixture: 'fixtures/rules/unsafe-sysctls/invalid-before-their-release.yaml',
      config: { kubernetesVersion: '1.28' },
      errors: [
        { messageId: 'unsafe', line: 17, column: 20, data: { sysctl: 'net.ipv4.tcp_keepalive_time' } },
        { messageId: 'unsafe', line: 18, column: 20, data: { sysctl: 'net.ipv4.tcp_keepalive_intvl' } },
        { messageId: 'unsafe', line: 19, column: 20, data: { sysctl: 'net.ipv4.tcp_keepalive_probes' } },
        { messageId: 'unsafe', line: 20, column: 20, data: { sysctl: 'net.ipv4.tcp_fin_timeout' } },
        { messageId: 'unsafe', line: 21, column: 20, data: { sysctl: 'net.ipv4.tcp_rmem' } },
        { messageId: 'unsafe', line: 22, column: 20, data: { sysctl: 'net.ipv4.tcp_wmem' } },
      ],
    },
    {
      name: 'the socket buffer sizes before 1.32',
      fixture: 'fixtures/rules/unsafe-sysctls/invalid-before-their-release.yaml',
      config: { kubernetesVersion: '1.31' },
      errors: [
        { messageId: 'unsafe', line: 21, column: 20, data: { sysctl: 'net.ipv4.tcp_rmem' } },
        { messageId: 'unsafe', line: 22, column: 20, data: { sysctl: 'net.ipv4.tcp_wmem' } },
      ],
    },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls:
              - name: net.core.somaxconn
                value: "1024"
          containers: [{name: a, image: "a:1"}]
      `,
      errors: [{ messageId: 'unsafe', line: 7, column: 15, data: { sysctl: 'net.core.somaxconn' } }],
    },
  ],
});
