// Human output in ESLint's "stylish" spirit: findings grouped by file, then scheduling, then a summary line.
import { appendAll, maxOf } from '../../model/append.js';
import type { FailOn } from '../../config/config.js';
import type { Finding, Severity } from '../../model/finding.js';
import type { SchedulingResult } from '../../schedule/scheduling-result.js';
import { isUnschedulable } from '../build-report.js';
import { exitCode, failsRun } from '../exit-code.js';
import type { Report } from '../report.js';
import { feasibleCount, nodesText, placedNodesText, unschedulableVerdicts, type NodesVerdict } from '../node-verdicts.js';
import { formatObjectRef, pendingMessage, unschedulableMessage } from '../unschedulable.js';
import type { FormatContext, TextFormatter } from './format-context.js';
import { terminalText } from './terminal-text.js';

export const formatText: TextFormatter = (report, context) => {
  const findings = context.quiet ? failingFindings(report.findings, context.failOn) : report.findings;
  const sections = [
    headline(report, findings.length, context),
    ...findingSections(findings, context),
    schedulingSection(report, context),
    capacitySection(report, context),
    ruleCountSection(findings, context),
    summaryLine(report, context),
  ];
  // one join over every line, sections apart by a blank line: joining each file's lines and then the sections would
  // copy a large report twice more (2 MB apiece for 17,000 findings)
  const lines: string[] = [];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (lines.length > 0) lines.push('');
    if (typeof section === 'string') lines.push(section);
    else appendAll(lines, section);
  }
  // the summary line is never empty: the report ends with it and a line break
  lines.push('');
  return lines.join('\n');
};

/**
 * What --quiet shows: the errors, and with a lower --fail-on the warnings (and infos) that fail the run too, so that a
 * run that fails always shows why (it exited 1 with nothing but the summary line under `-q --fail-on warning`).
 */
function failingFindings(findings: readonly Finding[], failOn: FailOn | undefined): readonly Finding[] {
  return findings.filter((finding) => finding.severity === 'error' || failsRun(finding.severity, failOn ?? 'error'));
}

/** Per file, its name and then one line per finding. */
function findingSections(findings: readonly Finding[], context: FormatContext): string[][] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return [...byFile].map(([file, group]) => {
    const positions = group.map((finding) => `${finding.line}:${finding.column}`);
    const width = maxOf(positions.map((position) => position.length));
    // each line joined into one flat string: a template literal makes a tree of pieces (some 200 bytes more per
    // line), and a file's lines are all in memory until they are joined (17,000 of them for 10,000 documents)
    const lines = [context.colors.underline(terminalText(file))];
    group.forEach((finding, index) => {
      const position = context.colors.dim((positions[index] ?? '').padEnd(width));
      lines.push(['  ', position, '  ', severityLabel(finding.severity, context), '  ', terminalText(finding.message), '  ', context.colors.dim(finding.ruleId)].join(''));
    });
    return lines;
  });
}

function severityLabel(severity: Severity, context: FormatContext): string {
  const label = severity.padEnd(7);
  if (severity === 'error') return context.colors.red(label);
  if (severity === 'warning') return context.colors.yellow(label);
  return context.colors.blue(label);
}

function schedulingSection(report: Report, context: FormatContext): string {
  const results = report.scheduling;
  const shown = context.quiet ? results.filter(isUnschedulable) : results;
  if (shown.length === 0) return '';
  return [context.colors.bold('Scheduling'), ...shown.map((result) => schedulingLines(result, report, context))].join('\n');
}

function capacitySection(report: Report, context: FormatContext): string {
  const nodes = Object.entries(report.capacity?.nodes ?? {});
  if (context.quiet || nodes.length === 0) return '';
  const width = maxOf(nodes.map(([name]) => name.length));
  const lines = nodes.map(([name, room]) => `  ${terminalText(name.padEnd(width))}  cpu ${room.cpu}, memory ${room.memory}, ${plural(room.pods, 'pod')}`);
  return [context.colors.bold('Room left per node after placement'), ...lines].join('\n');
}

function capacityText(result: SchedulingResult): string {
  if (!result.capacity) return '';
  const { additionalReplicas, atLeast } = result.capacity;
  return `, room for ${atLeast ? 'at least ' : ''}${additionalReplicas} more`;
}

function schedulingLines(result: SchedulingResult, report: Report, context: FormatContext): string {
  const { feasible, total } = feasibleCount(result);
  const placed = result.replicas - result.placement.unschedulable;
  const status = isUnschedulable(result)
    ? `${placed} placed, ${context.colors.red(`${result.placement.unschedulable} unschedulable`)}`
    : context.colors.green(result.replicas === 1 ? 'placed' : 'all placed');
  // a pod of a --drain'ed node, re-created by its controller (the HTML report and JSON's drainedFrom say so too)
  const drained = result.drainedFrom === undefined ? '' : ` (drained from ${result.drainedFrom})`;
  const head = `  ${terminalText(`${formatObjectRef(result.object)}${drained}`)}  ${plural(result.replicas, 'replica')}, ${status}${capacityText(result)}  ${context.colors.dim(`${feasible}/${total} nodes feasible`)}  ${context.colors.dim(terminalText(`${result.file}:${result.line}:${result.column}`))}`;
  const preemption = [...(preemptionLine(result, context) ?? []), ...victimLines(result, context)];
  // A workload placed in full: only a preemption that happened is worth a line, not "none" from its verdict alone.
  if (!isUnschedulable(result)) return [head, ...(result.preemption === null ? preemption.slice(1) : preemption)].join('\n');
  // Where the placed replicas went, and why the others wait (one pod's message and verdicts when none was placed).
  const where = placed === 0 ? [] : [`    placed on ${terminalText(placedNodesText(result, NODES_SHOWN))}`];
  const message = pendingMessage(result) ?? unschedulableMessage(result);
  const verdicts = nodeLines(unschedulableVerdicts(result, report.nodeGroups), context);
  return [head, ...where, `    ${terminalText(message)}`, ...preemption, ...verdicts].join('\n');
}

/** What DefaultPreemption would do for a pod that fit nowhere. */
function preemptionLine(result: SchedulingResult, context: FormatContext): [string] | undefined {
  if (result.preemption === undefined) return undefined;
  if (result.preemption === null) return [context.colors.dim('    preemption: none (evicting lower-priority pods would not make room, or the pod may not preempt)')];
  return [`    preemption: ${terminalText(`on ${result.preemption.node}, evicting ${result.preemption.victims.join(', ')}`)}`];
}

/** What becomes of each pod the workload's replicas preempted. */
function victimLines(result: SchedulingResult, context: FormatContext): string[] {
  return (result.placement.victims ?? []).map(({ pod, controller, node }) => {
    if (controller === null) return `    evicted ${terminalText(pod)}: no controller, gone for good`;
    const after = node ? `placed again on ${terminalText(node)}` : context.colors.red('stays Pending');
    return `    evicted ${terminalText(`${pod}: ${controller}`)} re-creates it, ${after}`;
  });
}

const NODES_SHOWN = 8;

/** Each rejected node's (or group of nodes') reasons and the smallest change that would admit the pod there. */
function nodeLines(verdicts: readonly NodesVerdict[], context: FormatContext): string[] {
  const lines = verdicts.slice(0, NODES_SHOWN).map(({ nodes, reasons, hint }) => {
    return `      ${terminalText(`${nodesText(nodes)}: ${reasons?.join(', ') ?? ''}`)}${hint ? context.colors.dim(`  (${terminalText(hint)})`) : ''}`;
  });
  if (verdicts.length > NODES_SHOWN) lines.push(context.colors.dim(`      ... and ${verdicts.length - NODES_SHOWN} more (--format json lists them all)`));
  return lines;
}

/** From this many findings on, the report ends with a count per rule, so the rules to tune stand out. */
export const RULE_COUNT_THRESHOLD = 20;

function ruleCountSection(findings: readonly Finding[], context: FormatContext): string {
  if (findings.length < RULE_COUNT_THRESHOLD) return '';
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const rows = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
  const width = maxOf(rows.map(([, count]) => String(count).length));
  const lines = rows.map(([ruleId, count]) => `  ${String(count).padStart(width)}  ${ruleId}`);
  return [context.colors.bold('Findings per rule (turn a rule off or tune its options in .kubefit.yaml):'), ...lines].join('\n');
}

/**
 * The scheduling verdict is the headline, but it prints after the findings: when both are there, the first line says
 * how the placement went and where to read on.
 */
function headline(report: Report, findings: number, context: FormatContext): string {
  const { workloads, unschedulable } = report.summary;
  if (workloads === 0 || findings === 0) return '';
  const text = `Scheduling: ${placementText(workloads, unschedulable)} (details after the ${plural(findings, 'finding')} below)`;
  return unschedulable > 0 ? context.colors.red(context.colors.bold(text)) : context.colors.green(text);
}

function placementText(workloads: number, unschedulable: number): string {
  return unschedulable === 0 ? `${plural(workloads, 'workload')} fully placed` : `${unschedulable} of ${plural(workloads, 'workload')} not fully placed`;
}

function summaryLine(report: Report, context: FormatContext): string {
  const { errors, warnings, infos, workloads, unschedulable, files, objects } = report.summary;
  const problems = errors + warnings + infos;
  const counts = `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  const scheduling = workloads > 0 ? `, ${placementText(workloads, unschedulable)}` : '';
  const line = `${counts} in ${plural(objects, 'object')} from ${plural(files, 'file')}${scheduling}`;
  // the mark is the exit code's verdict: --fail-on warning fails on warnings, --fail-on none passes errors
  const failed = exitCode(report, context.failOn ?? 'error') !== 0;
  return failed ? context.colors.red(context.colors.bold(`✖ ${line}`)) : context.colors.green(`✔ ${line}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
