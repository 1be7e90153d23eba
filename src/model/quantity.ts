// Kubernetes resource quantities, parsed and compared exactly (apimachinery pkg/api/resource/quantity.go).

/** An exact rational value: numerator / denominator, denominator > 0. */
export interface Quantity {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE])?$/;
/** The quantity syntax as a JSON Schema `pattern` (the generated schemas use it, so schema and scheduler agree). */
export const QUANTITY_PATTERN = QUANTITY.source;
/** The power of two of each binary suffix, and of ten of each decimal one. */
export const BINARY_POWER: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
export const DECIMAL_POWER: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
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
  if (suffix in BINARY_POWER) numerator <<= BigInt(BINARY_POWER[suffix] ?? 0);
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

export function maxQuantity<T extends Quantity>(a: T, b: T): T {
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

/** How upstream prints a quantity: the format of the text it was parsed from (Quantity.Format). */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** The format of a quantity's text: binary suffixes (Ki..Ei), exponents (e3), else decimal SI (plain numbers too). */
export function quantityFormat(input: unknown): QuantityFormat {
  const suffix = typeof input === 'string' ? QUANTITY.exec(input)?.[3] : undefined;
  if (suffix === undefined) return 'DecimalSI';
  return suffix in BINARY_POWER ? 'BinarySI' : /^[eE]/.test(suffix) ? 'DecimalExponent' : 'DecimalSI';
}

const DECIMAL_SUFFIX: Readonly<Record<number, string>> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

/** The canonical text upstream's Quantity.String() gives in a format ("2200Mi", "2400m", "2G", "2e9"). */
// upstream: apimachinery pkg/api/resource/quantity.go CanonicalizeBytes: BinarySI only for whole values of at least
// 1024, else DecimalSI; the mantissa loses its trailing zeros and the exponent steps down to a multiple of 3
export function formatQuantity(q: Quantity, format: QuantityFormat = 'DecimalSI'): string {
  if (q.numerator === 0n) return '0';
  const whole = q.numerator % q.denominator === 0n ? q.numerator / q.denominator : undefined;
  if (format === 'BinarySI' && whole !== undefined && (whole >= 1024n || whole <= -1024n)) return binaryText(whole);
  const decimal = decimalParts(q);
  if (!decimal) return String(Number(q.numerator) / Number(q.denominator));
  const suffix = format === 'DecimalExponent' ? (decimal.exponent === 0 ? '' : `e${decimal.exponent}`) : DECIMAL_SUFFIX[decimal.exponent];
  return suffix === undefined ? `${decimal.mantissa}e${decimal.exponent}` : `${decimal.mantissa}${suffix}`;
}

function binaryText(value: bigint): string {
  let mantissa = value;
  let power = 0;
  while (power < BINARY_SUFFIX.length - 1 && mantissa % 1024n === 0n) {
    mantissa /= 1024n;
    power += 1;
  }
  return `${mantissa}${BINARY_SUFFIX[power] ?? ''}`;
}

/** q as mantissa * 10^exponent, exponent a multiple of 3, mantissa without removable trailing zeros. */
function decimalParts(q: Quantity): { mantissa: bigint; exponent: number } | undefined {
  let { numerator: mantissa, denominator } = q;
  let exponent = 0;
  while (denominator % 10n === 0n) {
    denominator /= 10n;
    exponent -= 1;
  }
  if (mantissa % denominator !== 0n) return undefined;
  mantissa /= denominator;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  const step = ((exponent % 3) + 3) % 3;
  return { mantissa: mantissa * 10n ** BigInt(step), exponent: exponent - step };
}

/** A ResourceList mapping whose every value is a quantity. */
export function isQuantityList(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((quantity) => parseQuantity(quantity) !== undefined);
}

/**
 * A quantity of a resource list (requests, limits, overhead, capacity, allocatable): undefined for one the API server
 * refuses there, malformed or negative (pkg/apis/core/validation/validation.go ValidateResourceQuantityValue).
 */
export function parseResourceQuantity(input: unknown): Quantity | undefined {
  const quantity = parseQuantity(input);
  return quantity && quantity.numerator >= 0n ? quantity : undefined;
}

/** A resource list mapping the API server takes: every value a quantity of at least 0 (see parseResourceQuantity). */
export function isResourceList(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((quantity) => parseResourceQuantity(quantity) !== undefined);
}
