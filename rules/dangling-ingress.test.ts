import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './dangling-ingress.js';

const FIXTURES = 'fixtures/rules/dangling-ingress';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'backends by port name and number; a resource backend', fixture: `${FIXTURES}/valid-backends-exist.yaml` },
    { name: 'a backend name or port, or a Service port, a substitution variable stands for', fixture: `${FIXTURES}/valid-substituted.yaml` },
    { name: 'a port number of an ExternalName Service without ports (the controller uses it as given)', fixture: `${FIXTURES}/valid-external-name.yaml` },
    { name: 'an AWS Load Balancer Controller action named by an actions.<name> annotation (port name use-annotation)', fixture: `${FIXTURES}/valid-alb-annotation-actions.yaml` },
    {
      name: 'test cases reusing a Service name: each Ingress is checked against the Service of its own file',
      fixture: [`${FIXTURES}/valid-test-cases/one-port/in.yaml`, `${FIXTURES}/valid-test-cases/two-ports/in.yaml`],
    },
    {
      name: 'no Service of the namespace in the directory: Services live elsewhere',
      code: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'port name use-annotation without a matching actions.<name> annotation',
      fixture: `${FIXTURES}/invalid-alb-action-without-annotation.yaml`,
      errors: [{ messageId: 'noService', line: 16, column: 31, data: { service: 'ssl-redirekt', namespace: 'default' } }],
    },
    {
      name: 'a port the Service lacks, a missing Service, a legacy port name',
      fixture: `${FIXTURES}/invalid-missing-service-and-port.yaml`,
      errors: [
        { messageId: 'noPort', line: 19, column: 51, data: { port: '8080', service: 'web' } },
        { messageId: 'noService', line: 23, column: 31, data: { service: 'api', namespace: 'shop' } },
        { messageId: 'noPort', line: 29, column: 44, data: { port: '"https"', service: 'web' } },
      ],
    },
    {
      name: 'a port name of an ExternalName Service without ports',
      fixture: `${FIXTURES}/invalid-external-name-port-name.yaml`,
      errors: [{ messageId: 'noPort', line: 19, column: 15, data: { port: '"https"', service: 'upstream' } }],
    },
  ],
});
