// Kubernetes resource quantities, parsed and compared exactly (apimachinery pkg/api/resource/quantity.go).

/** An exact rational value: numerator / denominator, denominator > 0. */
export interface Quantity {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE])?$/;
/** The quantity syntax as a JSON Schema `pattern` (the generated schemas use it, so schema and scheduler agree). */
export const QUANTITY_PATTERN = QUANTITY.source;
const BINARY_POWER: Readonly<Record<string, bigint>> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const DECIMAL_POWER: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** Exponents beyond this are rejected rather than expanded (a defence against `1e999999999`). */
const MAX_EXPONENT = 1000;

export const ZERO: Quantity = { numerator: 0n, denominator: 1n };

/** Texts parsed so far (a cluster repeats a few quantities thousands of times); emptied when it grows past the limit. */
const parsed = new Map<string, Quantity | undefined>();
const PARSED_LIMIT = 10_000;

/** Parses a quantity as the API server does; undefined when the text is not a valid quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  const text = typeof input === 'number' ? numberText(input) : input;
  if (typeof text !== 'string') return undefined;
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  const quantity = parseQuantityText(text);
  parsed.set(text, quantity);
  return quantity;
}

function parseQuantityText(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign = '', number = '', suffix = ''] = match;
  const [whole = '', fraction = ''] = number.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  let exponent = -fraction.length;
  if (suffix in BINARY_POWER) numerator <<= BINARY_POWER[suffix] ?? 0n;
  else if (suffix in DECIMAL_POWER) exponent += DECIMAL_POWER[suffix] ?? 0;
  else if (suffix !== '') exponent += Number(suffix.slice(1));
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  if (sign === '-') numerator = -numerator;
  return exponent >= 0
    ? { numerator: numerator * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator, denominator: 10n ** BigInt(-exponent) };
}

function numberText(value: number): string | undefined {
  return Number.isFinite(value) ? String(value) : undefined;
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  if (a.denominator === b.denominator) return { numerator: a.numerator + b.numerator, denominator: a.denominator };
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(a, b) >= 0 ? a : b;
}

/** Value rounded up to a whole number, as upstream's Quantity.Value() (memory, storage, counts). */
export function ceilValue(q: Quantity): bigint {
  return ceilDiv(q.numerator, q.denominator);
}

/** Value in thousandths rounded up, as upstream's Quantity.MilliValue() (cpu). */
export function ceilMilliValue(q: Quantity): bigint {
  return ceilDiv(q.numerator * 1000n, q.denominator);
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator > 0n ? quotient + 1n : quotient;
}

/** A readable canonical form: whole numbers as-is, fractions in milli-units when exact ("250m"). */
export function formatQuantity(q: Quantity): string {
  if (q.numerator % q.denominator === 0n) return String(q.numerator / q.denominator);
  const milli = q.numerator * 1000n;
  if (milli % q.denominator === 0n) return `${milli / q.denominator}m`;
  return String(Number(q.numerator) / Number(q.denominator));
}
