// The library's pipeline: load → model → schema, lint, schedule → one Report. The CLI is a thin layer over it.
import { appendAll } from './model/append.js';
import { DEFAULT_CONFIG, type KubefitConfig } from './config/config.js';
import { readFile } from './load/async-fs.js';
import { resolve } from 'node:path';
import { Linter, type Rule } from './lint/engine.js';
import { SuppressionCollector } from './lint/suppress.js';
import { listContext, resolveFrom } from './load/expand-inputs.js';
import { loadContext } from './load/load-context.js';
import { DEFAULT_LIMITS, loadManifests, streamManifests, type LoadLimits, type LoadOptions, type StreamResult } from './load/load-manifests.js';
import { Retainer } from './load/retained-document.js';
import { documentStore, validatorCodeStore, versionCacheDir } from './load/validator-cache-dir.js';
import { isBound, isClusterObject, isStorageObject, toClusterSnapshot, type ClusterSnapshot, type StorageSource } from './model/cluster.js';
import { findingAt, type Finding } from './model/finding.js';
import { resolveKubernetesRelease } from './model/kubernetes-version.js';
import { asRecord, type KubeObject } from './model/object.js';
import { objectMetaDecodingError } from './model/object-meta-decoding.js';
import { toWorkload, type Workload } from './model/workload.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { loadSchemaDirs } from './schema/schema-dirs.js';
import { SCHEMA, SchemaValidation } from './schema/validate.js';
import { UsageError } from './model/usage-error.js';
import { loadRunConfig } from './config/load-run-config.js';
import { checkRuleIds, ignoreRuleWarnings } from './config/check-rule-ids.js';
import { ruleSetOf } from './catalog.js';
import type { RuleMeta } from './model/rule-meta.js';
import { didYouMean } from './model/closest-name.js';
import { toolVersion } from './version.js';
import type { SchedulerConfiguration } from './schedule/profile/scheduler-configuration.js';

/** What a run does: everything (`check`), no scheduling (`lint`), or scheduling only (`fit`). */
export type Command = 'check' | 'lint' | 'fit';

export interface CheckOptions {
  /** Directory relative paths are resolved from; default process.cwd(). */
  readonly cwd?: string;
  /** Cluster snapshots: Nodes and the Pods bound to them (e.g. `kubectl get nodes,pods -A -o yaml`). */
  readonly cluster?: readonly string[];
  /**
   * Configuration (rules, ignores, failOn, ...). When absent, the configuration file is found as the CLI finds it
   * (the nearest .kubefit.yaml, .kubefit.yml or kubefit.config.json from `cwd` upward), or read from `configFile`.
   */
  readonly config?: Partial<KubefitConfig>;
  /** A configuration file to read instead of the discovered one, or false to use the defaults (ignored with `config`). */
  readonly configFile?: string | false;
  /**
   * Kubernetes release to check against, e.g. "1.34" or "v1.34.2": its kinds, fields, deprecations and scheduler
   * wording. The newest shipped when absent; one outside the shipped range throws a UsageError naming the range.
   */
  readonly kubernetesVersion?: string;
  /** Report custom resources without a schema as errors. */
  readonly strictKinds?: boolean;
  /** Extra schemas for custom resources, keyed as schema-dirs.ts describes. */
  readonly extraSchemas?: ReadonlyMap<string, unknown>;
  /** Nodes to drain before placement (what-if). */
  readonly drain?: readonly string[];
  /** Also report how many more replicas of each workload fit, and the room left per node. */
  readonly capacity?: boolean;
  /** List every node in scheduling results even above 100 nodes (otherwise nodes are grouped by identical verdict). */
  readonly allNodes?: boolean;
  /**
   * A kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration file (relative to `cwd`): the dry-run runs its profiles,
   * each pod the one its spec.schedulerName names, instead of kube-scheduler's default profile.
   */
  readonly schedulerConfig?: string;
  /**
   * The file the report is written to (relative to `cwd`; the CLI's --output): never read as an input, so a report
   * an earlier run wrote into a checked folder (`-o report.json`) is not checked as a manifest.
   */
  readonly reportFile?: string;
  /** Rules to run instead of the built-in set (plus any from config.rulesDirs, loaded by the caller). */
  readonly rules?: readonly Rule[];
  /** Neighbour manifests lint's cross-object rules and custom-resource validation should see (e.g. the repository when only changed files are checked). */
  readonly context?: readonly string[];
  /**
   * The per-user cache directory (the CLI uses the OS cache directory, see load/validator-cache-dir.ts): compiled
   * CustomResourceDefinition validators and parsed --context files are kept there between runs; absent or false:
   * nothing is cached.
   */
  readonly cacheDir?: string | false;
  /** Reads standard input for the input "-". */
  readonly readStdin?: LoadOptions['readStdin'];
  readonly limits?: Partial<LoadLimits>;
  /** Progress of the long phases, for a terminal display. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface Analysis {
  readonly report: Report;
  /** False when the inputs named nothing readable (the CLI exits 2). */
  readonly matched: boolean;
  /** True when standard input was an input and held nothing (the CLI exits 2: the command feeding it failed). */
  readonly emptyStdin: boolean;
  /** True when scheduling was asked for but no Node objects were given, so it did not run. */
  readonly noNodes: boolean;
  /** True when scheduling was asked for and Nodes were given, but neither a workload nor a pending Pod of the cluster. */
  readonly noWorkloads: boolean;
  /**
   * What the dry-run leaves out of the --scheduler-config configuration (out-of-tree plugins, node sampling), and inputs
   * read as --cluster state only.
   */
  readonly warnings: readonly string[];
  /** Every check the run can report: built-in, from `rulesDirs` modules and the configuration's `customRules`. */
  readonly catalog: readonly RuleMeta[];
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
  const cwd = options.cwd ?? process.cwd();
  const config = await configOf(options, cwd);
  // the cluster is read first, so that a snapshot inside a checked folder is cluster input only, read once
  const clusterInputs = [...new Set([...(options.cluster ?? []), ...config.cluster])];
  // standard input is read once: the cluster took it all, and the manifests' "-" was then reported empty
  if (clusterInputs.includes('-') && paths.includes('-')) throw new UsageError('standard input is named both as an input and with --cluster, and it can be read only once', 'Save one of them to a file and name that.');
  // configuration mistakes stop the run before any manifest is read
  const { rules, checks, catalog } = await ruleSetOf(config, cwd, options.rules);
  checkRuleIds(config, checks);
  if (Object.keys(config.ruleOptions).length > 0) await checkRuleOptions(rules, config);
  const kubernetesVersion = resolveKubernetesRelease(options.kubernetesVersion ?? config.kubernetesVersion);
  const schedulerConfig = command === 'lint' ? undefined : await readSchedulerConfig(options.schedulerConfig, { cwd, kubernetesVersion });
  const cluster = await loadManifests(clusterInputs, loadOptions(options, config, { fromCluster: true, firstOrder: 0 }));
  if (cluster.unmatchedInputs.length > 0) throw new UsageError(`cluster input "${cluster.unmatchedInputs[0]}" names no file`, 'Check the --cluster paths (and cluster: in the configuration).');
  const analysis = command === 'fit' ? undefined : {
    validation: new SchemaValidation({
      kubernetesVersion,
      extraSchemas: options.extraSchemas ?? (await schemasOf(config, cwd)),
      strictKinds: options.strictKinds ?? false,
      validatorStore: options.cacheDir ? validatorCodeStore(options.cacheDir, toolVersion()) : undefined,
    }),
    linter: new Linter({ rules, config: { ...config, kubernetesVersion }, workloadOf: (object) => (isSnapshotPod(object) ? undefined : toWorkload(object)) }),
  };
  const documentCache = options.cacheDir ? documentStore(options.cacheDir, toolVersion()) : undefined;
  // the --scheduler-config file in a checked folder is kube-scheduler's input, the report file a report and the config
  // file kubefit's own (a kubefit.config.json is no hidden file), not manifests
  const ownFiles = [options.schedulerConfig, options.reportFile, config.file].filter((file) => file !== undefined).map((file) => resolveFrom(cwd, file));
  const skipFiles = new Set([...cluster.paths, ...ownFiles]);
  const context = command === 'fit' ? undefined : await listContext(options.context ?? [], cwd, config.ignorePaths);
  const main = await readMain(paths, { ...loadOptions(options, config, { fromCluster: false, firstOrder: cluster.objects.length, skipFiles }), documentCache, context }, { command, config, analysis });
  const storageSource = clusterInputs.length === 0 ? 'inputs' : cluster.objects.some(isStorageObject) ? 'snapshot' : 'snapshot-without-storage';
  const snapshot = clusterOf(main.objects, cluster.objects, storageSource);
  const objectsRead = main.count + cluster.objects.length;
  checkDrain(options.drain ?? [], snapshot);
  const neighbours = await loadContext(context, {
    cwd,
    ignorePaths: config.ignorePaths,
    exclude: new Set(options.context?.length ? [...main.objectFiles].map((file) => resolveFrom(cwd, file)) : []),
    firstOrder: objectsRead,
    ...(options.cacheDir && { cacheDir: versionCacheDir(options.cacheDir, toolVersion()) }),
    ...(options.limits !== undefined && { limits: options.limits }),
  });
  const findings: Finding[] = [...main.findings, ...cluster.findings];
  if (analysis) {
    const { validation, linter } = analysis;
    for (const neighbour of neighbours) validation.defineContext(neighbour);
    progress(options, 'validating custom resources', main.customResources.length);
    appendAll(findings, main.builtinFindings);
    appendAll(findings, validation.definitionFindings());
    appendAll(findings, validation.validateCustomResources(main.customResources));
    for (const patch of main.patches) appendAll(findings, validation.validatePatch(patch));
    validation.saveCodeCaches();
    progress(options, 'linting objects', main.objects.length);
    // the objects kustomize generators make are looked up like the --context files' (never reported on)
    appendAll(findings, linter.finish(main.linted, [...neighbours, ...main.generated]));
  }
  const noNodes = command !== 'lint' && snapshot.nodes.length === 0;
  const schedules = command !== 'lint' && !noNodes;
  const { workloads, refused } = schedules ? workloadsOf(main.objects, cluster.objects) : { workloads: [], refused: [] };
  // check's schema validation reports the same fields; fit says why such a workload is not placed
  if (!analysis) appendAll(findings, refused);
  const scheduled = schedules ? await schedule(workloads, snapshot, { options, kubernetesVersion, schedulerConfig }) : { results: [], findings: [] };
  appendAll(findings, scheduled.findings);
  const report = buildReport({
    toolVersion: toolVersion(),
    // both count what was read, the --cluster inputs included (README, JSON output)
    files: main.files + cluster.files,
    objects: objectsRead,
    findings: main.suppressions.apply(findings, catalog.map((meta) => meta.id)),
    scheduling: scheduled.results,
    nodeRoom: 'nodeRoom' in scheduled ? scheduled.nodeRoom : undefined,
    nodeGroups: 'nodeGroups' in scheduled ? scheduled.nodeGroups : undefined,
    nodes: 'nodes' in scheduled ? scheduled.nodes : undefined,
  });
  const warnings = [...ignoreRuleWarnings(config, catalog), ...(schedulerConfig?.warnings ?? []), ...clusterInputWarnings(paths, cluster.paths, cwd)];
  return { report, matched: paths.length === 0 ? cluster.matched : main.matched, emptyStdin: main.emptyStdin, noNodes, noWorkloads: schedules && workloads.length === 0, warnings, catalog };
}

interface MainRun {
  readonly command: Command;
  readonly config: KubefitConfig;
  /** Schema validation and lint (not for fit). */
  readonly analysis: { readonly validation: SchemaValidation; readonly linter: Linter } | undefined;
}

/** The main inputs read once, document by document: what outlives its document, and what was found while it lived. */
interface MainInputs extends StreamResult {
  /** Objects kept for the later stages (cross-object rules, scheduling), in input order, positions read again on demand. */
  readonly objects: KubeObject[];
  /** Objects without a built-in schema, validated once every CustomResourceDefinition is read. */
  readonly customResources: KubeObject[];
  /** Objects the cross-object lint rules run on or query (Linter.keeps). */
  readonly linted: KubeObject[];
  readonly patches: KubeObject[];
  /** Schema and per-object lint findings, found while each document was in memory. */
  readonly builtinFindings: Finding[];
  readonly suppressions: SuppressionCollector;
  /** Files that held objects (not patches). */
  readonly objectFiles: Set<string>;
  /** Objects read (not patches). */
  readonly count: number;
}

/**
 * Streams the main inputs: each document is validated, linted by the per-object rules and searched for suppressions
 * while it is in memory; only the objects later stages need are kept, without their positions (Retainer).
 */
async function readMain(paths: readonly string[], load: LoadOptions, run: MainRun): Promise<MainInputs> {
  const retainer = new Retainer({ ...DEFAULT_LIMITS, ...load.limits });
  const kept = { objects: [] as KubeObject[], customResources: [] as KubeObject[], linted: [] as KubeObject[], patches: [] as KubeObject[], builtinFindings: [] as Finding[] };
  const suppressions = new SuppressionCollector(run.config);
  const objectFiles = new Set<string>();
  const schedules = run.command !== 'lint';
  let count = 0;
  const streamed = await streamManifests(paths, load, (document) => {
    for (const patch of document.patches) retainer.retain(patch, kept.patches);
    for (const object of document.objects) {
      count++;
      objectFiles.add(object.file);
      suppressions.add(object);
      const builtin = run.analysis?.validation.validateBuiltin(object);
      run.analysis?.validation.define(object);
      run.analysis?.linter.lintObject(object);
      if (builtin) appendAll(kept.builtinFindings, builtin);
      const custom = run.analysis !== undefined && builtin === undefined;
      const linted = run.analysis?.linter.keeps(object) === true;
      if (!custom && !linted && !(schedules && (isClusterObject(object) || toWorkload(object) !== undefined))) continue;
      retainer.retain(object, kept.objects, ...(custom ? [kept.customResources] : []), ...(linted ? [kept.linted] : []));
    }
  });
  retainer.flush();
  return { ...streamed, ...kept, suppressions, objectFiles, count };
}

/** The configuration given, else the file the CLI would read (or `configFile`), else the defaults. */
async function configOf(options: CheckOptions, cwd: string): Promise<KubefitConfig> {
  if (options.config !== undefined) return { ...DEFAULT_CONFIG, ...options.config };
  if (options.configFile === false) return DEFAULT_CONFIG;
  return loadRunConfig({ cwd, ...(options.configFile !== undefined && { configFile: options.configFile }) });
}

/** Draining a node that is not in the cluster is a typo, not a what-if. */
function checkDrain(drain: readonly string[], snapshot: ClusterSnapshot): void {
  const names = snapshot.nodes.map((node) => node.ref.name);
  const missing = drain.find((name) => !names.includes(name));
  if (missing !== undefined) throw new UsageError(`--drain ${missing}: no Node of that name in the cluster${didYouMean(missing, names)}`, 'Name a Node from the --cluster inputs.');
}

interface ScheduleRun {
  readonly options: CheckOptions;
  readonly kubernetesVersion: string;
  readonly schedulerConfig: SchedulerConfiguration | undefined;
}

/** The scheduling dry run of the workloads (built only here: the linter has its own), loaded only when it runs. */
async function schedule(workloads: readonly Workload[], snapshot: ClusterSnapshot, { options, kubernetesVersion, schedulerConfig }: ScheduleRun) {
  progress(options, 'placing workloads', workloads.length);
  const { scheduleWorkloads } = await import('./schedule/schedule.js');
  return scheduleWorkloads(workloads, snapshot, {
    kubernetesVersion,
    drain: options.drain ?? [],
    capacity: options.capacity ?? false,
    allNodes: options.allNodes ?? false,
    ...(schedulerConfig && { profiles: schedulerConfig.profiles }),
  });
}

/** The profiles of the --scheduler-config file, read before any manifest (a bad configuration stops the run). */
async function readSchedulerConfig(file: string | undefined, at: { cwd: string; kubernetesVersion: string }): Promise<SchedulerConfiguration | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(at.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--scheduler-config ${file}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`, 'Name a KubeSchedulerConfiguration file.');
  }
  const [{ readSchedulerConfiguration }, { toMinorVersion }] = await Promise.all([import('./schedule/profile/scheduler-configuration.js'), import('./schedule/version.js')]);
  return readSchedulerConfiguration(text, file, toMinorVersion(at.kubernetesVersion));
}

/** A phase that can take a while, with the number of items it works on. */
function progress(options: CheckOptions, phase: string, total: number): void {
  options.onProgress?.(phase, 0, total);
}

/** Rule options that do not fit their rule's schema are a usage error; ajv loads only when the config has options. */
async function checkRuleOptions(rules: readonly Rule[], config: KubefitConfig): Promise<void> {
  const [problem] = (await import('./lint/rule-options.js')).ruleOptionProblems(rules, config);
  // kubefit explain reads the configuration, so it describes a rulesDirs module's options too
  if (problem !== undefined) throw new UsageError(problem.message, `Run "kubefit explain ${problem.ruleId}" for the options it takes.`);
}

/** Custom-resource schemas from the config's `schemas` directories (and --schemas); an unreadable one is a usage error. */
async function schemasOf(config: KubefitConfig, cwd: string): Promise<ReadonlyMap<string, unknown>> {
  if (config.schemas.length === 0) return new Map();
  const loaded = await loadSchemaDirs(config.schemas, cwd);
  if (loaded.errors.length > 0) throw new UsageError(loaded.errors[0] ?? 'cannot read schemas', 'Check the --schemas directories.');
  return loaded.schemas;
}

interface LoadRole {
  readonly fromCluster: boolean;
  readonly firstOrder: number;
  readonly skipFiles?: ReadonlySet<string>;
}

function loadOptions(options: CheckOptions, config: KubefitConfig, role: LoadRole) {
  const { fromCluster } = role;
  return {
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    ...(options.readStdin !== undefined && { readStdin: options.readStdin }),
    ...(options.limits !== undefined && { limits: options.limits }),
    ...(options.onProgress !== undefined && {
      onProgress: (done: number, total: number) => options.onProgress?.(fromCluster ? 'reading cluster files' : 'reading files', done, total),
    }),
    ignorePaths: config.ignorePaths,
    ...role,
  };
}

/**
 * Workloads to schedule: the pod-making objects of the main inputs except Pods a snapshot shows running, and the
 * pending Pods (no nodeName) of the cluster snapshots not being deleted ("why is my pod Pending"). A hand-written Pod
 * with a nodeName but no status is evaluated against its node.
 */
function workloadsOf(main: readonly KubeObject[], cluster: readonly KubeObject[]): { workloads: Workload[]; refused: Finding[] } {
  const refused: Finding[] = [];
  const decoded = main.filter((object) => {
    if (isSnapshotPod(object)) return false;
    // kubectl refuses an object whose metadata does not decode (model/object-meta-decoding.ts): nothing to place
    const error = objectMetaDecodingError(object.value);
    if (error && toWorkload(object)) refused.push(findingAt(object, error.path, { ruleId: SCHEMA.id, severity: SCHEMA.severity, message: error.message }));
    return error === undefined;
  });
  const candidates = [...decoded, ...cluster.filter((object) => object.ref.kind === 'Pod' && !isBound(object) && !isFinished(object) && !isBeingDeleted(object))];
  return { workloads: candidates.map(toWorkload).filter((workload): workload is Workload => workload !== undefined), refused };
}

/** The cluster: everything from snapshots, plus the main inputs' objects but Pods that are not running. */
function clusterOf(main: readonly KubeObject[], cluster: readonly KubeObject[], storageSource: StorageSource): ClusterSnapshot {
  return toClusterSnapshot([...cluster, ...main.filter((object) => object.ref.kind !== 'Pod' || isSnapshotPod(object))], storageSource);
}

/**
 * A Pod with a nodeName and a status phase: captured from a cluster, it is cluster state, not a workload to place or
 * lint. A running one occupies its node; a finished one (a Job's Succeeded pod) holds nothing (toClusterSnapshot).
 */
function isSnapshotPod(object: KubeObject): boolean {
  const nodeName = asRecord(object.value['spec'])?.['nodeName'];
  return object.ref.kind === 'Pod' && typeof nodeName === 'string' && nodeName !== '' && typeof asRecord(object.value['status'])?.['phase'] === 'string';
}

function isFinished(pod: KubeObject): boolean {
  const phase = asRecord(pod.value['status'])?.['phase'];
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * A snapshot's pending pod being deleted: kube-scheduler skips it ("skip schedule deleting pod"), so it takes no room.
 * upstream: pkg/scheduler/schedule_one.go skipPodSchedule
 */
function isBeingDeleted(pod: KubeObject): boolean {
  return asRecord(pod.value['metadata'])?.['deletionTimestamp'] != null;
}

/** An input path also given with --cluster: the run reads that file once, as cluster state, and checks nothing in it. */
function clusterInputWarnings(inputs: readonly string[], clusterPaths: readonly string[], cwd: string): string[] {
  const cluster = new Set(clusterPaths);
  return inputs.filter((input) => cluster.has(resolveFrom(cwd, input))).map((input) => `${input} is also given with --cluster: it is read as cluster state (Nodes and the pods bound to them), and nothing in it is checked`);
}
