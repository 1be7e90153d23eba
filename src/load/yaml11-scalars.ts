// Plain YAML scalars resolved the way Kubernetes decodes them (sigs.k8s.io/yaml → go-yaml v2, YAML 1.1 rules):
// yes/no/on/off/y/n are booleans, 0755 is octal, 1_000 is 1000, timestamps stay strings.

const WORDS = new Map<string, unknown>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(word, true);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(word, false);
for (const word of ['~', 'null', 'Null', 'NULL']) WORDS.set(word, null);
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, Number.NaN);
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(word, Number.POSITIVE_INFINITY);
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, Number.NEGATIVE_INFINITY);

/** First characters for which go-yaml v2 tries anything but a string (its resolve table's hints). */
const HINTED = new Set('+-0123456789yYnNtTfFoO~.');
/** strconv.ParseInt(s, 0, 64) syntax: sign, then 0x/0o/0b prefixes, a leading 0 for octal, or decimal. */
const GO_INT = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The value of an untagged plain scalar. */
export function resolvePlainScalar(text: string): unknown {
  if (text === '') return null;
  if (!HINTED.has(text.charAt(0))) return text;
  const word = WORDS.get(text);
  if (word !== undefined || WORDS.has(text)) return word;
  const first = text.charAt(0);
  if (first === '.') return DOT_FLOAT.test(text) ? finiteOr(Number(text), text) : text;
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) return resolveNumber(text);
  return text;
}

function resolveNumber(text: string): unknown {
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return integer;
  if (YAML_STYLE_FLOAT.test(plain)) return finiteOr(Number(plain), text);
  return text;
}

function parseGoInteger(plain: string): number | undefined {
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
  return Number(sign === '-' ? -magnitude : magnitude);
}

/** go's strconv.ParseFloat fails with ErrRange on overflow, and the scalar then stays a string. */
function finiteOr(value: number, text: string): unknown {
  return Number.isFinite(value) ? value : text;
}

/** How a decoded mapping key becomes a JSON object key (sigs.k8s.io/yaml convertToJSONableObject). */
export function keyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'object' && key !== null) return JSON.stringify(key);
  return String(key);
}
