import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './env-var-secret.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    // Polaris test/checks/sensitiveConfigmapContent/success.valid_keys_and_values.yaml, success.no_data.yaml
    { name: 'ConfigMap keys that are not secret-like, or hold references, flags or a file', fixture: 'fixtures/rules/env-var-secret/valid-configmap-keys.yaml' },
    { name: 'references Bank-Vaults, 1Password and akv2k8s replace at start-up', fixture: 'fixtures/rules/env-var-secret/valid-injector-references.yaml' },
    { name: 'words that contain a secret-like word, camelCase references', fixture: 'fixtures/rules/env-var-secret/valid-joined-and-camel-case-names.yaml' },
    {
      name: 'etcd\'s initial cluster token only seeds the cluster id',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: etcd, image: "etcd:3", env: [{name: ETCD_INITIAL_CLUSTER_TOKEN, value: openshift-cluster-1}]}]
      `,
    },
    {
      name: 'the id and version of a secret in a secret manager are references',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", env: [{name: SECRET_ID, value: bq-readonly-key}, {name: SECRET_VERSION, value: latest}]}]
      `,
    },
    {
      name: 'a value that names a Secret of the inputs in the pod\'s namespace (eventing-redis reads that Secret)',
      code: `
        apiVersion: v1
        kind: Secret
        metadata: {name: tls-secret}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", env: [{name: SECRET_TLS_TLSCERTIFICATE, value: tls-secret}]}]
      `,
    },
    {
      name: 'the name and namespace of a Secret object are references (vm-operator\'s webhook secret)',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", env: [{name: WEBHOOK_SECRET_NAME, value: vm-operator-webhook}, {name: WEBHOOK_SECRET_NAMESPACE, value: vmware-system-vmop}]}]
      `,
    },
    { fixture: 'fixtures/rules/env-var-secret/valid-flag-values.yaml' },
    {
      name: 'a decimal number (a failure rate in Online Boutique\'s paymentservice) is a number, not a secret',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", env: [{name: API_TOKEN_FAILURE_RATE, value: "0.75"}]}]
      `,
    },
    {
      name: 'a value shaped like a known key is left to plaintext-secret (one finding, not two)',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", env: [{name: AWS_SECRET_KEY, value: AKIAZ7Q4M2XK5N3P8RTW}]}]
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
              env:
                - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
                - {name: TOKEN_TTL, value: "3600"}
                - {name: API_TOKEN, value: $(TOKEN_FROM_SECRET)}
                - {name: PASSWORD_AUTH, value: "true"}
                - {name: LOG_LEVEL, value: debug}
                - {name: TOKENIZER, value: bert}
      `,
    },
  ],
  invalid: [
    {
      // Polaris test/checks/sensitiveConfigmapContent/failure.key_password.yaml, failure.key_aws_secret_access_key.yaml,
      // failure.key_azure_batch_key.yaml, failure.key_oci_cli_key_content.yaml
      name: 'ConfigMap keys named like a secret, with a literal value',
      fixture: 'fixtures/rules/env-var-secret/invalid-configmap-keys.yaml',
      errors: [
        { messageId: 'configMapData', line: 9, column: 16, data: { key: 'db_password' } },
        { messageId: 'configMapData', line: 10, column: 26, data: { key: 'AWS_SECRET_ACCESS_KEY' } },
        { messageId: 'configMapData', line: 11, column: 20, data: { key: 'AZURE_BATCH_KEY' } },
        { messageId: 'configMapData', line: 12, column: 31, data: { key: 'spring.datasource.password' } },
        { messageId: 'configMapData', line: 14, column: 1, data: { key: 'apiToken' } },
        { messageId: 'configMapData', line: 15, column: 24, data: { key: 'OCI_CLI_KEY_CONTENT' } },
      ],
    },
    {
      name: 'literals that only look like injector references',
      fixture: 'fixtures/rules/env-var-secret/invalid-reference-lookalikes.yaml',
      errors: [
        { messageId: 'literal', line: 11, column: 38, data: { name: 'DB_PASSWORD', container: 'app' } },
        { messageId: 'literal', line: 12, column: 36, data: { name: 'API_TOKEN', container: 'app' } },
      ],
    },
    // kube-linter pkg/builtinchecks/yamls/env-var-secret.yaml ((?i).*secret.*); Polaris sensitiveContainerEnvVar.yaml ((?i)password, token, secret)
    {
      name: 'secret-like words ending longer words, camelCase names, Azure keys',
      fixture: 'fixtures/rules/env-var-secret/invalid-joined-and-camel-case-names.yaml',
      errors: [
        { messageId: 'literal', line: 15, column: 41, data: { name: 'PGPASSWORD', container: 'psql' } },
        { messageId: 'literal', line: 16, column: 57, data: { name: 'spring.datasource.password', container: 'psql' } },
        { messageId: 'literal', line: 17, column: 43, data: { name: 'clientSecret', container: 'psql' } },
        { messageId: 'literal', line: 18, column: 46, data: { name: 'NGROK_AUTHTOKEN', container: 'psql' } },
        { messageId: 'literal', line: 19, column: 56, data: { name: 'AZURE_STORAGE_ACCOUNT_KEY', container: 'psql' } },
        { messageId: 'literal', line: 20, column: 46, data: { name: 'AZURE_BATCH_KEY', container: 'psql' } },
        { messageId: 'literal', line: 21, column: 50, data: { name: 'OCI_CLI_KEY_CONTENT', container: 'psql' } },
        { messageId: 'literal', line: 22, column: 45, data: { name: 'WEBHOOK_BEARER', container: 'psql' } },
      ],
    },
    { fixture: 'fixtures/rules/env-var-secret/invalid-literal-password.yaml', errors: [{ messageId: 'literal', line: 10, column: 46, data: { name: 'MYSQL_ROOT_PASSWORD', container: 'mysql' } }] },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              env:
                - name: POSTGRES_PASSWORD
                  value: hunter2
                - {name: aws_secret_access_key, value: AKIAEXAMPLE}
      `,
      errors: [
        { messageId: 'literal', line: 10, column: 18, data: { name: 'POSTGRES_PASSWORD', container: 'a' } },
        { messageId: 'literal', line: 11, column: 48, data: { name: 'aws_secret_access_key', container: 'a' } },
      ],
    },
  ],
});
