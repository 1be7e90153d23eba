import { describe, expect, it } from 'vitest';
import { ceilMilliValue, ceilValue, compareQuantities, formatQuantity, parseQuantity, quantityFormat } from './quantity.js';

const q = (text: string | number) => {
  const parsed = parseQuantity(text);
  if (!parsed) throw new Error(`not a quantity: ${text}`);
  return parsed;
};

describe('parseQuantity', () => {
  it.each([
    ['1', 1000n], ['1000m', 1000n], ['0.5', 500n], ['.5', 500n], ['5.', 5000n], ['100m', 100n],
    ['1e3', 1_000_000n], ['1E-3', 1n], ['1k', 1_000_000n], ['2', 2000n], [2, 2000n], [0.25, 250n],
    ['1u', 1n], ['1n', 1n], ['+3', 3000n],
  ])('reads %s as %d millicores', (text, milli) => {
    expect(ceilMilliValue(q(text))).toBe(milli);
  });

  it.each([
    ['1Ki', 1024n], ['1Mi', 1_048_576n], ['128Mi', 134_217_728n], ['1Gi', 1_073_741_824n], ['1Ei', 2n ** 60n],
    ['1M', 1_000_000n], ['1G', 1_000_000_000n], ['1E', 10n ** 18n], ['100m', 1n], ['1.5Gi', 1_610_612_736n],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(ceilValue(q(text))).toBe(bytes);
  });

  it.each(['', '2 cores', '1.2.3', 'Mi', '1mi', '1KI', '--1', '1e', '1e1.5', 'one', '0x10', '1e9999'])(
    'rejects %j',
    (text) => {
      expect(parseQuantity(text)).toBeUndefined();
    },
  );

  it('rejects non-finite numbers and non-strings', () => {
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseQuantity(true)).toBeUndefined();
    expect(parseQuantity(null)).toBeUndefined();
  });
});

describe('compareQuantities', () => {
  it('compares across suffixes exactly', () => {
    expect(compareQuantities(q('1'), q('1000m'))).toBe(0);
    expect(compareQuantities(q('0.5'), q('1'))).toBe(-1);
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('1e3'), q('1k'))).toBe(0);
    expect(compareQuantities(q('-1'), q('0'))).toBe(-1);
  });
});

describe('formatQuantity', () => {
  it('prints whole numbers and milli-units', () => {
    expect(formatQuantity(q('1000m'))).toBe('1');
    expect(formatQuantity(q('0.25'))).toBe('250m');
    expect(formatQuantity(q('1Ki'))).toBe('1024');
  });

  // upstream: apimachinery pkg/api/resource/quantity_test.go TestQuantityString (canonical forms per format)
  it('prints the canonical form of each format, as Quantity.String() does', () => {
    expect(formatQuantity(q('2200Mi'), 'BinarySI')).toBe('2200Mi');
    expect(formatQuantity(q('1Gi'), 'BinarySI')).toBe('1Gi');
    expect(formatQuantity(q('1023'), 'BinarySI')).toBe('1023');
    expect(formatQuantity(q('1.5'), 'BinarySI')).toBe('1500m');
    expect(formatQuantity(q('2400m'))).toBe('2400m');
    expect(formatQuantity(q('2000000000'))).toBe('2G');
    expect(formatQuantity(q('1500'))).toBe('1500');
    expect(formatQuantity(q('0.5u'))).toBe('500n');
    expect(formatQuantity(q('2000'), 'DecimalExponent')).toBe('2e3');
    expect(formatQuantity(q('0'), 'BinarySI')).toBe('0');
  });

  it('tells the format from the text', () => {
    expect([quantityFormat('100Mi'), quantityFormat('1e3'), quantityFormat('100m'), quantityFormat(2), quantityFormat('1')]).toEqual(['BinarySI', 'DecimalExponent', 'DecimalSI', 'DecimalSI', 'DecimalSI']);
  });
});
