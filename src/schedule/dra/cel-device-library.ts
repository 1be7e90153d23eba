// The Kubernetes CEL types a device selector compares: quantities (a device's capacity, `quantity("40Gi")`) and
// semantic versions (a version attribute, `semver("1.2.3")`).
// upstream: apiserver pkg/cel/library/quantity.go (the base environment DRA's compiler extends) and semverlib.go
// (dynamic-resource-allocation/cel/compile.go newCompiler: UnversionedLib(library.SemverLib)), v1.35.
// A value is a one-entry CEL map holding its canonical text, so that `==` compares values as upstream's Equal does
// (quantity("1") == quantity("1000m"); a version's build metadata does not count).
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { addQuantities, compareQuantities, parseQuantity, type Quantity } from '../../model/quantity.js';

type Cel = typeof import('@bufbuild/cel');

const QUANTITY = '\u0000quantity';
const SEMVER = '\u0000semver';

/** A device's capacity as CEL sees it (undefined for a value that is no quantity). */
export function celQuantity(text: string): Map<string, string> | undefined {
  const quantity = parseQuantity(text);
  return quantity && quantityValue(quantity);
}

/** A version attribute as CEL sees it (undefined for a value that is no semantic version). */
export function celSemver(text: string): Map<string, string> | undefined {
  const version = parseSemver(text);
  return version && semverValue(version);
}

/** quantity, isQuantity, sign and the Quantity methods; semver, isSemver and the Semver methods. */
export function deviceCelFunctions(cel: Cel): CelFunc[] {
  const { celFunc, celMethod, CelScalar } = cel;
  const { STRING, DYN, INT, BOOL, DOUBLE } = CelScalar;
  return [
    celFunc('quantity', [STRING], DYN, (text) => celQuantity(text) ?? fail(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)),
    celFunc('isQuantity', [STRING], BOOL, (text) => parseQuantity(text) !== undefined),
    // declared as a function, not a method, upstream: `sign(q)`, not `q.sign()`
    celFunc('sign', [DYN], INT, (value) => BigInt(Math.sign(compareQuantities(quantityOf(value), ZERO)))),
    celMethod('isInteger', DYN, [], BOOL, function isInteger() {
      return int64Of(quantityOf(this)) !== undefined;
    }),
    celMethod('asInteger', DYN, [], INT, function asInteger() {
      return int64Of(quantityOf(this)) ?? fail('cannot convert value to integer');
    }),
    celMethod('asApproximateFloat', DYN, [], DOUBLE, function asApproximateFloat() {
      const { numerator, denominator } = quantityOf(this);
      return Number(numerator) / Number(denominator);
    }),
    celMethod('add', DYN, [DYN], DYN, function add(other) {
      return quantityValue(addQuantities(quantityOf(this), operand(other, 1n)));
    }),
    celMethod('sub', DYN, [DYN], DYN, function sub(other) {
      return quantityValue(addQuantities(quantityOf(this), operand(other, -1n)));
    }),
    celMethod('compareTo', DYN, [DYN], INT, function compareTo(other) {
      return BigInt(compare(this, other));
    }),
    celMethod('isGreaterThan', DYN, [DYN], BOOL, function isGreaterThan(other) {
      return compare(this, other) === 1;
    }),
    celMethod('isLessThan', DYN, [DYN], BOOL, function isLessThan(other) {
      return compare(this, other) === -1;
    }),
    celFunc('semver', [STRING], DYN, (text) => celSemver(text) ?? fail(`No Major.Minor.Patch elements found`)),
    celFunc('isSemver', [STRING], BOOL, (text) => parseSemver(text) !== undefined),
    celMethod('major', DYN, [], INT, function major() {
      return semverOf(this).core[0];
    }),
    celMethod('minor', DYN, [], INT, function minor() {
      return semverOf(this).core[1];
    }),
    celMethod('patch', DYN, [], INT, function patch() {
      return semverOf(this).core[2];
    }),
  ];
}

const ZERO: Quantity = { numerator: 0n, denominator: 1n };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

function fail(message: string): never {
  throw new Error(message);
}

function quantityValue({ numerator, denominator }: Quantity): Map<string, string> {
  const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator) || 1n;
  return new Map([[QUANTITY, `${numerator / divisor}/${denominator / divisor}`]]);
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The canonical text under `key` of a value these functions made (a CEL map, or the Map a variable holds). */
function markedText(value: CelValue, key: string): string | undefined {
  const map = typeof value === 'object' && value !== null && 'get' in value ? (value as { get?: unknown }).get : undefined;
  const entry: unknown = typeof map === 'function' ? map.call(value, key) : undefined;
  return typeof entry === 'string' ? entry : undefined;
}

/** The quantity a CEL value holds; any other value has no such overload. */
function quantityOf(value: CelValue): Quantity {
  const text = markedText(value, QUANTITY);
  if (typeof text !== 'string') return fail('no such overload');
  const [numerator = '0', denominator = '1'] = text.split('/');
  return { numerator: BigInt(numerator), denominator: BigInt(denominator) };
}

/** add/sub's operand: a quantity or an int, times `sign`. */
function operand(value: CelValue, sign: bigint): Quantity {
  if (typeof value === 'bigint') return { numerator: sign * value, denominator: 1n };
  const { numerator, denominator } = quantityOf(value);
  return { numerator: sign * numerator, denominator };
}

/** Quantity.AsInt64: a whole value within int64. */
function int64Of({ numerator, denominator }: Quantity): bigint | undefined {
  if (numerator % denominator !== 0n) return undefined;
  const value = numerator / denominator;
  return value < INT64.min || value > INT64.max ? undefined : value;
}

/** compareTo and friends: two quantities (Quantity.Cmp) or two versions (semver Compare). */
function compare(receiver: CelValue, other: CelValue): -1 | 0 | 1 {
  if (markedText(receiver, SEMVER) !== undefined) return compareSemver(semverOf(receiver), semverOf(other));
  return compareQuantities(quantityOf(receiver), quantityOf(other));
}

interface Semver {
  readonly core: readonly [bigint, bigint, bigint];
  readonly pre: readonly string[];
}

// upstream: github.com/blang/semver/v4 Parse (strict semver 2.0: no leading zeros, no "v")
const SEMVER_TEXT = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

function parseSemver(text: string): Semver | undefined {
  const match = SEMVER_TEXT.exec(text);
  if (!match) return undefined;
  const [, major = '0', minor = '0', patch = '0', pre] = match;
  return { core: [BigInt(major), BigInt(minor), BigInt(patch)], pre: pre === undefined ? [] : pre.split('.') };
}

function semverValue({ core, pre }: Semver): Map<string, string> {
  return new Map([[SEMVER, `${core.join('.')}${pre.length > 0 ? `-${pre.join('.')}` : ''}`]]);
}

function semverOf(value: CelValue): Semver {
  const text = markedText(value, SEMVER);
  return (text === undefined ? undefined : parseSemver(text)) ?? fail('no such overload');
}

/** semver 2.0 precedence: the core numbers, then a version without pre-release above one with it, then identifiers. */
function compareSemver(a: Semver, b: Semver): -1 | 0 | 1 {
  for (let index = 0; index < 3; index++) {
    const order = sign((a.core[index] ?? 0n) - (b.core[index] ?? 0n));
    if (order !== 0) return order;
  }
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let index = 0; index < Math.min(a.pre.length, b.pre.length); index++) {
    const order = compareIdentifier(a.pre[index] ?? '', b.pre[index] ?? '');
    if (order !== 0) return order;
  }
  return Math.sign(a.pre.length - b.pre.length) as -1 | 0 | 1;
}

/** Numeric identifiers compare as numbers and sort below alphanumeric ones, which compare as ASCII text. */
function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const numeric = (text: string) => /^\d+$/.test(text);
  if (numeric(a) && numeric(b)) return sign(BigInt(a) - BigInt(b));
  if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sign(value: bigint): -1 | 0 | 1 {
  return value < 0n ? -1 : value > 0n ? 1 : 0;
}
