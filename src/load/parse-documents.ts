// Splits a file into documents where kubectl does and parses each; a syntax error costs only its own document.
import type { YAMLException } from 'js-yaml';
import { countText } from '../model/count-text.js';
import type { Finding } from '../model/finding.js';
import { jsYaml } from './js-yaml.js';
import { buildDocuments, buildJsonDocument, type BuildLimits, type BuildProblem, type BuiltDocument } from './build-values.js';
import { buildThroughCache } from './document-cache.js';
import type { CodeStore } from './validator-cache-dir.js';
import type { Positions } from './plain-block-reader.js';
import { firstNodeEnd, firstNodeText, goYamlProblem } from './go-yaml-problem.js';
import { GO_SPACE, isJsonStream, splitJsonValues, wholeJsonValue, type ParsedJsonValue } from './json-stream.js';
import { documentExtent } from './document-markers.js';
import { readYamlDocuments } from './yaml-reader.js';
import type { SharedValues } from './shared-values.js';
import { SnapshotReading } from './snapshot-reading.js';
import { itemDocumentText, kubectlListItems, type ListItem } from './list-items.js';
import { ContainerSpans } from './span-index.js';
import { LOAD_CHECKS } from './load-checks.js';
import { ParsedDocument } from './parsed-document.js';
import { SourceText } from './source-text.js';
import { blankComments, blankTrailingCommas, findJsonComments } from './json-comments.js';
import { describeSyntaxError } from './syntax-error.js';
import { valueFloor } from './value-floor.js';
import { hasTypeMeta } from './to-objects.js';
import { asRecord } from '../model/object.js';

export interface ParseResult {
  readonly documents: ParsedDocument[];
  readonly findings: Finding[];
}

export interface ParseLimits extends BuildLimits {
  /** Documents one file may hold. */
  readonly maxDocuments: number;
}

/**
 * `positions: 'none'` reads values only and works out a document's positions on its first request (cluster inputs,
 * which are never linted); the full path records them anyway. Its values share their equal subtrees within a file
 * (shared-values.ts). `documentCache` keeps the values of large YAML documents
 * between runs (document-cache.ts).
 */
export function parseDocuments(original: SourceText, limits: ParseLimits, positions: Positions = 'eager', reader: Reader = 'manifest'): ParseResult {
  const documents: ParsedDocument[] = [];
  const findings: Finding[] = [];
  for (const item of readDocuments(original, limits, positions, undefined, reader)) {
    if (item instanceof ParsedDocument) documents.push(item);
    else findings.push(item);
  }
  return { documents, findings };
}

/**
 * A document read again from its chunk alone (`source` holds the chunk's text, positioned where it was in its file):
 * the same value and spans as readDocuments built, without reading the rest of the file.
 */
export function readDocumentAt(source: SourceText, json: boolean, limits: ParseLimits): ParsedDocument | undefined {
  const built = (json ? buildJsonDocument : buildDocuments)(source.text, 0, limits)[0];
  return built && new ParsedDocument(source, 0, built);
}

/**
 * Who reads the file after kubefit: kubectl (`manifest`), Helm (`chart`: a file of a chart's templates folder, which
 * Helm's own objects make a chart template even when it parses; `chart-crds`: a file of a chart's crds folder, which
 * Helm applies as it is, unrendered), kustomize merging a patch into a build (`patch`:
 * Helm's objects anywhere make the build's output a chart template, as gatekeeper's helmify patches do), or kustomize
 * itself (`kustomize`: a kustomization is YAML kustomize reads as it is; its `namespace: "{{ .Release.Namespace }}"`
 * is a value for a later `helm template`).
 */
export type Reader = 'manifest' | 'chart' | 'chart-crds' | 'patch' | 'kustomize';

/**
 * parseDocuments one document at a time: each document (and each problem, in the order parseDocuments lists them) is
 * yielded as soon as it is read, so a caller that lets go of a document before asking for the next holds one at a time.
 */
export function* readDocuments(original: SourceText, limits: ParseLimits, positions: Positions = 'eager', documentCache?: CodeStore, reader: Reader = 'manifest', snapshot?: SnapshotReading): Generator<ParsedDocument | Finding, void> {
  // a native search first: the regular expression costs about 2 ms per MB even where there is no `{{`
  const chartInput = reader === 'patch' || (reader === 'chart' && !isHelmOutput(original.text));
  // a templates folder is a chart's only with a Chart.yaml beside it on disk (helm-charts.ts chartFolderOf)
  const inChart = reader === 'chart';
  if (chartInput && original.text.includes('{{') && HELM_TEMPLATE.test(original.text)) {
    yield helmFinding(original, reader, HELM_TEMPLATE);
    return;
  }
  // a cluster snapshot that JSON.parse reads whole (`kubectl get -o json`) needs neither the comment nor the stream scan
  const whole = positions === 'none' && isJsonStream(original.text) ? wholeJsonValue(original.text) : undefined;
  const comments = whole === undefined && /\.json$/i.test(original.file) ? findJsonComments(original.text) : [];
  // kubectl rejects them, but a file that holds no object (a tsconfig.json beside an app's manifests) is no manifest:
  // like a values file's duplicate keys, comments are reported only in a file with an object, before its first one
  let commentFindings = comments.map((comment) => fileFinding(original, comment.start, comment.end, { ...LOAD_CHECKS.yamlSyntax, message: 'comments are not allowed in JSON (kubectl rejects this file)' }));
  const commentFree = comments.length > 0 ? new SourceText(original.file, blankComments(original.text, comments)) : original;
  // and JSONC's trailing commas, in a file that holds no object (read as one without them, then skipped)
  const source = (whole === undefined && /\.json$/i.test(original.file) ? jsoncWithoutObject(commentFree) : undefined) ?? commentFree;
  let helmReported = false;
  let count = 0;
  const ytt = reader === 'manifest' || reader === 'chart' || reader === 'chart-crds' ? yttAnnotationAt(source.text) : undefined;
  const plan = whole ? parsedJsonPlan(whole) : isJsonStream(source.text) ? jsonPlan(source, reader, limits) : yamlPlan(source, limits.maxDocuments);
  // whether a template action found where the document fails is its cause: always in a Helm template
  const blamesTemplate = (chunk: string, start: number) => isHelmText(source.text, inChart) || breaksDocument(chunk, (text) => plan.build(text, start, limits, positions));
  const tables = positions === 'none' ? (snapshot ?? new SnapshotReading()).forFile(source.length) : undefined;
  const shared = tables?.shared;
  // documents repeating an earlier one's layout are read as copies of it (document-templates.ts)
  const templates = plan.json ? undefined : tables?.templates;
  // large YAML documents (CRDs) from the cache by content, when there is one (see document-cache.ts)
  const build: ReadingPlan['build'] = documentCache && positions === 'eager' && !plan.json ? (text, offset, buildLimits) => buildThroughCache(documentCache, buildDocuments, text, offset, buildLimits) : plan.build;
  yield* plan.findings;
  // a cluster snapshot's kubectl List is read item by item, each as a document of its own (list-items.ts)
  const chunks = templates ? plan.chunks.flatMap((chunk) => listItemChunks(source.text, chunk, limits.maxDocuments - count)) : plan.chunks;
  chunks: for (const chunk of chunks) {
    const start = chunk.start;
    const chunkText = 'item' in chunk ? itemDocumentText(source.text, chunk) : source.text.slice(start, chunk.end);
    // JSON.parse has read a whole JSON text already: its values are counted, not estimated from the text
    if (whole ? whole.values > limits.maxExpandedNodes : isValueFlood(chunkText, limits)) {
      yield valueFlood(source, start, limits.maxExpandedNodes);
      continue;
    }
    // go-yaml's Unmarshal reads only a document's first node: when js-yaml refuses what follows it, the node is read alone
    let text = chunkText;
    for (;;) {
      const findings: Finding[] = [];
      shared?.startDocument();
      try {
        const templated = templates?.read(text, start, limits);
        const built = templated ?? firstDocument(source, { text, start }, build(text, start, limits, positions), findings);
        yield* findings;
        if (!built) continue chunks;
        // `name: {{ .Name }}` parses as a mapping used as a key, which kubectl rejects: the template is the cause
        const decode = built.problems.find((problem) => problem.kind === 'decode');
        // (a first node go-yaml cannot decode fails the whole document: its error alone is kubectl's)
        if (text !== chunkText && !decode) {
          const dropped = afterWhitespace(chunkText, text.length);
          yield syntaxAt(source, start + dropped, start + dropped + 1, DROPPED_AFTER_FIRST_NODE);
        }
        const template = decode && templateAt(source.text, decode.start, reader);
        if (template && blamesTemplate(text, start)) {
          if (!helmReported) yield template(source);
          helmReported = true;
          continue chunks;
        }
        // an empty flow collection as a key (`{}: x`) does not even parse for go-yaml, whose scanner forgets the simple
        // key it started (decrease_flow_level deletes it by its token number): kubectl reports that, not the key
        const unparsed = decode?.message.startsWith('invalid map key') ? goYamlProblem(text) : undefined;
        if (unparsed) {
          yield syntaxAt(source, start + unparsed.offset, start + unparsed.offset + 1, unparsed.message);
          continue chunks;
        }
        // `name: #@ data.values.name` reads as null: the objects are what ytt renders, not these (a data values file is none)
        if (ytt !== undefined && isObjectLike(asRecord(built.value))) {
          yield yttFinding(source, ytt);
          return;
        }
        // a document that is no object is skipped (a Helm values file, read by Helm without duplicate-key checks)
        const isObject = hasTypeMeta(asRecord(built.value));
        if (isObject) {
          yield* commentFindings;
          commentFindings = [];
        }
        for (const problem of built.problems) if (isObject || !isKeyProblem(problem)) yield problemFinding(source, problem);
        if (count >= limits.maxDocuments) {
          yield tooManyDocuments(source, built.rootSpan[0], limits.maxDocuments);
          return;
        }
        // an item's chunk is not the file's text (its `- ` reads as two spaces): it is never read again from the file
        const extent = 'item' in chunk ? undefined : { start, end: text === chunkText ? chunk.end : start + text.length, json: plan.json && start < (plan.yamlFrom ?? Number.POSITIVE_INFINITY) };
        yield new ParsedDocument(source, count++, shared && !templated ? sharedDocument(built, shared) : built, extent);
      } catch (error) {
        if (!(error instanceof jsYaml().YAMLException)) throw error;
        const at = start + (error.mark?.position ?? 0);
        const template = templateAt(source.text, at, reader);
        if (template && blamesTemplate(chunkText, start)) {
          if (!helmReported) yield template(source);
          helmReported = true;
          continue chunks;
        }
        const firstNode = text === chunkText ? firstNodeText(chunkText) : undefined;
        if (firstNode !== undefined) {
          text = firstNode;
          continue;
        }
        yield syntaxFinding(source, { start, text: chunkText }, error, limits);
      }
      break;
    }
  }
}

/**
 * The document with equal subtrees shared, when its positions are read from the text; the full path's are looked up
 * by the identity of each mapping and sequence it built, so its values stay as they are.
 */
function sharedDocument(built: BuiltDocument, shared: SharedValues): BuiltDocument {
  if (built.spans instanceof ContainerSpans) return built;
  // the root span asked for, not copied: a JSON document JSON.parse read works it out on the first request (a spread
  // would read a `kubectl get -o json` snapshot's whole List again, positions and all)
  const { spans, problems, digest } = built;
  return { value: shared.share(built.value), get rootSpan() { return built.rootSpan; }, spans, problems, digest };
}

/** The document's List items as chunks of their own, when it is a List as kubectl writes it; else the document. */
function listItemChunks(text: string, chunk: { start: number; end: number }, max: number): ({ start: number; end: number } | (ListItem & { item: true }))[] {
  const items = kubectlListItems(text, chunk.start, chunk.end, max);
  return items ? items.map((item) => ({ ...item, item: true as const })) : [chunk];
}

/** The documents of a file as kubectl frames them, the problems found framing them, and how to parse each. */
interface ReadingPlan {
  readonly chunks: readonly { start: number; end: number }[];
  readonly findings: readonly Finding[];
  readonly build: (text: string, offset: number, limits: BuildLimits, positions: Positions) => BuiltDocument[];
  /** Read as a stream of JSON values (kubectl's JSON decoder), not as YAML documents. */
  readonly json: boolean;
  /** Where a JSON stream's chunks end and YAML documents begin, in a stream kubectl reads as both (yamlAfterJson). */
  readonly yamlFrom?: number;
}

/**
 * A character go-yaml's reader refuses anywhere in a document, comments and quoted scalars included (js-yaml checks
 * only some scalars): not #x9, #xA, #xD, #x20-#x7E, #x85, #xA0-#xD7FF, #xE000-#xFFFD or a pair for #x10000-#x10FFFF.
 * upstream: gopkg.in/yaml.v2 readerc.go yaml_parser_update_buffer
 */
const NOT_ALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/;

/** The YAML documents of the file, from offset `from` on (see yamlAfterJson). */
function yamlPlan(source: SourceText, maxDocuments: number, from = 0): ReadingPlan {
  const read = readYamlDocuments(source.text, maxDocuments, from);
  const findings: Finding[] = [];
  const chunks: { start: number; end: number }[] = [];
  // one scan of the whole text (none when its bytes were searched): a file without such characters (nearly every one)
  // is not scanned again per document
  const clean = source.readable || !NOT_ALLOWED.test(source.text);
  // likewise a text without `...` has no document end marker to look for in each document
  const mayEnd = source.text.includes('...');
  for (const { start, end } of read.chunks) {
    const text = source.text.slice(start, end);
    const control = clean ? null : NOT_ALLOWED.exec(text);
    if (control) {
      // go-yaml's reader decodes ahead of its scanner, not the whole document first: an earlier error is kubectl's
      const problem = goYamlProblem(text) ?? { message: 'control characters are not allowed', offset: control.index };
      findings.push(syntaxAt(source, start + problem.offset, start + problem.offset + 1, problem.message));
      continue;
    }
    const extent = documentExtent(text, mayEnd);
    const { problem } = extent;
    if (problem) findings.push(syntaxAt(source, start + problem.start, start + problem.end, problem.message));
    if (!problem || extent.end < end - start) chunks.push({ start, end: start + extent.end });
  }
  if (read.invalidSeparator) {
    const { offset, message } = read.invalidSeparator;
    findings.push(syntaxAt(source, offset, lineEndOf(source.text, offset), `${message} (kubectl reads nothing from the previous separator on)`));
  }
  if (read.tooMany !== undefined) findings.push(tooManyDocuments(source, read.tooMany, maxDocuments));
  return { chunks, findings, build: buildDocuments, json: false };
}

function jsonPlan(source: SourceText, reader: Reader, limits: ParseLimits): ReadingPlan {
  const stream = splitJsonValues(source.text);
  const { error } = stream;
  // `{{- $root := . -}}` first makes kubectl read a chart template as JSON: the template is the cause, when an action
  // comes no later than the error's line (a mkdocs `{% raw %}` first, with actions in quoted strings below, is not one)
  const template = error && GO_TEMPLATE.exec(source.text.slice(0, lineEndOf(source.text, error.offset))) ? templateAt(source.text, error.offset, reader) : undefined;
  if (error && !template && stream.values.length <= 1) {
    const yaml = yamlAfterJson(source, stream.values[0]?.end ?? 0, limits);
    if (yaml) {
      const yamlFrom = yaml.chunks[0]?.start ?? source.length;
      const build: ReadingPlan['build'] = (text, offset, ...rest) => (offset < yamlFrom ? buildJsonDocument : buildDocuments)(text, offset, ...rest);
      return { chunks: [...stream.values, ...yaml.chunks], findings: yaml.findings, build, json: stream.values.length > 0, yamlFrom };
    }
  }
  const findings = !error ? [] : template ? [template(source)] : [syntaxAt(source, error.offset, error.offset + 1, error.message)];
  return { chunks: stream.values, findings, build: buildJsonDocument, json: true };
}

/**
 * The rest of a stream kubectl reads as YAML once encoding/json fails on its first or second value (kubectl 1.33 and
 * later: a flow mapping such as `{name: x}`, or a JSON object and then YAML documents after `---`), from the end of the
 * last value read and its white space up to the first line break; undefined when the YAML decoder fails on the first
 * document too, for which kubectl reports the JSON error.
 * upstream: apimachinery decoder.go YAMLOrJSONDecoder.Decode and consumeWhitespace (v0.33.0, 9b3d085f "Better
 * handling of YAML that tastes like JSON"; before, every value was encoding/json's)
 */
function yamlAfterJson(source: SourceText, end: number, limits: ParseLimits): ReadingPlan | undefined {
  const from = afterWhitespace(source.text, end);
  const read = readYamlDocuments(source.text, 1, from);
  const [first] = read.chunks;
  // no first document: the stream ends (`}---`), or the reader failed on it (an invalid separator ends it)
  if (!first) return read.invalidSeparator ? undefined : { chunks: [], findings: [], build: buildDocuments, json: false };
  if (!yamlDecodes(source.text.slice(first.start, first.end), first.start, limits)) return undefined;
  return yamlPlan(source, limits.maxDocuments, from);
}

/** Where consumeWhitespace stops: at the first character that is no white space, or after the first line feed. */
function afterWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && GO_SPACE.test(text.charAt(at))) if (text.charCodeAt(at++) === 0x0a) break;
  return at;
}

/**
 * Whether go-yaml parses the document's first node and sigs.k8s.io/yaml converts it (yaml.Unmarshal decodes that node
 * only, and a duplicate key is no error for it).
 */
function yamlDecodes(text: string, offset: number, limits: BuildLimits): boolean {
  if (goYamlProblem(text)) return false;
  try {
    const built = buildDocuments(text.slice(0, firstNodeEnd(text) ?? text.length), offset, limits)[0];
    return built?.problems.every(isKeyProblem) ?? true;
  } catch (error) {
    if (!(error instanceof jsYaml().YAMLException)) throw error;
    return false;
  }
}

/** The largest JSON text read as JSONC (a tsconfig.json is a few kB; a 25 MB one took 9 s and 1 GB to try). */
const JSONC_MAX_CHARACTERS = 1024 * 1024;

/**
 * A JSONC file's text with its trailing commas blanked (its comments are already), when it then is one JSON value that
 * holds no object (a tsconfig.json); undefined otherwise: a manifest with them is kubectl's invalid JSON.
 */
function jsoncWithoutObject(source: SourceText): SourceText | undefined {
  // a configuration file is small: a large text (a hostile or generated one) keeps kubectl's verdict; and a native
  // search first: most JSON files have no trailing comma
  if (source.length > JSONC_MAX_CHARACTERS || !/,\s*[}\]]/.test(source.text)) return undefined;
  const blanked = blankTrailingCommas(source.text);
  try {
    const value = asRecord(JSON.parse(blanked));
    return typeof value?.['apiVersion'] === 'string' && typeof value['kind'] === 'string' ? undefined : new SourceText(source.file, blanked);
  } catch {
    return undefined;
  }
}

/** One JSON value JSON.parse has read already: its value is not read again. */
function parsedJsonPlan(whole: ParsedJsonValue): ReadingPlan {
  return { chunks: [whole], findings: [], build: (text, offset, limits, positions) => buildJsonDocument(text, offset, limits, positions, whole), json: true };
}

/** What follows a document's first node, which go-yaml's Unmarshal never reads (yaml.go unmarshal: parser.parse once). */
const DROPPED_AFTER_FIRST_NODE = 'kubectl reads only the first node of this document and ignores everything after it up to the next "---"';

function syntaxAt(source: SourceText, start: number, end: number, message: string): Finding {
  return fileFinding(source, start, end, { ...LOAD_CHECKS.yamlSyntax, message });
}

/**
 * go-yaml decodes the first document of each of kubectl's documents and drops the rest silently (a second one
 * appears only where `---` follows a line break kubectl's reader, which splits at line feeds, does not take for one:
 * a lone CR, or a NEL, LS or PS, which go-yaml reads as line breaks). A `---` the builder took for a marker where
 * go-yaml does not (after a byte order mark, which go-yaml skips as a column of the line) is go-yaml's syntax error:
 * kubectl reads nothing of that document.
 */
function firstDocument(source: SourceText, chunk: { text: string; start: number }, built: BuiltDocument[], findings: Finding[]): BuiltDocument | undefined {
  if (built.length > 1) {
    const problem = goYamlProblem(chunk.text);
    if (problem) {
      const at = chunk.start + problem.offset;
      findings.push(syntaxAt(source, at, at + 1, problem.message));
      return undefined;
    }
    // an empty document after the marker (`b: 2<CR>---` at the file's end) loses nothing
    const second = built.find((document, index) => index > 0 && (document.value !== null || document.problems.length > 0));
    if (!second) return built[0];
    const lineBreak = OTHER_LINE_BREAKS[source.text.charAt(source.text.lastIndexOf('---', second.rootSpan[0]) - 1)] ?? 'a lone CR';
    const message = `kubectl reads only the first document here: the "---" after ${lineBreak} is not a document separator for it`;
    findings.push(fileFinding(source, second.rootSpan[0], second.rootSpan[1], { ...LOAD_CHECKS.yamlSyntax, message }));
  }
  return built[0];
}

const OTHER_LINE_BREAKS: Readonly<Record<string, string>> = { '\r': 'a lone CR', '\u0085': 'a NEL (U+0085)', '\u2028': 'a LS (U+2028)', '\u2029': 'a PS (U+2029)' };

function lineEndOf(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/**
 * Helm's own objects and functions: in a chart's templates folder (which Helm renders, at any depth), such a file is a
 * chart template even when it happens to parse. Elsewhere they may be values for a later `tpl` (a Flux HelmRelease's
 * `hostnames: ["{{ .Release.Name }}.example.com"]`): a file there is a template only when it does not parse.
 */
const HELM_TEMPLATE = /\{\{[^{}]*?(?:\.(?:Values|Release|Chart|Capabilities|Files)\b|\b(?:include|toYaml|tpl)\b)/;
/**
 * `helm template` output: every document it writes starts with `# Source: CHART/templates/FILE` (right after its
 * `---`, or at the file's start), and `--output-dir`
 * writes the files under `DIR/CHART/templates/` (Mimir's rendered test charts). Its Go template text is a value
 * (an Alertmanager template in a ConfigMap), not an action left for Helm.
 */
const HELM_OUTPUT = /(?:^(?:---[^\n]*\n)?|\n---[^\n]*\n)# Source: \S+\/templates\//;

function isHelmOutput(text: string): boolean {
  return text.includes('# Source: ') && HELM_OUTPUT.test(text);
}

/**
 * Any Go template action or Helm function, or a comment; only taken for a template when the file does not parse
 * (Prometheus rules use them too). A comment opens right at the delimiter or after its trim marker, `{{/*` or `{{- /*`
 * (k0s comments a whole manifest out that way).
 */
// upstream: text/template/parse/lex.go lexLeftDelim (hasLeftTrimMarker: "-" and one of spaceChars, then leftComment)
const GO_TEMPLATE = /\{\{(?:-?\s*(?:[.$]|if|range|with|end|else|template|include|toYaml|tpl|define)\b|(?:-[ \t\r\n])?\/\*)/;
/** Any other `{{ placeholder }}` (Jinja, Mustache, sed-style substitution), on the line kubectl stops at. */
const PLACEHOLDER = /\{\{[^{}\n]*\}\}/;

/**
 * The finding for a file whose document does not parse (or does not convert to JSON) at `offset` because it is a
 * template, if it is one: Go template syntax anywhere makes it a Helm chart's; another placeholder counts only on the
 * line kubectl stops at (a Grafana dashboard's `legendFormat: "{{pod}}"` does not explain an error elsewhere).
 */
function templateAt(text: string, offset: number, reader: Reader): ((source: SourceText) => Finding) | undefined {
  if (GO_TEMPLATE.test(text)) {
    const at = templateActionBefore(text, lineEndOf(text, offset));
    return (source) => (isHelmText(text, reader === 'chart') ? helmFinding(source, reader, GO_TEMPLATE, at) : goTemplateFinding(source, at));
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = PLACEHOLDER.exec(text.slice(lineStart, lineEndOf(text, offset)));
  if (!match) return undefined;
  const at = lineStart + match.index;
  const message = `this is a template, not a manifest: ${match[0]} is a placeholder kubectl cannot read; render the template first, or quote it if a controller fills it in later (Argo's {{args.name}})`;
  return (source) => fileFinding(source, at, at + 2, { ...LOAD_CHECKS.helmTemplate, message });
}

function syntaxFinding(source: SourceText, chunk: { start: number; text: string }, error: YAMLException, limits: BuildLimits): Finding {
  const problem = describeSyntaxError(chunk.text, error, limits);
  const offset = chunk.start + problem.offset;
  const check = problem.message.startsWith('nesting exceeded') ? LOAD_CHECKS.tooLarge : LOAD_CHECKS.yamlSyntax;
  return fileFinding(source, offset, offset + 1, { ...check, message: problem.message });
}

/** A key written twice, or two that become one JSON key: kubectl decodes the document all the same. */
function isKeyProblem(problem: BuildProblem): boolean {
  return problem.kind === 'duplicate-key' || problem.kind === 'ambiguous-key';
}

function problemFinding(source: SourceText, problem: BuildProblem): Finding {
  const check =
    problem.kind === 'duplicate-key' ? LOAD_CHECKS.duplicateKey
    // kubectl applies one of the values without a word: what is applied may not be what the file means
    : problem.kind === 'ambiguous-key' ? { ...LOAD_CHECKS.duplicateKey, severity: 'warning' as const }
    : problem.kind === 'too-large' ? LOAD_CHECKS.tooLarge
    : LOAD_CHECKS.yamlSyntax;
  return fileFinding(source, problem.start, problem.end, { ...check, message: problem.message });
}

/**
 * A ytt (Carvel) annotation at the start of a line, where a template has its `#@ load("@ytt:data", "data")`, `#@ if`,
 * `#@overlay/match` or `#@data/values`; plain YAML comments do not start with `#@`. An indented one may be text in a
 * block scalar (kapp-controller's App with an inline ytt overlay), so it is not taken for one.
 */
const YTT_ANNOTATION = /^#@(?:[ \t]|(?:overlay|data|schema|yaml|template|library)\/)/m;

function yttAnnotationAt(text: string): number | undefined {
  if (!text.includes('#@')) return undefined;
  return YTT_ANNOTATION.exec(text)?.index;
}

/** A document with a kind or an apiVersion: an object, or an overlay's part of one. */
function isObjectLike(record: Readonly<Record<string, unknown>> | undefined): boolean {
  return record !== undefined && (typeof record['kind'] === 'string' || typeof record['apiVersion'] === 'string');
}

function yttFinding(source: SourceText, offset: number): Finding {
  const message = 'this is a ytt template, not a manifest: render it first (ytt -f DIR | kubefit check -)';
  return fileFinding(source, offset, offset + 2, { ...LOAD_CHECKS.helmTemplate, message });
}

/**
 * The last template action that starts before `end` (the end of the line the parser stopped at): a quoted
 * `"{{ .X }}"` earlier in the file parses, the unquoted one the parser stopped at does not. The first one when none.
 */
function templateActionBefore(text: string, end: number): number {
  const actions = new RegExp(GO_TEMPLATE.source, 'g');
  let last = -1;
  for (let match = actions.exec(text); match && match.index < end; match = actions.exec(text)) last = match.index;
  return last >= 0 ? last : Math.max(0, text.search(GO_TEMPLATE));
}

/** A Go text/template outside a chart, without Helm's objects (an operator's or a test harness's own templates). */
function goTemplateFinding(source: SourceText, offset: number): Finding {
  const message = 'this is a Go template, not a manifest: render it with the program that fills it in, then check the output';
  return fileFinding(source, offset, offset + 2, { ...LOAD_CHECKS.helmTemplate, message });
}

function helmFinding(source: SourceText, reader: Reader, syntax: RegExp, at?: number): Finding {
  const offset = at ?? Math.max(0, source.text.search(syntax));
  return fileFinding(source, offset, offset + 2, { ...LOAD_CHECKS.helmTemplate, message: reader === 'chart-crds' ? HELM_CRDS_TEMPLATE : HELM_TEMPLATE_FILE });
}

const HELM_TEMPLATE_FILE = 'this is a Helm template, not a manifest: render it first (helm template RELEASE CHART | kubefit check -)';
/** upstream: helm pkg/action/install.go installCRDs builds each chart.CRDObjects() file's data as it is; only templates/ is rendered */
const HELM_CRDS_TEMPLATE = "this is a Helm template in a chart's crds folder, which Helm applies as it is, without rendering it: move it to the chart's templates folder or write it without template actions";

function isHelmText(text: string, inChart: boolean): boolean {
  return inChart || HELM_TEMPLATE.test(text);
}

/**
 * Whether a template action outside a Helm template is what breaks the document: where an action stands unquoted
 * (`{{ if }}` lines, `{{ .Name }}: |` as a key), it is; when every action is inside a quoted scalar, only when the
 * document parses and decodes once they are blanked (a quoted action beside an unquoted resource pool path YAML reads
 * as an alias is not).
 */
function breaksDocument(chunk: string, build: (text: string) => readonly BuiltDocument[]): boolean {
  if (hasUnquotedAction(chunk)) return true;
  const blanked = chunk.replace(/\{\{[\s\S]*?\}\}/g, (action) => action.replace(/[^\n]/g, ' '));
  try {
    return build(blanked).every((document) => !document.problems.some((problem) => problem.kind === 'decode'));
  } catch {
    return false;
  }
}

/** Whether some action of the text is not inside a quoted scalar of its line (an odd count of quotes before it). */
function hasUnquotedAction(text: string): boolean {
  for (const match of text.matchAll(/\{\{/g)) {
    const before = text.slice(text.lastIndexOf('\n', match.index) + 1, match.index);
    if (before.split('"').length % 2 === 1 && before.split("'").length % 2 === 1) return true;
  }
  return false;
}

/** Each value takes at least two characters, so only a longer chunk can hold more values than the limit. */
function isValueFlood(chunk: string, limits: ParseLimits): boolean {
  return chunk.length > 2 * limits.maxExpandedNodes && valueFloor(chunk, limits.maxExpandedNodes) > limits.maxExpandedNodes;
}

function valueFlood(source: SourceText, offset: number, max: number): Finding {
  const message = `document has more than ${countText(max)} values; it is not parsed`;
  return fileFinding(source, offset, offset, { ...LOAD_CHECKS.tooLarge, message });
}

function tooManyDocuments(source: SourceText, offset: number, max: number): Finding {
  const message = `file has more than ${max} documents; the rest is not checked`;
  return fileFinding(source, offset, offset, { ...LOAD_CHECKS.tooLarge, message });
}

export function fileFinding(
  source: SourceText,
  start: number,
  end: number,
  spec: { id: string; severity: Finding['severity']; message: string },
): Finding {
  return { ruleId: spec.id, severity: spec.severity, message: spec.message, ...source.rangeOf(start, end), object: null, path: null };
}
