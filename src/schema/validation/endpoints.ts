// pkg/apis/core/validation for Endpoints on create: each subset's addresses (IPs that an endpoint may have), hostnames,
// node names and ports (v1.36 validateEndpointSubsets, validateEndpointAddress, ValidateEndpointIP, validateEndpointPort).
import { appendAll } from '../../model/append.js';
import { portNumberErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { INVALID_PORT, validateDNS1123Label, validatePortProtocol } from './core-container.js';
import type { ValidationContext } from './core-pod.js';
import { invalid, owned, required, type ErrorList, type FieldPath } from './field-error.js';
import { endpointIPErrors, legacyIPErrors } from './ip.js';
import { arrayField, asRecord, intField, stringField, type Fields } from './values.js';

export function validateEndpoints(object: Fields, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  arrayField(object, 'subsets').forEach((entry, index) => {
    const subset = asRecord(entry) ?? {};
    const field: FieldPath = ['subsets', index];
    const addresses = arrayField(subset, 'addresses');
    const notReady = arrayField(subset, 'notReadyAddresses');
    if (addresses.length === 0 && notReady.length === 0) errors.push(required(field, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((address, at) => appendAll(errors, validateEndpointAddress(asRecord(address) ?? {}, field.concat('addresses', at), context)));
    notReady.forEach((address, at) => appendAll(errors, validateEndpointAddress(asRecord(address) ?? {}, field.concat('notReadyAddresses', at), context)));
    const ports = arrayField(subset, 'ports');
    ports.forEach((port, at) => appendAll(errors, validateEndpointPort(asRecord(port) ?? {}, ports.length > 1, field.concat('ports', at))));
  });
  return errors;
}

function validateEndpointAddress(address: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const ip = stringField(address, 'ip') ?? '';
  const errors = legacyIPErrors(ip, context.strictIPs).map((message) => invalid(field.concat('ip'), ip, message));
  const hostname = stringField(address, 'hostname') ?? '';
  if (hostname !== '') appendAll(errors, validateDNS1123Label(hostname, field.concat('hostname')));
  // a pointer upstream: set, even empty, it must be a node's name (ValidateNodeName)
  const nodeName = stringField(address, 'nodeName');
  if (nodeName !== undefined) appendAll(errors, subdomainErrors(nodeName).map((message) => invalid(field.concat('nodeName'), nodeName, message)));
  appendAll(errors, endpointIPErrors(ip).map((message) => invalid(field.concat('ip'), ip, message)));
  return errors;
}

// upstream: validation.go validateEndpointPort (the schema requires the port)
function validateEndpointPort(port: Fields, requireName: boolean, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(port, 'name') ?? '';
  if (requireName && name === '') errors.push(required(field.concat('name')));
  else if (name !== '') appendAll(errors, validateDNS1123Label(name, field.concat('name')));
  const number = intField(port, 'port');
  if (number !== undefined) appendAll(errors, owned(portNumberErrors(number).map((message) => invalid(field.concat('port'), number, message)), INVALID_PORT));
  appendAll(errors, validatePortProtocol(port, field));
  const appProtocol = stringField(port, 'appProtocol');
  if (appProtocol !== undefined) appendAll(errors, qualifiedNameErrors(appProtocol).map((message) => invalid(field.concat('appProtocol'), appProtocol, message)));
  return errors;
}
