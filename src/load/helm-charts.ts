// A Helm chart given whole: its templates are reported once, at the chart, instead of once per template file.
import { existsSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import { inputFinding, LOAD_CHECKS } from './load-checks.js';

/**
 * A path below a chart's folder that Helm reads as chart input (its templates, Chart.yaml and values files, a
 * subchart's): all but the `crds/` folders, whose manifests Helm applies as they are.
 */
const CRDS = /^(?:charts[\\/][^\\/]+[\\/])*crds[\\/]/;

/**
 * `findings` with the helm-template findings of the files in a chart's templates folder folded into one helm-chart
 * finding per chart: a chart whose Chart.yaml is among the `files` read (a folder or glob that holds the chart), or
 * beside the templates on disk (`cwd` resolves the paths), so that a pre-commit hook handed the changed templates
 * says what a run over the whole repository says. A Helm template in no chart stays an error. A template file that
 * parses without Helm's objects (Helm writes it as it is) was read as a manifest and keeps its findings. The
 * not-kubernetes infos of the chart's other files (Chart.yaml, values files) go with the templates.
 */
export function foldChartTemplates(findings: readonly Finding[], files: readonly string[], cwd: string): Finding[] {
  // each chart's folder (normalised) and its Chart.yaml as the run names it
  const charts = new Map(files.filter((file) => /(?:^|[\\/])Chart\.yaml$/.test(file)).map((file) => [dirname(normalize(file)), file]));
  // a template no chart among the files reads: its chart on disk, the outermost (Helm renders a subchart with it)
  const named = new Map(charts);
  const tried = new Set<string>();
  for (const finding of findings) {
    const file = normalize(finding.file);
    if (finding.ruleId === LOAD_CHECKS.helmTemplate.id && finding.file !== STDIN && chartOf(file, named) === undefined) addChartsOnDisk(file, { charts, tried, cwd });
  }
  if (charts.size === 0) return [...findings];
  const templates = new Map<string, Set<string>>();
  const others: Finding[] = [];
  for (const finding of findings) {
    const chart = finding.ruleId === LOAD_CHECKS.helmTemplate.id ? chartOf(normalize(finding.file), charts) : undefined;
    if (chart === undefined) others.push(finding);
    else templates.set(chart, (templates.get(chart) ?? new Set()).add(finding.file));
  }
  // the chart's own files that are no manifests (Chart.yaml, values files) are said with it, not one by one
  const folded = [...templates.keys()];
  const inFoldedChart = (file: string) => folded.some((chart) => chart === '.' || normalize(file).startsWith(`${chart}${sep}`));
  const kept = others.filter((finding) => finding.ruleId !== LOAD_CHECKS.notKubernetes.id || !inFoldedChart(finding.file));
  for (const [chart, inChart] of templates) {
    const count = inChart.size === 1 ? 'template file is' : `${inChart.size} template files are`;
    const message = `Helm chart ${chart}: its ${count} not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE ${shellWord(chart)} | kubefit check -`;
    kept.push(inputFinding(charts.get(chart) ?? chart, LOAD_CHECKS.helmChart, message));
  }
  return kept;
}

/**
 * The outermost chart that reads `file` as its input: one whose folder holds it outside its `crds/`, or whose charts
 * folder holds the subchart that does (Helm renders a subchart with its parent).
 */
function chartOf(file: string, charts: ReadonlyMap<string, string>): string | undefined {
  if (charts.has('.') && !CRDS.test(file)) return '.';
  for (let at = file.indexOf(sep); at >= 0; at = file.indexOf(sep, at + 1)) {
    if (charts.has(file.slice(0, at)) && !CRDS.test(file.slice(at + 1))) return file.slice(0, at);
  }
  return undefined;
}

/** The charts above `file` (its folders holding a Chart.yaml on disk), as `charts` keeps them; each folder is tried once. */
function addChartsOnDisk(file: string, search: { charts: Map<string, string>; tried: Set<string>; cwd: string }): void {
  const { charts, tried, cwd } = search;
  for (let folder = dirname(file); !tried.has(folder); folder = dirname(folder)) {
    tried.add(folder);
    if (!charts.has(folder) && existsSync(resolve(cwd, folder, CHART_FILE))) charts.set(folder, join(folder, CHART_FILE));
    if (folder === '.' || dirname(folder) === folder) return;
  }
}

/**
 * The folder of a Helm chart on disk that holds a file (an absolute path): `templates` for one below a templates folder
 * whose parent holds a Chart.yaml (a subchart's too), which Helm renders; `crds` for one below such a crds folder, which
 * Helm applies as it is (chart.go CRDObjects: the files whose name starts with `crds/`). Such a folder in no chart
 * (kubectl's, an Alertmanager config's) holds plain manifests. `known` keeps each folder's answer for the run.
 */
export function chartFolderOf(file: string, known: Map<string, boolean>): 'templates' | 'crds' | undefined {
  for (let folder = dirname(file); dirname(folder) !== folder; folder = dirname(folder)) {
    const name = basename(folder);
    if (name !== 'templates' && name !== 'crds') continue;
    const chart = dirname(folder);
    let isChart = known.get(chart);
    if (isChart === undefined) known.set(chart, (isChart = existsSync(join(chart, CHART_FILE))));
    if (isChart) return name;
  }
  return undefined;
}

const CHART_FILE = 'Chart.yaml';
/** Standard input's name in findings: no folder of it is a chart. */
const STDIN = '<stdin>';

/** `path` as one word of a POSIX shell command: as it is when it holds no character the shell reads, else single-quoted. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
