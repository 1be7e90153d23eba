// The API server's hand-written validation of built-in kinds on create: ObjectMeta per kind, then the kind's spec.
import { appendAll } from '../../model/append.js';
import { findingAt, type Finding } from '../../model/finding.js';
import { isClusterScoped } from '../../model/kinds.js';
import { certificateRequestName, validateCertificateSigningRequest } from './certificates.js';
import { validateLease } from './coordination.js';
import { validateEndpointSlice } from './discovery.js';
import { validateFlowSchema, validatePriorityLevelConfiguration } from './flowcontrol.js';
import type { Path } from '../../model/document.js';
import { asRecord, type KubeObject } from '../../model/object.js';
import type { RuleMeta } from '../../model/rule-meta.js';
import { validateMutatingAdmissionPolicy, validateMutatingAdmissionPolicyBinding, validateValidatingAdmissionPolicy, validateValidatingAdmissionPolicyBinding, validateWebhookConfiguration } from './admission-registration.js';
import { crdNameFn, validateCustomResourceDefinition } from './apiextensions.js';
import { validateAppsSpec } from './apps.js';
import { validateControllerRevision } from './controller-revision.js';
import { apiServiceNameFn, validateAPIService } from './api-service.js';
import { validateCronJob, validateJob } from './batch.js';
import { compareReleases } from '../../model/kubernetes-version.js';
import type { ValidationContext } from './core-pod.js';
import { validateConfigMap, validateNode, validatePod, validatePodTemplate, validateReplicationController, validateSecret, validateService } from './core.js';
import { validateEndpoints } from './endpoints.js';
import { validateCoreEvent, validateEventsV1Event } from './events.js';
import { apiServiceCABundle, conversionWebhookCABundle, decodeBytesFields, mapValues, webhookCABundles } from './decode-bytes.js';
import { DUPLICATE_CONTAINER_NAME, INVALID_PORT, LIMITS_BELOW_REQUESTS, type InitRestartPolicy, type SleepSeconds } from './core-container.js';
import { API_VALIDATION, errorMessageOf, errorPrinting, GoNamedString, toPath, type ErrorList } from './field-error.js';
import { validateLimitRange } from './limit-range.js';
import { validateHorizontalPodAutoscalerV1, validateHorizontalPodAutoscalerV2 } from './autoscaling.js';
import { validateRuntimeClass } from './node.js';
import { validatePodDisruptionBudget } from './policy.js';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac.js';
import { validatePriorityClass } from './scheduling.js';
import { validateIngress, validateIngressClass, validateNetworkPolicy } from './networking.js';
import { validatePersistentVolume, validatePersistentVolumeClaim } from './persistent-volume.js';
import { ipAddressName, validateIPAddress, validateServiceCIDR } from './service-cidr.js';
import { allocateNodePorts } from './service-node-ports.js';
import { validateDeviceClass, validateResourceClaim, validateResourceClaimTemplate } from './resource-claim.js';
import { validateResourceSlice } from './resource-slice.js';
import { validateResourceQuota } from './resource-quota.js';
import { validateCSIDriver, validateCSIStorageCapacity, validateStorageClass, validateVolumeAttachment, validateVolumeAttributesClass } from './storage.js';
import { INVALID_LABEL, INVALID_NAME, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment, validateNamespaceFinalizers, validateObjectMeta, type NameFunc } from './object-meta.js';
import { INVALID_RESTART_POLICY, SELECTOR_MISMATCH } from './template.js';
import { arrayField, recordField, type Fields } from './values.js';
import { holdsSubstitution, holdsSubstitutionDeep } from '../../model/substitution.js';
import { valueAt } from '../../model/workload.js';

interface KindValidation {
  readonly nameFn: NameFunc;
  /** A name rule that reads the object's other fields (an APIService's is its version and group), instead of nameFn. */
  readonly nameFnOf?: (object: Fields, context: ValidationContext) => NameFunc;
  /** Validated with apimachinery's ValidateObjectMeta, not core's (no standard-finalizer check). */
  readonly genericMeta?: true;
  /**
   * Failures before validation, of decoding the request body or of the registry's allocations on create (a Service's
   * node ports): when there are any, the API server validates nothing else.
   */
  readonly beforeValidation?: (object: Fields) => ErrorList;
  readonly spec?: (object: Fields, context: ValidationContext) => ErrorList;
  /**
   * The strategy validates no ObjectMeta: only rest.BeforeCreate's common check does (genericvalidation
   * ValidateObjectMetaAccessor with path-segment names), and only once the strategy's validation passed.
   */
  readonly metaAfterSpec?: true;
}

/** Go's time.LoadLocation ("Local" and "UTC" are built in), approximated by the IANA database Node ships. */
function isTimeZone(name: string): boolean {
  if (name === 'Local' || name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// upstream: each kind's Validate<Kind> in pkg/apis/<group>/validation; kinds not listed use a DNS-1123 subdomain name
const KINDS: Readonly<Record<string, KindValidation>> = {
  'v1 Pod': { nameFn: nameIsDNSSubdomain, spec: validatePod },
  'v1 PodTemplate': { nameFn: nameIsDNSSubdomain, spec: validatePodTemplate },
  'v1 ReplicationController': { nameFn: nameIsDNSSubdomain, spec: validateReplicationController },
  // upstream: ValidateServiceCreate; RelaxedServiceNameValidation (KEP-5311) makes it a DNS-1123 label
  'v1 Service': { nameFn: nameIsDNS1035Label, nameFnOf: (_object, context) => (context.relaxedServiceNames ? nameIsDNSLabel : nameIsDNS1035Label), beforeValidation: allocateNodePorts, spec: validateService },
  // upstream: events.go ValidateEventCreate: core/v1 gets the legacy checks alone, events.k8s.io/v1 core's ObjectMeta too
  'v1 Event': { nameFn: nameIsPathSegment, genericMeta: true, metaAfterSpec: true, spec: validateCoreEvent },
  'events.k8s.io/v1 Event': { nameFn: nameIsDNSSubdomain, spec: validateEventsV1Event },
  'v1 Endpoints': { nameFn: nameIsDNSSubdomain, spec: validateEndpoints },
  'v1 Namespace': { nameFn: nameIsDNSLabel, spec: (object) => validateNamespaceFinalizers(arrayField(recordField(object, 'spec'), 'finalizers')) },
  'v1 Node': { nameFn: nameIsDNSSubdomain, spec: validateNode },
  'v1 LimitRange': { nameFn: nameIsDNSSubdomain, spec: validateLimitRange },
  'v1 PersistentVolumeClaim': { nameFn: nameIsDNSSubdomain, spec: validatePersistentVolumeClaim },
  'v1 PersistentVolume': { nameFn: nameIsDNSSubdomain, spec: validatePersistentVolume },
  'v1 ResourceQuota': { nameFn: nameIsDNSSubdomain, spec: validateResourceQuota },
  'v1 ConfigMap': { nameFn: nameIsDNSSubdomain, beforeValidation: decodeBytesFields('ConfigMap', mapValues('binaryData')), spec: validateConfigMap },
  'v1 Secret': { nameFn: nameIsDNSSubdomain, beforeValidation: decodeBytesFields('Secret', mapValues('data')), spec: validateSecret },
  'apps/v1 Deployment': { nameFn: nameIsDNSSubdomain, spec: (object, context) => validateAppsSpec('Deployment', object, context) },
  'apps/v1 ReplicaSet': { nameFn: nameIsDNSSubdomain, spec: (object, context) => validateAppsSpec('ReplicaSet', object, context) },
  'apps/v1 StatefulSet': { nameFn: nameIsDNSLabel, spec: (object, context) => validateAppsSpec('StatefulSet', object, context) },
  'apps/v1 DaemonSet': { nameFn: nameIsDNSSubdomain, spec: (object, context) => validateAppsSpec('DaemonSet', object, context) },
  'apps/v1 ControllerRevision': { nameFn: nameIsDNSSubdomain, spec: validateControllerRevision },
  'batch/v1 Job': { nameFn: nameIsDNSSubdomain, spec: validateJob },
  'batch/v1 CronJob': { nameFn: nameIsDNSSubdomain, spec: (object, context) => validateCronJob(object, isTimeZone, context) },
  'networking.k8s.io/v1 Ingress': { nameFn: nameIsDNSSubdomain, spec: validateIngress },
  'networking.k8s.io/v1 NetworkPolicy': { nameFn: nameIsDNSSubdomain, spec: validateNetworkPolicy },
  'rbac.authorization.k8s.io/v1 Role': { nameFn: nameIsPathSegment, spec: validateRole },
  'rbac.authorization.k8s.io/v1 ClusterRole': { nameFn: nameIsPathSegment, spec: validateClusterRole },
  'rbac.authorization.k8s.io/v1 RoleBinding': { nameFn: nameIsPathSegment, spec: validateRoleBinding },
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': { nameFn: nameIsPathSegment, spec: validateClusterRoleBinding },
  'policy/v1 PodDisruptionBudget': { nameFn: nameIsDNSSubdomain, spec: validatePodDisruptionBudget },
  // upstream: ValidateHorizontalPodAutoscalerName is ValidateReplicationControllerName, a DNS subdomain
  'autoscaling/v2 HorizontalPodAutoscaler': { nameFn: nameIsDNSSubdomain, spec: validateHorizontalPodAutoscalerV2 },
  'autoscaling/v1 HorizontalPodAutoscaler': { nameFn: nameIsDNSSubdomain, spec: validateHorizontalPodAutoscalerV1 },
  'scheduling.k8s.io/v1 PriorityClass': { nameFn: nameIsDNSSubdomain, spec: validatePriorityClass },
  // upstream: node validation uses apimachinery's ValidateObjectMeta
  'node.k8s.io/v1 RuntimeClass': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateRuntimeClass },
  'certificates.k8s.io/v1 CertificateSigningRequest': { nameFn: certificateRequestName, spec: validateCertificateSigningRequest },
  // upstream: coordination validation.go ValidateLease: apimachinery's ValidateObjectMeta
  'coordination.k8s.io/v1 Lease': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateLease },
  'discovery.k8s.io/v1 EndpointSlice': { nameFn: nameIsDNSSubdomain, spec: validateEndpointSlice },
  'flowcontrol.apiserver.k8s.io/v1 FlowSchema': { nameFn: nameIsDNSSubdomain, spec: validateFlowSchema },
  // upstream: prioritylevelconfiguration strategy.go Validate: AllowZeroLimitedNominalConcurrencyShares from 1.30
  'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration': { nameFn: nameIsDNSSubdomain, spec: (object, context) => validatePriorityLevelConfiguration(object, context.zeroLimitedShares) },
  'networking.k8s.io/v1 IngressClass': { nameFn: nameIsDNSSubdomain, spec: validateIngressClass },
  // upstream: resource validation.go ValidateDeviceClass uses core's ValidateObjectMetaWithOpts with validate.LongName
  'resource.k8s.io/v1 DeviceClass': { nameFn: nameIsDNSSubdomain, spec: validateDeviceClass },
  'resource.k8s.io/v1 ResourceClaim': { nameFn: nameIsDNSSubdomain, spec: validateResourceClaim },
  'resource.k8s.io/v1 ResourceClaimTemplate': { nameFn: nameIsDNSSubdomain, spec: validateResourceClaimTemplate },
  'resource.k8s.io/v1 ResourceSlice': { nameFn: nameIsDNSSubdomain, spec: validateResourceSlice },
  'networking.k8s.io/v1 ServiceCIDR': { nameFn: nameIsDNSSubdomain, spec: validateServiceCIDR },
  'networking.k8s.io/v1 IPAddress': { nameFn: ipAddressName, spec: validateIPAddress },
  'storage.k8s.io/v1 StorageClass': { nameFn: nameIsDNSSubdomain, spec: validateStorageClass },
  'storage.k8s.io/v1 CSIDriver': { nameFn: nameIsDNSSubdomain, spec: validateCSIDriver },
  'storage.k8s.io/v1 VolumeAttachment': { nameFn: nameIsDNSSubdomain, spec: validateVolumeAttachment },
  // upstream: storage validation.go ValidateVolumeAttributesClass, ValidateCSIStorageCapacity: core's ValidateObjectMeta
  'storage.k8s.io/v1 VolumeAttributesClass': { nameFn: nameIsDNSSubdomain, spec: validateVolumeAttributesClass },
  'storage.k8s.io/v1 CSIStorageCapacity': { nameFn: nameIsDNSSubdomain, spec: validateCSIStorageCapacity },
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration': { nameFn: nameIsDNSSubdomain, genericMeta: true, beforeValidation: decodeBytesFields('ValidatingWebhookConfiguration', webhookCABundles), spec: validateWebhookConfiguration },
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration': { nameFn: nameIsDNSSubdomain, genericMeta: true, beforeValidation: decodeBytesFields('MutatingWebhookConfiguration', webhookCABundles), spec: validateWebhookConfiguration },
  // upstream: admissionregistration validation.go validateValidatingAdmissionPolicy(Binding): genericvalidation.ValidateObjectMeta
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateValidatingAdmissionPolicy },
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateValidatingAdmissionPolicyBinding },
  // upstream: validateMutatingAdmissionPolicy(Binding): genericvalidation.ValidateObjectMeta
  'admissionregistration.k8s.io/v1 MutatingAdmissionPolicy': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateMutatingAdmissionPolicy },
  'admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding': { nameFn: nameIsDNSSubdomain, genericMeta: true, spec: validateMutatingAdmissionPolicyBinding },
  // upstream: apiextensions and kube-aggregator validation use apimachinery's genericvalidation.ValidateObjectMeta
  'apiextensions.k8s.io/v1 CustomResourceDefinition': { nameFn: nameIsDNSSubdomain, nameFnOf: crdNameFn, genericMeta: true, beforeValidation: decodeBytesFields('CustomResourceDefinition', conversionWebhookCABundle), spec: validateCustomResourceDefinition },
  'apiregistration.k8s.io/v1 APIService': { nameFn: nameIsDNSSubdomain, nameFnOf: apiServiceNameFn, genericMeta: true, beforeValidation: decodeBytesFields('APIService', apiServiceCABundle), spec: validateAPIService },
};

/** Requests, not stored objects: the API server does not validate their metadata. */
const REVIEW_KINDS = new Set(['TokenReview', 'SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SelfSubjectReview']);

const DEFAULT_KIND: KindValidation = { nameFn: nameIsDNSSubdomain };

export interface BuiltinVerdict {
  readonly findings: Finding[];
  /**
   * False when the request failed before validation (a []byte value that does not decode, a node port that cannot be
   * allocated): the API server rejects it with that error alone.
   */
  readonly validated: boolean;
}

/** Every error the API server's validation (of `release`) would return for creating this built-in object, as findings. */
export function validateBuiltinObject(object: KubeObject, release: string): BuiltinVerdict {
  const { apiVersion, kind } = object.ref;
  if (REVIEW_KINDS.has(kind)) return { findings: [], validated: true };
  const validation = KINDS[`${apiVersion} ${kind}`] ?? DEFAULT_KIND;
  const earlyErrors = validation.beforeValidation?.(object.value) ?? [];
  const context = contextOf(release);
  const metaErrors = (): ErrorList => validateObjectMeta(object.value['metadata'], { namespaced: !isClusterScoped(apiVersion, kind), nameFn: validation.nameFnOf?.(object.value, context) ?? validation.nameFn, kubeFinalizerNames: validation.genericMeta !== true });
  const errors = earlyErrors.length > 0 ? earlyErrors : validation.metaAfterSpec ? [] : metaErrors();
  if (earlyErrors.length === 0 && validation.spec) appendAll(errors, validation.spec(object.value, context));
  if (earlyErrors.length === 0 && validation.metaAfterSpec && errors.length === 0) appendAll(errors, metaErrors());
  const printing = errorPrinting(release);
  // a value with `${APP}` in it is replaced before the object is applied (model/substitution.ts): not judged here, nor
  // reported missing when a check reads only numbers there (`containerPort: ${PORT:-9002}`)
  const findings = errors.filter((error) => !holdsSubstitution(writtenValue(error.value)) && !readsSubstitution(object.value, toPath(error.field))).map((error) =>
    findingAt(object, error.at ?? toPath(error.field), { ruleId: error.ruleId, severity: 'error', message: errorMessageOf(error, printing) }, error.on),
  );
  return { findings, validated: earlyErrors.length === 0 };
}

/** The value as written: an enum's value is wrapped for printing (GoNamedString). */
const writtenValue = (value: unknown): unknown => (value instanceof GoNamedString ? value.text : value);

/**
 * Whether the check that reported at `path` may have read a substitution variable: one in the value there (at any
 * depth: a backend whose `port.number: ${PORT}` makes "port name or number is required"), or in a scalar beside it,
 * which cross-field checks read (`maxSurge: ${MAX_SURGE:=1}` for maxUnavailable 0, a Service's `type: ${SVC_TYPE}` for
 * its externalTrafficPolicy, a Job's `completionMode` for backoffLimitPerIndex).
 */
function readsSubstitution(root: unknown, path: Path): boolean {
  if (holdsSubstitutionDeep(valueAt(root, path))) return true;
  const parent = path.length > 0 ? asRecord(valueAt(root, path.slice(0, -1))) : undefined;
  return parent !== undefined && Object.values(parent).some(holdsSubstitution);
}

// upstream: pkg/features/kube_features.go PodLevelResources (beta, on by default from 1.34), StrictIPCIDRValidation and
// RelaxedServiceNameValidation (beta, on by default from 1.36), RelaxedDNSSearchValidation (beta from 1.33), ProcMountType
// and UserNamespacesSupport (beta, on by default from 1.33), MatchLabelKeysInPodAffinity (beta, on by default from 1.31),
// MatchLabelKeysInPodTopologySpreadSelectorMerge (beta, on by default from 1.34), DynamicResourceAllocation (GA, on by
// default from 1.34), ImageVolume and EnvFiles (beta, on by default from 1.35), SupplementalGroupsPolicy (beta, on by
// default from 1.33), the DRA device gates (beta, on by default from 1.36),
// MaxUnavailableStatefulSet (on by default in 1.35, off again in 1.36: release-deltas);
// ValidateTolerations passed the whole toleration to field.Invalid until kubernetes#128119 (1.32)
export function contextOf(release: string): ValidationContext {
  return {
    podLevelResources: compareReleases(release, '1.34') >= 0,
    wholeToleration: compareReleases(release, '1.32') < 0,
    strictIPs: compareReleases(release, '1.36') >= 0,
    relaxedDNSSearch: compareReleases(release, '1.33') >= 0,
    relaxedServiceNames: compareReleases(release, '1.36') >= 0,
    maxUnavailableStatefulSet: compareReleases(release, '1.35') === 0,
    statefulSetServiceName: compareReleases(release, '1.33') >= 0,
    controllerRevisionJSONObject: compareReleases(release, '1.31') >= 0,
    cleanedUpDetails: compareReleases(release, '1.34') >= 0,
    relaxedEnvVarNames: compareReleases(release, '1.32') >= 0,
    envFiles: compareReleases(release, '1.35') >= 0,
    supplementalGroupsPolicy: compareReleases(release, '1.33') >= 0,
    tolerationComparisons: compareReleases(release, '1.35') >= 0,
    procMountType: compareReleases(release, '1.33') >= 0,
    userNamespaces: compareReleases(release, '1.33') >= 0,
    matchLabelKeysInPodAffinity: compareReleases(release, '1.31') >= 0,
    matchLabelKeysSelectorMerge: compareReleases(release, '1.34') >= 0,
    dynamicResourceAllocation: compareReleases(release, '1.34') >= 0,
    imageVolume: compareReleases(release, '1.35') >= 0,
    draDeviceGates: compareReleases(release, '1.36') >= 0,
    draDeclarativeErrors: compareReleases(release, '1.35') >= 0,
    draKeyErrorsAtMap: compareReleases(release, '1.36') >= 0,
    zeroLimitedShares: compareReleases(release, '1.30') >= 0,
    sleepSeconds: sleepSecondsOf(release),
    initRestartPolicy: initRestartPolicyOf(release),
  };
}

/**
 * PodLifecycleSleepAction is beta (on) from 1.30, before which the field is dropped or unknown; 1.30 and 1.31 refuse 0
 * seconds with their own words; 1.32's words behind the off PodLifecycleSleepActionAllowZero gate are not among the
 * stored sources, so 1.32 is not checked; from 1.33 the gate is on and 0 passes.
 */
// upstream: pkg/features/kube_features.go PodLifecycleSleepAction, PodLifecycleSleepActionAllowZero; kubernetes#127094
function sleepSecondsOf(release: string): SleepSeconds {
  if (compareReleases(release, '1.33') >= 0) return 'non-negative';
  return compareReleases(release, '1.30') >= 0 && compareReleases(release, '1.32') < 0 ? 'positive' : 'unchecked';
}

// upstream: pkg/features/kube_features.go SidecarContainers (beta from 1.29), ContainerRestartRules (beta from 1.35)
function initRestartPolicyOf(release: string): InitRestartPolicy {
  if (compareReleases(release, '1.35') >= 0) return 'container-restart-rules';
  return compareReleases(release, '1.29') >= 0 ? 'sidecar' : 'unchecked';
}

const meta = (id: string, description: string, remediation: string): RuleMeta => ({
  id, severity: 'error', category: 'schema', description, rationale: 'The API server rejects the object, so it never reaches the cluster.', remediation, defaultOn: true,
});

/** Finding ids of the API server's validation; the specific ones own the errors users most often meet. */
export const API_VALIDATION_METAS: readonly RuleMeta[] = [
  meta(API_VALIDATION, "a value the API server's own validation rejects (pkg/apis/*/validation): ports, probes, volumes (item and sub-paths, projections, downward API), security contexts, sysctls, tolerations, schedules, Service, Secret, Ingress rules, RBAC, PodDisruptionBudget, HorizontalPodAutoscaler, PriorityClass, storage (PVC, PV, StorageClass, VolumeAttributesClass, CSIStorageCapacity), ResourceQuota, webhook configurations, admission policies and bindings, FlowSchema and PriorityLevelConfiguration, APIService, CustomResourceDefinition (names, versions, storage version, printer columns, scale, conversion, API approval, a structural schema), DRA claims, claim templates, device classes and ResourceSlices (requests, allocation modes, constraints, opaque config, pools, node selection, device attributes), IP addresses and CIDRs (Service, Endpoints, NetworkPolicy ipBlock, ServiceCIDR, IPAddress names, pod DNS config and host aliases)", 'Fix the field as the message says; the message is the one kubectl apply would print.'),
  meta(INVALID_NAME, 'metadata.name, generateName or namespace breaks the name rule of its kind (DNS-1123 subdomain or label, DNS-1035 label for Services)', 'Use lower-case letters, digits and "-" (and "." where the kind allows it), starting and ending with a letter or digit.'),
  meta(INVALID_LABEL, 'label or annotation key, label value, or total annotation size breaks the Kubernetes rules', 'Keys are an optional DNS subdomain prefix and "/" plus a name of at most 63 letters, digits, "-", "_" and "."; label values follow the same rule for the name and may be empty.'),
  meta(SELECTOR_MISMATCH, "the controller's selector is empty or does not select its own pod template's labels", 'Make spec.selector match the labels of spec.template.metadata.labels (the selector cannot change after creation).'),
  meta(DUPLICATE_CONTAINER_NAME, 'two containers of one pod (init, regular or ephemeral) share a name', 'Give every container of the pod its own name.'),
  meta(INVALID_PORT, 'container, host, Service, probe or backend port outside 1-65535, or a port name that is not an IANA_SVC_NAME', 'Use a port number between 1 and 65535, or a name of at most 15 lower-case letters, digits and "-" with at least one letter.'),
  meta(LIMITS_BELOW_REQUESTS, 'a resource request is above its limit (or differs from it, for resources that cannot be overcommitted such as GPUs and hugepages)', 'Raise the limit to at least the request, or lower the request; give extended resources equal requests and limits.'),
  meta(INVALID_RESTART_POLICY, 'pod template restartPolicy the controller does not allow (Jobs: OnFailure or Never; other controllers: Always)', 'Set spec.template.spec.restartPolicy to a value the kind allows: OnFailure or Never for Jobs and CronJobs, Always (the default) for the others.'),
];
