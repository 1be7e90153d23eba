// The JSON contract (version 2), pretty-printed: the same object the library API returns.
import type { Report } from '../report.js';
import type { Formatter } from './format-context.js';

export const formatJson: Formatter = (report) => [...formatJsonChunks(report)].join('');

/**
 * The same text as `JSON.stringify(report, null, 2)` plus a newline, one array element at a time, so a caller can
 * write a report larger than the longest string V8 can build.
 */
export function* formatJsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of value.entries()) yield `${indent(JSON.stringify(item, null, 2), '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ').trimStart()}${comma}\n`;
    }
  }
  yield '}\n';
}

function indent(text: string, pad: string): string {
  return text.split('\n').map((line) => pad + line).join('\n');
}
