import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './api-warning.js';

// Messages as upstream's warningsForPodSpecAndMeta writes them (pkg/api/pod/warnings.go, pkg/api/node/util.go).
new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'current labels and fields, distinct ports, whole bytes', fixture: 'fixtures/rules/api-warning/valid-deployment.yaml' },
    {
      name: 'ports that are no numbers yet (envsubst placeholders) are not compared',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", ports: [{containerPort: "\${GRPC_PORT:-9002}"}, {containerPort: "\${METRICS_PORT:-9090}"}]}]
      `,
    },
    {
      name: 'an OpenShift DeploymentConfig: its API server returns no warnings',
      code: `
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: dc}
        spec:
          template:
            spec:
              nodeSelector: {beta.kubernetes.io/os: linux}
              containers: [{name: a, image: "a:1"}]
      `,
    },
    {
      name: 'a Pod\'s AppArmor annotation is warned of elsewhere (applyAppArmorVersionSkew), and cephfs only from 1.28',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p, annotations: {container.apparmor.security.beta.kubernetes.io/a: runtime/default}}
        spec:
          containers: [{name: a, image: "a:1"}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a template\'s host ports are not defaulted from hostNetwork (SetDefaults_Pod only): overlapping, and a hostIP without hostPort',
      code: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: exporter}
        spec:
          selector: {matchLabels: {app: e}}
          template:
            metadata: {labels: {app: e}}
            spec:
              hostNetwork: true
              containers:
                - {name: a, image: "a:1", ports: [{containerPort: 9100, hostPort: 9100}]}
                - {name: b, image: "b:1", ports: [{containerPort: 9100}, {containerPort: 9200, hostIP: 10.0.0.1}]}
      `,
      errors: [
        { messageId: 'warning', line: 12, column: 43, data: { text: 'spec.template.spec.containers[1].ports[0]: overlapping port definition with spec.template.spec.containers[0].ports[0]' } },
        { messageId: 'warning', line: 12, column: 66, data: { text: 'spec.template.spec.containers[1].ports[1]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:9200 Protocol:TCP HostIP:10.0.0.1}' } },
      ],
    },
    {
      name: 'a Pod\'s host ports are defaulted from hostNetwork: the same containerPort twice is a duplicate',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostNetwork: true
          containers:
            - {name: a, image: "a:1", ports: [{containerPort: 9100}]}
            - {name: b, image: "b:1", ports: [{containerPort: 9100}]}
      `,
      errors: [{ messageId: 'warning', line: 8, column: 39, data: { text: 'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]' } }],
    },
    {
      name: 'a Deployment with deprecated labels and annotations, null selectors, duplicates, fractional bytes, ambiguous ports and gitRepo',
      fixture: 'fixtures/rules/api-warning/invalid-deployment.yaml',
      errors: [
        { messageId: 'warning', line: 11, column: 9, data: { text: 'spec.template.metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead' } },
        { messageId: 'warning', line: 12, column: 9, data: { text: 'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead' } },
        { messageId: 'warning', line: 15, column: 9, data: { text: 'spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead' } },
        { messageId: 'warning', line: 20, column: 42, data: { text: 'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead' } },
        { messageId: 'warning', line: 24, column: 32, data: { text: 'spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod' } },
        { messageId: 'warning', line: 26, column: 11, data: { text: 'spec.template.spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod' } },
        { messageId: 'warning', line: 27, column: 50, data: { text: 'spec.template.spec.imagePullSecrets[1].name: duplicate name "regcred"' } },
        { messageId: 'warning', line: 31, column: 42, data: { text: 'spec.template.spec.containers[0].resources.requests[memory]: fractional byte value "100m" is invalid, must be an integer' } },
        { messageId: 'warning', line: 34, column: 15, data: { text: 'spec.template.spec.containers[0].ports[1]: duplicate port definition with spec.template.spec.containers[0].ports[0]' } },
        { messageId: 'warning', line: 35, column: 15, data: { text: 'spec.template.spec.containers[0].ports[2]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:9090 Protocol:TCP HostIP:10.0.0.1}' } },
        { messageId: 'warning', line: 38, column: 20, data: { text: 'spec.template.spec.volumes[0].gitRepo: deprecated in v1.11' } },
      ],
    },
  ],
});
