// A scheduler profile: the filter and score plugins it runs, configured by its plugin args, and its PostFilter.
// upstream: pkg/scheduler/profile/profile.go NewMap, framework/runtime/framework.go NewFramework (v1.35)
import type { FilterPlugin, FilterPoints } from '../framework.js';
import { FILTER_PLUGINS } from '../plugins/index.js';
import { nodeAffinityFilter } from '../plugins/node-affinity.js';
import { nodeResourcesFitFilter } from '../plugins/node-resources-fit.js';
import { podTopologySpreadFilter } from '../plugins/pod-topology-spread.js';
import { DEFAULT_PREEMPTION_ARGS, type PreemptionArgs } from '../preemption/preemption.js';
import { SCORE_PLUGINS } from '../scoring/index.js';
import { interPodAffinityScore } from '../scoring/inter-pod-affinity.js';
import { nodeAffinityScore } from '../scoring/node-affinity.js';
import { balancedAllocationOf, nodeResourcesFitScore } from '../scoring/node-resources.js';
import { podTopologySpreadScore } from '../scoring/pod-topology-spread.js';
import type { ScorePlugin } from '../scoring/score-plugin.js';
import type { ProfileArgs } from './plugin-args.js';
import { aggregate } from './field-errors.js';
import { EXTENSION_POINTS, IN_TREE_PLUGINS, expandPoint, pluginListError, type ExtensionPoint, type Plugins } from './plugin-sets.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface SchedulerProfile {
  readonly schedulerName: string;
  /** Filter plugins in the order the profile runs them. */
  readonly filters: readonly FilterPlugin[];
  /** Score plugins, each with the profile's weight. */
  readonly scores: readonly ScorePlugin[];
  /** DefaultPreemption's args; undefined when the profile's PostFilter does not run DefaultPreemption. */
  readonly preemption: PreemptionArgs | undefined;
  /** DynamicResources runs at PostFilter (its "no new claims to deallocate" comes before preemption's message). */
  readonly dynamicResources: boolean;
}

/** The profiles by schedulerName. */
export type SchedulerProfiles = ReadonlyMap<string, SchedulerProfile>;

/** kube-scheduler's default profile, as kubefit has always run it. */
export const DEFAULT_PROFILE: SchedulerProfile = {
  schedulerName: DEFAULT_SCHEDULER_NAME,
  filters: FILTER_PLUGINS,
  scores: SCORE_PLUGINS,
  preemption: DEFAULT_PREEMPTION_ARGS,
  // from the release that adds it to the default plugins (dynamicResourcesPostFilter reads the release)
  dynamicResources: true,
};

export const DEFAULT_PROFILES: SchedulerProfiles = new Map([[DEFAULT_SCHEDULER_NAME, DEFAULT_PROFILE]]);

/** Plugins with modelled args (or points), built per profile; the others are the default profile's instances. */
const CONFIGURED_FILTERS: Readonly<Record<string, (args: ProfileArgs, points: FilterPoints) => FilterPlugin>> = {
  NodeAffinity: (args, points) => nodeAffinityFilter(args.nodeAffinity, points),
  NodeResourcesFit: (args) => nodeResourcesFitFilter(args.nodeResourcesFit.ignored),
  PodTopologySpread: (args) => podTopologySpreadFilter(args.podTopologySpread),
};

const CONFIGURED_SCORES: Readonly<Record<string, (args: ProfileArgs) => ScorePlugin>> = {
  NodeAffinity: (args) => nodeAffinityScore(args.nodeAffinity.preferred),
  NodeResourcesFit: (args) => nodeResourcesFitScore(args.nodeResourcesFit.scoringStrategy),
  PodTopologySpread: (args) => podTopologySpreadScore(args.podTopologySpread),
  InterPodAffinity: (args) => interPodAffinityScore(args.interPodAffinity),
  NodeResourcesBalancedAllocation: (args) => balancedAllocationOf(args.balancedAllocation),
};

function filterPlugin(name: string, args: ProfileArgs, points: FilterPoints): FilterPlugin | undefined {
  return CONFIGURED_FILTERS[name]?.(args, points) ?? FILTER_PLUGINS.find((plugin) => plugin.name === name);
}

function scorePlugin(name: string, args: ProfileArgs): ScorePlugin | undefined {
  return CONFIGURED_SCORES[name]?.(args) ?? SCORE_PLUGINS.find((plugin) => plugin.name === name);
}

function implementsPoint(point: ExtensionPoint): (name: string) => boolean {
  return (name) => IN_TREE_PLUGINS.get(name)?.includes(point) ?? false;
}

/** Errors a plugin's factory returns for its args when the framework is built, by plugin (field errors, args-relative). */
export type PluginInitErrors = ReadonlyMap<string, readonly string[]>;

/**
 * What frameworkImpl's NewFramework refuses in a profile's merged plugins, as kube-scheduler reports it (scheduler.New
 * and profile.NewMap wrap it; the first error only): an enabled plugin whose factory rejects its args, then a plugin
 * listed where it cannot be (pluginListError), then a profile that does not sort its queue with exactly one plugin or
 * binds with none.
 */
export function frameworkError(schedulerName: string, plugins: Plugins, pluginInit: PluginInitErrors): string | undefined {
  const refusal = refusalOf(schedulerName, plugins, pluginInit);
  return refusal === undefined ? undefined : `initializing profiles: creating profile for scheduler name ${schedulerName}: ${refusal}`;
}

function refusalOf(schedulerName: string, plugins: Plugins, pluginInit: PluginInitErrors): string | undefined {
  for (const [name, errors] of pluginInit) {
    if (EXTENSION_POINTS.some((point) => expandPoint(plugins, point, implementsPoint(point)).some((plugin) => plugin.name === name))) {
      return `initializing plugin "${name}": ${aggregate(errors)}`;
    }
  }
  const listed = pluginListError(plugins);
  if (listed !== undefined) return listed;
  const queueSorts = expandPoint(plugins, 'queueSort', implementsPoint('queueSort')).length;
  if (queueSorts !== 1) return `only one queue sort plugin required for profile with scheduler name "${schedulerName}", but got ${queueSorts}`;
  if (expandPoint(plugins, 'bind', implementsPoint('bind')).length === 0) return `at least one bind plugin is needed for profile with scheduler name "${schedulerName}"`;
  return undefined;
}

/**
 * The profile's modelled plugins after multiPoint expansion (`plugins` already merged with the defaults). In-tree
 * plugins kubefit does not model (the VolumeBinding score, ...) are left out, as in the default run.
 */
export function buildProfile(schedulerName: string, plugins: Plugins, args: ProfileArgs): SchedulerProfile {
  const preFilters = new Set(expandPoint(plugins, 'preFilter', implementsPoint('preFilter')).map(({ name }) => name));
  const filterNames = expandPoint(plugins, 'filter', implementsPoint('filter')).map(({ name }) => name);
  // a PreFilter whose Filter the profile leaves out still runs (first: NodeAffinity's is the first in the defaults)
  const names = [...[...preFilters].filter((name) => !filterNames.includes(name)), ...filterNames];
  const filters = names.flatMap((name) => filterPlugin(name, args, { preFilter: preFilters.has(name), filter: filterNames.includes(name) }) ?? []);
  const scores = expandPoint(plugins, 'score', implementsPoint('score')).flatMap(({ name, weight }) => {
    const plugin = scorePlugin(name, args);
    return plugin ? [{ ...plugin, weight }] : [];
  });
  const postFilter = expandPoint(plugins, 'postFilter', implementsPoint('postFilter')).map(({ name }) => name);
  const preemption = postFilter.includes('DefaultPreemption') ? args.defaultPreemption : undefined;
  return { schedulerName, filters, scores, preemption, dynamicResources: postFilter.includes('DynamicResources') };
}
