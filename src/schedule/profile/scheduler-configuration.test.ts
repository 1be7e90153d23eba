import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toNodeSelector } from '../../model/labels.js';
import { UsageError } from '../../model/usage-error.js';
import { FieldErrors } from './field-errors.js';
import { DEFAULT_ARGS, readPluginArgs } from './plugin-args.js';
import { DEFAULT_PROFILE } from './profile.js';
import { readSchedulerConfiguration } from './scheduler-configuration.js';
import { toClusterSnapshot } from '../../model/cluster.js';
import { toWorkload, type Workload } from '../../model/workload.js';
import { scheduleWorkloads } from '../schedule.js';
import { objectsFromYaml } from '../test-support.js';

const HEAD = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n';

function profiles(body: string, minor = 36) {
  return readSchedulerConfiguration(`${HEAD}${body}`, 'sched.yaml', minor).profiles;
}

function summary(body: string, minor = 36) {
  return [...profiles(body, minor).values()].map((p) => ({
    name: p.schedulerName,
    filters: p.filters.map((f) => f.name),
    scores: p.scores.map((s) => `${s.name}:${s.weight}`),
    preemption: p.preemption !== undefined,
  }));
}

function errorOf(body: string, minor = 36): string {
  try {
    readSchedulerConfiguration(`${HEAD}${body}`, 'sched.yaml', minor);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'no error';
}

const DEFAULT_SUMMARY = {
  name: 'default-scheduler',
  filters: DEFAULT_PROFILE.filters.map((f) => f.name),
  scores: DEFAULT_PROFILE.scores.map((s) => `${s.name}:${s.weight}`),
  preemption: true,
};

describe('readSchedulerConfiguration: defaults (SetDefaults_KubeSchedulerConfiguration, getDefaultPlugins)', () => {
  it.each([36, 34, 30, 27])('no profiles is one default profile with the default plugins and weights (v1.%i)', (minor) => {
    // NodeDeclaredFeatures joins the defaults with its gate in 1.36, DynamicResources with DynamicResourceAllocation in
    // 1.34; kubefit's default instances skip themselves before.
    const absent = new Set([...(minor >= 36 ? [] : ['NodeDeclaredFeatures']), ...(minor >= 34 ? [] : ['DynamicResources'])]);
    const filters = DEFAULT_SUMMARY.filters.filter((name) => !absent.has(name));
    // DynamicResources scores at weight 2 from 1.36 (default_plugins.go applyDynamicResources); before, the defaults
    // name no weight, and its score skips itself
    const scores = DEFAULT_SUMMARY.scores.flatMap((score) => (score !== 'DynamicResources:2' || minor >= 36 ? [score] : minor >= 34 ? ['DynamicResources:1'] : []));
    expect(summary('', minor)).toEqual([{ ...DEFAULT_SUMMARY, filters, scores }]);
  });

  it('a single profile without schedulerName is default-scheduler; several need names', () => {
    expect(summary('profiles: [{}]')).toEqual([DEFAULT_SUMMARY]);
    expect(summary('profiles: [{schedulerName: null}]')).toEqual([DEFAULT_SUMMARY]);
    expect(errorOf('profiles: [{schedulerName: a}, {}]')).toBe('--scheduler-config sched.yaml: profiles[1].schedulerName: Required value');
    expect(errorOf('profiles: [{schedulerName: a}, {schedulerName: a}]')).toBe('--scheduler-config sched.yaml: profiles[1].schedulerName: Duplicate value: "a"');
  });
});

describe('readSchedulerConfiguration: merging and multiPoint expansion (mergePluginSet, expandMultiPointPlugins)', () => {
  it('a score plugin re-enabled with a weight keeps the multiPoint order and takes the new weight', () => {
    const [profile] = summary('profiles: [{plugins: {score: {enabled: [{name: ImageLocality, weight: 7}]}}}]');
    expect(profile?.scores).toEqual(['ImageLocality:7', 'TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2', 'DynamicResources:2', 'NodeResourcesBalancedAllocation:1']);
  });

  it('disabled "*" at a point keeps only what that point enables itself; disabled names drop out', () => {
    const [profile] = summary('profiles: [{plugins: {score: {disabled: [{name: "*"}], enabled: [{name: NodeResourcesFit, weight: 0}]}, filter: {disabled: [{name: NodePorts}]}, postFilter: {disabled: [{name: DefaultPreemption}]}}}]');
    expect(profile?.scores).toEqual(['NodeResourcesFit:1']);
    expect(profile?.filters).not.toContain('NodePorts');
    expect(profile?.filters).toHaveLength(DEFAULT_PROFILE.filters.length - 1);
    expect(profile?.preemption).toBe(false);
  });

  it('a filter a point enables itself runs before the multiPoint ones (overridePlugins first)', () => {
    const [profile] = summary('profiles: [{plugins: {filter: {enabled: [{name: PodTopologySpread}]}}}]');
    expect(profile?.filters.slice(0, 3)).toEqual(['PodTopologySpread', 'NodeUnschedulable', 'NodeName']);
  });

  it('multiPoint plugins disabled from multiPoint leave every point', () => {
    const [profile] = summary('profiles: [{plugins: {multiPoint: {disabled: [{name: TaintToleration}]}}}]');
    expect(profile?.filters).not.toContain('TaintToleration');
    expect(profile?.scores).not.toContain('TaintToleration:3');
  });

  // framework/runtime/framework.go updatePluginList and expandMultiPointPlugins: a plugin twice at one point, or twice
  // in multiPoint, fails the profile at the first point (upstream order) the multiPoint copy would expand to. NewFramework
  // returns the error, so kube-scheduler reports it as it does every profile it cannot build (scheduler.New,
  // profile.NewMap), with no field path (TestNewFrameworkErrors "duplicate plugin name", TestNewFrameworkMultiPointExpansion
  // "Expect 'already registered' error").
  const REFUSED = '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name default-scheduler: ';
  it.each([
    ['twice at score', '{score: {enabled: [{name: ImageLocality}, {name: ImageLocality, weight: 3}]}}', 'plugin "ImageLocality" already registered as "ScorePlugin"'],
    ['twice at filter', '{filter: {enabled: [{name: NodeName}, {name: NodePorts}, {name: NodeName}]}}', 'plugin "NodeName" already registered as "FilterPlugin"'],
    ['twice in multiPoint', '{multiPoint: {enabled: [{name: NodeName}, {name: NodeName}]}}', 'plugin "NodeName" already registered as "FilterPlugin"'],
    ['twice in multiPoint, also disabled there (multiPoint\'s disabled list does not stop the expansion)', '{multiPoint: {enabled: [{name: NodeName}, {name: NodeName}], disabled: [{name: NodeName}]}}', 'plugin "NodeName" already registered as "FilterPlugin"'],
    ['twice in multiPoint, the filter point enables it itself: an override, so no error there', '{multiPoint: {enabled: [{name: NodeName}, {name: NodeName}]}, filter: {enabled: [{name: NodeName}]}}', 'no error'],
    ['twice in multiPoint (queue sort)', '{multiPoint: {enabled: [{name: PrioritySort}, {name: PrioritySort}]}}', 'plugin "PrioritySort" already registered as "QueueSortPlugin"'],
    // expandMultiPointPlugins goes point by point (getExtensionPoints order), each through the whole multiPoint list
    ['two twice in multiPoint: the first point either expands to decides', '{multiPoint: {enabled: [{name: ImageLocality}, {name: ImageLocality}, {name: NodeName}, {name: NodeName}]}}', 'plugin "NodeName" already registered as "FilterPlugin"'],
    // updatePluginList lists every point before multiPoint is expanded
    ['a point\'s own list before multiPoint', '{multiPoint: {enabled: [{name: NodeName}, {name: NodeName}]}, score: {enabled: [{name: ImageLocality}, {name: ImageLocality}]}}', 'plugin "ImageLocality" already registered as "ScorePlugin"'],
  ])('a plugin registered twice is an error: %s', (_name, plugins, message) => {
    expect(errorOf(`profiles: [{plugins: ${plugins}}]`)).toBe(message === 'no error' ? message : `${REFUSED}${message}`);
  });

  // upstream: framework_test.go TestNewFrameworkMultiPointExpansion (v1.35), its test plugins played by in-tree ones
  // (testPlugin: NodeAffinity, scorePlugin1: ImageLocality, scoreWithNormalizePlugin1/scorePlugin2: TaintToleration),
  // on a profile that keeps only the queue sort and binder of the defaults.
  const ONLY = "{disabled: [{name: '*'}], enabled: [{name: PrioritySort}, {name: DefaultBinder}";
  it.each([
    ['plugin expansion', `{multiPoint: ${ONLY}, {name: NodeAffinity, weight: 5}]}}`, ['NodeAffinity'], ['NodeAffinity:5']],
    ['disable MultiPoint plugin at some extension points', `{multiPoint: ${ONLY}, {name: NodeAffinity}]}, score: {disabled: [{name: NodeAffinity}]}}`, ['NodeAffinity'], []],
    ['Multiple MultiPoint plugins', `{multiPoint: ${ONLY}, {name: NodeAffinity}, {name: ImageLocality}]}}`, ['NodeAffinity'], ['NodeAffinity:1', 'ImageLocality:1']],
    ['disable MultiPoint extension (PreScore only)', `{multiPoint: ${ONLY}, {name: NodeAffinity}, {name: ImageLocality}]}, preScore: {disabled: [{name: '*'}]}}`, ['NodeAffinity'], ['NodeAffinity:1', 'ImageLocality:1']],
    [
      'Reorder MultiPoint plugins (specified extension takes precedence)',
      `{multiPoint: ${ONLY}, {name: TaintToleration}, {name: NodeAffinity}, {name: ImageLocality}]}, score: {enabled: [{name: ImageLocality}, {name: NodeAffinity}]}}`,
      ['TaintToleration', 'NodeAffinity'],
      ['ImageLocality:1', 'NodeAffinity:1', 'TaintToleration:1'],
    ],
    [
      'Reorder MultiPoint plugins (specified extension only takes precedence when it exists in MultiPoint)',
      `{multiPoint: ${ONLY}, {name: NodeAffinity}, {name: ImageLocality}]}, score: {enabled: [{name: TaintToleration}, {name: ImageLocality}, {name: NodeAffinity}]}}`,
      ['NodeAffinity'],
      ['ImageLocality:1', 'NodeAffinity:1', 'TaintToleration:1'],
    ],
    ['Override MultiPoint plugins weights', `{multiPoint: ${ONLY}, {name: NodeAffinity}, {name: ImageLocality}]}, score: {enabled: [{name: ImageLocality, weight: 5}, {name: NodeAffinity, weight: 3}]}}`, ['NodeAffinity'], ['ImageLocality:5', 'NodeAffinity:3']],
    // v1 merging drops the default ImageLocality that multiPoint disables and appends the one it enables
    ['disable and enable MultiPoint plugin by name', "{multiPoint: {enabled: [{name: DefaultBinder}, {name: PrioritySort}, {name: ImageLocality}], disabled: [{name: '*'}, {name: ImageLocality}]}}", [], ['ImageLocality:1']],
    [
      'Override MultiPoint plugins weights and avoid a plugin being loaded multiple times',
      `{multiPoint: ${ONLY}, {name: NodeAffinity}, {name: ImageLocality}]}, score: {enabled: [{name: ImageLocality, weight: 5}, {name: TaintToleration, weight: 5}, {name: NodeAffinity, weight: 3}]}}`,
      ['NodeAffinity'],
      ['ImageLocality:5', 'NodeAffinity:3', 'TaintToleration:5'],
    ],
  ])('TestNewFrameworkMultiPointExpansion %s', (_name, plugins, filters, scores) => {
    const [profile] = summary(`profiles: [{plugins: ${plugins}}]`);
    expect(profile?.filters).toEqual(filters);
    expect(profile?.scores).toEqual(scores);
  });

  it('a multiPoint plugin re-configured at a point it expands to is an override, not a double registration', () => {
    const [profile] = summary('profiles: [{plugins: {multiPoint: {enabled: [{name: ImageLocality, weight: 4}]}, score: {enabled: [{name: ImageLocality, weight: 7}]}}}]');
    expect(profile?.scores.filter((score) => score.startsWith('ImageLocality'))).toEqual(['ImageLocality:7']);
  });

  // validation.go invalidPluginsByVersion / validatePluginSetForInvalidPlugins / validatePluginConfig: the in-tree
  // volume limit plugins left the default profile and became invalid in v1 in 1.31 (kubernetes#124500).
  const INVALID_IN_V1 = 'was invalid in version "kubescheduler.config.k8s.io/v1" (KubeSchedulerConfiguration is version "kubescheduler.config.k8s.io/v1")';
  it.each([
    ['filter', 'plugins: {filter: {enabled: [{name: NodeName}, {name: EBSLimits}]}}', `plugins.filter.enabled[1]: Invalid value: "EBSLimits": ${INVALID_IN_V1}`],
    ['score', 'plugins: {score: {enabled: [{name: AzureDiskLimits}]}}', `plugins.score.enabled[0]: Invalid value: "AzureDiskLimits": ${INVALID_IN_V1}`],
    ['pluginConfig', 'pluginConfig: [{name: CinderLimits, args: {}}]', `pluginConfig[0]: Invalid value: "CinderLimits": ${INVALID_IN_V1}`],
  ])('from 1.31 the in-tree volume limit plugins are invalid in a plugin set or pluginConfig (%s)', (_name, profile, message) => {
    expect(errorOf(`profiles: [{${profile}}]`, 31)).toBe(`--scheduler-config sched.yaml: profiles[0].${message}`);
    expect(errorOf(`profiles: [{${profile.replace('{name: NodeName}, ', '')}}]`, 30)).not.toContain('was invalid');
  });

  it('the default profile lists EBSLimits, GCEPDLimits and AzureDiskLimits up to 1.30 only (getDefaultPlugins)', () => {
    const filters = (minor: number) => summary('profiles: [{plugins: {filter: {enabled: [{name: GCEPDLimits}]}}}]', minor)[0]?.filters;
    expect(errorOf('profiles: [{plugins: {filter: {enabled: [{name: GCEPDLimits}, {name: GCEPDLimits}]}}}]', 30)).toContain('already registered as "FilterPlugin"');
    expect(filters(30)).toEqual(summary('', 30)[0]?.filters);
  });

  it('a profile without exactly one queue sort plugin or without a bind plugin is refused, as NewFramework does', () => {
    expect(errorOf("profiles: [{schedulerName: nothing, plugins: {multiPoint: {disabled: [{name: '*'}]}}}]")).toBe(
      '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name nothing: only one queue sort plugin required for profile with scheduler name "nothing", but got 0',
    );
    expect(errorOf('profiles: [{plugins: {bind: {disabled: [{name: DefaultBinder}]}}}]')).toBe(
      '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name default-scheduler: at least one bind plugin is needed for profile with scheduler name "default-scheduler"',
    );
  });

  // framework.go updatePluginList: an error of NewFramework, so only once the configuration validates, after the
  // plugins' factories (NodeResourcesFit's args) and before the queue-sort and bind counts.
  it('a plugin enabled at a point it does not extend is an error, as at framework start-up', () => {
    expect(errorOf('profiles: [{plugins: {score: {enabled: [{name: NodePorts}]}}}]')).toBe(`${REFUSED}plugin "NodePorts" does not extend ScorePlugin plugin`);
    expect(errorOf('profiles: [{plugins: {filter: {enabled: [{name: ImageLocality}]}, score: {enabled: [{name: NodePorts}]}}}]')).toBe(`${REFUSED}plugin "ImageLocality" does not extend FilterPlugin plugin`);
    expect(errorOf('profiles: [{plugins: {score: {enabled: [{name: NodePorts}]}}, pluginConfig: [{name: InterPodAffinity, args: {hardPodAffinityWeight: 101}}]}]')).toBe(
      '--scheduler-config sched.yaml: profiles[0].pluginConfig[0].args.hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]',
    );
    expect(errorOf('profiles: [{plugins: {score: {enabled: [{name: NodePorts}]}}, pluginConfig: [{name: NodeResourcesFit, args: {scoringStrategy: {type: Spread}}}]}]')).toMatch(/creating profile for scheduler name default-scheduler: initializing plugin "NodeResourcesFit": /);
    expect(errorOf('profiles: [{plugins: {score: {enabled: [{name: NodePorts}]}, bind: {disabled: [{name: DefaultBinder}]}}}]')).toBe(`${REFUSED}plugin "NodePorts" does not extend ScorePlugin plugin`);
  });
});

// Validation messages: upstream apis/config/validation/validation_pluginargs.go (the paths its tests assert, e.g.
// TestMostAllocatedScoringStrategy's "scoringStrategy.resources[0].weight"), under profiles[i].pluginConfig[j].args;
// NodeResourcesFit's are NewFit's, relative to the args, when the framework is built (validatePluginConfig's map
// names it "NodeResourcesFitArgs").
describe('readSchedulerConfiguration: plugin args validation', () => {
  const args = (name: string, value: string) => `profiles: [{pluginConfig: [{name: ${name}, args: ${value}}]}]`;
  const prefix = (body: string) =>
    body.includes('name: NodeResourcesFit,')
      ? '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name default-scheduler: initializing plugin "NodeResourcesFit": '
      : '--scheduler-config sched.yaml: profiles[0].pluginConfig[0].args.';
  it.each([
    [
      'resource with negative weight (TestMostAllocatedScoringStrategy)',
      args('NodeResourcesFit', '{scoringStrategy: {type: MostAllocated, resources: [{name: memory, weight: -1}, {name: cpu, weight: 1}]}}'),
      'scoringStrategy.resources[0].weight: Invalid value: -1: resource weight of memory not in valid range (0, 100]',
    ],
    [
      'resource weight larger than MaxNodeScore (TestMostAllocatedScoringStrategy)',
      args('NodeResourcesFit', '{scoringStrategy: {type: MostAllocated, resources: [{name: memory, weight: 101}]}}'),
      'scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of memory not in valid range (0, 100]',
    ],
    [
      'shape points out of order',
      args('NodeResourcesFit', '{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [{utilization: 50, score: 1}, {utilization: 10, score: 2}]}}}'),
      'scoringStrategy.shape[1].utilization: Invalid value: 10: values must be sorted in increasing order',
    ],
    ['hardPodAffinityWeight above 100', args('InterPodAffinity', '{hardPodAffinityWeight: 101}'), 'hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]'],
    [
      'System defaulting with constraints',
      args('PodTopologySpread', '{defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}'),
      'defaultingType: Invalid value: "System": when .defaultConstraints are not empty',
    ],
    [
      'a default constraint with a selector',
      args('PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}]}'),
      'defaultConstraints[0].labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod',
    ],
    ['an ignored resource group with a slash', args('NodeResourcesFit', '{ignoredResourceGroups: [example.com/foo]}'), `ignoredResourceGroups[0]: Invalid value: "example.com/foo": resource group name can't contain '/'`],
    ['a balanced resource weight other than 1', args('NodeResourcesBalancedAllocation', '{resources: [{name: cpu, weight: 2}]}'), 'resources[0].weight: Invalid value: 2: must be 1'],
    // validateDefaultingType passes ["System", "List"] unsorted; SetDefaults_NodeResourcesFitArgs leaves a missing type "".
    ['an unknown defaultingType', args('PodTopologySpread', '{defaultingType: Foo}'), 'defaultingType: Unsupported value: "Foo": supported values: "System", "List"'],
    [
      'a scoring strategy without a type',
      args('NodeResourcesFit', '{scoringStrategy: {resources: [{name: cpu, weight: 1}]}}'),
      'scoringStrategy.type: Unsupported value: "": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"',
    ],
  ])('%s', (_name, body, message) => {
    expect(errorOf(body)).toBe(`${prefix(body)}${message}`);
  });

  // TestValidateNodeAffinityArgs "valid added affinity" plus the weights ValidateNodeAffinityArgs leaves alone:
  // NewPreferredSchedulingTerms has no weight range and skips weight-0 terms.
  it('addedAffinity preferred terms: any weight is valid, and a weight-0 term is skipped', () => {
    const value = {
      addedAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'label-1', operator: 'In', values: ['label-1-val'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] } },
          { weight: 0, preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['general'] }] } },
          { weight: 101, preference: { matchExpressions: [{ key: 'pool', operator: 'Exists' }] } },
        ],
      },
    };
    const errors = new FieldErrors();
    const read = readPluginArgs('NodeAffinity', value, { path: 'args', errors, minor: 36 }, DEFAULT_ARGS);
    expect(errors.list).toEqual([]);
    expect(read.nodeAffinity.preferred.map((term) => term.weight)).toEqual([1, 101]);
    expect(errorOf(args('NodeAffinity', '{addedAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {matchExpressions: [{key: pool, operator: In, values: [general]}]}}]}}'))).toBe('no error');
  });

  it('reads DefaultPreemption args into the profile', () => {
    const profile = profiles(args('DefaultPreemption', '{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 5}')).get('default-scheduler');
    expect(profile?.preemption).toEqual({ minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 5 });
  });
});

describe('readSchedulerConfiguration: strict decoding (scheme_test.go TestCodecsDecodePluginConfig)', () => {
  it('v1 NodResourcesFitArgs shape encoding is strict', () => {
    const body = 'profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        requestedToCapacityRatio:\n          shape:\n          - Score: 2\n            Utilization: 1\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: strict decoding error: decoding .profiles[0].pluginConfig[0]: strict decoding error: decoding args for plugin NodeResourcesFit: strict decoding error: unknown field "scoringStrategy.requestedToCapacityRatio.shape[0].Score", unknown field "scoringStrategy.requestedToCapacityRatio.shape[0].Utilization"',
    );
  });

  it('v1 NodeResourcesFitArgs resources encoding is strict', () => {
    const body = 'profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        resources:\n        - Name: cpu\n          Weight: 1\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: strict decoding error: decoding .profiles[0].pluginConfig[0]: strict decoding error: decoding args for plugin NodeResourcesFit: strict decoding error: unknown field "scoringStrategy.resources[0].Name", unknown field "scoringStrategy.resources[0].Weight"',
    );
  });

  it('plugin group and kind should match the type', () => {
    const body = 'profiles:\n- pluginConfig:\n  - name: DefaultPreemption\n    args:\n      apiVersion: kubescheduler.config.k8s.io/v1\n      kind: InterPodAffinityArgs\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: decoding .profiles[0].pluginConfig[0]: args for plugin DefaultPreemption were not of type DefaultPreemptionArgs.kubescheduler.config.k8s.io, got InterPodAffinityArgs.kubescheduler.config.k8s.io',
    );
  });

  it('out-of-tree plugin args and in-tree plugins without an args kind are not decoded', () => {
    expect(errorOf('profiles:\n- pluginConfig:\n  - name: OutOfTreePlugin\n    args:\n      foo: bar\n')).toBe('no error');
    expect(errorOf('profiles:\n- pluginConfig:\n  - name: TaintToleration\n    args:\n      foo: bar\n')).toBe('no error');
  });

  it('an unknown field of the configuration itself (sorted, nested paths) comes before those of plugin args', () => {
    const body = 'zeta: 1\nprofiles:\n- pluginz: {}\n  plugins: {score: {enabled: [{name: ImageLocality, wieght: 2}]}}\n  pluginConfig:\n  - name: InterPodAffinity\n    args: {hardPodAffinityWeight: 2, extra: {a: 1}}\nleaderElection: {leaderElect: false, lease: 1s}\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: strict decoding error: unknown field "leaderElection.lease", unknown field "profiles[0].plugins.score.enabled[0].wieght", unknown field "profiles[0].pluginz", unknown field "zeta", decoding .profiles[0].pluginConfig[0]: strict decoding error: decoding args for plugin InterPodAffinity: strict decoding error: unknown field "extra"',
    );
  });

  // the yaml package throws on aliases expanding past its limit (kubefit crashed); a !!timestamp stays the text
  // go-yaml hands sigs.k8s.io/yaml, not a Date printed in ISO form
  it('an alias bomb is refused as a usage error, and a tagged timestamp is its text', () => {
    const bomb = `a: &a [x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`).join('\n')}\n`;
    expect(errorOf(bomb)).toBe('--scheduler-config sched.yaml: document contains excessive aliasing');
    expect(errorOf('parallelism: !!timestamp 2001-01-01\n')).toBe('--scheduler-config sched.yaml: parallelism: Invalid value: "2001-01-01": must be an integer');
  });

  it('every field of the v1 types is known; DynamicResourcesArgs only from 1.34', () => {
    const body = `parallelism: 8
leaderElection: {leaderElect: true, leaseDuration: 15s, renewDeadline: 10s, retryPeriod: 2s, resourceLock: leases, resourceName: s, resourceNamespace: kube-system}
clientConnection: {kubeconfig: /k, acceptContentTypes: "", contentType: application/json, qps: 50, burst: 100}
enableProfiling: true
enableContentionProfiling: false
percentageOfNodesToScore: 0
podInitialBackoffSeconds: 1
podMaxBackoffSeconds: 10
delayCacheUntilActive: false
extenders: [{urlPrefix: http://e, filterVerb: f, preemptVerb: p, prioritizeVerb: r, weight: 1, bindVerb: b, enableHTTPS: false, tlsConfig: {insecure: true, serverName: s, certFile: c, keyFile: k, caFile: a}, httpTimeout: 30s, nodeCacheCapable: false, managedResources: [{name: example.com/foo, ignoredByScheduler: true}], ignorable: true}]
profiles:
- schedulerName: default-scheduler
  percentageOfNodesToScore: 0
  plugins: {multiPoint: {enabled: [{name: ImageLocality, weight: 1}], disabled: [{name: ImageLocality}]}}
  pluginConfig:
  - name: PodTopologySpread
    args: {defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, nodeTaintsPolicy: Honor}]}
  - name: DynamicResources
    args: {filterTimeout: 5s}
`;
    expect(errorOf(body, 34)).not.toMatch(/strict decoding/);
    expect(errorOf(body, 33)).not.toMatch(/strict decoding/);
    expect(errorOf(body.replace('filterTimeout', 'filterTimeot'), 34)).toMatch(/decoding args for plugin DynamicResources: strict decoding error: unknown field "filterTimeot"$/);
  });
});

describe('readSchedulerConfiguration: label names in plugin args (validation_pluginargs.go ValidateLabelName)', () => {
  const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  it('NodeResourcesFit ignoredResources and ignoredResourceGroups are label names (checked by NewFit)', () => {
    const body = 'profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args: {ignoredResources: [example.com/foo, "-bad"], ignoredResourceGroups: [example.com, "a/b/"]}\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name default-scheduler: initializing plugin "NodeResourcesFit": [' +
        `ignoredResources[1]: Invalid value: "-bad": ${NAME_PART}, ` +
        `ignoredResourceGroups[1]: Invalid value: "a/b/": resource group name can't contain '/', ` +
        "ignoredResourceGroups[1]: Invalid value: \"a/b/\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')]",
    );
  });

  it('PodTopologySpread default constraints: a topologyKey is a label name; a repeat is reported after its own field errors', () => {
    const body =
      'profiles:\n- pluginConfig:\n  - name: PodTopologySpread\n    args:\n      defaultingType: List\n      defaultConstraints:\n' +
      '      - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n' +
      '      - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n' +
      '      - {maxSkew: 1, topologyKey: "Zone!", whenUnsatisfiable: DoNotSchedule}\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: [' +
        'profiles[0].pluginConfig[0].args.defaultConstraints[1].maxSkew: Invalid value: 0: not in valid range (0, inf), ' +
        'profiles[0].pluginConfig[0].args.defaultConstraints[1]: Duplicate value: "{zone, ScheduleAnyway}", ' +
        `profiles[0].pluginConfig[0].args.defaultConstraints[2].topologyKey: Invalid value: "Zone!": ${NAME_PART}]`,
    );
  });
});

describe('readSchedulerConfiguration: addedAffinity parse errors (TestValidateNodeAffinityArgs, nodeaffinity.NewNodeSelector)', () => {
  const KEY_ERROR = "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  const AT = 'profiles[0].pluginConfig[0].args.addedAffinity';

  it('invalid added affinity: the key of a required term, and a preferred matchFields with two values', () => {
    const body =
      'profiles:\n- pluginConfig:\n  - name: NodeAffinity\n    args:\n      addedAffinity:\n' +
      '        requiredDuringSchedulingIgnoredDuringExecution:\n          nodeSelectorTerms: [{matchExpressions: [{key: invalid/label/key, operator: In, values: [label-1-val]}]}]\n' +
      '        preferredDuringSchedulingIgnoredDuringExecution:\n          - {weight: 1, preference: {matchFields: [{key: metadata.name, operator: In, values: [node-1, node-2]}]}}\n';
    expect(errorOf(body)).toBe(
      `--scheduler-config sched.yaml: [${AT}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "invalid/label/key": ${KEY_ERROR}, ` +
        `${AT}.preferredDuringSchedulingIgnoredDuringExecution[0].matchFields[0].values: Invalid value: []string{"node-1", "node-2"}: must have one element]`,
    );
  });

  it.each([
    ['{key: size, operator: Gt, values: [big]}', `matchExpressions[0].values[0]: Invalid value: "big": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['{key: size, operator: Lt, values: ["1", "2"]}', `matchExpressions[0].values: Invalid value: []string{"1", "2"}: for 'Gt', 'Lt' operators, exactly one value is required`],
    ['{key: pool, operator: In}', `matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty`],
    ['{key: pool, operator: NotIn, values: []}', `matchExpressions[0].values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`],
    ['{key: pool, operator: Exists, values: [a]}', `matchExpressions[0].values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist`],
    ['{key: pool, operator: Equals, values: [a]}', `matchExpressions[0].operator: Unsupported value: "Equals": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"`],
    ['{key: pool, operator: In, values: ["bad value"]}', `matchExpressions[0].values[0][pool]: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`],
  ])('a required term with %s', (requirement, error) => {
    const body = `profiles:\n- pluginConfig:\n  - name: NodeAffinity\n    args: {addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [${requirement}]}]}}}\n`;
    expect(errorOf(body)).toBe(`--scheduler-config sched.yaml: ${AT}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].${error}`);
  });

  it('matchFields: only In and NotIn, with one value; preferred terms of weight 0 are not parsed', () => {
    const body =
      'profiles:\n- pluginConfig:\n  - name: NodeAffinity\n    args:\n      addedAffinity:\n' +
      '        requiredDuringSchedulingIgnoredDuringExecution:\n          nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: Exists}]}, {}]\n' +
      '        preferredDuringSchedulingIgnoredDuringExecution:\n          - {weight: 0, preference: {matchFields: [{key: metadata.name, operator: Gt, values: [a, b]}]}}\n';
    expect(errorOf(body)).toBe(`--scheduler-config sched.yaml: ${AT}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"`);
  });

  it('a term is rejected exactly when model/labels cannot parse it (the pod-side reading of the same term)', () => {
    const requirements = ['{key: a, operator: In, values: [x]}', '{key: a, operator: Gt, values: ["7"]}', '{key: a, operator: Gt, values: ["9223372036854775808"]}', '{key: "-a", operator: Exists}', '{key: a, operator: DoesNotExist, values: []}', '{key: a, operator: Lt, values: []}'];
    for (const requirement of requirements) {
      const term = parseYaml(`{matchExpressions: [${requirement}]}`);
      const body = `profiles:\n- pluginConfig:\n  - name: NodeAffinity\n    args: {addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [${requirement}]}]}}}\n`;
      expect(errorOf(body) === 'no error', requirement).toBe(toNodeSelector({ nodeSelectorTerms: [term] }).terms[0]?.parsed);
    }
  });
});

// upstream: validation_pluginargs_test.go's tables, case by case, as a v1 configuration reaches them (after v1
// defaulting: a resource weight of 0 becomes 1, so "weight less than min" cases pass; a missing scoringStrategy is
// defaulted, so "ScoringStrategy: field is required" cannot occur). Like upstream (ignoreBadValueDetail,
// strings.Contains), each row names the fields and error types, in order, not the whole message.
describe('readSchedulerConfiguration: validation_pluginargs_test.go tables', () => {
  const body = (plugin: string, args: string) => `profiles: [{pluginConfig: [{name: ${plugin}, args: ${args}}]}]`;
  const shape = (points: string) => `{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {shape: [${points}]}}}`;
  it.each([
    ['TestValidateDefaultPreemptionArgs valid args (default)', 'DefaultPreemption', '{minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100}', []],
    ['TestValidateDefaultPreemptionArgs negative minCandidateNodesPercentage', 'DefaultPreemption', '{minCandidateNodesPercentage: -1, minCandidateNodesAbsolute: 100}', ['minCandidateNodesPercentage: Invalid value']],
    ['TestValidateDefaultPreemptionArgs minCandidateNodesPercentage over 100', 'DefaultPreemption', '{minCandidateNodesPercentage: 900, minCandidateNodesAbsolute: 100}', ['minCandidateNodesPercentage: Invalid value']],
    ['TestValidateDefaultPreemptionArgs negative minCandidateNodesAbsolute', 'DefaultPreemption', '{minCandidateNodesPercentage: 20, minCandidateNodesAbsolute: -1}', ['minCandidateNodesAbsolute: Invalid value']],
    ['TestValidateDefaultPreemptionArgs all zero', 'DefaultPreemption', '{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 0}', ['minCandidateNodesPercentage: Invalid value', 'minCandidateNodesAbsolute: Invalid value']],
    ['TestValidateDefaultPreemptionArgs both negative', 'DefaultPreemption', '{minCandidateNodesPercentage: -1, minCandidateNodesAbsolute: -1}', ['minCandidateNodesPercentage: Invalid value', 'minCandidateNodesAbsolute: Invalid value']],
    ['TestValidateInterPodAffinityArgs valid args', 'InterPodAffinity', '{hardPodAffinityWeight: 10}', []],
    ['TestValidateInterPodAffinityArgs hardPodAffinityWeight less than min', 'InterPodAffinity', '{hardPodAffinityWeight: -1}', ['hardPodAffinityWeight: Invalid value']],
    ['TestValidatePodTopologySpreadArgs valid config', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: node, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]}', []],
    ['TestValidatePodTopologySpreadArgs maxSkew less than zero', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: -1, topologyKey: node, whenUnsatisfiable: DoNotSchedule}]}', ['defaultConstraints[0].maxSkew: Invalid value']],
    ['TestValidatePodTopologySpreadArgs empty topology key', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: "", whenUnsatisfiable: DoNotSchedule}]}', ['defaultConstraints[0].topologyKey: Required value']],
    ['TestValidatePodTopologySpreadArgs whenUnsatisfiable is empty', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: node, whenUnsatisfiable: ""}]}', ['defaultConstraints[0].whenUnsatisfiable: Required value']],
    ['TestValidatePodTopologySpreadArgs whenUnsatisfiable contains unsupported action', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: node, whenUnsatisfiable: "unknown action"}]}', ['defaultConstraints[0].whenUnsatisfiable: Unsupported value']],
    ['TestValidatePodTopologySpreadArgs duplicated constraints', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: node, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 2, topologyKey: node, whenUnsatisfiable: DoNotSchedule}]}', ['defaultConstraints[1]: Duplicate value']],
    ['TestValidatePodTopologySpreadArgs label selector present', 'PodTopologySpread', '{defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: key, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {a: b}}}]}', ['defaultConstraints[0].labelSelector: Forbidden']],
    ['TestValidatePodTopologySpreadArgs list default constraints, no constraints', 'PodTopologySpread', '{defaultingType: List}', []],
    ['TestValidatePodTopologySpreadArgs system default constraints', 'PodTopologySpread', '{defaultingType: System}', []],
    ['TestValidatePodTopologySpreadArgs wrong constraints', 'PodTopologySpread', '{defaultingType: unknown}', ['defaultingType: Unsupported value']],
    ['TestValidatePodTopologySpreadArgs system default constraints, but has constraints', 'PodTopologySpread', '{defaultingType: System, defaultConstraints: [{maxSkew: 1, topologyKey: key, whenUnsatisfiable: DoNotSchedule}]}', ['defaultingType: Invalid value']],
    // defaults_test.go TestPluginArgsDefaults "PodTopologySpreadArgs resources with value": the type defaults to System
    ['TestPluginArgsDefaults PodTopologySpreadArgs resources with value', 'PodTopologySpread', '{defaultConstraints: [{topologyKey: planet, whenUnsatisfiable: DoNotSchedule, maxSkew: 2}]}', ['defaultingType: Invalid value']],
    ['TestValidateNodeResourcesBalancedAllocationArgs valid config', 'NodeResourcesBalancedAllocation', '{resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}]}', []],
    ['TestValidateNodeResourcesBalancedAllocationArgs invalid config', 'NodeResourcesBalancedAllocation', '{resources: [{name: cpu, weight: 2}, {name: memory, weight: 1}]}', ['resources[0].weight: Invalid value']],
    ['TestValidateNodeResourcesBalancedAllocationArgs repeated resources', 'NodeResourcesBalancedAllocation', '{resources: [{name: cpu, weight: 1}, {name: cpu, weight: 1}]}', ['resources[1].name: Duplicate value']],
    ['TestPluginArgsDefaults NodeResourcesBalancedAllocationArgs have resource no weight', 'NodeResourcesBalancedAllocation', '{resources: [{name: cpu}, {name: scalar.io/scalar0}, {name: scalar.io/scalar1, weight: 1}]}', []],
    ['TestValidateNodeAffinityArgs empty', 'NodeAffinity', '{}', []],
    ['TestValidateFitArgs IgnoredResources: too long value', 'NodeResourcesFit', `{ignoredResources: [longvalue${'a'.repeat(64)}]}`, ['ignoredResources[0]: Invalid value', 'name part must be no more than 63']],
    ['TestValidateFitArgs IgnoredResources: name is empty', 'NodeResourcesFit', '{ignoredResources: [example.com/]}', ['ignoredResources[0]: Invalid value', 'name part must be non-empty']],
    ['TestValidateFitArgs IgnoredResources: name has too many slash', 'NodeResourcesFit', '{ignoredResources: [example.com/aaa/bbb]}', ['ignoredResources[0]: Invalid value']],
    ['TestValidateFitArgs IgnoredResources: valid args', 'NodeResourcesFit', '{ignoredResources: [example.com]}', []],
    ['TestValidateFitArgs IgnoredResourceGroups: valid args', 'NodeResourcesFit', '{ignoredResourceGroups: [example.com]}', []],
    ['TestValidateFitArgs IgnoredResourceGroups: illegal args', 'NodeResourcesFit', '{ignoredResourceGroups: [example.com/]}', ['ignoredResourceGroups[0]: Invalid value', 'name part must be non-empty']],
    ['TestValidateFitArgs IgnoredResourceGroups: name is too long', 'NodeResourcesFit', `{ignoredResourceGroups: [${'a'.repeat(64)}]}`, ['ignoredResourceGroups[0]: Invalid value', 'name part must be no more than 63']],
    ['TestValidateFitArgs IgnoredResourceGroups: name cannot be contain slash', 'NodeResourcesFit', '{ignoredResourceGroups: [example.com/aa]}', ["resource group name can't contain '/'"]],
    ['TestValidateLeastAllocatedScoringStrategy default config', 'NodeResourcesFit', '{scoringStrategy: {type: LeastAllocated}}', []],
    ['TestValidateLeastAllocatedScoringStrategy multi valid resources', 'NodeResourcesFit', '{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 1}, {name: memory, weight: 10}]}}', []],
    ['TestValidateLeastAllocatedScoringStrategy weight less than min (v1 defaults 0 to 1)', 'NodeResourcesFit', '{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 0}]}}', []],
    ['TestValidateLeastAllocatedScoringStrategy weight greater than max', 'NodeResourcesFit', '{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 101}]}}', ['scoringStrategy.resources[0].weight: Invalid value']],
    ['TestValidateLeastAllocatedScoringStrategy multi invalid resources (v1 defaults the 0)', 'NodeResourcesFit', '{scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 0}, {name: memory, weight: 101}]}}', ['scoringStrategy.resources[1].weight: Invalid value']],
    ['TestValidateMostAllocatedScoringStrategy default config', 'NodeResourcesFit', '{scoringStrategy: {type: MostAllocated}}', []],
    ['TestValidateMostAllocatedScoringStrategy weight greater than max', 'NodeResourcesFit', '{scoringStrategy: {type: MostAllocated, resources: [{name: cpu, weight: 101}]}}', ['scoringStrategy.resources[0].weight: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy no shapes', 'NodeResourcesFit', '{scoringStrategy: {type: RequestedToCapacityRatio, requestedToCapacityRatio: {}}}', ['scoringStrategy.shape: Required value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy weight greater than max', 'NodeResourcesFit', '{scoringStrategy: {type: RequestedToCapacityRatio, resources: [{name: cpu, weight: 101}], requestedToCapacityRatio: {shape: [{utilization: 30, score: 3}]}}}', ['scoringStrategy.resources[0].weight: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy valid shapes', 'NodeResourcesFit', shape('{utilization: 30, score: 3}'), []],
    ['TestValidateRequestedToCapacityRatioScoringStrategy utilization less than min', 'NodeResourcesFit', shape('{utilization: -1, score: 3}'), ['scoringStrategy.shape[0].utilization: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy utilization greater than max', 'NodeResourcesFit', shape('{utilization: 101, score: 3}'), ['scoringStrategy.shape[0].utilization: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy duplicated utilization values', 'NodeResourcesFit', shape('{utilization: 10, score: 3}, {utilization: 10, score: 3}'), ['scoringStrategy.shape[1].utilization: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy increasing utilization values', 'NodeResourcesFit', shape('{utilization: 10, score: 3}, {utilization: 20, score: 3}, {utilization: 30, score: 3}'), []],
    ['TestValidateRequestedToCapacityRatioScoringStrategy non-increasing utilization values', 'NodeResourcesFit', shape('{utilization: 10, score: 3}, {utilization: 20, score: 3}, {utilization: 15, score: 3}'), ['scoringStrategy.shape[2].utilization: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy score less than min', 'NodeResourcesFit', shape('{utilization: 10, score: -1}'), ['scoringStrategy.shape[0].score: Invalid value']],
    ['TestValidateRequestedToCapacityRatioScoringStrategy score greater than max', 'NodeResourcesFit', shape('{utilization: 10, score: 11}'), ['scoringStrategy.shape[0].score: Invalid value']],
  ])('%s', (_name, plugin, args, fragments) => {
    const message = errorOf(body(plugin, args));
    if (fragments.length === 0) {
      expect(message).toBe('no error');
      return;
    }
    const at = fragments.map((fragment) => message.indexOf(fragment));
    expect(at.every((index) => index >= 0), message).toBe(true);
    expect(at, message).toEqual([...at].sort((a, b) => a - b));
  });
});

describe('readSchedulerConfiguration: NodeResourcesFit args are the plugin\'s to reject (validatePluginConfig maps "NodeResourcesFitArgs")', () => {
  const FIT = "pluginConfig: [{name: NodeResourcesFit, args: {scoringStrategy: {type: Spread}}}]";

  it('only when the configuration validates, and after the profiles before it built', () => {
    expect(errorOf(`profiles: [{schedulerName: a, ${FIT}}, {schedulerName: ''}]`)).toBe('--scheduler-config sched.yaml: profiles[1].schedulerName: Required value');
    expect(errorOf(`profiles: [{schedulerName: a, plugins: {bind: {disabled: [{name: DefaultBinder}]}}}, {schedulerName: b, ${FIT}}]`)).toMatch(/^--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name a: at least one bind plugin/);
  });

  it('before the queue-sort and bind checks of the same profile, and not at all when the profile does not enable it', () => {
    expect(errorOf(`profiles: [{schedulerName: a, plugins: {bind: {disabled: [{name: DefaultBinder}]}}, ${FIT}}]`)).toBe(
      '--scheduler-config sched.yaml: initializing profiles: creating profile for scheduler name a: initializing plugin "NodeResourcesFit": scoringStrategy.type: Unsupported value: "Spread": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"',
    );
    expect(errorOf(`profiles: [{schedulerName: a, plugins: {multiPoint: {disabled: [{name: NodeResourcesFit}]}}, ${FIT}}]`)).toBe('no error');
  });
});

describe('readSchedulerConfiguration: the rest of ValidateKubeSchedulerConfiguration (TestValidateKubeSchedulerConfiguration)', () => {
  it.each([
    ['bad-parallelism-invalid-value', 'parallelism: 0', 'parallelism: Invalid value: 0: should be an integer value greater than zero'],
    ['a lock other than leases while electing a leader', 'leaderElection: {resourceLock: endpoints}', 'leaderElection.resourceLock: Invalid value: "endpoints": resourceLock value must be "leases"'],
    // component-base ValidateClientConnectionConfiguration and ValidateLeaderElectionConfiguration, after defaulting
    ['a negative client burst', 'clientConnection: {burst: -1}', 'clientConnection.burst: Invalid value: -1: must be non-negative'],
    [
      'non-positive leader election durations',
      'leaderElection: {leaseDuration: -1m30s, renewDeadline: -0.5s, retryPeriod: -1ns}',
      '[leaderElection.leaseDuration: Invalid value: -1m30s: must be greater than zero, leaderElection.renewDeadline: Invalid value: -500ms: must be greater than zero, ' +
        'leaderElection.retryPeriod: Invalid value: -1ns: must be greater than zero, leaderElection.leaseDuration: Invalid value: -500ms: must be greater than `RenewDeadline`]',
    ],
    ['a lease no longer than the renew deadline (10s by default)', 'leaderElection: {leaseDuration: 10s}', 'leaderElection.leaseDuration: Invalid value: 10s: must be greater than `RenewDeadline`'],
    ['a duration Go cannot parse', 'leaderElection: {retryPeriod: 2d}', 'leaderElection.retryPeriod: Invalid value: "2d": time: unknown unit "d" in duration "2d"'],
    ['bad-percentage-of-nodes-to-score', 'percentageOfNodesToScore: 101', 'percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]'],
    ['negative-percentage-of-nodes-to-score', 'percentageOfNodesToScore: -1', 'percentageOfNodesToScore: Invalid value: -1: not in valid range [0-100]'],
    ['greater-than-100-profile-percentage-of-nodes-to-score', 'profiles: [{schedulerName: me}, {schedulerName: other, percentageOfNodesToScore: 101}]', 'profiles[1].percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]'],
    ['negative-profile-percentage-of-nodes-to-score', 'profiles: [{schedulerName: me}, {schedulerName: other, percentageOfNodesToScore: -1}]', 'profiles[1].percentageOfNodesToScore: Invalid value: -1: not in valid range [0-100]'],
    ['duplicated-plugin-config', 'profiles: [{pluginConfig: [{name: config}, {name: config}]}]', 'profiles[0].pluginConfig[1]: Duplicate value: "config"'],
    ['a non-positive initial back-off', 'podInitialBackoffSeconds: 0', 'podInitialBackoffSeconds: Invalid value: 0: must be greater than 0'],
    ['a max back-off below the initial one', 'podInitialBackoffSeconds: 5\npodMaxBackoffSeconds: 4', 'podMaxBackoffSeconds: Invalid value: 4: must be greater than or equal to PodInitialBackoffSeconds'],
    ['extender-negative-weight', 'extenders: [{urlPrefix: http://e, prioritizeVerb: prioritize, weight: -1}]', 'extenders[0].weight: Invalid value: -1: must have a positive weight applied to it'],
    [
      'extender-duplicate-managed-resources',
      'extenders: [{urlPrefix: http://e, managedResources: [{name: foo.com/bar}]}, {urlPrefix: http://f, managedResources: [{name: foo.com/bar}]}]',
      'extenders[1].managedResources[0].name: Invalid value: "foo.com/bar": duplicate extender managed resource name',
    ],
    ['invalid extended resource name', 'extenders: [{urlPrefix: http://e, managedResources: [{name: kubernetes.io/foo}]}]', 'extenders[0].managedResources[0].name: Invalid value: "kubernetes.io/foo": is an invalid extended resource name'],
    ['extender-duplicate-bind', 'extenders: [{urlPrefix: http://e, bindVerb: foo}, {urlPrefix: http://f, bindVerb: bar}]', 'extenders: Invalid value: "found 2 extenders implementing bind": only one extender can implement bind'],
  ])('%s', (_name, body, message) => {
    expect(errorOf(body)).toBe(`--scheduler-config sched.yaml: ${message}`);
  });

  it('a lock other than leases is fine without leader election, and so are its durations; zero durations are defaulted; an extender is a warning', () => {
    expect(errorOf('leaderElection: {leaderElect: false, resourceLock: endpoints}')).toBe('no error');
    expect(errorOf('leaderElection: {leaderElect: false, leaseDuration: -1s}')).toBe('no error');
    expect(errorOf('leaderElection: {leaseDuration: 0s, renewDeadline: "0", retryPeriod: 0ms, resourceName: "", resourceNamespace: ""}\nclientConnection: {burst: 0}')).toBe('no error');
    const { warnings } = readSchedulerConfiguration(`${HEAD}extenders: [{urlPrefix: http://e, filterVerb: filter}]`, 'sched.yaml', 36);
    expect(warnings).toEqual(['--scheduler-config sched.yaml: extenders: kubefit does not call scheduler extenders, so what the extender filters and scores is not modelled']);
  });

  it('reports in upstream order: client connection, leader election, parallelism, each profile (its name first), sampling, back-offs, extenders', () => {
    const body =
      'parallelism: -1\npercentageOfNodesToScore: 200\npodInitialBackoffSeconds: -1\nleaderElection: {resourceLock: configmaps, retryPeriod: -2s}\n' +
      'clientConnection: {burst: -5}\n' +
      'extenders: [{urlPrefix: http://e, prioritizeVerb: p}]\n' +
      'profiles:\n- schedulerName: a\n- pluginConfig: [{name: InterPodAffinity, args: {hardPodAffinityWeight: -1}}]\n';
    expect(errorOf(body)).toBe(
      '--scheduler-config sched.yaml: [clientConnection.burst: Invalid value: -5: must be non-negative, ' +
        'leaderElection.retryPeriod: Invalid value: -2s: must be greater than zero, ' +
        'leaderElection.resourceLock: Invalid value: "configmaps": resourceLock value must be "leases", ' +
        'parallelism: Invalid value: -1: should be an integer value greater than zero, ' +
        'profiles[1].schedulerName: Required value, ' +
        'profiles[1].pluginConfig[0].args.hardPodAffinityWeight: Invalid value: -1: not in valid range [0, 100], ' +
        'percentageOfNodesToScore: Invalid value: 200: not in valid range [0-100], ' +
        'podInitialBackoffSeconds: Invalid value: -1: must be greater than 0, ' +
        'extenders[0].weight: Invalid value: 0: must have a positive weight applied to it]',
    );
  });
});

describe('readSchedulerConfiguration: VolumeBinding args (TestValidateVolumeBindingArgs, StorageCapacityScoring off through 1.36)', () => {
  const args = (value: string) => `profiles: [{pluginConfig: [{name: VolumeBinding, args: ${value}}]}]`;
  it.each([
    ['zero is a valid config', '{bindTimeoutSeconds: 0}', 'no error'],
    ['positive value is valid config', '{bindTimeoutSeconds: 10}', 'no error'],
    ['negative value is invalid config', '{bindTimeoutSeconds: -10}', '--scheduler-config sched.yaml: profiles[0].pluginConfig[0].args.bindTimeoutSeconds: Invalid value: -10: invalid BindTimeoutSeconds, should not be a negative value'],
    [
      'error if the shape is not nil when the feature is off',
      '{bindTimeoutSeconds: 10, shape: [{utilization: 1, score: 1}, {utilization: 3, score: 3}]}',
      '--scheduler-config sched.yaml: profiles[0].pluginConfig[0].args.shape: Invalid value: []config.UtilizationShapePoint{config.UtilizationShapePoint{Utilization:1, Score:1}, config.UtilizationShapePoint{Utilization:3, Score:3}}: unexpected field `shape`, remove it or turn on the feature gate StorageCapacityScoring',
    ],
  ])('%s', (_name, value, expected) => {
    expect(errorOf(args(value))).toBe(expected);
  });
});

describe('readSchedulerConfiguration: DynamicResources args (ValidateDynamicResourcesArgs under each release\'s default gates)', () => {
  const args = (value: string) => `profiles: [{pluginConfig: [{name: DynamicResources, args: ${value}}]}]`;
  const at = '--scheduler-config sched.yaml: profiles[0].pluginConfig[0].args.';
  it.each([
    ['a zero filter timeout', '{filterTimeout: 0s}', 36, 'no error'],
    ['a negative filter timeout', '{filterTimeout: -1m30s}', 34, `${at}filterTimeout: Invalid value: -1m30s: must be zero or positive`],
    ['a filter timeout Go cannot parse', '{filterTimeout: "10"}', 36, `${at}filterTimeout: Invalid value: "10": time: missing unit in duration "10"`],
    ['a binding timeout while DRADeviceBindingConditions is alpha', '{bindingTimeout: 10m}', 35, `${at}bindingTimeout: Forbidden: DRADeviceBindingConditions or DRAResourceClaimDeviceStatus feature gate is disabled`],
    ['a binding timeout once it is beta', '{bindingTimeout: 10m}', 36, 'no error'],
    ['a binding timeout under a second', '{bindingTimeout: 999ms}', 36, `${at}bindingTimeout: Invalid value: 999ms: must be at least 1 second`],
    [
      'both, in upstream order',
      '{bindingTimeout: 0s, filterTimeout: -1ns}',
      36,
      '--scheduler-config sched.yaml: [profiles[0].pluginConfig[0].args.filterTimeout: Invalid value: -1ns: must be zero or positive, profiles[0].pluginConfig[0].args.bindingTimeout: Invalid value: 0s: must be at least 1 second]',
    ],
    ['before 1.34 the args are not decoded', '{filterTimeout: -1s}', 33, 'no error'],
  ])('%s', (_name, value, minor, expected) => {
    expect(errorOf(args(value), minor)).toBe(expected);
  });
});

describe('readSchedulerConfiguration: one queue sort for all profiles (validateCommonQueueSort)', () => {
  const sort = (name: string) => `{queueSort: {enabled: [{name: ${name}}], disabled: [{name: '*'}]}}`;

  it('different-queue-sort', () => {
    expect(errorOf(`profiles: [{schedulerName: me, plugins: ${sort('CustomSort')}}, {schedulerName: other, plugins: ${sort('AnotherSort')}}]`)).toBe(
      '--scheduler-config sched.yaml: profiles[1].plugins.queueSort: Invalid value: config.PluginSet{Enabled:[]config.Plugin{config.Plugin{Name:"AnotherSort", Weight:0}}, Disabled:[]config.Plugin{config.Plugin{Name:"*", Weight:0}}}: must be the same for all profiles',
    );
  });

  it('one-empty-queue-sort', () => {
    expect(errorOf(`profiles: [{schedulerName: me}, {schedulerName: other, plugins: ${sort('CustomSort')}}]`)).toBe(
      '--scheduler-config sched.yaml: profiles[1].plugins.queueSort: Invalid value: config.PluginSet{Enabled:[]config.Plugin{config.Plugin{Name:"CustomSort", Weight:0}}, Disabled:[]config.Plugin{config.Plugin{Name:"*", Weight:0}}}: must be the same for all profiles',
    );
  });

  it('the same queue sort in every profile is fine; two in the first profile are not', () => {
    expect(errorOf(`profiles: [{schedulerName: me, plugins: ${sort('PrioritySort')}}, {schedulerName: other, plugins: ${sort('PrioritySort')}}]`)).toBe('no error');
    expect(errorOf('profiles: [{schedulerName: me, plugins: {queueSort: {enabled: [{name: A}, {name: B}]}}}]')).toMatch(
      /^--scheduler-config sched.yaml: profiles\[0\].plugins.queueSort.Enabled: Invalid value: 2: only one queue sort plugin can be enabled$/,
    );
  });
});

// upstream: framework/runtime/framework.go expandMultiPointPlugins puts NodeAffinity at preFilter and filter apart, so a
// profile may disable one: its PreFilter alone still narrows a pod to its metadata.name nodes; its Filter alone reads the
// pod's required affinity itself (node_affinity.go Filter, "Fallback ... when PreFilter is disabled").
describe('readSchedulerConfiguration: NodeAffinity at preFilter and filter apart', () => {
  const CLUSTER = `apiVersion: v1
kind: Node
metadata: {name: a, labels: {pool: general}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Node
metadata: {name: b, labels: {pool: batch}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
---
apiVersion: v1
kind: Pod
metadata: {name: busy, namespace: default}
spec: {nodeName: b, containers: [{name: c, image: "x:1", resources: {requests: {cpu: "2"}}}]}
status: {phase: Running}
`;
  const PINNED = `apiVersion: v1
kind: Pod
metadata: {name: pinned, namespace: default}
spec:
  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [b]}]}]}}}
  containers: [{name: c, image: "c:1", resources: {requests: {cpu: "3"}}}]
`;
  function place(plugins: string) {
    const objects = [...objectsFromYaml(CLUSTER, 'cluster.yaml', true), ...objectsFromYaml(PINNED)];
    const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && !w.object.fromCluster);
    const options = { kubernetesVersion: undefined, drain: [], profiles: profiles(`profiles: [{plugins: ${plugins}}]`) };
    const [result] = scheduleWorkloads(workloads, toClusterSnapshot(objects, 'snapshot'), options).results;
    return { nodes: result?.placement.nodes, message: result?.message?.split('.')[0] };
  }

  it('the filter point disabled: PreFilter still keeps the pod to node b, where it does not fit', () => {
    expect(place('{filter: {disabled: [{name: NodeAffinity}]}}')).toEqual({ nodes: {}, message: "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]" });
  });

  it('the preFilter point disabled: Filter rejects node a itself', () => {
    expect(place('{preFilter: {disabled: [{name: NodeAffinity}]}}')).toEqual({ nodes: {}, message: "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector" });
  });

  it('both disabled, through multiPoint: the pod runs where it fits', () => {
    expect(place('{multiPoint: {disabled: [{name: NodeAffinity}]}}')).toEqual({ nodes: { a: 1 }, message: undefined });
  });

  it('a plugin registered twice in multiPoint is named at PreFilter, its first point', () => {
    expect(errorOf('profiles: [{plugins: {multiPoint: {enabled: [{name: NodeAffinity}, {name: NodeAffinity}]}}}]')).toMatch(/plugin "NodeAffinity" already registered as "PreFilterPlugin"$/);
  });
});
