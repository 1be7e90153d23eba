import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { CAPACITY_PROBE, capacityProbe } from './capacity.js';
import { placeAll, placementProbe, type PlacementRequest } from './placement.js';
import { buildPodInfo, podSourceOfWorkload, toSchedulerSnapshot } from './snapshot.js';
import { objectsFromYaml } from './test-support.js';

type Value = Record<string, unknown>;

/** A few node kinds, so that many nodes are alike (node classes with several members), in three zones. */
const nodeKind = fc.record({
  cpu: fc.constantFrom('2', '4'),
  memory: fc.constantFrom('4Gi', '8Gi'),
  tier: fc.constantFrom('t0', 't1', 't2'),
  spot: fc.boolean(),
  zoned: fc.constantFrom(true, true, true, false),
  /** Nodes without the label score apart under hostname spreading. */
  hostnamed: fc.constantFrom(true, true, true, true, false),
});

const workloadShape = fc.record({
  replicas: fc.integer({ min: 2, max: 30 }),
  cpu: fc.constantFrom('100m', '300m', '700m'),
  memory: fc.constantFrom('128Mi', '600Mi', '1Gi'),
  preferTier: fc.boolean(),
  apart: fc.constantFrom(false, false, true),
  zoneSpread: fc.constantFrom('none', 'none', 'ScheduleAnyway', 'DoNotSchedule'),
  hostSpread: fc.constantFrom('none', 'none', 'ScheduleAnyway', 'DoNotSchedule'),
  maxSkew: fc.constantFrom(1, 2),
  /** Required pod affinity to the next workload's pods (bound ones or placed ones), by zone or hostname. */
  withNext: fc.constantFrom('none', 'none', 'none', 'topology.kubernetes.io/zone', 'kubernetes.io/hostname'),
});

const clusterShape = fc.record({
  kinds: fc.array(nodeKind, { minLength: 1, maxLength: 3 }),
  nodes: fc.integer({ min: 3, max: 24 }),
  /** Nodes two by two under one hostname label (a hostname spread domain of two nodes). */
  sharedHostnames: fc.constantFrom(false, false, true),
  /** Each node's zone (of three), so that zones differ in the kinds of nodes they hold. */
  zones: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 24, maxLength: 24 }),
  /** Node index → workload index of one pod already bound there (others: none). */
  bound: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
  workloads: fc.array(workloadShape, { minLength: 1, maxLength: 3 }),
});

type Shape = typeof clusterShape extends fc.Arbitrary<infer T> ? T : never;

function nodesOf(shape: Shape): Value[] {
  return Array.from({ length: shape.nodes }, (_, i) => {
    const kind = shape.kinds[i % shape.kinds.length] ?? { cpu: '2', memory: '4Gi', tier: 't0', spot: false, zoned: true, hostnamed: true };
    const name = `node-${String(i).padStart(2, '0')}`;
    const labels = { tier: kind.tier, ...(kind.hostnamed && { 'kubernetes.io/hostname': shape.sharedHostnames ? `h${i >> 1}` : name }), ...(kind.zoned && { 'topology.kubernetes.io/zone': `z${shape.zones[i] ?? 0}` }) };
    const spec = kind.spot ? { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] } : {};
    return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec, status: { allocatable: { cpu: kind.cpu, memory: kind.memory, pods: '20' } } };
  });
}

function podSpecOf(app: string, w: Shape['workloads'][number], next: string): Value {
  const spec: Value = { containers: [{ name: 'c', resources: { requests: { cpu: w.cpu, memory: w.memory } } }] };
  const affinity: Value = {};
  // three levels of preference: a score normalised by a maximum some nodes lack reads otherwise than by 0 or the maximum
  const prefer = (tier: string, weight: number) => ({ weight, preference: { matchExpressions: [{ key: 'tier', operator: 'In', values: [tier] }] } });
  if (w.preferTier) affinity['nodeAffinity'] = { preferredDuringSchedulingIgnoredDuringExecution: [prefer('t1', 10), prefer('t2', 30)] };
  if (w.apart) affinity['podAntiAffinity'] = { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] };
  if (w.withNext !== 'none') affinity['podAffinity'] = { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: next } }, topologyKey: w.withNext }] };
  if (Object.keys(affinity).length > 0) spec['affinity'] = affinity;
  const spread = [['topology.kubernetes.io/zone', w.zoneSpread], ['kubernetes.io/hostname', w.hostSpread]].filter(([, when]) => when !== 'none');
  if (spread.length > 0) {
    spec['topologySpreadConstraints'] = spread.map(([topologyKey, whenUnsatisfiable]) => ({ maxSkew: w.maxSkew, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: { app } } }));
  }
  return spec;
}

function objectsOf(shape: Shape): Value[] {
  const bound = shape.bound.flatMap((n, i) => {
    const app = `w${n % shape.workloads.length}`;
    if (n >= shape.nodes) return [];
    const nodeName = `node-${String(n).padStart(2, '0')}`;
    const pod = { name: 'c', resources: { requests: { cpu: '200m', memory: '256Mi' } } };
    return [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: `bound-${i}`, namespace: 'default', labels: { app } }, spec: { nodeName, containers: [pod] } }];
  });
  const deployments = shape.workloads.map((w, i) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `w${i}`, namespace: 'default' },
    spec: { replicas: w.replicas, selector: { matchLabels: { app: `w${i}` } }, template: { metadata: { labels: { app: `w${i}` } }, spec: podSpecOf(`w${i}`, w, `w${(i + 1) % shape.workloads.length}`) } },
  }));
  return [...nodesOf(shape), ...bound, ...deployments];
}

/** Node → replicas placed, and replicas left unschedulable, per workload. */
function placements(requests: readonly PlacementRequest[], owners: readonly number[], run: ReturnType<typeof placeAll>): { nodes: Record<string, number>; unschedulable: number }[] {
  const out = requests.length === 0 ? [] : Array.from({ length: Math.max(...owners) + 1 }, () => ({ nodes: {} as Record<string, number>, unschedulable: 0 }));
  run.outcomes.forEach((outcome, i) => {
    const total = out[owners[i] ?? 0];
    if (!total) return;
    for (const [name, count] of Object.entries(outcome.nodes)) total.nodes[name] = (total.nodes[name] ?? 0) + count;
    total.unschedulable += outcome.unschedulable;
  });
  return out;
}

function generated(shape: Shape) {
  const objects = objectsFromYaml(objectsOf(shape).map((value) => stringify(value)).join('---\n'));
  const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
  const deployments = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && w.object.ref.kind === 'Deployment');
  return { snapshot, pods: deployments.map((d) => buildPodInfo(podSourceOfWorkload(d, snapshot.controllers), snapshot.podOptions, [])) };
}

// The fast paths of placement against the plain ones over generated clusters (few node kinds, so node classes have
// several members; bound pods the spreading counts; default spreading, anti-affinity, zone and hostname spread).
describe('placement fast paths', () => {
  it('ReplicaQueue places every workload exactly as rescoring every node for each replica does', () => {
    fc.assert(
      fc.property(clusterShape, (shape) => {
        const { snapshot, pods } = generated(shape);
        const together: PlacementRequest[] = pods.map((pod, i) => ({ pods: [{ pod, replicas: shape.workloads[i]?.replicas ?? 1 }], priority: 0 }));
        const owners = pods.flatMap((_, i) => Array.from({ length: shape.workloads[i]?.replicas ?? 1 }, () => i));
        const oneByOne: PlacementRequest[] = owners.map((i) => ({ pods: [{ pod: pods[i] ?? (pods[0] as never), replicas: 1 }], priority: 0 }));
        const queued = placements(together, pods.map((_, i) => i), placeAll(together, snapshot));
        const rescored = placements(oneByOne, owners, placeAll(oneByOne, snapshot));
        expect(queued).toEqual(rescored);
      }),
      { numRuns: 150, seed: 20_261_202 },
    );
  });

  it('--capacity counts, without placing them, as many replicas as placing them one by one does', () => {
    fc.assert(
      fc.property(clusterShape, (shape) => {
        const { snapshot, pods } = generated(shape);
        const requests: PlacementRequest[] = pods.map((pod, i) => ({ pods: [{ pod, replicas: shape.workloads[i]?.replicas ?? 1 }], priority: 0 }));
        const run = placeAll(requests, snapshot);
        const capacity = capacityProbe(run, snapshot);
        const counted = requests.map((request) => capacity(request).additionalReplicas);
        const probe = placementProbe(snapshot, run.nodes, run.storage);
        const placed = pods.map((pod) => CAPACITY_PROBE - probe.place({ pods: [{ pod, replicas: CAPACITY_PROBE }], priority: 0 }).unschedulable);
        expect(counted).toEqual(placed);
      }),
      { numRuns: 60, seed: 20_261_202 },
    );
  });
});

/** Jobs (no system default spreading) keeping their pods apart or together by required pod (anti-)affinity. */
const jobShape = fc.record({
  zones: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 10 }),
  bigNodes: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  jobs: fc.array(
    fc.record({
      parallelism: fc.integer({ min: 2, max: 5 }),
      cpu: fc.constantFrom('100m', '700m'),
      topologyKey: fc.constantFrom('kubernetes.io/hostname', 'topology.kubernetes.io/zone'),
      terms: fc.constantFrom('anti', 'affinity-to-self', 'affinity-to-next', 'anti-and-affinity-to-next'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function jobObjects(shape: typeof jobShape extends fc.Arbitrary<infer T> ? T : never): Value[] {
  const nodes = shape.zones.map((zone, i) => ({
    apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, labels: { 'kubernetes.io/hostname': `n${i}`, 'topology.kubernetes.io/zone': `z${zone}` } },
    status: { allocatable: { cpu: shape.bigNodes[i] ? '4' : '2', memory: '8Gi', pods: '20' } },
  }));
  const jobs = shape.jobs.map((job, i) => {
    const term = (app: string) => [{ labelSelector: { matchLabels: { app } }, topologyKey: job.topologyKey }];
    const next = `j${(i + 1) % shape.jobs.length}`;
    const affinity: Value = {};
    if (job.terms.startsWith('anti')) affinity['podAntiAffinity'] = { requiredDuringSchedulingIgnoredDuringExecution: term(`j${i}`) };
    if (job.terms !== 'anti') affinity['podAffinity'] = { requiredDuringSchedulingIgnoredDuringExecution: term(job.terms === 'affinity-to-self' ? `j${i}` : next) };
    const spec = { restartPolicy: 'Never', containers: [{ name: 'c', resources: { requests: { cpu: job.cpu, memory: '64Mi' } } }], affinity };
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `j${i}`, namespace: 'default' }, spec: { parallelism: job.parallelism, completions: 6, template: { metadata: { labels: { app: `j${i}` } }, spec } } };
  });
  return [...nodes, ...jobs];
}

describe('placement fast paths, pods with required pod (anti-)affinity', () => {
  it('ReplicaQueue places Jobs (no default spreading) exactly as placing their pods one at a time does', () => {
    fc.assert(
      fc.property(jobShape, (shape) => {
        const objects = objectsFromYaml(jobObjects(shape).map((value) => stringify(value)).join('---\n'));
        const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
        const jobs = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && w.object.ref.kind === 'Job');
        const pods = jobs.map((job) => buildPodInfo(podSourceOfWorkload(job, snapshot.controllers), snapshot.podOptions, []));
        const replicas = jobs.map((job) => (typeof job.replicas === 'number' ? job.replicas : 1));
        const together: PlacementRequest[] = pods.map((pod, i) => ({ pods: [{ pod, replicas: replicas[i] ?? 1 }], priority: 0 }));
        const owners = pods.flatMap((_, i) => Array.from({ length: replicas[i] ?? 1 }, () => i));
        const oneByOne: PlacementRequest[] = owners.map((i) => ({ pods: [{ pod: pods[i] ?? (pods[0] as never), replicas: 1 }], priority: 0 }));
        expect(placements(together, pods.map((_, i) => i), placeAll(together, snapshot))).toEqual(placements(oneByOne, owners, placeAll(oneByOne, snapshot)));
      }),
      { numRuns: 200, seed: 20_261_204 },
    );
  });
});
