// The plugin arguments of a profile's pluginConfig that change what kubefit computes: read, defaulted and validated.
// upstream: pkg/scheduler/apis/config/v1/defaults.go SetDefaults_*Args, apis/config/validation/validation_pluginargs.go
// (v1.35); k8s.io/kube-scheduler/config/v1 types_pluginargs.go for the field names
import { asArray, asRecord } from '../../model/object.js';
import { toNodeSelector, type NodeSelector } from '../../model/labels.js';
import { toPreferredNodeTerms } from '../pod-info.js';
import { NO_ADDED_AFFINITY, type AddedAffinity } from '../plugins/node-affinity.js';
import { NO_IGNORED_RESOURCES, type IgnoredResources } from '../plugins/node-resources-fit.js';
import { SYSTEM_DEFAULTING, type DefaultSpreadConstraint, type SpreadDefaulting } from '../plugins/pod-topology-spread.js';
import { DEFAULT_INTER_POD_AFFINITY_ARGS, type InterPodAffinityArgs } from '../scoring/inter-pod-affinity.js';
import { DEFAULT_RESOURCES, DEFAULT_SCORING_STRATEGY, type ResourceSpec, type ScoringStrategy, type UtilizationShapePoint } from '../scoring/node-resources.js';
import { DEFAULT_PREEMPTION_ARGS, type PreemptionArgs } from '../preemption/preemption.js';
import { qualifiedNameErrors } from '../../model/name-validation.js';
import { GoValue, goDuration, type FieldErrors } from './field-errors.js';
import { nodeSelectorErrors, preferredTermsErrors } from './node-selector-errors.js';
import { DYNAMIC_RESOURCES_ARGS_SINCE } from './strict-decoding.js';

/** The arguments kubefit models, per plugin, after defaulting. */
export interface ProfileArgs {
  readonly nodeResourcesFit: { readonly ignored: IgnoredResources; readonly scoringStrategy: ScoringStrategy };
  readonly balancedAllocation: readonly ResourceSpec[];
  readonly podTopologySpread: SpreadDefaulting;
  readonly interPodAffinity: InterPodAffinityArgs;
  readonly nodeAffinity: AddedAffinity;
  readonly defaultPreemption: PreemptionArgs;
}

export const DEFAULT_ARGS: ProfileArgs = {
  nodeResourcesFit: { ignored: NO_IGNORED_RESOURCES, scoringStrategy: DEFAULT_SCORING_STRATEGY },
  balancedAllocation: DEFAULT_RESOURCES,
  podTopologySpread: SYSTEM_DEFAULTING,
  interPodAffinity: DEFAULT_INTER_POD_AFFINITY_ARGS,
  nodeAffinity: NO_ADDED_AFFINITY,
  defaultPreemption: DEFAULT_PREEMPTION_ARGS,
};

type Args = Readonly<Record<string, unknown>>;

/** Reads one plugin's args into `args`; plugins without modelled args leave it as it is. */
export function readPluginArgs(name: string, value: Args, at: { path: string; errors: FieldErrors; minor: number }, args: ProfileArgs): ProfileArgs {
  const reader = ARG_READERS[name];
  return reader ? { ...args, ...reader(value, at.path, at.errors, at.minor) } : args;
}

const ARG_READERS: Readonly<Record<string, (value: Args, path: string, errors: FieldErrors, minor: number) => Partial<ProfileArgs>>> = {
  NodeResourcesFit: (value, path, errors) => ({ nodeResourcesFit: readNodeResourcesFitArgs(value, path, errors) }),
  NodeResourcesBalancedAllocation: (value, path, errors) => ({ balancedAllocation: readBalancedAllocationArgs(value, path, errors) }),
  PodTopologySpread: (value, path, errors) => ({ podTopologySpread: readPodTopologySpreadArgs(value, path, errors) }),
  InterPodAffinity: (value, path, errors) => ({ interPodAffinity: readInterPodAffinityArgs(value, path, errors) }),
  NodeAffinity: (value, path, errors) => ({ nodeAffinity: readNodeAffinityArgs(value, path, errors) }),
  DefaultPreemption: (value, path, errors) => ({ defaultPreemption: readDefaultPreemptionArgs(value, path, errors) }),
  VolumeBinding: (value, path, errors) => {
    validateVolumeBindingArgs(value, path, errors);
    return {};
  },
  DynamicResources: (value, path, errors, minor) => {
    validateDynamicResourcesArgs(value, path, errors, minor);
    return {};
  },
};

/** The first release whose default gates allow DynamicResourcesArgs.bindingTimeout (DRADeviceBindingConditions beta). */
const BINDING_TIMEOUT_SINCE = 36;

/**
 * ValidateDynamicResourcesArgs under each release's default gates (the args kind exists from 1.34; before, the args
 * are not decoded): DRASchedulerFilterTimeout is on from 1.34; bindingTimeout needs DRADeviceBindingConditions
 * (beta from 1.36) and DRAResourceClaimDeviceStatus (beta from 1.33). kubefit models neither timeout.
 */
function validateDynamicResourcesArgs(value: Args, path: string, errors: FieldErrors, minor: number): void {
  if (minor < DYNAMIC_RESOURCES_ARGS_SINCE) return;
  const filterTimeout = errors.duration(value['filterTimeout'], `${path}.filterTimeout`);
  if (filterTimeout !== undefined && filterTimeout < 0n) errors.invalid(`${path}.filterTimeout`, goDuration(filterTimeout), 'must be zero or positive');
  const bindingTimeout = errors.duration(value['bindingTimeout'], `${path}.bindingTimeout`);
  if (bindingTimeout === undefined) return;
  if (minor < BINDING_TIMEOUT_SINCE) errors.forbidden(`${path}.bindingTimeout`, 'DRADeviceBindingConditions or DRAResourceClaimDeviceStatus feature gate is disabled');
  else if (bindingTimeout < 1_000_000_000n) errors.invalid(`${path}.bindingTimeout`, goDuration(bindingTimeout), 'must be at least 1 second');
}

/** metav1validation.ValidateLabelName: one Invalid error per IsQualifiedName message. */
function labelNameErrors(name: string, path: string, errors: FieldErrors): void {
  for (const message of qualifiedNameErrors(name)) errors.invalid(path, name, message);
}

/** Resource specs with weight 0 (or none) defaulted to 1; `defaults` when the list is empty. */
function readResources(value: unknown, path: string, errors: FieldErrors): ResourceSpec[] {
  return asArray(value).map((entry, i) => {
    const record = asRecord(entry);
    const name = errors.string(record?.['name'], `${path}[${i}].name`);
    const weight = errors.integer(record?.['weight'], `${path}[${i}].weight`) ?? 0;
    return { name, weight: weight === 0 ? 1 : weight };
  });
}

function readNodeResourcesFitArgs(value: Args, path: string, errors: FieldErrors): ProfileArgs['nodeResourcesFit'] {
  const names = errors.strings(value['ignoredResources'], `${path}.ignoredResources`);
  names.forEach((name, i) => labelNameErrors(name, `${path}.ignoredResources[${i}]`, errors));
  const groups = errors.strings(value['ignoredResourceGroups'], `${path}.ignoredResourceGroups`);
  groups.forEach((group, i) => {
    if (group.includes('/')) errors.invalid(`${path}.ignoredResourceGroups[${i}]`, group, "resource group name can't contain '/'");
    labelNameErrors(group, `${path}.ignoredResourceGroups[${i}]`, errors);
  });
  const strategy = asRecord(value['scoringStrategy']);
  return { ignored: { names: new Set(names), groups: new Set(groups) }, scoringStrategy: strategy ? readScoringStrategy(strategy, `${path}.scoringStrategy`, errors) : DEFAULT_SCORING_STRATEGY };
}

/** sets.List(supportedScoringStrategyTypes): sorted. */
const STRATEGY_TYPES = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'] as const;

function readScoringStrategy(value: Args, path: string, errors: FieldErrors): ScoringStrategy {
  // SetDefaults_NodeResourcesFitArgs defaults a missing strategy, not a missing type: that one is "".
  const type = errors.oneOf(value['type'] ?? '', `${path}.type`, STRATEGY_TYPES) ?? 'LeastAllocated';
  const listed = readResources(value['resources'], `${path}.resources`, errors);
  listed.forEach(({ name, weight }, i) => {
    if (weight <= 0 || weight > 100) errors.invalid(`${path}.resources[${i}].weight`, weight, `resource weight of ${name} not in valid range (0, 100]`);
  });
  const resources = listed.length > 0 ? listed : DEFAULT_RESOURCES;
  const ratio = asRecord(value['requestedToCapacityRatio']);
  // validateFunctionShape reports under scoringStrategy.shape, not requestedToCapacityRatio.shape.
  const shape = ratio ? readShape(ratio['shape'], `${path}.shape`, errors) : [];
  if (type === 'RequestedToCapacityRatio') return { type, resources, shape };
  return { type, resources };
}

function readShape(value: unknown, path: string, errors: FieldErrors): UtilizationShapePoint[] {
  const shape = asArray(value).map((entry, i) => {
    const record = asRecord(entry);
    return { utilization: errors.integer(record?.['utilization'], `${path}[${i}].utilization`) ?? 0, score: errors.integer(record?.['score'], `${path}[${i}].score`) ?? 0 };
  });
  if (shape.length === 0) errors.required(path, 'at least one point must be specified');
  const unsorted = shape.findIndex((point, i) => i > 0 && (shape[i - 1]?.utilization ?? 0) >= point.utilization);
  if (unsorted > 0) errors.invalid(`${path}[${unsorted}].utilization`, shape[unsorted]?.utilization, 'values must be sorted in increasing order');
  shape.forEach(({ utilization, score }, i) => {
    if (utilization < 0 || utilization > 100) errors.invalid(`${path}[${i}].utilization`, utilization, 'not in valid range [0, 100]');
    if (score < 0 || score > 10) errors.invalid(`${path}[${i}].score`, score, 'not in valid range [0, 10]');
  });
  return shape;
}

function readBalancedAllocationArgs(value: Args, path: string, errors: FieldErrors): readonly ResourceSpec[] {
  const resources = readResources(value['resources'], `${path}.resources`, errors);
  const seen = new Set<string>();
  resources.forEach(({ name, weight }, i) => {
    if (seen.has(name)) errors.duplicate(`${path}.resources[${i}].name`, name);
    seen.add(name);
    if (weight !== 1) errors.invalid(`${path}.resources[${i}].weight`, weight, 'must be 1');
  });
  return resources.length > 0 ? resources : DEFAULT_RESOURCES;
}

/** sets.List of validateWhenUnsatisfiable's set: sorted. */
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'] as const;

function readPodTopologySpreadArgs(value: Args, path: string, errors: FieldErrors): SpreadDefaulting {
  // validateDefaultingType lists System, List as written, unsorted.
  const type = value['defaultingType'] === undefined || value['defaultingType'] === '' ? 'System' : errors.oneOf(value['defaultingType'], `${path}.defaultingType`, ['System', 'List'] as const);
  const listed = asArray(value['defaultConstraints']);
  if (type === 'System' && listed.length > 0) errors.invalid(`${path}.defaultingType`, type, 'when .defaultConstraints are not empty');
  // each constraint's field errors, then whether it repeats an earlier one (validateConstraintNotRepeat), in turn
  const constraints: DefaultSpreadConstraint[] = [];
  listed.forEach((entry, i) => {
    const c = readDefaultConstraint(asRecord(entry) ?? {}, `${path}.defaultConstraints[${i}]`, errors);
    if (constraints.some((other) => other.topologyKey === c.topologyKey && other.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errors.duplicate(`${path}.defaultConstraints[${i}]`, `{${c.topologyKey}, ${c.whenUnsatisfiable}}`);
    }
    constraints.push(c);
  });
  return type === 'List' ? { type, constraints } : SYSTEM_DEFAULTING;
}

function readDefaultConstraint(value: Args, path: string, errors: FieldErrors): DefaultSpreadConstraint {
  const maxSkew = errors.integer(value['maxSkew'], `${path}.maxSkew`) ?? 0;
  if (maxSkew <= 0) errors.invalid(`${path}.maxSkew`, maxSkew, 'not in valid range (0, inf)');
  const topologyKey = errors.string(value['topologyKey'], `${path}.topologyKey`);
  if (topologyKey === '') errors.required(`${path}.topologyKey`, 'can not be empty');
  else labelNameErrors(topologyKey, `${path}.topologyKey`, errors);
  const when = value['whenUnsatisfiable'];
  if (when === undefined || when === '') errors.required(`${path}.whenUnsatisfiable`, 'can not be empty');
  const whenUnsatisfiable = when === undefined || when === '' ? 'DoNotSchedule' : (errors.oneOf(when, `${path}.whenUnsatisfiable`, WHEN_UNSATISFIABLE) ?? 'DoNotSchedule');
  if (value['labelSelector'] !== undefined && value['labelSelector'] !== null) {
    errors.forbidden(`${path}.labelSelector`, 'constraint must not define a selector, as they deduced for each pod');
  }
  const minDomains = errors.integer(value['minDomains'], `${path}.minDomains`) ?? 1;
  const nodeAffinityPolicy = value['nodeAffinityPolicy'] === 'Ignore' ? 'Ignore' : 'Honor';
  const nodeTaintsPolicy = value['nodeTaintsPolicy'] === 'Honor' ? 'Honor' : 'Ignore';
  return { maxSkew, topologyKey, whenUnsatisfiable, minDomains, nodeAffinityPolicy, nodeTaintsPolicy };
}

function readInterPodAffinityArgs(value: Args, path: string, errors: FieldErrors): InterPodAffinityArgs {
  const hardPodAffinityWeight = errors.integer(value['hardPodAffinityWeight'], `${path}.hardPodAffinityWeight`) ?? 1;
  if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) errors.invalid(`${path}.hardPodAffinityWeight`, hardPodAffinityWeight, 'not in valid range [0, 100]');
  const ignore = value['ignorePreferredTermsOfExistingPods'];
  if (ignore !== undefined && typeof ignore !== 'boolean') errors.invalid(`${path}.ignorePreferredTermsOfExistingPods`, ignore, 'must be a boolean');
  return { hardPodAffinityWeight, ignorePreferredTermsOfExistingPods: ignore === true };
}

function readNodeAffinityArgs(value: Args, path: string, errors: FieldErrors): AddedAffinity {
  const added = asRecord(value['addedAffinity']);
  if (!added) return NO_ADDED_AFFINITY;
  const requiredValue = added['requiredDuringSchedulingIgnoredDuringExecution'];
  let required: NodeSelector | undefined;
  if (asRecord(requiredValue)) {
    required = toNodeSelector(requiredValue);
    nodeSelectorErrors(requiredValue, `${path}.addedAffinity.requiredDuringSchedulingIgnoredDuringExecution`, errors);
  }
  const preferredValue = added['preferredDuringSchedulingIgnoredDuringExecution'];
  const preferred = toPreferredNodeTerms(preferredValue);
  preferredTermsErrors(preferredValue, `${path}.addedAffinity.preferredDuringSchedulingIgnoredDuringExecution`, errors);
  // NewPreferredSchedulingTerms checks no weight range (pod validation does, args validation does not); weight-0
  // terms are skipped, as toPreferredNodeTerms skips them.
  asArray(preferredValue).forEach((entry, i) => errors.integer(asRecord(entry)?.['weight'], `${path}.addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}].weight`));
  return { required, preferred };
}

/** How many candidate nodes preemption's dry run looks for before it picks one. */
function readDefaultPreemptionArgs(value: Args, path: string, errors: FieldErrors): PreemptionArgs {
  const percentage = errors.integer(value['minCandidateNodesPercentage'], `${path}.minCandidateNodesPercentage`) ?? 10;
  const absolute = errors.integer(value['minCandidateNodesAbsolute'], `${path}.minCandidateNodesAbsolute`) ?? 100;
  if (percentage < 0 || percentage > 100) errors.invalid(`${path}.minCandidateNodesPercentage`, percentage, 'not in valid range [0, 100]');
  if (absolute < 0) errors.invalid(`${path}.minCandidateNodesAbsolute`, absolute, 'not in valid range [0, inf)');
  if (percentage === 0 && absolute === 0) {
    errors.invalid(`${path}.minCandidateNodesPercentage`, percentage, 'cannot be zero at the same time as minCandidateNodesAbsolute');
    errors.invalid(`${path}.minCandidateNodesAbsolute`, absolute, 'cannot be zero at the same time as minCandidateNodesPercentage');
  }
  return { minCandidateNodesPercentage: percentage, minCandidateNodesAbsolute: absolute };
}

/**
 * ValidateVolumeBindingArgs; kubefit models neither the bind timeout nor capacity scoring. StorageCapacityScoring is
 * alpha (off) through 1.36, so any `shape` is refused, printed as Go prints the internal slice.
 */
function validateVolumeBindingArgs(value: Args, path: string, errors: FieldErrors): void {
  const timeout = errors.integer(value['bindTimeoutSeconds'], `${path}.bindTimeoutSeconds`);
  if (timeout !== undefined && timeout < 0) errors.invalid(`${path}.bindTimeoutSeconds`, timeout, 'invalid BindTimeoutSeconds, should not be a negative value');
  if (value['shape'] === undefined || value['shape'] === null) return;
  const points = asArray(value['shape']).map((entry) => {
    const point = asRecord(entry);
    return `config.UtilizationShapePoint{Utilization:${Number(point?.['utilization'] ?? 0)}, Score:${Number(point?.['score'] ?? 0)}}`;
  });
  errors.invalid(`${path}.shape`, new GoValue(`[]config.UtilizationShapePoint{${points.join(', ')}}`), 'unexpected field `shape`, remove it or turn on the feature gate StorageCapacityScoring');
}
