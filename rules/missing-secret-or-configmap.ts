// A pod that reads a Secret or ConfigMap (or a key of one) that does not exist never starts its containers.
import { CUSTOM_RESOURCES } from '../src/lint/lint-index.js';
import { defineRule } from '../src/lint/define-rule.js';
import { configReferences, type ConfigReference } from '../src/lint/config-references.js';
import { hasCustomResources } from '../src/lint/evidence.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { mayBeCreatedInCluster } from '../src/lint/rbac.js';
import { asRecord, type KubeObject } from '../src/model/object.js';
import type { Workload } from '../src/model/workload.js';
import { holdsSubstitution } from '../src/model/substitution.js';

/** ConfigMaps the cluster publishes into every namespace (root CA bundle; OpenShift's service CA). */
const PUBLISHED = new Set(['ConfigMap\0kube-root-ca.crt', 'ConfigMap\0openshift-service-ca.crt']);
/**
 * ConfigMaps the control plane itself keeps in its namespaces: kubeadm's (cmd/kubeadm/app/constants: KubeProxyConfigMap,
 * KubeadmConfigConfigMap, KubeletBaseConfigurationConfigMap, the CoreDNS add-on's, cluster-info) and the API server's.
 */
const CONTROL_PLANE_CONFIG_MAPS = new Set([
  'kube-system\0kube-proxy', 'kube-system\0kubeadm-config', 'kube-system\0kubelet-config', 'kube-system\0coredns',
  'kube-system\0extension-apiserver-authentication', 'kube-public\0cluster-info',
]);

function isPublished(kind: ConfigReference['kind'], name: string, namespace: string): boolean {
  return PUBLISHED.has(`${kind}\0${name}`) || (kind === 'ConfigMap' && CONTROL_PLANE_CONFIG_MAPS.has(`${namespace}\0${name}`));
}

function keysOf(object: KubeObject): Set<string> {
  return new Set(['data', 'stringData', 'binaryData'].flatMap((field) => Object.keys(asRecord(object.value[field]) ?? {})));
}

/** The inputs carry this namespace's objects of `kind` (so a missing one is an omission, not created elsewhere). */
function holdsKind(index: LintIndex, workload: Workload, kind: ConfigReference['kind']): boolean {
  const { namespace } = workload.object.ref;
  const resource = kind === 'Secret' ? 'secrets' : 'configmaps';
  if (index.nearby(kind, workload.object).length === 0) return false;
  // the namespace-wide part reads every Role: once per namespace and kind, not once per reference
  return index.memo(`missing-secret-or-configmap\0${namespace}\0${kind}`, () => !hasCustomResources(index, namespace) && !mayBeCreatedInCluster(index, namespace, resource));
}

export default defineRule({
  meta: {
    id: 'missing-secret-or-configmap',
    severity: 'warning',
    category: 'reliability',
    description: 'pod refers to a Secret or ConfigMap, or a key of one, that the inputs do not define, while they define others of its namespace',
    rationale:
      'A container whose env or envFrom names a missing Secret, ConfigMap or key sits in CreateContainerConfigError; a missing volume source keeps the pod in ContainerCreating. References marked optional: true are fine. The rule runs only when the inputs define Secrets (or ConfigMaps) that share the pod\'s namespace, and the namespace has no custom resources (SealedSecrets, ExternalSecrets or cert-manager Certificates create Secrets), and no Role or ClusterRole of the inputs may create them (a Job or controller, such as Argo CD\'s redis secret-init Job, makes them at run time); then a missing one is a typo or an omission. Keys are checked only when the object lists data. The kube-root-ca.crt ConfigMap that every namespace gets is known, and so are those kubeadm and the API server keep in kube-system (kube-proxy, kubeadm-config, kubelet-config, coredns, extension-apiserver-authentication) and kube-public (cluster-info).',
    remediation: 'Correct the name or key, add the Secret or ConfigMap to the manifests, or mark the reference optional: true if the pod can start without it.',
    defaultOn: true,
    queries: ['Secret', 'ConfigMap', 'Role', 'ClusterRole', CUSTOM_RESOURCES],
    appliesTo: { target: 'podSpec' },
    messages: {
      missingObject: '{{kind}} "{{name}}" is not defined in namespace "{{namespace}}" of the inputs',
      missingKey: 'key "{{key}}" is not in {{kind}} "{{name}}"',
    },
  },
  check(workload, { index, report }) {
    const { namespace } = workload.object.ref;
    const reported = new Set<string>();
    for (const reference of configReferences(workload)) {
      const { kind, name, key } = reference;
      // (a name a substitution variable stands for is unknown here)
      if (reference.optional || holdsSubstitution(name) || isPublished(kind, name, workload.object.ref.namespace) || !holdsKind(index, workload, kind)) continue;
      const object = index.named(kind, name, workload.object);
      if (!object) {
        // a volume's items name the same object again: one report per place the name is written
        const where = reference.namePath.join('.');
        if (!reported.has(where)) report({ messageId: 'missingObject', data: { kind, name, namespace }, at: reference.namePath });
        reported.add(where);
        continue;
      }
      const keys = keysOf(object);
      if (key !== undefined && reference.keyPath && keys.size > 0 && !keys.has(key)) report({ messageId: 'missingKey', data: { key, kind, name }, at: reference.keyPath });
    }
  },
});
