// Seeded synthetic manifests: every workload kind with realistic pod specs, Services and ConfigMaps, and a
// share of deliberate problems (the kind schema validation and lint rules exist to catch).
import { emitDocuments } from './emit-yaml.js';
import { Random } from './random.js';

export interface ManifestOptions {
  readonly documents: number;
  readonly seed: number;
  /** Share of workloads given one deliberate problem. */
  readonly problemRate?: number;
  /** Only this kind instead of the usual mix. */
  readonly kind?: WorkloadKind;
}

type Value = Record<string, unknown>;
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ReplicationController' | 'Job' | 'CronJob' | 'Pod';

/** Kinds and their weights, roughly what a real repository of application manifests holds. */
const MIX: readonly [WorkloadKind | 'Service' | 'ConfigMap', number][] = [
  ['Deployment', 40], ['Service', 20], ['ConfigMap', 10], ['StatefulSet', 8], ['DaemonSet', 5], ['Job', 5],
  ['CronJob', 5], ['Pod', 3], ['ReplicaSet', 2], ['ReplicationController', 2],
];
const TEAMS = ['payments', 'search', 'catalog', 'checkout', 'identity', 'platform', 'data', 'ml'];
const IMAGES = ['nginx', 'envoy', 'redis', 'postgres', 'api', 'worker', 'frontend', 'exporter'];

export function generateManifests(options: ManifestOptions): string {
  const random = new Random(options.seed);
  const values: Value[] = [];
  for (let index = 0; index < options.documents; index++) {
    const kind = options.kind ?? pickWeighted(random);
    const name = `${random.pick(TEAMS)}-${random.pick(IMAGES)}-${index}`;
    if (kind === 'Service') values.push(service(name, random));
    else if (kind === 'ConfigMap') values.push(configMap(name, random));
    else {
      const value = workload(kind, name, random);
      if (random.chance(options.problemRate ?? 0.05)) injectProblem(value, random);
      values.push(value);
    }
  }
  return emitDocuments(values);
}

function pickWeighted(random: Random): WorkloadKind | 'Service' | 'ConfigMap' {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [kind, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'Deployment';
}

function metadata(name: string, random: Random): Value {
  const team = name.split('-')[0] ?? 'platform';
  return {
    name,
    namespace: team,
    labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': team, 'app.kubernetes.io/version': `1.${random.int(0, 30)}.${random.int(0, 9)}` },
  };
}

function workload(kind: WorkloadKind, name: string, random: Random): Value {
  const meta = metadata(name, random);
  const selector = { matchLabels: { 'app.kubernetes.io/name': name } };
  const template = { metadata: { labels: { 'app.kubernetes.io/name': name } }, spec: podSpec(name, random, kind === 'Job' || kind === 'CronJob') };
  const replicas = random.int(1, 6);
  switch (kind) {
    case 'Deployment':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas, revisionHistoryLimit: 5, selector, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, template } };
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas, serviceName: name, selector, template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${random.int(1, 100)}Gi` } } } }] } };
    case 'DaemonSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector, template, updateStrategy: { type: 'RollingUpdate' } } };
    case 'ReplicaSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas, selector, template } };
    case 'ReplicationController':
      return { apiVersion: 'v1', kind, metadata: meta, spec: { replicas, selector: selector.matchLabels, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { backoffLimit: 3, completions: replicas, parallelism: 1, template } };
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { schedule: `${random.int(0, 59)} */${random.int(1, 12)} * * *`, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 2, template } } } };
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata: meta, spec: podSpec(name, random, false) };
  }
}

function podSpec(name: string, random: Random, runsToCompletion: boolean): Value {
  const hasVolumes = random.chance(0.5);
  const spec: Value = { serviceAccountName: name };
  if (random.chance(0.6)) spec['securityContext'] = { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } };
  spec['containers'] = Array.from({ length: random.chance(0.2) ? 2 : 1 }, (_, index) => container(index === 0 ? name : `${name}-sidecar`, hasVolumes, random));
  if (hasVolumes) spec['volumes'] = [{ name: 'config', configMap: { name: `${name}-config` } }];
  if (runsToCompletion) spec['restartPolicy'] = 'OnFailure';
  if (random.chance(0.3)) spec['nodeSelector'] = { 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': random.pick(['m5.xlarge', 'c5.2xlarge', 'r5.large']) };
  if (random.chance(0.2)) spec['tolerations'] = [{ key: 'dedicated', operator: 'Equal', value: random.pick(TEAMS), effect: 'NoSchedule' }];
  if (random.chance(0.2)) spec['affinity'] = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } } } }] } };
  return spec;
}

function container(name: string, hasVolumes: boolean, random: Random): Value {
  const cpu = random.int(1, 20) * 50;
  const memory = random.int(1, 32) * 64;
  const value: Value = {
    name,
    image: `registry.example.com/${random.pick(TEAMS)}/${random.pick(IMAGES)}:${random.int(1, 9)}.${random.int(0, 30)}.${random.int(0, 9)}`,
    ports: [{ name: 'http', containerPort: 8080 }],
    env: Array.from({ length: random.int(1, 3) }, (_, index) => ({ name: `SETTING_${index}`, value: `value-${random.int(0, 999)}` })),
    resources: { requests: { cpu: `${cpu}m`, memory: `${memory}Mi` }, limits: { memory: `${memory}Mi` } },
  };
  if (random.chance(0.5)) value['args'] = ['--port=8080', `--log-level=${random.pick(['info', 'debug', 'warn'])}`];
  if (random.chance(0.6)) value['readinessProbe'] = { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 };
  if (random.chance(0.5)) value['livenessProbe'] = { httpGet: { path: '/healthz', port: 'http' } };
  if (random.chance(0.5)) value['securityContext'] = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  if (hasVolumes) value['volumeMounts'] = [{ name: 'config', mountPath: '/etc/app' }];
  return value;
}

function service(name: string, random: Random): Value {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: metadata(name, random),
    spec: { type: 'ClusterIP', selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function configMap(name: string, random: Random): Value {
  const data: Record<string, string> = {};
  for (let index = 0; index < random.int(2, 6); index++) data[`key-${index}`] = `setting ${index} = ${random.int(0, 1e6)}`;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(name, random), data };
}

/** Problems both a schema and a linter should flag: wrong types, unknown fields, bad quantities, risky settings. */
const PROBLEMS: readonly ((container: Value, spec: Value) => void)[] = [
  (container) => { container['image'] = String(container['image']).replace(/:[^:/]+$/, ':latest'); },
  (container) => { delete container['resources']; },
  (container) => { container['resources'] = { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } }; },
  (container) => { container['resources'] = { requests: { cpu: '1.5.0', memory: '1Gi' } }; },
  (container) => { container['ports'] = [{ containerPort: '8080' }]; },
  (container) => { container['imagePullPolicy'] = 'Sometimes'; },
  (container) => { container['securityContext'] = { privileged: true }; },
  (container, spec) => { spec['contianers'] = [container]; },
  (container) => { container['env'] = [{ name: 'FEATURE_ENABLED', value: true }]; },
];

function injectProblem(value: Value, random: Random): void {
  const spec = podSpecOf(value);
  const first = (spec?.['containers'] as Value[] | undefined)?.[0];
  if (spec && first) random.pick(PROBLEMS)(first, spec);
}

function podSpecOf(value: Value): Value | undefined {
  const spec = value['spec'] as Value;
  if (value['kind'] === 'Pod') return spec;
  if (value['kind'] === 'CronJob') return (((spec['jobTemplate'] as Value)['spec'] as Value)['template'] as Value)['spec'] as Value;
  return (spec['template'] as Value)['spec'] as Value;
}
