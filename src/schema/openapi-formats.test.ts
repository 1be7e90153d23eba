import { describe, expect, it } from 'vitest';
import { formatCheck } from './openapi-formats.js';

// [format as a CRD spells it, value, whether the API server accepts it, the upstream function the case follows]
const CASES: readonly (readonly [string, string, boolean, string])[] = [
  ['ipv4', '1.2.3.4', true, 'strfmt isIPv4'],
  ['ipv4', '01.2.3.4', true, 'netutils.ParseIPSloppy (leading zeros, as Go before 1.17)'],
  ['ipv4', '::ffff:1.2.3.4', true, "strfmt isIPv4 (any IP net.ParseIP takes, with a '.')"],
  ['ipv4', '1.2.3.4:8080', false, 'net.ParseIP'],
  ['ipv4', '256.1.1.1', false, 'netip parseIPv4Fields (>255)'],
  ['ipv4', '::1', false, "strfmt isIPv4 (no '.')"],
  ['ipv6', '2001:DB8::0001', true, 'netip parseIPv6 (upper case, up to 4 digits a group)'],
  ['ipv6', '::ffff:1.2.3.4', true, 'govalidator.IsIPv6'],
  ['ipv6', '::ffff:01.2.3.4', false, 'net.ParseIP (not sloppy for ipv6)'],
  ['ipv6', 'fe80::1%eth0', false, 'net.ParseIP (no zone)'],
  ['ipv6', '1:2:3:4:5:6:7:8::', false, 'netip parseIPv6 (:: must expand to a zero group)'],
  ['ipv6', '1::00001', false, 'netip parseIPv6 (more than 4 digits)'],
  ['cidr', '10.0.0.0/8', true, 'net.ParseCIDR'],
  ['cidr', '10.0.0.1/8', true, 'net.ParseCIDR (host bits may be set)'],
  ['cidr', '010.0.0.0/008', true, 'netutils.ParseCIDRSloppy'],
  ['cidr', '::ffff:10.0.0.0/104', true, 'net.ParseCIDR (128 bits for an IPv4-mapped address)'],
  ['cidr', '10.0.0.0/33', false, 'net.ParseCIDR'],
  ['cidr', '10.0.0.0', false, 'net.ParseCIDR (no /)'],
  ['mac', '00:00:5e:00:53:01', true, 'net.ParseMAC'],
  ['mac', '0000.5e00.5301', true, 'net.ParseMAC (dotted)'],
  ['mac', '00-00-5E-00-53-01-00-00', true, 'net.ParseMAC (EUI-64)'],
  ['mac', '00:00:5e:00:53', false, 'net.ParseMAC (5 octets)'],
  ['mac', '00:00:5e:00:53-01', false, 'net.ParseMAC (mixed separators)'],
  ['uuid', '123e4567e89b12d3a456426614174000', true, 'strfmt IsUUID (dashes optional)'],
  ['uuid', '123e4567-e89b-12d3-a456-42661417400g', false, 'strfmt IsUUID'],
  ['uuid3', 'A987FBC9-4BED-3078-CF07-9141BA07C9F3', true, 'strfmt IsUUID3'],
  ['uuid4', '123e4567-e89b-12d3-a456-426614174000', false, 'strfmt IsUUID4 (version 1)'],
  ['uuid5', '987fbc97-4bed-5078-af07-9141ba07c9f3', true, 'strfmt IsUUID5'],
  ['uuid5', '987fbc97-4bed-5078-0f07-9141ba07c9f3', false, 'strfmt IsUUID5 (variant)'],
  ['date', '2024-02-29', true, 'strfmt IsDate (time.Parse)'],
  ['date', '2023-02-29', false, 'time.Parse (day out of range)'],
  ['date', '2024-1-02', false, 'time.Parse (two-digit month)'],
  ['date-time', '2024-01-01T10:00:00Z', true, 'strfmt IsDateTime'],
  ['datetime', '2024-01-01t10:00:00.123+02:00', true, 'strfmt IsDateTime (lower case; datetime is date-time)'],
  ['date-time', '2024-01-01T10:00:00,5Z', true, "strfmt DateTimePattern ('.' is any character)"],
  ['date-time', '2024-01-01T10:00:00Z trailing', false, 'strfmt DateTimePattern'],
  ['date-time', '2024-01-01T10:00:00', false, 'strfmt DateTimePattern (a zone is required)'],
  ['date-time', '2024-01-01T24:00:00Z', false, 'strfmt IsDateTime (hour <= 23)'],
  ['duration', '1h30m', true, 'time.ParseDuration'],
  ['duration', '-1.5h', true, 'time.ParseDuration'],
  ['duration', '0', true, 'time.ParseDuration'],
  ['duration', '3 hours 5 min', true, "strfmt ParseDuration's fallback"],
  ['duration', '2 days', true, "strfmt ParseDuration's fallback (d, day)"],
  ['duration', '1.5 hours', false, 'strfmt ParseDuration'],
  ['duration', '10', false, 'time.ParseDuration (missing unit)'],
  ['duration', '3000000h', true, "strfmt ParseDuration's fallback (time.ParseDuration overflows)"],
  ['duration', '3000000.5h', false, 'time.ParseDuration (overflow)'],
  ['bsonobjectid', '507f1f77bcf86cd799439011', true, 'strfmt IsBSONObjectID'],
  ['bsonobjectid', '507f1f77bcf86cd79943901', false, 'primitive.ObjectIDFromHex (24 digits)'],
];

describe('OpenAPI string formats as kube-openapi strfmt.Default checks them', () => {
  it.each(CASES)('%s %j: %s (%s)', (format, value, accepted) => {
    expect(formatCheck(format)?.(value)).toBe(accepted);
  });

  it('ignores formats the API server does not check, and those kubefit leaves unchecked', () => {
    for (const format of ['int32', 'ip', 'hostname', 'email', 'uri', 'byte', 'quantity', 'k8s-short-name', 'IPv4']) expect(formatCheck(format)).toBeUndefined();
  });
});
