// The output formats by name, each loaded on first use: a run imports the code of the one format it writes (text, the
// default, ships in the CLI's main bundle; the others are chunks of their own).
import type { Formatter } from './format-context.js';
import { formatText } from './text.js';

const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  text: async () => formatText,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  html: async () => (await import('./html.js')).formatHtml,
};

export const FORMAT_NAMES = Object.keys(LOADERS);

/** The formatter of `name` (one of FORMAT_NAMES), text for any other name. */
export function loadFormatter(name: string): Promise<Formatter> {
  const load = LOADERS[name];
  return load ? load() : Promise.resolve(formatText);
}
