// The quantity and semver functions of DRA's CEL environment, through DeviceSelectors.
// upstream: apiserver pkg/cel/library quantity.go (its doc examples), semverlib.go; semver 2.0 precedence (blang/semver)
import { describe, expect, it } from 'vitest';
import type { Device } from './device-catalog.js';
import { DeviceSelectors } from './device-selectors.js';

const DEVICE: Device = { name: 'gpu-0', bindingConditions: false, consumesCounters: false, attributes: new Map(), capacity: new Map() };

function evaluate(expression: string): unknown {
  return new DeviceSelectors([]).matches(expression, DEVICE, 'gpu.example.com');
}

describe('DRA CEL: quantity', () => {
  it.each([
    "quantity('1') == quantity('1000m')",
    "quantity('200M').compareTo(quantity('0.2G')) == 0",
    "quantity('50M').compareTo(quantity('50Mi')) == -1",
    "quantity('50Mi').compareTo(quantity('50M')) == 1",
    "quantity('150Mi').isGreaterThan(quantity('100Mi'))",
    "!quantity('50Mi').isGreaterThan(quantity('100Mi'))",
    "quantity('50M').isLessThan(quantity('100M'))",
    "quantity('50k').add(quantity('20k')) == quantity('70k')",
    "quantity('50k').add(20) == quantity('50020')",
    "quantity('50k').sub(quantity('20k')) == quantity('30k')",
    "quantity('50k').sub(20000) == quantity('30k')",
    "quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')",
    "quantity('50000000G').isInteger()",
    "!quantity('9999999999999999999999999999999999999G').isInteger()",
    "!quantity('1500m').isInteger()",
    "quantity('50k').asInteger() == 50000",
    "quantity('50k').sub(20000).asApproximateFloat() == 30000.0",
    "sign(quantity('-1')) == -1 && sign(quantity('0')) == 0 && sign(quantity('2Ki')) == 1",
    "isQuantity('1.3G') && isQuantity('1.3Gi') && isQuantity('10000k')",
    "!isQuantity('1,3G') && !isQuantity('200K') && !isQuantity('Three') && !isQuantity('Mi')",
  ])('%s', (expression) => {
    expect(evaluate(expression)).toBe(true);
  });

  it('fails where upstream does: a text that is no quantity, an integer out of range, a method on anything else', () => {
    expect(evaluate("quantity('200K') == quantity('1')")).toMatchObject({ error: expect.stringContaining('quantities must match') });
    expect(evaluate("quantity('9999999999999999999999999999999999999G').asInteger() == 1")).toEqual({ error: 'cannot convert value to integer' });
    expect(evaluate("'abc'.compareTo('abd') == -1")).toHaveProperty('error');
  });
});

describe('DRA CEL: the base environment\'s strings extension', () => {
  it.each(["'A100-SXM4'.lowerAscii().startsWith('a100')", "'gpu,nic'.split(',').size() == 2", "'  x '.trim() == 'x'"])('%s', (expression) => {
    expect(evaluate(expression)).toBe(true);
  });
});

describe('DRA CEL: semver', () => {
  it.each([
    "semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))",
    "semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))",
    "semver('1.0.0-alpha.beta').isLessThan(semver('1.0.0-beta'))",
    "semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))",
    "semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))",
    "semver('1.10.0').isGreaterThan(semver('1.9.9'))",
    "semver('2.0.0').compareTo(semver('10.0.0')) == -1",
    "semver('1.0.0+build.1') == semver('1.0.0+build.2') && semver('1.0.0+x').compareTo(semver('1.0.0')) == 0",
    "semver('1.2.3').major() == 1 && semver('1.2.3').minor() == 2 && semver('1.2.3').patch() == 3",
    "isSemver('1.2.3-rc.1+sha.5114f85') && !isSemver('v1.2.3') && !isSemver('01.2.3') && !isSemver('1.2') && !isSemver('1.2.3-01')",
  ])('%s', (expression) => {
    expect(evaluate(expression)).toBe(true);
  });

  it('a version attribute compares as a version, and a capacity as a quantity', () => {
    const device: Device = {
      ...DEVICE,
      attributes: new Map([['gpu.example.com/driverVersion', { version: '1.10.0' }]]),
      capacity: new Map([['gpu.example.com/memory', '80Gi']]),
    };
    const selectors = new DeviceSelectors(['gpu.example.com']);
    expect(selectors.matches("device.attributes['gpu.example.com'].driverVersion.isGreaterThan(semver('1.9.0'))", device, 'gpu.example.com')).toBe(true);
    expect(selectors.matches("device.attributes['gpu.example.com'].driverVersion == '1.10.0'", device, 'gpu.example.com')).toBe(false);
    expect(selectors.matches("device.capacity['gpu.example.com'].memory.compareTo(quantity('64Gi')) >= 0", device, 'gpu.example.com')).toBe(true);
  });
});
