// Properties of Kubernetes quantities: every spelling of a value parses to the same exact number, printing
// round-trips, and the order is a consistent total order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addQuantities, ceilMilliValue, compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../src/model/quantity.js';

const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Readonly<Record<string, bigint>> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };

function parsed(text: string): Quantity {
  const quantity = parseQuantity(text);
  if (!quantity) throw new Error(`not a quantity: ${text}`);
  return quantity;
}

/** `digits` with a decimal point `scale` places from the right: (1234, 3) → "1.234". */
function decimal(digits: bigint, scale: number): string {
  const sign = digits < 0n ? '-' : '';
  const text = (digits < 0n ? -digits : digits).toString().padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -scale)}.${text.slice(-scale)}`;
}

const mantissa = fc.bigInt({ min: 0n, max: 10n ** 15n });
const signed = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const scale = fc.integer({ min: 0, max: 9 });
/** Any valid spelling: a decimal with an optional decimal, binary or exponent suffix. */
const quantityText = fc.tuple(signed, scale, fc.constantFrom('', ...Object.keys(DECIMAL), ...Object.keys(BINARY), 'e3', 'E-2', 'e+1')).map(
  ([digits, places, suffix]) => `${decimal(digits, places)}${suffix}`,
);

describe('quantity properties', () => {
  it('reads a decimal suffix as the power of ten it stands for', () => {
    fc.assert(fc.property(mantissa, fc.constantFrom(...Object.keys(DECIMAL)), (digits, suffix) => {
      const power = DECIMAL[suffix] ?? 0;
      const plain = power >= 0 ? `${digits * 10n ** BigInt(power)}` : decimal(digits, -power);
      expect(compareQuantities(parsed(`${digits}${suffix}`), parsed(plain))).toBe(0);
      expect(compareQuantities(parsed(`${digits}${suffix}`), parsed(`${digits}e${power}`))).toBe(0);
    }));
  });

  it('reads a binary suffix as the power of two it stands for', () => {
    fc.assert(fc.property(mantissa, fc.constantFrom(...Object.keys(BINARY)), (digits, suffix) => {
      expect(compareQuantities(parsed(`${digits}${suffix}`), parsed(`${digits * (BINARY[suffix] ?? 1n)}`))).toBe(0);
    }));
  });

  it('reads numbers the YAML decoder produced like their text', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), scale, (digits, places) => {
      const text = decimal(BigInt(digits), places);
      const fromNumber = parseQuantity(Number(text));
      expect(fromNumber && compareQuantities(parsed(text), fromNumber)).toBe(0);
    }));
  });

  it('round-trips whole and milli values through formatQuantity', () => {
    fc.assert(fc.property(signed, fc.constantFrom(0, 3), (digits, places) => {
      const quantity = parsed(decimal(digits, places));
      expect(compareQuantities(parsed(formatQuantity(quantity)), quantity)).toBe(0);
    }));
  });

  it('negates with a leading minus', () => {
    fc.assert(fc.property(quantityText.filter((text) => !text.startsWith('-')), (text) => {
      const value = parsed(text);
      const negated = parsed(`-${text}`);
      expect(compareQuantities(addQuantities(value, negated), parsed('0'))).toBe(0);
    }));
  });

  it('orders consistently: antisymmetric, transitive through sorting, monotone under addition and rounding', () => {
    fc.assert(fc.property(fc.array(quantityText, { minLength: 2, maxLength: 12 }), (texts) => {
      const values = texts.map(parsed);
      const [a, b] = values as [Quantity, Quantity];
      expect(compareQuantities(a, b)).toBe(-compareQuantities(b, a) || 0);
      expect(compareQuantities(addQuantities(a, b), a)).toBe(compareQuantities(b, parsed('0')));
      if (compareQuantities(a, b) <= 0) expect(ceilMilliValue(a) <= ceilMilliValue(b)).toBe(true);
      const sorted = [...values].sort(compareQuantities);
      for (let index = 1; index < sorted.length; index++) {
        for (let earlier = 0; earlier < index; earlier++) expect(compareQuantities(sorted[earlier] as Quantity, sorted[index] as Quantity)).toBeLessThanOrEqual(0);
      }
    }));
  });
});
