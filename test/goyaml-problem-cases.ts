// Small documents go-yaml v2 rejects, one for each problem its reader, scanner, parser and composer can report (the
// ones kubectl can meet), with go-yaml's message and where kubefit reports it. Every `goYaml` message is the output
// of the go-yaml v2 oracle (test/goyaml-oracle/main.go) on `text`, line prefix included; `npx tsx
// scripts/goyaml-problem-table.ts` checks them all against the oracle again (it skips where Go is absent).

export interface GoYamlProblemCase {
  readonly name: string;
  readonly text: string;
  /** What kubectl prints: go-yaml's Unmarshal error, its line relative to the document and sometimes one early. */
  readonly goYaml: string;
  /** line:column of the finding in the text. */
  readonly at: string;
}

export const GO_YAML_PROBLEM_CASES: readonly GoYamlProblemCase[] = [
  { name: 'a mapping value after a plain value on the first line', text: "a: b: c\n", goYaml: "yaml: mapping values are not allowed in this context", at: '1:5' },
  { name: 'a mapping value after a plain value', text: "kind: Pod\nmetadata: name: x\n", goYaml: "yaml: line 2: mapping values are not allowed in this context", at: '2:15' },
  { name: 'a key indented deeper than its siblings', text: "metadata:\n  name: x\n   labels: {}\n", goYaml: "yaml: line 3: mapping values are not allowed in this context", at: '3:10' },
  { name: 'a key indented less than its siblings', text: "a:\n  b: 1\n c: 2\n", goYaml: "yaml: line 2: did not find expected key", at: '3:2' },
  { name: 'a stray closing bracket', text: "metadata:\n  name: x\n]\n", goYaml: "yaml: line 2: did not find expected key", at: '3:1' },
  { name: 'a quoted value followed by more text', text: "a: 'x'y\nb: 1\n", goYaml: "yaml: did not find expected key", at: '1:7' },
  { name: 'a flow sequence left open', text: "a: [1, 2\nb: 3\n", goYaml: "yaml: line 1: did not find expected ',' or ']'", at: '2:2' },
  { name: 'a flow sequence left open at the end', text: "a: [1, 2\n", goYaml: "yaml: line 1: did not find expected ',' or ']'", at: '1:4' },
  { name: 'a flow mapping left open at the end', text: "a: {x: 1\n", goYaml: "yaml: line 1: did not find expected ',' or '}'", at: '1:4' },
  { name: 'a flow mapping closed by a bracket', text: "a: {x: 1, y: 2]\n", goYaml: "yaml: did not find expected ',' or '}'", at: '1:15' },
  { name: 'a flow sequence closed by a brace', text: "a: [1, 2}\n", goYaml: "yaml: did not find expected ',' or ']'", at: '1:9' },
  { name: 'an empty flow entry', text: "a: [,]\n", goYaml: "yaml: did not find expected node content", at: '1:5' },
  { name: 'a closing bracket where a node must be', text: "- ]\n", goYaml: "yaml: did not find expected node content", at: '1:3' },
  { name: 'an unknown escape', text: "a: \"x\\q\"\n", goYaml: "yaml: found unknown escape character", at: '1:6' },
  { name: 'a short hex escape', text: "a: \"x\\xZZ\"\n", goYaml: "yaml: did not find expected hexdecimal number", at: '1:8' },
  { name: 'a surrogate escape', text: "a: \"\\uD800\"\n", goYaml: "yaml: found invalid Unicode character escape code", at: '1:7' },
  { name: 'an unclosed double quote', text: "a: \"abc\nb: 1\n", goYaml: "yaml: line 3: found unexpected end of stream", at: '1:4' },
  { name: 'an unclosed single quote', text: "a: 'abc\n", goYaml: "yaml: line 2: found unexpected end of stream", at: '1:4' },
  { name: 'a document end marker inside quotes', text: "a: \"abc\n...\n", goYaml: "yaml: line 2: found unexpected document indicator", at: '1:4' },
  { name: 'an unknown alias', text: "a: *x\n", goYaml: "yaml: unknown anchor 'x' referenced", at: '1:4' },
  { name: 'an unknown alias in a flow sequence', text: "a: [&a 1, *b]\n", goYaml: "yaml: unknown anchor 'b' referenced", at: '1:11' },
  { name: 'an alias used before its anchor', text: "a: *x\nb: &x 1\n", goYaml: "yaml: unknown anchor 'x' referenced", at: '1:4' },
  { name: 'an empty anchor', text: "a: &\n", goYaml: "yaml: did not find expected alphabetic or numeric character", at: '1:5' },
  { name: 'an empty alias', text: "a: *\n", goYaml: "yaml: did not find expected alphabetic or numeric character", at: '1:5' },
  { name: 'an anchor followed by a quote', text: "a: &x\"y\"\n", goYaml: "yaml: did not find expected alphabetic or numeric character", at: '1:6' },
  { name: 'an at sign', text: "a: @x\n", goYaml: "yaml: found character that cannot start any token", at: '1:4' },
  { name: 'a backquote', text: "a:\n  b: `x`\n", goYaml: "yaml: line 2: found character that cannot start any token", at: '2:6' },
  { name: 'a tab as indentation', text: "a:\n\tb: 1\n", goYaml: "yaml: line 2: found character that cannot start any token", at: '2:1' },
  { name: 'a tab before a continuation line of a plain scalar', text: "a: b\n\tc\n", goYaml: "yaml: line 2: found a tab character that violates indentation", at: '2:1' },
  { name: 'a block scalar indentation indicator of 0', text: "a: |0\n  x\n", goYaml: "yaml: found an indentation indicator equal to 0", at: '1:5' },
  { name: 'text after a block scalar header', text: "a: |x\n  y\n", goYaml: "yaml: did not find expected comment or line break", at: '1:5' },
  { name: "a tab in a block scalar's indentation", text: "a: |\n\tx\n", goYaml: "yaml: line 2: found a tab character where an indentation space is expected", at: '2:1' },
  { name: 'a block sequence entry after a quoted value', text: "a: \"x\" - y\n", goYaml: "yaml: block sequence entries are not allowed in this context", at: '1:8' },
  { name: 'a mapping key after a quoted value', text: "a: \"x\" ? y\n", goYaml: "yaml: mapping keys are not allowed in this context", at: '1:8' },
  { name: 'a key without a colon', text: "a: 1\nb\nc: 2\n", goYaml: "yaml: line 3: could not find expected ':'", at: '2:1' },
  { name: 'a key without a colon at the end', text: "a: 1\nb\n", goYaml: "yaml: line 3: could not find expected ':'", at: '2:1' },
  { name: 'a mapping where a sequence entry must be', text: "- a\nb: 1\n", goYaml: "yaml: line 1: did not find expected '-' indicator", at: '2:1' },
  { name: 'a control character', text: "a: \u0001\n", goYaml: "yaml: control characters are not allowed", at: '1:4' },
  { name: 'a control character further on', text: "a: 1\nb: [\nc: \u0007\n", goYaml: "yaml: control characters are not allowed", at: '3:4' },
  { name: 'an unknown directive', text: "%FOO\n", goYaml: "yaml: found unknown directive name", at: '1:5' },
  { name: 'a directive without a document', text: "%YAML 1.1\n", goYaml: "yaml: line 1: did not find expected <document start>", at: '2:1' },
  { name: 'an incompatible YAML version', text: "%YAML 2.0\n", goYaml: "yaml: found incompatible YAML document", at: '1:1' },
  { name: 'a duplicate YAML directive', text: "%YAML 1.1\n%YAML 1.1\n", goYaml: "yaml: line 1: found duplicate %YAML directive", at: '2:1' },
  { name: 'a duplicate TAG directive', text: "%TAG ! !a\n%TAG ! !b\n", goYaml: "yaml: line 1: found duplicate %TAG directive", at: '2:1' },
  { name: 'a YAML directive without a minor version', text: "%YAML 1\n", goYaml: "yaml: did not find expected digit or '.' character", at: '1:8' },
  { name: 'a YAML directive with a long version number', text: "%YAML 123.1\n", goYaml: "yaml: found extremely long version number", at: '1:9' },
  { name: 'a YAML directive without a version', text: "%YAML .1\n", goYaml: "yaml: did not find expected version number", at: '1:7' },
  { name: 'a directive without a name', text: "% x\n", goYaml: "yaml: could not find expected directive name", at: '1:2' },
  { name: 'a directive name with a symbol in it', text: "%YA!ML\n", goYaml: "yaml: found unexpected non-alphabetical character", at: '1:4' },
  { name: 'a TAG directive with a bad handle', text: "%TAG !x x\n", goYaml: "yaml: did not find expected '!'", at: '1:8' },
  { name: 'a TAG directive without a prefix', text: "%TAG !! \n", goYaml: "yaml: did not find expected tag URI", at: '1:9' },
  { name: 'a TAG directive without white space after its handle', text: "%TAG !!x\n", goYaml: "yaml: did not find expected whitespace", at: '1:8' },
  { name: 'a TAG directive followed by text', text: "%TAG ! a b\n", goYaml: "yaml: did not find expected comment or line break", at: '1:10' },
  { name: 'a YAML directive followed by text', text: "%YAML 1.1 x\n", goYaml: "yaml: did not find expected comment or line break", at: '1:11' },
  { name: 'a bad percent escape in a TAG directive', text: "%TAG ! a%\n", goYaml: "yaml: did not find URI escaped octet", at: '1:9' },
  { name: 'a verbatim tag left open', text: "a: !<x\n", goYaml: "yaml: did not find the expected '>'", at: '1:7' },
  { name: 'an empty verbatim tag', text: "a: !<> x\n", goYaml: "yaml: did not find expected tag URI", at: '1:6' },
  { name: 'an undefined tag handle', text: "a: !x!y z\n", goYaml: "yaml: found undefined tag handle", at: '1:4' },
  { name: 'a tag followed by a quote', text: "a: !!str\"x\"\n", goYaml: "yaml: did not find expected whitespace or line break", at: '1:9' },
  { name: 'a bad percent escape in a tag', text: "a: !%zz x\n", goYaml: "yaml: did not find URI escaped octet", at: '1:5' },
  { name: 'a bad leading octet in a tag', text: "a: !%ff x\n", goYaml: "yaml: found an incorrect leading UTF-8 octet", at: '1:5' },
  { name: 'a bad trailing octet in a tag', text: "a: !%c3%41 x\n", goYaml: "yaml: found an incorrect trailing UTF-8 octet", at: '1:8' },
  { name: 'CR-only line breaks', text: "a: 1\rb: [\rc: 2\r", goYaml: "yaml: line 3: did not find expected ',' or ']'", at: '2:4' },
  { name: 'a LS line break', text: "a: x  b: y\n", goYaml: "yaml: line 2: mapping values are not allowed in this context", at: '1:8' },
  { name: 'a byte order mark inside the document', text: "- a:\n﻿  - b\n", goYaml: "yaml: line 3: could not find expected ':'", at: '2:1' },
];
