// Go's time.Duration as Kubernetes reads and prints it: time.ParseDuration (metav1.Duration fields, CEL duration(),
// cron's @every) and Duration.String (a duration inside a field error).
// upstream: go/src/time/format.go ParseDuration, leadingInt, leadingFraction, quote; time.go Duration.String

const MAX = 1n << 63n;

/** Nanoseconds per unit; µ (micro sign) and μ (Greek mu) as escapes, so the bundled CLI stays ASCII. */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n], ['us', 1_000n], ['\u00b5s', 1_000n], ['\u03bcs', 1_000n], ['ms', 1_000_000n], ['s', 1_000_000_000n],
  ['m', 60_000_000_000n], ['h', 3_600_000_000_000n],
]);

/** A duration in nanoseconds, or time.ParseDuration's error message ("time: invalid duration \"1x\""...). */
export function parseGoDuration(text: string): bigint | string {
  const invalid = `time: invalid duration ${goQuote(text)}`;
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return invalid;
  let total = 0n;
  while (rest !== '') {
    if (!/^[0-9.]/.test(rest)) return invalid;
    const whole = /^[0-9]*/.exec(rest)?.[0] ?? '';
    const value = leadingInt(whole);
    if (value === undefined) return invalid;
    rest = rest.slice(whole.length);
    let fraction = { value: 0n, scale: 1, digits: 0 };
    if (rest.startsWith('.')) {
      const digits = /^[0-9]*/.exec(rest.slice(1))?.[0] ?? '';
      fraction = leadingFraction(digits);
      rest = rest.slice(1 + digits.length);
    }
    if (whole === '' && fraction.digits === 0) return invalid;
    const unitText = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unitText === '') return `time: missing unit in duration ${goQuote(text)}`;
    rest = rest.slice(unitText.length);
    const unit = UNITS.get(unitText);
    if (unit === undefined) return `time: unknown unit ${goQuote(unitText)} in duration ${goQuote(text)}`;
    if (value > MAX / unit) return invalid;
    let amount = value * unit;
    // float64(f) * (float64(unit) / scale), truncated to uint64, as Go computes it
    if (fraction.value > 0n) amount += BigInt(Math.trunc(Number(fraction.value) * (Number(unit) / fraction.scale)));
    if (amount > MAX) return invalid;
    total += amount;
    if (total > MAX) return invalid;
  }
  if (negative) return -total;
  return total > MAX - 1n ? invalid : total;
}

/** Digits as leadingInt reads them: undefined past 1<<63. */
function leadingInt(digits: string): bigint | undefined {
  let value = 0n;
  for (const digit of digits) {
    if (value > MAX / 10n) return undefined;
    value = value * 10n + BigInt(digit);
    if (value > MAX) return undefined;
  }
  return value;
}

/** Fraction digits as leadingFraction reads them: digits past an overflow are consumed and ignored. */
function leadingFraction(digits: string): { value: bigint; scale: number; digits: number } {
  let value = 0n;
  let scale = 1;
  let overflow = false;
  for (const digit of digits) {
    if (overflow) continue;
    if (value > (MAX - 1n) / 10n) {
      overflow = true;
      continue;
    }
    const next = value * 10n + BigInt(digit);
    if (next > MAX) {
      overflow = true;
      continue;
    }
    value = next;
    scale *= 10;
  }
  return { value, scale, digits: digits.length };
}

/** The time package's quote: ASCII as it is (" and \ escaped), every byte of anything else as \xNN. */
function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) for (const byte of Buffer.from(char, 'utf8')) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += char === '"' || char === '\\' ? `\\${char}` : char;
  }
  return `${out}"`;
}

/** Duration.String: "1h2m3.5s", "1.5ms", "0s". */
export function formatGoDuration(nanoseconds: bigint): string {
  const sign = nanoseconds < 0n ? '-' : '';
  const u = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    // below a second: the largest unit under it, with a fraction
    const [unit, precision] = u < 1_000n ? ['ns', 0] : u < 1_000_000n ? ['\u00b5s', 3] : ['ms', 6];
    const scale = 10n ** BigInt(precision);
    return `${sign}${(u / scale).toString()}${fractionText(u % scale, precision)}${unit}`;
  }
  const seconds = u / 1_000_000_000n;
  const secondsText = `${(seconds % 60n).toString()}${fractionText(u % 1_000_000_000n, 9)}s`;
  const minutes = seconds / 60n;
  if (minutes === 0n) return `${sign}${secondsText}`;
  const hours = minutes / 60n;
  const minutesText = `${(minutes % 60n).toString()}m${secondsText}`;
  return hours === 0n ? `${sign}${minutesText}` : `${sign}${hours.toString()}h${minutesText}`;
}

/** The digits of remainder / 10^precision after the point, without trailing zeros; '' for none (fmtFrac). */
function fractionText(remainder: bigint, precision: number): string {
  const digits = remainder.toString().padStart(precision, '0').replace(/0+$/, '');
  return digits === '' ? '' : `.${digits}`;
}
