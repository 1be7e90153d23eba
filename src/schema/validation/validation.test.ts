import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';
import { goValue } from './field-error.js';
import { labelSelectorValue } from './label-selector.js';

const API_IDS = new Set(['api-validation', 'invalid-name', 'invalid-label', 'selector-mismatch', 'duplicate-container-name', 'invalid-port', 'invalid-restart-policy', 'limits-below-requests']);

/** Findings of the API server's validation, or with 'all' every schema-stage finding (valid fixtures have none). */
async function check(file: string, which: 'api' | 'all' = 'api'): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema/validation' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false })
    .filter((finding) => which === 'all' || API_IDS.has(finding.ruleId))
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('ValidateObjectMeta', () => {
  it('ValidateObjectMeta: reports names per kind, label and annotation keys and values, missing names', async () => {
    expect(await check('invalid-object-meta.yaml')).toEqual([
      `7:5 invalid-label: metadata.labels: Invalid value: "app name": ${NAME_PART}`,
      `8:11 invalid-label: metadata.labels: Invalid value: "front/end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `10:5 invalid-label: metadata.annotations: Invalid value: "example.com/a/b": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `18:17 invalid-name: metadata.generateName: Invalid value: "Settings-": ${SUBDOMAIN}`,
      `23:9 invalid-name: metadata.name: Invalid value: "db.primary": must not contain dots`,
      `40:3 invalid-name: metadata.name: Required value: name or generateName is required`,
      `46:9 invalid-name: metadata.name: Invalid value: "a-very-long-cron-job-name-that-is-more-than-fifty-two": must be no more than 52 characters`,
    ]);
  });

  it('a Service name is a DNS-1035 label before 1.36, a DNS-1123 label since (RelaxedServiceNameValidation)', async () => {
    const { objects } = await loadManifests(['invalid-object-meta.yaml'], { cwd: 'fixtures/schema/validation' });
    const names = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.message.includes('"1web"')).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(names('1.35')).toEqual([
      `5:9 metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(names('1.36')).toEqual([]);
  });

  it('ValidateObjectMeta: accepts RBAC path-segment names, generateName, empty label values, mixed-case annotation keys', async () => {
    expect(await check('valid-object-meta.yaml', 'all')).toEqual([]);
  });
});

// One invalid fixture per API group with every expected finding; the valid fixtures must produce no schema-stage finding.
describe('API server validation per API group', () => {
  it.each([
    ['ValidatePodSpec: containers, ports, volumes, mounts, probes, tolerations, topology spread, resources', 'invalid-pod-spec.yaml', () => EXPECTED_POD_SPEC],
    ['ValidatePodSpec: affinity, host ports, env, init container probes, dnsConfig', 'invalid-pod-scheduling.yaml', () => EXPECTED_POD_SCHEDULING],
    ['JSON decoding of []byte: the caBundle of webhook configurations, APIServices and CRD conversion webhooks is base64', 'invalid-ca-bundle.yaml', () => EXPECTED_CA_BUNDLE],
    ['ValidatePodCreate, ValidatePodTemplateSpec: ephemeral containers on create or in a template, a gated pod bound to a node, no pod spec, an image with white space around it (a pod\'s only)', 'invalid-pod-create.yaml', () => EXPECTED_POD_CREATE],
    ['ValidateService, validateServicePort: port names, numbers, duplicates, type-specific fields, externalName', 'invalid-service.yaml', () => EXPECTED_SERVICE],
    ['validateService: ClientIP affinity timeout, loadBalancerClass, traffic policies, healthCheckNodePort', 'invalid-service-traffic.yaml', () => EXPECTED_SERVICE_TRAFFIC],
    ['ValidateConfigMap, ValidateSecret: keys, data and binaryData duplicates, base64 decoding, type-specific keys', 'invalid-config.yaml', () => EXPECTED_CONFIG],
    ['ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateDaemonSetSpec, ValidateStatefulSetSpec', 'invalid-apps.yaml', () => EXPECTED_APPS],
    ['ValidateStatefulSetSpec update strategy, retention policy, ordinals; ValidateRollingUpdateDaemonSet', 'invalid-apps-strategy.yaml', () => EXPECTED_APPS_STRATEGY],
    ['ValidateDeploymentStrategy, ValidateDaemonSetUpdateStrategy, ValidateStatefulSetSpec: an unknown strategy type names the whole strategy', 'invalid-apps-strategy-type.yaml', () => EXPECTED_APPS_STRATEGY_TYPE],
    ['ValidateJob, ValidateCronJobCreate, validateScheduleFormat, validateTimeZone', 'invalid-batch.yaml', () => EXPECTED_BATCH],
    ['validateJobSpec: backoffLimitPerIndex, maxFailedIndexes, podFailurePolicy, successPolicy, podReplacementPolicy, managedBy', 'invalid-job-policies.yaml', () => EXPECTED_JOB_POLICIES],
    ['ValidateIngressSpec, validateHTTPIngressPath, validateIngressBackend, ValidateNetworkPolicyPort', 'invalid-ingress.yaml', () => EXPECTED_INGRESS],
    ['ValidateNetworkPolicySpec: endPort against port, protocols, empty and mixed peers, policyTypes', 'invalid-network-policy.yaml', () => EXPECTED_NETWORK_POLICY],
    ['ValidateLimitRange after SetDefaults_LimitRangeItem: types, resource names, bounds, ratios, non-overcommitable defaults', 'invalid-limit-range.yaml', () => EXPECTED_LIMIT_RANGE],
    ['IP addresses and CIDRs: dnsConfig, hostAliases, Service cluster and external IPs and source ranges, Endpoints, ipBlocks', 'invalid-ip-addresses.yaml', () => EXPECTED_IP_ADDRESSES],
    ['Validating/MutatingWebhookConfiguration and APIService on create', 'invalid-admission.yaml', () => EXPECTED_ADMISSION],
    ['ValidatePodSpec: local paths, downward API and key selectors, projections, mounts, security contexts, sysctls, gates', 'invalid-pod-security.yaml', () => EXPECTED_POD_SECURITY],
    ['validateValidatingAdmissionPolicy(Spec), validateValidatingAdmissionPolicyBinding without CEL', 'invalid-validating-policy.yaml', () => EXPECTED_VALIDATING_POLICY],
    // upstream: validation_test.go TestValidateMutatingAdmissionPolicy, TestValidateMutatingAdmissionPolicyBinding
    ['validateMutatingAdmissionPolicy(Spec), validateMutation, validateMutatingAdmissionPolicyBinding without CEL', 'invalid-mutating-policy.yaml', () => EXPECTED_MUTATING_POLICY],
    ['ValidateCustomResourceDefinition: name, group, scope, names, versions, storage, columns, scale, conversion, approval', 'invalid-crd.yaml', () => EXPECTED_CRD],
    ['ValidateStructural: types, items, root additionalProperties, metadata, value validations; a status root; nullable root', 'invalid-crd-schema.yaml', () => EXPECTED_CRD_SCHEMA],
    ['validateWindowsHostProcessPod: hostNetwork, all containers HostProcess or none, pod and container values agree', 'invalid-windows-host-process.yaml', () => EXPECTED_WINDOWS_HOST_PROCESS],
    ['ValidateSecurityContext, validatePodSpecSecurityContext: user and group ids, AppArmor profiles, procMount', 'invalid-security-context-values.yaml', () => EXPECTED_SECURITY_CONTEXT_VALUES],
    ['validateOS, validateWindows, validateLinux: OS names, Linux security settings in windows pods, windowsOptions in linux pods', 'invalid-pod-os.yaml', () => EXPECTED_POD_OS],
    ['ValidateMatchLabelKeysAndMismatchLabelKeys, a topology spread label selector\'s values: a Pod\'s merged selectors, not a template\'s', 'invalid-match-label-keys.yaml', () => EXPECTED_MATCH_LABEL_KEYS],
    ['ValidatePodSpecificAnnotations: mirror pods, deletion cost, seccomp and AppArmor annotations of pods and templates', 'invalid-pod-annotations.yaml', () => EXPECTED_POD_ANNOTATIONS],
    ['validatePodResourceClaims, validateResourceClaimNames: one source a claim, unique names, containers claim what the pod lists', 'invalid-resource-claims.yaml', () => EXPECTED_RESOURCE_CLAIMS],
    ['validateISCSIVolumeSource, validateHTTPGetAction: a pod volume\'s lun range, probe and hook header names', 'invalid-pod-volume-sources.yaml', () => EXPECTED_POD_VOLUME_SOURCES],
    ['ValidateNode, validateNodeTaints, validateTaintEffect: taint keys, values and effects, named under metadata', 'invalid-node-taints.yaml', () => EXPECTED_NODE_TAINTS],
    ['field.NotSupported on core enums: pod and container policies, protocols, schemes, Service type and IP families; defaulted empty values', 'invalid-core-enums.yaml', () => EXPECTED_CORE_ENUMS],
  ])('%s (%s)', async (_name, fixture, expected) => {
    expect(await check(fixture)).toEqual(expected());
  });

  // every schema-stage finding: the API server's words, not the OpenAPI enum's as well
  it.each([
    ['an unknown apps strategy type is reported once, in the API server\'s words, not by the OpenAPI enum', 'invalid-apps-strategy-type.yaml', () => EXPECTED_APPS_STRATEGY_TYPE],
    ['validateCertificateSigningRequest: any name a path segment allows, usages, signerName, expirationSeconds', 'invalid-certificates.yaml', () => EXPECTED_CERTIFICATES],
    ['webhook failurePolicy, matchPolicy, sideEffects, reinvocationPolicy and rule scope are NotSupported, once', 'invalid-admission-enums.yaml', () => EXPECTED_ADMISSION_ENUMS],
    ['ValidateNamespace: spec.finalizers are qualified names, standard or fully qualified', 'invalid-namespace-finalizers.yaml', () => EXPECTED_NAMESPACE_FINALIZERS],
    ['ValidateEndpointSlice: address type, addresses, node names, hostnames, zone hints, port names, protocols, appProtocol', 'invalid-endpoint-slice.yaml', () => EXPECTED_ENDPOINT_SLICE],
    ['ValidateLease: apimachinery\'s object meta (a finalizer need not be standard), positive durations, transitions', 'invalid-lease.yaml', () => EXPECTED_LEASE],
    ['a FlowSchema or PriorityLevelConfiguration name is a DNS subdomain', 'invalid-flowcontrol-names.yaml', () => EXPECTED_FLOWCONTROL_NAMES],
    ['ValidateFlowSchemaSpec: precedence, priority level, subjects, resource and non-resource rules', 'invalid-flow-schema.yaml', () => EXPECTED_FLOW_SCHEMA],
  ])('%s (%s)', async (_name, fixture, expected) => {
    expect(await check(fixture, 'all')).toEqual(expected());
  });

  // upstream: apps validation.go ValidateStatefulSet (StatefulSetValidationOptions), kubernetes#130233 (1.33)
  it('a StatefulSet serviceName that is no DNS-1123 label is refused from 1.33 on', async () => {
    const { objects } = await loadManifests(['invalid-apps.yaml'], { cwd: 'fixtures/schema/validation' });
    const serviceNames = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.message.startsWith('spec.serviceName')).length;
    expect([serviceNames('1.32'), serviceNames('1.33')]).toEqual([0, 2]);
  });

  it('up to 1.33 a strategy prints with %#v where its rollingUpdate is nil (apimachinery 0.33 ErrorBody)', async () => {
    const { objects } = await loadManifests(['invalid-apps-strategy-type.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: '1.33', extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.ruleId === 'api-validation').map((finding) => finding.message);
    expect(messages).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
      'spec.strategy: Unsupported value: {"Type":"Canary","RollingUpdate":{"MaxUnavailable":0,"MaxSurge":2}}: supported values: "Recreate", "RollingUpdate"',
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Surge", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      'spec.updateStrategy: Invalid value: {"Type":"Rolling","RollingUpdate":{"Partition":1,"MaxUnavailable":null}}: must be \'RollingUpdate\' or \'OnDelete\'',
      'spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Partitioned", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be \'RollingUpdate\' or \'OnDelete\'',
    ]);
  });

  // upstream: networking validation.go ValidateServiceCIDR, ValidateIPAddress (v1.36); apimachinery ip.go IsValidCIDR,
  // IsValidIP; the kinds are served from 1.33 (v1), whose apimachinery printed a []string with %#v
  it('ServiceCIDR and IPAddress: strict canonical CIDRs and names, one CIDR per family, a parent reference', async () => {
    const { objects } = await loadManifests(['invalid-service-cidr.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
    const expected = (family: string) => [
      '9:7 api-validation: spec.cidrs[0]: Invalid value: "10.96.0.1/16": must not have bits set beyond the prefix length',
      '10:7 api-validation: spec.cidrs[1]: Invalid value: "FD00:10:96::/112": must be in canonical form ("fd00:10:96::/112")',
      `17:10 api-validation: spec.cidrs: Invalid value: ${family}: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64`,
      '23:7 api-validation: spec.cidrs: Required value: at least one CIDR required',
      '28:9 invalid-name: metadata.name: Invalid value: "2001:db8:0:0::a": must be in canonical form ("2001:db8::a")',
      "43:15 api-validation: spec.parentRef.resource: Invalid value: \"gateways/x\": may not contain '/'",
      '44:11 api-validation: spec.parentRef.name: Required value',
    ];
    expect(messages('1.36')).toEqual(expected('["10.96.0.0/16","10.97.0.0/16"]'));
    expect(messages('1.33')).toEqual(expected('[]string{"10.96.0.0/16", "10.97.0.0/16"}'));
  });

  // upstream: resource validation.go ValidateResourceClaimTemplate, ValidateResourceClaim, ValidateDeviceClass (v1.36;
  // a repeated request is a Duplicate at its name up to 1.34); DRADeviceClassExtendedResource's field is dropped at 1.34
  it('ResourceClaim, ResourceClaimTemplate and DeviceClass: requests, allocation modes, references, parameters', async () => {
    const { objects } = await loadManifests(['invalid-dra-claims.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    const common = [
      `12:17 spec.spec.devices.requests[0].name: Invalid value: "gpu_0": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      '15:29 spec.spec.devices.requests[0].exactly.allocationMode: Unsupported value: "Some": supported values: "All", "ExactCount"',
      "20:20 spec.spec.devices.requests[1].exactly.count: Invalid value: 2: must not be specified when allocationMode is 'All'",
    ];
    const rest = [
      "26:27 spec.spec.devices.constraints[0].requests[1]: Invalid value: \"missing\": must be the name of a request in the claim or the name of a request and a subrequest separated by '/'",
      '36:9 spec.devices.requests[0]: Required value: exactly one of `exactly` or `firstAvailable` is required',
      '41:23 spec.devices.config[0].opaque.parameters: Invalid value: "<value omitted>": must be a valid JSON object',
    ];
    expect(messages('1.36')).toEqual([...common, '21:11 spec.spec.devices.requests[2]: Duplicate value: "gpu"', ...rest, '51:25 spec.extendedResourceName: Invalid value: "gpu": must be a valid extended resource name']);
    expect(messages('1.34').filter((message) => !message.startsWith('51:'))).toEqual([...common, '21:17 spec.spec.devices.requests[2].name: Duplicate value: "gpu"', ...rest]);
  });

  // upstream: resource validation.go ValidateResourceSlice (v1.36: an attribute name's errors at the map, a repeated
  // device at the device; 1.35: at the name's key; 1.34: the Duplicate at the device's name)
  it('ResourceSlice: pool, node selection, device names, attribute names and values', async () => {
    const { objects } = await loadManifests(['invalid-resource-slice.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    const C_IDENTIFIER = "Invalid value: \"gpu-index\": a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";
    const rows = (attributeName: string, duplicate: string) => [
      '8:3 spec: Invalid value: "{`nodeName`, `allNodes`}": exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required, but multiple fields are set',
      '13:25 spec.pool.resourceSliceCount: Invalid value: 0: must be greater than zero',
      attributeName,
      '18:34 spec.devices[0].attributes[driverVersion].version: Invalid value: "1.2": must be a string compatible with semver.org spec 2.0.0',
      duplicate,
    ];
    expect(messages('1.36')).toEqual(rows(`17:9 spec.devices[0].attributes: ${C_IDENTIFIER}`, '19:7 spec.devices[1]: Duplicate value: "gpu-0"'));
    expect(messages('1.35')).toEqual(rows(`17:9 spec.devices[0].attributes[gpu-index]: ${C_IDENTIFIER}`, '19:7 spec.devices[1]: Duplicate value: "gpu-0"'));
    expect(messages('1.34')).toEqual(rows(`17:9 spec.devices[0].attributes[gpu-index]: ${C_IDENTIFIER}`, '19:13 spec.devices[1].name: Duplicate value: "gpu-0"'));
  });

  // upstream: registry/core/service/storage alloc.go allocNodePorts, portallocator ErrNotInRange (v1.36): BeginCreate
  // allocates before BeforeCreate validates
  it('a node port the registry cannot allocate is the only error, before the name\'s', async () => {
    expect(await check('invalid-service-node-port.yaml', 'all')).toEqual([
      '13:17 api-validation: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  // upstream: apimachinery field/errors.go TooLong, TooLongMaxLength, TooMany at v0.31.0, v0.32.0 and v0.34.0;
  // apiextensions-apiserver kubeOpenAPIResultToFieldErrors (maxLength is TooLongMaxLength up to 1.31)
  it('words a Too long or Too many error as the release\'s apimachinery does', async () => {
    const { objects } = await loadManifests(['invalid-limit-wording.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages('1.31')).toEqual([
      '9:15 spec.controller: Too long: must have at most 250 bytes',
      '48:9 spec.code: Too long: may not be longer than 4',
      '49:11 spec.owners: Too many: 2: must have at most 1 items',
    ]);
    expect(messages('1.33')).toEqual([
      '9:15 spec.controller: Too long: may not be more than 250 bytes',
      '48:9 spec.code: Too long: may not be more than 4 bytes',
      '49:11 spec.owners: Too many: 2: must have at most 1 items',
    ]);
    expect(messages('1.36')).toEqual([
      '9:15 spec.controller: Too long: may not be more than 250 bytes',
      '48:9 spec.code: Too long: may not be more than 4 bytes',
      '49:11 spec.owners: Too many: 2: must have at most 1 item',
    ]);
  });

  // a field the release does not have, or whose gate is off by default there (job strategy.go dropJobDisabledFields):
  // the release check's finding alone, not the API server's errors at it or the schema's enum
  it('the API server\'s validation does not see a field its release lacks or drops', async () => {
    const { objects } = await loadManifests(['invalid-gated-job-fields.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.message}`);
    expect(messages('1.27')).toEqual([
      "9:3 error unknown field \"backoffLimitPerIndex\" in spec: added in Kubernetes 1.28 (alpha, on by default from 1.29); this run checks 1.27",
      "10:3 error unknown field \"managedBy\" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.32); this run checks 1.27",
      "11:3 error unknown field \"successPolicy\" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.31); this run checks 1.27",
      "14:3 error unknown field \"podReplacementPolicy\" in spec: added in Kubernetes 1.28 (alpha, on by default from 1.29); this run checks 1.27",
    ]);
    expect(messages('1.28')).toEqual([
      "9:3 warning field \"backoffLimitPerIndex\" in spec is off by default in Kubernetes 1.28 (feature gate JobBackoffLimitPerIndex, on by default from 1.29): the API server drops it unless the gate is enabled",
      "10:3 error unknown field \"managedBy\" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.32); this run checks 1.28",
      "11:3 error unknown field \"successPolicy\" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.31); this run checks 1.28",
      "14:3 warning field \"podReplacementPolicy\" in spec is off by default in Kubernetes 1.28 (feature gate JobPodReplacementPolicy, on by default from 1.29): the API server drops it unless the gate is enabled",
    ]);
    expect(messages('1.30')).toEqual([
      "9:25 error spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
      "10:3 warning field \"managedBy\" in spec is off by default in Kubernetes 1.30 (feature gate JobManagedBy, on by default from 1.32): the API server drops it unless the gate is enabled",
      "11:3 warning field \"successPolicy\" in spec is off by default in Kubernetes 1.30 (feature gate JobSuccessPolicy, on by default from 1.31): the API server drops it unless the gate is enabled",
      "14:25 error spec.podReplacementPolicy: Unsupported value: \"Sometimes\": supported values: \"Failed\", \"TerminatingOrFailed\"",
    ]);
    expect(messages('1.36')).toHaveLength(4);
  });

  it('a core enum value is reported once, in the API server\'s words: its OpenAPI enums are informational', async () => {
    expect(await check('invalid-core-enums.yaml', 'all')).toEqual(EXPECTED_CORE_ENUMS);
  });

  it('validateEnvVarValueFrom names fileKeyRef among the sources from 1.35 (EnvFiles, on by default: AllowEnvFilesValidation)', async () => {
    const { objects } = await loadManifests(['invalid-env-source.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages('1.34')).toEqual(['12:22 spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']);
    expect(messages('1.35')).toEqual(['12:22 spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`']);
  });

  it('an image volume\'s pullPolicy is checked only where the release keeps the source (ImageVolume, on from 1.35)', async () => {
    const { objects } = await loadManifests(['invalid-core-enums.yaml'], { cwd: 'fixtures/schema/validation' });
    const pullPolicy = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.ruleId === 'api-validation' && finding.message.includes('image.pullPolicy')).map((finding) => finding.message);
    expect(pullPolicy('1.34')).toEqual([]);
    expect(pullPolicy('1.35')).toEqual(['spec.volumes[2].image.pullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"']);
  });

  it('a Service\'s enum values print as named Go string types: json.Marshal from 1.34, %#v before', async () => {
    // upstream: apimachinery field/errors.go ErrorBody; validation.go ValidateService (type, ipFamilyPolicy, ipFamilies,
    // sessionAffinity, internalTrafficPolicy), validateServiceExternalTrafficPolicy
    const { objects } = await loadManifests(['service-enum-quoting.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.ruleId === 'api-validation').map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages('1.36')).toEqual([
      '9:9 spec.type: Unsupported value: "Node\\u003cPort": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      '10:19 spec.ipFamilyPolicy: Unsupported value: "Single\\u003cStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
      '11:16 spec.ipFamilies[0]: Unsupported value: "IPv\\u003c4": supported values: "IPv4", "IPv6"',
      '12:20 spec.sessionAffinity: Unsupported value: "Client\\u003cIP": supported values: "ClientIP", "None"',
      '13:26 spec.internalTrafficPolicy: Unsupported value: "Lo\\u003ccal": supported values: "Cluster", "Local"',
      '23:26 spec.externalTrafficPolicy: Unsupported value: "Lo\\u003ccal": supported values: "Cluster", "Local"',
    ]);
    expect(messages('1.33').map((message) => message.replace(/^\S+ /, ''))).toEqual(messages('1.36').map((message) => message.replace(/^\S+ /, '').replaceAll('\\u003c', '<')));
  });

  it('a pod\'s supplementalGroupsPolicy is checked only where the release keeps it (SupplementalGroupsPolicy, on from 1.33)', async () => {
    const { objects } = await loadManifests(['invalid-core-enums.yaml'], { cwd: 'fixtures/schema/validation' });
    const policy = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.ruleId === 'api-validation' && finding.message.includes('supplementalGroupsPolicy')).map((finding) => finding.message);
    expect(policy('1.32')).toEqual([]);
    expect(policy('1.33')).toEqual(['spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"']);
  });

  it('an enum value the API server refuses in its own words is not reported again in the schema\'s', async () => {
    expect((await check('invalid-apps-strategy.yaml', 'all')).filter((line) => line.includes('podManagementPolicy'))).toEqual([
      "128:24 api-validation: spec.podManagementPolicy: Invalid value: \"Burst\": must be 'OrderedReady' or 'Parallel'",
    ]);
    expect((await check('invalid-job-policies.yaml', 'all')).filter((line) => line.startsWith('100:') || line.startsWith('101:'))).toEqual([
      '100:17 api-validation: spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      '101:33 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]',
    ]);
  });

  it('checkHostPortConflicts sees a host-network Pod\'s ports as defaulted (hostPort = containerPort), a template\'s as written', async () => {
    expect(await check('host-network-ports.yaml')).toEqual(['10:39 api-validation: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//9100"']);
  });

  it('a []byte value that is not base64 fails decoding, and the API server reports that error alone', async () => {
    expect(await check('invalid-ca-bundle-alone.yaml', 'all')).toEqual([
      '15:15 api-validation: ValidatingWebhookConfiguration in version "v1" cannot be handled as a ValidatingWebhookConfiguration: illegal base64 data at input byte 0',
    ]);
  });

  it.each([
    ['ValidatePodSpec: defaulting and StatefulSet volumeClaimTemplates as mount targets', 'valid-pod-spec.yaml'],
    ['ValidateService: one unnamed port, defaulted targetPort, headless, ExternalName with a final dot, LoadBalancer fields, a dropped None affinity config', 'valid-service.yaml'],
    ['ValidateConfigMap, ValidateSecret: dotted keys, base64 over several lines, stringData merged into data', 'valid-config.yaml'],
    ['ValidateDeploymentSpec, ValidateReplicationControllerSpec: defaults make them valid', 'valid-apps.yaml'],
    ['validateScheduleFormat: macros, names, steps, ranges, @every; a manual Job selector; defaulted Indexed Jobs with policies', 'valid-batch.yaml'],
    ['ValidateIngressSpec: wildcard hosts, resource backends, a defaultBackend without rules; a NetworkPolicy port range', 'valid-ingress.yaml'],
    ['ValidateLimitRange: defaults from max and min within the bounds, a custom limit type, a ratio below max/min', 'valid-limit-range.yaml'],
    ['IP addresses and CIDRs: dual-stack cluster IPs, padded source ranges, IPv6 ipBlocks, relaxed DNS searches', 'valid-ip-addresses.yaml'],
    ['a kubebuilder webhook with a match condition, metrics-server\'s APIService, the documented admission policies and bindings', 'valid-admission.yaml'],
    ['kube-api-access, downward API labels and hugepages, relative sub-paths, Localhost seccomp, namespaced sysctls', 'valid-pod-security.yaml'],
    ['CRDs with a conversion webhook, per-version columns and scale, defaulted names, approved protected groups, structural schemas', 'valid-crd.yaml'],
  ])('%s (%s)', async (_name, fixture) => {
    expect(await check(fixture, 'all')).toEqual([]);
  });

  // pkg/api/pod/util.go dropDisabledProcMountField sets every procMount to Default while ProcMountType is off
  it('ValidateSecurityContext checks procMount only where ProcMountType is on by default (1.33 on)', async () => {
    const { objects } = await loadManifests(['invalid-security-context-values.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && finding.message.includes('.procMount:')).map((finding) => finding.line);
    expect(messages('1.33')).toEqual([19, 24]);
    expect(messages('1.32')).toEqual([]);
  });

  it('validateWindows refuses hostUsers only where UserNamespacesSupport is on by default (1.33 on)', async () => {
    const { objects } = await loadManifests(['invalid-pod-os.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && finding.message.startsWith('spec.hostUsers:')).map((finding) => finding.line);
    expect(messages('1.33')).toEqual([73]);
    expect(messages('1.32')).toEqual([]);
  });

  it('ValidateMatchLabelKeysInTopologySpread before 1.34: keys in the selector as written, at matchLabelKeys; affinity label keys from 1.31', async () => {
    const { objects } = await loadManifests(['invalid-match-label-keys.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && /LabelKeys/.test(finding.message)).map((finding) => finding.message.slice(0, finding.message.indexOf(':')));
    expect(messages('1.33')).toEqual([
      'spec.topologySpreadConstraints[0].matchLabelKeys[0]',
      'spec.topologySpreadConstraints[1].matchLabelKeys',
      'spec.topologySpreadConstraints[2].matchLabelKeys[0]',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0][0]',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]',
      'spec.template.spec.topologySpreadConstraints[0].matchLabelKeys[0]',
      'spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.mismatchLabelKeys',
    ]);
    expect(messages('1.30').filter((path) => path.includes('affinity'))).toEqual([]);
  });

  // pkg/api/pod/util.go dropDisabledDynamicResourceAllocationFields while DynamicResourceAllocation is off (before 1.34)
  it('validatePodResourceClaims checks resource claims only where DynamicResourceAllocation is on by default (1.34 on)', async () => {
    const { objects } = await loadManifests(['invalid-resource-claims.yaml'], { cwd: 'fixtures/schema/validation' });
    const count = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && /[cC]laims/.test(finding.message)).length;
    expect(count('1.34')).toBe(9);
    expect(count('1.33')).toBe(0);
  });

  // strategy.go dropStatefulSetDisabledFields clears rollingUpdate.maxUnavailable unless MaxUnavailableStatefulSet is on
  it('validateRollingUpdateStatefulSet checks maxUnavailable only where MaxUnavailableStatefulSet is on by default (1.35)', async () => {
    const { objects } = await loadManifests(['invalid-apps-strategy.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && finding.message.includes('maxUnavailable') && finding.message.startsWith('spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid'))
      .map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages('1.35')).toEqual([
      '37:23 spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0',
      '57:23 spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
      '113:23 spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%',
    ]);
    expect(messages('1.36')).toEqual(['113:23 spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%']);
  });

  // validate.ts withoutSchemaDuplicates drops the API server's "" errors where the schema reports the field missing
  it('leaves an absent IP or CIDR the schema requires to the schema: one finding each', async () => {
    expect(await check('invalid-ip-absent.yaml', 'all')).toEqual([
      '6:17 schema: missing required field "ip" in subsets[0].addresses[0]',
      '14:17 schema: missing required field "ip" in spec.hostAliases[0]',
      '21:22 schema: missing required field "cidr" in spec.ingress[0].from[0].ipBlock',
    ]);
  });

  it('before 1.36 (StrictIPCIDRValidation off) takes leading zeros, IPv4-mapped IPv6 and host bits; before 1.33 no `_` in DNS searches', async () => {
    const { objects } = await loadManifests(['invalid-ip-addresses.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = (kubernetesVersion: string) => validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false }).map((finding) => finding.message);
    const strict = /leading 0s|IPv4-mapped|bits set beyond/;
    expect(messages('1.36').filter((message) => strict.test(message))).toHaveLength(5);
    expect(messages('1.35').filter((message) => strict.test(message))).toEqual([]);
    expect(messages('1.35').filter((message) => message.includes('_tcp.example.com'))).toEqual([]);
    expect(messages('1.32').filter((message) => message.includes('_tcp.example.com'))).toHaveLength(1);
  });
});

const HEADER_NAME = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
const EXPECTED_POD_VOLUME_SOURCES: string[] = [
  `10:59 api-validation: spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: "bad header": ${HEADER_NAME}`,
  `11:64 api-validation: spec.containers[0].lifecycle.preStop.httpGet.httpHeaders: Invalid value: "X_Hook": ${HEADER_NAME}`,
  // a volume with errors is not usable by mounts (ValidateVolumes)
  '12:29 api-validation: spec.containers[0].volumeMounts[0].name: Not found: "data"',
  '15:89 api-validation: spec.volumes[0].iscsi.lun: Invalid value: 300: must be between 0 and 255, inclusive',
];

const EXPECTED_POD_SPEC: string[] = [
  "12:9 api-validation: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
  "16:7 api-validation: spec.containers[0].image: Required value",
  "18:17 invalid-port: spec.containers[0].ports[0].name: Invalid value: \"http-metrics-port\": must be no more than 15 characters",
  "20:17 invalid-port: spec.containers[0].ports[1].name: Invalid value: \"8080\": must contain at least one letter (a-z)",
  "23:26 invalid-port: spec.containers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
  "25:17 api-validation: spec.containers[0].volumeMounts[0].name: Not found: \"cache\"",
  "31:11 api-validation: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
  "32:27 api-validation: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
  "34:9 api-validation: spec.containers[0].readinessProbe: Required value: must specify a handler type",
  "34:24 api-validation: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
  "37:16 limits-below-requests: spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
  "41:13 duplicate-container-name: spec.initContainers[0].name: Duplicate value: \"web\"",
  "45:17 api-validation: spec.tolerations[0].operator: Invalid value: \"gpu\": value must be empty when `operator` is 'Exists'",
  "47:17 api-validation: spec.tolerations[1].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
  "50:7 api-validation: spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, ScheduleAnyway}\"",
  "50:16 api-validation: spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
  "53:19 api-validation: spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
];

const EXPECTED_POD_SCHEDULING: string[] = [
  "8:3 api-validation: spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
  "15:17 api-validation: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  "19:25 api-validation: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
  "21:19 api-validation: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100",
  "24:22 api-validation: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields[0].key: Invalid value: \"metadata.labels\": not a valid field selector key",
  "32:24 api-validation: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must be non-empty",
  "32:24 api-validation: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  "32:24 api-validation: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty",
  "37:9 api-validation: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
  "42:22 api-validation: spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
  "45:21 api-validation: spec.containers[0].ports[0].hostPort: Invalid value: 9090: must match `containerPort` when `hostNetwork` is true",
  "47:21 api-validation: spec.containers[0].ports[1].hostPort: Duplicate value: \"TCP//9090\"",
  "47:21 api-validation: spec.containers[0].ports[1].hostPort: Invalid value: 9090: must match `containerPort` when `hostNetwork` is true",
  "49:17 api-validation: spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
  "54:13 api-validation: spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
  "57:9 api-validation: spec.containers[0].envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`",
  `58:32 api-validation: spec.containers[0].envFrom[1].configMapRef.name: Invalid value: "app_config": ${SUBDOMAIN}`,
  `59:29 api-validation: spec.containers[0].envFrom[2].secretRef.name: Invalid value: "App-Secrets": ${SUBDOMAIN}`,
];

const EXPECTED_SERVICE: string[] = [
  "9:10 invalid-label: spec.selector: Invalid value: \"web/frontend\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  "11:13 api-validation: spec.ports[0].name: Invalid value: \"http_port\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  "13:19 invalid-port: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
  "14:17 api-validation: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  "15:7 api-validation: spec.ports[1].name: Required value",
  "16:19 invalid-port: spec.ports[1].targetPort: Invalid value: \"https-port-too-long\": must be no more than 15 characters",
  "17:7 api-validation: spec.ports[2]: Duplicate value: {\"Name\":\"\",\"Protocol\":\"TCP\",\"AppProtocol\":null,\"Port\":80,\"TargetPort\":0,\"NodePort\":0}",
  "19:13 api-validation: spec.ports[3].name: Duplicate value: \"metrics\"",
  "21:19 invalid-port: spec.ports[3].targetPort: Invalid value: \"9090\": must contain at least one letter (a-z)",
  "22:26 api-validation: spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services",
  "23:3 api-validation: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
  "31:17 api-validation: spec.externalName: Invalid value: \"Db.Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
];

const EXPECTED_SERVICE_TRAFFIC: string[] = [
  "13:23 api-validation: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400",
  "14:22 api-validation: spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
  "15:26 api-validation: spec.internalTrafficPolicy: Unsupported value: \"Nearest\": supported values: \"Cluster\", \"Local\"",
  "16:24 api-validation: spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
  `27:22 api-validation: spec.loadBalancerClass: Invalid value: "bad class": ${NAME_PART}`,
  "28:26 api-validation: spec.externalTrafficPolicy: Unsupported value: \"Global\": supported values: \"Cluster\", \"Local\"",
  "29:20 api-validation: spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\"",
];

const EXPECTED_CONFIG: string[] = [
  "7:3 api-validation: data[app/config.yaml]: Invalid value: \"app/config.yaml\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  "8:3 api-validation: data[..hidden]: Invalid value: \"..hidden\": must not start with '..'",
  "9:3 api-validation: data[shared]: Invalid value: \"shared\": duplicate of key present in binaryData",
  "19:3 api-validation: data[tls.key]: Required value",
  "21:3 api-validation: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  "32:13 api-validation: Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3",
  "37:3 api-validation: metadata.annotations[kubernetes.io/service-account.name]: Required value",
  "40:1 api-validation: data[password]: Required value",
  "40:1 api-validation: data[username]: Required value",
  "54:22 api-validation: data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')",
  "62:15 api-validation: data[.dockercfg]: Invalid value: \"<secret contents redacted>\": json: cannot unmarshal array into Go value of type map[string]interface {}",
  "71:19 api-validation: data[ssh-privatekey]: Required value",
];

const EXPECTED_APPS: string[] = [
  "8:13 api-validation: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
  "10:28 api-validation: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds",
  "14:7 api-validation: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  "19:9 api-validation: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  // TestValidateDeployment / TestValidateReplicaSet: ValidatePodTemplateSpecForReplicaSet refuses it with field.Forbidden
  "26:30 api-validation: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
  "38:23 api-validation: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
  "57:13 selector-mismatch: spec.selector: Invalid value: {}: empty selector is invalid for daemonset",
  "63:22 invalid-restart-policy: spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
  "79:9 selector-mismatch: spec.template.metadata.labels: Invalid value: {\"app\":\"database\"}: `selector` does not match template `labels`",
  "82:11 api-validation: spec.template.spec.containers[0].image: Required value",
  "84:21 api-validation: spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
  // TestValidateDeployment errorCases["must be greater than minReadySeconds"] (600 and 600), the 600 being apps/v1's default
  "92:20 api-validation: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
  "109:16 api-validation: spec.serviceName: Invalid value: \"cache.headless\": must not contain dots",
  `125:16 api-validation: spec.serviceName: Invalid value: "Queue_Headless": ${DNS1123_LABEL}`,
];

const EXPECTED_APPS_STRATEGY: string[] = [
  "13:7 api-validation: spec.updateStrategy.rollingUpdate: Invalid value: {\"Partition\":2,\"MaxUnavailable\":null}: only allowed for updateStrategy 'RollingUpdate'",
  "31:12 api-validation: spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0",
  "33:18 api-validation: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\"",
  "36:18 api-validation: spec.updateStrategy.rollingUpdate.partition: Invalid value: -3: must be greater than or equal to 0",
  "76:23 api-validation: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
  "95:17 api-validation: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"10%\": may not be set when maxUnavailable is non-zero",
  "113:23 api-validation: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"120%\": must not be greater than 100%",
  "114:17 api-validation: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: -1: may not be set when maxUnavailable is non-zero",
  "114:17 api-validation: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0",
  // TestValidateStatefulSet errorCases "invalid pod management policy"
  "128:24 api-validation: spec.podManagementPolicy: Invalid value: \"Burst\": must be 'OrderedReady' or 'Parallel'",
  // ValidateDaemonSetSpec refuses it with field.Forbidden
  "151:30 api-validation: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported",
];

// apps validation.go ValidateDeploymentStrategy and ValidateDaemonSetUpdateStrategy (field.NotSupported of the strategy),
// ValidateStatefulSetSpec (field.Invalid of spec.UpdateStrategy); the internal types have no json tags; a nil v1
// *IntOrString converts to 0
const EXPECTED_APPS_STRATEGY_TYPE: string[] = [
  '9:11 api-validation: spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
  '26:11 api-validation: spec.strategy: Unsupported value: {"Type":"Canary","RollingUpdate":{"MaxUnavailable":0,"MaxSurge":2}}: supported values: "Recreate", "RollingUpdate"',
  '63:11 api-validation: spec.updateStrategy: Unsupported value: {"Type":"Surge","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"',
  '81:11 api-validation: spec.updateStrategy: Invalid value: {"Type":"Rolling","RollingUpdate":{"Partition":1,"MaxUnavailable":null}}: must be \'RollingUpdate\' or \'OnDelete\'',
  '101:11 api-validation: spec.updateStrategy: Invalid value: {"Type":"Partitioned","RollingUpdate":null}: must be \'RollingUpdate\' or \'OnDelete\'',
];

// certificates validation_test.go TestValidateCertificateSigningRequestCreate; core names.go ValidateSignerName
const EXPECTED_CERTIFICATES: string[] = [
  "15:9 invalid-name: metadata.name: Invalid value: \"csr%1\": may not contain '%'",
  "27:15 api-validation: spec.signerName: Invalid value: \"example.com\": must be a fully qualified domain and path of the form 'example.com/signer-name'",
  "36:15 api-validation: spec.signerName: Invalid value: \"example\": should be a domain with at least two segments separated by dots",
  "45:15 api-validation: spec.signerName: Invalid value: \"Example.com\": validating label \"Example\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  "54:15 api-validation: spec.signerName: Invalid value: \"team.Signer_A\": validating label \"Signer_A\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "63:15 api-validation: spec.signerName: Invalid value: \"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version",
  "73:11 api-validation: spec.usages: Required value",
  "82:25 api-validation: spec.usages[1]: Unsupported value: \"bogus\": supported values: \"any\", \"cert sign\", \"client auth\", \"code signing\", \"content commitment\", \"crl sign\", \"data encipherment\", \"decipher only\", \"digital signature\", \"email protection\", \"encipher only\", \"ipsec end system\", \"ipsec tunnel\", \"ipsec user\", \"key agreement\", \"key encipherment\", \"microsoft sgc\", \"netscape sgc\", \"ocsp signing\", \"s/mime\", \"server auth\", \"signing\", \"timestamping\"",
  "82:32 api-validation: spec.usages[2]: Duplicate value: \"client auth\"",
  "92:22 api-validation: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 600 seconds (10 minutes)",
];

// admissionregistration validation.go validateValidatingWebhook, validateMutatingWebhook, validateRule
const EXPECTED_ADMISSION_ENUMS: string[] = [
  "9:18 api-validation: webhooks[0].sideEffects: Unsupported value: \"Maybe\": supported values: \"None\", \"NoneOnDryRun\"",
  "10:20 api-validation: webhooks[0].failurePolicy: Unsupported value: \"Explode\": supported values: \"Fail\", \"Ignore\"",
  "11:18 api-validation: webhooks[0].matchPolicy: Unsupported value: \"Fuzzy\": supported values: \"Equivalent\", \"Exact\"",
  "19:16 api-validation: webhooks[0].rules[0].scope: Unsupported value: \"Global\": supported values: \"*\", \"Cluster\", \"Namespaced\"",
  "29:25 api-validation: webhooks[0].reinvocationPolicy: Unsupported value: \"Always\": supported values: \"IfNeeded\", \"Never\"",
  "30:20 api-validation: webhooks[0].failurePolicy: Unsupported value: \"\": supported values: \"Fail\", \"Ignore\"",
  "52:16 api-validation: spec.matchConstraints.resourceRules[0].scope: Unsupported value: \"namespaced\": supported values: \"*\", \"Cluster\", \"Namespaced\"",
];

// core validation.go ValidateNamespace, validateFinalizerName (the list's path, unindexed)
const EXPECTED_NAMESPACE_FINALIZERS: string[] = [
  "10:7 api-validation: spec.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified",
  "11:7 api-validation: spec.finalizers: Invalid value: \"example.com/Bad_Name/x\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
];

// discovery validation.go ValidateEndpointSlice, validateEndpoints, validatePorts, validateHints
const EXPECTED_ENDPOINT_SLICE: string[] = [
  "7:14 api-validation: addressType: Unsupported value: \"IPv5\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"",
  "9:16 api-validation: endpoints[0].addresses: Required value: must contain at least 1 address",
  "10:15 api-validation: endpoints[0].nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "11:15 api-validation: endpoints[0].hostname: Invalid value: \"db.primary\": must not contain dots",
  "15:17 api-validation: endpoints[0].hints.forZones[1].name: Duplicate value: \"zone-a\"",
  "16:17 api-validation: endpoints[0].hints.forZones[2].name: Invalid value: \"zone b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  "20:5 api-validation: ports[1].name: Duplicate value: \"\"",
  "21:11 api-validation: ports[2].name: Invalid value: \"Metrics\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  "23:15 api-validation: ports[2].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
  "24:18 api-validation: ports[2].appProtocol: Invalid value: \"https://example\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
];

// coordination validation.go ValidateLease, ValidateLeaseSpec
const EXPECTED_LEASE: string[] = [
  "9:25 api-validation: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
  "10:21 api-validation: spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0",
];

// flowcontrol validation.go ValidateFlowSchemaName, ValidatePriorityLevelConfigurationName (NameIsDNSSubdomain)
const EXPECTED_FLOWCONTROL_NAMES: string[] = [
  "5:9 invalid-name: metadata.name: Invalid value: \"system:operators\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "24:9 invalid-name: metadata.name: Invalid value: \"Workload_High\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
];

// flowcontrol validation.go ValidateFlowSchemaSpec, ValidateFlowSchemaPolicyRulesWithSubjects, ValidateFlowSchemaSubject,
// ValidateFlowSchemaResourcePolicyRule, ValidateFlowSchemaNonResourcePolicyRule
const EXPECTED_FLOW_SCHEMA: string[] = [
  "7:23 api-validation: spec.matchingPrecedence: Invalid value: 1: only the schema named 'exempt' may have matchingPrecedence 1",
  "9:11 api-validation: spec.priorityLevelConfiguration.name: Invalid value: \"Workload_High\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "15:24 api-validation: spec.rules[0].subjects[0].serviceAccount.namespace: Required value: must specify namespace for service account",
  "17:13 api-validation: spec.rules[0].subjects[0].user: Forbidden: user is forbidden when subject kind is not 'User'",
  "18:17 api-validation: spec.rules[0].subjects[1].kind: Unsupported value: \"Robot\": supported values: \"Group\", \"ServiceAccount\", \"User\"",
  "19:11 api-validation: spec.rules[0].subjects[2].group: Required value: group is required when subject kind is 'Group'",
  "21:18 api-validation: spec.rules[0].resourceRules[0].verbs: Unsupported value: [\"get\",\"fetch\"]: supported values: \"create\", \"delete\", \"deletecollection\", \"get\", \"list\", \"patch\", \"proxy\", \"update\", \"watch\"",
  "22:22 api-validation: spec.rules[0].resourceRules[0].apiGroups: Invalid value: [\"*\",\"apps\"]: if '*' is present, must not specify other api groups",
  "23:22 api-validation: spec.rules[0].resourceRules[0].resources: Required value: resource rules must supply at least one resource",
  "24:24 api-validation: spec.rules[0].resourceRules[0].namespaces[0]: Invalid value: \"Team_A\": each member of this list must be '*' or a DNS-1123 label; a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  "25:17 api-validation: spec.rules[1].subjects: Required value: subjects must contain at least one value",
  "27:18 api-validation: spec.rules[1].nonResourceRules[0].verbs: Invalid value: [\"*\",\"get\"]: if '*' is present, must not specify other verbs",
  "28:29 api-validation: spec.rules[1].nonResourceRules[0].nonResourceURLs[0]: Invalid value: \"healthz\": must start with slash",
  "28:40 api-validation: spec.rules[1].nonResourceRules[0].nonResourceURLs[1]: Invalid value: \"/metrics/*/x\": wildcard can only do suffix matching",
  "28:56 api-validation: spec.rules[1].nonResourceRules[0].nonResourceURLs[2]: Invalid value: \"/a//b\": must not contain double slash",
  "29:7 api-validation: spec.rules[2]: Required value: at least one of resourceRules and nonResourceRules has to be non-empty",
  "32:19 api-validation: spec.rules[2].subjects[0].user.name: Required value",
];

// validation.go validateRestartPolicy, validateDNSPolicy, ValidatePreemptionPolicy, validateFSGroupChangePolicy,
// ValidateWhenUnsatisfiable, validateNodeInclusionPolicy, validatePullPolicy, validateContainerCommon,
// validateContainerPorts, validateHTTPGetAction, validateMountPropagation (the list's path), validateHostPathType,
// validateImageVolumeSource, ValidateService, ValidateServiceClusterIPsRelatedFields, validateServicePort, validateEndpointPort
const EXPECTED_CORE_ENUMS: string[] = [
  '7:18 api-validation: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  '8:14 api-validation: spec.dnsPolicy: Unsupported value: "Weird": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
  '9:21 api-validation: spec.preemptionPolicy: Unsupported value: "Maybe": supported values: "PreemptLowerPriority", "Never"',
  '11:26 api-validation: spec.securityContext.fsGroupChangePolicy: Unsupported value: "Sometimes": supported values: "Always", "OnRootMismatch"',
  '15:26 api-validation: spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
  '16:27 api-validation: spec.topologySpreadConstraints[0].nodeAffinityPolicy: Unsupported value: "Sometimes": supported values: "Honor", "Ignore"',
  '17:25 api-validation: spec.topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: "": supported values: "Honor", "Ignore"',
  '21:24 api-validation: spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
  '22:33 api-validation: spec.containers[0].terminationMessagePolicy: Unsupported value: "Foo": supported values: "File", "FallbackToLogsOnError"',
  '25:21 api-validation: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  '27:37 api-validation: spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "ftp": supported values: "HTTP", "HTTPS"',
  '30:39 api-validation: spec.containers[0].lifecycle.preStop.httpGet.scheme: Unsupported value: "http": supported values: "HTTP", "HTTPS"',
  '34:29 api-validation: spec.containers[0].volumeMounts.mountPropagation: Unsupported value: "Sometimes": supported values: "Bidirectional", "HostToContainer", "None"',
  '39:40 api-validation: spec.volumes[1].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
  '41:52 api-validation: spec.volumes[2].image.pullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
  '48:9 api-validation: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  '49:19 api-validation: spec.ipFamilyPolicy: Unsupported value: "Quux": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
  '50:16 api-validation: spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
  '55:17 api-validation: spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  '66:19 api-validation: subsets[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  '112:31 api-validation: spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"',
];

const EXPECTED_NODE_TAINTS: string[] = [
  '10:15 api-validation: metadata.taints[0].effect: Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
  `11:12 api-validation: metadata.taints[1].key: Invalid value: "bad key": ${NAME_PART}`,
  `12:14 api-validation: metadata.taints[1].value: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  '13:15 api-validation: metadata.taints[1].effect: Required value',
];

const EXPECTED_BATCH: string[] = [
  "7:16 api-validation: spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
  "8:17 api-validation: spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0",
  "10:5 api-validation: spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"migrate\"}}: `selector` not auto-generated",
  "17:7 invalid-restart-policy: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
  // ValidatePodSpec's validateRestartPolicy, then validateJobSpec's own list
  "28:22 api-validation: spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
  "28:22 invalid-restart-policy: spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"OnFailure\", \"Never\"",
  "38:13 api-validation: spec.schedule: Invalid value: \"0 25 * * *\": end of range (25) above maximum (23): 25",
  "39:13 api-validation: spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
  "40:31 api-validation: spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
  "44:9 api-validation: spec.jobTemplate.spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"nightly\"}}: `selector` will be auto-generated",
  "48:11 invalid-restart-policy: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
  "57:13 api-validation: spec.schedule: Invalid value: \"CRON_TZ=UTC @weekly every\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
  "57:13 api-validation: spec.schedule: Invalid value: \"CRON_TZ=UTC @weekly every\": unrecognized descriptor: @weekly every",
  "72:13 api-validation: spec.schedule: Invalid value: \"*/0 1-2-3 * JAN-FOO *\": step of range should be a positive number: */0",
  "73:13 api-validation: spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
  "88:9 invalid-label: spec.template.metadata.labels: Invalid value: \"a-very-long-job-name-for-the-database-migration-of-release-2026-12-05\": must be no more than 63 bytes",
  "117:3 api-validation: spec.selector: Required value",
  "119:5 selector-mismatch: spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`",
  "128:3 api-validation: spec.selector: Required value",
  "130:24 selector-mismatch: spec.template.metadata.labels: Invalid value: {\"app\":\"manual\"}: `selector` does not match template `labels`",
  // validateConcurrencyPolicy's default case, and validateJobSpec's completionMode NotSupported (an unknown mode is neither
  // Indexed nor NonIndexed, so backoffLimitPerIndex does not read 'requires indexed completion mode')
  "142:22 api-validation: spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"",
  "157:19 api-validation: spec.completionMode: Unsupported value: \"Sequential\": supported values: \"NonIndexed\", \"Indexed\"",
];

const EXPECTED_JOB_POLICIES: string[] = [
  "7:25 api-validation: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
  "8:21 api-validation: spec.maxFailedIndexes: Invalid value: 2: requires indexed completion mode",
  "21:3 api-validation: spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
  "23:21 api-validation: spec.maxFailedIndexes: Invalid value: 5: must be less than or equal to completions",
  "24:25 api-validation: spec.podReplacementPolicy: Unsupported value: \"TerminatingOrFailed\": supported values: \"Failed\"",
  "27:17 api-validation: spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set",
  "29:26 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: \"sidecar\": must be one of the container or initContainer names in the pod template",
  "31:19 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [0,3,3,1]: must be ordered",
  "31:20 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
  "31:26 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
  "32:9 api-validation: spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
  "33:9 api-validation: spec.podFailurePolicy.rules[2]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
  "36:19 api-validation: spec.podFailurePolicy.rules[2].onExitCodes.values: Invalid value: []: at least one value is required",
  `41:19 api-validation: spec.podFailurePolicy.rules[3].onPodConditions[0].type: Invalid value: "Bad Condition": ${NAME_PART}`,
  "42:21 api-validation: spec.podFailurePolicy.rules[3].onPodConditions[0].status: Unsupported value: \"Maybe\": supported values: \"False\", \"True\", \"Unknown\"",
  "56:5 api-validation: spec.successPolicy: Invalid value: {\"Rules\":[{\"SucceededIndexes\":\"0-2\",\"SucceededCount\":null}]}: requires indexed completion mode",
  "73:14 api-validation: spec.managedBy: Invalid value: \"kueue\": must be a domain-prefixed path (such as \"acme.io/foo\")",
  "76:9 api-validation: spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified",
  "77:25 api-validation: spec.successPolicy.rules[1].succeededCount: Invalid value: 5: must be less than or equal to 4 (the number of specified completions)",
  // TestValidateJob errorCases `spec.successPolicy.rules[0].succeededIndexes: Invalid value: "invalid-format": error parsing
  // succeededIndexes: cannot convert string to integer for index: "invalid"` and `...succeededCount: Invalid value: 4: must be
  // less than or equal to 3 (the number of indexes in the specified succeededIndexes field)`; parseIndexInterval's other errors
  "78:27 api-validation: spec.successPolicy.rules[2].succeededIndexes: Invalid value: \"invalid-format\": error parsing succeededIndexes: cannot convert string to integer for index: \"invalid\"",
  "80:25 api-validation: spec.successPolicy.rules[3].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)",
  "81:27 api-validation: spec.successPolicy.rules[4].succeededIndexes: Invalid value: \"1,0-2\": error parsing succeededIndexes: non-increasing order, previous: 1, current: 0",
  "82:27 api-validation: spec.successPolicy.rules[5].succeededIndexes: Invalid value: \"1-2-3\": error parsing succeededIndexes: the fragment \"1-2-3\" violates the requirement that an index interval can have at most two parts separated by '-'",
  "83:27 api-validation: spec.successPolicy.rules[6].succeededIndexes: Invalid value: \"3,4\": error parsing succeededIndexes: too large index: \"4\"",
  // a succeededIndexes that does not parse counts no index (validateIndexesFormat returns 0 with its error)
  "84:25 api-validation: spec.successPolicy.rules[6].succeededCount: Invalid value: 1: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)",
  "85:27 api-validation: spec.successPolicy.rules[7].succeededIndexes: Invalid value: \"2-1\": error parsing succeededIndexes: non-increasing order, previous: 2, current: 1",
  // TestValidateJob errorCases `spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex"
  // "FailJob" "Ignore"]` and `spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]`
  "100:17 api-validation: spec.podFailurePolicy.rules[0].action: Required value: valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]",
  "101:33 api-validation: spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: [\"In\" \"NotIn\"]",
];

const EXPECTED_INGRESS: string[] = [
  "7:21 api-validation: spec.ingressClassName: Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "9:15 api-validation: spec.tls[0].hosts[0]: Invalid value: \"*.Example.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "11:13 api-validation: spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address",
  "14:19 api-validation: spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path",
  "20:27 invalid-port: spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive",
  "21:19 api-validation: spec.rules[0].http.paths[1].path: Invalid value: \"/static//files/.\": cannot end with '/.'",
  "21:19 api-validation: spec.rules[0].http.paths[1].path: Invalid value: \"/static//files/.\": must not contain '//'",
  "24:15 api-validation: spec.rules[0].http.paths[1].backend: Invalid value: \"\": cannot set both port name & port number",
  "25:23 api-validation: spec.rules[0].http.paths[1].backend.service.name: Invalid value: \"Static\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  "32:15 api-validation: spec.rules[0].http.paths[2].backend: Required value: port name or number is required",
  "40:7 api-validation: spec: Invalid value: null: either `defaultBackend` or `rules` must be specified",
  "49:12 invalid-label: spec.podSelector.matchLabels: Invalid value: \"api/v1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  "56:25 api-validation: spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
  "58:17 invalid-port: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
  "59:17 invalid-port: spec.ingress[0].ports[1].port: Invalid value: \"metrics-endpoint\": must be no more than 15 characters",
  "67:34 api-validation: annotations.kubernetes.io/ingress.class: Invalid value: \"traefik\": must match `ingressClassName` when both are specified",
  "80:49 api-validation: spec.defaultBackend.resource.kind: Required value: kind is required",
  "80:59 api-validation: spec.defaultBackend.resource.name: Required value: name is required",
  `87:36 api-validation: spec.rules[0].http.paths[0].backend.resource.apiGroup: Invalid value: "Example_Group": ${SUBDOMAIN}`,
  "87:57 api-validation: spec.rules[0].http.paths[0].backend.resource.kind: Invalid value: \"Storage/Bucket\": may not contain '/'",
  "87:79 api-validation: spec.rules[0].http.paths[0].backend.resource.name: Invalid value: \"%assets\": may not contain '%'",
];

const EXPECTED_NETWORK_POLICY: string[] = [
  "8:26 api-validation: spec.policyTypes[1]: Unsupported value: \"Egres\": supported values: \"Ingress\", \"Egress\"",
  "12:20 api-validation: spec.ingress[0].ports[0].endPort: Invalid value: 9000: must be greater than or equal to `port`",
  "14:20 api-validation: spec.ingress[0].ports[1].endPort: Invalid value: 9100: may not be specified when `port` is non-numeric",
  "15:20 api-validation: spec.ingress[0].ports[2].endPort: Invalid value: 443: may not be specified when `port` is not specified",
  "17:21 api-validation: spec.ingress[0].ports[3].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\"",
  "19:20 invalid-port: spec.ingress[0].ports[4].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
  "21:11 api-validation: spec.ingress[0].from[0]: Required value: must specify a peer",
  "22:11 api-validation: spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer",
  "32:16 api-validation: spec.policyTypes: Invalid value: [\"Ingress\",\"Egress\",\"Ingress\"]: may not specify more than two policyTypes",
];

// upstream: validation.go validatePodResources, validatePodResourceConsistency, validatePodResourceName (identical from
// 1.34, when PodLevelResources turned on by default, to 1.36); a Pod's containers request their limits (SetDefaults_Pod),
// a template's do not. Upstream texts: "claims cannot be set for Resources at pod-level", "must be greater than or equal
// to aggregate container requests of %s" and "must be less than or equal to pod limits of %s" (validation.go at
// 000f2605, 1.33; the second also in kubernetes#131089's 1.34 output); the windows and hugepages-limits texts are not in
// the stored sources (1.34+ validation.go is not stored)
describe('validatePodResources (PodLevelResources, 1.34+)', () => {
  const POD_LEVEL = [
    '6:21 api-validation: spec.resources.requests[cpu]: Invalid value: "1": must be greater than or equal to aggregate container requests of 1500m',
    '17:26 api-validation: spec.resources.containers[0][memory].limits: Invalid value: "200Mi": must be less than or equal to pod limits of 100Mi',
    '28:16 api-validation: spec.resources.requests[nvidia.com/gpu]: Unsupported value: "nvidia.com/gpu": supported values: "cpu", "hugepages-", "memory"',
    '28:42 limits-below-requests: spec.resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    '29:13 api-validation: spec.resources.limits: Required value: Limit must be set for non overcommitable resources',
    '29:14 api-validation: spec.resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
    '30:13 api-validation: spec.resources.claims: Forbidden: claims cannot be set for Resources at pod-level',
    '42:5 api-validation: spec.resources: Forbidden: may not be set for a windows pod',
    '68:5 limits-below-requests: spec.resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
  ];

  it('checks names, requests against limits, and the containers against the pod-level values', async () => {
    expect(await check('invalid-pod-level-resources.yaml')).toEqual(POD_LEVEL);
  });

  it('validates nothing before 1.34, where the feature gate is off by default', async () => {
    const { objects } = await loadManifests(['invalid-pod-level-resources.yaml'], { cwd: 'fixtures/schema/validation' });
    const findings = validateObjects(objects, { kubernetesVersion: '1.33', extraSchemas: new Map(), strictKinds: false });
    expect(findings.filter((finding) => API_IDS.has(finding.ruleId) && finding.message.startsWith('spec.resources'))).toEqual([]);
  });
});

// apimachinery 0.33 printed a template's labels, a Go map[string]string, with %#v (keys sorted, nil when unset); 0.34 with
// json.Marshal. TestValidateJob errorCases "spec.template.metadata.labels: Invalid value: map[string]string{\"y\":\"z\"}:
// `selector` does not match template `labels`" is the third object, as a 1.33 API server answers it.
describe('template labels the selector does not match, per release (field.Error ErrorBody)', () => {
  it.each([
    ['1.33', 'map[string]string(nil)', 'map[string]string{"app":"api", "tier":"frontend"}', 'map[string]string{"y":"z"}'],
    ['1.34', 'null', '{"app":"api","tier":"frontend"}', '{"y":"z"}'],
  ])('%s', async (release, unset, two, job) => {
    const { objects } = await loadManifests(['invalid-template-labels.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).filter((finding) => finding.ruleId === 'selector-mismatch').map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages).toEqual([unset, two, job].map((labels, index) => `${[9, 23, 39][index]}:${[5, 15, 15][index]} spec.template.metadata.labels: Invalid value: ${labels}: \`selector\` does not match template \`labels\``));
  });
});

// apimachinery 0.34 (Kubernetes 1.34) prints a bad value with a String method (resource.Quantity, core.ResourceName)
// through json.Marshal, quoted; 0.33 printed its String(), as 1.33 API servers answer
describe('bad values with a String method and quantities, per release (field.Error ErrorBody)', () => {
  it.each([
    // a resource.Quantity has String on its pointer only: 0.33 prints the struct with %#v
    ['1.33', 'spec.limits[1].max[foo]: Invalid value: foo: must be a standard resource for containers', 'spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: min value 500m is greater than max value 200m'],
    ['1.34', 'spec.limits[1].max[foo]: Invalid value: "foo": must be a standard resource for containers', 'spec.limits[0].min[cpu]: Invalid value: "500m": min value 500m is greater than max value 200m'],
  ])('%s', async (release, name, quantity) => {
    const { objects } = await loadManifests(['invalid-limit-range.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).map((finding) => finding.message);
    expect(messages).toEqual(expect.arrayContaining([name, quantity]));
  });
});

// apimachinery 0.33 printed a typed slice (no String method) with %#v, so a nil one was not "null"; 0.34 json.Marshal
describe('bad values that are typed slices, per release (field.Error ErrorBody)', () => {
  it.each([
    ['1.33', ['[]networking.IngressRule(nil)', '[]networking.IngressRule{}', '[]core.ResourceQuotaScope(nil)', '[]core.ResourceQuotaScope{"Terminating", "NotTerminating"}'], ['[]string(nil)', '[]string{"V1"}'], ['[]apiextensions.CustomResourceDefinitionVersion(nil)', '[]apiextensions.CustomResourceDefinitionVersion{}']],
    ['1.34', ['null', '[]', 'null', '["Terminating","NotTerminating"]'], ['null', '["V1"]'], ['null', '[]']],
  ])('%s', async (release, [noRules, emptyRules, noScopes, scopes], [noStoredVersions, storedVersions], [noVersions, emptyVersions]) => {
    const messages = async (file: string) => {
      const { objects } = await loadManifests([file], { cwd: 'fixtures/schema/validation' });
      return validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    };
    expect(await messages('typed-nil-slices.yaml')).toEqual([
      `6:7 spec: Invalid value: ${noRules}: either \`defaultBackend\` or \`rules\` must be specified`,
      `13:3 spec: Invalid value: ${emptyRules}: either \`defaultBackend\` or \`rules\` must be specified`,
      `23:7 spec.scopeSelector.matchExpressions: Invalid value: ${noScopes}: conflicting scopes`,
      `32:11 spec.scopes: Invalid value: ${scopes}: conflicting scopes`,
    ]);
    expect((await messages('invalid-crd.yaml')).filter((message) => message.includes('status.storedVersions'))).toEqual([
      `11:5 status.storedVersions: Invalid value: ${noStoredVersions}: must have at least one stored version`,
      `44:16 status.storedVersions: Invalid value: ${storedVersions}: must have the storage version v2`,
    ]);
    // v1's conversion keeps a nil spec.versions nil (zz_generated.conversion.go autoConvert_v1_CustomResourceDefinitionSpec_To_...)
    expect((await messages('crd-without-versions.yaml')).filter((message) => message.includes(' spec.versions:'))).toEqual([
      `8:3 spec.versions: Invalid value: ${noVersions}: must have exactly one version marked as storage version`,
      `20:13 spec.versions: Invalid value: ${emptyVersions}: must have exactly one version marked as storage version`,
    ]);
  });
});

// TestValidateJob errorCases "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{19, 11}: must be
// ordered" and "...: Invalid value: []int32{}: at least one value is required" (as 1.33 prints them); ValidateNetworkPolicySpec's
// []networking.PolicyType
describe('bad values that are []int32 or []networking.PolicyType, per release (field.Error ErrorBody)', () => {
  it.each([
    ['1.33', '[]int32{0, 3, 3, 1}', '[]int32{}', '[]networking.PolicyType{"Ingress", "Egress", "Ingress"}'],
    ['1.34', '[0,3,3,1]', '[]', '["Ingress","Egress","Ingress"]'],
  ])('%s', async (release, unordered, none, policyTypes) => {
    const { objects } = await loadManifests(['invalid-job-policies.yaml', 'invalid-network-policy.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).map((finding) => finding.message);
    expect(messages).toEqual(expect.arrayContaining([
      `spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: ${unordered}: must be ordered`,
      `spec.podFailurePolicy.rules[2].onExitCodes.values: Invalid value: ${none}: at least one value is required`,
      `spec.policyTypes: Invalid value: ${policyTypes}: may not specify more than two policyTypes`,
    ]));
  });
});

// intstr.IntOrString's String method has a pointer receiver: 1.33 API servers print the value with %#v, as in a 1.3x
// answer "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may
// not be 0 when `maxSurge` is 0" (ValidateRollingUpdateDeployment, ValidateRollingUpdateDaemonSet, ValidatePositiveIntOrPercent,
// IsNotMoreThan100Percent); 1.34 its MarshalJSON
describe('bad values that are intstr.IntOrString, per release (field.Error ErrorBody)', () => {
  it.each([
    ['1.33', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}', 'intstr.IntOrString{Type:0, IntVal:2, StrVal:""}', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"50"}', 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}'],
    ['1.34', '"0%"', '2', '"50"', '"120%"'],
  ])('%s', async (release, zeroPercent, two, fifty, tooMuch) => {
    const { objects } = await loadManifests(['int-or-string-values.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).filter((finding) => API_IDS.has(finding.ruleId)).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(messages).toEqual([
      `7:37 spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${zeroPercent}: may not be 0 when \`maxSurge\` is 0`,
      `24:50 spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: ${two}: may not be set when maxUnavailable is non-zero`,
      `40:17 spec.minAvailable: Invalid value: ${fifty}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      `49:19 spec.maxUnavailable: Invalid value: ${tooMuch}: must not be greater than 100%`,
    ]);
  });
});

// *metav1.LabelSelector's String method has a pointer receiver: 1.33 API servers print the selector with %#v, as in the
// familiar "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"},
// MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"; 1.34 with json.Marshal
describe('bad values that are label selectors, per release (field.Error ErrorBody)', () => {
  it.each([
    ['1.33', 'v1.LabelSelector{MatchLabels:map[string]string{"app":"nightly"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}', 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'],
    ['1.34', '{"matchLabels":{"app":"nightly"}}', '{}'],
  ])('%s', async (release, nightly, empty) => {
    const { objects } = await loadManifests(['invalid-batch.yaml', 'invalid-apps.yaml'], { cwd: 'fixtures/schema/validation' });
    const messages = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false }).map((finding) => finding.message);
    expect(messages).toEqual(expect.arrayContaining([
      `spec.jobTemplate.spec.selector: Invalid value: ${nightly}: \`selector\` will be auto-generated`,
      `spec.selector: Invalid value: ${empty}: empty selector is invalid for daemonset`,
    ]));
  });

  it('prints requirements and their values in Go syntax', () => {
    const selector = labelSelectorValue({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }] });
    expect(goValue(selector, false)).toBe('v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"web", "api"}}, v1.LabelSelectorRequirement{Key:"canary", Operator:"DoesNotExist", Values:[]string(nil)}}}');
  });
});

// The example and the two messages of kubernetes#128119 (1.32), which made ValidateTolerations pass the value instead
// of the whole toleration (printed with %#v by field.Error)
describe('ValidateTolerations: an Exists toleration with a value', () => {
  it.each([
    ['1.31', 'core.Toleration{Key:"pool", Operator:"Exists", Value:"build", Effect:"NoSchedule", TolerationSeconds:(*int64)(nil)}'],
    ['1.32', '"build"'],
  ])('%s prints %s', async (release, value) => {
    const { objects } = await loadManifests(['invalid-exists-toleration.yaml'], { cwd: 'fixtures/schema/validation' });
    const findings = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false });
    expect(findings.filter((finding) => finding.ruleId === 'api-validation').map((finding) => finding.message)).toEqual([
      `spec.tolerations[0].operator: Invalid value: ${value}: value must be empty when \`operator\` is 'Exists'`,
    ]);
  });
});

describe('ValidateContainerResourceRequirements (limits-below-requests)', () => {
  it('reports a request above its limit, an extended resource whose request differs from its limit, names not standard for containers, hugepages alone', async () => {
    expect(await check('invalid-resources.yaml')).toEqual([
      '16:29 limits-below-requests: spec.template.spec.initContainers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
      '16:43 limits-below-requests: spec.template.spec.initContainers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 1000Mi',
      '16:67 limits-below-requests: spec.template.spec.initContainers[0].resources.requests: Invalid value: "2G": must be less than or equal to ephemeral-storage limit of 1Gi',
      '22:40 limits-below-requests: spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
      '27:35 api-validation: spec.template.spec.containers[1].resources.requests[memmory]: Invalid value: "memmory": must be a standard resource for containers',
      '27:35 api-validation: spec.template.spec.containers[1].resources.requests[memmory]: Invalid value: "memmory": must be a standard resource type or fully qualified',
      '28:32 api-validation: spec.template.spec.containers[1].resources.limits[memmory]: Invalid value: "memmory": must be a standard resource for containers',
      '28:32 api-validation: spec.template.spec.containers[1].resources.limits[memmory]: Invalid value: "memmory": must be a standard resource type or fully qualified',
      '28:48 api-validation: spec.template.spec.containers[1].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      '28:48 api-validation: spec.template.spec.containers[1].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      '32:13 api-validation: spec.template.spec.containers[2].resources: Forbidden: HugePages require cpu or memory',
    ]);
  });

  it('accepts equal quantities in other notations, limits above requests and equal extended resources', async () => {
    expect(await check('valid-resources.yaml', 'all')).toEqual([]);
  });
});

// upstream: validation.go validateSleepAction; the words changed with PodLifecycleSleepActionAllowZero (kubernetes#127094)
describe('validateSleepAction: a lifecycle sleep against terminationGracePeriodSeconds, per release', () => {
  const sleepFindings = async (release: string) => {
    const { objects } = await loadManifests(['invalid-sleep-action.yaml'], { cwd: 'fixtures/schema/validation' });
    return validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation')
      .map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
  };

  it('from 1.33 takes 0 up to the grace period (30 by default)', async () => {
    expect(await sleepFindings('1.33')).toEqual([
      '15:40 spec.template.spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
      '19:40 spec.template.spec.containers[1].lifecycle.preStop.sleep: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (30)',
      '36:36 spec.initContainers[0].lifecycle.preStop.sleep: Invalid value: 61: must be non-negative and less than terminationGracePeriodSeconds (60)',
    ]);
    expect(await sleepFindings('1.36')).toEqual(await sleepFindings('1.33'));
  });

  it('1.30 and 1.31 refuse 0 too, in their words', async () => {
    expect(await sleepFindings('1.31')).toEqual([
      '15:40 spec.template.spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
      '19:40 spec.template.spec.containers[1].lifecycle.preStop.sleep: Invalid value: -1: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
      '23:42 spec.template.spec.containers[2].lifecycle.postStart.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
      '36:36 spec.initContainers[0].lifecycle.preStop.sleep: Invalid value: 61: must be greater than 0 and less than terminationGracePeriodSeconds (60)',
    ]);
    expect(await sleepFindings('1.30')).toEqual(await sleepFindings('1.31'));
  });

  it('checks nothing where the field is alpha (1.29) or its words are unknown (1.32)', async () => {
    expect(await sleepFindings('1.29')).toEqual([]);
    expect(await sleepFindings('1.32')).toEqual([]);
  });
});

describe('ValidateVolumeDevices', () => {
  it('reports unknown, non-claim, repeated and backstepping devices and their overlap with volumeMounts', async () => {
    expect(await check('invalid-volume-devices.yaml')).toEqual([
      '20:18 api-validation: spec.containers[0].volumeMounts[0].name: Invalid value: "data": must not already exist in volumeDevices',
      '20:35 api-validation: spec.containers[0].volumeMounts[0].mountPath: Invalid value: "/data": must not already exist as a path in volumeDevices',
      '22:18 api-validation: spec.containers[0].volumeDevices[0].name: Not found: "missing"',
      '23:18 api-validation: spec.containers[0].volumeDevices[1].name: Invalid value: "scratch": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
      '24:18 api-validation: spec.containers[0].volumeDevices[2].name: Invalid value: "data": must not already exist in volumeMounts',
      '24:36 api-validation: spec.containers[0].volumeDevices[2].devicePath: Invalid value: "/data": must not already exist as a path in volumeMounts',
      "25:35 api-validation: spec.containers[0].volumeDevices[3].devicePath: Invalid value: \"/dev/../xvdc\": can not contain backsteps ('..')",
      '26:18 api-validation: spec.containers[0].volumeDevices[4].name: Invalid value: "raw": must be unique',
      '27:36 api-validation: spec.containers[0].volumeDevices[5].devicePath: Invalid value: "/dev/xvdd": must be unique',
    ]);
  });
});

describe('ValidatePodSpec: smaller field checks', () => {
  const BYTE_DIVISORS = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the";
  it('reports a readiness gate that is no qualified name, an unknown recursiveReadOnly, a divisor the resource does not take', async () => {
    expect(await check('invalid-pod-fields.yaml')).toEqual([
      `8:22 api-validation: spec.readinessGates[0].conditionType: Invalid value: "bad cond": ${NAME_PART}`,
      '23:71 api-validation: spec.containers[0].volumeMounts.recursiveReadOnly: Unsupported value: "Yes": supported values: "Disabled", "Enabled", "IfPossible"',
      `35:98 api-validation: spec.volumes[0].downwardAPI.resourceFieldRef.divisor: Invalid value: "limits.memory": ${BYTE_DIVISORS} memory resource`,
      `40:85 api-validation: spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource`,
      `43:100 api-validation: spec.containers[0].env[3].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.ephemeral-storage": ${BYTE_DIVISORS} local ephemeral storage resource`,
      `44:97 api-validation: spec.containers[0].env[4].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.hugepages-2Mi": ${BYTE_DIVISORS} hugepages resource`,
      '53:61 api-validation: spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
    ]);
  });

  // upstream: validateContainerResourceDivisor compares divisor.String(), which ParseQuantity cached as written for "01"
  // and "+1" (quantity.go: the int64 fast path keeps a text with no trailing zeros at a scale of a multiple of 3)
  it('compares a divisor as Quantity.String() prints it', async () => {
    expect(await check('divisor-written-forms.yaml')).toEqual([
      `10:86 api-validation: spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource`,
      `11:89 api-validation: spec.containers[0].env[1].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.memory": ${BYTE_DIVISORS} memory resource`,
    ]);
  });

  it('takes only Always for an init container from 1.29 to 1.34 (SidecarContainers); 1.28 drops the field', async () => {
    const { objects } = await loadManifests(['invalid-pod-fields.yaml'], { cwd: 'fixtures/schema/validation' });
    const policies = (release: string) => validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false })
      .filter((finding) => finding.ruleId === 'api-validation' && finding.message.includes('initContainers')).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(policies('1.34')).toEqual([
      '53:61 spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
      '54:57 spec.initContainers[1].restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
    expect(policies('1.29')).toEqual(policies('1.34'));
    expect(policies('1.28')).toEqual([]);
  });
});

describe('validateHandler actions', () => {
  it('reports each probe and lifecycle action: ports out of range or misnamed (httpGet, tcpSocket, grpc), an exec without a command', async () => {
    expect(await check('invalid-handlers.yaml')).toEqual([
      "13:17 invalid-port: spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "16:17 invalid-port: spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: \"BAD_NAME\": must contain at least one letter (a-z)",
      "16:17 invalid-port: spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: \"BAD_NAME\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
      "19:17 invalid-port: spec.containers[0].startupProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive",
      "23:15 api-validation: spec.containers[1].livenessProbe.exec.command: Required value",
      "26:17 invalid-port: spec.containers[1].readinessProbe.httpGet.port: Invalid value: \"8080\": must contain at least one letter (a-z)",
      "33:19 invalid-port: spec.containers[1].lifecycle.preStop.tcpSocket.port: Invalid value: -1: must be between 1 and 65535, inclusive",
    ]);
  });
});

const EXPECTED_POD_CREATE: string[] = [
  '9:3 api-validation: spec.ephemeralContainers: Forbidden: cannot be set on create',
  '20:13 api-validation: spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
  '41:7 api-validation: spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
  '54:5 api-validation: spec.template.spec.containers: Required value',
  '56:1 api-validation: spec.containers: Required value',
  '67:12 api-validation: spec.initContainers[0].image: Invalid value: "busybox:1.36\\t": must not have leading or trailing whitespace',
  '70:12 api-validation: spec.containers[0].image: Invalid value: " nginx:1.29": must not have leading or trailing whitespace',
];

const EXPECTED_CA_BUNDLE: string[] = [
  '10:15 api-validation: ValidatingWebhookConfiguration in version "v1" cannot be handled as a ValidatingWebhookConfiguration: illegal base64 data at input byte 0',
  '33:15 api-validation: MutatingWebhookConfiguration in version "v1" cannot be handled as a MutatingWebhookConfiguration: illegal base64 data at input byte 12',
  '46:13 api-validation: APIService in version "v1" cannot be handled as a APIService: illegal base64 data at input byte 7',
  '74:19 api-validation: CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: illegal base64 data at input byte 0',
];

const EXPECTED_LIMIT_RANGE: string[] = [
  "7:5 api-validation: spec.limits[0].defaultRequest[cpu]: Invalid value: \"200m\": min value 500m is greater than default request value 200m",
  "7:5 api-validation: spec.limits[0].default[cpu]: Invalid value: \"500m\": min value 500m is greater than default value 200m",
  "8:16 api-validation: spec.limits[0].min[cpu]: Invalid value: \"500m\": min value 500m is greater than max value 200m",
  "10:33 api-validation: spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: \"500m\": ratio 500m is greater than max/min = 0.400000",
  "10:33 api-validation: spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: \"500m\": ratio 500m is less than 1",
  "12:14 api-validation: spec.limits[1].default: Forbidden: may not be specified when `type` is 'Pod'",
  "13:35 api-validation: spec.limits[1].max[foo]: Invalid value: \"foo\": must be a standard resource for containers",
  "13:35 api-validation: spec.limits[1].max[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
  "14:5 api-validation: spec.limits[2].limits: Required value: either minimum or maximum storage value is required, but neither was provided",
  "16:11 api-validation: spec.limits[3].type: Duplicate value: \"Container\"",
  "19:33 api-validation: spec.limits[3].maxLimitRequestRatio[cpu]: Invalid value: \"20\": ratio 20 is greater than max/min = 10.000000",
  "21:37 api-validation: spec.limits[3].defaultRequest[hugepages-2Mi]: Invalid value: \"2Mi\": default value 4Mi must equal to defaultRequest value 2Mi in hugepages-2Mi",
  "22:11 api-validation: spec.limits[4].type: Invalid value: \"Bogus\": must be a standard limit type or fully qualified",
];

const EXPECTED_IP_ADDRESSES: string[] = [
  "10:18 api-validation: spec.dnsConfig.nameservers: Invalid value: [\"10.0.0.10\",\"010.0.0.11\",\"::ffff:10.0.0.12\",\"10.0.0.300\"]: must not have more than 3 nameservers",
  "10:30 api-validation: spec.dnsConfig.nameservers[1]: Invalid value: \"010.0.0.11\": must not have leading 0s",
  "10:42 api-validation: spec.dnsConfig.nameservers[2]: Invalid value: \"::ffff:10.0.0.12\": must not be an IPv4-mapped IPv6 address",
  "10:62 api-validation: spec.dnsConfig.nameservers[3]: Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
  "11:54 api-validation: spec.dnsConfig.searches[2]: Invalid value: \"Bad_Domain\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')",
  "12:15 api-validation: spec.dnsConfig.options[0]: Required value: must not be empty",
  "14:11 api-validation: spec.hostAliases[0].ip: Invalid value: \"10.0.0.256\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
  "15:29 api-validation: spec.hostAliases[0].hostnames[1]: Invalid value: \"Bad_Host\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "23:14 api-validation: spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services",
  "25:17 api-validation: spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
  "25:41 api-validation: spec.externalIPs[2]: Invalid value: \"not-an-ip\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
  "26:46 api-validation: spec.LoadBalancerSourceRanges[1]: Invalid value: \"10.0.0.1/8\": must not have bits set beyond the prefix length",
  "26:58 api-validation: spec.LoadBalancerSourceRanges[2]: Invalid value: \"192.168.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
  "33:15 api-validation: spec.clusterIPs: Invalid value: [\"10.96.0.10\",\"10.96.0.11\"]: may specify no more than one IP for each IP family",
  "33:15 api-validation: spec.clusterIPs: Invalid value: [\"10.96.0.10\",\"10.96.0.11\"]: must be empty when `clusterIP` is not specified",
  "34:22 api-validation: spec.ipFamilies[1]: Duplicate value: \"IPv4\"",
  "42:61 api-validation: metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'",
  "42:61 api-validation: metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: \"10.1.2.3/16\": must not have bits set beyond the prefix length",
  "44:14 api-validation: spec.clusterIPs[0]: Invalid value: \"10.96.0.12\": expected an IPv6 value as indicated by `ipFamilies[0]`",
  "54:13 api-validation: subsets[0].addresses[0].ip: Invalid value: \"169.254.1.1\": may not be in the link-local range (169.254.0.0/16, fe80::/10)",
  "55:13 api-validation: subsets[0].addresses[1].ip: Invalid value: \"10.0.0.300\": must be a valid IP address",
  "55:13 api-validation: subsets[0].addresses[1].ip: Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
  "56:19 api-validation: subsets[0].addresses[1].hostname: Invalid value: \"Bad_Host\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  "57:19 api-validation: subsets[0].addresses[1].nodeName: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "60:9 api-validation: subsets[0].ports[1].name: Required value",
  "61:5 api-validation: subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`",
  "71:61 api-validation: spec.egress[0].to[0].ipBlock.except[1]: Invalid value: \"192.168.0.0/16\": must be a strict subset of `cidr`",
  "71:77 api-validation: spec.egress[0].to[0].ipBlock.except[2]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`",
  "72:27 api-validation: spec.egress[0].to[1].ipBlock.cidr: Invalid value: \"172.16.0.1/12\": must not have bits set beyond the prefix length",
  "73:27 api-validation: spec.egress[0].to[2].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
];

const EXPECTED_ADMISSION: string[] = [
  "7:11 api-validation: webhooks[0].name: Invalid value: \"policy\": should be a domain with at least three segments separated by dots",
  "9:18 api-validation: webhooks[0].sideEffects: Unsupported value: \"Some\": supported values: \"None\", \"NoneOnDryRun\"",
  "10:21 api-validation: webhooks[0].timeoutSeconds: Invalid value: 60: the timeout value must be between 1 and 30 seconds",
  "12:12 api-validation: webhooks[0].clientConfig.url: Invalid value: \"dry=1\": query parameters are not permitted in the URL",
  "12:12 api-validation: webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]",
  "14:21 api-validation: webhooks[0].rules[0].operations: Invalid value: [\"*\",\"CREATE\"]: if '*' is present, must not specify other operations",
  "19:30 api-validation: webhooks[1].admissionReviewVersions: Invalid value: [\"v2\"]: must include at least one of v1, v1beta1",
  "22:56 api-validation: webhooks[1].clientConfig.service.path: Invalid value: \"validate\": must start with a '/'",
  "33:58 api-validation: webhooks[0].clientConfig.service.port: Invalid value: 0: port is not valid: must be between 1 and 65535, inclusive",
  "34:11 api-validation: webhooks[1].name: Duplicate value: \"defaults.example.com\"",
  "43:9 invalid-name: metadata.name: Invalid value: \"metrics\": must be `spec.version+\".\"+spec.group`: \"v1beta1.metrics.k8s.io\"",
  "48:20 api-validation: spec.versionPriority: Invalid value: 1001: must be positive and less than 1000",
  "49:26 api-validation: spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify",
];

// spec.versions prints as the internal version's Go structs (json.Marshal, HTML-escaped); errors of fields the
// conversion moved to spec (one version, or equal in all) name spec.additionalPrinterColumns and spec.subresources
const EXPECTED_VALIDATING_POLICY: string[] = [
  '7:18 api-validation: spec.failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"',
  '9:17 api-validation: spec.paramKind.apiVersion: Invalid value: "rules.example.com/v1/extra": unexpected GroupVersion string: rules.example.com/v1/extra',
  `10:11 api-validation: spec.paramKind.kind: Invalid value: "Replica_Limit": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
  '12:18 api-validation: spec.matchConstraints.matchPolicy: Unsupported value: "Loose": supported values: "Equivalent", "Exact"',
  '13:20 api-validation: spec.matchConstraints.resourceRules: Required value',
  '15:13 api-validation: spec.variables[0].name: Invalid value: "1st": name is not a valid CEL identifier',
  '18:19 api-validation: spec.variables[1].expression: Required value: expression is not specified',
  '20:19 api-validation: spec.validations[0].expression: Required value: expression is not specified',
  '21:16 api-validation: spec.validations[0].message: Invalid value: "first line\\nsecond line": message must not contain line breaks',
  '22:15 api-validation: spec.validations[0].reason: Unsupported value: "NotFound": supported values: "Forbidden", "Invalid", "RequestEntityTooLarge"',
  '24:26 api-validation: spec.validations[1].messageExpression: Invalid value: "   ": must be non-empty if specified',
  `26:12 api-validation: spec.auditAnnotations[0].key: Invalid value: "replica-limit/high replicas": ${NAME_PART}`,
  '28:12 api-validation: spec.auditAnnotations[1].key: Duplicate value: "high replicas"',
  `28:12 api-validation: spec.auditAnnotations[1].key: Invalid value: "replica-limit/high replicas": ${NAME_PART}`,
  '29:24 api-validation: spec.auditAnnotations[1].valueExpression: Required value: valueExpression is not specified',
  '36:3 api-validation: spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item',
  '36:3 api-validation: spec.matchConstraints: Required value',
  '36:3 api-validation: spec.validations: Required value: validations or auditAnnotations must contain at least one item',
  `43:15 api-validation: spec.policyName: Invalid value: "Replica_Limit": ${SUBDOMAIN}`,
  '45:11 api-validation: spec.paramRef.name: Forbidden: name and selector are mutually exclusive',
  '46:15 api-validation: spec.paramRef.selector: Forbidden: name and selector are mutually exclusive',
  '47:30 api-validation: spec.paramRef.parameterNotFoundAction: Unsupported value: "Ignore": supported values: "Deny", "Allow"',
  '48:22 api-validation: spec.validationActions: Invalid value: ["Deny","Warn","Deny","Block"]: must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)',
  '48:35 api-validation: spec.validationActions[2]: Duplicate value: "Deny"',
  '48:41 api-validation: spec.validationActions[3]: Unsupported value: "Block": supported values: "Audit", "Deny", "Warn"',
  '56:13 api-validation: spec.paramRef.parameterNotFoundAction: Required value',
  '56:13 api-validation: spec.paramRef: Required value: one of name or selector must be specified',
  '63:30 api-validation: spec.matchResources.resourceRules[0].resourceNames[1]: Duplicate value: "web"',
  '64:22 api-validation: spec.validationActions: Required value: at least one validation action is required',
];

const EXPECTED_MUTATING_POLICY: string[] = [
  '7:18 api-validation: spec.failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"',
  `10:11 api-validation: spec.paramKind.kind: Invalid value: "Sidecar_Config": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
  '13:30 api-validation: spec.matchConstraints.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
  '17:22 api-validation: spec.matchConstraints.resourceRules.operations: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
  '17:22 api-validation: spec.matchConstraints.resourceRules[1].operations[0]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
  '22:13 api-validation: spec.variables[0].name: Invalid value: "1st": name is not a valid CEL identifier',
  '25:7 api-validation: spec.mutations[0].jsonPatch: Required value: must be specified when patchType is JSONPatch',
  '27:9 api-validation: spec.mutations[0].applyConfiguration: Invalid value: "{applyConfiguration}": must not be specified when patchType is JSONPatch',
  '30:21 api-validation: spec.mutations[1].applyConfiguration.expression: Required value',
  '32:9 api-validation: spec.mutations[1].jsonPatch: Invalid value: "{jsonPatch}": must not be specified when patchType is ApplyConfiguration',
  '33:18 api-validation: spec.mutations[2].patchType: Unsupported value: "StrategicMerge": supported values: "ApplyConfiguration", "JSONPatch"',
  '34:23 api-validation: spec.reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"',
  '41:3 api-validation: spec.mutations: Required value: mutations must contain at least one item',
  '41:3 api-validation: spec.reinvocationPolicy: Required value',
  '42:20 api-validation: spec.matchConstraints.resourceRules: Required value',
  `49:15 api-validation: spec.policyName: Invalid value: "Sidecar_Injector": ${SUBDOMAIN}`,
  '52:30 api-validation: spec.paramRef.parameterNotFoundAction: Unsupported value: "Ignore": supported values: "Deny", "Allow"',
  '54:18 api-validation: spec.matchResources.matchPolicy: Unsupported value: "Loose": supported values: "Equivalent", "Exact"',
  '56:21 api-validation: spec.matchResources.resourceRules[0].operations: Invalid value: ["*","DELETE"]: if \'*\' is present, must not specify other operations',
  '56:27 api-validation: spec.matchResources.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
  '66:3 api-validation: spec.policyName: Required value',
];

const EXPECTED_CRD: string[] = [
  "5:9 invalid-name: metadata.name: Invalid value: \"widgets.example.com\": must be spec.names.plural+\".\"+spec.group",
  "7:10 api-validation: spec.group: Invalid value: \"example\": should be a domain with at least one dot",
  "8:10 api-validation: spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
  "9:35 api-validation: spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the same",
  "9:72 api-validation: spec.names.shortNames[0]: Invalid value: \"W\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  "11:5 api-validation: spec.versions: Invalid value: [{\"Name\":\"v1\",\"Served\":true,\"Storage\":false,\"Deprecated\":false,\"DeprecationWarning\":null,\"Schema\":null,\"Subresources\":null,\"AdditionalPrinterColumns\":null,\"SelectableFields\":null}]: must have exactly one version marked as storage version",
  "11:5 api-validation: status.storedVersions: Invalid value: null: must have at least one stored version",
  "22:33 api-validation: metadata.annotations[api-approved.kubernetes.io]: Invalid value: \"approved by the team\": protected groups must have approval annotation \"api-approved.kubernetes.io\" with either a URL or a reason starting with \"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111",
  "30:33 api-validation: spec.conversion.conversionReviewVersions: Invalid value: [\"v2\",\"v2\"]: must include at least one of v1, v1beta1",
  "30:38 api-validation: spec.conversion.conversionReviewVersions[1]: Invalid value: \"v2\": duplicate version",
  "32:14 api-validation: spec.conversion.webhookClientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]",
  "34:5 api-validation: spec.versions: Invalid value: [{\"Name\":\"V1\",\"Served\":true,\"Storage\":true,\"Deprecated\":false,\"DeprecationWarning\":\"old\",\"Schema\":null,\"Subresources\":{\"Status\":null,\"Scale\":{\"SpecReplicasPath\":\".replicas\",\"StatusReplicasPath\":\"\",\"LabelSelectorPath\":null}},\"AdditionalPrinterColumns\":[{\"Name\":\"Age\",\"Type\":\"time\",\"Format\":\"\",\"Description\":\"\",\"Priority\":0,\"JSONPath\":\"metadata.creationTimestamp\"}],\"SelectableFields\":null},{\"Name\":\"v2\",\"Served\":true,\"Storage\":true,\"Deprecated\":false,\"DeprecationWarning\":null,\"Schema\":{\"OpenAPIV3Schema\":{\"ID\":\"\",\"Schema\":\"\",\"Ref\":null,\"Description\":\"a \\u003cb\\u003e \\u0026 c\",\"Type\":\"object\",\"Nullable\":false,\"Format\":\"\",\"Title\":\"\",\"Default\":null,\"Maximum\":null,\"ExclusiveMaximum\":false,\"Minimum\":null,\"ExclusiveMinimum\":false,\"MaxLength\":null,\"MinLength\":null,\"Pattern\":\"\",\"MaxItems\":null,\"MinItems\":null,\"UniqueItems\":false,\"MultipleOf\":null,\"Enum\":null,\"MaxProperties\":null,\"MinProperties\":null,\"Required\":null,\"Items\":null,\"AllOf\":null,\"OneOf\":null,\"AnyOf\":null,\"Not\":null,\"Properties\":null,\"AdditionalProperties\":null,\"PatternProperties\":null,\"Dependencies\":null,\"AdditionalItems\":null,\"Definitions\":null,\"ExternalDocs\":null,\"Example\":null,\"XPreserveUnknownFields\":null,\"XEmbeddedResource\":false,\"XIntOrString\":false,\"XListMapKeys\":null,\"XListType\":null,\"XMapType\":null,\"XValidations\":null}},\"Subresources\":null,\"AdditionalPrinterColumns\":[{\"Name\":\"Age\",\"Type\":\"date\",\"Format\":\"\",\"Description\":\"\",\"Priority\":0,\"JSONPath\":\".metadata.creationTimestamp\"}],\"SelectableFields\":null}]: must have exactly one version marked as storage version",
  "34:7 api-validation: spec.versions[0].schema.openAPIV3Schema: Required value",
  "34:13 api-validation: spec.version: Invalid value: \"V1\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  "34:13 api-validation: spec.versions[0].name: Invalid value: \"V1\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  "37:27 api-validation: spec.versions[0].deprecationWarning: Invalid value: \"old\": can only be set for deprecated versions",
  "39:29 api-validation: spec.versions[0].additionalPrinterColumns[0].type: Invalid value: \"time\": must be one of boolean,date,integer,number,string",
  "39:45 api-validation: spec.versions[0].additionalPrinterColumns[0].JSONPath: Invalid value: \"metadata.creationTimestamp\": must be a simple json path starting with .",
  "41:35 api-validation: spec.versions[0].subresources.scale.specReplicasPath: Invalid value: \".replicas\": should be a json path under .spec",
  "41:66 api-validation: spec.versions[0].subresources.scale.statusReplicasPath: Required value",
  "44:16 api-validation: status.storedVersions: Invalid value: [\"V1\"]: must have the storage version v2",
  "57:26 api-validation: spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead",
  "57:26 api-validation: spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema",
  "62:33 api-validation: spec.conversion.conversionReviewVersions: Forbidden: should not be set when strategy is not set to Webhook",
  "68:47 api-validation: spec.additionalPrinterColumns[0].format: Invalid value: \"int16\": must be one of byte,date,date-time,double,float,int32,int64,password",
  "70:108 api-validation: spec.subresources.scale.labelSelectorPath: Invalid value: \".metadata.labels\": should be a json path under either .spec or .status",
];

// one version: its schema is the internal spec.validation; a value validation may name a property the structural part
// lacks below the root (upstream checks completeness at the root only)
const EXPECTED_CRD_SCHEMA: string[] = [
  "18:33 api-validation: spec.validation.openAPIV3Schema.additionalProperties: Forbidden: must not be used at the root",
  "23:13 api-validation: spec.validation.openAPIV3Schema.properties[extra]: Required value: because it is defined in spec.validation.openAPIV3Schema.anyOf[1].properties[extra]",
  "23:26 api-validation: spec.validation.openAPIV3Schema.properties[kind].type: Invalid value: \"object\": must be string",
  "25:15 api-validation: spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified",
  "29:15 api-validation: spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields",
  "31:23 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[list].items: Required value: must be specified",
  "36:41 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[selector].anyOf[0].properties[missing].type: Forbidden: must be empty to be structural",
  "36:62 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[selector].anyOf[0].properties[missing].description: Forbidden: must be empty to be structural",
  "40:31 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[choice].oneOf[0].title: Forbidden: must be empty to be structural",
  "41:23 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[choice].oneOf[1].type: Required value: must be array if x-kubernetes-list-type is specified",
  "41:34 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[choice].oneOf[1].nullable: Forbidden: must be false to be structural",
  "41:64 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[choice].oneOf[1].x-kubernetes-list-type: Forbidden: must be undefined to be structural",
  "48:61 api-validation: spec.validation.openAPIV3Schema.properties[spec].properties[nested].properties[bad].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true",
  "65:11 api-validation: spec.versions[0].schema.openAPIV3Schema: Invalid value: {\"ID\":\"\",\"Schema\":\"\",\"Ref\":null,\"Description\":\"\",\"Type\":\"object\",\"Nullable\":true,\"Format\":\"\",\"Title\":\"\",\"Default\":null,\"Maximum\":null,\"ExclusiveMaximum\":false,\"Minimum\":null,\"ExclusiveMinimum\":false,\"MaxLength\":null,\"MinLength\":null,\"Pattern\":\"\",\"MaxItems\":null,\"MinItems\":null,\"UniqueItems\":false,\"MultipleOf\":null,\"Enum\":null,\"MaxProperties\":null,\"MinProperties\":null,\"Required\":null,\"Items\":null,\"AllOf\":null,\"OneOf\":null,\"AnyOf\":null,\"Not\":null,\"Properties\":{\"spec\":{\"ID\":\"\",\"Schema\":\"\",\"Ref\":null,\"Description\":\"\",\"Type\":\"object\",\"Nullable\":false,\"Format\":\"\",\"Title\":\"\",\"Default\":null,\"Maximum\":null,\"ExclusiveMaximum\":false,\"Minimum\":null,\"ExclusiveMinimum\":false,\"MaxLength\":null,\"MinLength\":null,\"Pattern\":\"\",\"MaxItems\":null,\"MinItems\":null,\"UniqueItems\":false,\"MultipleOf\":null,\"Enum\":null,\"MaxProperties\":null,\"MinProperties\":null,\"Required\":null,\"Items\":null,\"AllOf\":null,\"OneOf\":null,\"AnyOf\":null,\"Not\":null,\"Properties\":null,\"AdditionalProperties\":null,\"PatternProperties\":null,\"Dependencies\":null,\"AdditionalItems\":null,\"Definitions\":null,\"ExternalDocs\":null,\"Example\":null,\"XPreserveUnknownFields\":true,\"XEmbeddedResource\":false,\"XIntOrString\":false,\"XListMapKeys\":null,\"XListType\":null,\"XMapType\":null,\"XValidations\":null}},\"AdditionalProperties\":null,\"PatternProperties\":null,\"Dependencies\":null,\"AdditionalItems\":null,\"Definitions\":null,\"ExternalDocs\":null,\"Example\":null,\"XPreserveUnknownFields\":null,\"XEmbeddedResource\":false,\"XIntOrString\":false,\"XListMapKeys\":null,\"XListType\":null,\"XMapType\":null,\"XValidations\":null}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled",
  "66:21 api-validation: spec.versions[0].schema.openAPIV3Schema.nullable: Forbidden: nullable cannot be true at the root",
  "74:17 api-validation: spec.versions[1].schema.openAPIV3Schema.type: Invalid value: \"array\": must be object at the root",
];

// subPath, mountPropagation and recursiveReadOnly name the mount list, a projection's duplicate path and token path the
// projected volume, a downward API file its volume source (upstream's field paths); a volume with errors is not found
const EXPECTED_POD_SECURITY: string[] = [
  "8:26 api-validation: spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled",
  "11:55 api-validation: spec.schedulingGates[1]: Duplicate value: \"example.com/ready\"",
  "11:82 api-validation: spec.schedulingGates[2]: Invalid value: \"not ok\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  "13:21 api-validation: spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost",
  "16:16 api-validation: spec.securityContext.sysctls[1].name: Duplicate value: \"kernel.shm_rmid_forced\"",
  "17:16 api-validation: spec.securityContext.sysctls[2].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true",
  "18:16 api-validation: spec.securityContext.sysctls[3].name: Invalid value: \"Net.Bad\": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$",
  "23:9 api-validation: spec.containers[0].securityContext: Invalid value: {\"Capabilities\":{\"Add\":[\"CAP_SYS_ADMIN\"],\"Drop\":null},\"Privileged\":null,\"SELinuxOptions\":null,\"WindowsOptions\":null,\"RunAsUser\":null,\"RunAsGroup\":null,\"RunAsNonRoot\":null,\"ReadOnlyRootFilesystem\":null,\"AllowPrivilegeEscalation\":false,\"ProcMount\":null,\"SeccompProfile\":{\"Type\":\"RuntimeDefault\",\"LocalhostProfile\":\"profiles/app.json\"},\"AppArmorProfile\":null}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
  "25:66 api-validation: spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: {\"Type\":\"RuntimeDefault\",\"LocalhostProfile\":\"profiles/app.json\"}: can only be set when seccomp type is Localhost",
  "28:45 api-validation: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.containers\": error converting fieldPath: field label not supported: spec.containers",
  "30:45 api-validation: spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"",
  "34:52 api-validation: spec.containers[0].env[3].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.nvidia.com/gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"",
  "36:47 api-validation: spec.containers[0].env[4].valueFrom.configMapKeyRef.name: Invalid value: \"Settings\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  "36:62 api-validation: spec.containers[0].env[4].valueFrom.configMapKeyRef.key: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  "38:20 api-validation: spec.containers[0].envFrom[0].prefix: Invalid value: \"1=\": a valid environment variable name must consist only of printable ASCII characters other than '='",
  "40:18 api-validation: spec.containers[0].volumeMounts[0].name: Not found: \"config\"",
  "40:50 api-validation: spec.containers[0].volumeMounts.subPath: Invalid value: \"../etc\": must not contain '..'",
  "41:55 api-validation: spec.containers[0].volumeMounts.subPathExpr: Invalid value: \"/abs/$(POD)\": must be a relative path",
  "42:60 api-validation: spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers",
  "43:61 api-validation: spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when mountPropagation is None or not specified",
  "43:61 api-validation: spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true",
  "45:37 api-validation: spec.containers[0].resources.requests[example.com/foo]: Invalid value: \"500m\": must be an integer",
  "46:35 api-validation: spec.containers[0].resources.limits[example.com/foo]: Invalid value: \"500m\": must be an integer",
  "48:46 api-validation: spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when pod `restartPolicy` is 'Never'",
  "49:11 api-validation: spec.containers[0].resizePolicy[1]: Duplicate value: \"cpu\"",
  "52:58 api-validation: spec.volumes[0].configMap.items[0].path: Invalid value: \"/abs\": must be a relative path",
  "52:80 api-validation: spec.volumes[0].configMap.items[1].path: Invalid value: \"..hidden\": must not start with '..'",
  "56:66 api-validation: spec.volumes[2].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"",
  "56:113 api-validation: spec.volumes[2].downwardAPI.resourceFieldRef.containerName: Required value",
  "60:41 api-validation: spec.volumes[3].projected.path: Invalid value: \"../token\": must not contain '..'",
  "60:70 api-validation: spec.volumes[3].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes",
  "62:64 api-validation: spec.volumes[3].projected: Invalid value: \"credentials\": conflicting duplicate paths",
  "63:13 api-validation: spec.volumes[3].projected.sources[3]: Forbidden: may not specify more than 1 volume type per source",
  "63:42 api-validation: spec.volumes[3].projected: Invalid value: \"config\": conflicting duplicate paths",
];

describe('environment variable names per release (RelaxedEnvironmentVariableValidation, on by default since 1.32)', () => {
  it.each([
    ['1.32', [
      "spec.containers[0].env[4].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]],
    ['1.31', [
      "spec.containers[0].env[0].name: Invalid value: \"1ST_RUN\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
      "spec.containers[0].env[1].name: Invalid value: \"APP CONFIG\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
      "spec.containers[0].env[2].name: Invalid value: \"..hidden\": must not start with '..'",
      "spec.containers[0].env[4].name: Invalid value: \"A=B\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
      "spec.containers[0].envFrom[0].prefix: Invalid value: \"cfg:\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ]],
  ])('%s', async (release, expected) => {
    const { objects } = await loadManifests(['env-var-names.yaml'], { cwd: 'fixtures/schema/validation' });
    const findings = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false });
    expect(findings.filter((finding) => finding.ruleId === 'api-validation').map((finding) => finding.message)).toEqual(expected);
  });
});

describe('toleration operators per release (Lt and Gt known from 1.35, behind a gate that is off)', () => {
  const refused = (index: number, operator: string, supported: string) => `spec.tolerations[${index}].operator: Unsupported value: "${operator}": supported values: ${supported}`;
  const [four, two] = ['"Equal", "Exists", "Lt", "Gt"', '"Equal", "Exists"'];
  it.each([
    ['1.36', [refused(0, 'Gt', four), refused(1, 'Lt', four), refused(2, 'In', two)]],
    ['1.35', [refused(0, 'Gt', four), refused(1, 'Lt', four), refused(2, 'In', two)]],
    ['1.34', [refused(0, 'Gt', two), refused(1, 'Lt', two), refused(2, 'In', two)]],
  ])('%s', async (release, expected) => {
    const { objects } = await loadManifests(['toleration-operators.yaml'], { cwd: 'fixtures/schema/validation' });
    const findings = validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false });
    expect(findings.filter((finding) => finding.ruleId === 'api-validation').map((finding) => finding.message)).toEqual(expected);
  });
});

const EXPECTED_WINDOWS_HOST_PROCESS = [
  '11:7 api-validation: spec.template.spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers',
  '11:7 api-validation: spec.template.spec: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers',
  '20:43 api-validation: spec.template.spec.containers[1].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true',
  '26:3 api-validation: spec: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers',
];

const ID_RANGE = 'must be between 0 and 2147483647, inclusive';
const EXPECTED_SECURITY_CONTEXT_VALUES = [
  `8:14 api-validation: spec.securityContext.fsGroup: Invalid value: -5: ${ID_RANGE}`,
  `9:32 api-validation: spec.securityContext.supplementalGroups[1]: Invalid value: -1: ${ID_RANGE}`,
  `10:16 api-validation: spec.securityContext.runAsUser: Invalid value: 4294967294: ${ID_RANGE}`,
  '11:63 api-validation: spec.securityContext.appArmorProfile.localhostProfile: Invalid value: "k8s-apparmor": can only be set when AppArmor type is Localhost',
  `16:20 api-validation: spec.containers[0].securityContext.runAsUser: Invalid value: -1: ${ID_RANGE}`,
  `17:21 api-validation: spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: ${ID_RANGE}`,
  '18:26 api-validation: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
  '19:20 api-validation: spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
  '23:62 api-validation: spec.containers[1].securityContext.appArmorProfile.localhostProfile: Invalid value: " k8s-apparmor": must not be padded with whitespace',
  '24:20 api-validation: spec.containers[1].securityContext.procMount: Unsupported value: "Masked": supported values: "Default", "Unmasked"',
  '29:33 api-validation: spec.initContainers[0].securityContext.appArmorProfile.type: Unsupported value: "Custom": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
];

const NOT_FOR_WINDOWS = 'Forbidden: cannot be set for a windows pod';
const EXPECTED_POD_OS = [
  `8:12 api-validation: spec.hostPID: ${NOT_FOR_WINDOWS}`,
  `9:26 api-validation: spec.shareProcessNamespace: ${NOT_FOR_WINDOWS}`,
  `11:21 api-validation: spec.securityContext.seccompProfile: ${NOT_FOR_WINDOWS}`,
  `12:16 api-validation: spec.securityContext.runAsUser: ${NOT_FOR_WINDOWS}`,
  `13:14 api-validation: spec.securityContext.sysctls: ${NOT_FOR_WINDOWS}`,
  `18:37 api-validation: spec.initContainers[0].securityContext.privileged: ${NOT_FOR_WINDOWS}`,
  `23:35 api-validation: spec.containers[0].securityContext.allowPrivilegeEscalation: ${NOT_FOR_WINDOWS}`,
  `24:23 api-validation: spec.containers[0].securityContext.capabilities: ${NOT_FOR_WINDOWS}`,
  `25:33 api-validation: spec.containers[0].securityContext.readOnlyRootFilesystem: ${NOT_FOR_WINDOWS}`,
  '38:25 api-validation: spec.template.spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod',
  '44:29 api-validation: spec.template.spec.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod',
  // validateOS stops there: no validateLinux or validateWindows for an unsupported name
  '50:14 api-validation: spec.os: Unsupported value: "plan9": supported values: "linux", "windows"',
  `73:14 api-validation: spec.hostUsers: ${NOT_FOR_WINDOWS}`,
];

const EXPECTED_MATCH_LABEL_KEYS = [
  // upstream reports a key both in the selector and in matchLabelKeys at the term's path and the key's index
  '16:24 api-validation: spec.topologySpreadConstraints[0][0]: Invalid value: "pod-template-hash": exists in both matchLabelKeys and labelSelector',
  '20:23 api-validation: spec.topologySpreadConstraints[1].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
  `25:62 api-validation: spec.topologySpreadConstraints[2].labelSelector.matchExpressions[0].values[0]: Invalid value: "web server": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  `26:24 api-validation: spec.topologySpreadConstraints[2].matchLabelKeys[0]: Invalid value: "bad key": ${NAME_PART}`,
  '32:28 api-validation: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0][0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector',
  '32:33 api-validation: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: Invalid value: "tier": exists in both matchLabelKeys and mismatchLabelKeys',
  '59:36 api-validation: spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.mismatchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
];

const EXPECTED_POD_ANNOTATIONS = [
  '8:49 api-validation: metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "high": must be a 32bit integer',
  '9:34 api-validation: metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "x": must set spec.nodeName if mirror pod annotation is set',
  // ValidateSeccompPodAnnotations names the annotation with fldPath.Child, not Key
  '10:47 api-validation: metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: "bogus": must be a valid seccomp profile',
  '11:57 api-validation: metadata.annotations.container.seccomp.security.alpha.kubernetes.io/app: Invalid value: "../escape.json": must not contain \'..\'',
  '12:58 api-validation: metadata.annotations[container.apparmor.security.beta.kubernetes.io/nope]: Invalid value: "nope": container not found',
  '13:57 api-validation: metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: Invalid value: "custom": invalid AppArmor profile name: "custom"',
  '28:53 api-validation: spec.template.metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
];

const EXPECTED_RESOURCE_CLAIMS = [
  '9:7 api-validation: spec.resourceClaims[0]: Invalid value: {"Name":"gpu","ResourceClaimName":"gpu-claim","ResourceClaimTemplateName":"gpu-template"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
  '12:13 api-validation: spec.resourceClaims[1].name: Duplicate value: "gpu"',
  '14:13 api-validation: spec.resourceClaims[2].name: Required value',
  '16:7 api-validation: spec.resourceClaims[3]: Invalid value: {"Name":"fpga","ResourceClaimName":null,"ResourceClaimTemplateName":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
  `18:34 api-validation: spec.resourceClaims[4].resourceClaimTemplateName: Invalid value: "Nic_Template": ${SUBDOMAIN}`,
  '24:13 api-validation: spec.containers[0].resources.claims[0]: Not found: "tpu": must be one of the names in pod.spec.resourceClaims: fpga, gpu, nic',
  // the whole claim after one of its requests
  '27:13 api-validation: spec.containers[0].resources.claims[2]: Duplicate value: "gpu"',
  `29:22 api-validation: spec.containers[0].resources.claims[3].request: Invalid value: "Bad_Request": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  '43:22 api-validation: spec.template.spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty',
];
