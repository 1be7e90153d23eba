import { describe, expect, it } from 'vitest';
import { endpointIPErrors, legacyCIDRErrors, legacyIPErrors } from './ip.js';

const IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

// Expected messages from Go: k8s.io/utils' forked net.ParseIP/ParseCIDR and net/netip, run with apimachinery's
// parseIP/parseCIDR logic (util/validation/ip.go) and ValidateEndpointIP. One row differs from Go 1.19's netip, as newer
// Go's does: "10.0.0.0/08" (ParsePrefix refuses a leading zero in the length since Go 1.22).
// value, IP sloppy, IP strict, CIDR sloppy, CIDR strict, endpoint IP
const CASES: readonly [string, string[], string[], string[], string[], string[]][] = [
  ['10.9.8.7', [], [], [CIDR], [CIDR], []],
  ['010.009.008.007', [], ['must not have leading 0s'], [CIDR], [CIDR], []],
  ['1.2.3', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['1.2.3.4.5', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['256.1.1.1', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['::', [], [], [CIDR], [CIDR], ['may not be unspecified (::)']],
  ['::1', [], [], [CIDR], [CIDR], ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
  ['2001:db8::ffff', [], [], [CIDR], [CIDR], []],
  ['2001:DB8:0:0:0:0:0:1', [], [], [CIDR], [CIDR], []],
  ['::ffff:1.2.3.4', [], ['must not be an IPv4-mapped IPv6 address'], [CIDR], [CIDR], []],
  ['::ffff:0102:0304', [], ['must not be an IPv4-mapped IPv6 address'], [CIDR], [CIDR], []],
  ['1::2::3', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['1:2:3:4:5:6:7:8:9', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['1:2:3:4:5:6:1.2.3.4', [], [], [CIDR], [CIDR], []],
  ['1:2:3:4:5:1.2.3.4', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['fe80::1%eth0', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['0.0.0.0', [], [], [CIDR], [CIDR], ['may not be unspecified (0.0.0.0)']],
  ['127.0.0.1', [], [], [CIDR], [CIDR], ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
  ['169.254.169.254', [], [], [CIDR], [CIDR], ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
  ['224.0.0.251', [], [], [CIDR], [CIDR], ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
  ['ff02::fb', [], [], [CIDR], [CIDR], ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
  ['fe80::1', [], [], [CIDR], [CIDR], ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
  ['10.0.0.0/8', [IP], [IP], [], [], ['must be a valid IP address']],
  ['10.0.0.1/8', [IP], [IP], [], ['must not have bits set beyond the prefix length'], ['must be a valid IP address']],
  ['10.0.0.0/08', [IP], [IP], [], ['must not have leading 0s in IP or prefix length'], ['must be a valid IP address']],
  ['010.0.0.0/8', [IP], [IP], [], ['must not have leading 0s in IP or prefix length'], ['must be a valid IP address']],
  ['10.0.0.0/33', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['2001:db8::/64', [IP], [IP], [], [], ['must be a valid IP address']],
  ['2001:db8::1/64', [IP], [IP], [], ['must not have bits set beyond the prefix length'], ['must be a valid IP address']],
  ['::ffff:10.0.0.0/104', [IP], [IP], [], ['must not have an IPv4-mapped IPv6 address'], ['must be a valid IP address']],
  ['10.0.0.0', [], [], [CIDR], [CIDR], []],
  ['/8', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['10.0.0.0/', [IP], [IP], [CIDR], [CIDR], ['must be a valid IP address']],
  ['1.2.3.4/32', [IP], [IP], [], [], ['must be a valid IP address']],
  ['0.0.0.0/0', [IP], [IP], [], [], ['must be a valid IP address']],
];

describe('IP and CIDR values as the API server parses them (util/validation/ip.go)', () => {
  it.each(CASES)('%j', (value, ipSloppy, ipStrict, cidrSloppy, cidrStrict, endpoint) => {
    expect([legacyIPErrors(value, false), legacyIPErrors(value, true), legacyCIDRErrors(value, false), legacyCIDRErrors(value, true), endpointIPErrors(value)])
      .toEqual([ipSloppy, ipStrict, cidrSloppy, cidrStrict, endpoint]);
  });

  it('refuses a group of more than four hex digits strictly, as netip.ParseAddr does since Go 1.22', () => {
    expect(legacyIPErrors('00000001::1', false)).toEqual([]);
    expect(legacyIPErrors('00000001::1', true)).toEqual(['must not have leading 0s']);
  });
});
