// The fit matrix a report page draws: workloads x node columns, each cell one verdict. Columns are the report's node
// groups on large clusters, else the nodes, merged when every workload gave them the same verdict and placed nothing
// there (so thousands of identical nodes are one column).
import type { SchedulingResult } from '../schedule/scheduling-result.js';
import { formatObjectRef, pendingMessage } from './unschedulable.js';
import { pluginOfReason } from './reason-plugin.js';
import type { Report } from './report.js';
import { appendAll } from '../model/append.js';

export interface MatrixColumn {
  readonly label: string;
  readonly nodes: readonly string[];
}

/** A distinct verdict: feasible (reasons null) or rejected, with the plugins the reasons come from. */
export interface MatrixVerdict {
  readonly reasons: readonly string[] | null;
  readonly hint: string | null;
  readonly plugins: readonly string[];
}

export interface MatrixRow {
  readonly workload: string;
  readonly kind: string;
  readonly namespace: string;
  readonly location: string;
  readonly replicas: number;
  readonly unschedulable: number;
  readonly message: string | null;
  /** Per column: [index into verdicts, replicas placed on the column's nodes], flattened. */
  readonly cells: readonly number[];
}

export interface FitMatrix {
  readonly columns: readonly MatrixColumn[];
  readonly verdicts: readonly MatrixVerdict[];
  readonly rows: readonly MatrixRow[];
}

interface NodeCell {
  readonly verdict: number;
  readonly placed: number;
}

export function fitMatrix(report: Report): FitMatrix {
  const verdicts = new VerdictTable();
  const baseColumns = report.nodeGroups
    ? Object.entries(report.nodeGroups).map(([id, nodes]) => ({ id, nodes }))
    : allNodes(report).map((node) => ({ id: node, nodes: [node] }));
  const columnOfNode = new Map<string, number>();
  baseColumns.forEach((column, index) => column.nodes.forEach((node) => columnOfNode.set(node, index)));
  const grid = report.scheduling.map((result) => {
    const placed = placedPerColumn(result, columnOfNode, baseColumns.length);
    const verdictOf = verdictReader(result, verdicts);
    return baseColumns.map((column, index) => ({ verdict: verdictOf(column.id), placed: placed[index] ?? 0 }));
  });
  const merged = mergeIdenticalColumns(baseColumns.map((column) => column.nodes), grid);
  const rows = report.scheduling.map((result, row) => ({
    workload: formatObjectRef(result.object),
    kind: result.object.kind,
    namespace: result.object.namespace,
    location: `${result.file}:${result.line}:${result.column}`,
    replicas: result.replicas,
    unschedulable: result.placement.unschedulable,
    message: pendingMessage(result),
    cells: merged.columns.flatMap((column) => [grid[row]?.[column.first]?.verdict ?? 0, column.members.reduce((sum, member) => sum + (grid[row]?.[member]?.placed ?? 0), 0)]),
  }));
  return { columns: merged.columns.map(({ label, nodes }) => ({ label, nodes })), verdicts: verdicts.list, rows };
}

function allNodes(report: Report): string[] {
  const names = new Set<string>(report.nodes?.map((node) => node.name) ?? []);
  for (const result of report.scheduling) {
    for (const node of result.feasibleNodes ?? []) names.add(node);
    for (const node of Object.keys(result.rejected ?? {})) names.add(node);
  }
  return [...names].sort();
}

/** Replicas placed per column, from the (few) nodes the workload's replicas went to. */
function placedPerColumn(result: SchedulingResult, columnOfNode: ReadonlyMap<string, number>, columns: number): Int32Array {
  const placed = new Int32Array(columns);
  for (const [node, count] of Object.entries(result.placement.nodes)) {
    const column = columnOfNode.get(node);
    if (column !== undefined) placed[column] = (placed[column] ?? 0) + count;
  }
  return placed;
}

/** The verdict index of a column id: a node name (per-node detail) or a node group id (grouped results, indexed once). */
function verdictReader(result: SchedulingResult, verdicts: VerdictTable): (id: string) => number {
  if (!result.nodeVerdicts) return (id) => verdicts.indexOf(result.rejected?.[id] ?? null, result.hints?.[id]);
  const byGroup = new Map<string, number>();
  for (const verdict of result.nodeVerdicts) {
    const index = verdicts.indexOf(verdict.reasons, verdict.hint);
    for (const group of verdict.nodeGroups) byGroup.set(group, index);
  }
  return (id) => byGroup.get(id) ?? verdicts.indexOf(null, undefined);
}

/** Columns whose cells are equal in every row, with nothing placed on them, become one column. */
function mergeIdenticalColumns(columns: readonly (readonly string[])[], grid: readonly NodeCell[][]) {
  const bySignature = new Map<string, number>();
  const merged: { nodes: string[]; members: number[] }[] = [];
  columns.forEach((nodes, column) => {
    const cells = grid.map((row) => row[column]);
    const empty = cells.every((cell) => (cell?.placed ?? 0) === 0);
    const signature = empty ? cells.map((cell) => cell?.verdict ?? 0).join(',') : `placed:${column}`;
    const existing = merged[bySignature.get(signature) ?? -1];
    if (existing === undefined) {
      bySignature.set(signature, merged.length);
      merged.push({ nodes: [...nodes], members: [column] });
    } else {
      appendAll(existing.nodes, nodes);
      existing.members.push(column);
    }
  });
  return {
    columns: merged.map(({ nodes, members }) => ({
      label: nodes.length === 1 ? (nodes[0] ?? '') : `${nodes[0]} and ${nodes.length - 1} more`,
      nodes,
      members,
      first: members[0] ?? 0,
    })),
  };
}

class VerdictTable {
  readonly list: MatrixVerdict[] = [];
  readonly #index = new Map<string, number>();

  indexOf(reasons: readonly string[] | null, hint: string | undefined): number {
    const key = JSON.stringify([reasons, hint ?? null]);
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.list.length;
      this.#index.set(key, index);
      this.list.push({ reasons, hint: hint ?? null, plugins: [...new Set((reasons ?? []).map(pluginOfReason))] });
    }
    return index;
  }
}
