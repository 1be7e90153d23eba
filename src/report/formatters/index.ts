// Every output format, loaded eagerly for library users; the CLI loads the one it writes (load-formatter.ts).
import type { Formatter } from './format-context.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  html: formatHtml,
};

export { FORMAT_NAMES, loadFormatter } from './load-formatter.js';
