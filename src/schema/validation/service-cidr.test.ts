import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessageOf, errorPrinting } from './field-error.js';
import { ipAddressName, validateIPAddress, validateServiceCIDR } from './service-cidr.js';

const serviceCIDR = (cidrs?: string[]): string[] => validateServiceCIDR({ spec: cidrs === undefined ? {} : { cidrs } }).map(errorMessage);

// upstream: pkg/apis/networking/validation/validation_test.go TestValidateServiceCIDR (v1.36; the error counts of
// its rows, in the messages of validateServiceCIDRSpec and apimachinery's IsValidCIDR)
describe('TestValidateServiceCIDR', () => {
  it.each([
    ['empty-iprange', undefined, ['spec.cidrs: Required value: at least one CIDR required']],
    ['three-ipranges', ['192.168.0.0/24', 'fd00::/64', '10.0.0.0/16'], ['spec.cidrs: Invalid value: {"CIDRs":["192.168.0.0/24","fd00::/64","10.0.0.0/16"]}: may only hold up to 2 values']],
    ['good-iprange-ipv4', ['192.168.0.0/24'], []],
    ['good-iprange-ipv6', ['fd00:1234::/64'], []],
    ['good-iprange-ipv4-ipv6', ['192.168.0.0/24', 'fd00:1234::/64'], []],
    ['not-iprange-ipv4', ['asdasdasd'], ['spec.cidrs[0]: Invalid value: "asdasdasd": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['iponly-iprange-ipv4', ['192.168.0.1'], ['spec.cidrs[0]: Invalid value: "192.168.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['badip-iprange-ipv4', ['192.168.0.1/24'], ['spec.cidrs[0]: Invalid value: "192.168.0.1/24": must not have bits set beyond the prefix length']],
    ['badip-iprange-ipv6', ['fd00:1234::2/64'], ['spec.cidrs[0]: Invalid value: "fd00:1234::2/64": must not have bits set beyond the prefix length']],
    ['good-iprange-ipv4-bad-ipv6', ['192.168.0.0/24', 'FD00:1234::/64'], ['spec.cidrs[1]: Invalid value: "FD00:1234::/64": must be in canonical form ("fd00:1234::/64")']],
    ['good-iprange-ipv6-bad-ipv4', ['192.168.007.0/24', 'fd00:1234::/64'], ['spec.cidrs[0]: Invalid value: "192.168.007.0/24": must not have leading 0s in IP or prefix length']],
    ['a zero run not compressed', ['fd00:0:0:0::/64'], ['spec.cidrs[0]: Invalid value: "fd00:0:0:0::/64": must be in canonical form ("fd00::/64")']],
    ['a null item is the empty string', [null as unknown as string], ['spec.cidrs[0]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['two of one family', ['10.0.0.0/16', '10.1.0.0/16'], ['spec.cidrs: Invalid value: ["10.0.0.0/16","10.1.0.0/16"]: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64']],
  ])('%s', (_name, cidrs, expected) => {
    expect(serviceCIDR(cidrs)).toEqual(expected);
  });

  it('prints the spec and the list with %#v up to 1.33', () => {
    const printing = errorPrinting('1.33');
    expect(validateServiceCIDR({ spec: { cidrs: ['10.0.0.0/16', '10.1.0.0/16', 'fd00::/64'] } }).map((error) => errorMessageOf(error, printing))).toEqual([
      'spec.cidrs: Invalid value: networking.ServiceCIDRSpec{CIDRs:[]string{"10.0.0.0/16", "10.1.0.0/16", "fd00::/64"}}: may only hold up to 2 values',
    ]);
    expect(validateServiceCIDR({ spec: { cidrs: ['fd00::/64', 'fd01::/64'] } }).map((error) => errorMessageOf(error, printing))).toEqual([
      'spec.cidrs: Invalid value: []string{"fd00::/64", "fd01::/64"}: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64',
    ]);
  });
});

// upstream: validation_test.go TestValidateIPAddress (v1.36): the name is a canonical IP, the parent reference names a
// resource and an object
describe('TestValidateIPAddress', () => {
  it.each([
    ['192.168.1.1', []],
    ['2001:db8::1', []],
    ['192.168.001.1', ['must not have leading 0s']],
    ['::ffff:192.168.1.1', ['must not be an IPv4-mapped IPv6 address']],
    ['2001:DB8::1', ['must be in canonical form ("2001:db8::1")']],
    ['2001:db8:0:0::1', ['must be in canonical form ("2001:db8::1")']],
    ['2001:db8:0:1:0:0:0:1', ['must be in canonical form ("2001:db8:0:1::1")']],
    ['my-ip', ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ])('name %s', (name, expected) => {
    expect(ipAddressName(name, false)).toEqual(expected);
  });

  it.each([
    ['a Service', { group: '', resource: 'services', name: 'foo', namespace: 'bar' }, []],
    ['a custom resource without namespace', { group: 'custom.resource.com', resource: 'gateways', name: 'foo' }, []],
    ['no parentRef', undefined, ['spec.parentRef: Required value']],
    ['no resource or name', { group: 'networking.k8s.io' }, ['spec.parentRef.resource: Required value', 'spec.parentRef.name: Required value']],
    ['bad group, resource, name and namespace', { group: 'Custom', resource: 'a/b', name: '..', namespace: 'x%y' }, [
      "spec.parentRef.group: Invalid value: \"Custom\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "spec.parentRef.resource: Invalid value: \"a/b\": may not contain '/'",
      "spec.parentRef.name: Invalid value: \"..\": may not be '..'",
      "spec.parentRef.namespace: Invalid value: \"x%y\": may not contain '%'",
    ]],
  ])('%s', (_name, parentRef, expected) => {
    expect(validateIPAddress({ spec: parentRef === undefined ? {} : { parentRef } }).map(errorMessage)).toEqual(expected);
  });
});
