import { describe, expect, it } from 'vitest';
import { isStrictSubnet, parseCIDRSloppy } from './ip-address.js';

// The messages these parsers give rise to, compared with Go's, are in schema/validation/ip.test.ts.
describe('CIDR values as Go reads them', () => {
  it('tells a strict subnet (ValidateIPBlock except) by its network and prefix length', () => {
    const cidr = (value: string) => {
      const parsed = parseCIDRSloppy(value);
      if (!parsed) throw new Error(value);
      return parsed;
    };
    expect(isStrictSubnet(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(true);
    expect(isStrictSubnet(cidr('10.0.0.0/8'), cidr('10.0.0.0/8'))).toBe(false);
    expect(isStrictSubnet(cidr('10.0.0.0/8'), cidr('11.0.0.0/16'))).toBe(false);
    expect(isStrictSubnet(cidr('2001:db8::/32'), cidr('2001:db8:1::/48'))).toBe(true);
    expect(isStrictSubnet(cidr('::/0'), cidr('10.0.0.0/8'))).toBe(false);
  });
});
