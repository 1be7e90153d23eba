import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pod-security-admission.js';

const RESTRICTED_WEB =
  'allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the namespace enforces privileged, or has no pod-security labels', fixture: 'fixtures/rules/pod-security-admission/privileged.yaml' },
    {
      name: 'an object without metadata.namespace may be applied elsewhere than the Namespace of the inputs',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: default, labels: {pod-security.kubernetes.io/enforce: restricted}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {containers: [{name: c, image: "c:1"}]}
      `,
    },
    {
      name: 'a namespace the inputs do not define; a label of another namespace',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: locked, labels: {pod-security.kubernetes.io/enforce: restricted}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: open}
        spec: {hostPID: true, containers: [{name: c, image: "c:1"}]}
      `,
    },
    {
      name: 'only audit and warn labels: they never refuse',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: a, labels: {pod-security.kubernetes.io/audit: restricted, pod-security.kubernetes.io/warn: restricted}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec: {hostPID: true, containers: [{name: c, image: "c:1"}]}
      `,
    },
    {
      name: 'latest on Kubernetes 1.33 has no probe host check yet (the API server evaluates latest at its own version)',
      config: { kubernetesVersion: '1.33' },
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: a, labels: {pod-security.kubernetes.io/enforce: baseline}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec:
          containers: [{name: c, image: "c:1", livenessProbe: {httpGet: {host: example.com, port: 80}}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'restricted: the compliant Deployment passes, the other one\'s pods are refused',
      fixture: 'fixtures/rules/pod-security-admission/restricted.yaml',
      errors: [{ messageId: 'violates', line: 43, column: 5, data: { policy: 'restricted:latest', detail: RESTRICTED_WEB } }],
    },
    {
      name: 'baseline: host namespaces, hostPath and (defaulted from hostNetwork) hostPort; restricted-only gaps pass',
      fixture: 'fixtures/rules/pod-security-admission/baseline.yaml',
      errors: [
        {
          messageId: 'violates',
          line: 20,
          column: 5,
          data: { policy: 'baseline:latest', detail: 'host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "root"), hostPort (container "exporter" uses hostPort 9100)' },
        },
      ],
    },
    {
      name: 'version-pinned: runAsUser=0 passes at v1.22, a Windows pod is not yet exempt',
      fixture: 'fixtures/rules/pod-security-admission/version-pinned.yaml',
      errors: [
        {
          messageId: 'violates',
          line: 38,
          column: 9,
          data: {
            policy: 'restricted:v1.22',
            detail:
              'allowPrivilegeEscalation != false (container "report" must set securityContext.allowPrivilegeEscalation=false), ' +
              'unrestricted capabilities (container "report" must set securityContext.capabilities.drop=["ALL"]), ' +
              'seccompProfile (pod or container "report" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
          },
        },
      ],
    },
    {
      name: 'a Windows pod is exempt from the Linux-only restricted checks at latest; an unknown level is enforced as restricted',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: win, labels: {pod-security.kubernetes.io/enforce: strict}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: win}
        spec:
          os: {name: windows}
          containers: [{name: c, image: "c:1"}]
      `,
      errors: [{ messageId: 'violates', line: 8, column: 1, data: { policy: 'restricted:latest', detail: 'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true)' } }],
    },
    {
      name: 'an unreadable version is latest',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata:
          name: a
          labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: "1.25"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec:
          containers:
            - name: c
              image: "c:1"
              livenessProbe: {httpGet: {host: example.com, port: 80}}
      `,
      errors: [{ messageId: 'violates', line: 10, column: 1, data: { policy: 'baseline:latest', detail: 'probe or lifecycle host (container "c" uses probe or lifecycle host "example.com")' } }],
    },
    {
      name: 'latest on Kubernetes 1.36 (the default) does not yet allow the sysctls 1.37 declares safe',
      code: `
        apiVersion: v1
        kind: Namespace
        metadata: {name: a, labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.37}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec:
          securityContext: {sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: "16384"}]}
          containers: [{name: c, image: "c:1"}]
      `,
      errors: [{ messageId: 'violates', line: 8, column: 1, data: { policy: 'baseline:v1.37', detail: 'forbidden sysctls (net.ipv4.tcp_notsent_lowat)' } }],
    },
  ],
});
