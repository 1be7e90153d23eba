// GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding and unschedulable workload.
import type { Severity } from '../../model/finding.js';
import { isUnschedulable } from '../build-report.js';
import { formatObjectRef, UNSCHEDULABLE_RULE, unschedulableMessage } from '../unschedulable.js';
import { repositoryPath } from './artifact-uri.js';
import type { TextFormatter } from './format-context.js';
import { terminalText } from './terminal-text.js';

type Command = 'error' | 'warning' | 'notice';

interface Annotation {
  readonly command: Command;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly title: string;
  readonly message: string;
}

export const formatGithub: TextFormatter = (report, context) => {
  const annotations: Annotation[] = [
    ...report.findings.map((finding) => ({ ...finding, command: commandOf(finding.severity), title: finding.ruleId })),
    ...report.scheduling.filter(isUnschedulable).map((result) => ({
      command: commandOf(UNSCHEDULABLE_RULE.severity),
      file: result.file,
      line: result.line,
      column: result.column,
      title: UNSCHEDULABLE_RULE.id,
      message: `${formatObjectRef(result.object)}: ${unschedulableMessage(result)}`,
    })),
  ];
  return annotations.map((annotation) => `${toCommand(annotation, context.cwd)}\n`).join('');
};

function commandOf(severity: Severity): Command {
  return severity === 'info' ? 'notice' : severity;
}

function toCommand(annotation: Annotation, cwd: string): string {
  const file = repositoryPath(annotation.file, cwd);
  const endLine = annotation.endLine ?? annotation.line;
  // GitHub takes columns only for an annotation within one line
  const oneLine = endLine === annotation.line;
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', file === undefined ? undefined : annotation.line],
    ['col', file === undefined || !oneLine ? undefined : annotation.column],
    ['endLine', file === undefined ? undefined : endLine],
    ['endColumn', file === undefined || !oneLine ? undefined : annotation.endColumn],
    ['title', annotation.title],
  ];
  const list = properties.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  // an annotation GitHub cannot attach to a file of the repository (standard input: `helm template | kubefit -`, or a
  // file outside the checkout) says where it is in its message
  const where = file === undefined ? `${annotation.file}:${annotation.line}:${annotation.column}: ` : '';
  return `::${annotation.command} ${list.join(',')}::${escapeData(`${where}${annotation.message}`)}`;
}

/**
 * upstream: actions/toolkit packages/core/src/command.ts escapeData / escapeProperty (%, CR, LF; the runner decodes
 * only those). The other controls the toolkit passes through would act on the log viewer, which renders ANSI escapes,
 * or reorder the annotation's text: they are written as the text report writes them (\x1b).
 */
export function escapeData(text: string): string {
  return terminalText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
