// IP addresses and CIDR values as the API server judges them (model/ip-address.ts parses them as Go does), in
// apimachinery's messages (util/validation/ip.go, v1.36) and core validation's ValidateEndpointIP. From v1.36
// StrictIPCIDRValidation is on by default: leading zeros, IPv4-mapped IPv6 addresses and CIDR values with bits set
// beyond the prefix are refused.
import { goQuote } from '../../model/field-path.js';
import { formatCIDR, formatIP, hasHostBits, isV4, parseAddrStrict, parseCIDRSloppy, parseIPSloppy } from '../../model/ip-address.js';

const SLOPPY_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** upstream: IsValidIPForLegacyField on create (no old values): the messages for `value`. */
export function legacyIPErrors(value: string, strict: boolean): string[] {
  if (!parseIPSloppy(value)) return [SLOPPY_IP];
  if (!strict) return [];
  const addr = parseAddrStrict(value);
  const errors: string[] = [];
  // ParseIPSloppy took it and ParseAddr did not: leading zeros
  if (!addr) errors.push('must not have leading 0s');
  else if (addr.is6 && isV4(addr.ip)) errors.push('must not be an IPv4-mapped IPv6 address');
  return errors;
}

/** upstream: IsValidCIDRForLegacyField on create: the messages for `value`. */
export function legacyCIDRErrors(value: string, strict: boolean): string[] {
  if (!parseCIDRSloppy(value)) return ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
  if (!strict) return [];
  // netip.ParsePrefix: the last '/', a strict address without zone, a prefix length without sign or leading zero
  const slash = value.lastIndexOf('/');
  const addr = parseAddrStrict(value.slice(0, slash));
  const bitsText = value.slice(slash + 1);
  const maxBits = addr?.is6 ? 128 : 32;
  const bits = Number(bitsText);
  if (!addr || value.slice(0, slash).includes('%') || !/^(0|[1-9][0-9]*)$/.test(bitsText) || bits > maxBits) return ['must not have leading 0s in IP or prefix length'];
  if (addr.is6 && isV4(addr.ip)) return ['must not have an IPv4-mapped IPv6 address'];
  return hasHostBits(addr.ip, bits, addr.is6 ? 16 : 4) ? ['must not have bits set beyond the prefix length'] : [];
}

/** upstream: IsValidIP (apimachinery 0.33 on): a strict IP address, written as Go's net.IP String writes it. */
export function ipErrors(value: string): string[] {
  const errors = legacyIPErrors(value, true);
  const ip = errors.length === 0 ? parseIPSloppy(value) : undefined;
  return ip && formatIP(ip) !== value ? [`must be in canonical form (${goQuote(formatIP(ip))})`] : errors;
}

/** upstream: IsValidCIDR (apimachinery 0.33 on): a strict CIDR value, written as Go's net.IPNet String writes it. */
export function cidrErrors(value: string): string[] {
  const errors = legacyCIDRErrors(value, true);
  const cidr = errors.length === 0 ? parseCIDRSloppy(value) : undefined;
  return cidr && formatCIDR(cidr) !== value ? [`must be in canonical form (${goQuote(formatCIDR(cidr))})`] : errors;
}

/** upstream: validation.go ValidateEndpointIP (Endpoints and EndpointSlice addresses, a Service's externalIPs). */
export function endpointIPErrors(value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return ['must be a valid IP address'];
  const errors: string[] = [];
  const v4 = isV4(ip);
  const b = (index: number): number => ip[index] ?? 0;
  if (ip.every((byte, index) => (v4 && index >= 10 && index < 12) || byte === 0)) errors.push(`may not be unspecified (${value})`);
  if (v4 ? b(12) === 127 : ip.every((byte, index) => byte === (index === 15 ? 1 : 0))) errors.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (v4 ? b(12) === 169 && b(13) === 254 : b(0) === 0xfe && (b(1) & 0xc0) === 0x80) errors.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (v4 ? b(12) === 224 && b(13) === 0 && b(14) === 0 : b(0) === 0xff && (b(1) & 0x0f) === 0x02) errors.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return errors;
}

