// pkg/apis/core/validation for the core kinds' specs: Pod, PodTemplate, ReplicationController, Service, ConfigMap, Secret.
import { INVALID_PORT, validateDNS1123Label, validateNonnegativeField, validatePortNumOrName } from './core-container.js';
import { validatePodSpec, validatePodTemplateSpec } from './core-pod.js';
import { duplicate, forbidden, GoStruct, invalid, key, owned, pointing, required, tooLong, type ErrorList, type FieldPath } from './field-error.js';
import { configMapKeyErrors, portNumberErrors, subdomainErrors } from './names.js';
import { validateLabels } from './object-meta.js';
import { validateTemplateMatchesSelector, validateRestartPolicyAlways } from './template.js';
import { arrayField, asRecord, byteLength, intField, recordField, stringEntries, stringField, type Fields } from './values.js';

// upstream: validation.go ValidatePod (spec part)
export function validatePod(object: Fields): ErrorList {
  return validatePodSpec(recordField(object, 'spec'), ['spec']);
}

// upstream: validation.go ValidatePodTemplate
export function validatePodTemplate(object: Fields): ErrorList {
  return validatePodTemplateSpec(object['template'], ['template']);
}

// upstream: validation.go ValidateReplicationControllerSpec, ValidatePodTemplateSpecForRC; an empty selector defaults to the template's labels
export function validateReplicationController(object: Fields): ErrorList {
  const spec = recordField(object, 'spec');
  const selector = stringEntries(spec?.['selector']);
  const errors = [...validateNonnegativeField(intField(spec, 'replicas'), ['spec', 'replicas'])];
  errors.push(...validateLabels(spec?.['selector'], ['spec', 'selector']));
  const template = spec?.['template'];
  if (!asRecord(template)) return [...errors, required(['spec', 'template'])];
  if (selector.length > 0) errors.push(...validateTemplateMatchesSelector({ kind: 'set', labels: Object.fromEntries(selector) }, template, ['spec', 'template']));
  errors.push(...validatePodTemplateSpec(template, ['spec', 'template']), ...validateRestartPolicyAlways('ReplicationController', template, ['spec', 'template']));
  return errors;
}

const SERVICE_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

// upstream: services.go ValidateService (create): ports, selector, externalName, nodePort with type (v1.36)
export function validateService(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const type = stringField(spec, 'type') ?? 'ClusterIP';
  const headless = spec['clusterIP'] === 'None';
  const ports = arrayField(spec, 'ports');
  const errors: ErrorList = [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push(required(['spec', 'ports']));
  const names = new Set<string>();
  ports.forEach((entry, index) => errors.push(...validateServicePort(asRecord(entry) ?? {}, { requireName: ports.length > 1, names, type }, ['spec', 'ports', index])));
  errors.push(...validateDuplicateServicePorts(ports));
  if (type === 'ExternalName') {
    const externalName = stringField(spec, 'externalName') ?? '';
    if (externalName === '') errors.push(required(['spec', 'externalName']));
    else errors.push(...subdomainErrors(externalName.replace(/\.$/, '')).map((message) => invalid(['spec', 'externalName'], externalName, message)));
  }
  if (spec['selector'] !== undefined) errors.push(...validateLabels(spec['selector'], ['spec', 'selector']));
  return errors;
}

interface ServicePortContext {
  readonly requireName: boolean;
  readonly names: Set<string>;
  readonly type: string;
}

// upstream: services.go validateServicePort; targetPort 0 or "" is defaulted to port
function validateServicePort(port: Fields, context: ServicePortContext, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(port, 'name') ?? '';
  if (context.requireName && name === '') errors.push(required([...field, 'name']));
  else if (name !== '') {
    errors.push(...validateDNS1123Label(name, [...field, 'name']));
    if (context.names.has(name)) errors.push(duplicate([...field, 'name'], name));
    else context.names.add(name);
  }
  const number = intField(port, 'port');
  if (number !== undefined) errors.push(...owned(portNumberErrors(number).map((message) => invalid([...field, 'port'], number, message)), INVALID_PORT));
  const target = port['targetPort'];
  if (target !== 0 && target !== '') errors.push(...owned(validatePortNumOrName(target, [...field, 'targetPort']), INVALID_PORT));
  const nodePort = intField(port, 'nodePort');
  if (nodePort && (context.type === 'ClusterIP' || context.type === 'ExternalName')) {
    errors.push(forbidden([...field, 'nodePort'], `may not be used when \`type\` is '${context.type}'`));
  } else if (nodePort) errors.push(...owned(portNumberErrors(nodePort).map((message) => invalid([...field, 'nodePort'], nodePort, message)), INVALID_PORT));
  return errors;
}

// upstream: services.go ValidateService "Check for duplicate Ports, considering (protocol,port) pairs"
function validateDuplicateServicePorts(ports: readonly unknown[]): ErrorList {
  const seen = new Set<string>();
  const errors: ErrorList = [];
  ports.forEach((entry, index) => {
    const port = asRecord(entry);
    const protocol = stringField(port, 'protocol') ?? 'TCP';
    const number = intField(port, 'port') ?? 0;
    if (!SERVICE_PROTOCOLS.includes(protocol)) return;
    const pair = `${protocol}/${number}`;
    const value = new GoStruct([['Name', ''], ['Protocol', protocol], ['AppProtocol', null], ['Port', number], ['TargetPort', 0], ['NodePort', 0]]);
    if (seen.has(pair)) errors.push(duplicate(['spec', 'ports', index], value));
    seen.add(pair);
  });
  return errors;
}

const MAX_SECRET_SIZE = 1024 * 1024;

// upstream: config_maps.go ValidateConfigMap (v1.36)
export function validateConfigMap(object: Fields): ErrorList {
  const errors: ErrorList = [];
  let total = 0;
  const data = Object.keys(asRecord(object['data']) ?? {});
  for (const field of ['data', 'binaryData']) {
    for (const [name, value] of Object.entries(asRecord(object[field]) ?? {})) {
      errors.push(...keyErrors(name, [field, key(name)]));
      if (field === 'binaryData' && data.includes(name)) errors.push(pointing(invalid([field, key(name)], name, 'duplicate of key present in data'), [field, name], 'key'));
      total += typeof value === 'string' ? byteLength(value) : 0;
    }
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong([''], MAX_SECRET_SIZE));
  return errors;
}

function keyErrors(name: string, field: FieldPath): ErrorList {
  return configMapKeyErrors(name).map((message) => pointing(invalid(field, name, message), [String(field[0]), name], 'key'));
}

// upstream: secrets.go ValidateSecret (v1.36): stringData is merged into data before validation
export function validateSecret(object: Fields): ErrorList {
  const data = new Map<string, { field: string; size: number }>();
  for (const field of ['data', 'stringData']) {
    for (const [name, value] of Object.entries(asRecord(object[field]) ?? {})) {
      data.set(name, { field, size: typeof value === 'string' ? decodedSize(field, value) : 0 });
    }
  }
  const errors: ErrorList = [...decodeErrors(object['data'])];
  let total = 0;
  for (const [name, { field, size }] of data) {
    errors.push(...keyErrors(name, [field === 'stringData' ? 'data' : field, key(name)]).map((error) => pointing(error, [field, name], 'key')));
    total += size;
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong(['data'], MAX_SECRET_SIZE));
  errors.push(...validateSecretType(stringField(object, 'type') ?? 'Opaque', new Set(data.keys()), object));
  return errors;
}

const decodedSize = (field: string, value: string): number => (field === 'data' ? Buffer.from(value, 'base64').length : byteLength(value));

const REQUIRED_SECRET_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

// upstream: secrets.go ValidateSecret, the switch on secret.Type
function validateSecretType(type: string, keys: ReadonlySet<string>, object: Fields): ErrorList {
  if (type === 'kubernetes.io/service-account-token') {
    const annotations = recordField(recordField(object, 'metadata'), 'annotations');
    return stringField(annotations, 'kubernetes.io/service-account.name') ? [] : [required(['metadata', 'annotations', key('kubernetes.io/service-account.name')])];
  }
  if (type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    return [required(['data', key('username')]), required(['data', key('password')])];
  }
  return (REQUIRED_SECRET_KEYS[type] ?? []).filter((name) => !keys.has(name)).map((name) => required(['data', key(name)]));
}

/** encoding/json decodes []byte with base64.StdEncoding: a bad value fails the whole request. */
function decodeErrors(data: unknown): ErrorList {
  const errors: ErrorList = [];
  for (const [name, value] of stringEntries(data)) {
    const offset = corruptBase64Offset(value);
    if (offset === undefined) continue;
    const text = `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${offset}`;
    errors.push({ ...invalid(['data', key(name)], '', ''), text });
  }
  return errors;
}

const BASE64 = /^[A-Za-z0-9+/]$/;

// upstream: Go encoding/base64 (*Encoding).Decode with StdEncoding: \r and \n are skipped, padding is required
export function corruptBase64Offset(text: string): number | undefined {
  const chars: { char: string; at: number }[] = [];
  for (let at = 0; at < text.length; at++) if (text[at] !== '\n' && text[at] !== '\r') chars.push({ char: text[at] ?? '', at });
  for (let index = 0; index < chars.length; index += 4) {
    const quantum = chars.slice(index, index + 4);
    for (let j = 0; j < quantum.length; j++) {
      const entry = quantum[j];
      if (!entry) continue;
      if (entry.char === '=') {
        if (j < 2 || (j === 2 && quantum[3]?.char !== '=')) return entry.at;
        const trailing = chars[index + 4];
        if (trailing) return trailing.at;
        break;
      }
      if (!BASE64.test(entry.char)) return entry.at;
    }
    if (quantum.length < 4) return quantum[0]?.at ?? 0;
  }
  return undefined;
}
