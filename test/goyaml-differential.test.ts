// The loader against go-yaml v2 itself (test/goyaml-oracle): every fixture and generated YAML full of the syntax
// where parsers disagree must get the same verdict (accepted, rejected, or an error where go-yaml drops content) and,
// when accepted, the same values; when rejected for a syntax error, go-yaml's words for it. Skips where Go or go-yaml's source (Debian: golang-gopkg-yaml.v2-dev) is absent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithOracle, goYamlOracle, runOracle } from './goyaml-oracle.js';
import { Random } from '../bench/random.js';
import { mapKeys, mergeKeys } from '../scripts/differential-grammars.js';

const oracle = goYamlOracle();

describe.skipIf(!oracle)('the loader agrees with go-yaml v2 (what kubectl parses with)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kubefit-goyaml-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('on every fixture', () => {
    const files = fg.sync('fixtures/**/*.{yaml,yml,json}').sort();
    const verdicts = runOracle(oracle ?? '', files);
    const disagreements = files.flatMap((file) => compareWithOracle(file, readFileSync(file, 'utf8'), verdicts.get(file) ?? []));
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['generated YAML: flow collections, escapes, block scalars, anchors, tags, directives, odd indentation, line ends', () => fc.sample(yamlFile, { numRuns: 500, seed: 12 })],
    ['generated block scalars and multi-line plain and quoted scalars: folding, chomping, blank and more-indented lines, in mappings and sequences', () => fc.sample(blockScalarFile, { numRuns: 400, seed: 7 })],
    ['generated keys that are not strings: numbers, floats named as float32, booleans, tagged keys, duplicates by Go value', () => drawn(mapKeys, 600, 21)],
    ['generated merge keys: aliases of mappings, lists and scalars, lists written in place, overrides, flow mappings', () => drawn(mergeKeys, 600, 22)],
  ])('on %s', (_, sample) => {
    const samples = sample();
    const files = samples.map((text, index) => {
      const file = join(scratch, `sample-${index}.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const verdicts = runOracle(oracle ?? '', files);
    const disagreements = files.flatMap((file, index) => compareWithOracle(file, samples[index] ?? '', verdicts.get(file) ?? []));
    expect(disagreements.map((found) => ({ ...found, text: JSON.stringify(samples[files.indexOf(found.file)]) }))).toEqual([]);
  });
});

/** `count` texts of a generator of scripts/differential-grammars.ts, drawn from one seeded random source. */
function drawn(generator: (random: () => number) => string, count: number, seed: number): string[] {
  const random = new Random(seed);
  return Array.from({ length: count }, () => generator(() => random.next()));
}

const plain = fc.constantFrom('1', '0x1F', '0o17', '017', '+12', '-3', '1_000', '1.5', '1e3', '.5', 'yes', 'No', 'on', '~', 'null', '.inf', '-.Inf', '.nan', '2001-12-14', 'a b', 'x: y', 'a#b', 'a #c', 'é', '12:30');
const escape = fc.constantFrom('\\t', '\\n', '\\/', "\\'", '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\N', '\\_', '\\L', '\\P', '\\0', '\\a', '\\e', '\\ ', '\\q', '\\x4');
const doubleQuoted = fc.array(fc.oneof(fc.constantFrom('a', ' ', 'b c', '#', ':'), escape), { maxLength: 4 }).map((parts) => `"${parts.join('')}"`);
const singleQuoted = fc.constantFrom("'it''s'", "''", "'a \\n b'", "'#x'");
const tagged = fc.constantFrom('!!str 12', '!!int "3"', '!!int x', '!!float 1', '!!bool yes', '!!null ""', '!custom v', '! 12', '!!binary aGk=', '!!binary a', '!<tag:yaml.org,2002:str> 5');
const scalar = fc.oneof(plain, doubleQuoted, singleQuoted, tagged);
/** Continuation lines at the parent's column, left of it, or deeper. */
const breakAt = fc.constantFrom('\n', '\n  ', '\n    ', '\n      ');
/** Plain scalars that only flow collections read differently (`:` before `,` or `]`, `?` inside). */
const flowPlain = fc.constantFrom('fe80::', 'a:', '::1', 'a?b', 'k:v', '"q":1', "it's:");
const flowSequence = fc.tuple(fc.array(fc.oneof({ weight: 3, arbitrary: scalar }, flowPlain), { maxLength: 3 }), breakAt, fc.boolean()).map(([items, gap, split]) => (split ? `[${gap}${items.join(`,${gap}`)}${gap}]` : `[${items.join(', ')}]`));
const flowMapping = fc.tuple(fc.array(fc.tuple(fc.constantFrom('a', 'b', '"c"', '1', '~'), scalar), { maxLength: 3 }), breakAt, fc.boolean()).map(([pairs, gap, split]) => {
  const body = pairs.map(([key, value]) => `${key}: ${value}`);
  return split ? `{${gap}${body.join(`,${gap}`)}${gap}}` : `{${body.join(', ')}}`;
});
const multiLineQuoted = fc.tuple(fc.constantFrom('"', "'"), breakAt, fc.constantFrom('a', 'b  c', '\\t', '')).map(([quote, gap, tail]) => `${quote}first${gap}${quote === "'" ? tail.replace('\\', '') : tail}${gap}last${quote}`);
const blockScalar = fc.tuple(fc.constantFrom('|', '>', '|-', '>+', '|2', '>-1', '|+'), fc.array(fc.constantFrom('line', '  more', '', '# not a comment', '\tx'), { minLength: 1, maxLength: 3 })).map(([header, lines]) => `${header}\n${lines.map((line) => (line === '' ? '' : `    ${line}`)).join('\n')}`);
const anchored = fc.constantFrom('&a 1', '&b [x, y]', '&c {k: v}', '&d\n  k: v', '!!map {a: 1}', '!!seq [1]', '!!str [1]');
const multiLinePlain = fc.tuple(breakAt, fc.constantFrom('second', '- x', 'k: v', '# c', '...', '---')).map(([gap, next]) => `first${gap}${next}`);
const blockSequence = fc.tuple(fc.constantFrom('\n', '\n  ', '\n '), fc.array(fc.oneof(scalar, fc.constant('- nested'), fc.constant('k: v\n    k2: w')), { minLength: 1, maxLength: 3 })).map(
  ([gap, items]) => items.map((item) => `${gap}- ${item}`).join(''),
);
const blockMapping = fc.tuple(fc.constantFrom('\n  ', '\n    ', '\n '), fc.array(fc.tuple(fc.constantFrom('k', 'l', '"m"', 'k'), scalar), { minLength: 1, maxLength: 3 })).map(
  ([gap, pairs]) => pairs.map(([name, item]) => `${gap}${name}: ${item}`).join(''),
);
const merge = fc.constantFrom('\n  <<: *c\n  k: x', '\n  <<: [*c, {z: 1}]', '\n  <<: 1');
const value = fc.oneof(
  { weight: 3, arbitrary: scalar },
  flowSequence,
  flowMapping,
  multiLineQuoted,
  multiLinePlain,
  blockScalar,
  blockSequence,
  blockMapping,
  anchored,
  merge,
  fc.constantFrom('*a', '*missing', ''),
);
const key = fc.constantFrom('alpha', 'beta', 'gamma', '"quoted key"', "'single'", '? explicit', '? [a, b]', '1', '1.5', 'true', '~', '-x', 'a b', 'a:b');
const entry = fc.tuple(key, value, fc.constantFrom(' ', '  ', '\t'), fc.constantFrom('', ' # note')).map(([name, item, space, comment]) => `${name}:${item === '' ? '' : space}${item}${item.includes('\n') ? '' : comment}`);
const mapping = fc.tuple(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '  ', '\t')).map(([entries, indent]) =>
  `apiVersion: v1\nkind: ConfigMap\ndata:\n${entries.map((line) => `  ${line.replaceAll('\n', '\n  ')}`).join('\n')}\nextra:\n${indent}nested: 1`,
);
const document = fc.tuple(fc.constantFrom('', '%YAML 1.1\n', '--- \n', '---\t# c\n', '--- x\n'), mapping, fc.constantFrom('', '\n...\n', '\n...\nlost: 1', '\n... # end')).map(([head, body, tail]) => `${head}${body}${tail}`);
const topLevel = fc.oneof({ weight: 4, arbitrary: document }, fc.constantFrom('- a\n- b', '"just a string"', '[1, 2]', '', '# only a comment', '...', '&x {a: 1}'));
/** Input starting with "{": kubectl reads it as a stream of JSON values. */
const jsonFile = fc
  .tuple(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'url', 'a'), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', ' ', ''), fc.constantFrom(0, 2, '\t'))
  .map(([objects, gap, indent]) => objects.map((object) => JSON.stringify(object, null, indent).replaceAll('/', '\\/')).join(gap));
const yamlStream = fc.tuple(fc.array(topLevel, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(([documents, lineEnd, bom]) =>
  `${bom ? '\uFEFF' : ''}${documents.join('\n---\n')}\n`.replaceAll('\n', lineEnd),
);
const yamlFile = fc.oneof({ weight: 5, arbitrary: yamlStream }, jsonFile);

/** Block, multi-line plain and quoted scalars the fast reader takes (and some it leaves), under a key or as a sequence item. */
const blockScalarLine = fc.constantFrom('text', 'two  words ', '  more', ' one', '', ' ', '  ', '   ', '# hash', 'k: v', '- x', 'end"', "end'", "it''s", '--flag x', '"q", r', ':x', '[a]');
const blockScalarEntry = fc.tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '| # c', '>2', 'plain', 'two words', '1', 'x # c', '"quoted', "'quoted  "), fc.array(blockScalarLine, { maxLength: 3 }), fc.constantFrom('text', 'first line'), fc.array(blockScalarLine, { maxLength: 4 }), fc.constantFrom('a', '- '), fc.constantFrom(1, 2, 4))
  .map(([header, before, first, after, at, width]) => {
    const pad = ' '.repeat(width);
    const lines = [...before, first, ...after].map((line) => (line.trim() === '' ? line : `${pad}${line}`));
    return at === 'a' ? `a: ${header}\n${lines.join('\n')}` : `list:\n- ${header}\n${lines.map((line) => (line.trim() === '' ? line : ` ${line}`)).join('\n')}`;
  });
// not at the very end of the file without a line break: js-yaml's full path still reads a white-space-only last line
// of a |+ scalar there one line break short of go-yaml (a known difference, left to the go-yaml rewrite)
const blockScalarFile = fc.tuple(blockScalarEntry, fc.constantFrom('\nnext: 1\n', '\n# c\nnext: 1\n', '\n', '\n\n  \n')).map(([entry, tail]) => `${entry}${tail}`);
