// Plain YAML scalars resolved the way Kubernetes decodes them (sigs.k8s.io/yaml → go-yaml v2, YAML 1.1 rules):
// yes/no/on/off/y/n are booleans, 0755 is octal, 1_000 is 1000, timestamps stay strings.

const WORDS = new Map<string, unknown>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(word, true);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(word, false);
for (const word of ['~', 'null', 'Null', 'NULL']) WORDS.set(word, null);
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, Number.NaN);
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(word, Number.POSITIVE_INFINITY);
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, Number.NEGATIVE_INFINITY);

/** First characters for which go-yaml v2 tries anything but a string (its resolve table's hints), by char code. */
const HINTED = new Uint8Array(128);
for (const char of '+-0123456789yYnNtTfFoO~.') HINTED[char.charCodeAt(0)] = 1;
/** The characters GO_INT and YAML_STYLE_FLOAT are spelt with, and `_`: a text with any other is neither. */
const NUMBER_CHAR = new Uint8Array(128);
for (const char of '+-._0123456789abcdefABCDEFxXoO') NUMBER_CHAR[char.charCodeAt(0)] = 1;

/** Whether `text` may be a number (a time such as 2026-11-20T22:03:46Z is not: no regular expression needs to say so). */
function isNumberText(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (NUMBER_CHAR[text.charCodeAt(index)] !== 1) return false;
  return true;
}

/** strconv.ParseInt(s, 0, 64) syntax: sign, then 0x/0o/0b prefixes, a leading 0 for octal, or decimal. */
const GO_INT = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The value of an untagged plain scalar. */
export function resolvePlainScalar(text: string): unknown {
  if (text === '') return null;
  if (HINTED[text.charCodeAt(0)] !== 1) return text;
  const word = WORDS.get(text);
  if (word !== undefined || WORDS.has(text)) return word;
  const first = text.charAt(0);
  if (first === '.') return DOT_FLOAT.test(text) ? finiteOr(Number(text), text) : text;
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) return resolveNumber(text);
  return text;
}

function resolveNumber(text: string): unknown {
  if (!isNumberText(text)) return text;
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return integer;
  if (YAML_STYLE_FLOAT.test(plain)) return finiteOr(Number(plain), text);
  return text;
}

/** Digits a decimal integer may have to be exact as a double without BigInt (2^53 has 16). */
const EXACT_DIGITS = 15;

/** strconv.ParseInt(s, 0, 64) as a JSON number, or undefined when Go reads no integer (or none that fits). */
export function parseGoInteger(plain: string): number | undefined {
  return isShortDecimal(plain) ? Number(plain) : parseGoIntegerSyntax(plain);
}

/** An optional sign, then 1 to EXACT_DIGITS digits not starting with 0 (which would make it octal): most integers. */
function isShortDecimal(text: string): boolean {
  const signed = text.charCodeAt(0) === 0x2b || text.charCodeAt(0) === 0x2d ? 1 : 0;
  const digits = text.length - signed;
  if (digits < 1 || digits > EXACT_DIGITS || text.charCodeAt(signed) === 0x30) return false;
  for (let index = signed; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** parseGoInteger by Go's syntax, exactly (BigInt for the range check). */
export function parseGoIntegerSyntax(plain: string): number | undefined {
  const integer = goInteger(plain);
  return integer === undefined ? undefined : Number(integer);
}

/** The integer go-yaml v2 resolves: strconv.ParseInt(s, 0, 64), else strconv.ParseUint (no sign, up to 2^64-1). */
function goInteger(plain: string): bigint | undefined {
  const match = GO_INT.exec(plain);
  if (!match) return undefined;
  const [, sign, hex, octal, binary, legacyOctal, decimal] = match;
  const magnitude =
    hex !== undefined ? BigInt(`0x${hex}`)
    : octal !== undefined ? BigInt(`0o${octal}`)
    : binary !== undefined ? BigInt(`0b${binary}`)
    : legacyOctal !== undefined ? (legacyOctal === '' ? 0n : BigInt(`0o${legacyOctal}`))
    : BigInt(decimal ?? '0');
  const fits = sign === '-' ? magnitude <= INT64_MAX + 1n : sign === '+' ? magnitude <= INT64_MAX : magnitude <= UINT64_MAX;
  if (!fits) return undefined;
  return sign === '-' ? -magnitude : magnitude;
}

/** go's strconv.ParseFloat fails with ErrRange on overflow, and the scalar then stays a string. */
function finiteOr(value: number, text: string): unknown {
  return Number.isFinite(value) ? value : text;
}

/**
 * How a decoded mapping key becomes a JSON object key (sigs.k8s.io/yaml convertToJSONableObject); `tag` is the key's
 * tag when it has one (`!!float 1000` is a float64 key, named 1e+03 as a float32).
 */
export function keyString(key: unknown, text?: string, tag?: string): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'object' && key !== null) return JSON.stringify(key);
  if (typeof key === 'number' && !isIntegerKey(key, text, tag)) return goFloat32Key(key);
  // strconv.Itoa prints the int itself: its text names it where a double cannot (9223372036854775807)
  if (typeof key === 'number' && !Number.isSafeInteger(key) && text !== undefined) return String(goInteger(text.replaceAll('_', '')));
  return String(key);
}

/**
 * The Go type a decoded key has when it is not a string (go-yaml's strict decoding calls keys duplicates only when
 * type and value are equal: `1`, `"1"` and `1.0` are three keys, which sigs.k8s.io/yaml then names alike).
 */
export function keyType(key: unknown, text?: string, tag?: string): string | undefined {
  if (typeof key === 'string') return undefined;
  if (typeof key === 'number') return isIntegerKey(key, text, tag) ? (isUint64Key(key, text) ? 'uint64' : 'int') : floatKeyType(key);
  return typeof key;
}

/**
 * A float key's type holds its float64 value: Go's map compares the values, not the float32 names sigs.k8s.io/yaml
 * gives them (`3.5e38` and `.inf` are two keys, both named .inf), -0 equals 0, and NaN equals no key (NAN_KEY_TYPE).
 */
function floatKeyType(key: number): string {
  return Number.isNaN(key) ? NAN_KEY_TYPE : `float ${key === 0 ? 0 : key}`;
}

/** The type of a NaN key, which no other key duplicates. */
export const NAN_KEY_TYPE = 'float NaN';

/**
 * An integer key past int64 that go-yaml decodes as a uint64 (resolve.go resolve: ParseUint after ParseInt), a key
 * type sigs.k8s.io/yaml convertToJSONableObject refuses. Only its text tells 2^63-1 and 2^63 apart (one double).
 */
export function isUint64Key(key: unknown, text: string | undefined): boolean {
  return typeof key === 'number' && key >= 2 ** 63 && text !== undefined && (goInteger(text.replaceAll('_', '')) ?? 0n) > INT64_MAX;
}

/**
 * Whether go-yaml decoded the key as an integer: its text reads as one (without text: an integral value), unless it is
 * tagged !!float (resolve.go resolve makes the int a float64).
 */
function isIntegerKey(key: number, text: string | undefined, tag: string | undefined): boolean {
  if (tag !== undefined && shortTag(tag) === '!!float') return false;
  return text === undefined ? Number.isInteger(key) : parseGoInteger(text.replaceAll('_', '')) !== undefined;
}

/**
 * A float key as sigs.k8s.io/yaml names it: strconv.FormatFloat(key, 'g', -1, 32), with .inf, -.inf and .nan for
 * what Go prints as +Inf, -Inf and NaN (a float64 beyond float32's range is an infinity there).
 */
function goFloat32Key(key: number): string {
  const single = Math.fround(key);
  if (Number.isNaN(single)) return '.nan';
  if (!Number.isFinite(single)) return single > 0 ? '.inf' : '-.inf';
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  const magnitude = Math.abs(single);
  // the fewest significant digits that read back as the same float32 (Go's shortest form)
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9 && digits === ''; precision++) {
    const [mantissa = '', power = '0'] = magnitude.toExponential(precision - 1).split('e');
    if (Math.fround(Number(`${mantissa}e${power}`)) === magnitude) [digits, exponent] = [mantissa.replace('.', '').replace(/0+$/, '') || '0', Number(power)];
  }
  const sign = single < 0 ? '-' : '';
  // %e when the exponent is below -4 or at least 6 (the shortest form's precision), with two exponent digits at least
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const point = exponent + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Go's name for a float that JSON cannot hold, as encoding/json prints it. */
export function goFloatName(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}

export type TaggedScalar = { ok: true; value: unknown } | { ok: false; message: string };

/** The plain resolutions a resolvable tag accepts (go-yaml v2 resolve; !!float also takes an integer). */
const TAG_TYPES = new Map<string, readonly string[]>([
  ['!!int', ['!!int']],
  ['!!float', ['!!int', '!!float']],
  ['!!bool', ['!!bool']],
  ['!!null', ['!!null']],
  ['!!timestamp', []],
]);

/** resolve.go allowedTimestampFormats as time.Parse reads them: 2006-1-2, then T, t or a space (no zone) and 15:4:5.999999999 */
const GO_TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

function isGoTimestamp(raw: string): boolean {
  const match = GO_TIMESTAMP.exec(raw);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = [match[1], match[2], match[3], match[4] ?? match[7] ?? '0', match[5] ?? match[8] ?? '0', match[6] ?? match[9] ?? '0'].map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  // time.Parse: day out of range, month out of range, hour, minute and second out of range
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day && (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60;
}

/**
 * A tagged scalar as go-yaml v2 decodes it into interface{}: !!int, !!float, !!bool and !!null must resolve to
 * their type, !!timestamp must be a date (and stays text), !!binary is base64-decoded, every other tag (!!str, !, local and unknown tags) leaves the text.
 * upstream: gopkg.in/yaml.v2 resolve.go resolve, decode.go scalar
 */
export function resolveTagged(tag: string, raw: string): TaggedScalar {
  const name = shortTag(tag);
  if (name === '!!binary') return decodeBinary(raw);
  // a timestamp stays its text in interface{} (decode.go scalar), but the text must be one
  if (name === '!!timestamp' && isGoTimestamp(raw)) return { ok: true, value: raw };
  const accepted = TAG_TYPES.get(name);
  if (!accepted) return { ok: true, value: raw };
  const value = name === '!!null' && raw === '' ? null : resolvePlainScalar(raw);
  const resolved = shortTagOf(value, raw);
  // !!float takes an int or int64, not the uint64 of an integer past 2^63-1 (resolve.go resolve: `case int64, int`)
  if (accepted.includes(resolved) && !(name === '!!float' && resolved === '!!int' && isUint64Key(value, raw))) return { ok: true, value };
  return { ok: false, message: `cannot decode ${resolved} \`${raw}\` as a ${name}` };
}

/** The tag the plain text resolves to: `1.0` and `1e3` are floats though their values are integral. */
function shortTagOf(value: unknown, raw: string): string {
  if (value === null) return '!!null';
  if (typeof value === 'boolean') return '!!bool';
  if (typeof value === 'number') return parseGoInteger(raw.replaceAll('_', '')) === undefined ? '!!float' : '!!int';
  return '!!str';
}

/** A tag in its short form: `!<tag:yaml.org,2002:float>` is `!!float` (resolve.go shortTag). */
function shortTag(tag: string): string {
  return tag.startsWith('!<tag:yaml.org,2002:') ? `!!${tag.slice(20, -1)}` : tag;
}

/** Go's base64.StdEncoding ignores line breaks only; the bytes become a string (JSON turns bad UTF-8 into U+FFFD). */
function decodeBinary(raw: string): TaggedScalar {
  const text = raw.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return { ok: false, message: '!!binary value contains invalid base64 data' };
  const bytes = Buffer.from(text, 'base64');
  const decoded = bytes.toString('utf8');
  return { ok: true, value: decoded.includes('\uFFFD') ? goUtf8String(bytes) : decoded };
}

/**
 * The bytes as encoding/json writes them: a U+FFFD for each byte that starts no valid sequence, where Node writes one
 * for the longest invalid prefix of a sequence (`E2 82` is two for Go, one for Node).
 */
// upstream: encoding/json encode.go appendString (utf8.DecodeRuneInString returns RuneError, 1 for a bad byte)
function goUtf8String(bytes: Buffer): string {
  let out = '';
  for (let index = 0; index < bytes.length; ) {
    const length = utf8SequenceLength(bytes, index);
    out += length === 0 ? '\uFFFD' : bytes.toString('utf8', index, index + length);
    index += Math.max(length, 1);
  }
  return out;
}

/** The length of the valid UTF-8 sequence at `index`, 0 if none starts there. upstream: unicode/utf8 acceptRanges */
function utf8SequenceLength(bytes: Buffer, index: number): number {
  const first = bytes[index] ?? 0;
  if (first < 0x80) return 1;
  const length = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  for (let next = 1; next < length; next++) {
    const byte = bytes[index + next];
    if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return 0;
  }
  return length;
}
