// pkg/apis/networking/validation: Ingress, IngressClass and NetworkPolicy specs (create); enums and required fields are the schema's.
import { forbidden, GoSlice, invalid, notSupported, owned, pointing, required, tooLong, type ErrorList, type FieldPath } from './field-error.js';
import { INVALID_PORT, validatePortNumOrName } from './core-container.js';
import { validateLabelSelector } from './label-selector.js';
import { byteLength, dns1035LabelErrors, dns1123LabelErrors, portNameErrors, portNumberErrors, subdomainErrors, wildcardSubdomainErrors } from '../../model/name-validation.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';
import { nameIsPathSegment } from './object-meta.js';
import type { ValidationContext } from './core-pod.js';
import { legacyCIDRErrors } from './ip.js';
import { isStrictSubnet, parseCIDRSloppy } from '../../model/ip-address.js';

const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

// upstream: validation.go ValidateIngressCreate, ValidateIngressSpec, validateIngressTLS (v1.36)
export function validateIngress(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors: ErrorList = [];
  const rules = arrayField(spec, 'rules');
  const defaultBackend = recordField(spec, 'defaultBackend');
  // upstream passes spec.Rules, nil when absent or null and empty when `rules: []`
  const noRules = new GoSlice('[]networking.IngressRule', Array.isArray(spec['rules']) ? [] : null);
  if (rules.length === 0 && !defaultBackend) errors.push(invalid(['spec'], noRules, 'either `defaultBackend` or `rules` must be specified'));
  if (defaultBackend) appendAll(errors, validateIngressBackend(defaultBackend, ['spec', 'defaultBackend']));
  rules.forEach((entry, index) => appendAll(errors, validateIngressRule(asRecord(entry) ?? {}, ['spec', 'rules', index])));
  arrayField(spec, 'tls').forEach((entry, index) => {
    arrayField(asRecord(entry), 'hosts').forEach((host, hostIndex) => {
      if (typeof host === 'string') appendAll(errors, validateHostName(host, ['spec', 'tls', index, 'hosts', hostIndex]));
    });
    const secretName = stringField(asRecord(entry), 'secretName');
    if (secretName) appendAll(errors, subdomainErrors(secretName).map((message) => invalid(['spec', 'tls', index, 'secretName'], secretName, message)));
  });
  const className = stringField(spec, 'ingressClassName');
  if (className) appendAll(errors, subdomainErrors(className).map((message) => invalid(['spec', 'ingressClassName'], className, message)));
  const annotation = stringField(recordField(recordField(object, 'metadata'), 'annotations'), INGRESS_CLASS_ANNOTATION);
  // upstream: ValidateIngressCreate (1.33 and later as stored; earlier releases refused the annotation beside the field
  // whatever its value, and kubefit follows the newer rule for every release)
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    const at = ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION];
    errors.push(pointing(invalid(['annotations', INGRESS_CLASS_ANNOTATION], annotation, 'must match `ingressClassName` when both are specified'), at));
  }
  return errors;
}

/** A (wildcard) DNS subdomain, as validateIngressTLS checks TLS hosts. */
function validateHostName(host: string, field: FieldPath): ErrorList {
  const messages = host.includes('*') ? wildcardSubdomainErrors(host) : subdomainErrors(host);
  return messages.map((message) => invalid(field, host, message));
}

// upstream: validation.go validateIngressRules: a rule's host is also never an IP address
function validateHost(host: string, field: FieldPath): ErrorList {
  const isIP = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(':') && /^[0-9A-Fa-f:.]+$/.test(host));
  return [...(isIP ? [invalid(field, host, 'must be a DNS name, not an IP address')] : []), ...validateHostName(host, field)];
}

function validateIngressRule(rule: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const host = stringField(rule, 'host');
  if (host) appendAll(errors, validateHost(host, field.concat('host')));
  const http = recordField(rule, 'http');
  if (!http) return errors;
  const paths = arrayField(http, 'paths');
  if (paths.length === 0) errors.push(required(field.concat('http', 'paths')));
  paths.forEach((entry, index) => appendAll(errors, validateHTTPIngressPath(asRecord(entry) ?? {}, field.concat('http', 'paths', index))));
  return errors;
}

const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

// upstream: validation.go validateHTTPIngressPath
function validateHTTPIngressPath(path: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const pathType = stringField(path, 'pathType');
  const value = stringField(path, 'path') ?? '';
  const at = field.concat('path');
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errors.push(invalid(at, value, 'must be an absolute path'));
    for (const sequence of INVALID_SEQUENCES) if (value.includes(sequence)) errors.push(invalid(at, value, `must not contain '${sequence}'`));
    for (const suffix of INVALID_SUFFIXES) if (value.endsWith(suffix)) errors.push(invalid(at, value, `cannot end with '${suffix}'`));
  } else if (pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errors.push(invalid(at, value, 'must be an absolute path'));
  } else if (pathType !== undefined) return [notSupported(field.concat('pathType'), pathType, PATH_TYPES)];
  const backend = recordField(path, 'backend');
  if (backend) appendAll(errors, validateIngressBackend(backend, field.concat('backend')));
  return errors;
}

// upstream: validation.go validateIngressBackend
function validateIngressBackend(backend: Fields, field: FieldPath): ErrorList {
  const service = recordField(backend, 'service');
  const resource = recordField(backend, 'resource');
  if (service && resource) return [invalid(field, '', 'cannot set both resource and service backends')];
  if (resource) return validateIngressTypedLocalObjectReference(resource, field.concat('resource'));
  if (!service) return [invalid(field, '', 'resource or service backend is required')];
  const errors: ErrorList = [];
  const name = stringField(service, 'name') ?? '';
  if (name === '') errors.push(required(field.concat('service', 'name')));
  else appendAll(errors, dns1035LabelErrors(name).map((message) => invalid(field.concat('service', 'name'), name, message)));
  const port = recordField(service, 'port');
  const portName = stringField(port, 'name') ?? '';
  const portNumber = intField(port, 'number') ?? 0;
  if (portName !== '' && portNumber !== 0) errors.push(invalid(field, '', 'cannot set both port name & port number'));
  else if (portName !== '') appendAll(errors, owned(portNameErrors(portName).map((message) => invalid(field.concat('service', 'port', 'name'), portName, message)), INVALID_PORT));
  else if (portNumber !== 0) appendAll(errors, owned(portNumberErrors(portNumber).map((message) => invalid(field.concat('service', 'port', 'number'), portNumber, message)), INVALID_PORT));
  else errors.push(required(field, 'port name or number is required'));
  return errors;
}

// upstream: validation.go validateIngressTypedLocalObjectReference: a set apiGroup is a DNS subdomain, kind and name
// path segment names
function validateIngressTypedLocalObjectReference(reference: Fields, field: FieldPath): ErrorList {
  const apiGroup = stringField(reference, 'apiGroup');
  const errors = apiGroup === undefined ? [] : subdomainErrors(apiGroup).map((message) => invalid(field.concat('apiGroup'), apiGroup, message));
  for (const name of ['kind', 'name']) {
    const value = stringField(reference, name) ?? '';
    if (value === '') errors.push(required(field.concat(name), `${name} is required`));
    else appendAll(errors, nameIsPathSegment(value, false).map((message) => invalid(field.concat(name), value, message)));
  }
  return errors;
}

// upstream: validation.go ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer (v1.36)
export function validateNetworkPolicy(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors = validateLabelSelector(recordField(spec, 'podSelector') ?? {}, ['spec', 'podSelector']);
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    arrayField(spec, direction).forEach((entry, index) => {
      const rule = asRecord(entry);
      const at = ['spec', direction, index];
      arrayField(rule, 'ports').forEach((port, portIndex) => appendAll(errors, validateNetworkPolicyPort(asRecord(port) ?? {}, at.concat('ports', portIndex))));
      arrayField(rule, peers).forEach((peer, peerIndex) => appendAll(errors, validateNetworkPolicyPeer(asRecord(peer) ?? {}, at.concat(peers, peerIndex), context)));
    });
  }
  return appendAll(errors, validatePolicyTypes(spec['policyTypes']));
}

const NETWORK_POLICY_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

// upstream: ValidateNetworkPolicyPort: a too-small endPort is reported with the value of `port`
function validateNetworkPolicyPort(port: Fields, field: FieldPath): ErrorList {
  const protocol = stringField(port, 'protocol');
  const errors: ErrorList = protocol !== undefined && !NETWORK_POLICY_PROTOCOLS.includes(protocol) ? [notSupported(field.concat('protocol'), protocol, NETWORK_POLICY_PROTOCOLS)] : [];
  const number = port['port'];
  appendAll(errors, owned(validatePortNumOrName(number, field.concat('port')), INVALID_PORT));
  const endPort = intField(port, 'endPort');
  if (endPort === undefined) return errors;
  const at = field.concat('endPort');
  if (typeof number === 'number') {
    if (endPort < number) errors.push(invalid(at, number, 'must be greater than or equal to `port`'));
    appendAll(errors, owned(portNumberErrors(endPort).map((message) => invalid(at, endPort, message)), INVALID_PORT));
  } else if (typeof number === 'string') errors.push(invalid(at, endPort, 'may not be specified when `port` is non-numeric'));
  else errors.push(invalid(at, endPort, 'may not be specified when `port` is not specified'));
  return errors;
}

// upstream: ValidateNetworkPolicyPeer
function validateNetworkPolicyPeer(peer: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  let count = 0;
  for (const selector of ['podSelector', 'namespaceSelector']) {
    const value = recordField(peer, selector);
    if (!value) continue;
    count += 1;
    appendAll(errors, validateLabelSelector(value, field.concat(selector)));
  }
  const ipBlock = recordField(peer, 'ipBlock');
  if (ipBlock) appendAll(errors, validateIPBlock(ipBlock, field.concat('ipBlock'), context.strictIPs));
  if (ipBlock) count += 1;
  if (count === 0) errors.push(required(field, 'must specify a peer'));
  else if (count > 1 && ipBlock) errors.push(forbidden(field, 'may not specify both ipBlock and another peer'));
  return errors;
}

const POLICY_TYPES = ['Ingress', 'Egress'];

// upstream: ValidateNetworkPolicySpec "Validate PolicyTypes": more than two stops there; duplicates are allowed
function validatePolicyTypes(value: unknown): ErrorList {
  const types = Array.isArray(value) ? value : [];
  if (types.length > POLICY_TYPES.length) {
    return [invalid(['spec', 'policyTypes'], new GoSlice('[]networking.PolicyType', types.filter((type): type is string => typeof type === 'string')), 'may not specify more than two policyTypes')];
  }
  return types.flatMap((type, index) => (typeof type === 'string' && !POLICY_TYPES.includes(type) ? [notSupported(['spec', 'policyTypes', index], type, POLICY_TYPES)] : []));
}

// upstream: validation.go ValidateIPBlock (v1.36)
function validateIPBlock(ipBlock: Fields, field: FieldPath, strict: boolean): ErrorList {
  const cidr = stringField(ipBlock, 'cidr') ?? '';
  if (cidr === '') return [required(field.concat('cidr'))];
  const errors = legacyCIDRErrors(cidr, strict).map((message) => invalid(field.concat('cidr'), cidr, message));
  const network = parseCIDRSloppy(cidr);
  if (!network) return errors;
  arrayField(ipBlock, 'except').forEach((except, index) => {
    if (typeof except !== 'string') return;
    appendAll(errors, legacyCIDRErrors(except, strict).map((message) => invalid(field.concat('except', index), except, message)));
    const exceptNetwork = parseCIDRSloppy(except);
    if (exceptNetwork && !isStrictSubnet(network, exceptNetwork)) errors.push(invalid(field.concat('except', index), except, 'must be a strict subset of `cidr`'));
  });
  return errors;
}

const MAX_CONTROLLER_LENGTH = 250;
const PARAMETER_SCOPES = ['Cluster', 'Namespace'];
// upstream: apimachinery validation.go httpPathFmt
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH = new RegExp(`^${HTTP_PATH_FMT}$`);

// upstream: validation.go ValidateIngressClass, validateIngressClassSpec, validateIngressClassParametersReference
// (v1 defaulting sets parameters.scope to Cluster) (v1.36)
export function validateIngressClass(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const controller = stringField(spec, 'controller') ?? '';
  const errors: ErrorList = byteLength(controller) > MAX_CONTROLLER_LENGTH ? [tooLong(['spec', 'controller'], MAX_CONTROLLER_LENGTH)] : [];
  appendAll(errors, domainPrefixedPathErrors(controller, ['spec', 'controller']));
  const parameters = recordField(spec, 'parameters');
  if (parameters) appendAll(errors, validateParametersReference(parameters, ['spec', 'parameters']));
  return errors;
}

// upstream: apimachinery validation.go IsDomainPrefixedPath
export function domainPrefixedPathErrors(value: string, field: FieldPath): ErrorList {
  if (value === '') return [required(field)];
  const slash = value.indexOf('/');
  const host = value.slice(0, slash);
  const path = value.slice(slash + 1);
  if (slash <= 0 || path === '') return [invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errors = subdomainErrors(host).map((message) => invalid(field, host, message));
  if (!HTTP_PATH.test(path)) errors.push(invalid(field, path, `Invalid path (regex used for validation is '${HTTP_PATH_FMT}')`));
  return errors;
}

function validateParametersReference(parameters: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const apiGroup = stringField(parameters, 'apiGroup');
  if (apiGroup !== undefined) appendAll(errors, subdomainErrors(apiGroup).map((message) => invalid([...field, 'apiGroup'], apiGroup, message)));
  for (const name of ['kind', 'name']) {
    const value = stringField(parameters, name) ?? '';
    if (value === '') errors.push(required([...field, name], `${name} is required`));
    else appendAll(errors, nameIsPathSegment(value, false).map((message) => invalid([...field, name], value, message)));
  }
  const scope = stringField(parameters, 'scope') ?? 'Cluster';
  const namespace = stringField(parameters, 'namespace');
  if (!PARAMETER_SCOPES.includes(scope)) errors.push(notSupported([...field, 'scope'], scope, PARAMETER_SCOPES));
  else if (scope === 'Namespace' && namespace === undefined) errors.push(required([...field, 'namespace'], "`parameters.scope` is set to 'Namespace'"));
  else if (scope === 'Namespace' && namespace !== undefined) appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid([...field, 'namespace'], namespace, message)));
  else if (scope === 'Cluster' && namespace !== undefined) errors.push(forbidden([...field, 'namespace'], "`parameters.scope` is set to 'Cluster'"));
  return errors;
}
