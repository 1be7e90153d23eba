// A grammar-directed generator of small YAML documents for the go-yaml oracle (scripts/fuzz-inputs.ts --oracle):
// tags, anchors, aliases and merge keys, block scalars with their indicators, flow collections over lines, comments,
// quoted scalars with escapes and folded lines, document markers and directives, tabs, CRLF, a byte order mark, keys
// that are not strings, duplicate keys, and the YAML 1.1 forms go-yaml resolves (0o17, 1_000, .5, +1, 0x1F, yes/on, ~,
// timestamps). Half the documents draw their scalars, escapes and tags from lists go-yaml mostly reads, so that values
// are compared too, half from hostile ones.

/** One document, drawn with `random` (a seeded generator returning numbers in [0, 1)). */
export function grammarDocument(random: () => number): string {
  return new Grammar(random).document();
}

const RESOLVE = ['0o17', '017', '0x1F', '0X1f', '0b101', '1_000', '1_0.5', '.5', '+1', '-1', '+.5', '1.', '1e3', '1E+3', '1.0e-3', '6.8523015e+5',
  '685.230_15e+03', '190:20:30', '1:30', '-1:30', '0', '-0', '+0', '00', '08', '09', '0.', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN',
  'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'Off', 'y', 'Y', 'n', 'N', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False',
  '~', 'null', 'Null', 'NULL', 'nULL', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z',
  '2002-1-1', '9223372036854775807', '9223372036854775808', '-9223372036854775808', '18446744073709551615', '18446744073709551616', '1e400',
  '0x_1F', '0b1_0', '-0x1F', '+0x1F', '0o8', '0xG', '1__0', '_1', '1_', '12:', '=', '<<', '0.1.2', '1e', 'e3', '+', '-.', '.', '._1'];
const PLAIN = {
  mild: ['a', 'b c', 'x-y', 'a:b', 'a#b', 'http://x', 'k.v', 'é', '-a', '?a', ':a', 'a,b', 'a]b', 'a}', 'a{', 'a  b', 'a\tb', "a'b", 'a"b', 'a!', 'a&b', 'a*', 'a|', 'a>', 'a%', 'a@', 'a`', 'a?', 'a-', '-1a', '0x', '12e', '0.5.5'],
  hostile: ['a', 'b c', 'x-y', 'a:b', 'a#b', 'a #b', 'http://x', 'k.v', 'é', '-a', '?a', ':a', 'a,b', 'a]b', 'a}', 'a{', '@a', '%a', '`a', '!a', '&a b', '*a', '|a', '>a'],
};
const ESCAPES = {
  mild: ['\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\a', '\\b', '\\e', '\\f', '\\r', '\\v', '\\ ', '\\N', '\\_', '\\L', '\\P', '\\\t', '\\\n'],
  hostile: ['\\n', '\\t', '\\"', '\\\\', '\\/', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\a', '\\b', '\\e', '\\f', '\\r', '\\v', '\\ ', '\\N', '\\_', '\\L', '\\P', '\\\t', '\\q', '\\x4', '\\ud800', '\\\n'],
};
const TAGS = {
  mild: ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!timestamp', '!foo', '!', '!<tag:yaml.org,2002:str>', '!!map', '!!seq'],
  hostile: ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!timestamp', '!!map', '!!seq', '!foo', '!', '!<tag:yaml.org,2002:str>', '!!merge', '!!omap', '!!set', '!e!x'],
};
const BLOCK_HEADERS = ['|', '>', '|-', '>-', '|+', '>+', '|2', '>1', '|1-', '|-1', '>+2', '|0', '|10'];
const BLOCK_LINES = ['a', 'b c', '', ' x', '  more', '\tt', '# not', 'a: b', '', '- c'];
const DIRECTIVES = ['%YAML 1.1\n', '%YAML 1.2\n', '%TAG ! tag:example.com,2000:\n', '%FOO bar\n', '%YAML 1.1\n%YAML 1.1\n'];

class Grammar {
  readonly #random: () => number;
  readonly #style: 'mild' | 'hostile';
  #anchors: string[] = [];

  constructor(random: () => number) {
    this.#random = random;
    this.#style = random() < 0.5 ? 'mild' : 'hostile';
  }

  document(): string {
    const parts: string[] = [];
    if (this.#chance(0.05)) parts.push('\uFEFF');
    if (this.#chance(0.1)) parts.push(`${this.#pick(DIRECTIVES)}---\n`);
    else if (this.#chance(0.15)) parts.push(this.#pick(['---\n', '--- # c\n', '--- ', '---\t']));
    if (this.#chance(0.2)) parts.push('# head\n');
    const kubernetes = this.#chance(0.5) ? 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' : '';
    const body = this.#chance(0.85) ? `${kubernetes}${this.#mapping(0, 0)}` : this.#chance(0.5) ? this.#sequence(0, 0) : `${this.#properties()}${this.#pick(RESOLVE)}`;
    parts.push(body, '\n');
    if (this.#chance(0.15)) parts.push(this.#pick(['...\n', '---\n', '--- \n', '...\n---\n']) + (this.#chance(0.5) ? `${this.#mapping(0, 0)}\n` : ''));
    const text = parts.join('');
    return this.#chance(0.08) ? text.replace(/\r?\n/g, '\r\n') : text;
  }

  #mapping(indent: number, depth: number): string {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (let n = 1 + this.#int(4); n > 0; n--) {
      if (this.#chance(0.08)) lines.push(`${pad}${this.#pick(['#', '# c', ''])}`);
      const key = this.#key();
      if (key.startsWith('? ') && this.#chance(0.5)) {
        lines.push(`${pad}${key}${this.#comment()}`, `${pad}: ${this.#properties()}${this.#scalar(indent)}`);
        continue;
      }
      const value = this.#value(indent, depth);
      const separator = value === '' || value.startsWith('\n') || value.startsWith(' #') ? ':' : this.#pick([': ', ': ', ': ', ':\t', ':  ', ':']);
      lines.push(`${pad}${key}${separator}${value}${this.#comment()}`);
    }
    return lines.join('\n');
  }

  #sequence(indent: number, depth: number): string {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (let n = 1 + this.#int(3); n > 0; n--) {
      const kind = this.#int(6);
      if (kind === 0 && depth < 3) lines.push(`${pad}- ${this.#mapping(indent + 2, depth + 1).trimStart()}`);
      else if (kind === 1 && depth < 3) lines.push(`${pad}- ${this.#sequence(indent + 2, depth + 1).trimStart()}`);
      else lines.push(`${pad}-${this.#pick([' ', ' ', '\t', '  '])}${this.#value(indent + 2, depth).replace(/^\n/, '')}${this.#comment()}`);
    }
    return lines.join('\n');
  }

  #value(indent: number, depth: number): string {
    const kind = this.#int(12);
    if (kind < 2 && depth < 3) return `${this.#properties()}${this.#comment()}\n${this.#mapping(indent + this.#pick([2, 2, 4, 1]), depth + 1)}`;
    if (kind < 4 && depth < 3) return `${this.#properties()}${this.#comment()}\n${this.#sequence(indent + this.#pick([0, 2, 2]), depth + 1)}`;
    if (kind < 6) return `${this.#properties()}${this.#flow(0).replace(/\n/g, `\n${' '.repeat(indent)}${this.#pick(['  ', ' ', '   '])}`)}`;
    if (kind < 7 && this.#anchors.length > 0) return `*${this.#pick(this.#anchors)}`;
    if (kind < 8) return '';
    return this.#properties() + this.#scalar(indent);
  }

  #key(): string {
    const kind = this.#int(20);
    if (kind < 10) return this.#pick(['name', 'k', 'image', 'labels', 'a', 'b', 'name']);
    if (kind < 12) return this.#pick(RESOLVE.filter((text) => !/[:#]/.test(text) && text !== '<<'));
    if (kind < 13) return '<<';
    if (kind < 14) return this.#quoted().replace(/\n/g, ' ');
    if (kind < 15) return `[${this.#pick(['a', '1', 'a, b'])}]`;
    if (kind < 16) return `{${this.#pick(['a: 1', 'k: v'])}}`;
    if (kind < 17 && this.#anchors.length > 0) return `*${this.#pick(this.#anchors)} `;
    if (kind < 18) return `${this.#properties()}k`;
    return this.#pick(['? k', '? [a]', '?', '"a\\tb"', "'k''s'", 'k ', 'é', '-k', 'k#']);
  }

  #scalar(indent: number): string {
    const kind = this.#int(10);
    const text =
      kind < 4 ? this.#pick(RESOLVE)
      : kind < 6 ? this.#pick(PLAIN[this.#style])
      : kind < 8 ? this.#quoted()
      : kind < 9 ? this.#blockScalar(indent)
      : this.#pick(PLAIN[this.#style]) + (this.#chance(0.5) ? `\n${' '.repeat(indent + 2)}${this.#pick(PLAIN[this.#style])}` : '');
    return text.replace(/\n(?!$)/g, `\n${' '.repeat(Math.max(indent + 1, 1))}`);
  }

  #quoted(): string {
    const pieces = (choices: readonly string[]) => Array.from({ length: 1 + this.#int(3) }, () => this.#pick(choices)).join('');
    if (this.#chance(0.5)) {
      const text = pieces([this.#pick(PLAIN[this.#style]), this.#pick(ESCAPES[this.#style]), ' ', '\n', '\n\n', '\n  ', '\t', "'"]);
      return `"${text.replace(/"/g, '\\"').replace(/\\\\"/g, '\\"')}"`;
    }
    return `'${pieces([this.#pick(PLAIN[this.#style]), "''", ' ', '\n', '\n\n', '\n  ', '\t', '"', '\\n'])}'`;
  }

  #blockScalar(indent: number): string {
    const pad = ' '.repeat(indent + 2 + this.#pick([0, 0, 1]));
    const lines = Array.from({ length: 1 + this.#int(4) }, () => this.#pick(BLOCK_LINES));
    const body = lines.map((line) => (line === '' ? this.#pick(['', ' ', pad]) : pad + line)).join('\n');
    return `${this.#pick(BLOCK_HEADERS)}${this.#comment()}\n${body}${this.#pick(['', '\n', '\n\n'])}`;
  }

  #flow(depth: number): string {
    const open = this.#pick(['[', '{']);
    const items = Array.from({ length: this.#int(4) }, () => {
      const value = depth < 2 && this.#chance(0.25) ? this.#flow(depth + 1) : this.#flowScalar();
      const isPair = open === '{' ? this.#chance(0.8) : this.#chance(0.1);
      return isPair ? `${this.#flowScalar()}: ${value}` : value;
    });
    const body = items.map((item, index) => item + (index < items.length - 1 ? this.#pick([', ', ',', ',\n  ', ' ,', ',\n', ', # c\n  ', ',\t']) : '')).join('');
    return `${open}${this.#pick(['', ' ', '\n  '])}${body}${this.#pick(['', ',', ' ', '\n'])}${open === '[' ? ']' : '}'}`;
  }

  #flowScalar(): string {
    const kind = this.#int(6);
    if (kind < 3) return this.#pick(RESOLVE.filter((text) => !/[:,]/.test(text)));
    if (kind < 4) return this.#quoted().replace(/\n/g, ' ');
    if (kind < 5 && this.#anchors.length > 0) return `*${this.#pick(this.#anchors)}`;
    return this.#properties() + this.#pick(['a', 'b c', 'é', 'a-b', '"k"']);
  }

  /** A tag, an anchor, both (in either order), or nothing; the anchor is remembered for aliases. */
  #properties(): string {
    const tag = this.#chance(0.12) ? `${this.#pick(TAGS[this.#style])} ` : '';
    let anchor = '';
    if (this.#chance(0.12)) {
      const name = this.#pick(['a', 'b', 'x1', 'k-y']);
      this.#anchors.push(name);
      anchor = `&${name} `;
    }
    return this.#chance(0.05) ? anchor + tag : tag + anchor;
  }

  #comment(): string {
    return this.#pick(['', '', '', ' # c', '  #c', '\t# t', ' #']);
  }

  #int(n: number): number {
    return Math.floor(this.#random() * n);
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#int(items.length)] as T;
  }

  #chance(p: number): boolean {
    return this.#random() < p;
  }
}
