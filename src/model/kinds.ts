// Facts about built-in kinds: which are cluster-scoped, and where each pod-making kind keeps its pod template.
import type { Path } from './document.js';

const CLUSTER_SCOPED = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ComponentStatus',
  'CSIDriver', 'CSINode', 'CustomResourceDefinition', 'DeviceClass', 'FlowSchema', 'IngressClass',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration', 'Namespace',
  'Node', 'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration',
  'RuntimeClass', 'StorageClass', 'StorageVersionMigration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
  'VolumeAttributesClass', 'IPAddress', 'ServiceCIDR', 'ClusterTrustBundle', 'ResourceSlice',
]);

/** True for built-in cluster-scoped kinds (their ObjectRef has namespace ""). */
export function isClusterScoped(_apiVersion: string, kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

export type PodKind =
  | 'Pod' | 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob'
  | 'DeploymentConfig' | 'Rollout';

export interface PodKindInfo {
  /** Path of the pod template (metadata + spec); [] for a Pod itself. */
  readonly templatePath: Path;
  /** Path of the replica count, or null when the kind has none. */
  readonly replicasPath: Path | null;
  /** API groups the kind is served from (current and removed ones, so old manifests still get a model). */
  readonly groups: readonly string[];
  /** Served by a CustomResourceDefinition (Argo Rollouts'): an object of the kind may be made outside the inputs. */
  readonly customResource?: true;
}

export const POD_KINDS: Readonly<Record<PodKind, PodKindInfo>> = {
  Pod: { templatePath: [], replicasPath: null, groups: [''] },
  Deployment: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: ['apps', 'extensions'] },
  ReplicaSet: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: ['apps', 'extensions'] },
  ReplicationController: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: [''] },
  StatefulSet: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: ['apps'] },
  DaemonSet: { templatePath: ['spec', 'template'], replicasPath: null, groups: ['apps', 'extensions'] },
  Job: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'parallelism'], groups: ['batch'] },
  CronJob: {
    templatePath: ['spec', 'jobTemplate', 'spec', 'template'],
    replicasPath: ['spec', 'jobTemplate', 'spec', 'parallelism'],
    groups: ['batch'],
  },
  // OpenShift's DeploymentConfig (apps.openshift.io/v1; plain v1 on OpenShift 3) runs a pod template like a Deployment.
  DeploymentConfig: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: ['apps.openshift.io', ''] },
  // Argo Rollouts' Rollout (argoproj.io/v1alpha1) is a drop-in Deployment: its ReplicaSets run its pod template. One
  // that borrows a Deployment's template (spec.workloadRef) makes no workload of its own (workload.ts).
  Rollout: { templatePath: ['spec', 'template'], replicasPath: ['spec', 'replicas'], groups: ['argoproj.io'], customResource: true },
};

/**
 * schema.ParseGroupVersion's error for an apiVersion it cannot read as "group/version" or "version" (more than one
 * '/'), or undefined when it reads it.
 */
export function groupVersionError(apiVersion: string): string | undefined {
  return apiVersion.indexOf('/') === apiVersion.lastIndexOf('/') ? undefined : `unexpected GroupVersion string: ${apiVersion}`;
}

/**
 * kubectl's RESTMapping error for a kind the cluster does not serve at that apiVersion (apimachinery meta.NoKindMatchError
 * with one searched version, which cli-runtime's mapper wraps as "resource mapping not found").
 */
export function noKindMatch(apiVersion: string, kind: string): string {
  return `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`;
}

/** The API group of an apiVersion: "apps/v1" → "apps", "v1" → "". */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function podKindOf(apiVersion: string, kind: string): PodKind | undefined {
  if (!Object.hasOwn(POD_KINDS, kind)) return undefined;
  const podKind = kind as PodKind;
  return POD_KINDS[podKind].groups.includes(groupOf(apiVersion)) ? podKind : undefined;
}
