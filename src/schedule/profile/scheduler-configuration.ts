// Reads a kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration into the scheduler profiles kubefit runs.
// upstream: pkg/scheduler/apis/config/v1/defaults.go SetDefaults_KubeSchedulerConfiguration,
// apis/config/validation/validation.go ValidateKubeSchedulerConfiguration (v1.35)
import { parseAllDocuments } from 'yaml';
import { asArray, asRecord } from '../../model/object.js';
import { UsageError } from '../../model/usage-error.js';
import { fileValue, PLAIN_DATA } from '../../model/yaml-file-value.js';
import { FieldErrors, GoValue, aggregate, goDuration } from './field-errors.js';
import { DEFAULT_ARGS, readPluginArgs, type ProfileArgs } from './plugin-args.js';
import {
  EXTENSION_POINTS,
  IN_TREE_PLUGINS,
  defaultPlugins,
  invalidPlugins,
  mergePlugins,
  type ExtensionPoint,
  type PluginRef,
  type PluginSet,
  type Plugins,
} from './plugin-sets.js';
import { qualifiedNameErrors } from '../../model/name-validation.js';
import { isExtendedResourceName } from '../plugins/node-resources-fit.js';
import { strictDecodingError } from './strict-decoding.js';
import { DEFAULT_SCHEDULER_NAME, buildProfile, frameworkError, type PluginInitErrors, type SchedulerProfile, type SchedulerProfiles } from './profile.js';

export const API_VERSION = 'kubescheduler.config.k8s.io/v1';
const KIND = 'KubeSchedulerConfiguration';

export interface SchedulerConfiguration {
  readonly profiles: SchedulerProfiles;
  /** What kubefit runs differently from kube-scheduler with this configuration (out-of-tree plugins, sampling). */
  readonly warnings: readonly string[];
}

const HINT = 'See https://kubernetes.io/docs/reference/scheduling/config/ for the format.';

/** The profiles of the configuration in `text` (YAML or JSON); a UsageError naming the file and field when invalid. */
export function readSchedulerConfiguration(text: string, file: string, minor: number): SchedulerConfiguration {
  const documents = parseAllDocuments(text, PLAIN_DATA);
  if (!Array.isArray(documents) || documents.length !== 1) throw new UsageError(`--scheduler-config ${file}: expected one YAML document`, HINT);
  const [document] = documents;
  const problem = document?.errors[0];
  if (problem) throw new UsageError(`--scheduler-config ${file}: not YAML: ${problem.message.split('\n')[0]}`, HINT);
  const read = document ? fileValue(document) : undefined;
  if (read?.ok === false) throw new UsageError(`--scheduler-config ${file}: ${read.message}`, HINT);
  const root = asRecord(read?.value);
  if (!root || root['apiVersion'] !== API_VERSION || root['kind'] !== KIND) {
    throw new UsageError(`--scheduler-config ${file}: expected apiVersion ${API_VERSION} and kind ${KIND}`, HINT);
  }
  const undecodable = strictDecodingError(root, minor);
  if (undecodable !== undefined) throw new UsageError(`--scheduler-config ${file}: ${undecodable}`, HINT);
  const errors = new FieldErrors();
  const warnings: string[] = [];
  const problems = { errors, warnings, invalid: invalidPlugins(minor), minor, unknownPlugins: new Set<string>() };
  // in ValidateKubeSchedulerConfiguration's order: client connection, leader election, parallelism, profiles,
  // sampling, back-offs, extenders
  clientConnectionErrors(asRecord(root['clientConnection']) ?? {}, errors);
  leaderElectionErrors(asRecord(root['leaderElection']) ?? {}, errors);
  const parallelism = errors.integer(root['parallelism'], 'parallelism');
  if (parallelism !== undefined && parallelism <= 0) errors.invalid('parallelism', parallelism, 'should be an integer value greater than zero');
  const entries = asArray(root['profiles']);
  const listed = entries.length > 0 ? entries : [{}];
  const profiles = new Map<string, SchedulerProfile>();
  const refusals: string[] = [];
  const queueSorts: (PluginSet | undefined)[] = [];
  listed.forEach((entry, i) => {
    const { profile, refused, queueSort } = readProfile(asRecord(entry) ?? {}, { path: `profiles[${i}]`, single: listed.length === 1, minor }, problems);
    if (refused !== undefined) refusals.push(refused);
    queueSorts.push(queueSort);
    if (profile.schedulerName === '') return;
    if (profiles.has(profile.schedulerName)) errors.duplicate(`profiles[${i}].schedulerName`, profile.schedulerName);
    else profiles.set(profile.schedulerName, profile);
  });
  commonQueueSortErrors(queueSorts, errors);
  samplingWarning(root, 'percentageOfNodesToScore', problems);
  backOffErrors(root, errors);
  extenderErrors(asArray(root['extenders']), problems);
  // frameworks are built only from a valid configuration, in profile order, and the first that fails stops the start
  const failure = errors.list.length > 0 ? aggregate(errors.list) : refusals[0];
  if (failure !== undefined) throw new UsageError(`--scheduler-config ${file}: ${failure}`, HINT);
  return { profiles, warnings: warnings.map((warning) => `--scheduler-config ${file}: ${warning}`) };
}

interface Problems {
  readonly errors: FieldErrors;
  readonly warnings: string[];
  /** Plugins the configuration's release no longer accepts (invalidPlugins). */
  readonly invalid: ReadonlySet<string>;
  /** The release whose defaults and feature gates apply. */
  readonly minor: number;
  /** Out-of-tree plugins warned of, by profile: a plugin enabled at several extension points is said once. */
  readonly unknownPlugins: Set<string>;
}

/** isPluginInvalid's message: the plugin was removed from the (only) v1 API version kubefit reads. */
const INVALID_PLUGIN = `was invalid in version "${API_VERSION}" (KubeSchedulerConfiguration is version "${API_VERSION}")`;

/** percentageOfNodesToScore (global or per profile): validated; kubefit always scores every feasible node. */
function samplingWarning(record: Readonly<Record<string, unknown>>, path: string, { errors, warnings }: Problems): void {
  const field = path.split('.').pop() ?? path;
  const percentage = errors.integer(record[field], path);
  if (percentage === undefined) return;
  if (percentage < 0 || percentage > 100) errors.invalid(path, percentage, 'not in valid range [0-100]');
  else if (percentage !== 0 && percentage !== 100) warnings.push(`${path}: kubefit scores every feasible node; sampling ${percentage}% of them is not modelled`);
}

/** component-base ValidateClientConnectionConfiguration: burst (defaulted to 100 when 0). */
function clientConnectionErrors(record: Readonly<Record<string, unknown>>, errors: FieldErrors): void {
  const burst = errors.integer(record['burst'], 'clientConnection.burst');
  if (burst !== undefined && burst < 0) errors.invalid('clientConnection.burst', burst, 'must be non-negative');
}

/**
 * component-base ValidateLeaderElectionConfiguration after RecommendedDefaultLeaderElectionConfiguration (a zero
 * duration becomes 15s, 10s, 2s; the lock, its namespace and name are defaulted when empty, so their Required errors
 * cannot occur), then kube-scheduler's own check of the lock kind. Durations print as Go prints a metav1.Duration.
 */
function leaderElectionErrors(record: Readonly<Record<string, unknown>>, errors: FieldErrors): void {
  if (record['leaderElect'] === false) return;
  // a zero duration is defaulted like an absent one
  const defaulted = (field: string, otherwise: bigint): bigint | undefined => {
    if (record[field] === undefined || record[field] === null) return otherwise;
    const value = errors.duration(record[field], `leaderElection.${field}`);
    return value === 0n ? otherwise : value;
  };
  const leaseDuration = defaulted('leaseDuration', 15_000_000_000n);
  const renewDeadline = defaulted('renewDeadline', 10_000_000_000n);
  const retryPeriod = defaulted('retryPeriod', 2_000_000_000n);
  const positive: [string, bigint | undefined][] = [['leaseDuration', leaseDuration], ['renewDeadline', renewDeadline], ['retryPeriod', retryPeriod]];
  for (const [field, value] of positive) {
    if (value !== undefined && value <= 0n) errors.invalid(`leaderElection.${field}`, goDuration(value), 'must be greater than zero');
  }
  if (leaseDuration !== undefined && renewDeadline !== undefined && leaseDuration <= renewDeadline) {
    errors.invalid('leaderElection.leaseDuration', goDuration(renewDeadline), 'must be greater than `RenewDeadline`');
  }
  const lock = typeof record['resourceLock'] === 'string' && record['resourceLock'] !== '' ? record['resourceLock'] : 'leases';
  if (lock !== 'leases') errors.invalid('leaderElection.resourceLock', lock, 'resourceLock value must be "leases"');
}

/** podInitialBackoffSeconds (default 1) and podMaxBackoffSeconds (default 10). */
function backOffErrors(root: Readonly<Record<string, unknown>>, errors: FieldErrors): void {
  const initial = errors.integer(root['podInitialBackoffSeconds'], 'podInitialBackoffSeconds') ?? 1;
  const max = errors.integer(root['podMaxBackoffSeconds'], 'podMaxBackoffSeconds') ?? 10;
  if (initial <= 0) errors.invalid('podInitialBackoffSeconds', initial, 'must be greater than 0');
  if (max < initial) errors.invalid('podMaxBackoffSeconds', max, 'must be greater than or equal to PodInitialBackoffSeconds');
}

/** validateExtenders; kubefit cannot call an extender, so a configuration with any gets a warning. */
function extenderErrors(extenders: readonly unknown[], { errors, warnings }: Problems): void {
  let binders = 0;
  const managed = new Set<string>();
  extenders.forEach((entry, i) => {
    const extender = asRecord(entry) ?? {};
    const weight = errors.integer(extender['weight'], `extenders[${i}].weight`) ?? 0;
    if (errors.string(extender['prioritizeVerb'], `extenders[${i}].prioritizeVerb`) !== '' && weight <= 0) errors.invalid(`extenders[${i}].weight`, weight, 'must have a positive weight applied to it');
    if (errors.string(extender['bindVerb'], `extenders[${i}].bindVerb`) !== '') binders++;
    asArray(extender['managedResources']).forEach((resource, j) => {
      const path = `extenders[${i}].managedResources[${j}].name`;
      const name = errors.string(asRecord(resource)?.['name'], path);
      const nameErrors = qualifiedNameErrors(name);
      for (const message of nameErrors) errors.invalid(path, name, message);
      if (nameErrors.length === 0 && !isExtendedResourceName(name)) errors.invalid(path, name, 'is an invalid extended resource name');
      if (managed.has(name)) errors.invalid(path, name, 'duplicate extender managed resource name');
      managed.add(name);
    });
  });
  if (binders > 1) errors.invalid('extenders', `found ${binders} extenders implementing bind`, 'only one extender can implement bind');
  if (extenders.length > 0) warnings.push(`extenders: kubefit does not call scheduler extenders, so what the ${extenders.length === 1 ? 'extender filters and scores is' : `${extenders.length} extenders filter and score is`} not modelled`);
}

/**
 * validateCommonQueueSort: every profile sorts the one scheduling queue the same way. A profile's queueSort after
 * defaulting is its own set (the defaults sit in multiPoint), printed as Go prints the internal config.PluginSet. The
 * check that the queue-sort plugin's args agree is not made (kubefit could not print them as upstream does).
 */
function commonQueueSortErrors(queueSorts: readonly (PluginSet | undefined)[], errors: FieldErrors): void {
  const [first] = queueSorts;
  if (first && first.enabled.length > 1) errors.invalid('profiles[0].plugins.queueSort.Enabled', first.enabled.length, 'only one queue sort plugin can be enabled');
  const canon = goPluginSet(first);
  queueSorts.forEach((set, i) => {
    if (i > 0 && goPluginSet(set).text !== canon.text) errors.invalid(`profiles[${i}].plugins.queueSort`, goPluginSet(set), 'must be the same for all profiles');
  });
}

/** Go's %#v of a config.PluginSet; an empty list prints as nil (Semantic.DeepEqual does not tell them apart either). */
function goPluginSet(set: PluginSet | undefined): GoValue {
  const plugins = (list: readonly PluginRef[]) => (list.length === 0 ? '[]config.Plugin(nil)' : `[]config.Plugin{${list.map(({ name, weight }) => `config.Plugin{Name:${JSON.stringify(name)}, Weight:${weight ?? 0}}`).join(', ')}}`);
  return new GoValue(`config.PluginSet{Enabled:${plugins(set?.enabled ?? [])}, Disabled:${plugins((set?.disabled ?? []).map((name) => ({ name })))}}`);
}

function readProfile(record: Readonly<Record<string, unknown>>, at: { path: string; single: boolean; minor: number }, problems: Problems): { readonly profile: SchedulerProfile; readonly refused: string | undefined; readonly queueSort: PluginSet | undefined } {
  const { path } = at;
  const named = record['schedulerName'];
  // SetDefaults_KubeSchedulerConfiguration: a single profile's nil (absent or null) schedulerName is default-scheduler.
  const schedulerName = named == null && at.single ? DEFAULT_SCHEDULER_NAME : problems.errors.string(named, `${path}.schedulerName`);
  if (schedulerName === '') problems.errors.required(`${path}.schedulerName`);
  samplingWarning(record, `${path}.percentageOfNodesToScore`, problems);
  const plugins = readPlugins(asRecord(record['plugins']), `${path}.plugins`, problems);
  const { args, pluginInit } = readPluginConfig(record['pluginConfig'], `${path}.pluginConfig`, problems);
  const merged = mergePlugins(defaultPlugins(at.minor), plugins);
  return { profile: buildProfile(schedulerName, merged, args), refused: frameworkError(schedulerName, merged, pluginInit), queueSort: plugins?.queueSort };
}

/**
 * Plugins whose args validatePluginConfig leaves to the plugin itself: its map names NodeResourcesFit's validation
 * "NodeResourcesFitArgs", a plugin no profile has, so NewFit's own ValidateNodeResourcesFitArgs(nil, ...) reports
 * them when the framework is built, with paths relative to the args.
 */
const VALIDATED_AT_INIT = new Set(['NodeResourcesFit']);

function readPlugins(record: Readonly<Record<string, unknown>> | undefined, path: string, problems: Problems): Plugins | undefined {
  if (!record) return undefined;
  const plugins: Partial<Record<ExtensionPoint, PluginSet>> = {};
  for (const point of EXTENSION_POINTS) {
    const set = asRecord(record[point]);
    if (set) plugins[point] = readPluginSet(set, `${path}.${point}`, point, problems);
  }
  return plugins;
}

function readPluginSet(record: Readonly<Record<string, unknown>>, path: string, point: ExtensionPoint, { errors, warnings, invalid, unknownPlugins }: Problems): PluginSet {
  const profilePath = path.slice(0, path.lastIndexOf('.plugins.'));
  const enabled: PluginRef[] = asArray(record['enabled']).map((entry, i) => {
    const plugin = asRecord(entry);
    const name = errors.string(plugin?.['name'], `${path}.enabled[${i}].name`);
    const weight = errors.integer(plugin?.['weight'], `${path}.enabled[${i}].weight`);
    // validatePluginSetForInvalidPlugins skips multiPoint
    if (point !== 'multiPoint' && invalid.has(name)) errors.invalid(`${path}.enabled[${i}]`, name, INVALID_PLUGIN);
    else if (!IN_TREE_PLUGINS.has(name)) {
      if (!unknownPlugins.has(`${profilePath}\u0000${name}`)) warnings.push(`${path}.enabled[${i}]: plugin "${name}" is not a kube-scheduler plugin kubefit knows (out-of-tree?), so it is not modelled; the rest of the profile runs`);
      unknownPlugins.add(`${profilePath}\u0000${name}`);
    }
    return weight === undefined ? { name } : { name, weight };
  });
  const disabled = asArray(record['disabled']).map((entry, i) => errors.string(asRecord(entry)?.['name'], `${path}.disabled[${i}].name`));
  return { enabled, disabled };
}

function readPluginConfig(value: unknown, path: string, { errors, warnings, invalid, minor }: Problems): { readonly args: ProfileArgs; readonly pluginInit: PluginInitErrors } {
  let args = DEFAULT_ARGS;
  const pluginInit = new Map<string, readonly string[]>();
  const seen = new Set<string>();
  asArray(value).forEach((entry, i) => {
    const config = asRecord(entry);
    const name = errors.string(config?.['name'], `${path}[${i}].name`);
    if (seen.has(name)) errors.duplicate(`${path}[${i}]`, name);
    seen.add(name);
    if (invalid.has(name)) errors.invalid(`${path}[${i}]`, name, INVALID_PLUGIN);
    else if (!IN_TREE_PLUGINS.has(name)) warnings.push(`${path}[${i}]: args of plugin "${name}", which kubefit does not model, are ignored`);
    const argsPath = `${path}[${i}].args`;
    if (!VALIDATED_AT_INIT.has(name)) args = readPluginArgs(name, asRecord(config?.['args']) ?? {}, { path: argsPath, errors, minor }, args);
    else {
      const own = new FieldErrors();
      args = readPluginArgs(name, asRecord(config?.['args']) ?? {}, { path: argsPath, errors: own, minor }, args);
      if (own.list.length > 0) pluginInit.set(name, own.list.map((message) => message.slice(argsPath.length + 1)));
    }
  });
  return { args, pluginInit };
}
