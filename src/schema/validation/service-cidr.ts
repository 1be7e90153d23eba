// networking.k8s.io ServiceCIDR and IPAddress (KEP-1880 multiple Service CIDRs): the ranges Services take their
// cluster IPs from and the object that allocates each IP, named by the address itself.
import { GoSlice, GoStruct, invalid, required, type ErrorList, type FieldPath } from './field-error.js';
import { cidrErrors, ipErrors } from './ip.js';
import { goQuote } from '../../model/field-path.js';
import { parseCIDRSloppy, isV4 } from '../../model/ip-address.js';
import { subdomainErrors } from '../../model/name-validation.js';
import { nameIsPathSegment, type NameFunc } from './object-meta.js';
import { arrayField, recordField, stringField, type Fields } from './values.js';

// upstream: networking validation.go validateServiceCIDRSpec (v1.36); the internal ServiceCIDRSpec as the too-many error
// prints it (json.Marshal from 1.34, %#v before)
export function validateServiceCIDR(object: Fields): ErrorList {
  const field: FieldPath = ['spec', 'cidrs'];
  // a null item decodes as Go's zero string
  const cidrs = arrayField(recordField(object, 'spec'), 'cidrs').map((cidr) => (typeof cidr === 'string' ? cidr : ''));
  if (cidrs.length === 0) return [required(field, 'at least one CIDR required')];
  if (cidrs.length > 2) {
    const goSyntax = `networking.ServiceCIDRSpec{CIDRs:[]string{${cidrs.map(goQuote).join(', ')}}}`;
    return [invalid(field, new GoStruct([['CIDRs', cidrs]], goSyntax), 'may only hold up to 2 values')];
  }
  const errors = cidrs.flatMap((cidr, index) => cidrErrors(cidr).map((message) => invalid(field.concat(index), cidr, message)));
  // netutils.IPFamilyOfCIDRString: the family of a CIDR ParseCIDRSloppy takes, none otherwise
  const families = cidrs.map((cidr) => {
    const parsed = parseCIDRSloppy(cidr);
    return parsed === undefined ? undefined : isV4(parsed.ip) ? 'IPv4' : 'IPv6';
  });
  if (cidrs.length === 2 && families[0] !== undefined && families[0] === families[1]) {
    errors.push(invalid(field, new GoSlice('[]string', cidrs), 'may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64'));
  }
  return errors;
}

/** upstream: ValidateIPAddressName: the name is an IP address in canonical form (no generated names: the prefix is the address). */
export const ipAddressName: NameFunc = (name) => ipErrors(name);

// upstream: networking validation.go ValidateIPAddress, validateIPAddressParentReference (v1.36)
export function validateIPAddress(object: Fields): ErrorList {
  const field: FieldPath = ['spec', 'parentRef'];
  const parent = recordField(recordField(object, 'spec'), 'parentRef');
  if (parent === undefined) return [required(field)];
  const errors: ErrorList = [];
  const group = stringField(parent, 'group') ?? '';
  // the core group, which Services belong to, is the empty one
  if (group !== '') for (const message of subdomainErrors(group)) errors.push(invalid(field.concat('group'), group, message));
  for (const name of ['resource', 'name', 'namespace']) {
    const value = stringField(parent, name) ?? '';
    if (value === '' && name !== 'namespace') errors.push(required(field.concat(name)));
    else if (value !== '') for (const message of nameIsPathSegment(value, false)) errors.push(invalid(field.concat(name), value, message));
  }
  return errors;
}
