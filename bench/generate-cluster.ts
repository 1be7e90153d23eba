// Seeded synthetic clusters (M nodes in K node classes with labels, zones, taints and bound pods) and the
// pending workloads the scheduling cases place on them.
import { emitDocuments } from './emit-yaml.js';
import { Random } from './random.js';

export interface ClusterOptions {
  readonly nodes: number;
  /** Node classes: nodes of one class share capacity, labels (but the hostname) and taints. */
  readonly classes: number;
  /** Pods already bound to each node. */
  readonly podsPerNode: number;
  readonly seed: number;
}

type Value = Record<string, unknown>;

interface NodeClass {
  readonly name: string;
  readonly cpu: number;
  readonly memoryGi: number;
  readonly pods: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Value[];
}

const INSTANCE_TYPES = ['m5.xlarge', 'm5.2xlarge', 'c5.2xlarge', 'r5.xlarge', 'm6i.4xlarge', 'g5.2xlarge'];
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const POOLS = ['general', 'compute', 'memory', 'batch', 'spot', 'gpu'];

export function nodeClasses(count: number, seed: number): NodeClass[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, index) => {
    const pool = POOLS[index % POOLS.length] ?? 'general';
    const taints: Value[] = [];
    if (pool === 'gpu' || pool === 'batch') taints.push({ key: 'dedicated', value: pool, effect: 'NoSchedule' });
    if (pool === 'spot') taints.push({ key: 'cloud.example.com/spot', value: 'true', effect: 'PreferNoSchedule' });
    return {
      name: `${pool}-${index}`,
      cpu: random.pick([4, 8, 16, 32]),
      memoryGi: random.pick([16, 32, 64, 128]),
      pods: random.pick([58, 110, 110, 250]),
      labels: {
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': random.chance(0.8) ? 'amd64' : 'arm64',
        'node.kubernetes.io/instance-type': INSTANCE_TYPES[index % INSTANCE_TYPES.length] ?? 'm5.xlarge',
        'example.com/pool': pool,
        'example.com/class': `class-${index}`,
      },
      taints,
    };
  });
}

/** Nodes and their bound pods as one multi-document YAML text per `chunk` nodes (files stay under size limits). */
export function generateCluster(options: ClusterOptions, chunk = 1000): string[] {
  const values = clusterValues(options);
  const texts: string[] = [];
  for (let first = 0; first < options.nodes; first += chunk) {
    const from = first * (1 + options.podsPerNode);
    texts.push(emitDocuments(values.slice(from, from + chunk * (1 + options.podsPerNode))));
  }
  return texts;
}

/** The same cluster as `kubectl get nodes,pods -A -o json` writes it: one List, indented by four spaces. */
export function generateClusterList(options: ClusterOptions): string {
  return `${JSON.stringify({ apiVersion: 'v1', items: clusterValues(options), kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

/** Each node followed by its bound pods. */
function clusterValues(options: ClusterOptions): Value[] {
  const classes = nodeClasses(options.classes, options.seed);
  const random = new Random(options.seed + 1);
  const values: Value[] = [];
  for (let index = 0; index < options.nodes; index++) {
    const nodeClass = classes[index % classes.length];
    if (!nodeClass) continue;
    const name = `node-${String(index).padStart(5, '0')}`;
    values.push(node({ name, nodeClass, zone: ZONES[Math.floor(index / classes.length) % ZONES.length] ?? 'zone-a' }, random));
    for (let pod = 0; pod < options.podsPerNode; pod++) values.push(boundPod({ name: `${name}-pod-${pod}`, nodeName: name, index: pod }, random));
  }
  return values;
}

/** A time of the last few days, in the form the API server writes. */
function recentTime(random: Random): string {
  return new Date(Date.UTC(2026, 10, 20) + random.int(0, 5 * 86_400) * 1000).toISOString().replace('.000Z', 'Z');
}

/** As a real Node: the Ready condition carries this node's own heartbeat and transition times. */
function node({ name, nodeClass, zone }: { name: string; nodeClass: NodeClass; zone: string }, random: Random): Value {
  const spec: Value = nodeClass.taints.length > 0 ? { taints: nodeClass.taints } : {};
  const capacity = { cpu: String(nodeClass.cpu), memory: `${nodeClass.memoryGi}Gi`, 'ephemeral-storage': '100Gi', pods: String(nodeClass.pods) };
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { ...nodeClass.labels, 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone } },
    spec,
    status: { capacity, allocatable: { ...capacity, cpu: `${nodeClass.cpu * 1000 - 100}m` }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: recentTime(random), lastTransitionTime: recentTime(random), reason: 'KubeletReady' }] },
  };
}

/** Bound pods are per-node agents (what DaemonSets put on every node): the same on every node of a class. */
const AGENTS = [
  { app: 'kube-proxy', cpu: '100m', memory: '128Mi' },
  { app: 'node-exporter', cpu: '50m', memory: '64Mi' },
  { app: 'fluent-bit', cpu: '100m', memory: '256Mi' },
  { app: 'csi-node', cpu: '20m', memory: '64Mi' },
];

/** The sources of a pod's kube-api-access volume, as the ServiceAccount admission plugin writes them. */
const TOKEN_SOURCES = {
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
};

const SUFFIX_CHARACTERS = 'bcdfghjklmnpqrstvwxz2456789';

/** The random suffix of a generated name (apimachinery's rand.String alphabet). */
function nameSuffix(random: Random, length: number): string {
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += SUFFIX_CHARACTERS.charAt(random.int(0, SUFFIX_CHARACTERS.length - 1));
  return suffix;
}

/** As a real pod: its service account token is a projected volume of its own name, mounted in its container. */
function boundPod({ name, nodeName, index }: { name: string; nodeName: string; index: number }, random: Random): Value {
  const agent = AGENTS[index % AGENTS.length] ?? { app: 'agent', cpu: '10m', memory: '16Mi' };
  const tokenVolume = `kube-api-access-${nameSuffix(random, 5)}`;
  const container = {
    name: 'main', image: `registry.example.com/system/${agent.app}:1.0.0`, resources: { requests: { cpu: agent.cpu, memory: agent.memory } },
    volumeMounts: [{ name: tokenVolume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
  };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { app: agent.app } },
    spec: { nodeName, containers: [container], volumes: [{ name: tokenVolume, projected: TOKEN_SOURCES }] },
    status: { phase: 'Running' },
  };
}

export interface PendingOptions {
  /** Distinct pod templates. */
  readonly workloads: number;
  /** Replicas of each (1 gives bare Pods). */
  readonly replicas: number;
  readonly classes: number;
  readonly seed: number;
  /** Every this-many-th workload also keeps its replicas on separate nodes (required hostname anti-affinity). */
  readonly antiAffinityEvery?: number;
  /** Every workload spreads its replicas over zones (DoNotSchedule) and nodes (alternately ScheduleAnyway and DoNotSchedule). */
  readonly spread?: boolean;
  /** Every workload prefers its replicas on separate nodes (preferred hostname anti-affinity, many charts' default). */
  readonly preferApart?: boolean;
  /**
   * Every this-many-th workload must run in a zone with a pod of the workload listed after it (required zone pod
   * affinity): none exists at its turn, so its replicas wait until that workload's first bind queues them again.
   */
  readonly waitForNextEvery?: number;
}

/** Pending workloads with distinct requests and a mix of nodeSelectors, tolerations and affinities. */
export function generatePending(options: PendingOptions): string {
  const classes = nodeClasses(options.classes, options.seed);
  const random = new Random(options.seed + 2);
  const values: Value[] = [];
  for (let index = 0; index < options.workloads; index++) {
    const name = `app-${index}`;
    const spec = pendingPodSpec(index, classes, random);
    if (options.antiAffinityEvery && index % options.antiAffinityEvery === 0) spec['affinity'] = { ...(spec['affinity'] as Value | undefined), podAntiAffinity: separateReplicas(name) };
    if (options.preferApart) spec['affinity'] = { ...(spec['affinity'] as Value | undefined), podAntiAffinity: preferApart(name) };
    if (options.spread) spec['topologySpreadConstraints'] = spreadReplicas(name, index % 2 === 0 ? 'ScheduleAnyway' : 'DoNotSchedule');
    if (options.waitForNextEvery && index % options.waitForNextEvery === 0 && index + 1 < options.workloads) {
      spec['affinity'] = { ...(spec['affinity'] as Value | undefined), podAffinity: sameZoneAs(`app-${index + 1}`) };
    }
    if (options.replicas === 1) values.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'apps', labels: { app: name } }, spec });
    else {
      values.push({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'apps' },
        spec: { replicas: options.replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
      });
    }
  }
  return emitDocuments(values);
}

/**
 * StatefulSets whose replicas each claim a volume from a WaitForFirstConsumer StorageClass (each replica is a pod of
 * its own, placed one at a time), every other one preferring its replicas on separate nodes (the "soft" anti-affinity
 * preset many charts default to), with the StorageClass.
 */
export function generateStatefulSets(count: number, replicas: number): string {
  const values: Value[] = [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp3' }, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' }];
  for (let index = 0; index < count; index++) {
    const name = `db-${index}`;
    const container = { name: 'db', image: `registry.example.com/db-${index}:1.0.0`, resources: { requests: { cpu: `${100 + (index % 8) * 50}m`, memory: `${256 + (index % 4) * 256}Mi` } }, volumeMounts: [{ name: 'data', mountPath: '/data' }] };
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '10Gi' } } } };
    values.push({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'data' },
      spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container], ...(index % 2 === 1 && { affinity: { podAntiAffinity: preferApart(name) } }) } }, volumeClaimTemplates: [claim] },
    });
  }
  return emitDocuments(values);
}

/** Preferred anti-affinity against the workload's own pods on hostname. */
function preferApart(app: string): Value {
  return { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' } }] };
}

/** Required pod affinity to the app's pods on zone: only in a zone where one runs. */
function sameZoneAs(app: string): Value {
  return { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'topology.kubernetes.io/zone' }] };
}

/** Required anti-affinity against the workload's own pods on hostname: at most one replica per node. */
function separateReplicas(app: string): Value {
  return { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] };
}

/** The spreading most charts set: even over zones, and over nodes as `perNode` says. */
function spreadReplicas(app: string, perNode: string): Value[] {
  const constraint = (topologyKey: string, whenUnsatisfiable: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: { app } } });
  return [constraint('topology.kubernetes.io/zone', 'DoNotSchedule'), constraint('kubernetes.io/hostname', perNode)];
}

function pendingPodSpec(index: number, classes: readonly NodeClass[], random: Random): Value {
  const spec: Value = {
    containers: [{ name: 'main', image: `registry.example.com/apps/app-${index}:1.0.0`, resources: { requests: { cpu: `${50 + index % 40 * 25}m`, memory: `${64 + index % 32 * 32}Mi` } } }],
  };
  const target = classes[index % classes.length];
  const style = index % 5;
  if (style === 1 && target) spec['nodeSelector'] = { 'example.com/pool': String(target.labels['example.com/pool']) };
  if (style === 2 && target) spec['tolerations'] = target.taints.map((taint) => ({ key: taint['key'], operator: 'Equal', value: taint['value'], effect: taint['effect'] }));
  if (style === 3) spec['affinity'] = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [random.pick(ZONES)] }] }] } } };
  if (style === 4) spec['nodeSelector'] = { 'kubernetes.io/arch': 'arm64' };
  return spec;
}
