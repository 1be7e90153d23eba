// A secret written as a literal env value or ConfigMap value lives in Git, in `kubectl get -o yaml` output and in every audit log.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { POD_KINDS } from '../src/model/kinds.js';
import { asArray, asRecord, type KubeObject } from '../src/model/object.js';
import { secretShapeOf } from '../src/lint/secret-shapes.js';

/**
 * A secret-like word of the name, whose words are split at _, . and - and where a lower-case letter meets an upper-case
 * one (dbPassword, clientSecret). PASSWORD, PASSWD, SECRET and TOKEN also end longer words: PGPASSWORD (libpq's),
 * ROOTPASSWORD, CLIENTSECRET, AUTHTOKEN; PASSWORDLESS or TOKENIZER do not. A storage account key (ACCOUNT_KEY) and an
 * Azure key (AZURE_..._KEY: AZURE_STORAGE_KEY, AZURE_BATCH_KEY), a key's content (the OCI CLI's OCI_CLI_KEY_CONTENT) and a
 * bearer credential are credentials too (Polaris sensitiveContainerEnvVar, sensitiveConfigmapContent).
 */
const SECRET_NAME = /(?:^|_)(?:[A-Z0-9]*(?:PASSWORD|PASSWD|SECRET|TOKEN)|PASS|BEARER|API_?KEY|ACCESS_?KEY|ACCOUNT_?KEY|PRIVATE_?KEY|KEY_CONTENT|CREDENTIALS?)(?:_|$)|^AZURE_\w*KEY$/i;

/** The name with its words joined by _, so that SECRET_NAME and REFERENCE_NAME read dbPassword as db_Password. */
function wordsOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[.-]/g, '_');
}
/** Names that hold where a secret is, not the secret itself. */
const REFERENCE_NAME = /_(?:FILE|PATH|DIR|NAME|NAMESPACE|REF|ID|VERSION|ENABLED|LENGTH|TTL|TIMEOUT|HEADER|URL|ENDPOINT)$/i;
/**
 * Tokens that grant nothing: etcd's initial cluster token only seeds the cluster and member IDs so that two clusters
 * bootstrapped side by side do not join each other (etcd server/etcdmain/help.go, default 'etcd-cluster').
 */
const NOT_SECRET_NAME = /(?:^|_)INITIAL_CLUSTER_TOKEN$/i;
/**
 * Values that are clearly not a secret: a path, a variable reference, a number, or a flag such as
 * MYSQL_RANDOM_ROOT_PASSWORD=yes or MYSQL_ALLOW_EMPTY_PASSWORD=true.
 */
const HARMLESS_VALUE = /^(?:\/|\$\(|\$\{|(?:true|false|yes|no|on|off|y|n|random|enabled?|disabled?|none|empty)$|\d+(?:\.\d+)?$)/i;

/**
 * Values a secret injector replaces with the secret at start-up, so the manifest holds only where the secret is:
 * Bank-Vaults' vault: and bao: references (>> for a dynamic secret), 1Password's op://vault/item/field, and
 * akv2k8s' name@azurekeyvault.
 */
// upstream: bank-vaults/vault-secrets-webhook pkg/common HasVaultPrefix, HasBaoPrefix; 1Password
// kubernetes-secrets-injector (op:// env values); SparebankenVest azure-key-vault-to-kubernetes envLookupKey
const SECRET_REFERENCE = /^(?:>>)?(?:vault|bao):|^op:\/\/|@azurekeyvault(?:\?|$)/;

export default defineRule({
  meta: {
    id: 'env-var-secret',
    severity: 'warning',
    category: 'security',
    description: 'environment variable or ConfigMap key with a secret-like name has a literal value',
    rationale:
      'A password or token written as env.value or as ConfigMap data is stored in the repository, shown by kubectl get -o yaml and describe, readable by anyone allowed to read ConfigMaps, and kept in the API server\'s audit logs; a ConfigMap key becomes an environment variable of that name through envFrom. A name is read word by word (DB_PASSWORD, dbPassword, spring.datasource.password), and PASSWORD, PASSWD, SECRET and TOKEN count at the end of a longer word too (libpq\'s PGPASSWORD, CLIENTSECRET), as kube-linter and Polaris find them anywhere in the name; a storage account key (AZURE_STORAGE_ACCOUNT_KEY), any AZURE_..._KEY, a key\'s content (OCI_CLI_KEY_CONTENT) and a BEARER word count, as in Polaris. ConfigMap keys are read as Polaris\' sensitiveConfigmapContent reads them, with the same names; a value of several lines is the content of a file (a mounted configuration), which plaintext-secret searches for keys. Names that point at a secret (PASSWORD_FILE, TOKEN_PATH, SECRET_ID, SECRET_VERSION), etcd\'s ETCD_INITIAL_CLUSTER_TOKEN (a bootstrap label, no credential) and values that are paths, variable references, the name of a Secret of the inputs in the namespace (knative\'s SECRET_TLS_TLSCERTIFICATE names the Secret to read), numbers or flags (true, yes, on, random: MYSQL_RANDOM_ROOT_PASSWORD=yes asks for a generated password), and references a secret injector replaces at start-up (Bank-Vaults\' vault:secret/data/db#password, 1Password\'s op://vault/item/field, akv2k8s\' db-password@azurekeyvault) are not reported.',
    remediation: 'Move the value into a Secret and reference it with env.valueFrom.secretKeyRef (or envFrom.secretRef for a whole ConfigMap of such keys), or better mount the Secret as a file.',
    defaultOn: true,
    queries: ['Secret'],
    // ConfigMaps and the kinds that make pods, so that the run keeps only those for this cross-object rule
    appliesTo: { target: 'object', kinds: ['ConfigMap', ...Object.keys(POD_KINDS)] },
    messages: {
      literal: 'env {{name}} of container "{{container}}" holds a literal secret-like value',
      configMapData: 'ConfigMap key "{{key}}" holds a literal secret-like value',
    },
  },
  check(object, { index, report }) {
    // upstream: Polaris pkg/config/checks/sensitiveConfigmapContent.yaml (data's propertyNames)
    if (object.ref.kind === 'ConfigMap' && object.ref.apiVersion === 'v1') {
      for (const [key, value] of Object.entries(asRecord(object.value['data']) ?? {})) {
        if (typeof value === 'string' && !value.trim().includes('\n') && isLiteralSecret(key, value, object, index)) {
          report({ messageId: 'configMapData', data: { key }, at: ['data', key] });
        }
      }
    }
    for (const container of index.workloadOf(object)?.containers ?? []) {
      asArray(container.value['env']).forEach((entry, envIndex) => {
        const env = asRecord(entry);
        const name = env?.['name'];
        const value = env?.['value'];
        if (typeof name !== 'string' || typeof value !== 'string' || !isLiteralSecret(name, value, object, index)) return;
        report({ messageId: 'literal', data: { name, container: containerLabel(container) }, at: container.path.concat('env', envIndex, 'value') });
      });
    }
  },
});

/** Whether a variable or key called name holds value as a literal secret; object is where it is written (for its namespace). */
function isLiteralSecret(name: string, value: string, object: KubeObject, index: LintIndex): boolean {
  if (value.trim() === '') return false;
  const words = wordsOf(name);
  if (!SECRET_NAME.test(words) || REFERENCE_NAME.test(words) || NOT_SECRET_NAME.test(words) || HARMLESS_VALUE.test(value) || SECRET_REFERENCE.test(value)) return false;
  // a value shaped like a known key or token is plaintext-secret's, with the stronger message
  if (secretShapeOf(value) !== undefined) return false;
  // the name of a Secret of the inputs in the namespace tells the program which Secret to read
  return !index.named('Secret', value, object);
}
