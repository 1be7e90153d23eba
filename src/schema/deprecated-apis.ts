// API versions Kubernetes deprecated and removed, and the check against the release a run checks.
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { compareReleases, NEWEST_RELEASE } from '../model/kubernetes-version.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { kindDelta } from './release-deltas.js';

interface RemovedApi {
  readonly apiVersion: string;
  readonly kinds: readonly string[];
  /** The Kubernetes minor release that deprecated it. */
  readonly deprecatedIn: string;
  /** The Kubernetes minor release that stopped serving it. */
  readonly removedIn: string;
  /** The apiVersions to move to, most preferred first; the advice names the first one the checked release serves. */
  readonly replacements: readonly string[];
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet'];
const FLOWCONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];
const FLOWCONTROL_REPLACEMENTS = ['flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta3'];

// upstream: staging/src/k8s.io/api/<group>/<version>/zz_generated.prerelease-lifecycle.go (APILifecycleDeprecated,
// APILifecycleRemoved, APILifecycleReplacement) and the deprecated API migration guide
export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, deprecatedIn: '1.8', removedIn: '1.16', replacements: ['apps/v1'] },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacements: ['networking.k8s.io/v1'] },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.10', removedIn: '1.16', replacements: [] },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacements: ['networking.k8s.io/v1'] },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], deprecatedIn: '1.8', removedIn: '1.16', replacements: ['apps/v1'] },
  { apiVersion: 'apps/v1beta2', kinds: [...WORKLOADS, 'StatefulSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacements: ['apps/v1'] },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['networking.k8s.io/v1'] },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacements: ['admissionregistration.k8s.io/v1'] },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacements: ['apiextensions.k8s.io/v1'] },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['apiregistration.k8s.io/v1'] },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['authentication.k8s.io/v1'] },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['authorization.k8s.io/v1'] },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['certificates.k8s.io/v1'] },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['coordination.k8s.io/v1'] },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacements: ['rbac.authorization.k8s.io/v1'] },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacements: ['rbac.authorization.k8s.io/v1'] },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacements: ['scheduling.k8s.io/v1'] },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacements: ['scheduling.k8s.io/v1'] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'StorageClass', 'VolumeAttachment'], deprecatedIn: '1.19', removedIn: '1.22', replacements: ['storage.k8s.io/v1'] },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSINode'], deprecatedIn: '1.17', removedIn: '1.22', replacements: ['storage.k8s.io/v1'] },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacements: ['batch/v1'] },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacements: ['discovery.k8s.io/v1'] },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: '1.19', removedIn: '1.25', replacements: ['events.k8s.io/v1'] },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacements: ['autoscaling/v2'] },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacements: ['policy/v1'] },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25', replacements: [] },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: '1.22', removedIn: '1.25', replacements: ['node.k8s.io/v1'] },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacements: ['autoscaling/v2'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOWCONTROL, deprecatedIn: '1.23', removedIn: '1.26', replacements: FLOWCONTROL_REPLACEMENTS },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacements: ['storage.k8s.io/v1'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOWCONTROL, deprecatedIn: '1.26', removedIn: '1.29', replacements: FLOWCONTROL_REPLACEMENTS },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOWCONTROL, deprecatedIn: '1.29', removedIn: '1.32', replacements: ['flowcontrol.apiserver.k8s.io/v1'] },
];

export const DEPRECATED_API: RuleMeta = {
  id: 'deprecated-api',
  severity: 'error',
  category: 'schema',
  description: 'an apiVersion the checked Kubernetes release no longer serves (error) or has deprecated (warning), with a replacement that release serves',
  rationale: 'The API server rejects objects of a removed API version, so the manifest fails to apply after an upgrade.',
  remediation: 'Move the object to the replacement apiVersion and adapt the fields that changed between versions.',
  defaultOn: true,
};

/** The removal entry of an object's apiVersion and kind, if Kubernetes removed it. */
export function removedApiOf(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((api) => api.apiVersion === apiVersion && api.kinds.includes(kind));
}

/**
 * A deprecated-api finding at the object's apiVersion, judged against `release` (the newest shipped by default): an
 * error once removed, a warning once deprecated, nothing before.
 */
export function checkDeprecatedApi(object: KubeObject, release: string = NEWEST_RELEASE): Finding | undefined {
  const { apiVersion, kind } = object.ref;
  const api = removedApiOf(apiVersion, kind);
  if (!api || compareReleases(release, api.deprecatedIn) < 0) return undefined;
  const removed = compareReleases(release, api.removedIn) >= 0;
  const message = removed
    ? `${apiVersion} ${kind} was removed in Kubernetes ${api.removedIn}: ${advice(api, kind, release)}`
    : `${apiVersion} ${kind} is deprecated since Kubernetes ${api.deprecatedIn} and removed in ${api.removedIn}: ${advice(api, kind, release)}`;
  return findingAt(object, ['apiVersion'], { ruleId: DEPRECATED_API.id, severity: removed ? 'error' : 'warning', message });
}

/** "use X" with the most preferred replacement that `release` serves; never one it does not have yet. */
function advice(api: RemovedApi, kind: string, release: string): string {
  if (api.replacements.length === 0) return 'it has no replacement';
  const served = api.replacements.find((replacement) => isServedBy(replacement, kind, release));
  return served ? `use ${served}` : `Kubernetes ${release} has no replacement yet (${api.replacements.join(' or ')} arrive later)`;
}

function isServedBy(apiVersion: string, kind: string, release: string): boolean {
  const removed = removedApiOf(apiVersion, kind);
  if (removed) return compareReleases(release, removed.removedIn) < 0;
  const servedFrom = kindDelta(apiVersion, kind)?.servedFrom;
  return servedFrom === undefined || compareReleases(release, servedFrom) >= 0;
}
