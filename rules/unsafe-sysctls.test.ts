import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './unsafe-sysctls.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
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
