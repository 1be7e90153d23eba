// The message and position of a YAML syntax error. js-yaml finds the error; kubectl's own words for it come from the
// go-yaml port (go-yaml-problem.ts), run only on this error path. Where the port reads the document (the verdicts
// differ), the `yaml` package, loaded only then, words js-yaml's error ("Missing closing \"quote" rather than
// "deficient indentation").
import { createRequire } from 'node:module';
import type { YAMLException } from 'js-yaml';
import type { Document } from 'yaml';
import { buildWithPositions, type BuildLimits } from './build-values.js';
import { firstNodeEnd, goYamlProblem } from './go-yaml-problem.js';
import { withGoYamlLineBreaks } from './scanner-rules.js';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

export interface SyntaxProblem {
  readonly message: string;
  /** Offset into the parsed text. */
  readonly offset: number;
}

/** `text` is one of kubectl's documents, as in the file. */
export function describeSyntaxError(text: string, error: YAMLException, limits: BuildLimits): SyntaxProblem {
  const fallback = { message: error.reason || 'invalid YAML', offset: error.mark?.position ?? 0 };
  if (fallback.message.startsWith('nesting exceeded')) return fallback;
  return goYamlProblem(text) ?? firstNodeProblem(text, limits) ?? describeWithYamlPackage(withGoYamlLineBreaks(text), fallback);
}

/**
 * Where go-yaml reads a first node and Unmarshal drops what follows it, kubectl reports the first error decoding that
 * node meets (`cannot decode !!str \`k:0.\` as a !!float`), if any.
 */
// upstream: go-yaml v2 yaml.go unmarshal (the first node only), decode.go d.unmarshal (failf panics at the first error)
function firstNodeProblem(text: string, limits: BuildLimits): SyntaxProblem | undefined {
  const end = firstNodeEnd(text);
  if (end === undefined) return undefined;
  try {
    const problems = buildWithPositions(text.slice(0, end), 0, limits)[0]?.problems ?? [];
    const first = problems.find((problem) => problem.kind === 'decode' || problem.kind === 'alias');
    return first && { message: first.message, offset: first.start };
  } catch {
    return undefined;
  }
}

function describeWithYamlPackage(text: string, fallback: SyntaxProblem): SyntaxProblem {
  const yaml = (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);
  const parsed = yaml.parseAllDocuments(text, { prettyErrors: false, version: '1.1', uniqueKeys: false });
  for (const document of Array.isArray(parsed) ? parsed : [parsed]) {
    const first = document.errors[0];
    if (!first) continue;
    const offset = first.code === 'MISSING_CHAR' ? (openingQuote(yaml, document, first.pos[0]) ?? first.pos[0]) : first.pos[0];
    return { message: lowerFirst(first.message), offset };
  }
  return fallback;
}

/** An unclosed quote is reported where the text runs out; the quote that opened it is what the user must fix. */
function openingQuote(yaml: YamlModule, document: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  yaml.visit(document, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) start = node.range[0];
    },
  });
  return start;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
