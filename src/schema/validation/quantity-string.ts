// resource.Quantity.String(): the canonical text the API server prints for a quantity in its messages.
import { parseQuantity } from '../../model/quantity.js';

const DECIMAL_SUFFIX: Readonly<Record<number, string>> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

// upstream: apimachinery pkg/api/resource/quantity.go CanonicalizeBytes, amount.go AsCanonicalBytes,
// AsCanonicalBase1024Bytes (v1.36): values are kept to nano precision, rounded up
export function canonicalQuantity(raw: unknown): string {
  const text = String(raw).trim();
  const quantity = parseQuantity(raw);
  if (!quantity) return text;
  if (quantity.numerator === 0n) return '0';
  const negative = quantity.numerator < 0n;
  const magnitude = negative ? -quantity.numerator : quantity.numerator;
  const isWhole = magnitude % quantity.denominator === 0n;
  const binary = /[KMGTPE]i$/.test(text) && isWhole && magnitude / quantity.denominator >= 1024n;
  const body = binary ? binaryText(magnitude / quantity.denominator) : decimalText(magnitude, quantity.denominator, /\d[eE][-+]?\d+$/.test(text));
  return negative ? `-${body}` : body;
}

function binaryText(value: bigint): string {
  let amount = value;
  let exponent = 0;
  while (amount % 1024n === 0n && exponent < BINARY_SUFFIX.length - 1) {
    amount /= 1024n;
    exponent++;
  }
  return `${amount}${BINARY_SUFFIX[exponent] ?? ''}`;
}

function decimalText(numerator: bigint, denominator: bigint, exponentFormat: boolean): string {
  const scaled = numerator * 1_000_000_000n;
  let amount = scaled / denominator + (scaled % denominator === 0n ? 0n : 1n);
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const remainder = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(remainder);
  exponent -= remainder;
  if (exponentFormat) return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${DECIMAL_SUFFIX[exponent] ?? `e${exponent}`}`;
}
