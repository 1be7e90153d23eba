// `--format html`: one self-contained page (inline CSS and JS, no network) with the overview, the per-node headroom,
// the fit matrix (workloads x nodes, drawn from embedded data with virtual scrolling) and the findings. A pure function
// of the Report and the format context, like every formatter.
import type { Finding, Severity } from '../../model/finding.js';
import type { NodeUsage, ResourceNumbers } from '../../schedule/node-usage.js';
import { isUnschedulable } from '../build-report.js';
import { fitMatrix } from '../fit-matrix.js';
import type { Report } from '../report.js';
import type { FormatContext, Formatter } from './format-context.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './html-assets.js';
import { inShownOrder } from './terminal-text.js';

const DOCS = 'https://github.com/kubefit/kubefit/blob/main/docs/rules';

export const formatHtml: Formatter = (report, context) =>
  [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>kubefit report</title><style>${PAGE_STYLE}</style></head>`,
    '<body>',
    `<header><h1>kubefit report</h1><p class="muted">kubefit ${escape(report.tool.version)} · JSON contract version ${report.version}</p>`,
    '<nav aria-label="Sections"><a href="#overview">Overview</a> <a href="#nodes">Nodes</a> <a href="#fit">Fit matrix</a> <a href="#findings">Findings</a></nav></header>',
    '<main>',
    overviewSection(report),
    nodesSection(report),
    fitSection(report),
    findingsSection(report.findings, context),
    '</main>',
    // the matrix data as JSON; `<` is escaped so no string in it can close the script element
    `<script type="application/json" id="fit-data">${JSON.stringify(fitMatrix(report)).replace(/</g, '\\u003c')}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');

function overviewSection(report: Report): string {
  const { summary } = report;
  const placed = report.scheduling.filter((result) => !isUnschedulable(result)).length;
  const totals: [string, string | number, string][] = [
    ['Objects', summary.objects, ''],
    ['Files', summary.files, ''],
    ['Errors', summary.errors, summary.errors > 0 ? 'error' : ''],
    ['Warnings', summary.warnings, summary.warnings > 0 ? 'warning' : ''],
    ['Infos', summary.infos, ''],
    ['Workloads placed', `${placed} of ${summary.workloads}`, ''],
    ['Not fully placed', summary.unschedulable, summary.unschedulable > 0 ? 'error' : ''],
  ];
  const drained = [...new Set(report.scheduling.flatMap((result) => (result.drainedFrom === undefined ? [] : [result.drainedFrom])))];
  const drainNote = drained.length === 0 ? '' : `<p>Drained: ${drained.map(escape).join(', ')}. ${drainedMoves(report)}</p>`;
  const items = totals.map(([label, value, tone]) => `<div class="total ${tone}"><dt>${label}</dt><dd>${escape(String(value))}</dd></div>`).join('');
  return `<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">Overview</h2><dl class="totals">${items}</dl>${drainNote}</section>`;
}

function drainedMoves(report: Report): string {
  const moves = report.scheduling
    .filter((result) => result.drainedFrom !== undefined)
    .map((result) => {
      const to = Object.keys(result.placement.nodes);
      return `${escape(result.object.namespace)}/${escape(result.object.name)} → ${to.length > 0 ? to.map(escape).join(', ') : '<strong>nowhere</strong>'}`;
    });
  return moves.length === 0 ? '' : `Their pods went: ${moves.join('; ')}.`;
}

/** Headroom bars per resource; nodes with the same amounts share one row, so thousands of equal nodes stay short. */
function nodesSection(report: Report): string {
  const nodes = report.nodes ?? [];
  if (nodes.length === 0) return '<section id="nodes" aria-labelledby="nodes-title"><h2 id="nodes-title">Nodes</h2><p>No scheduling dry-run in this report (no Node objects, or <code>kubefit lint</code>).</p></section>';
  const resources = resourceColumns(nodes);
  const rows = new Map<string, { nodes: string[]; usage: NodeUsage }>();
  for (const node of nodes) {
    const key = JSON.stringify([node.allocatable, node.bound, node.placed]);
    const row = rows.get(key);
    if (row) row.nodes.push(node.name);
    else rows.set(key, { nodes: [node.name], usage: node });
  }
  const head = `<tr><th scope="col">Node</th>${resources.map((resource) => `<th scope="col">${escape(resource)}</th>`).join('')}</tr>`;
  const body = [...rows.values()].map(({ nodes: names, usage }) => {
    const label = names.length === 1 ? escape(names[0] ?? '') : `${escape(names[0] ?? '')} <span class="muted">and ${names.length - 1} more alike</span>`;
    return `<tr><th scope="row" title="${escape(names.join(', '))}">${label}</th>${resources.map((resource) => `<td>${headroomBar(resource, usage)}</td>`).join('')}</tr>`;
  });
  const legend = '<p class="legend"><span class="swatch bound"></span> requested by bound pods <span class="swatch placed"></span> requested by placed replicas <span class="swatch free"></span> free</p>';
  return `<section id="nodes" aria-labelledby="nodes-title"><h2 id="nodes-title">Nodes</h2>${legend}<div class="scroll"><table class="nodes"><caption>Headroom per node after placement</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div></section>`;
}

const FIRST_RESOURCES = ['cpu', 'memory', 'pods'];

function resourceColumns(nodes: readonly NodeUsage[]): string[] {
  const extended = new Set<string>();
  for (const node of nodes) for (const name of Object.keys(node.allocatable)) if (!FIRST_RESOURCES.includes(name) && name !== 'ephemeral-storage') extended.add(name);
  return [...FIRST_RESOURCES, ...[...extended].sort()];
}

function headroomBar(resource: string, usage: NodeUsage): string {
  const allocatable = amount(usage.allocatable, resource);
  const bound = amount(usage.bound, resource);
  const placed = amount(usage.placed, resource);
  if (allocatable === 0 && bound + placed === 0) return '<span class="muted">none</span>';
  const total = Math.max(allocatable, bound + placed);
  const share = (value: number) => `${((100 * value) / total).toFixed(1)}%`;
  const free = Math.max(0, allocatable - bound - placed);
  const over = bound + placed > allocatable;
  const text = `${formatAmount(resource, bound)} bound + ${formatAmount(resource, placed)} placed of ${formatAmount(resource, allocatable)}${over ? ' (over-committed)' : `, ${formatAmount(resource, free, Math.floor)} free`}`;
  return `<div class="bar${over ? ' over' : ''}" role="img" aria-label="${escape(text)}" title="${escape(text)}"><span class="bound" style="width:${share(bound)}"></span><span class="placed" style="width:${share(placed)}"></span></div><span class="amount">${escape(text)}</span>`;
}

function amount(numbers: ResourceNumbers, resource: string): number {
  return numbers[resource] ?? 0;
}

/** `round` picks how tenths are rounded: room left is rounded down, never up, as --capacity's is (a pod of it fits). */
function formatAmount(resource: string, value: number, round: (tenths: number) => number = Math.round): string {
  if (resource === 'cpu') return value % 1000 === 0 ? `${value / 1000}` : `${value}m`;
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (value >= size) return `${round((value * 10) / size) / 10}${suffix}`;
  }
  return String(value);
}

function fitSection(report: Report): string {
  if (report.scheduling.length === 0) return '<section id="fit" aria-labelledby="fit-title"><h2 id="fit-title">Fit matrix</h2><p>No workloads were scheduled.</p></section>';
  const namespaces = [...new Set(report.scheduling.map((result) => result.object.namespace))].sort();
  return `<section id="fit" aria-labelledby="fit-title"><h2 id="fit-title">Fit matrix</h2>
<p class="legend"><span class="cell-sample placed">2</span> replicas placed here <span class="cell-sample feasible">✓</span> one pod fits <span class="cell-sample rejected">✕</span> rejected (hover or focus a cell for the reasons and the hint)</p>
<form class="filters" role="search" aria-label="Filter the fit matrix">
<label>Namespace <select id="filter-namespace"><option value="">all</option>${namespaces.map((namespace) => `<option>${escape(namespace)}</option>`).join('')}</select></label>
<label>Plugin <select id="filter-plugin"><option value="">any</option></select></label>
<label>Workload <input id="filter-text" type="search" placeholder="name"></label>
<label><input id="filter-unschedulable" type="checkbox"> unschedulable only</label>
<span id="fit-count" class="muted" aria-live="polite"></span>
</form>
<div class="scroll matrix-scroll" id="matrix-scroll"><table class="matrix" id="matrix"><caption>Workloads (rows) by nodes (columns); nodes that every workload treats alike share a column</caption><thead></thead><tbody></tbody></table></div>
<div id="cell-detail" class="detail" role="status" aria-live="polite"></div>
<noscript><p>The fit matrix needs JavaScript; the findings and nodes above do not.</p></noscript></section>`;
}

function findingsSection(findings: readonly Finding[], context: FormatContext): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const severities: Severity[] = ['error', 'warning', 'info'];
  const toggles = severities.map((severity) => `<label><input type="checkbox" class="filter-severity" value="${severity}" checked> ${severity}</label>`).join(' ');
  const files = [...byFile].map(([file, group]) => fileTable(file, group, context)).join('');
  const body = findings.length === 0 ? '<p>No findings.</p>' : `<form class="filters" aria-label="Filter findings by severity">${toggles}</form>${files}`;
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings</h2>${body}</section>`;
}

function fileTable(file: string, findings: readonly Finding[], context: FormatContext): string {
  const lines = context.readSource?.(file)?.split(/\r\n|\r|\n/);
  const sorted = [...findings].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || a.line - b.line || a.column - b.column);
  const rows = sorted.map((finding) => {
    const source = lines?.[finding.line - 1];
    return `<tr class="sev-${finding.severity}"><td class="position">${finding.line}:${finding.column}</td><td><span class="severity ${finding.severity}">${finding.severity}</span></td><td><a href="${DOCS}/${encodeURIComponent(finding.ruleId)}.md">${escape(finding.ruleId)}</a></td><td>${escape(finding.message)}${finding.path ? ` <code class="muted">${escape(finding.path)}</code>` : ''}${source === undefined ? '' : `<pre class="source"><code>${escape(source)}</code></pre>`}</td></tr>`;
  });
  return `<h3>${escape(file)}</h3><table class="findings"><thead><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message and source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Markup characters as references; the bidirectional formatting characters, which reorder what follows, as Go escapes. */
function escape(text: string): string {
  return inShownOrder(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
