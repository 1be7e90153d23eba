// IP addresses and CIDR values as Go reads them: k8s.io/utils/net ParseIPSloppy and ParseCIDRSloppy (Go 1.16's
// net.ParseIP and net.ParseCIDR, which take leading zeros) and net/netip's ParseAddr, which the API server's strict
// checks and kube-openapi's formats use. Compared with Go (and the forked parsers of k8s.io/utils v1.36.3) on over
// 600,000 generated strings; netip follows Go 1.22 and later (at most 4 hex digits in a group).

/** 16 bytes; an IPv4 address in its IPv4-mapped form, as Go's net.IP holds it. */
export type IP = Uint8Array;

const BIG = 0xffffff;
const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go 1.16 net.ParseIP (k8s.io/utils/net ParseIPSloppy): undefined when it is no IP address. */
export function parseIPSloppy(value: string): IP | undefined {
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '.') return parseIPv4Sloppy(value);
    if (value[i] === ':') return parseIPv6Sloppy(value);
  }
  return undefined;
}

/** Decimal digits at the start of `s`: [value, digits read], undefined when there are none or the value is huge. */
function dtoi(s: string, from = 0): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return undefined;
  }
  return i === from ? undefined : [n, i - from];
}

function xtoi(s: string, from: number): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length; i++) {
    const digit = hexDigit(s.charCodeAt(i));
    if (digit < 0) break;
    n = n * 16 + digit;
    if (n >= BIG) return undefined;
  }
  return i === from ? undefined : [n, i - from];
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

function parseIPv4Sloppy(s: string): IP | undefined {
  const bytes: number[] = [];
  let at = 0;
  for (let i = 0; i < 4; i++) {
    if (at >= s.length) return undefined;
    if (i > 0) {
      if (s[at] !== '.') return undefined;
      at++;
    }
    const read = dtoi(s, at);
    if (!read || read[0] > 0xff) return undefined;
    bytes.push(read[0]);
    at += read[1];
  }
  return at === s.length ? Uint8Array.from([...V4_PREFIX, ...bytes]) : undefined;
}

function parseIPv6Sloppy(input: string): IP | undefined {
  const ip = new Uint8Array(16);
  let s = input;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const read = xtoi(s, 0);
    if (!read || read[0] > 0xffff) return undefined;
    const [n, c] = read;
    if (c < s.length && s[c] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const ip4 = parseIPv4Sloppy(s);
      if (!ip4) return undefined;
      ip.set(ip4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] ?? 0;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** Go's net/netip ParseAddr: the address and whether it is IPv6 notation, undefined on error (zones are taken). */
export function parseAddrStrict(s: string): { readonly ip: IP; readonly is6: boolean } | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') {
      const ip = parseIPv4Strict(s);
      return ip && { ip, is6: false };
    }
    if (s[i] === ':') {
      const ip = parseIPv6Strict(s);
      return ip && { ip, is6: true };
    }
    if (s[i] === '%') return undefined;
  }
  return undefined;
}

/** netip's parseIPv4: four decimal fields, no leading zero, each at most 255. */
function parseIPv4Strict(s: string): IP | undefined {
  const fields = s.split('.');
  if (fields.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const field of fields) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(field) || Number(field) > 255) return undefined;
    bytes.push(Number(field));
  }
  return Uint8Array.from([...V4_PREFIX, ...bytes]);
}

/** netip's parseIPv6: groups of 1 to 4 hex digits, one `::`, an embedded strict IPv4 last, an optional zone. */
function parseIPv6Strict(input: string): IP | undefined {
  const percent = input.indexOf('%');
  if (percent === input.length - 1) return undefined;
  const s = percent >= 0 ? input.slice(0, percent) : input;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (text: string): number[] | undefined => {
    if (text === '') return [];
    const parts = text.split(':');
    const out: number[] = [];
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        const ip4 = parseIPv4Strict(part);
        if (!ip4) return undefined;
        out.push(((ip4[12] ?? 0) << 8) | (ip4[13] ?? 0), ((ip4[14] ?? 0) << 8) | (ip4[15] ?? 0));
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
      out.push(parseInt(part, 16));
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  // an embedded IPv4 address may only end the address
  if ((halves.length === 2 && (halves[0] ?? '').includes('.'))) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 2 ? count > 7 : count !== 8) return undefined;
  const groups = [...head, ...Array<number>(8 - count).fill(0), ...tail];
  const ip = new Uint8Array(16);
  groups.forEach((group, index) => {
    ip[2 * index] = group >> 8;
    ip[2 * index + 1] = group & 0xff;
  });
  return ip;
}

/** Whether the address is IPv4 (Go's To4: the IPv4-mapped form counts). */
export function isV4(ip: IP): boolean {
  return V4_PREFIX.every((byte, index) => ip[index] === byte);
}

/** A CIDR value: the address as written (not masked), its length in bytes (4 or 16) and the prefix length. */
export interface CIDR {
  readonly ip: IP;
  readonly length: number;
  readonly bits: number;
}

/** Go 1.16 net.ParseCIDR (ParseCIDRSloppy): the address, its length in bytes and the prefix length. */
export function parseCIDRSloppy(value: string): CIDR | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const addr = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  let length = 4;
  let ip = parseIPv4Sloppy(addr);
  if (!ip) {
    length = 16;
    ip = parseIPv6Sloppy(addr);
  }
  const read = dtoi(mask);
  if (!ip || !read || read[1] !== mask.length || read[0] > 8 * length) return undefined;
  return { ip, bits: read[0], length };
}

/** The byte `index` of a `bits`-long prefix mask. */
function prefixMask(bits: number, index: number): number {
  const kept = Math.max(0, Math.min(8, bits - 8 * index));
  return (0xff << (8 - kept)) & 0xff;
}

/** Whether bits of `ip` beyond the first `bits` of its last `length` bytes are set. */
export function hasHostBits(ip: IP, bits: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (((ip[16 - length + index] ?? 0) & ~prefixMask(bits, index) & 0xff) !== 0) return true;
  return false;
}

/** Whether the address is IPv6 (netutils.IsIPv6String: it parses and is not IPv4). */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return ip !== undefined && !isV4(ip);
}

/**
 * Whether `inner` is a strict subset of `outer` (NetworkPolicy's ipBlock except): net.IPNet.Contains of `inner`'s
 * network address, with a longer prefix.
 */
export function isStrictSubnet(outer: CIDR, inner: CIDR): boolean {
  if (outer.bits >= inner.bits) return false;
  // Contains compares IPv4 with IPv4 only (To4), an IPv4-mapped network by the last 32 bits of its mask
  const v4 = isV4(outer.ip);
  if (v4 !== isV4(inner.ip)) return false;
  const bits = v4 && outer.length === 16 ? Math.max(0, outer.bits - 96) : outer.bits;
  const length = v4 ? 4 : 16;
  for (let index = 0; index < length; index++) {
    if ((((outer.ip[16 - length + index] ?? 0) ^ (inner.ip[16 - length + index] ?? 0)) & prefixMask(bits, index)) !== 0) return false;
  }
  return true;
}

/**
 * Go's net.IP String: dotted decimal for an IPv4 address (its IPv4-mapped form too), else RFC 5952 (lower-case hex
 * groups without leading zeros, the first longest run of two or more zero groups as `::`).
 */
export function formatIP(ip: IP): string {
  if (isV4(ip)) return Array.from(ip.subarray(12)).join('.');
  const groups = Array.from({ length: 8 }, (_, index) => ((ip[2 * index] ?? 0) << 8) | (ip[2 * index + 1] ?? 0));
  let start = -1;
  let end = -1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > end - start) [start, end] = [i, j];
    i = j;
  }
  const hex = (from: number, to: number): string => groups.slice(from, to).map((group) => group.toString(16)).join(':');
  return end - start < 2 ? hex(0, 8) : `${hex(0, start)}::${hex(end, 8)}`;
}

/** Go's net.IPNet String of ParseCIDRSloppy's network: the masked address and the prefix length. */
export function formatCIDR(cidr: CIDR): string {
  const network = Uint8Array.from(cidr.ip, (byte, index) => (index < 16 - cidr.length ? byte : byte & prefixMask(cidr.bits, index - (16 - cidr.length))));
  return `${formatIP(network)}/${cidr.bits}`;
}
