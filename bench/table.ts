// Renders benchmark rows as an aligned plain-text table (also valid Markdown, for bench/README.md).

export interface Row {
  readonly name: string;
  readonly size: string;
  readonly medianMs: number | undefined;
  readonly cpuMs?: number;
  readonly throughput: string;
  readonly peakRssMiB: number | undefined;
  readonly target: string;
  readonly note: string;
}

const HEADER = ['case', 'documents or pods x nodes', 'median wall', 'median CPU', 'throughput', 'peak RSS', 'target', 'note'];

export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.name,
    row.size,
    row.medianMs === undefined ? '-' : formatMs(row.medianMs),
    row.cpuMs === undefined ? '-' : formatMs(row.cpuMs),
    row.throughput,
    row.peakRssMiB === undefined ? '-' : `${Math.round(row.peakRssMiB)} MiB`,
    row.target,
    row.note,
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(HEADER), rule, ...cells.map(line)].join('\n');
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function perSecond(count: number, ms: number, unit: string): string {
  const rate = (count * 1000) / ms;
  return `${rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)} ${unit}/s`;
}

export function thousands(count: number): string {
  return count.toLocaleString('en-US');
}
