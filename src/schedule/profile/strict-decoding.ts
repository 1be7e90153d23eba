// kube-scheduler decodes its configuration file strictly before it reads or validates anything: a field the v1 types do
// not have (a typo such as `pluginz`, or `Score` for `score`) stops the start. This mirrors that decoding's verdict.
// upstream: k8s.io/kube-scheduler/config/v1 types.go and types_pluginargs.go (field names), DecodeNestedObjects and
// PluginConfig.decodeNestedObjects (plugin args, decoded as their own kind), sigs.k8s.io/json (unknown field paths),
// apimachinery runtime.NewStrictDecodingError; messages as pkg/scheduler/apis/config/scheme/scheme_test.go
// TestCodecsDecodePluginConfig expects them (v1.35).
import { asArray, asRecord } from '../../model/object.js';

/** A value's known fields: 'any' for scalars, maps and free-form values, a struct's fields, or a list of one struct. */
type Shape = 'any' | Fields | readonly [Fields];
interface Fields {
  readonly [field: string]: Shape;
}

const TYPE_META: Fields = { apiVersion: 'any', kind: 'any' };
const PLUGIN_SET: Fields = { enabled: [{ name: 'any', weight: 'any' }], disabled: [{ name: 'any', weight: 'any' }] };
const EXTENSION_POINTS = ['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind', 'multiPoint'];

const CONFIGURATION: Fields = {
  ...TYPE_META,
  parallelism: 'any',
  leaderElection: { leaderElect: 'any', leaseDuration: 'any', renewDeadline: 'any', retryPeriod: 'any', resourceLock: 'any', resourceName: 'any', resourceNamespace: 'any' },
  clientConnection: { kubeconfig: 'any', acceptContentTypes: 'any', contentType: 'any', qps: 'any', burst: 'any' },
  enableProfiling: 'any',
  enableContentionProfiling: 'any',
  percentageOfNodesToScore: 'any',
  podInitialBackoffSeconds: 'any',
  podMaxBackoffSeconds: 'any',
  profiles: [
    {
      schedulerName: 'any',
      percentageOfNodesToScore: 'any',
      plugins: Object.fromEntries(EXTENSION_POINTS.map((point) => [point, PLUGIN_SET])),
      // decoded on its own, as the plugin's args kind (pluginArgsErrors)
      pluginConfig: [{ name: 'any', args: 'any' }],
    },
  ],
  extenders: [
    {
      urlPrefix: 'any',
      filterVerb: 'any',
      preemptVerb: 'any',
      prioritizeVerb: 'any',
      weight: 'any',
      bindVerb: 'any',
      enableHTTPS: 'any',
      tlsConfig: { insecure: 'any', serverName: 'any', certFile: 'any', keyFile: 'any', caFile: 'any', certData: 'any', keyData: 'any', caData: 'any' },
      httpTimeout: 'any',
      nodeCacheCapable: 'any',
      managedResources: [{ name: 'any', ignoredByScheduler: 'any' }],
      ignorable: 'any',
    },
  ],
  delayCacheUntilActive: 'any',
};

const RESOURCE_SPECS: Shape = [{ name: 'any', weight: 'any' }];
const SHAPE: Shape = [{ utilization: 'any', score: 'any' }];
const REQUIREMENTS: Shape = [{ key: 'any', operator: 'any', values: 'any' }];
const NODE_SELECTOR_TERM: Fields = { matchExpressions: REQUIREMENTS, matchFields: REQUIREMENTS };

/** The args kinds the v1 scheme registers, by plugin; args of any other plugin are not decoded (out-of-tree). */
function argsKinds(minor: number): ReadonlyMap<string, Fields> {
  const kinds: [string, Fields][] = [
    ['DefaultPreemption', { minCandidateNodesPercentage: 'any', minCandidateNodesAbsolute: 'any' }],
    ['InterPodAffinity', { hardPodAffinityWeight: 'any', ignorePreferredTermsOfExistingPods: 'any' }],
    ['NodeResourcesFit', { ignoredResources: 'any', ignoredResourceGroups: 'any', scoringStrategy: { type: 'any', resources: RESOURCE_SPECS, requestedToCapacityRatio: { shape: SHAPE } } }],
    [
      'PodTopologySpread',
      {
        defaultConstraints: [
          {
            maxSkew: 'any',
            topologyKey: 'any',
            whenUnsatisfiable: 'any',
            labelSelector: { matchLabels: 'any', matchExpressions: REQUIREMENTS },
            minDomains: 'any',
            nodeAffinityPolicy: 'any',
            nodeTaintsPolicy: 'any',
            matchLabelKeys: 'any',
          },
        ],
        defaultingType: 'any',
      },
    ],
    ['NodeResourcesBalancedAllocation', { resources: RESOURCE_SPECS }],
    ['VolumeBinding', { bindTimeoutSeconds: 'any', shape: SHAPE }],
    ['NodeAffinity', { addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [NODE_SELECTOR_TERM] }, preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 'any', preference: NODE_SELECTOR_TERM }] } }],
  ];
  if (minor >= DYNAMIC_RESOURCES_ARGS_SINCE) kinds.push(['DynamicResources', { filterTimeout: 'any', bindingTimeout: 'any' }]);
  return new Map(kinds.map(([plugin, fields]) => [plugin, { ...TYPE_META, ...fields }]));
}

/** DynamicResourcesArgs (filterTimeout) joined the v1 scheme in 1.34. */
export const DYNAMIC_RESOURCES_ARGS_SINCE = 34;

const GROUP = 'kubescheduler.config.k8s.io';

/**
 * What kube-scheduler's decoder says about a configuration (`root`, already known to be a v1
 * KubeSchedulerConfiguration) before validating it: undefined when it decodes; else its error, as the scheduler prints it.
 */
export function strictDecodingError(root: Readonly<Record<string, unknown>>, minor: number): string | undefined {
  const errors = unknownFields(root, CONFIGURATION, '');
  const kinds = argsKinds(minor);
  const profiles = asArray(root['profiles']);
  for (const [i, profile] of profiles.entries()) {
    for (const [j, entry] of asArray(asRecord(profile)?.['pluginConfig']).entries()) {
      const config = asRecord(entry);
      const name = config?.['name'];
      const fields = typeof name === 'string' ? kinds.get(name) : undefined;
      const args = asRecord(config?.['args']);
      if (fields === undefined || args === undefined) continue;
      const at = `decoding .profiles[${i}].pluginConfig[${j}]`;
      // a kind mismatch is not a strict-decoding error: it alone is returned, whatever was collected before it
      const kind = args['kind'];
      if (typeof kind === 'string' && kind !== '' && kind !== `${name}Args` && [...kinds.keys()].some((plugin) => `${plugin}Args` === kind)) {
        return `${at}: args for plugin ${name} were not of type ${name}Args.${GROUP}, got ${kind}.${GROUP}`;
      }
      const unknown = unknownFields(args, fields, '');
      if (unknown.length > 0) errors.push(`${at}: ${strict([`decoding args for plugin ${name}: ${strict(unknown)}`])}`);
    }
  }
  return errors.length > 0 ? strict(errors) : undefined;
}

/** runtime.NewStrictDecodingError's message. */
function strict(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`;
}

/**
 * sigs.k8s.io/json's unknown-field errors for `value` decoded into `shape`, in the order it meets them: the YAML is
 * turned into JSON with every object's keys sorted (sigs.k8s.io/yaml), and an unknown field's own content is skipped.
 */
function unknownFields(value: unknown, shape: Shape, path: string): string[] {
  if (shape === 'any') return [];
  if (isList(shape)) return asArray(value).flatMap((item, i) => unknownFields(item, shape[0], `${path}[${i}]`));
  const record = asRecord(value);
  if (record === undefined) return [];
  return Object.keys(record)
    .sort()
    .flatMap((field) => {
      const at = path === '' ? field : `${path}.${field}`;
      const known = Object.hasOwn(shape, field) ? shape[field] : undefined;
      return known === undefined ? [`unknown field "${at}"`] : unknownFields(record[field], known, at);
    });
}

function isList(shape: Fields | readonly [Fields]): shape is readonly [Fields] {
  return Array.isArray(shape);
}
