import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './probe-port-not-exposed.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'no declared ports; a probe aimed at another host', fixture: 'fixtures/rules/probe-port-not-exposed/valid-undeclared-ports.yaml', config: { ruleOptions: { 'probe-port-not-exposed': { checkNumericPorts: true } } } },
    {
      name: 'no probes beside an unnamed UDP-only port (its undefined name once matched every absent probe port)',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: dns}
        spec:
          containers: [{name: dns, image: "dns:1", ports: [{containerPort: 53, protocol: UDP}]}]
      `,
    },
    {
      name: 'a template placeholder is no port name',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", livenessProbe: {grpc: {port: "\${HEALTH_PORT:-9003}"}}}]
      `,
    },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /healthz, port: http}}
              readinessProbe: {tcpSocket: {port: 8080}}
      `,
    },
  ],
  invalid: [
    {
      name: 'without checkNumericPorts only the UDP-only port is reported',
      fixture: 'fixtures/rules/probe-port-not-exposed/invalid-numeric-and-udp.yaml',
      errors: [{ messageId: 'udpOnly', line: 17, column: 45, data: { probe: 'livenessProbe', container: 'cache', port: '"syslog"' } }],
    },
    {
      name: 'a UDP-only named port, an undeclared number; port 53 is declared for TCP too',
      fixture: 'fixtures/rules/probe-port-not-exposed/invalid-numeric-and-udp.yaml',
      config: { ruleOptions: { 'probe-port-not-exposed': { checkNumericPorts: true } } },
      errors: [
        { messageId: 'udpOnly', line: 17, column: 45, data: { probe: 'livenessProbe', container: 'cache', port: '"syslog"' } },
        { messageId: 'unknownNumber', line: 18, column: 59, data: { probe: 'readinessProbe', container: 'cache', port: '8081' } },
      ],
    },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              ports: [{name: web, containerPort: 8080}]
              readinessProbe:
                httpGet: {path: /ready, port: http}
              startupProbe:
                tcpSocket:
                  port: metrics
      `,
      errors: [
        { messageId: 'unknownName', line: 10, column: 39, data: { probe: 'readinessProbe', container: 'a', port: 'http' } },
        { messageId: 'unknownName', line: 13, column: 17, data: { probe: 'startupProbe', container: 'a', port: 'metrics' } },
      ],
    },
  ],
});
