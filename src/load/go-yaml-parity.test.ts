// Fixtures where kubefit once disagreed with go-yaml v2 (what kubectl parses with): each now gets go-yaml's verdict
// and values, and an error at the content go-yaml would silently drop. test/goyaml-differential.test.ts checks the
// same fixtures against go-yaml itself where Go is installed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadManifests } from './load-manifests.js';
import { parseDocuments } from './parse-documents.js';
import { SourceText } from './source-text.js';

const load = (file: string) => loadManifests([file], { cwd: 'fixtures/load/go-yaml' });

const CASES: { file: string; findings: string[]; objects: string[] }[] = [
  { file: 'valid-flow-left-of-key.yaml', findings: [], objects: ['flow-left-of-key'] },
  { file: 'valid-quoted-left-of-key.yaml', findings: [], objects: ['quoted-left-of-key'] },
  // scannerc.go yaml_parser_scan_flow_scalar: only a marker at column 0 ends a quoted scalar (litmus's CRDs)
  { file: 'valid-quoted-indented-marker.yaml', findings: [], objects: ['quoted-indented-marker'] },
  { file: 'valid-tab-separators.yaml', findings: [], objects: ['tab-separators'] },
  { file: 'valid-escapes.yaml', findings: [], objects: ['escapes'] },
  { file: 'valid-tags.yaml', findings: [], objects: ['tags'] },
  // yamlprivateh.go is_break: NEL, LS and PS end a line (a comment, a plain scalar) as a line feed does
  { file: 'valid-unicode-line-breaks.yaml', findings: [], objects: ['unicode-line-breaks'] },
  {
    file: 'invalid-unicode-line-breaks.yaml',
    findings: ["7:8 yaml-syntax: could not find expected ':'", "14:8 yaml-syntax: could not find expected ':'", "22:7 yaml-syntax: could not find expected ':'"],
    objects: ['after'],
  },
  // scannerc.go yaml_parser_scan_flow_scalar: the escape table
  { file: 'invalid-escape-slash.yaml', findings: ['7:15 yaml-syntax: found unknown escape character'], objects: ['escape-slash'] },
  // scannerc.go yaml_parser_scan_block_scalar_breaks
  { file: 'invalid-block-scalar-tab.yaml', findings: ['7:5 yaml-syntax: found a tab character where an indentation space is expected'], objects: ['block-scalar-tab'] },
  // ... also on the blank lines after the content, left of the indentation, before the line that ends the scalar
  {
    file: 'invalid-block-scalar-trailing-tab.yaml',
    findings: ['8:1 yaml-syntax: found a tab character where an indentation space is expected', '19:3 yaml-syntax: found a tab character where an indentation space is expected'],
    objects: ['block-scalar-trailing-tab', 'block-scalar-trailing-space-tab'],
  },
  { file: 'valid-block-scalar-at-key-column.yaml', findings: [], objects: ['block-scalar-at-key-column'] },
  { file: 'valid-keep-chomping.yaml', findings: [], objects: ['keep-middle', 'keep-before-separator', 'keep-at-eof'] },
  // scannerc.go yaml_parser_scan_to_next_token: no tab is white space where a simple key may start (a line's start,
  // after `- `), yaml_parser_scan_plain_scalar: nor where it indents a plain scalar's next line; a document of comments
  // is read too. In block scalars, quoted scalars and after a key's `:` a tab is content or white space.
  {
    file: 'invalid-tab-after-indentation.yaml',
    findings: [
      // found while the file is split into documents, before any is read
      '19:1 yaml-syntax: found character that cannot start any token',
      '5:3 yaml-syntax: found a tab character that violates indentation',
      '15:4 yaml-syntax: found character that cannot start any token',
      '28:3 yaml-syntax: found a tab character that violates indentation',
    ],
    objects: ['tab-after-spaces', 'tab-after-dash', 'blank-line-tab', 'after'],
  },
  // yaml_parser_scan_to_next_token and yaml_parser_scan_block_scalar take a `#` right after a token for a comment
  { file: 'valid-comment-after-token.yaml', findings: [], objects: ['comment-after-token'] },
  // parserc.go yaml_parser_parse_document_start: kubectl's reader removed the `---` the directive needs
  {
    file: 'invalid-directive.yaml',
    findings: ['1:1 yaml-syntax: did not find expected <document start>: kubectl splits the file at "---" lines, so a directive cannot precede a document'],
    objects: ['after-directive'],
  },
  // ... unless go-yaml refuses the directives themselves first (yaml_parser_process_directives)
  {
    file: 'invalid-directive-version.yaml',
    findings: ['1:1 yaml-syntax: found incompatible YAML document', '9:1 yaml-syntax: found duplicate %YAML directive'],
    objects: ['after-incompatible', 'after-duplicate'],
  },
  // yaml.go unmarshal decodes the first document only; a document cannot start with "..."
  {
    file: 'invalid-document-end.yaml',
    findings: [
      '7:1 yaml-syntax: kubectl ignores everything after the document end marker "..." up to the next "---"',
      '12:1 yaml-syntax: did not find expected node content (the document starts with "...")',
    ],
    objects: ['before-end', 'after-empty'],
  },
  // scannerc.go yaml_parser_fetch_next_token: `---` and `...` are markers at column 0 only; indented on a document's
  // first line they start a plain scalar, and what follows it is refused or dropped (js-yaml took `   ---` for a marker)
  {
    file: 'invalid-indented-marker.yaml',
    findings: [
      '2:11 yaml-syntax: mapping values are not allowed in this context',
      '9:1 yaml-syntax: kubectl reads only the first node of this document and ignores everything after it up to the next "---"',
      '15:11 yaml-syntax: mapping values are not allowed in this context',
      '7:3 not-kubernetes: document is not a mapping; skipped',
      '20:2 not-kubernetes: document is not a mapping; skipped',
      '28:3 not-kubernetes: document is not a mapping; skipped',
      '33:3 not-kubernetes: document is not a mapping; skipped',
      '37:3 not-kubernetes: document is not a mapping; skipped',
    ],
    objects: ['after'],
  },
  // parserc.go yaml_parser_parse_block_mapping_key: a key after a node on its line (js-yaml read it into the mapping
  // around a sequence at its key's column)
  {
    file: 'invalid-key-after-sequence-item.yaml',
    findings: ['12:16 yaml-syntax: did not find expected key', '20:12 yaml-syntax: did not find expected key'],
    objects: ['key-after-quoted-item', 'key-after-flow-item', 'last'],
  },
  // yaml.go unmarshal parses a document's first node only (a percona e2e log of JSON values, the first with a trailing
  // comma, which encoding/json refuses and kubectl 1.33+ then reads as YAML): the node is read, what follows is lost
  {
    file: 'invalid-after-first-node.yaml',
    findings: ['4:1 yaml-syntax: kubectl reads only the first node of this document and ignores everything after it up to the next "---"'],
    objects: ['first-node'],
  },
  {
    file: 'invalid-after-first-node.json',
    findings: ['3:1 yaml-syntax: kubectl reads only the first node of this document and ignores everything after it up to the next "---"'],
    objects: ['first-node-json'],
  },
  // apimachinery decoder.go YAMLReader.Read
  // (it drops the document it was reading too)
  { file: 'invalid-separator.yaml', findings: ['10:1 yaml-syntax: invalid Yaml document separator: !!map (kubectl reads nothing from the previous separator on)'], objects: ['before-separator'] },
  // scannerc.go yaml_parser_fetch_next_token and yaml_parser_scan_plain_scalar: `:` and `?` in flow collections
  { file: 'valid-flow-plain-scalars.yaml', findings: [], objects: ['flow-plain-scalars'] },
  // scannerc.go yaml_parser_fetch_next_token: `-` not followed by a blank starts a plain scalar (skaffold's vendored cloudbuild.yaml)
  { file: 'valid-flow-dash.yaml', findings: [], objects: ['flow-dash'] },
  {
    file: 'invalid-flow-plain-scalars.yaml',
    findings: [
      '7:15 yaml-syntax: did not find expected node content: a plain scalar cannot start with ":" inside a flow collection',
      '14:15 yaml-syntax: did not find expected "," or the end of the flow collection: "?" inside a plain scalar',
      "21:26 yaml-syntax: did not find expected ',' or '}'",
    ],
    objects: ['flow-colon', 'flow-question', 'flow-key-colon'],
  },
  {
    file: 'invalid-lone-cr-separator.yaml',
    findings: ['6:1 yaml-syntax: kubectl reads only the first document here: the "---" after a lone CR is not a document separator for it'],
    objects: ['lone-cr'],
  },
  // ... but an empty document after it loses nothing (yaml.go unmarshal reads the first document; the rest is empty)
  { file: 'valid-lone-cr-marker-at-end.yaml', findings: [], objects: ['lone-cr-marker-at-end'] },
  // a comment at a line's start is skipped whole: the quote it holds opens no scalar whose continuation lines the
  // rewrite for js-yaml would indent (which flattened the document into one that parses)
  { file: 'invalid-commented-quote.yaml', findings: ["9:5 yaml-syntax: did not find expected key"], objects: [] },
  // scannerc.go yaml_parser_scan_to_next_token skips a byte order mark at column 0 as a column: no `---` marker follows
  {
    file: 'invalid-byte-order-mark-separator.yaml',
    findings: ["12:1 yaml-syntax: could not find expected ':'"],
    objects: ['kept'],
  },
  {
    file: 'invalid-line-separator-separator.yaml',
    findings: ['5:6 yaml-syntax: kubectl reads only the first document here: the "---" after a LS (U+2028) is not a document separator for it'],
    objects: ['first'],
  },
  // sigs.k8s.io/yaml convertToJSONableObject and json.Marshal; decode.go mapping ("invalid map key")
  {
    file: 'invalid-json-values.yaml',
    // the keys' problems first: json.Marshal runs on the value once its keys are converted
    findings: [
      '9:3 yaml-syntax: unsupported map key of type: <nil> (a JSON object key cannot be null)',
      '10:5 yaml-syntax: invalid map key: a sequence cannot be a JSON object key',
      '7:13 yaml-syntax: json: unsupported value: +Inf (kubectl cannot convert .inf to JSON)',
      '8:8 yaml-syntax: json: unsupported value: NaN (kubectl cannot convert .NaN to JSON)',
    ],
    objects: ['json-values'],
  },
  // ... of the value decoded with merge keys applied (decode.go mapping, merge): a key overriding a merged .nan drops it
  {
    file: 'invalid-json-values-merged.yaml',
    findings: ['20:6 yaml-syntax: json: unsupported value: NaN (kubectl cannot convert .nan to JSON)'],
    objects: ['merged-json-values', 'aliased-json-values'],
  },
  // decode.go merge: `<<` takes an alias of a mapping, or a list written in place, not an alias of a list
  {
    file: 'invalid-merge-aliased-list.yaml',
    findings: ['12:7 yaml-syntax: a merge key (<<) needs a mapping or a list of mappings written in place: go-yaml merges no alias of a list'],
    objects: ['merge-aliased-list', 'merge-list-in-place'],
  },
  { file: 'valid-number-keys.yaml', findings: [], objects: ['number-keys'] },
  // resolve.go resolve (!!float makes an int a float64) and decode.go mapping (strict: equal Go values are duplicates)
  { file: 'valid-float-keys.yaml', findings: [], objects: ['float-keys'] },
  { file: 'invalid-float-key-duplicate.yaml', findings: ['9:3 duplicate-key: duplicate key "1"'], objects: ['float-key-duplicate'] },
  { file: 'valid-anchor-redefined-inside.yaml', findings: [], objects: ['anchor-redefined-inside'] },
  // scannerc.go yaml_parser_decrease_flow_level: an empty flow collection as a key does not parse; a non-empty one does
  {
    file: 'invalid-empty-flow-key.yaml',
    findings: ['8:3 yaml-syntax: did not find expected key', '15:3 yaml-syntax: invalid map key: a mapping cannot be a JSON object key'],
    objects: ['flow-key'],
  },
  // apimachinery decoder.go YAMLOrJSONDecoder: input starting with "{" is a stream of JSON values (encoding/json)
  { file: 'valid-json-stream.json', findings: [], objects: ['first', 'second'] },
  // ... until encoding/json fails on the first or second value: the rest is YAML then (v0.33.0, 9b3d085f), a flow
  // mapping (`{apiVersion: v1}`), a value JSON does not read (`yes`), documents after `---`
  { file: 'valid-json-then-yaml-value.json', findings: [], objects: ['valid-json', 'yaml-in-json'] },
  { file: 'valid-json-then-yaml.yaml', findings: [], objects: ['json-first', 'yaml-after'] },
  { file: 'valid-flow-mapping-first.yaml', findings: [], objects: ['flow-mapping-first'] },
  // ... from right after the value: a `---` there is the YAML stream's first line, a separator (consumeWhitespace
  // stops at it), and the stream ends; a separator with text after it fails the YAML decoder, so the JSON error stands
  { file: 'valid-json-then-marker.json', findings: [], objects: ['before-marker'] },
  {
    file: 'invalid-json-then-separator.json',
    findings: [`1:85 yaml-syntax: invalid JSON (kubectl reads input that starts with "{" as JSON): invalid character '-' in numeric literal`],
    objects: ['before-separator'],
  },
  // encoding/json's words for a stray comma after a value (the YAML decoder fails on it too)
  {
    file: 'invalid-json-stream-comma.json',
    findings: [`1:80 yaml-syntax: invalid JSON (kubectl reads input that starts with "{" as JSON): invalid character ',' looking for beginning of value`],
    objects: ['before-comma'],
  },
  // ... but after two values the stream is JSON to its end
  {
    file: 'invalid-json-stream.json',
    findings: [`15:23 yaml-syntax: invalid JSON (kubectl reads input that starts with "{" as JSON): invalid character 'y' looking for beginning of value`],
    objects: ['first', 'second'],
  },
  // a Go template action parses as a mapping key kubectl rejects ("invalid map key"): the template is named instead
  {
    file: 'invalid-go-template.yaml',
    findings: ['4:9 helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output'],
    objects: [],
  },
  {
    file: 'invalid-go-template-after-quoted.yaml',
    findings: ['8:13 helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output'],
    objects: [],
  },
  // resolve.go resolve, decode.go scalar (!!binary)
  {
    file: 'invalid-tags.yaml',
    findings: ['6:8 yaml-syntax: cannot decode !!str `twelve` as a !!int', '7:11 yaml-syntax: !!binary value contains invalid base64 data'],
    objects: ['bad-tags'],
  },
];

describe('the loader reads what go-yaml v2 reads', () => {
  it.each(CASES)('$file', async ({ file, findings, objects }) => {
    const result = await load(file);
    expect(result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual(findings);
    expect(result.objects.map((object) => object.ref.name)).toEqual(objects);
  });

  // sigs.k8s.io/yaml convertToJSONableObject: strconv.FormatFloat(key, 'g', -1, 32) for a float key
  it('names number keys as kubectl does: integers by their digits, floats as Go prints a float32', async () => {
    const [object] = (await load('valid-number-keys.yaml')).objects;
    expect(Object.keys(object?.value['data'] as object)).toEqual(['15', '31', '10000000', '0.1', '1e-07', '1e+07', '3.1415927', '-0', '123456.7', '1000.5', '-.inf', '.nan', '.inf', '9223372036854775807', '-9007199254740993']);
  });

  it('names a key tagged !!float as a float and calls float keys duplicates by their float64 values', async () => {
    const [object] = (await load('valid-float-keys.yaml')).objects;
    expect(Object.keys(object?.value['data'] as object)).toEqual(['7', '1e+06', '.inf', '.nan']);
  });

  it('decodes flow collections and quoted scalars left of their key to go-yaml values, at their own positions', async () => {
    const [flow] = (await load('valid-flow-left-of-key.yaml')).objects;
    const container = ['spec', 'containers', 0];
    expect(flow?.value).toMatchObject({ spec: { containers: [{ args: ['echo', '$(params.x)'], command: ['sh', '-c'] }] } });
    expect(flow?.rangeOf([...container, 'args', 1])).toMatchObject({ line: 12, column: 5, endLine: 12, endColumn: 18 });
    expect(flow?.rangeOf([...container, 'command', 1])).toMatchObject({ line: 15, column: 3, endLine: 15, endColumn: 5 });
    const [quoted] = (await load('valid-quoted-left-of-key.yaml')).objects;
    expect(quoted?.value).toMatchObject({ spec: { containers: [{ args: [' cd /go/src && go build -v . '], workingDir: 'a b' }] } });
    expect(quoted?.rangeOf([...container, 'args', 0])).toMatchObject({ line: 10, column: 12, endLine: 13, endColumn: 6 });
    expect(quoted?.keyRangeOf([...container, 'workingDir'])).toMatchObject({ line: 14, column: 5 });
  });

  it('reads a block scalar whose header is at its key\'s column on the next line as the key\'s value', async () => {
    const [object] = (await load('valid-block-scalar-at-key-column.yaml')).objects;
    expect(object?.value['data']).toEqual({ script: 'echo hi\n', folded: 'a b', last: 'x' });
    expect(object?.rangeOf(['data', 'script'])).toMatchObject({ line: 10, column: 1 });
    expect(object?.keyRangeOf(['data', 'last'])).toMatchObject({ line: 15, column: 3 });
  });

  it('folds a continuation line starting with an indented "---" or "..." into the quoted scalar', async () => {
    const [quoted] = (await load('valid-quoted-indented-marker.yaml')).objects;
    expect(quoted?.value['data']).toEqual({
      hostPath: 'HostPath is a directory on the host. --- TODO(jonesdl) We need to restrict who can use host directory mounts',
      other: 'a ... b',
    });
  });

  it('reads an indented "---" or other plain scalar on a document\'s first line as the plain scalar go-yaml reads', () => {
    const file = 'fixtures/load/go-yaml/invalid-indented-marker.yaml';
    const { documents } = parseDocuments(new SourceText(file, readFileSync(file, 'utf8')), DEFAULT_LIMITS);
    expect(documents.map((document) => document.value)).toEqual([
      // (the first node of a document whose next line go-yaml never reads)
      '---',
      '--- | a',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after' } },
      // ... which the next lines continue, left of it too (a top-level node's indentation is 0)
      '--- continued [on, lines left of it] {and a tab}',
      // ... after comment lines too
      '--- "and quoted"',
      // ... as any plain scalar does
      'plain scalar',
    ]);
    // ... and with CRLF line ends (the blank line before the marker ends in one)
    const crlf = '# c\r\n\r\n  ---\r\n[1]\r\n';
    expect(parseDocuments(new SourceText('crlf.yaml', crlf), DEFAULT_LIMITS).documents.map((document) => document.value)).toEqual(['--- [1]']);
  });

  // decode.go parser.anchor: a node's anchor is set as the node starts, so an anchor inside that takes the name again
  // is what later aliases name (kubefit once named the outer node again as it ended)
  it('resolves an alias to the last node given the anchor, an inner one included', async () => {
    const [object] = (await load('valid-anchor-redefined-inside.yaml')).objects;
    expect(object?.value['data']).toEqual({ tier: 'web', first: ['a', 'b'], last: 'b' });
  });

  it('reads a flow plain scalar ending in ":" as one string and "?x" as a key, at their own positions', async () => {
    const [entry] = (await load('valid-flow-plain-scalars.yaml')).objects;
    expect(entry?.value).toMatchObject({ spec: { addresses: ['1.2.3.4', '2001:db8::', 'fe80::'], hosts: [{ 'example.com': null }], exportTo: { 'a:b': null } } });
    expect(entry?.rangeOf(['spec', 'addresses', 1])).toMatchObject({ line: 7, column: 24, endLine: 7, endColumn: 34 });
    expect(entry?.rangeOf(['spec', 'addresses', 2])).toMatchObject({ line: 7, column: 36, endLine: 7, endColumn: 42 });
  });

  it('reads a lone "-" in a flow collection as a string, as go-yaml does', async () => {
    const [entry] = (await load('valid-flow-dash.yaml')).objects;
    expect(entry?.value['spec']).toEqual({ waitFor: ['-'], steps: ['a', '-', 'b'], options: { after: '-' }, ranges: [-1, '-a'] });
    expect(entry?.rangeOf(['spec', 'steps', 1])).toMatchObject({ line: 8, column: 14, endLine: 8, endColumn: 15 });
  });

  it('ends a comment at a LS (the next key is read) and folds a NEL in quotes to a space, as go-yaml does', async () => {
    const [entry] = (await load('valid-unicode-line-breaks.yaml')).objects;
    expect(entry?.value).toMatchObject({ data: { a: 'x y', b: 'z' } });
    expect(entry?.keyRangeOf(['data', 'b'])).toMatchObject({ line: 8, column: 17 });
  });

  // a mkdocs snippet in {% raw %} (external-secrets docs/snippets) is read as JSON and fails at its "%": the Go template
  // action in a quoted string below it is not the cause (the file has no comment: it must start with "{")
  it('blames the JSON syntax, not a later Go template action, when a file starting with "{" fails first', async () => {
    const loaded = await load('invalid-jinja-raw.yaml');
    expect(loaded.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([
      `1:2 yaml-syntax invalid JSON (kubectl reads input that starts with "{" as JSON): invalid character '%' looking for beginning of object key string`,
    ]);
  });

  it('reads a JSON stream value by value, "\\/" included, at their own positions', async () => {
    const [first, second] = (await load('valid-json-stream.json')).objects;
    expect(first?.value).toMatchObject({ data: { url: 'https://example.com' } });
    expect(second?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 2, column: 64, endLine: 2, endColumn: 72 });
  });

  // values from go-yaml v2 (test/goyaml-oracle) on the fixture: kubectl's reader ends every line, the last one too,
  // with a line feed, so a `|+` scalar at the end of a file without one still keeps one
  it('keeps the trailing line breaks of a |+ scalar as go-yaml does: mid-document, before "---", at the end of the file', async () => {
    const values = (await load('valid-keep-chomping.yaml')).objects.map((object) => object.value['data']);
    expect(values).toEqual([{ middle: 'x\n\n', spaces: 'y\n\n\n  \n', folded: 'a b\n\n' }, { last: 'z\n\n\n' }, { eof: 'w\n' }]);
  });

  it('decodes tags and escapes as go-yaml does', async () => {
    const [tags] = (await load('valid-tags.yaml')).objects;
    expect(tags?.value).toMatchObject({
      data: { str: '12', local: '12', nonSpecific: '12' },
      binaryData: { blob: 'hello' },
      spec: { int: 12, float: 1, bool: true },
    });
    const [escapes] = (await load('valid-escapes.yaml')).objects;
    expect(escapes?.value).toMatchObject({ data: { apostrophe: "it's", others: '\tAé\u00a0\u0085', continued: 'run \n\n--flag --other', after: 'x' } });
    expect(escapes?.rangeOf(['data', 'continued'])).toMatchObject({ line: 10, column: 14, endLine: 14, endColumn: 13 });
    expect(escapes?.keyRangeOf(['data', 'after'])).toMatchObject({ line: 15, column: 3 });
  });

  // scannerc.go yaml_parser_scan_to_next_token: tabs are allowed anywhere in flow context (js-yaml took them for indentation)
  it('reads tabs between the tokens of a flow collection as white space, and keeps them inside quotes', async () => {
    const [object] = (await load('valid-tab-separators.yaml')).objects;
    expect(object?.value).toMatchObject({
      metadata: { labels: { app: 'web', tier: 'db', zone: 'a' }, annotations: { list: '[a,\tb]' } },
      data: {
        flow: ['a', 'b'],
        quoted: 'first second',
        anchored: { k: 'v' },
        inFlow: { k: ['a', 'b'], j: 'c' },
        // a block scalar of `- - |-` or `- k: |-` ends at the column of the node it is in (4), not the line's indentation
        entries: [[''], { k: '', j: ['a', 'b'] }],
        // ... but a tab in a plain scalar stays: in block context `,` starts no flow collection
        plain: 'a:[] ,\t[b,\tc]',
        // a tab between a quoted key or an alias and its `:` is skipped in a flow collection: the `:` is an indicator
        quotedKeys: { k: 'v', j: ['w'] },
        aliasKey: ['a', { a: 'z' }],
        // tabs before a flow collection's continuation lines, at, left or right of its bracket, are white space
        tabbed: ['a', 'b', { c: 'd', e: 'f' }],
      },
    });
  });
});
