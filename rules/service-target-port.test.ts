import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './service-target-port.js';

const WEB = `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: c, image: "c:1", ports: [{name: http, containerPort: 8080}]}]}
  ---
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a sidecar\'s named port', fixture: 'fixtures/rules/service-target-port/valid-sidecar-port.yaml' },
    {
      name: 'a Service and a workload without metadata.namespace in unrelated directories do not share a namespace',
      fixture: ['fixtures/rules/service-target-port/bundle/metrics-service.yaml', 'fixtures/rules/service-target-port/examples/operator-with-tracing.yaml'],
    },
    {
      name: 'a template placeholder is not a port name',
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: web}, ports: [{port: 80, targetPort: "\${PORT}"}]}
`,
    },
    {
      name: 'named port declared; numeric ports; Service selecting nothing in the inputs',
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 9090}, {port: 82, targetPort: http, protocol: TCP}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api}
  spec: {selector: {app: api}, ports: [{port: 80, targetPort: grpc}]}
`,
    },
  ],
  invalid: [
    {
      name: 'a port only a plain init container declares',
      fixture: 'fixtures/rules/service-target-port/invalid-init-container-port.yaml',
      errors: [{ messageId: 'unknownName', line: 25, column: 45, data: { port: 'admin', workload: 'Deployment web' } }],
    },
    {
      name: 'a named port of another protocol: FindPort matches name and protocol',
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: dns}
  spec:
    template:
      metadata: {labels: {app: dns}}
      spec: {containers: [{name: c, image: "c:1", ports: [{name: dns, containerPort: 53}, {name: dns-tcp, containerPort: 53}]}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: dns}
  spec:
    selector: {app: dns}
    ports:
      - {name: dns, port: 53, protocol: UDP, targetPort: dns}
      - {name: dns-tcp, port: 53, targetPort: dns-tcp}
`,
      errors: [{ messageId: 'otherProtocol', line: 15, column: 56, data: { port: 'dns', workload: 'Deployment dns', protocol: 'UDP', declared: 'TCP' } }],
    },
    {
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports:
      - port: 80
        targetPort: web
`,
      errors: [{ messageId: 'unknownName', line: 17, column: 19, data: { port: 'web', workload: 'Deployment web' } }],
    },
    {
      name: 'a workload defined twice (rendered copies of one chart) is named once',
      code: `${WEB}${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports: [{port: 80, targetPort: metrics}]
`,
      errors: [{ messageId: 'unknownName', line: 24, column: 34, data: { port: 'metrics', workload: 'Deployment web' } }],
    },
  ],
});
