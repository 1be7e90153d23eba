import { describe, expect, it } from 'vitest';
import { GO_YAML_PROBLEM_CASES } from '../../test/goyaml-problem-cases.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
import { firstGoYamlError, goYamlProblem } from './go-yaml-problem.js';
import { parseDocuments } from './parse-documents.js';
import { SourceText } from './source-text.js';

function problemAt(text: string): string | undefined {
  const problem = goYamlProblem(text);
  if (!problem) return undefined;
  const { line, column } = new SourceText('doc.yaml', text).rangeOf(problem.offset, problem.offset + 1);
  return `${line}:${column} ${problem.message}`;
}

describe('goYamlProblem', () => {
  // every expected message was printed by go-yaml v2 itself (scripts/goyaml-problem-table.ts checks them again)
  it.each(GO_YAML_PROBLEM_CASES)('$name', ({ text, goYaml, at }) => {
    expect(firstGoYamlError(text)?.goMessage).toBe(goYaml);
    expect(problemAt(text)).toBe(`${at} ${goYaml.replace(/^yaml: (line \d+: )?/, '')}`);
  });

  it('finds nothing in a document go-yaml reads, even where js-yaml would stop (after the first node)', () => {
    expect(goYamlProblem('apiVersion: v1\nkind: ConfigMap\n')).toBeUndefined();
    expect(goYamlProblem('"x" ]\n')).toBeUndefined();
    expect(goYamlProblem('')).toBeUndefined();
  });

  it('stops at go-yaml limits on hostile input without recursing: flow nesting, block nesting', () => {
    expect(problemAt(`a: ${'['.repeat(100_000)}\n`)).toBe('1:10004 exceeded max depth of 10000');
    expect(problemAt(`${'- '.repeat(10_002)}x\n`)).toBe('1:20001 exceeded max depth of 10000');
  });

  // the messages of these and the next test's inputs are go-yaml's own (checked with the oracle when they were written)
  it('reads a five-megabyte line, NUL bytes, CR-only line breaks and a decoded UTF-16 text with its mark', () => {
    expect(problemAt(`a: ${'x'.repeat(5_000_000)}: y\n`)).toBe('1:5000004 mapping values are not allowed in this context');
    expect(problemAt('a: 1\nb: \0\n')).toBe('2:4 control characters are not allowed');
    expect(problemAt('a: 1\rb: 2\r c: 3\r')).toBe('3:3 mapping values are not allowed in this context');
    // kubectl's reader makes "\r\r\n" one CRLF, go-yaml's second line
    expect(firstGoYamlError('a: 1\r\r\nb: c: d\r\n')?.goMessage).toBe('yaml: line 2: mapping values are not allowed in this context');
    expect(problemAt('a: 1\r\r\nb: c: d\r\n')).toBe('3:5 mapping values are not allowed in this context');
    expect(problemAt('\ufeffa: [\u00e9\u{1F600}, b: c: d]\n')).toBe('1:15 did not find expected \',\' or \']\'');
  });

  it('meets a control character when go-yaml decodes the 512-byte block holding it, before a scanner error in that block', () => {
    const scannerError = 'a: "\\q"\n';
    expect(problemAt(`${scannerError}b: \u0001\n`)).toBe('2:4 control characters are not allowed');
    expect(problemAt(`${scannerError}${'#'.repeat(600)}\nb: \u0001\n`)).toBe('1:5 found unknown escape character');
  });
});

describe('the yaml-syntax finding of a document js-yaml rejects', () => {
  const findings = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).findings.map((found) => `${found.line}:${found.column} ${found.message}`);

  it("is go-yaml's problem, at its position in the file", () => {
    expect(findings('a: 1\n---\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n')).toEqual(['6:2 did not find expected key']);
  });

  it('says that kubectl drops what follows the first node where go-yaml reads the document (yaml.go unmarshal)', () => {
    expect(findings('"x" ]\n')).toEqual(['1:5 kubectl reads only the first node of this document and ignores everything after it up to the next "---"']);
  });

  // yaml.go unmarshal decodes that first node, and decode.go fails at its first error: kubectl reports that one
  it("is the first node's decoding error where go-yaml drops what follows the node (each the oracle's)", () => {
    expect(findings('!!float k:0.  #c\n{a: 1}: {b: c}\n')).toEqual(['1:1 cannot decode !!str `k:0.` as a !!float']);
    expect(findings('!!binary k:\n  {}\n')).toEqual(['1:1 !!binary value contains invalid base64 data']);
    expect(findings('!!int x\n# c\nkind: y\n')).toEqual(['1:1 cannot decode !!str `x` as a !!int']);
  });

  // js-yaml reads these escapes; go-yaml's scanner refuses them (scannerc.go yaml_parser_scan_flow_scalar)
  it.each(GO_YAML_PROBLEM_CASES.filter(({ name }) => ['an unknown escape', 'a surrogate escape'].includes(name)))("is go-yaml's where js-yaml reads the document: $name", ({ text, goYaml, at }) => {
    expect(findings(text)).toEqual([`${at} ${goYaml.replace(/^yaml: /, '')}`]);
  });

  // scannerc.go yaml_parser_stale_simple_keys: a simple key ends within 1024 characters of its start
  it('refuses a key longer than 1024 characters, in go-yaml\'s words and at its position, and reads one of 1024', () => {
    const key = (length: number) => 'k'.repeat(length);
    expect(findings(`a: 1\n${key(1024)}: v\n${key(1022)}  : w\n`)).toEqual([]);
    expect(findings(`a: 1\n${key(1025)}: v\n`)).toEqual(["2:1 could not find expected ':'"]);
    expect(findings(`a: 1\n"${key(1030)}": v\n`)).toEqual(["2:1 could not find expected ':'"]);
    expect(findings(`data:\n  ${key(2000)}: v\n`)).toEqual(['2:2003 mapping values are not allowed in this context']);
    expect(findings(`- ${key(1030)}: v\n`)).toEqual(['1:1033 mapping values are not allowed in this context']);
  });

  // scannerc.go yaml_parser_scan_to_next_token eats tabs in block context only after content on the line
  it('refuses a line that starts with a tab in block context, even a comment or a blank one, in go-yaml\'s words', () => {
    expect(findings('a:\n  b: 1\n\t# c\n  d: 2\n')).toEqual(['3:1 found a tab character that violates indentation']);
    expect(findings('a:\n  b: 1\n\t\n  d: 2\n')).toEqual(['3:1 found a tab character that violates indentation']);
    expect(findings('\t# c\na: 1\n')).toEqual(['1:1 found character that cannot start any token']);
    // white space within a plain scalar's lines (it ends at the comment), in a flow collection, after content
    expect(findings('a: 1\n  \t# c\nb: 2 \t# c\nc: [\n\t# c\n  x]\n')).toEqual([]);
    // found once, by the block scalar's own check
    expect(findings('a: |\n  x\n\t# c\nb: 1\n')).toEqual(['3:1 found a tab character where an indentation space is expected']);
  });

  // a tab after a line's indentation or after `- `, `? ` where a simple key may start; each verdict is the oracle's
  it("refuses a tab after the spaces that indent a line or after a block indicator, in go-yaml's words", () => {
    expect(findings('a:\n  \t# c\n  b: 1\n')).toEqual(['2:3 found character that cannot start any token']);
    expect(findings('a:\n  - \t# c\n    x\n')).toEqual(['2:5 found character that cannot start any token']);
    expect(findings('a:\n-\tx\n')).toEqual(['2:2 found character that cannot start any token']);
    expect(findings('a:\n- - \tx\n')).toEqual(['2:5 found character that cannot start any token']);
    // once, go-yaml's first, where js-yaml reads a rewritten text (the tab before the flow collection made a space)
    expect(findings('a:\n  - \t[x]\n\t# c\n')).toEqual(['2:5 found character that cannot start any token']);
    // a blank line of spaces and a tab inside a mapping: the tab indents the value's next line
    expect(findings('a:\n  b: 1\n  \t\n  c: 2\n')).toEqual(['3:3 found a tab character that violates indentation']);
    expect(findings('a:\n  - x\n  \t# c\n')).toEqual(['3:3 found a tab character that violates indentation']);
    // content: a block scalar's line, a quoted scalar's next line, a flow collection; white space after a key's `:`
    expect(findings('a: |\n  x\n  \ty\nb: "x\n  \ty"\nc: [\n  \t1]\nd:\tx\n')).toEqual([]);
  });

  // parserc.go yaml_parser_parse_block_mapping_key; sigs.k8s.io/yaml convertToJSONableObject for an explicit null key
  it('refuses an empty key where it is, in go-yaml\'s words, not at the start of the document', () => {
    expect(findings('a: 1\n: x\n')).toEqual(['2:1 did not find expected key']);
    expect(findings('a:\n  b: 1\n  :\n  c: 2\n')).toEqual(['3:3 did not find expected key']);
    expect(findings('a:\n  ? \n  : x\n')).toEqual(['2:3 unsupported map key of type: <nil> (a JSON object key cannot be null)']);
    expect(findings('a: {~: x}\n')).toEqual(['1:5 unsupported map key of type: <nil> (a JSON object key cannot be null)']);
  });

  // resolve.go resolve decodes an integer past int64 as a uint64, a key type sigs.k8s.io/yaml convertToJSONableObject
  // refuses ('unsupported map key of type: uint64, key: 0x8000000000000000, value: 1'); each verdict is the oracle's
  it('refuses an integer key past int64, in block and flow mappings, and reads int64 keys, quoted ones and floats', () => {
    const refused = (at: string) => `${at} unsupported map key of type: uint64 (a JSON object key cannot be an integer above 9223372036854775807)`;
    expect(findings('9223372036854775808: 1\n')).toEqual([refused('1:1')]);
    expect(findings('a:\n  - 1_8446744073709551615: 1\n')).toEqual([refused('2:5')]);
    expect(findings('a: {0x8000000000000000: 1, !!int 01000000000000000000000: 2}\n')).toEqual([refused('1:5'), refused('1:34')]);
    expect(findings('9223372036854775807: 1\n-9223372036854775808: 2\n"9223372036854775808": 3\n+9223372036854775808: 4\n')).toEqual([]);
  });

  // an alias key is the anchored node: its text says what go-yaml decoded (decode.go alias), a uint64 or a float
  it('names an alias key by its anchored scalar\'s text: a uint64 is refused, a float past int64 named as a float32', () => {
    const values = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).documents.map((document) => document.value);
    expect(findings('b: &b 9223372036854775808\nc: {*b : 1}\n')).toEqual(['2:5 unsupported map key of type: uint64 (a JSON object key cannot be an integer above 9223372036854775807)']);
    expect(values('b: &b 18446744073709551616\n*b : 1\nc: &c "1e3"\n*c : 2\n')).toEqual([{ b: 18446744073709551616, '1.8446744e+19': 1, c: '1e3', '1e3': 2 }]);
  });

  // scannerc.go yaml_parser_stale_simple_keys: a simple key is forgotten at the end of its line, in flow context too
  it('refuses a flow mapping key that spans lines, and reads a flow value that does', () => {
    expect(findings('a: [{con\n  ainerPort: 1}]\n')).toEqual(["2:12 did not find expected ',' or '}'"]);
    expect(findings('a: {"x\n  y": 1}\n')).toEqual(["2:5 did not find expected ',' or '}'"]);
    expect(findings('a: {x: "1\n  2"}\nb: [x\n  y]\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_plain_scalar: ` #` ends a plain scalar in a flow collection too (the oracle's verdicts)
  it('ends a plain scalar in a flow collection at a comment, before a "," the comment holds', () => {
    expect(findings('a: [x #c,\n  y:, z]\n')).toEqual(["2:3 did not find expected ',' or ']'"]);
    expect(findings('b: [p #c\n  , q]\nc: [fe80:: #c\n  , x]\n')).toEqual([]);
  });

  it('refuses a flow mapping key whose ":" is on a later line, and reads an explicit key so', () => {
    expect(findings('a: {name\n  : x}\n')).toEqual(["2:3 did not find expected ',' or '}'"]);
    expect(findings('a: {"name"\n  : x}\n')).toEqual(["2:3 did not find expected ',' or '}'"]);
    expect(findings('? a\n: b\nc:\n  ? d\n  : e\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_tag_uri
  it('refuses an empty verbatim tag, on a scalar or a collection', () => {
    expect(findings('a: !<> x\nb: !<> [x]\nc: !<tag:yaml.org,2002:str> y\nd: "!<>"\n')).toEqual(['1:6 did not find expected tag URI']);
    expect(findings('d: "!<>"\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_tag: white space must follow a tag (a `,` may in a flow collection), and the URI takes
  // `]` in; each verdict is the oracle's
  it('refuses a tag right before "}" or "]" in a flow collection, and reads one before a space or ","', () => {
    expect(findings('a: {cpu: !00m}\n')).toEqual(['1:14 did not find expected whitespace or line break']);
    expect(findings('a: {b: !!str}\n')).toEqual(['1:13 did not find expected whitespace or line break']);
    expect(findings('a: [!x]\n')).toEqual(["1:4 did not find expected ',' or ']'"]);
    expect(findings('a: [!!str , b]\nc: "hi!}"\nd: x!}\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_tag_uri takes no `#` (js-yaml's tag URI does); each verdict is the oracle's
  it('refuses a tag holding a "#", and reads a comment after a tag and a blank', () => {
    expect(findings('k: !!str#c\n')).toEqual(['1:9 did not find expected whitespace or line break']);
    expect(findings('k: !foo#bar x\n')).toEqual(['1:8 did not find expected whitespace or line break']);
    expect(findings('k: [!!str# c\n  b]\n')).toEqual(['1:10 did not find expected whitespace or line break']);
    expect(findings("k: !<tag:x#y> v\n")).toEqual(["1:11 did not find the expected '>'"]);
    expect(findings('k: !!str # c\nl: "!a#b"\nm: x!a#b\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_anchor: letters, digits, `_` and `-`, then white space or one of ?:,]}%@`
  it('refuses an anchor or alias whose name go-yaml does not take, and reads one it does', () => {
    expect(findings('a: &! x\n')).toEqual(['1:5 did not find expected alphabetic or numeric character']);
    expect(findings('a: &x\nb: *!\n')).toEqual(['2:5 did not find expected alphabetic or numeric character']);
    expect(findings('a: &a.b x\nb: *a.b\n')).toEqual(['1:6 did not find expected alphabetic or numeric character']);
    expect(findings('a: &a-1_B x\nb: [*a-1_B, c]\nc: "x * y"\nd: x * y\n')).toEqual([]);
  });

  // scannerc.go yaml_parser_scan_anchor ends the name before `:` or `?` (js-yaml reads on to a blank), and
  // yaml_parser_fetch_next_token starts no token with `%`, `@` or a backquote; each verdict is the oracle's
  it('ends an anchor or alias name where go-yaml does: "&labels:" anchors an empty key', () => {
    const values = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).documents.map((document) => document.value);
    expect(findings('a:\n  &x:\n    b: c\n')).toEqual(['2:3 unsupported map key of type: <nil> (a JSON object key cannot be null)']);
    expect(findings('a: {&x: b}\n')).toEqual(['1:5 unsupported map key of type: <nil> (a JSON object key cannot be null)']);
    expect(values('a: &x:b\n')).toEqual([{ a: ':b' }]);
    expect(values('a: &x b\nc:\n  *x: 1\n')).toEqual([{ a: 'b', c: { b: 1 } }]);
    expect(findings('a: &x% b\nc: &y@ d\n')).toEqual(['1:6 found character that cannot start any token', '2:6 found character that cannot start any token']);
    expect(values('a: x&y:z\nb: [&p c, *p]\n')).toEqual([{ a: 'x&y:z', b: ['c', 'c'] }]);
  });

  // scannerc.go yaml_parser_scan_anchor ends an alias's name at `:`, and decode.go parser.alias fails on an unknown one
  // before the scanner reaches that `:`; js-yaml reads the alias `a:` (each verdict is the oracle's)
  it('ends an alias before a ":" right after it: an unknown one is refused by its name, a known one at the ":"', () => {
    expect(findings('k: *a: #c\n')).toEqual(["1:4 unknown anchor 'a' referenced"]);
    expect(findings('k: &a x\nj: *a:\n')).toEqual(['2:6 mapping values are not allowed in this context']);
  });

  // scannerc.go yaml_parser_scan_plain_scalar: in block context a plain scalar holds `[`, `{` and quotes, on its next
  // lines too; none opens a flow collection or a quoted scalar that the next lines would continue (each verdict is the
  // oracle's)
  it('reads "[", "{" or a quote in a plain scalar as its text, and refuses a line left of the scalar after it', () => {
    const values = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).documents.map((document) => document.value);
    expect(findings('data:\n  k: a\n    [x\n- c\n')).toEqual(['4:1 did not find expected key']);
    expect(findings('k: a - "x\n- c\n')).toEqual(['2:1 did not find expected key']);
    expect(findings('k: a - [x\n  y]\nl: {b\n')).toEqual(["3:4 did not find expected ',' or '}'"]);
    expect(values('- a [x\n  "y\n- c\n')).toEqual([['a [x "y', 'c']]);
  });

  // scannerc.go yaml_parser_scan_to_next_token takes tabs in flow context, and yaml_parser_scan_flow_scalar does not
  // check a quoted scalar's indentation, after an anchor or a tag as after nothing; each value is the oracle's
  it('reads a flow collection or quoted scalar after an anchor or tag as without one: tabs inside, lines left of the key', () => {
    const read = (text: string) => {
      const parsed = parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS);
      return { values: parsed.documents.map((document) => document.value), findings: parsed.findings.map((found) => found.message) };
    };
    expect(read('k: &b [a: ON,\tOff]\nm: !!map {a: 1,\tb: 2}\n')).toEqual({ values: [{ k: [{ a: true }, false], m: { a: 1, b: 2 } }], findings: [] });
    expect(read('- &a !!str [x,\ty]\n- !<tag:yaml.org,2002:seq> [x,\ty]\n')).toEqual({ values: [[['x', true], ['x', true]]], findings: [] });
    expect(read('a:\n  k: &a "x\ny"\n  l: !!str "x\ny"\n  b: [\t1]\n')).toEqual({ values: [{ a: { k: 'x y', l: 'x y', b: [1] } }], findings: [] });
  });

  // scannerc.go yaml_parser_scan_block_scalar_breaks: the widest blank line before a block scalar's content is its
  // indentation, so a comment line left of it ends the scalar there; each value is the oracle's
  it('ends a block scalar that has only blank lines at a comment left of the widest, and reads its content otherwise', () => {
    const values = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).documents.map((document) => document.value);
    expect(values('k: |-\n   \n #\nb: 1\n')).toEqual([{ k: '', b: 1 }]);
    expect(values('a:\n  k: |\n     \n   # c\n  b: 1\n')).toEqual([{ a: { k: '', b: 1 } }]);
    expect(values('k: |+\r\n   \r\n\r\n #\r\n')).toEqual([{ k: '\n\n' }]);
    expect(values('- |\n    \n  # c\n- x\n')).toEqual([['', 'x']]);
    expect(values('k: |2\n    \n #\n')).toEqual([{ k: '  \n' }]);
  });

  // a `-` or `?` before a tab on a plain scalar's next line is the scalar's own where go-yaml reads the document (after
  // a block indicator it refuses the tab); each value is the oracle's
  it('keeps a tab after a "-" on a plain scalar\'s next line where other syntax has the text rewritten', () => {
    const values = (text: string) => parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS).documents.map((document) => document.value);
    expect(values('k: k2:[a, b]\n  - \tx\n')).toEqual([{ k: 'k2:[a, b] - \tx' }]);
    expect(values('a: [fe80::]\nb: name:x\n  -\t[ 1 ]\n')).toEqual([{ a: ['fe80::'], b: 'name:x -\t[ 1 ]' }]);
    expect(findings('a: [fe80::]\nb:\n  -\tx\n')).toEqual(['3:4 found character that cannot start any token']);
  });

  // scannerc.go yaml_parser_scan_tag: the `!!` handle, then yaml_parser_scan_tag_uri with no suffix
  it('refuses the secondary tag handle without a suffix, and reads it with one', () => {
    expect(findings('a: !!str x\nb: !! x\n')).toEqual(['2:6 did not find expected tag URI']);
    expect(findings('b: "x!!"\nc: !!str\nd: !!str [x]\n')).toEqual([]);
    expect(findings('a: {b: !!}\n')).toEqual(['1:10 did not find expected tag URI']);
  });

  // scannerc.go yaml_parser_fetch_value clears simple_key_allowed after a key's `:`, so no key starts again on that line
  // (yaml_parser_fetch_tag and fetch_anchor save one only where it is allowed); each verdict is the oracle's
  it('refuses a tagged or anchored key after another key\'s ":" on its line, and reads one after "- " or on its own line', () => {
    expect(findings('a: !!str b: c\nd: &x !!int 1: e\n')).toEqual(['1:11 mapping values are not allowed in this context']);
    expect(findings('d: &x e: f\n')).toEqual(['1:8 mapping values are not allowed in this context']);
    expect(findings('- !!str b: c\n- &x d: e\n- - &y f: g\n')).toEqual([]);
    expect(findings('a:\n  !!str b: c\n&x d: e\n')).toEqual([]);
  });

  it('refuses a JSON-style surrogate pair and a code past U+10FFFF in a double-quoted scalar, as go-yaml does', () => {
    expect(findings('a: "x \\ud83d\\ude00"\nb: "\\U00110000"\nc: "\\U0010FFFF \\x41 \\\\u"\n')).toEqual([
      '1:9 found invalid Unicode character escape code',
      '2:7 found invalid Unicode character escape code',
    ]);
  });
});
