// The message and position of a YAML syntax error. js-yaml finds the error; the `yaml` package, loaded only on
// this error path, usually words it better ("Missing closing \"quote" rather than "deficient indentation").
import { createRequire } from 'node:module';
import type { YAMLException } from 'js-yaml';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

export interface SyntaxProblem {
  readonly message: string;
  /** Offset into the parsed text. */
  readonly offset: number;
}

export function describeSyntaxError(text: string, error: YAMLException): SyntaxProblem {
  const fallback = { message: error.reason || 'invalid YAML', offset: error.mark?.position ?? 0 };
  if (fallback.message.startsWith('nesting exceeded')) return fallback;
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  const documents = yamlModule.parseAllDocuments(text, { prettyErrors: false, version: '1.1', uniqueKeys: false });
  const first = (Array.isArray(documents) ? documents : [documents]).flatMap((document) => document.errors)[0];
  if (!first) return fallback;
  return { message: lowerFirst(first.message), offset: first.pos[0] };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
