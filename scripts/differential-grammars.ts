// Generators for the go-yaml oracle (scripts/fuzz-inputs.ts --oracle) beside yaml-grammar.ts, each after a shape its
// documents rarely take: JSON streams (kubectl reads input that starts with "{" with encoding/json), YAML whose flow
// collections are written like JSON (quoted keys, tabs, line breaks and comments between every token, properties and
// aliases on keys), files of several documents (the separators kubectl's reader splits on or not, markers,
// directives, byte order marks, lone CRs, JSON documents among YAML ones), mappings with keys that are not strings,
// and merge keys.

type Random = () => number;

function picker(random: Random) {
  const int = (n: number) => Math.floor(random() * n);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T, chance: (p: number) => random() < p };
}

const JSON_STRINGS = ['a', 'é', '', ' ', 'x y', '\\ud800', '\\udc00', '\\ud83d\\ude00', '\\ud83d', '\\uD800\\uDC00', '\\u0000', '\\u001f', '\\u007f', '\\u00e9', '\\u2028', '\\u0085', '\\ufeff', '\\/', '\\"', '\\\\', '\\b\\f\\n\\r\\t', '\\x41', '\\a', '\\u12', '\t', '\u0085', '\u2028', '\ufeff', '#', ': ', '- ', '{{x}}', '${X}', "'", '<<', '---', '\u00a0'];
const JSON_NUMBERS = ['0', '-0', '1', '-1', '1.0', '1.5', '-0.0', '1e3', '1E+3', '1e-3', '1e400', '-1e400', '1e-400', '9007199254740993', '9223372036854775807', '9223372036854775808', '18446744073709551616', '4.9e-324', '1.7976931348623157e308', '2.5e308', '01', '+1', '.5', '1.', '0x10', 'NaN', 'Infinity', '-', '1e', '00', '1_000'];
const JSON_KEYS = ['a', 'b', 'a', 'name', '\\u0061', '\\ud800', '\\udbff', '', ' a', 'é', 'e\\u0301', '1', 'true', 'null', '<<', 'apiVersion', 'kind', 'metadata'];
const JSON_SPACE = ['', ' ', '\n', '\t', '\r\n', '  \n  '];
const JSON_PREFIXES = ['', '', '', '\ufeff', '\n', ' \n', '\t', '\u000b', '\u000c', '\u0085', '\u00a0', '\u2028', '\ufeff\ufeff', '# c\n', '---\n', '\n---\n'];
const JSON_TAILS = ['', '', '', '\n', '\n---\n', '---\n', '\n{}', '\nnull', '\n[1]', '\n"s"', '\n1', ' x', '\n# c', '\n// c', '\n/* c */', ',', '\n}', '\n...\n', '\n---\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"z"}}'];

/** A stream of JSON values (ConfigMaps mostly), or a JSON text kubectl reads as YAML (one that starts with "["). */
export function jsonStream(random: Random): string {
  const { int, pick, chance } = picker(random);
  const space = () => (chance(0.7) ? '' : pick(JSON_SPACE));
  const string = () => `"${Array.from({ length: 1 + int(3) }, () => pick(JSON_STRINGS)).join('')}"`;
  const scalar = () => {
    const kind = int(10);
    return kind < 4 ? string() : kind < 8 ? pick(JSON_NUMBERS) : pick(['true', 'false', 'null', 'True', 'nul']);
  };
  const value = (depth: number): string => {
    const kind = int(10);
    if (depth < 4 && kind < 2) return `[${space()}${Array.from({ length: int(4) }, () => value(depth + 1)).join(`,${space()}`)}${chance(0.05) ? ',' : ''}${space()}]`;
    if (depth < 4 && kind < 4) return object(depth + 1, []);
    return scalar();
  };
  const object = (depth: number, head: readonly string[]): string => {
    const entries = [...head, ...Array.from({ length: int(4) }, () => `"${pick(JSON_KEYS)}"${space()}:${space()}${value(depth)}`)];
    return `{${space()}${entries.join(`,${space()}`)}${chance(0.04) ? ',' : ''}${space()}}`;
  };
  const configMap = () => object(0, ['"apiVersion":"v1"', '"kind":"ConfigMap"', `"metadata":{"name":"x${int(9)}"}`, ...(chance(0.6) ? [`"data":${object(1, [])}`] : [])]);
  const values = Array.from({ length: chance(0.7) ? 1 : 2 + int(2) }, configMap).join(pick(['\n', '', ' ', '\n\n', '\n---\n']));
  const text = `${pick(JSON_PREFIXES)}${values}${pick(JSON_TAILS)}${pick(['\n', '', '\r\n'])}`;
  return chance(0.08) ? `[${text}]` : text;
}

/** A ConfigMap whose data holds flow collections written like JSON, white space and comments between every token. */
export function jsonLikeFlow(random: Random): string {
  const { int, pick, chance } = picker(random);
  const anchors: string[] = [];
  const gap = () => pick(['', '', ' ', '\t', ' \t', '\n    ', '\n\t', ' # c\n    ', '#c\n    ', '\n', '\n  ', '\t\n     ', '\n\t \t', '\n#c\n ']);
  const properties = () => {
    let out = chance(0.1) ? pick(['!!str ', '!!int ', '! ', '!!map ', '!!seq ', '!x ']) : '';
    if (chance(0.1)) {
      const name = pick(['a', 'b', 'c1']);
      anchors.push(name);
      out += `&${name} `;
    }
    return chance(0.3) && out ? `${out.trim()}${pick([' ', '\t'])}` : out;
  };
  const scalar = () => {
    const kind = int(12);
    if (kind < 3) return `"${pick(['a', 'b c', '', ' ', '\\t', '\\u00e9', '\\/', 'x:y', '#', '\\ud83d\\ude00', '\\\n  x'])}"`;
    if (kind < 5) return `'${pick(['a', "it''s", '', '#', ' x '])}'`;
    if (kind < 7) return pick(['1', '1.0', '-0', '0x1F', 'yes', '~', 'null', 'true', '1e3', '.5', 'a b', 'é', 'x-y', '-', '2001-12-14']);
    if (kind < 8 && anchors.length > 0) return `*${pick(anchors)}`;
    return pick(['a', 'k', 'v']);
  };
  const value = (depth: number): string => {
    const kind = int(10);
    if (depth < 3 && kind < 3) return `${properties()}${mapping(depth + 1)}`;
    if (depth < 3 && kind < 5) return `${properties()}${sequence(depth + 1)}`;
    return `${properties()}${scalar()}`;
  };
  const pair = (depth: number) => {
    const key = chance(0.7) ? `${properties()}"${pick(['a', 'b', 'name', 'k', 'a'])}"` : `${properties()}${chance(0.5) ? pick(['a', 'k', '1', 'é']) : scalar()}`;
    return `${chance(0.05) ? '? ' : ''}${key}${pick([':', ': ', ' :', '\t:', ':\t', ' : ', ':\n    '])}${chance(0.1) ? '' : value(depth)}`;
  };
  const items = (depth: number, item: (depth: number) => string) => {
    const all = Array.from({ length: int(4) }, () => item(depth));
    return all.map((text, index) => `${text}${index < all.length - 1 ? `${gap()},${gap()}` : chance(0.1) ? ',' : ''}`).join('');
  };
  const mapping = (depth: number): string => `{${gap()}${items(depth, pair)}${gap()}}`;
  const sequence = (depth: number): string => `[${gap()}${items(depth, (at) => (chance(0.2) ? pair(at) : value(at)))}${gap()}]`;
  if (chance(0.3)) return `${chance(0.5) ? '' : '\n'}${mapping(0)}\n`;
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'data:'];
  for (let n = 1 + int(3); n > 0; n--) lines.push(`  ${pick(['a', 'b', '"q"', 'k'])}${pick([': ', ':\t', ':  '])}${chance(0.5) ? mapping(0) : sequence(0)}`);
  return `${lines.join('\n')}\n`;
}

const STREAM_DOCUMENTS = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}}\n',
  '{"apiVersion": "v1",\n "kind": "ConfigMap", "metadata": {"name": "j2"}}\n', '# only a comment\n', '', '\n', '...\n', 'a: |\n  ---\n  x\n',
  'a: "x\n---\ny"\n', '- a\n- b\n', '"s"\n', '[1, 2]\n', 'k: v\n...\n', 'k: v\n... # c\n', '%YAML 1.1\n---\nk: v\n', 'k: >\n  a\n\n',
  'k: |+\n  a\n\n', '\ufeffk: v\n', 'k: v\r\n', 'k: v\r', 'k:\n  - x\n  -\n', '? a\n: b\n', 'k: &a x\nl: *a\n', 'k: *a\n', '--- k: v\n', '{a: 1}\n',
  '  k: v\n', 'k: v # c\n',
];
const STREAM_SEPARATORS = ['---\n', '---\n', '--- \n', '---\t\n', '--- # c\n', '---#c\n', '----\n', ' ---\n', '---\r\n', '--- x\n', '...\n---\n', '---\n---\n', '\n---\n', '--- |\n  s\n', '--- >-\n  f\n', '---\ufeff\n'];

/** A file of several documents and the separators, markers and line ends between them. */
export function documentStream(random: Random): string {
  const { int, pick, chance } = picker(random);
  const parts: string[] = chance(0.15) ? [pick(['---\n', '\ufeff', '\n', '# head\n', '%YAML 1.1\n'])] : [];
  for (let n = 1 + int(4); n > 0; n--) parts.push(pick(STREAM_DOCUMENTS), n > 1 ? pick(STREAM_SEPARATORS) : '');
  if (chance(0.2)) parts.push(pick(['---\n', '---', '...\n', '\n\n', '---\n# c\n', '\r\n']));
  const text = parts.join('');
  return chance(0.1) ? text.replace(/\n/g, '\r\n') : text;
}

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
/** Keys go-yaml decodes to numbers, booleans, nulls, timestamps (as text) or collections, plain, tagged and quoted. */
const KEYS = ['0.1', '1.0', '1.5', '-0.0', '1e3', '1E-7', '123456789.123', '16777217', '16777217.0', '3.4e38', '3.5e38', '1e39', '.inf', '-.inf', '.nan',
  '+.5', '0x10', '0o17', '017', '08', '1_000', '1:30', '-1:30', '1:30.5', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', '~', 'null', '', '2001-12-14',
  '2001-12-14 21:59:43.10 -5', '9223372036854775807', '9223372036854775808', '-9223372036854775809', '18446744073709551616', '1e400', '!!binary aGk=',
  '!!float 1', '!!float 1000000', '!!int 07', '!!str 1.0', '!!bool yes', '!!null ~', '!!timestamp 2001-12-14', '"1.0"', "'yes'", '[a]', '{a: 1}',
  '0.30000000000000004', '1.0000001', '100000000', '1e+16', '12345678', '0.000001', '0.0000001', '-', '+1', '0b11', '6.8523015e+5', '685_230.15', '190:20:30.15'];

/** Keys of different Go types or values that sigs.k8s.io/yaml gives one JSON name. */
const JSON_ALIKE = [['1', '"1"', '1.0', '!!float 1', '01'], ['true', 'yes', '"true"', 'On'], ['3.5e38', '1e39', '.inf', '".inf"'], ['.nan', '.NaN', '".nan"'],
  ['1e3', '1000', '"1000"', '1_000.0'], ['16777217', '16777216.0', '"16777217"'], ['-0.0', '0', '"0"', '-0']];

/**
 * A mapping whose keys are not strings: sigs.k8s.io/yaml names them (integers by their digits, floats as Go prints a
 * float32, booleans) or refuses them (null, uint64, collections), and go-yaml's strict decoding calls equal Go values
 * duplicates. Keys of different Go values can share a name, and which one's value kubectl keeps then depends on Go's
 * map order: the oracle calls that LOSSY where the values differ, and the loader warns.
 */
export function mapKeys(random: Random): string {
  const { int, pick, chance } = picker(random);
  const lines: string[] = [];
  const alike = pick(JSON_ALIKE);
  for (let n = 1 + int(4); n > 0; n--) {
    const key = chance(0.4) ? pick(alike) : pick(KEYS);
    // two values: keys JSON names alike with different ones are kubectl's random pick
    const value = pick(['v', 'v', 'w']);
    if (chance(0.15)) lines.push(`  ? ${key}\n  : ${value}`);
    else if (chance(0.15)) lines.push(`  {${key}: v}: ${value}`);
    else lines.push(`  ${key}: ${value}`);
  }
  if (chance(0.2)) return `${lines.map((line) => line.slice(2)).join('\n')}\n`;
  return `${CONFIG_MAP}data:\n${lines.join('\n')}\n`;
}

const MERGE_ANCHORS = ['base: &a {x: 1, y: 2}', 'other: &b\n  y: 3\n  z: 4', 'chain: &c\n  <<: *a\n  w: 5', 'list: &l [1, 2]', 'scalar: &s hello',
  'nested: &n {x: {deep: 1}, <<: {q: 1}}', 'empty: &e {}', 'nul: &z ~', 'maps: &m [{p: 1}, {p: 2, r: 3}]', 'tagged: &t !!map {t: 1}'];
const MERGE_VALUES = ['*a', '*b', '*c', '[*a, *b]', '[*b, *a]', '[*a, *c]', '*l', '*s', '*n', '*e', '*z', '[]', '{}', '~', '[*a, {y: 9}]', '{y: 10}',
  '[{k: 1}, {k: 2}]', '*m', '[*m]', '[*a, *a]', '[*e]', '[[*a]]', '[*z]', '"str"', '!!map {h: 1}', '&inner {i: 1}'];
const MERGE_KEYS = ['<<', '<<', '<<', '"<<"', "'<<'", '!!merge <<', '!!str <<'];

/**
 * Anchors and merge keys (`<<`): aliases of mappings, lists and scalars, lists of aliases and of mappings written in
 * place, keys before and after the merge, in block and flow mappings and in the mappings of a list.
 */
export function mergeKeys(random: Random): string {
  const { int, pick, chance } = picker(random);
  const entries = (indent: string) => Array.from({ length: 1 + int(3) }, () =>
    chance(0.3) ? `${indent}${pick(['x', 'y', 'z', 'w'])}: ${pick(['o1', '2', '~', '[3]'])}` : `${indent}${pick(MERGE_KEYS)}: ${pick(MERGE_VALUES)}`);
  const uses = Array.from({ length: 1 + int(3) }, (_, index) => {
    switch (int(3)) {
      case 0: return `use${index}:\n${entries('  ').join('\n')}`;
      case 1: return `use${index}:\n${Array.from({ length: 1 + int(2) }, () => `- ${entries('  ').join('\n').slice(2)}`).join('\n')}`;
      default: return `use${index}: {${entries('').join(', ')}}`;
    }
  });
  return `${MERGE_ANCHORS.filter(() => chance(0.8)).join('\n')}\n${uses.join('\n')}\n`;
}
