import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './readiness-probe.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a Service without metadata.namespace in an unrelated directory does not select the pods',
      fixture: ['fixtures/rules/readiness-probe/gateway/service.yaml', 'fixtures/rules/readiness-probe/worker/deployment.yaml'],
    },
    { fixture: 'fixtures/rules/readiness-probe/valid-portless-sidecar.yaml' },
    { name: 'a native sidecar\'s readiness probe gates the pod', fixture: 'fixtures/rules/readiness-probe/valid-native-sidecar-probe.yaml' },
    { name: 'a Service port naming only a plain init container\'s port', fixture: 'fixtures/rules/readiness-probe/valid-init-container-port.yaml' },
    {
      name: 'probe set; a worker without ports; a DaemonSet no Service selects',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1
                  ports: [{containerPort: 80}]
                  readinessProbe: {httpGet: {path: /ready, port: 80}}
                - name: worker
                  image: worker:1
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers:
                - name: agent
                  image: agent:1
                  ports: [{containerPort: 9100, name: metrics}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a Service whose targetPort names a port the pods do not declare gives them no endpoint; the declared port is the reason',
      fixture: 'fixtures/rules/readiness-probe/invalid-named-port-elsewhere.yaml',
      errors: [{ messageId: 'missing', line: 20, column: 17, data: { container: 'scheduler' } }],
    },
    {
      name: 'a Service that publishes not-ready addresses is no reason for a probe; the declared port is',
      fixture: 'fixtures/rules/readiness-probe/invalid-publish-not-ready.yaml',
      errors: [{ messageId: 'missing', line: 23, column: 17, data: { container: 'etcd' } }],
    },
    {
      name: 'a Service targeting one container\'s port: that container, not the portless sidecars beside it',
      fixture: 'fixtures/rules/readiness-probe/invalid-targeted-container.yaml',
      errors: [{ messageId: 'missingSelected', line: 16, column: 17, data: { container: 'driver', service: 'controller-metrics' } }],
    },
    {
      name: 'no container of the selected pod has a readiness probe',
      fixture: 'fixtures/rules/readiness-probe/invalid-portless-only-container.yaml',
      errors: [
        { messageId: 'missingSelected', line: 10, column: 17, data: { container: 'web', service: 'web' } },
        { messageId: 'missingSelected', line: 12, column: 17, data: { container: 'log-shipper', service: 'web' } },
      ],
    },
    {
      name: 'container with ports; container of a DaemonSet a Service selects',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1
                  ports: [{containerPort: 80}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: proxy, namespace: edge}
        spec:
          template:
            metadata: {labels: {app: proxy}}
            spec:
              containers:
                - name: proxy
                  image: proxy:1
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: proxy, namespace: edge}
        spec:
          selector: {app: proxy}
          ports: [{port: 80}]
      `,
      errors: [
        { messageId: 'missing', line: 8, column: 17, data: { container: 'app' } },
        { messageId: 'missingSelected', line: 20, column: 17, data: { container: 'proxy', service: 'proxy' } },
      ],
    },
  ],
});
