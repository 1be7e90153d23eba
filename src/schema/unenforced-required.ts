// Fields the OpenAPI schema of a built-in kind marks required (no +optional marker on the Go field) that the API
// server accepts missing: defaulting fills them, or validation takes the zero value. kubectl no longer checks the
// schema itself (server-side field validation rejects only unknown and duplicate fields), so only the API server's
// validation decides, and the schema's `required` must not.
import { compareReleases } from '../model/kubernetes-version.js';
import type { SchemaError } from './compiled-validator.js';

interface Unenforced {
  /** The kind, when the field belongs to one kind's own object; any kind otherwise. */
  readonly kind?: string;
  /** The instance path of the object holding the field. */
  readonly at: RegExp;
  readonly field: string;
  /** The first release whose API server accepts the field missing. */
  readonly since?: string;
}

const UNENFORCED: readonly Unenforced[] = [
  // storage/v1 defaults.go SetDefaults_CSIDriver sets every field validateCSIDriverSpec reads
  { kind: 'CSIDriver', at: /^$/, field: 'spec' },
  // storage validation validateTokenRequests: at most one token request may leave the audience empty
  { kind: 'CSIDriver', at: /^\/spec\/tokenRequests\/\d+$/, field: 'audience' },
  // storage validation validateCSINodeDrivers ranges over the drivers; none is fine, and a missing spec is the zero
  // CSINodeSpec (a struct in Go)
  { kind: 'CSINode', at: /^$/, field: 'spec' },
  { kind: 'CSINode', at: /^\/spec$/, field: 'drivers' },
  // resource validation validateDeviceClassSpec and validateResourceClaimSpec (validateDeviceClaim) range over optional
  // lists: the zero spec (a struct in Go) passes, for a ResourceClaimTemplate's spec and its claim spec too
  { kind: 'DeviceClass', at: /^$/, field: 'spec' },
  { kind: 'ResourceClaim', at: /^$/, field: 'spec' },
  { kind: 'ResourceClaimTemplate', at: /^(\/spec)?$/, field: 'spec' },
  // resource validation validateResourcePool: generation must not be negative, so 0 passes
  { kind: 'ResourceSlice', at: /^\/spec\/pool$/, field: 'generation' },
  // core validation ValidateLimitRange ranges over spec.limits; none is fine
  { kind: 'LimitRange', at: /^\/spec$/, field: 'limits' },
  // discovery validation validateHints: a zone hint's name must be a valid label value, and the empty one is
  { kind: 'EndpointSlice', at: /^\/endpoints\/\d+\/hints\/forZones\/\d+$/, field: 'name' },
  // core validation ValidateNode never reads spec.configSource on create (ValidateNodeUpdate does)
  { kind: 'Node', at: /^\/spec\/configSource\/configMap$/, field: 'kubeletConfigKey' },
  { kind: 'Node', at: /^\/spec\/configSource\/configMap$/, field: 'name' },
  { kind: 'Node', at: /^\/spec\/configSource\/configMap$/, field: 'namespace' },
  // apps validation ValidateControllerRevision only asks revision to be non-negative
  { kind: 'ControllerRevision', at: /^$/, field: 'revision' },
  // apiextensions validation validateCustomResourceDefinitionSpec counts the versions marked storage (exactly one) and
  // never reads served: a version without them is an unserved, unstored one
  { kind: 'CustomResourceDefinition', at: /^\/spec\/versions\/\d+$/, field: 'served' },
  { kind: 'CustomResourceDefinition', at: /^\/spec\/versions\/\d+$/, field: 'storage' },
  // core validation validateHTTPGetAction checks each header's name only
  { at: /\/httpHeaders\/\d+$/, field: 'value' },
  // core validation validateISCSIVolumeSource, validateISCSIPersistentVolumeSource: lun in 0..255, so 0 passes
  { at: /\/iscsi$/, field: 'lun' },
  // core validation validateSleepAction: 0 seconds from v1.33 (PodLifecycleSleepActionAllowZero, on by default)
  { at: /\/sleep$/, field: 'seconds', since: '1.33' },
  // core validation validateSysctls checks each sysctl's name only, never its value
  { at: /\/sysctls\/\d+$/, field: 'value' },
  // core validation ValidatePreferredSchedulingTerms: weight in 1..100 and ValidateNodeSelectorTerm(preference), which
  // takes the empty term
  { at: /\/nodeAffinity\/preferredDuringSchedulingIgnoredDuringExecution\/\d+$/, field: 'preference' },
  // batch validation validatePodFailurePolicy only caps the number of rules (validateSuccessPolicy requires them)
  { at: /\/podFailurePolicy$/, field: 'rules' },
  // core validation validateScaleIOVolumeSource, validateScaleIOPersistentVolumeSource: gateway, system and volumeName
  // only
  { at: /\/scaleIO$/, field: 'secretRef' },
];

/** Whether the schema error is a missing field the API server of `release` accepts missing on `kind`. */
export function isUnenforcedRequired(error: SchemaError, kind: string, release: string): boolean {
  if (error.keyword !== 'required') return false;
  const field = error.params['missingProperty'];
  return UNENFORCED.some(
    (entry) => entry.field === field && (entry.kind === undefined || entry.kind === kind) && entry.at.test(error.instancePath) && (entry.since === undefined || compareReleases(release, entry.since) >= 0),
  );
}
