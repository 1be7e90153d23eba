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
  spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 9090}]}
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
  ],
});
