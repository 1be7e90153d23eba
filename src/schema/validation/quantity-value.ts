// A resource.Quantity passed to field.Invalid as the bad value. Its String method has a pointer receiver and
// apimachinery 0.33 and older dereference a pointer before the type switch, so ErrorBody never finds a fmt.Stringer:
// it prints the struct with %#v, the fields ParseQuantity left in it. 0.34 on json.Marshal it (MarshalJSON: the cached
// text when there is one, else the canonical form).
// upstream: apimachinery pkg/api/resource/quantity.go ParseQuantity, parseQuantityString, RoundUp, String, MarshalJSON;
// amount.go int64Amount.AsScale; math.go negativeScaleInt64; field/errors.go ErrorBody (v0.27.0..v0.36.0)
import { BINARY_POWER, DECIMAL_POWER, formatQuantity, parseQuantity, quantityFormat, type Quantity, type QuantityFormat } from '../../model/quantity.js';
import { GoPrinted, goQuote } from './field-error.js';

/** How the value reached validation. */
export interface QuantityHistory {
  /** A ResourceList entry: v1 defaulting (SetDefaults_ResourceList) rounded it up to milli units (RoundUp(-3)). */
  readonly resourceList: boolean;
  /** The caller's detail called String() on the same variable first, which caches the canonical text in it. */
  readonly stringCalled: boolean;
}

/** resource.Quantity's fields: `i` (int64 value and scale) unless the value needed an inf.Dec (`dec`), `s`, Format. */
interface QuantityFields {
  readonly value: bigint;
  readonly scale: number;
  readonly dec: Quantity | undefined;
  readonly cached: string;
  readonly format: QuantityFormat;
}

const INT64_MAX = 2n ** 63n - 1n;
const NANO = -9;
const MILLI = -3;
const MAX_INT64_FACTORS = 18;
const SCANNED = /^([+-]?)0*(\d*)(?:\.(\d*))?(.*)$/;

/**
 * A core.ResourceList (a map of quantities, no String method) as the bad value: %#v up to 1.33 (keys sorted; a nil
 * map is core.ResourceList(nil)), json.Marshal from 1.34 (null when nil). Its entries are defaulted (RoundUp(-3)).
 */
export function resourceListValue(list: Readonly<Record<string, unknown>> | undefined): GoPrinted {
  if (list === undefined) return new GoPrinted('core.ResourceList(nil)', 'null');
  const entries = Object.keys(list).sort().map((name) => [name, quantityValue(list[name], RESOURCE_LIST_ENTRY)] as const);
  const goSyntax = entries.map(([name, value]) => `${goQuote(name)}:${value?.goSyntax ?? 'resource.Quantity{}'}`).join(', ');
  const json = entries.map(([name, value]) => `${JSON.stringify(name)}:${value?.json ?? '"0"'}`).join(',');
  return new GoPrinted(`core.ResourceList{${goSyntax}}`, `{${json}}`);
}

/** A ResourceList entry passed on as it was decoded and defaulted. */
export const RESOURCE_LIST_ENTRY: QuantityHistory = { resourceList: true, stringCalled: false };

/**
 * Quantity.String() of a decoded (and, for a ResourceList entry, defaulted) quantity: the text as written when
 * ParseQuantity found it canonical (so "01" and "+1" stay so), else the canonical form.
 */
export function quantityString(raw: unknown, history: QuantityHistory = { resourceList: false, stringCalled: true }): string | undefined {
  const json = quantityValue(raw, history)?.json;
  return json === undefined ? undefined : (JSON.parse(json) as string);
}

/** The bad value for field.Invalid; undefined when `raw` is not a quantity. */
export function quantityValue(raw: unknown, history: QuantityHistory): GoPrinted | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  const exact = parseQuantity(text);
  if (text === undefined || !exact) return undefined;
  let fields = parsedFields(text, exact);
  if (history.resourceList) fields = roundUp(fields, MILLI);
  const canonical = formatQuantity(amount(fields), fields.format);
  if (history.stringCalled && fields.cached === '') fields = { ...fields, cached: canonical };
  const json = JSON.stringify(fields.cached === '' ? canonical : fields.cached);
  return new GoPrinted(goSyntax(fields), json);
}

// upstream: ParseQuantity: "0" keeps its text; an int64 fast path (value and scale, the text cached when it is already
// canonical); else an inf.Dec rounded up to nano units
function parsedFields(text: string, exact: Quantity): QuantityFields {
  if (text === '0') return { value: 0n, scale: 0, dec: undefined, cached: text, format: 'DecimalSI' };
  const [, sign = '', numerator = '', denominator = '', suffix = ''] = SCANNED.exec(text) ?? [];
  const num = numerator === '' ? '0' : numerator;
  const binary = Object.hasOwn(BINARY_POWER, suffix) ? BINARY_POWER[suffix] : undefined;
  const format: QuantityFormat = quantityFormat(text);
  const exponent = binary ?? (suffix === '' ? 0 : Object.hasOwn(DECIMAL_POWER, suffix) ? DECIMAL_POWER[suffix] ?? 0 : Number(suffix.slice(1)));
  const precision = binary === undefined
    ? MAX_INT64_FACTORS - (num.length + denominator.length)
    : denominator === '' ? 15 - num.length - Math.trunc((binary * 3) / 10) - 1 : -1;
  const scale = (binary === undefined ? exponent : 0) - denominator.length;
  if (precision >= 0 && scale >= NANO) {
    const shifted = num + denominator;
    const result = BigInt(shifted) * (binary === undefined ? 1n : 2n ** BigInt(binary));
    if (BigInt(shifted) <= INT64_MAX && result <= INT64_MAX) {
      const value = sign === '-' ? -result : result;
      const canonical = binary === undefined
        ? scale % 3 === 0 && !shifted.endsWith('000') && !shifted.startsWith('0')
        : binary % 10 === 0 && (BigInt(shifted) & 7n) !== 0n;
      return { value, scale, dec: undefined, cached: canonical ? text : '', format };
    }
  }
  const dec = roundAway(exact, NANO);
  const fraction = binary !== undefined && dec.numerator !== 0n && abs(dec.numerator) < dec.denominator;
  return { value: 0n, scale: 0, dec, cached: '', format: fraction ? 'DecimalSI' : format };
}

// upstream: Quantity.RoundUp: an inf.Dec or an int64 amount below the scale is rounded away from zero, dropping the
// cached text
function roundUp(fields: QuantityFields, scale: number): QuantityFields {
  if (fields.dec) return { ...fields, dec: roundAway(fields.dec, scale), cached: '' };
  if (fields.scale >= scale) return fields;
  const divisor = 10n ** BigInt(scale - fields.scale);
  const quotient = fields.value / divisor;
  const value = fields.value % divisor === 0n ? quotient : quotient + (fields.value > 0n ? 1n : -1n);
  return { ...fields, value, scale, cached: '' };
}

function roundAway(q: Quantity, scale: number): Quantity {
  const unit = scale < 0 ? { numerator: 1n, denominator: 10n ** BigInt(-scale) } : { numerator: 10n ** BigInt(scale), denominator: 1n };
  const units = q.numerator * unit.denominator;
  const per = q.denominator * unit.numerator;
  const whole = units / per;
  const rounded = units % per === 0n ? whole : whole + (units > 0n ? 1n : -1n);
  return { numerator: rounded * unit.numerator, denominator: unit.denominator };
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

function amount(fields: QuantityFields): Quantity {
  if (fields.dec) return fields.dec;
  return fields.scale >= 0
    ? { numerator: fields.value * 10n ** BigInt(fields.scale), denominator: 1n }
    : { numerator: fields.value, denominator: 10n ** BigInt(-fields.scale) };
}

/** %#v of the struct; an inf.Dec is a pointer, whose address no one can know ahead. */
function goSyntax(fields: QuantityFields): string {
  const dec = fields.dec ? '(*inf.Dec)(0xc000000000)' : '(*inf.Dec)(nil)';
  return `resource.Quantity{i:resource.int64Amount{value:${fields.value}, scale:${fields.scale}}, d:resource.infDecAmount{Dec:${dec}}, s:${goQuote(fields.cached)}, Format:${goQuote(fields.format)}}`;
}
