// Which plugins a profile runs at each extension point: the default set, merged with the profile's `plugins`, then
// multiPoint expanded into the filter, score and postFilter points (upstream semantics, byte for byte in order).
// upstream: pkg/scheduler/apis/config/v1/default_plugins.go getDefaultPlugins, mergePluginSet (v1.35);
// framework/runtime/framework.go expandMultiPointPlugins, getScoreWeights (v1.35)
import { DYNAMIC_RESOURCES_SINCE } from '../preemption/dynamic-resources.js';
import { NODE_DECLARED_FEATURES_SINCE } from '../plugins/node-declared-features.js';
import { PRIORITIZED_LIST_SCORE_SINCE } from '../scoring/dynamic-resources.js';

/** A plugin named at an extension point; `weight` only counts for score (0 or absent: the multiPoint weight, else 1). */
export interface PluginRef {
  readonly name: string;
  readonly weight?: number;
}

export interface PluginSet {
  readonly enabled: readonly PluginRef[];
  readonly disabled: readonly string[];
}

/** The extension points of KubeSchedulerProfile.plugins (kubefit models filter, score and postFilter). */
export const EXTENSION_POINTS = [
  'multiPoint', 'preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit',
  'preBind', 'bind', 'postBind',
] as const;

export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];

export type Plugins = Readonly<Partial<Record<ExtensionPoint, PluginSet>>>;

/** The points kubefit runs: a plugin with PreFilter and Filter is one filter plugin here. */
export type ModelledPoint = 'filter' | 'score' | 'postFilter';

const MODELLED_POINTS: readonly ExtensionPoint[] = ['filter', 'score', 'postFilter'];

export function isModelled(point: ExtensionPoint): point is ModelledPoint {
  return MODELLED_POINTS.includes(point);
}

/**
 * The in-tree plugins and the modelled points each implements; the three that implement none of them list their only
 * point (PreEnqueue, QueueSort, Bind). Points kubefit does not model (preScore, reserve, ...) are left out, and so is
 * preFilter but for NodeAffinity, whose PreFilter kubefit runs apart from its Filter when a profile has only one.
 */
export const IN_TREE_PLUGINS: ReadonlyMap<string, readonly ExtensionPoint[]> = new Map<string, readonly ExtensionPoint[]>([
  ['SchedulingGates', ['preEnqueue']],
  ['PrioritySort', ['queueSort']],
  ['NodeUnschedulable', ['filter']],
  ['NodeName', ['filter']],
  ['TaintToleration', ['filter', 'score']],
  ['NodeAffinity', ['preFilter', 'filter', 'score']],
  ['NodePorts', ['filter']],
  ['NodeResourcesFit', ['filter', 'score']],
  ['VolumeRestrictions', ['filter']],
  ['EBSLimits', ['filter']],
  ['GCEPDLimits', ['filter']],
  ['NodeVolumeLimits', ['filter']],
  ['AzureDiskLimits', ['filter']],
  ['CinderLimits', ['filter']],
  ['VolumeBinding', ['filter', 'score']],
  ['VolumeZone', ['filter']],
  ['PodTopologySpread', ['filter', 'score']],
  ['InterPodAffinity', ['filter', 'score']],
  ['DynamicResources', ['filter', 'postFilter', 'score']],
  ['DefaultPreemption', ['postFilter']],
  ['NodeResourcesBalancedAllocation', ['score']],
  ['ImageLocality', ['score']],
  ['NodeDeclaredFeatures', ['filter']],
  ['DefaultBinder', ['bind']],
]);

/** The Go interface of a point's plugins, as upstream's errors name it ("ScorePlugin"). */
export function pluginInterface(point: Exclude<ExtensionPoint, 'multiPoint'>): string {
  return `${point.charAt(0).toUpperCase()}${point.slice(1)}Plugin`;
}

/** framework/runtime/framework.go getExtensionPoints: the order multiPoint is expanded in. */
const FRAMEWORK_ORDER = ['preFilter', 'filter', 'postFilter', 'reserve', 'preScore', 'score', 'preBind', 'bind', 'postBind', 'permit', 'preEnqueue', 'queueSort'] as const;

/**
 * What NewFramework refuses when it lists a profile's merged plugins (v1.35), in its order: updatePluginList at each
 * point in getExtensionPoints order (a plugin enabled at a point it does not extend, or enabled there twice), then
 * expandMultiPointPlugins (a multiPoint plugin that expands twice to a point, reported at the first one). Plugins kubefit
 * does not know (out-of-tree, warned of) are passed over, and so are points it does not model for "does not extend";
 * it knows only the points in IN_TREE_PLUGINS, so a plugin that also extends PreFilter or PreScore is named at its first
 * one of those.
 */
export function pluginListError(plugins: Plugins): string | undefined {
  for (const point of FRAMEWORK_ORDER) {
    const registered = new Set<string>();
    for (const { name } of plugins[point]?.enabled ?? []) {
      const implemented = IN_TREE_PLUGINS.get(name);
      if (!implemented) continue;
      if (isModelled(point) && !implemented.includes(point)) return `plugin "${name}" does not extend ${pluginInterface(point)} plugin`;
      if (registered.has(name)) return alreadyRegistered(name, point);
      registered.add(name);
    }
  }
  return multiPointError(plugins);
}

/** expandMultiPointPlugins: a point that disables "*" or the plugin, or enables it itself (an override), skips it. */
function multiPointError(plugins: Plugins): string | undefined {
  for (const point of FRAMEWORK_ORDER) {
    const own = plugins[point];
    if (own?.disabled.includes('*')) continue;
    const expanded = new Set<string>();
    for (const { name } of plugins.multiPoint?.enabled ?? []) {
      if (!IN_TREE_PLUGINS.get(name)?.includes(point) || own?.disabled.includes(name) || own?.enabled.some((p) => p.name === name)) continue;
      if (expanded.has(name)) return alreadyRegistered(name, point);
      expanded.add(name);
    }
  }
  return undefined;
}

function alreadyRegistered(name: string, point: (typeof FRAMEWORK_ORDER)[number]): string {
  return `plugin "${name}" already registered as "${pluginInterface(point)}"`;
}

/** The last release whose default profile listed the in-tree volume limit plugins (they left in v1.31). */
const LAST_WITH_VOLUME_LIMIT_PLUGINS = 30;

/**
 * validation.go invalidPluginsByVersion: plugins v1 configurations may no longer name in a plugin set or pluginConfig,
 * for a Kubernetes minor version (the volume limit plugins from 1.31, kubernetes#124500; none before).
 */
export function invalidPlugins(minor: number): ReadonlySet<string> {
  return new Set(minor > LAST_WITH_VOLUME_LIMIT_PLUGINS ? ['AzureDiskLimits', 'CinderLimits', 'EBSLimits', 'GCEPDLimits'] : []);
}

/** getDefaultPlugins with applyFeatureGates, for a Kubernetes minor version: all in multiPoint. */
export function defaultPlugins(minor: number): Plugins {
  const volumeLimits = minor <= LAST_WITH_VOLUME_LIMIT_PLUGINS;
  const enabled: PluginRef[] = [
    { name: 'SchedulingGates' },
    { name: 'PrioritySort' },
    { name: 'NodeUnschedulable' },
    { name: 'NodeName' },
    { name: 'TaintToleration', weight: 3 },
    { name: 'NodeAffinity', weight: 2 },
    { name: 'NodePorts' },
    { name: 'NodeResourcesFit', weight: 1 },
    { name: 'VolumeRestrictions' },
    ...(volumeLimits ? [{ name: 'EBSLimits' }, { name: 'GCEPDLimits' }] : []),
    { name: 'NodeVolumeLimits' },
    ...(volumeLimits ? [{ name: 'AzureDiskLimits' }] : []),
    { name: 'VolumeBinding' },
    { name: 'VolumeZone' },
    { name: 'PodTopologySpread', weight: 2 },
    { name: 'InterPodAffinity', weight: 2 },
    ...(minor >= DYNAMIC_RESOURCES_SINCE ? [{ name: 'DynamicResources', ...(minor >= PRIORITIZED_LIST_SCORE_SINCE && { weight: 2 }) }] : []),
    { name: 'DefaultPreemption' },
    { name: 'NodeResourcesBalancedAllocation', weight: 1 },
    { name: 'ImageLocality', weight: 1 },
    { name: 'DefaultBinder' },
    // joins with its gate; kubefit runs it last among the filters
    ...(minor >= NODE_DECLARED_FEATURES_SINCE ? [{ name: 'NodeDeclaredFeatures' }] : []),
  ];
  return { multiPoint: { enabled, disabled: [] } };
}

/** mergePluginSet: defaults minus the disabled ones ("*": all), re-configured in place, then the custom additions. */
function mergePluginSet(defaults: PluginSet | undefined, custom: PluginSet | undefined): PluginSet {
  const base = defaults ?? { enabled: [], disabled: [] };
  if (!custom) return base;
  const disabled = [...custom.disabled, ...base.disabled];
  const customIndex = new Map(custom.enabled.map((plugin, index) => [plugin.name, index]));
  const replaced = new Set<number>();
  const enabled: PluginRef[] = [];
  if (!disabled.includes('*')) {
    for (const plugin of base.enabled) {
      if (disabled.includes(plugin.name)) continue;
      const index = customIndex.get(plugin.name);
      if (index !== undefined) replaced.add(index);
      enabled.push(index === undefined ? plugin : (custom.enabled[index] ?? plugin));
    }
  }
  custom.enabled.forEach((plugin, index) => {
    if (!replaced.has(index)) enabled.push(plugin);
  });
  return { enabled, disabled };
}

/** mergePlugins: every extension point merged. */
export function mergePlugins(defaults: Plugins, custom: Plugins | undefined): Plugins {
  const merged: Partial<Record<ExtensionPoint, PluginSet>> = {};
  for (const point of EXTENSION_POINTS) {
    const set = mergePluginSet(defaults[point], custom?.[point]);
    if (set.enabled.length > 0 || set.disabled.length > 0) merged[point] = set;
  }
  return merged;
}

/** A plugin at an extension point after expansion, with its score weight (1 where none is set). */
export interface ExpandedPlugin {
  readonly name: string;
  readonly weight: number;
}

/**
 * expandMultiPointPlugins for one point: the point's own plugins that multiPoint also lists, then multiPoint's others,
 * then the point's remaining ones. `implementsPoint` tells which plugins extend it (unknown plugins: none).
 */
export function expandPoint(plugins: Plugins, point: ExtensionPoint, implementsPoint: (name: string) => boolean): ExpandedPlugin[] {
  const own = plugins[point] ?? { enabled: [], disabled: [] };
  const multiPoint = (plugins.multiPoint?.enabled ?? []).filter((p) => implementsPoint(p.name));
  const ownNames = own.enabled.map((p) => p.name);
  const fromMultiPoint = own.disabled.includes('*') ? [] : multiPoint.filter((p) => !own.disabled.includes(p.name));
  const overridden = new Set(fromMultiPoint.filter((p) => ownNames.includes(p.name)).map((p) => p.name));
  const ordered = [
    ...own.enabled.filter((p) => overridden.has(p.name)),
    ...fromMultiPoint.filter((p) => !overridden.has(p.name)),
    ...own.enabled.filter((p) => !overridden.has(p.name)),
  ];
  // getScoreWeights: the point's own weight first, then multiPoint's; 0 means 1.
  const weightOf = (name: string): number => {
    const weight = [...own.enabled, ...multiPoint].find((p) => p.name === name)?.weight ?? 0;
    return weight === 0 ? 1 : weight;
  };
  return ordered.map((p) => ({ name: p.name, weight: weightOf(p.name) }));
}
