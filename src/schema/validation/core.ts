// pkg/apis/core/validation for the core kinds' specs: Pod, PodTemplate, ReplicationController, Service, Node taints, ConfigMap, Secret.
import { INVALID_PORT, validateDNS1123Label, validateNonnegativeField, validatePortNumOrName, validatePortProtocol, validateResourceQuantityValue } from './core-container.js';
import { TAINT_EFFECTS, templateOptions, validatePodSpec, validatePodTemplateSpec, type ValidationContext } from './core-pod.js';
import { validatePodSpecificAnnotations } from './pod-annotations.js';
import { duplicate, forbidden, GoSlice, GoStruct, internalError, invalid, key, owned, pointing, required, tooLong, unsupportedValue, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { endpointIPErrors, legacyCIDRErrors, legacyIPErrors } from './ip.js';
import { isIPv6String, isV4, parseCIDRSloppy } from '../../model/ip-address.js';
import { parseQuantity } from '../../model/quantity.js';
import { quantityValue, RESOURCE_LIST_ENTRY } from './quantity-value.js';
import { isHugePages } from './resource-names.js';
import { goJsonMapError } from '../../model/go-json.js';
import { byteLength, configMapKeyErrors, labelValueErrors, portNumberErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { validateLabels } from './object-meta.js';
import { validateTemplateMatchesSelector, validateRestartPolicyAlways } from './template.js';
import { arrayField, asRecord, intField, recordField, stringEntries, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';
import { goTrimSpace } from '../../model/go-strings.js';

// upstream: validation.go ValidatePodCreate (v1.36): the spec, then what only a created pod may not carry
export function validatePod(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec');
  const metadata = recordField(object, 'metadata');
  const podLabels = Object.fromEntries(stringEntries(metadata?.['labels']));
  const errors = validatePodSpecificAnnotations(metadata?.['annotations'], spec, ['metadata', 'annotations']);
  appendAll(errors, validatePodSpec(spec, ['spec'], { ...context, claimTemplates: [], isPod: true, podLabels }));
  appendAll(errors, validateContainersOnlyForPod(spec));
  // ephemeral containers are added later, through the ephemeralcontainers subresource
  if (arrayField(spec, 'ephemeralContainers').length > 0) errors.push(forbidden(['spec', 'ephemeralContainers'], 'cannot be set on create'));
  if ((stringField(spec, 'nodeName') ?? '') !== '' && arrayField(spec, 'schedulingGates').length > 0) {
    errors.push(forbidden(['spec', 'nodeName'], 'cannot be set until all schedulingGates have been cleared'));
  }
  return errors;
}

// upstream: validation.go validateContainersOnlyForPod, validateContainerOnlyForPod: what a pod's containers may not
// carry and a template's may (kept for the templates written before the check)
function validateContainersOnlyForPod(spec: Fields | undefined): ErrorList {
  return (['containers', 'initContainers'] as const).flatMap((list) => arrayField(spec, list).flatMap((container, index) => {
    const image = stringField(asRecord(container), 'image');
    return image !== undefined && goTrimSpace(image) !== image ? [invalid(['spec', list, index, 'image'], image, 'must not have leading or trailing whitespace')] : [];
  }));
}

// upstream: validation.go ValidatePodTemplate
export function validatePodTemplate(object: Fields, context: ValidationContext): ErrorList {
  return validatePodTemplateSpec(object['template'], ['template'], templateOptions(context));
}

// upstream: validation.go ValidateReplicationControllerSpec, ValidatePodTemplateSpecForRC; an empty selector defaults to the template's labels
export function validateReplicationController(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec');
  const selector = stringEntries(spec?.['selector']);
  const errors = validateNonnegativeField(intField(spec, 'replicas'), ['spec', 'replicas']);
  appendAll(errors, validateLabels(spec?.['selector'], ['spec', 'selector']));
  const template = spec?.['template'];
  if (!asRecord(template)) return [...errors, required(['spec', 'template'])];
  if (selector.length > 0) appendAll(errors, validateTemplateMatchesSelector({ kind: 'set', labels: Object.fromEntries(selector) }, template, ['spec', 'template']));
  appendAll(appendAll(errors, validatePodTemplateSpec(template, ['spec', 'template'], templateOptions(context))), validateRestartPolicyAlways('ReplicationController', template, ['spec', 'template']));
  return errors;
}

// upstream: validation.go ValidateService (create; IP allocation is the cluster's business) (v1.36)
export function validateService(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  // v1 SetDefaults_Service: an empty type is ClusterIP
  const type = stringField(spec, 'type') || 'ClusterIP';
  const ports = arrayField(spec, 'ports');
  const clusterIPs = clusterIPsOnCreate(spec);
  const headless = type === 'ClusterIP' && clusterIPs.values.length === 1 && clusterIPs.values[0] === 'None';
  const errors: ErrorList = [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push(required(['spec', 'ports']));
  if ((type === 'LoadBalancer' || type === 'NodePort') && clusterIPs.values.length === 1 && clusterIPs.values[0] === 'None') {
    errors.push(clusterIPs.at(invalid(['spec', 'clusterIPs', 0], 'None', `may not be set to 'None' for ${type} services`), 0));
  }
  if (type === 'ExternalName') appendAll(errors, validateExternalNameIPs(spec, clusterIPs));
  if (type === 'ExternalName') appendAll(errors, validateExternalName(stringField(spec, 'externalName') ?? ''));
  const names = new Set<string>();
  ports.forEach((entry, index) => appendAll(errors, validateServicePort(asRecord(entry) ?? {}, { requireName: ports.length > 1, names }, ['spec', 'ports', index])));
  if (spec['selector'] !== undefined) appendAll(errors, validateLabels(spec['selector'], ['spec', 'selector']));
  if (type !== 'ExternalName') appendAll(errors, validateClusterIPs(spec, clusterIPs, headless, context.strictIPs));
  appendAll(errors, validateExternalIPs(spec, context.strictIPs));
  appendAll(errors, unsupportedValue(['spec', 'type'], type, SERVICE_TYPES));
  appendAll(appendAll(errors, validateServiceTypeFields(spec, type)), validateDuplicateServicePorts(ports));
  appendAll(errors, validateSourceRanges(object, spec, type, context.strictIPs));
  return appendAll(appendAll(errors, validateSessionAffinity(spec)), validateTrafficPolicies(spec, type));
}

/** A Service's clusterIPs as validation sees them, and where an error about one points. */
interface ClusterIPs {
  readonly values: readonly unknown[];
  /** The error pointing at the written `clusterIP` when `clusterIPs[index]` was filled in from it. */
  at(error: FieldError, index: number): FieldError;
}

// upstream: pkg/registry/core/service/strategy.go PrepareForCreate, normalizeClusterIPs: a `clusterIP` without
// `clusterIPs` becomes their only value before validation
function clusterIPsOnCreate(spec: Fields): ClusterIPs {
  const clusterIP = stringField(spec, 'clusterIP') ?? '';
  const written = arrayField(spec, 'clusterIPs');
  if (clusterIP !== '' && written.length === 0) return { values: [clusterIP], at: (error, index) => (index === 0 ? pointing(error, ['spec', 'clusterIP']) : error) };
  return { values: written, at: (error) => error };
}

// upstream: ValidateService, case ExternalName: no cluster IPs or IP families
function validateExternalNameIPs(spec: Fields, clusterIPs: ClusterIPs): ErrorList {
  const errors: ErrorList = [];
  if (clusterIPs.values.length > 0) errors.push(clusterIPs.at(forbidden(['spec', 'clusterIPs'], 'may not be set for ExternalName services'), 0));
  if (arrayField(spec, 'ipFamilies').length > 0) errors.push(forbidden(['spec', 'ipFamilies'], 'may not be set for ExternalName services'));
  if (spec['ipFamilyPolicy'] !== undefined && spec['ipFamilyPolicy'] !== null) errors.push(forbidden(['spec', 'ipFamilyPolicy'], 'may not be set for ExternalName services'));
  return errors;
}

// upstream: validation.go supportedServiceType, supportedServiceIPFamily, supportedServiceIPFamilyPolicy (sets.List: sorted)
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

// upstream: validation.go ValidateServiceClusterIPsRelatedFields on create
function validateClusterIPs(spec: Fields, clusterIPs: ClusterIPs, headless: boolean, strict: boolean): ErrorList {
  const errors: ErrorList = [];
  const values = clusterIPs.values;
  const clusterIP = stringField(spec, 'clusterIP') ?? '';
  if (clusterIP !== '' && values[0] !== clusterIP) errors.push(invalid(['spec', 'clusterIPs'], values, 'first value must match `clusterIP`'));
  if (clusterIP === '' && values.length > 0) errors.push(invalid(['spec', 'clusterIPs'], values, 'must be empty when `clusterIP` is not specified'));
  const families = arrayField(spec, 'ipFamilies');
  const seenFamilies = new Set<unknown>();
  families.forEach((family, index) => {
    if (typeof family === 'string') appendAll(errors, unsupportedValue(['spec', 'ipFamilies', index], family, IP_FAMILIES));
    if (seenFamilies.has(family)) errors.push(duplicate(['spec', 'ipFamilies', index], family));
    seenFamilies.add(family);
  });
  appendAll(errors, unsupportedValue(['spec', 'ipFamilyPolicy'], stringField(spec, 'ipFamilyPolicy'), IP_FAMILY_POLICIES));
  let invalidIPs = false;
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    if (index === 0 && value === 'None') {
      if (values.length > 1) {
        invalidIPs = true;
        errors.push(invalid(['spec', 'clusterIPs'], values, "'None' must be the first and only value"));
      }
      return;
    }
    const messages = legacyIPErrors(value, strict);
    invalidIPs ||= messages.length > 0;
    appendAll(errors, messages.map((message) => clusterIPs.at(invalid(['spec', 'clusterIPs', index], value, message), index)));
  });
  if (values.length > 2) errors.push(invalid(['spec', 'clusterIPs'], values, 'may only hold up to 2 values'));
  if (invalidIPs) return errors;
  // netutils.IsDualStackIPStrings: two values, one of each family
  if (values.length > 1 && (values.length > 2 || isIPv6String(String(values[0])) === isIPv6String(String(values[1])))) {
    errors.push(invalid(['spec', 'clusterIPs'], values, 'may specify no more than one IP for each IP family'));
  }
  if (headless || families.length === 0) return errors;
  values.slice(0, families.length).forEach((value, index) => {
    const ip = String(value);
    if (families[index] === 'IPv4' && isIPv6String(ip)) errors.push(clusterIPs.at(invalid(['spec', 'clusterIPs', index], ip, `expected an IPv4 value as indicated by \`ipFamilies[${index}]\``), index));
    if (families[index] === 'IPv6' && !isIPv6String(ip)) errors.push(clusterIPs.at(invalid(['spec', 'clusterIPs', index], ip, `expected an IPv6 value as indicated by \`ipFamilies[${index}]\``), index));
  });
  return errors;
}

// upstream: ValidateService: "All new ExternalIPs must be valid and 'non-special'" (ValidateEndpointIP)
function validateExternalIPs(spec: Fields, strict: boolean): ErrorList {
  const errors: ErrorList = [];
  arrayField(spec, 'externalIPs').forEach((value, index) => {
    if (typeof value !== 'string') return;
    const messages = legacyIPErrors(value, strict);
    appendAll(errors, (messages.length > 0 ? messages : endpointIPErrors(value)).map((message) => invalid(['spec', 'externalIPs', index], value, message)));
  });
  return errors;
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

// upstream: ValidateService "Validate SourceRanges field or annotation": values may be space-padded; the field's path
// is written "LoadBalancerSourceRanges" upstream (the Forbidden for other types is validateServiceTypeFields')
function validateSourceRanges(object: Fields, spec: Fields, type: string, strict: boolean): ErrorList {
  const ranges = arrayField(spec, 'loadBalancerSourceRanges');
  if (ranges.length > 0) {
    return ranges.flatMap((value, index) => {
      if (typeof value !== 'string') return [];
      const trimmed = goTrimSpace(value);
      return legacyCIDRErrors(trimmed, strict).map((message) => pointing(invalid(['spec', 'LoadBalancerSourceRanges', index], trimmed, message), ['spec', 'loadBalancerSourceRanges', index]));
    });
  }
  const annotations = recordField(recordField(object, 'metadata'), 'annotations');
  const annotation = stringField(annotations, SOURCE_RANGES_ANNOTATION);
  if (annotation === undefined) return [];
  const field: FieldPath = ['metadata', 'annotations', key(SOURCE_RANGES_ANNOTATION)];
  const errors: ErrorList = type === 'LoadBalancer' ? [] : [forbidden(field, "may only be used when `type` is 'LoadBalancer'")];
  const value = goTrimSpace(annotation);
  if (value === '') return errors;
  for (const cidr of value.split(',')) appendAll(errors, legacyCIDRErrors(goTrimSpace(cidr), strict).map((message) => invalid(field, goTrimSpace(cidr), message)));
  return errors;
}

// upstream: ValidateService, case ExternalName: the CNAME may end with a dot
function validateExternalName(externalName: string): ErrorList {
  const cname = externalName.replace(/\.$/, '');
  if (cname === '') return [required(['spec', 'externalName'])];
  return subdomainErrors(cname).map((message) => invalid(['spec', 'externalName'], cname, message));
}

interface ServicePortContext {
  readonly requireName: boolean;
  readonly names: Set<string>;
}

// upstream: validation.go validateServicePort; a targetPort of 0 or "" is defaulted to port (v1 SetDefaults_Service)
function validateServicePort(port: Fields, context: ServicePortContext, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(port, 'name') ?? '';
  if (context.requireName && name === '') errors.push(required(field.concat('name')));
  else if (name !== '') {
    appendAll(errors, validateDNS1123Label(name, field.concat('name')));
    if (context.names.has(name)) errors.push(duplicate(field.concat('name'), name));
    else context.names.add(name);
  }
  const number = intField(port, 'port');
  if (number !== undefined) appendAll(errors, owned(portNumberErrors(number).map((message) => invalid(field.concat('port'), number, message)), INVALID_PORT));
  appendAll(errors, validatePortProtocol(port, field));
  const target = port['targetPort'];
  if (target !== 0 && target !== '') appendAll(errors, owned(validatePortNumOrName(target, field.concat('targetPort')), INVALID_PORT));
  const appProtocol = stringField(port, 'appProtocol');
  if (appProtocol !== undefined) appendAll(errors, qualifiedNameErrors(appProtocol).map((message) => invalid(field.concat('appProtocol'), appProtocol, message)));
  return errors;
}

// upstream: ValidateService: fields that only some Service types may set (the field name "LoadBalancerSourceRanges" is upstream's)
function validateServiceTypeFields(spec: Fields, type: string): ErrorList {
  const errors: ErrorList = [];
  arrayField(spec, 'ports').forEach((entry, index) => {
    if (type === 'ClusterIP' && intField(asRecord(entry), 'nodePort')) errors.push(forbidden(['spec', 'ports', index, 'nodePort'], "may not be used when `type` is 'ClusterIP'"));
  });
  if (arrayField(spec, 'loadBalancerSourceRanges').length > 0 && type !== 'LoadBalancer') {
    errors.push(pointing(forbidden(['spec', 'LoadBalancerSourceRanges'], "may only be used when `type` is 'LoadBalancer'"), ['spec', 'loadBalancerSourceRanges'], 'key'));
  }
  if (spec['allocateLoadBalancerNodePorts'] !== undefined && spec['allocateLoadBalancerNodePorts'] !== null && type !== 'LoadBalancer') {
    errors.push(forbidden(['spec', 'allocateLoadBalancerNodePorts'], "may only be used when `type` is 'LoadBalancer'"));
  }
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && arrayField(spec, 'externalIPs').length > 0);
  const policy = stringField(spec, 'externalTrafficPolicy');
  if (!externallyAccessible && policy) errors.push(invalid(['spec', 'externalTrafficPolicy'], policy, 'may only be set for externally-accessible services'));
  return appendAll(errors, validateLoadBalancerClass(spec, type));
}

const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

// upstream: validateService sessionAffinity and validateClientIPAffinityConfig, after v1 SetDefaults_Service: an empty
// affinity is None, whose sessionAffinityConfig is dropped (so never refused), and ClientIP gets 10800 seconds unless set
function validateSessionAffinity(spec: Fields): ErrorList {
  const affinity = stringField(spec, 'sessionAffinity') || 'None';
  const unsupported = unsupportedValue(['spec', 'sessionAffinity'], affinity, SESSION_AFFINITIES);
  if (unsupported.length > 0) return unsupported;
  const timeout = intField(recordField(recordField(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds');
  if (affinity !== 'ClientIP' || timeout === undefined || (timeout > 0 && timeout <= MAX_CLIENT_IP_AFFINITY_SECONDS)) return [];
  return [invalid(['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
}

// upstream: validateLoadBalancerClassField on create
function validateLoadBalancerClass(spec: Fields, type: string): ErrorList {
  const lbClass = stringField(spec, 'loadBalancerClass');
  if (lbClass === undefined) return [];
  if (type !== 'LoadBalancer') return [forbidden(['spec', 'loadBalancerClass'], "may only be used when `type` is 'LoadBalancer'")];
  return qualifiedNameErrors(lbClass).map((message) => invalid(['spec', 'loadBalancerClass'], lbClass, message));
}

// upstream: validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue; SetDefaults_Service fills
// both policies where they are required, and the registry allocates a needed healthCheckNodePort before validation
function validateTrafficPolicies(spec: Fields, type: string): ErrorList {
  const errors: ErrorList = [];
  const external = stringField(spec, 'externalTrafficPolicy') ?? '';
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && arrayField(spec, 'externalIPs').length > 0);
  if (externallyAccessible && external !== '') appendAll(errors, unsupportedValue(['spec', 'externalTrafficPolicy'], external, TRAFFIC_POLICIES));
  const healthCheckNodePort = intField(spec, 'healthCheckNodePort') ?? 0;
  const needsHealthCheck = type === 'LoadBalancer' && external === 'Local';
  if (!needsHealthCheck && healthCheckNodePort !== 0) {
    errors.push(invalid(['spec', 'healthCheckNodePort'], healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const internal = stringField(spec, 'internalTrafficPolicy');
  appendAll(errors, unsupportedValue(['spec', 'internalTrafficPolicy'], internal, TRAFFIC_POLICIES));
  return errors;
}

// upstream: ValidateService "Check for duplicate NodePorts" and "Check for duplicate Ports, considering (protocol,port) pairs";
// the duplicate port prints as the internal ServicePort struct
function validateDuplicateServicePorts(ports: readonly unknown[]): ErrorList {
  const seenPorts = new Set<string>();
  const seenNodePorts = new Set<string>();
  const errors: ErrorList = [];
  ports.forEach((entry, index) => {
    const port = asRecord(entry);
    const protocol = stringField(port, 'protocol') || 'TCP';
    const number = intField(port, 'port') ?? 0;
    const nodePort = intField(port, 'nodePort') ?? 0;
    if (nodePort !== 0 && seenNodePorts.has(`${protocol}/${nodePort}`)) errors.push(duplicate(['spec', 'ports', index, 'nodePort'], nodePort));
    if (nodePort !== 0) seenNodePorts.add(`${protocol}/${nodePort}`);
    const value = new GoStruct([['Name', ''], ['Protocol', protocol], ['AppProtocol', null], ['Port', number], ['TargetPort', 0], ['NodePort', 0]]);
    if (seenPorts.has(`${protocol}/${number}`)) errors.push(duplicate(['spec', 'ports', index], value));
    seenPorts.add(`${protocol}/${number}`);
  });
  return errors;
}

/**
 * A Node on create: its taints, then its status's resources (a node's create strategy keeps the status the kubelet
 * registers with), then its pod CIDRs. Taints: key, value and effect (an empty effect is Required); upstream builds their
 * path under `metadata` (`metadata.taints[0].effect`), the findings point at spec.taints. A repeated key and effect
 * (Duplicate, the internal Taint struct as its value) and the node annotations (taints, preferAvoidPods) are not checked.
 */
// upstream: validation.go ValidateNode (fldPath := field.NewPath("metadata"); fldPath.Child("taints")), validateNodeTaints,
// validateTaintEffect (v1.36)
export function validateNode(object: Fields, context: ValidationContext): ErrorList {
  const errors = validateNodeTaints(object);
  appendAll(errors, validateNodeResources(recordField(object, 'status')));
  return appendAll(errors, validateNodePodCIDRs(arrayField(recordField(object, 'spec'), 'podCIDRs'), context.strictIPs));
}

function validateNodeTaints(object: Fields): ErrorList {
  const errors: ErrorList = [];
  arrayField(recordField(object, 'spec'), 'taints').forEach((entry, index) => {
    const taint = asRecord(entry) ?? {};
    const at = (error: FieldError, name: string): FieldError => pointing(error, ['spec', 'taints', index, name]);
    const field: FieldPath = ['metadata', 'taints', index];
    const taintKey = stringField(taint, 'key') ?? '';
    for (const message of qualifiedNameErrors(taintKey)) errors.push(at(invalid(field.concat('key'), taintKey, message), 'key'));
    const value = stringField(taint, 'value') ?? '';
    const valueMessages = labelValueErrors(value);
    if (valueMessages.length > 0) errors.push(at(invalid(field.concat('value'), value, valueMessages.join(';')), 'value'));
    const effect = stringField(taint, 'effect') ?? '';
    if (effect === '') errors.push(at(required(field.concat('effect')), 'effect'));
    else appendAll(errors, unsupportedValue(field.concat('effect'), effect, TAINT_EFFECTS).map((error) => at(error, 'effect')));
  });
  return errors;
}

// upstream: validation.go ValidateNodeResources: capacity and allocatable quantities (ValidateResourceQuantityValue),
// and positive hugepages of one page size only; every resource after a second size is reported (Go's map order is
// random; kubefit takes the written one)
function validateNodeResources(status: Fields | undefined): ErrorList {
  return ['capacity', 'allocatable'].flatMap((list) => {
    const errors: ErrorList = [];
    const pageSizes = new Set<string>();
    for (const [name, raw] of Object.entries(recordField(status, list) ?? {})) {
      const field = (): FieldPath => ['status', list, key(name)];
      appendAll(errors, validateResourceQuantityValue(name, raw, field));
      const quantity = parseQuantity(raw);
      if (isHugePages(name) && quantity && quantity.numerator > 0n) pageSizes.add(name);
      if (pageSizes.size > 1) errors.push(invalid(field(), quantityValue(raw, RESOURCE_LIST_ENTRY), 'may not have pre-allocated hugepages for multiple page sizes'));
    }
    return errors;
  });
}

// upstream: ValidateNode, spec.podCIDRs: each a CIDR (IsValidCIDRForLegacyField), and more than one only one per IP
// family (netutils.IsDualStackCIDRStrings, whose parse error is an internal error) and without repeats
function validateNodePodCIDRs(cidrs: readonly unknown[], strict: boolean): ErrorList {
  const field: FieldPath = ['spec', 'podCIDRs'];
  const values = cidrs.map((cidr) => (typeof cidr === 'string' ? cidr : ''));
  const errors = values.flatMap((value, index) => legacyCIDRErrors(value, strict).map((message) => invalid(field.concat(index), value, message)));
  if (values.length < 2) return errors;
  const parsed = values.map(parseCIDRSloppy);
  const unparsed = parsed.findIndex((cidr) => cidr === undefined);
  if (unparsed >= 0) errors.push(internalError(field, `invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[${unparsed}]: <nil> (invalid CIDR address: ${values[unparsed] ?? ''})`));
  const families = new Set(parsed.map((cidr) => cidr && isV4(cidr.ip)));
  const dualStack = unparsed < 0 && families.has(true) && families.has(false);
  if (!dualStack || values.length > 2) errors.push(invalid(field, new GoSlice('[]string', values), 'may specify no more than one CIDR for each IP family'));
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) errors.push(duplicate(field.concat(index), value));
    seen.add(value);
  });
  return errors;
}

const MAX_SECRET_SIZE = 1024 * 1024;

// upstream: validation.go ValidateConfigMap (v1.36)
export function validateConfigMap(object: Fields): ErrorList {
  const errors: ErrorList = [];
  let total = 0;
  const binaryData = asRecord(object['binaryData']) ?? {};
  for (const field of ['data', 'binaryData']) {
    for (const [name, value] of Object.entries(asRecord(object[field]) ?? {})) {
      appendAll(errors, keyErrors(name, [field, key(name)]));
      if (field === 'data' && Object.hasOwn(binaryData, name)) errors.push(pointing(invalid([field, key(name)], name, 'duplicate of key present in binaryData'), [field, name], 'key'));
      total += typeof value === 'string' ? (field === 'binaryData' ? Buffer.from(value, 'base64').length : byteLength(value)) : 0;
    }
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong([''], MAX_SECRET_SIZE));
  return errors;
}

function keyErrors(name: string, field: FieldPath): ErrorList {
  return configMapKeyErrors(name).map((message) => pointing(invalid(field, name, message), [String(field[0]), name], 'key'));
}

// upstream: validation.go ValidateSecret (v1.36): stringData is merged into data before validation
export function validateSecret(object: Fields): ErrorList {
  const data = new Map<string, { field: string; size: number }>();
  for (const field of ['data', 'stringData']) {
    for (const [name, value] of Object.entries(asRecord(object[field]) ?? {})) {
      data.set(name, { field, size: typeof value === 'string' ? decodedSize(field, value) : 0 });
    }
  }
  const errors: ErrorList = [];
  let total = 0;
  for (const [name, { field, size }] of data) {
    appendAll(errors, keyErrors(name, [field === 'stringData' ? 'data' : field, key(name)]).map((error) => pointing(error, [field, name], 'key')));
    total += size;
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong(['data'], MAX_SECRET_SIZE));
  appendAll(errors, validateSecretType(stringField(object, 'type') ?? 'Opaque', data, object));
  return errors;
}

const decodedSize = (field: string, value: string): number => (field === 'data' ? Buffer.from(value, 'base64').length : byteLength(value));

const REQUIRED_SECRET_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

// upstream: secrets.go ValidateSecret, the switch on secret.Type: an ssh-auth Secret's key must not be empty
// (len(secret.Data[SSHAuthPrivateKey]) == 0), the other types' keys only present; `data` holds each key's field and
// decoded size, and an empty key is pointed at where it is written
function validateSecretType(type: string, data: ReadonlyMap<string, { field: string; size: number }>, object: Fields): ErrorList {
  if (type === 'kubernetes.io/service-account-token') {
    const annotations = recordField(recordField(object, 'metadata'), 'annotations');
    return stringField(annotations, 'kubernetes.io/service-account.name') ? [] : [required(['metadata', 'annotations', key('kubernetes.io/service-account.name')])];
  }
  if (type === 'kubernetes.io/basic-auth' && !data.has('username') && !data.has('password')) {
    return [required(['data', key('username')]), required(['data', key('password')])];
  }
  const isMissing = (name: string): boolean => (type === 'kubernetes.io/ssh-auth' ? (data.get(name)?.size ?? 0) === 0 : !data.has(name));
  const missing = (REQUIRED_SECRET_KEYS[type] ?? []).filter(isMissing).map((name) => {
    const written = data.get(name);
    return written ? pointing(required(['data', key(name)]), [written.field, name]) : required(['data', key(name)]);
  });
  const dockerKey = DOCKER_CONFIG_KEYS[type];
  return missing.length > 0 || dockerKey === undefined ? missing : validateDockerConfig(object, dockerKey);
}

/** The Secret types whose key must hold a JSON object (a registry's credentials). */
const DOCKER_CONFIG_KEYS: Readonly<Record<string, string>> = { 'kubernetes.io/dockercfg': '.dockercfg', 'kubernetes.io/dockerconfigjson': '.dockerconfigjson' };

// upstream: ValidateSecret, "make sure that the content is well-formed json": json.Unmarshal into a map, the secret's
// bytes never shown; stringData (merged into data before validation) wins over data
function validateDockerConfig(object: Fields, name: string): ErrorList {
  const text = stringField(recordField(object, 'stringData'), name);
  const encoded = text === undefined ? stringField(recordField(object, 'data'), name) : undefined;
  const bytes = text !== undefined ? Buffer.from(text, 'utf8') : encoded !== undefined ? Buffer.from(encoded, 'base64') : undefined;
  const error = bytes && goJsonMapError(bytes);
  return error ? [pointing(invalid(['data', key(name)], '<secret contents redacted>', error), [text !== undefined ? 'stringData' : 'data', name])] : [];
}
