// pkg/apis/discovery/validation: the EndpointSlice on create (address type, endpoints' addresses, node names,
// hostnames and zone hints, ports). The addresses' forms (IPv4, IPv6, FQDN) are not checked here.
import { appendAll } from '../../model/append.js';
import { labelValueErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { validateDNS1123Label } from './core-container.js';
import { duplicate, invalid, required, tooMany, unsupportedValue, type ErrorList, type FieldPath } from './field-error.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

// upstream: validation.go supportedAddressTypes, supportedPortProtocols (sets.NewString(...).List(): sorted), maxAddresses,
// maxPorts, maxEndpoints, maxZoneHints
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ENDPOINTS = 1000;
const MAX_ZONE_HINTS = 8;

// upstream: validation.go ValidateEndpointSlice, validateAddressType, validateEndpoints, validatePorts, validateHints
export function validateEndpointSlice(object: Fields): ErrorList {
  const addressType = stringField(object, 'addressType') ?? '';
  const errors = addressType === '' ? [required(['addressType'])] : unsupportedValue(['addressType'], addressType, ADDRESS_TYPES);
  appendAll(errors, validateEndpoints(arrayField(object, 'endpoints')));
  return appendAll(errors, validatePorts(arrayField(object, 'ports')));
}

function validateEndpoints(endpoints: readonly unknown[]): ErrorList {
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany(['endpoints'], endpoints.length, MAX_ENDPOINTS)];
  const errors: ErrorList = [];
  endpoints.forEach((entry, index) => {
    const endpoint = asRecord(entry) ?? {};
    const field: FieldPath = ['endpoints', index];
    const addresses = arrayField(endpoint, 'addresses');
    if (addresses.length === 0) errors.push(required(field.concat('addresses'), 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errors.push(tooMany(field.concat('addresses'), addresses.length, MAX_ADDRESSES));
    // a pointer: set, even empty, it must be a node's name (ValidateNodeName)
    const nodeName = stringField(endpoint, 'nodeName');
    if (nodeName !== undefined) appendAll(errors, subdomainErrors(nodeName).map((message) => invalid(field.concat('nodeName'), nodeName, message)));
    const hostname = stringField(endpoint, 'hostname');
    if (hostname !== undefined) appendAll(errors, validateDNS1123Label(hostname, field.concat('hostname')));
    const hints = recordField(endpoint, 'hints');
    if (hints) appendAll(errors, validateZoneHints(arrayField(hints, 'forZones'), field.concat('hints', 'forZones')));
  });
  return errors;
}

function validateZoneHints(zones: readonly unknown[], field: FieldPath): ErrorList {
  if (zones.length > MAX_ZONE_HINTS) return [tooMany(field, zones.length, MAX_ZONE_HINTS)];
  const errors: ErrorList = [];
  const seen = new Set<string>();
  zones.forEach((entry, index) => {
    const name = stringField(asRecord(entry), 'name') ?? '';
    const at = field.concat(index, 'name');
    if (seen.has(name)) errors.push(duplicate(at, name));
    seen.add(name);
    appendAll(errors, labelValueErrors(name).map((message) => invalid(at, name, message)));
  });
  return errors;
}

// discovery/v1 SetDefaults_EndpointPort: an absent name is "", an absent protocol TCP
function validatePorts(ports: readonly unknown[]): ErrorList {
  if (ports.length > MAX_PORTS) return [tooMany(['ports'], ports.length, MAX_PORTS)];
  const errors: ErrorList = [];
  const names = new Set<string>();
  ports.forEach((entry, index) => {
    const port = asRecord(entry) ?? {};
    const field: FieldPath = ['ports', index];
    const name = stringField(port, 'name') ?? '';
    if (name.length > 0) appendAll(errors, validateDNS1123Label(name, field.concat('name')));
    if (names.has(name)) errors.push(duplicate(field.concat('name'), name));
    names.add(name);
    appendAll(errors, unsupportedValue(field.concat('protocol'), stringField(port, 'protocol'), PORT_PROTOCOLS));
    const appProtocol = stringField(port, 'appProtocol');
    if (appProtocol !== undefined) appendAll(errors, qualifiedNameErrors(appProtocol).map((message) => invalid(field.concat('appProtocol'), appProtocol, message)));
  });
  return errors;
}
