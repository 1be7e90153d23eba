// API versions Kubernetes deprecated and removed (upstream: the deprecated API migration guide), and the check.
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { SCHEMA_KUBERNETES_VERSION } from './builtin-kinds.js';

interface RemovedApi {
  readonly apiVersion: string;
  readonly kinds: readonly string[];
  /** The Kubernetes minor version that stopped serving it. */
  readonly removedIn: string;
  /** The apiVersion to move to; undefined when the API has no successor. */
  readonly replacement: string | undefined;
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet'];

export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.16', replacement: undefined },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: [...WORKLOADS, 'StatefulSet', 'ControllerRevision'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.25', replacement: undefined },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

export const DEPRECATED_API: RuleMeta = {
  id: 'deprecated-api',
  severity: 'error',
  category: 'schema',
  description: 'apiVersion removed from Kubernetes (error) or deprecated and due for removal in a later release (warning)',
  rationale: 'The API server rejects objects of a removed API version, so the manifest fails to apply after an upgrade.',
  remediation: 'Move the object to the replacement apiVersion and adapt the fields that changed between versions.',
  defaultOn: true,
};

/** The removal entry of an object's apiVersion and kind, if Kubernetes removed it. */
export function removedApiOf(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((api) => api.apiVersion === apiVersion && api.kinds.includes(kind));
}

/** A deprecated-api finding at the object's apiVersion, judged against `kubernetesVersion` (newest shipped by default). */
export function checkDeprecatedApi(object: KubeObject, kubernetesVersion: string | undefined): Finding | undefined {
  const { apiVersion, kind } = object.ref;
  const api = removedApiOf(apiVersion, kind);
  if (!api) return undefined;
  const target = kubernetesVersion ?? SCHEMA_KUBERNETES_VERSION;
  const removed = compareMinor(target, api.removedIn) >= 0;
  const advice = api.replacement ? `use ${api.replacement}` : 'it has no replacement';
  const message = removed
    ? `${apiVersion} ${kind} was removed in Kubernetes ${api.removedIn}: ${advice}`
    : `${apiVersion} ${kind} is deprecated and removed in Kubernetes ${api.removedIn}: ${advice}`;
  return findingAt(object, ['apiVersion'], { ruleId: DEPRECATED_API.id, severity: removed ? 'error' : 'warning', message });
}

/** Compares "1.25" / "v1.25.3" style versions by major and minor. */
export function compareMinor(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.replace(/^v/, '').split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.replace(/^v/, '').split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
