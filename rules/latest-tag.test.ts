import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './latest-tag.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a DeploymentConfig container whose image an ImageChange trigger sets', fixture: 'fixtures/rules/latest-tag/valid-deploymentconfig-image-trigger.yaml' },
    { name: 'an Argo Rollout that borrows a Deployment\'s template (workloadRef)', fixture: 'fixtures/rules/latest-tag/valid-rollout-workload-ref.yaml' },
    { name: 'image volumes pinned by tag or digest', fixture: 'fixtures/rules/latest-tag/valid-image-volume.yaml' },
    { name: 'allowedRegistries exempts local development registries', fixture: 'fixtures/rules/latest-tag/valid-allowed-registry.yaml', config: { ruleOptions: { 'latest-tag': { allowedRegistries: ['localhost:5000', 'kind.local/'] } } } },
    { fixture: 'fixtures/rules/latest-tag/valid-ko-placeholder.yaml' },
    { name: 'Istio\'s gateway injection: image auto of the istio-proxy container', fixture: 'fixtures/rules/latest-tag/valid-istio-gateway-injection.yaml' },
    {
      name: 'version tag, digest, registry port with a tag, template placeholder',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: pinned}
        spec:
          containers:
            - name: a
              image: nginx:1.27.2
            - name: b
              image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000
            - name: c
              image: registry.local:5000/team/app:2.1
            - name: d
              image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000
            - name: placeholder
              image: <image_url>
      `,
    },
  ],
  invalid: [
    {
      name: 'a DeploymentConfig container no ImageChange trigger names',
      fixture: 'fixtures/rules/latest-tag/invalid-deploymentconfig-untriggered-container.yaml',
      errors: [{ messageId: 'latestTag', line: 21, column: 18, data: { image: 'quay.io/org/proxy:latest' } }],
    },
    {
      name: 'image volumes with latest or no tag',
      fixture: 'fixtures/rules/latest-tag/invalid-image-volume.yaml',
      errors: [
        { messageId: 'latestTag', line: 17, column: 30, data: { image: 'quay.io/org/model:latest' } },
        { messageId: 'noTag', line: 19, column: 30, data: { image: 'registry.local:5000/org/tokenizer' } },
      ],
    },
    {
      name: 'without allowedRegistries, local registries are reported too',
      fixture: 'fixtures/rules/latest-tag/valid-allowed-registry.yaml',
      errors: [
        { messageId: 'noTag', line: 7, column: 14 },
        { messageId: 'latestTag', line: 9, column: 14 },
      ],
    },
    { name: 'an OpenShift DeploymentConfig is linted like a Deployment', fixture: 'fixtures/rules/latest-tag/invalid-deploymentconfig.yaml', errors: [{ messageId: 'latestTag', line: 12, column: 18 }] },
    { name: 'an Argo Rollout is linted like a Deployment', fixture: 'fixtures/rules/latest-tag/invalid-rollout.yaml', errors: [{ messageId: 'latestTag', line: 14, column: 18 }] },
    { name: 'image auto of another container', fixture: 'fixtures/rules/latest-tag/invalid-auto-image.yaml', errors: [{ messageId: 'noTag', line: 9, column: 14, data: { image: 'auto' } }] },
    { fixture: 'fixtures/rules/latest-tag/invalid-scheme-like-registry.yaml', errors: [{ messageId: 'noTag', line: 7, column: 14, data: { image: 'registry.local:5000/team/app' } }] },
    {
      name: 'no tag, latest, registry port without a tag, init container',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: "busybox"
              containers:
                - name: app
                  image: nginx:latest
                - name: side
                  image: registry.local:5000/team/app
      `,
      errors: [
        { messageId: 'noTag', line: 9, column: 18, data: { image: 'busybox' } },
        { messageId: 'latestTag', line: 12, column: 18, data: { image: 'nginx:latest' } },
        { messageId: 'noTag', line: 14, column: 18 },
      ],
    },
  ],
});
