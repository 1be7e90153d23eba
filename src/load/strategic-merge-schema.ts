// The merge keys kustomize reads from the Kubernetes schema it embeds (kyaml/openapi/kubernetesapi, v1.21.2:
// `x-kubernetes-patch-strategy: merge` with `x-kubernetes-list-map-keys`, else `x-kubernetes-patch-merge-key`), for
// the kinds a kustomize patch meets in practice. Status lists are left out: patches of manifests do not reach them.
import { groupOf, podKindOf } from '../model/kinds.js';
import type { MergeField, MergeSchema } from './strategic-merge.js';

const OBJECT_META: MergeSchema = {
  finalizers: { keys: [] },
  ownerReferences: { keys: ['uid'] },
};

const META: MergeField = { schema: OBJECT_META };

const CONTAINER: MergeSchema = {
  env: { keys: ['name'] },
  ports: { keys: ['containerPort', 'protocol'] },
  volumeDevices: { keys: ['devicePath'] },
  volumeMounts: { keys: ['mountPath'] },
};

/** An ephemeral container's ports carry no merge strategy in the schema. */
const EPHEMERAL_CONTAINER: MergeSchema = { env: CONTAINER['env'] as MergeField, volumeDevices: CONTAINER['volumeDevices'] as MergeField, volumeMounts: CONTAINER['volumeMounts'] as MergeField };

const POD_SPEC: MergeSchema = {
  containers: { keys: ['name'], schema: CONTAINER },
  initContainers: { keys: ['name'], schema: CONTAINER },
  ephemeralContainers: { keys: ['name'], schema: EPHEMERAL_CONTAINER },
  hostAliases: { keys: ['ip'] },
  imagePullSecrets: { keys: ['name'] },
  topologySpreadConstraints: { keys: ['topologyKey', 'whenUnsatisfiable'] },
  volumes: { keys: ['name'] },
};

const POD_TEMPLATE: MergeField = { schema: { metadata: META, spec: { schema: POD_SPEC } } };

/** A kind with a pod template at spec.template (spec.jobTemplate.spec.template for a CronJob). */
const WORKLOAD_SPEC: MergeSchema = { template: POD_TEMPLATE };

/** Kinds by API group and kind: what kyaml's schema knows beyond ObjectMeta. */
const KINDS: ReadonlyMap<string, MergeSchema> = new Map<string, MergeSchema>([
  ['/Service', { spec: { schema: { ports: { keys: ['port', 'protocol'] } } } }],
  ['/ServiceAccount', { secrets: { keys: ['name'] }, imagePullSecrets: { keys: ['name'] } }],
  ['/PodTemplate', { template: POD_TEMPLATE }],
  ['admissionregistration.k8s.io/MutatingWebhookConfiguration', { webhooks: { keys: ['name'] } }],
  ['admissionregistration.k8s.io/ValidatingWebhookConfiguration', { webhooks: { keys: ['name'] } }],
  ['storage.k8s.io/CSINode', { spec: { schema: { drivers: { keys: ['name'] } } } }],
]);

/** Every kind of the built-in groups kyaml's schema holds: ObjectMeta's lists merge; an unknown group's kind has no schema. */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'extensions', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io',
  'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
]);

/** The merge schema of an object of `apiVersion` and `kind`, or undefined for a kind kyaml has no schema of (lists are replaced). */
export function mergeSchemaOf(apiVersion: string, kind: string): MergeSchema | undefined {
  const group = groupOf(apiVersion);
  if (!BUILT_IN_GROUPS.has(group)) return undefined;
  const podKind = podKindOf(apiVersion, kind);
  if (podKind === 'Pod') return { metadata: META, spec: { schema: POD_SPEC } };
  if (podKind === 'CronJob') return { metadata: META, spec: { schema: { jobTemplate: { schema: { metadata: META, spec: { schema: WORKLOAD_SPEC } } } } } };
  if (podKind !== undefined && podKind !== 'DeploymentConfig') return { metadata: META, spec: { schema: WORKLOAD_SPEC } };
  return { metadata: META, ...KINDS.get(`${group}/${kind}`) };
}
