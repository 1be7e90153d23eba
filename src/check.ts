// The library's pipeline: load → model → schema, lint, schedule → one Report. The CLI is a thin layer over it.
import { BUILTIN_RULES } from '../rules/index.js';
import { DEFAULT_CONFIG, type KubefitConfig } from './config/config.js';
import { resolve } from 'node:path';
import { applySuppressions, lintObjects, type LintInput, type Rule } from './lint/engine.js';
import { loadRulesDirs } from './lint/load-rules-dir.js';
import { loadManifests, type LoadLimits } from './load/load-manifests.js';
import { isBound, toClusterSnapshot, type ClusterSnapshot } from './model/cluster.js';
import type { Finding } from './model/finding.js';
import { asRecord, type KubeObject } from './model/object.js';
import { toWorkload, type Workload } from './model/workload.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { loadSchemaDirs } from './schema/schema-dirs.js';
import { validateObjects } from './schema/validate.js';
import { UsageError } from './cli/errors.js';
import { toolVersion } from './version.js';

/** What a run does: everything (`check`), no scheduling (`lint`), or scheduling only (`fit`). */
export type Command = 'check' | 'lint' | 'fit';

export interface CheckOptions {
  /** Directory relative paths are resolved from; default process.cwd(). */
  readonly cwd?: string;
  /** Cluster snapshots: Nodes and the Pods bound to them (e.g. `kubectl get nodes,pods -A -o yaml`). */
  readonly cluster?: readonly string[];
  /** Configuration (rules, ignores, failOn, ...); defaults when absent. */
  readonly config?: Partial<KubefitConfig>;
  /** Kubernetes version whose schemas and scheduler wording to use, e.g. "1.34"; newest shipped when absent. */
  readonly kubernetesVersion?: string;
  /** Report custom resources without a schema as errors. */
  readonly strictKinds?: boolean;
  /** Extra schemas for custom resources, keyed as schema-dirs.ts describes. */
  readonly extraSchemas?: ReadonlyMap<string, unknown>;
  /** Nodes to drain before placement (what-if). */
  readonly drain?: readonly string[];
  /** Also report how many more replicas of each workload fit, and the room left per node. */
  readonly capacity?: boolean;
  /** Rules to run instead of the built-in set (plus any from config.rulesDirs, loaded by the caller). */
  readonly rules?: readonly Rule[];
  /** Reads standard input for the input "-". */
  readonly readStdin?: () => Promise<Buffer>;
  readonly limits?: Partial<LoadLimits>;
  /** Progress of the long phases, for a terminal display. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface Analysis {
  readonly report: Report;
  /** False when the inputs named nothing readable (the CLI exits 2). */
  readonly matched: boolean;
  /** True when scheduling was asked for but no Node objects were given, so it did not run. */
  readonly noNodes: boolean;
}

/** Schema validation, lint rules and the scheduling dry-run over `paths`. */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<Report> {
  return (await analyze('check', paths, options)).report;
}

/** Schema validation and lint rules, no scheduling. */
export async function lint(paths: readonly string[], options: CheckOptions = {}): Promise<Report> {
  return (await analyze('lint', paths, options)).report;
}

/** The scheduling dry-run only. */
export async function fit(paths: readonly string[], options: CheckOptions = {}): Promise<Report> {
  return (await analyze('fit', paths, options)).report;
}

export async function analyze(command: Command, paths: readonly string[], options: CheckOptions = {}): Promise<Analysis> {
  const config: KubefitConfig = { ...DEFAULT_CONFIG, ...options.config };
  const main = await loadManifests(paths, loadOptions(options, config, false, 0));
  const cluster = await loadManifests([...new Set([...(options.cluster ?? []), ...config.cluster])], loadOptions(options, config, true, main.objects.length));
  const workloads = workloadsOf(main.objects, cluster.objects);
  const rules = options.rules ?? [...BUILTIN_RULES, ...(await loadRulesDirs(config.rulesDirs.map((dir) => resolve(options.cwd ?? process.cwd(), dir))))];
  if (Object.keys(config.ruleOptions).length > 0) await checkRuleOptions(rules, config);
  const lintInput: LintInput = { objects: main.objects, workloads, rules, config };
  const kubernetesVersion = options.kubernetesVersion ?? config.kubernetesVersion;
  const findings: Finding[] = [...main.findings, ...cluster.findings];
  if (command !== 'fit') {
    const extraSchemas = options.extraSchemas ?? (await schemasOf(config, options.cwd ?? process.cwd()));
    findings.push(...validateObjects(main.objects, { kubernetesVersion, extraSchemas, strictKinds: options.strictKinds ?? false }));
    findings.push(...lintObjects(lintInput));
  }
  const snapshot = clusterOf(main.objects, cluster.objects);
  const noNodes = command !== 'lint' && snapshot.nodes.length === 0;
  const scheduled = command === 'lint' || noNodes
    ? { results: [], findings: [] }
    : (await import('./schedule/schedule.js')).scheduleWorkloads(workloads, snapshot, { kubernetesVersion, drain: options.drain ?? [], capacity: options.capacity ?? false });
  findings.push(...scheduled.findings);
  const report = buildReport({
    toolVersion: toolVersion(),
    files: main.files + cluster.files,
    objects: main.objects.length,
    findings: applySuppressions(findings, lintInput),
    scheduling: scheduled.results,
    nodeRoom: 'nodeRoom' in scheduled ? scheduled.nodeRoom : undefined,
  });
  return { report, matched: main.matched, noNodes };
}

/** Rule options that do not fit their rule's schema are a usage error; ajv loads only when the config has options. */
async function checkRuleOptions(rules: readonly Rule[], config: KubefitConfig): Promise<void> {
  const [problem] = (await import('./lint/rule-options.js')).ruleOptionProblems(rules, config);
  if (problem !== undefined) throw new UsageError(`config: ${problem}`, 'See the Options section of the rule\'s page in docs/rules.');
}

/** Custom-resource schemas from the config's `schemas` directories (and --schemas); an unreadable one is a usage error. */
async function schemasOf(config: KubefitConfig, cwd: string): Promise<ReadonlyMap<string, unknown>> {
  if (config.schemas.length === 0) return new Map();
  const loaded = await loadSchemaDirs(config.schemas, cwd);
  if (loaded.errors.length > 0) throw new UsageError(loaded.errors[0] ?? 'cannot read schemas', 'Check the --schemas directories.');
  return loaded.schemas;
}

function loadOptions(options: CheckOptions, config: KubefitConfig, fromCluster: boolean, firstOrder: number) {
  return {
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    ...(options.readStdin !== undefined && { readStdin: options.readStdin }),
    ...(options.limits !== undefined && { limits: options.limits }),
    ...(options.onProgress !== undefined && {
      onProgress: (done: number, total: number) => options.onProgress?.(fromCluster ? 'reading cluster files' : 'reading files', done, total),
    }),
    ignorePaths: config.ignorePaths,
    fromCluster,
    firstOrder,
  };
}

/**
 * Workloads to schedule: the pod-making objects of the main inputs except Pods a snapshot shows running, and the
 * pending Pods (no nodeName) of the cluster snapshots ("why is my pod Pending"). A hand-written Pod with a nodeName
 * but no status is evaluated against its node.
 */
function workloadsOf(main: readonly KubeObject[], cluster: readonly KubeObject[]): Workload[] {
  const candidates = [...main.filter((object) => !isSnapshotBound(object)), ...cluster.filter((object) => object.ref.kind === 'Pod' && !isBound(object) && !isFinished(object))];
  return candidates.map(toWorkload).filter((workload): workload is Workload => workload !== undefined);
}

/** The cluster: everything from snapshots, plus Nodes, Namespaces, PriorityClasses and running Pods of the main inputs. */
function clusterOf(main: readonly KubeObject[], cluster: readonly KubeObject[]): ClusterSnapshot {
  return toClusterSnapshot([...cluster, ...main.filter((object) => object.ref.kind !== 'Pod' || isSnapshotBound(object))]);
}

/** A Pod with a nodeName and a live status phase: captured from a cluster, it occupies its node. */
function isSnapshotBound(object: KubeObject): boolean {
  return object.ref.kind === 'Pod' && isBound(object) && typeof asRecord(object.value['status'])?.['phase'] === 'string';
}

function isFinished(pod: KubeObject): boolean {
  const phase = asRecord(pod.value['status'])?.['phase'];
  return phase === 'Succeeded' || phase === 'Failed';
}
