import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { chunksOf, fastReading, fullReading } from '../../test/fast-path-reading.js';
import { readPlainBlockDocument } from './plain-block-reader.js';

const LIMITS = { maxDepth: 128, maxValues: 1_000_000 };
const read = (text: string) => readPlainBlockDocument(text, 0, LIMITS)?.value;

function expectSameAsFullPath(text: string, offset = 7): void {
  const fast = fastReading(text, offset);
  if (fast !== undefined) expect(fullReading(text, offset)).toEqual([fast]);
}

describe('readPlainBlockDocument', () => {
  it('reads block mappings and sequences with YAML 1.1 scalars', () => {
    const text = 'a: yes\nb:\n- 0755\n- "x y"\n- k: 1_000\n  l: ~\nc: \'it\'\'s\' # note\nd:\ne: {}\nf:\n  - []\n';
    expect(read(text)).toEqual({ a: true, b: [493, 'x y', { k: 1000, l: null }], c: "it's", d: null, e: {}, f: [[]] });
    expect(read('a: "one\\ntwo\\t\\"three\\" \\\\"\n')).toEqual({ a: 'one\ntwo\t"three" \\' });
  });

  it('folds plain scalars over deeper lines as go-yaml does', () => {
    const text = 'a: one\n  two  \n\n   three # c\nb:\n- x\n y\n- 1\n  2\nc: d\n  # c\ne: f\ng: a\n  --b\n  "c"\n';
    expect(read(text)).toEqual({ a: 'one two\nthree', b: ['x y', '1 2'], c: 'd', e: 'f', g: 'a --b "c"' });
  });

  it('folds quoted scalars over deeper lines as go-yaml does', () => {
    const text = "a: 'one  \n  two\n\n   it''s'\nb:\n- \"x\\ty \n y\"\nc: d\n";
    expect(read(text)).toEqual({ a: "one two\nit's", b: ['x\ty y'], c: 'd' });
  });

  it('reads literal and folded block scalars, folding and chomping as go-yaml does', () => {
    const text = 'a: |\n  one\n   two\n\n  three\nb: >-\n  x\n  y\n\n  z\n   w\n  v\nc: |+\n  keep\n\n\nd:\n- >\n\n  folded\n  # kept\n';
    expect(read(text)).toEqual({ a: 'one\n two\n\nthree\n', b: 'x y\nz\n w\nv', c: 'keep\n\n\n', d: ['\nfolded # kept\n'] });
  });

  it.each([
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n  text\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['a block scalar whose last line has no line break', 'a: |\n  text'],
    ['a block scalar with a tab', 'a: |\n  te\txt\n'],
    ['a white space line deeper than a block scalar', 'a: |\n  x\n   \n  y\n'],
    ['an anchor', 'a: &x 1\n'],
    ['a multi-line plain scalar with a line starting with an indicator', 'a: one\n  - two\n'],
    ['a multi-line plain scalar with a mapping value', 'a: one\n  two: x\n'],
    ['a double-quoted escape other than \\n, \\t, \\" and \\\\', 'a: "x\\$y"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a merge key', '<<: {}\n'],
    ['a tab', 'a:\tb\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a mapping value on a key line', 'a: b: c\n'],
    ['a scalar document', 'just text\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(read(text)).toBeUndefined();
  });

  it('agrees with the full path on every fixture document it accepts', () => {
    for (const file of fg.sync('fixtures/**/*.{yaml,yml,json}')) {
      for (const chunk of chunksOf(readFileSync(file, 'utf8'))) expectSameAsFullPath(chunk.text, chunk.offset);
    }
  });

  it('agrees with the full path on generated block YAML', () => {
    fc.assert(fc.property(blockText(cleanTree, 0), (text) => expectSameAsFullPath(text)), { numRuns: 2000 });
  });

  it('agrees with the full path on generated block scalars', () => {
    let read = 0;
    fc.assert(fc.property(blockText(blockScalarTree, 1), (text) => {
      expectSameAsFullPath(text);
      if (fastReading(text, 7) !== undefined) read++;
    }), { numRuns: 3000 });
    // a good share must take the fast path, or the comparison says little
    expect(read).toBeGreaterThan(400);
  });

  it('agrees with the full path on generated block YAML with traps and junk lines', () => {
    fc.assert(fc.property(blockText(anyTree, 2), (text) => expectSameAsFullPath(text)), { numRuns: 5000 });
  });
});

const KEYS = ['a', 'b', 'name', 'image', 'spec', 'yes', 'on', '1', '0x1F', '~', 'null', 'a:b', '-x', 'a#b', 'é', 'app.kubernetes.io/name', 'k '];
const TRICKY_KEYS = ['"q"', "'s'", '<<', 'a #b', '?x', '? x', '__proto__', '&a k', '!t k', '[k]'];
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS) });
/** Scalars the fast reader takes (with YAML 1.1 traps), then ones it must leave to the full parser. */
const SCALARS = [
  'x', 'two words', '0755', '1_000', '0x1F', '.5', '-.inf', '.NaN', 'Off', 'y', 'NULL', '~', '1e3', '+1', '0o17', '0b101', '12:30', '2001-12-14',
  '-1', '18446744073709551616', '"a b"', '"a\\nb"', '"t\\t\\"q\\" \\\\"', "'it''s'", '""', "''", 'x # c', 'a#c', 'http://x:80', '--flag', 'é', '"a" #c', 'x  ', '{}', '[]', '{} # c',
];
const TRICKY = [
  '"x\\n"', '"x\\/"', '"\\$"', '"\\u00e9"', '"a\\', '"open', 'a: b', 'a #c', 'a#c', 'http://x:80', '-', '--flag', '[a]',
  '{a: 1}', '{ }', '[]x', '{}}', '|', '>-', '&a x', '*a', '!!str 1', '@x', '%x', 'x:', '? x', '"a" b', '"a"#c', '"a" #c', 'x  ', '#c', '',
];
const JUNK = ['', '# comment', '   # comment', '...', '--- # c', '%YAML 1.1', '\t', 'a:\tb', ' x', '- ', '-', '  - - a', 'k: v: w', '"k": 1'];

/**
 * Block scalar headers and lines (lines are written below the header, one level deeper, as they are here); a plain
 * scalar as the header makes the lines its continuation lines.
 */
const BLOCK_HEADERS = ['|', '>', '|-', '>-', '|+', '>+', '| # c', '>- #c', 'plain', 'two words', '1', 'yes', 'x # c', '"quoted', "'quoted  ", '"', "'"];
const TRICKY_BLOCK_HEADERS = ['|#c', '|2', '>1-', '|-  ', '|x'];
const BLOCK_LINES = ['--dry-run x', '"Deployment", "Service").', ':x', '?y', 'line', 'two words', '  more', ' one more', '', ' ', '# not a comment', 'a: b', '- x', 'trailing  ', '"q"', 'end"', "end'", "it''s", 'say \\"hi\\"', "end' # c", 'end" x'];
const TRICKY_BLOCK_LINES = ['    ', 'x\t', '\tx'];
const blockLine = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...BLOCK_LINES) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_BLOCK_LINES) });
const blockScalar = fc.record({
  block: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...BLOCK_HEADERS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_BLOCK_HEADERS) }),
  lines: fc.tuple(fc.array(blockLine, { maxLength: 2 }), fc.constantFrom('text', 'more text'), fc.array(blockLine, { maxLength: 3 })).map(([before, first, after]) => [...before, first, ...after]),
});

type Block = { readonly block: string; readonly lines: readonly string[] };
type Tree = string | Block | { readonly map: readonly [string, Tree][] } | { readonly list: readonly Tree[] };

/** Trees of the given keys and scalars; `nestedLists` allows `- - x`, which the fast reader leaves alone. */
function treeOf(keys: fc.Arbitrary<string>, scalars: fc.Arbitrary<Tree>, nestedLists: boolean): fc.Arbitrary<Tree> {
  return fc.letrec<{ node: Tree; map: Tree; list: Tree }>((self) => ({
    node: fc.oneof({ depthSize: 'medium', withCrossShrink: true }, scalars, self('map'), self('list')),
    map: fc.record({ map: fc.uniqueArray(fc.tuple(keys, self('node')), { minLength: 1, maxLength: 4, selector: ([name]) => name.trim() }) }),
    list: fc.record({ list: fc.array(nestedLists ? self('node') : fc.oneof(scalars, self('map')), { minLength: 1, maxLength: 3 }) }),
  })).node;
}

const anyTree = treeOf(key, fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 1, arbitrary: blockScalar }), true);
/** Small mappings (some in a sequence) of block scalars and plain scalars. */
const blockScalarMap = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof({ weight: 3, arbitrary: blockScalar }, fc.constantFrom('x', '1'))), { minLength: 1, maxLength: 3, selector: ([name]) => name }).map((map): Tree => ({ map }));
const blockScalarTree = fc.oneof(blockScalarMap, fc.array(fc.oneof(blockScalarMap, blockScalar), { minLength: 1, maxLength: 3 }).map((list): Tree => ({ map: [['k', { list }]] })));
const cleanTree = treeOf(fc.constantFrom(...KEYS), fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: blockScalar }), false);

interface Style {
  readonly width: number;
  /** Sequences under a key at the key's own column (kubectl style) or indented. */
  readonly flushSequences: boolean;
}

function emit(node: Tree, column: number, style: Style): string[] {
  const pad = ' '.repeat(column);
  if (typeof node === 'string') return [`${pad}${node}`];
  if ('block' in node) return [`${pad}${node.block}`, ...blockLines(node, column + style.width)];
  if ('map' in node) {
    return node.map.flatMap(([key, value]) => {
      if (typeof value === 'string') return [`${pad}${key}: ${value}`];
      if ('block' in value) return [`${pad}${key}: ${value.block}`, ...blockLines(value, column + style.width)];
      const nested = 'list' in value && style.flushSequences ? column : column + style.width;
      return [`${pad}${key}:`, ...emit(value, nested, style)];
    });
  }
  return node.list.flatMap((item) => {
    const lines = emit(item, column + 2, style);
    const first = lines[0] ?? '';
    return [`${pad}- ${first.slice(column + 2)}`, ...lines.slice(1)];
  });
}

/** White space lines as they are (their spaces are the point), the others at `column`. */
function blockLines(node: Block, column: number): string[] {
  return node.lines.map((line) => (line.trim() === '' ? line : `${' '.repeat(column)}${line}`));
}

const blockText = (trees: fc.Arbitrary<Tree>, maxMutations: number) => fc
  .tuple(
    trees,
    fc.record({ width: fc.integer({ min: 1, max: 4 }), flushSequences: fc.boolean() }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...JUNK), fc.boolean()), { maxLength: maxMutations }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([root, style, mutations, eol, marker]) => {
    const lines = emit(typeof root === 'string' ? { map: [['k', root]] } : root, 0, style);
    for (const [at, junk, replace] of mutations) lines.splice(at % (lines.length + 1), replace ? 1 : 0, junk);
    return `${marker ? '---\n' : ''}${lines.join(eol)}${eol}`;
  });
