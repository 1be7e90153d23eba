// The go-yaml v2 differential oracle (test/goyaml-oracle/main.go): builds it when Go and go-yaml's source are on this
// machine, runs it, and compares its per-document verdicts and values with the loader's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankTrailingCommas, findJsonComments } from '../src/load/json-comments.js';
import { DEFAULT_LIMITS } from '../src/load/load-manifests.js';
import { parseDocuments } from '../src/load/parse-documents.js';
import { SourceText } from '../src/load/source-text.js';
import { hasTypeMeta } from '../src/load/to-objects.js';
import { asRecord } from '../src/model/object.js';

export interface Verdict {
  readonly file: string;
  /** 1-based line (counting "\n" only, as kubectl's reader does) where the document's text starts. */
  readonly line: number;
  readonly status: 'ACCEPT' | 'REJECT' | 'LOSSY';
  readonly value?: unknown;
  readonly error?: string;
}

export interface Disagreement {
  readonly file: string;
  readonly line: number;
  readonly goYaml: string;
  readonly kubefit: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, 'goyaml-oracle', 'main.go');
/** Debian's golang-gopkg-yaml.v2-dev installs go-yaml v2 here; GOPATH mode builds against it offline. */
const GOPATH = process.env['GOYAML_GOPATH'] ?? '/usr/share/gocode';
const OUT_DIR = resolve(HERE, '..', 'node_modules', '.cache', 'goyaml-oracle');

/** The oracle's path, built when missing or older than its source; undefined when Go or go-yaml is absent. */
export function goYamlOracle(): string | undefined {
  if (!existsSync(join(GOPATH, 'src', 'gopkg.in', 'yaml.v2', 'yaml.go'))) return undefined;
  const binary = join(OUT_DIR, 'goyaml-oracle');
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(SOURCE).mtimeMs) return binary;
  try {
    mkdirSync(OUT_DIR, { recursive: true });
    const env = { ...process.env, GO111MODULE: 'off', GOPATH, GOFLAGS: '', GOCACHE: join(OUT_DIR, 'gocache'), GOTOOLCHAIN: 'local' };
    execFileSync('go', ['build', '-o', binary, SOURCE], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return binary;
  } catch {
    return undefined;
  }
}

/** go-yaml's verdicts for each file, in file order. */
export function runOracle(oracle: string, files: readonly string[]): Map<string, Verdict[]> {
  const verdicts = new Map<string, Verdict[]>(files.map((file) => [file, []]));
  for (let from = 0; from < files.length; from += 500) {
    const output = execFileSync(oracle, files.slice(from, from + 500), { maxBuffer: 1 << 30, encoding: 'utf8' });
    for (const line of output.split('\n')) {
      if (line === '') continue;
      const verdict = JSON.parse(line) as Verdict;
      verdicts.get(verdict.file)?.push(verdict);
    }
  }
  return verdicts;
}

/** Findings that mean "this document does not reach the cluster intact". */
const REJECTING = new Set(['yaml-syntax', 'duplicate-key', 'too-large']);

/** Where kubefit and go-yaml disagree on one file: acceptance per document, then the decoded values. */
export function compareWithOracle(file: string, original: string, verdicts: readonly Verdict[]): Disagreement[] {
  // the text as kubectl's file decoder passes it on, as the loader reads files (read-file.ts) and the oracle (main.go)
  const text = original.startsWith('\uFEFF') ? original.slice(1) : original;
  const source = new SourceText(file, text);
  const parsed = parseDocuments(source, DEFAULT_LIMITS);
  if (parsed.findings.some((finding) => finding.ruleId === 'helm-template')) return [];
  const lineStarts = newlineLineStarts(text);
  const offsetOfLine = (line: number) => lineStarts[line - 1] ?? text.length + 1;
  const loaderStarts = loaderLineStarts(text);
  const offsetOf = (position: { line: number; column: number }) => (loaderStarts[position.line - 1] ?? text.length) + position.column - 1;
  const errors = parsed.findings.filter((finding) => REJECTING.has(finding.ruleId)).map((finding) => ({ finding, offset: offsetOf(finding) }));
  const documents = parsed.documents.map((document) => ({ value: document.value, offset: offsetOf(document.rangeOf([])) }));
  const disagreements: Disagreement[] = [];
  const groups = byLine(verdicts);
  groups.forEach((group, index) => {
    const line = group[0]?.line ?? 1;
    const start = offsetOfLine(line);
    const end = offsetOfLine(groups[index + 1]?.[0]?.line ?? Number.MAX_SAFE_INTEGER);
    const inside = (offset: number) => offset >= start && offset < end;
    const found = errors.filter((error) => inside(error.offset));
    const values = documents.filter((document) => inside(document.offset) && document.value !== null).map((document) => document.value);
    const refused = group.filter((verdict) => verdict.status !== 'ACCEPT');
    const goYaml = group.map((verdict) => `${verdict.status}${verdict.error ? `: ${verdict.error}` : ''}`).join('; ');
    const disagree = (kubefit: string) => disagreements.push({ file, line, goYaml, kubefit });
    if (refused.length > 0) {
      // a document that is no object is skipped: a Helm values file's duplicate keys (Helm reads them) and a JSON
      // file's comments or trailing commas (a tsconfig.json) are not judged
      const duplicateKeysOnly = refused.every((verdict) => /already set in map|^duplicate key |^ambiguous JSON key /.test(verdict.error ?? ''));
      const commentedJson = /\.json$/i.test(file) && (findJsonComments(text).length > 0 || blankTrailingCommas(text) !== text);
      if ((duplicateKeysOnly || commentedJson) && values.every((value) => !hasTypeMeta(asRecord(value)))) return;
      if (found.length === 0) disagree(`accepts ${JSON.stringify(values)}`);
      else if (!found.some((error) => refused.every((verdict) => verdict.status !== 'REJECT' || isWordedAsGoYaml(error.finding.message, verdict.error)))) {
        disagree(`rejects with other words: ${found.map((error) => `${error.finding.line}:${error.finding.column} ${error.finding.message}`).join('; ')}`);
      }
      return;
    }
    const expected = group.map((verdict) => verdict.value).filter((value) => value !== undefined && value !== null);
    if (found.length > 0) disagree(`rejects: ${found.map((error) => `${error.finding.line}:${error.finding.column} ${error.finding.message}`).join('; ')}`);
    else if (JSON.stringify(canonical(values)) !== JSON.stringify(canonical(expected))) disagree(`decodes ${JSON.stringify(values)}, go-yaml ${JSON.stringify(expected)}`);
  });
  return disagreements;
}

/**
 * A syntax error is worded as go-yaml's problem (kubefit may add a hint after it: "did not find expected <document
 * start>: kubectl splits..."). Errors of other stages (decoding, JSON conversion, the document separator) are not
 * compared, nor the problems the go-yaml rewrite finds in text js-yaml reads (go-yaml-rewrite.ts words them itself).
 */
function isWordedAsGoYaml(message: string, error: string | undefined): boolean {
  const problem = /^yaml: (?:line \d+: )?(.*)$/s.exec(error ?? '')?.[1];
  if (problem === undefined || DECODE_PROBLEM.test(problem) || message.startsWith(REWRITE_PROBLEM)) return true;
  return message.startsWith(problem);
}

const DECODE_PROBLEM = /^(unmarshal errors|invalid map key|map merge requires|anchor '.*' value contains itself|document contains excessive aliasing)/;
const REWRITE_PROBLEM = 'did not find expected "," or the end of the flow collection';

/** Verdicts of documents that start on the same line (JSON values can share one) are judged together. */
function byLine(verdicts: readonly Verdict[]): Verdict[][] {
  const groups: Verdict[][] = [];
  for (const verdict of verdicts) {
    const last = groups.at(-1);
    if (last && last[0]?.line === verdict.line) last.push(verdict);
    else groups.push([verdict]);
  }
  return groups;
}

/** Key order is not part of a value (Go's maps have none). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

function newlineLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Line starts as the loader counts lines (LF, CRLF and a lone CR end a line). */
function loaderLineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n?|\n/g)].map((match) => match.index + match[0].length)];
}
