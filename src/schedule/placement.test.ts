import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { NodeClasses } from './node-classes.js';
import { placeAll, type PlacementRequest } from './placement.js';
import { ReplicaQueue } from './replica-queue.js';
import { runPreFilters } from './run-filters.js';
import { buildPodInfo, podSourceOfWorkload, toSchedulerSnapshot } from './snapshot.js';
import { objectsFromYaml } from './test-support.js';

function cluster(): string {
  const nodes: string[] = [];
  for (let i = 0; i < 12; i++) {
    const taint = i % 4 === 0 ? 'spec: {taints: [{key: spot, value: "true", effect: PreferNoSchedule}]}' : '';
    nodes.push(`apiVersion: v1
kind: Node
metadata: {name: node-${String(i).padStart(2, '0')}, labels: {tier: t${i % 3}, kubernetes.io/hostname: node-${i}${i % 5 === 4 ? '' : `, topology.kubernetes.io/zone: z${i % 2}`}}}
${taint}
status: {allocatable: {cpu: "${2 + (i % 3)}", memory: ${4 + (i % 5)}Gi, pods: "110"}}`);
  }
  return nodes.join('\n---\n');
}

const workload = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 130
  template:
    spec:
      containers: [{name: c, resources: {requests: {cpu: 300m, memory: 700Mi}}}]
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 10, preference: {matchExpressions: [{key: tier, operator: In, values: [t1]}]}}`;

const spread = `
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: tier, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}`;

const labelled = workload.replace('    spec:\n', '    metadata: {labels: {app: web}}\n    spec:\n');
const owned = labelled.replace('  replicas: 130\n', '  replicas: 130\n  selector: {matchLabels: {app: web}}\n');
const scheduleAnyway = `
      topologySpreadConstraints:
        - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}`;

const hostnameAntiAffinity = `
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname}`;

// A term matching the pod itself: no pod matches it before the first replica is bound, so InterPodAffinity's PreScore
// skips the first replica and scores every later one (upstream scoring.go PreScore: an empty topologyScore skips).
const preferredSelfAntiAffinity = `
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname}}`;
const preferredSelfAffinity = `
        podAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {app: web}}, topologyKey: topology.kubernetes.io/zone}}`;

/** A Deployment of pods labelled `app: web` in `default`, with `extra` lines at the end of its pod spec. */
function webDeployment(options: { name?: string; replicas: number; cpu?: string; memory: string; extra?: string }): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${options.name ?? 'web'}, namespace: default}
spec:
  replicas: ${options.replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, resources: {requests: {cpu: ${options.cpu ?? '100m'}, memory: ${options.memory}}}}]${options.extra ?? ''}`;
}

const WEB_ZONE_SPREAD = `
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}`;

/** The snapshot of `yaml` and the PodInfo of its (first) Deployment's pods. */
function snapshotAndPod(yaml: string) {
  const objects = objectsFromYaml(yaml);
  const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
  const deployment = objects.map(toWorkload).find((w): w is Workload => w?.kind === 'Deployment');
  if (!deployment) throw new Error('no workload');
  return { snapshot, pod: buildPodInfo(podSourceOfWorkload(deployment, snapshot.controllers), snapshot.podOptions, []) };
}

describe('placeAll', () => {
  it.each([
    ['with per-node filters and scores', workload],
    ['with a PodTopologySpread constraint (one queue per domain)', `${labelled}${spread}`],
    ['with the system default spreading (buckets by hostname count and zone)', owned],
    ['with a ScheduleAnyway constraint (nodes without the zone label ignored)', `${labelled}${scheduleAnyway}`],
    ['with hostname-only required anti-affinity (node-local) and default spreading', `${owned.replace(/\n {6}affinity:[^]*$/, '')}${hostnameAntiAffinity}`],
    ['with preferred anti-affinity to its own replicas (scored from the second replica on)', `${labelled}${preferredSelfAntiAffinity}`],
    ['with preferred affinity to its own replicas and default spreading', `${owned}${preferredSelfAffinity}`],
  ])('places the replicas of one pod exactly as rescoring every node for each replica would, %s', (_name, yaml) => {
    const objects = objectsFromYaml(`${cluster()}\n---${yaml}`);
    const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
    const deployment = objects.map(toWorkload).find((w): w is Workload => w !== undefined);
    if (!deployment) throw new Error('no workload');
    const pod = buildPodInfo(podSourceOfWorkload(deployment, snapshot.controllers), snapshot.podOptions, []);
    const together: PlacementRequest[] = [{ pods: [{ pod, replicas: 130 }], priority: 0 }];
    const oneByOne: PlacementRequest[] = Array.from({ length: 130 }, () => ({ pods: [{ pod, replicas: 1 }], priority: 0 }));
    const queued = placeAll(together, snapshot).outcomes[0];
    const merged: Record<string, number> = {};
    let unschedulable = 0;
    for (const outcome of placeAll(oneByOne, snapshot).outcomes) {
      for (const [name, count] of Object.entries(outcome.nodes)) merged[name] = (merged[name] ?? 0) + count;
      unschedulable += outcome.unschedulable;
    }
    expect(queued?.nodes).toEqual(merged);
    expect(queued?.unschedulable).toBe(unschedulable);
    expect(unschedulable).toBeGreaterThan(0);
  });
});

describe('placeAll with DoNotSchedule spreading and a normalised score', () => {
  const node = (name: string, zone: string, tier: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}, topology.kubernetes.io/zone: ${zone}, tier: ${tier}}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}`;
  const yaml = [
    node('a', 'z0', 't2'),
    node('b', 'z1', 't1'),
    node('c', 'z1', 't0'),
    `apiVersion: v1
kind: Pod
metadata: {name: busy, namespace: default}
spec: {nodeName: b, containers: [{name: c, resources: {requests: {cpu: 2800m, memory: 5734Mi}}}]}`,
    webDeployment({ replicas: 2, memory: '128Mi', extra: `${WEB_ZONE_SPREAD}
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 10, preference: {matchExpressions: [{key: tier, operator: In, values: [t1]}]}}
            - {weight: 30, preference: {matchExpressions: [{key: tier, operator: In, values: [t2]}]}}` }),
  ].join('\n---\n');

  // The second replica cannot go to z0 again (skew): among b and c, NodeAffinity is normalised by b's 10, not by a's
  // 30, which gives b 100 (x2) and outweighs its load; normalised by 30 it would lose to the empty c.
  it('normalises by the maximum of the nodes the spreading leaves, as kube-scheduler does each cycle', () => {
    const { snapshot, pod } = snapshotAndPod(yaml);
    const together = placeAll([{ pods: [{ pod, replicas: 2 }], priority: 0 }], snapshot).outcomes[0];
    const oneByOne = placeAll([0, 1].map(() => ({ pods: [{ pod, replicas: 1 }], priority: 0 })), snapshot).outcomes;
    expect(together?.nodes).toEqual({ a: 1, b: 1 });
    expect(oneByOne.map((o) => o.nodes)).toEqual([{ a: 1 }, { b: 1 }]);
  });
});

describe('placeAll with a cached PreFilter state used again later', () => {
  const nodes = Array.from({ length: 30 }, (_, i) => `apiVersion: v1
kind: Node
metadata: {name: n${String(i).padStart(2, '0')}, labels: {kubernetes.io/hostname: n${i}, topology.kubernetes.io/zone: z${i % 3}}}
status: {allocatable: {cpu: "${8 + (i % 4) * 8}", memory: 64Gi, pods: "110"}}`);
  const deployment = (name: string, replicas: number, cpu: string, spread: boolean, zone?: string) => {
    const selector = zone ? `
      nodeSelector: {topology.kubernetes.io/zone: ${zone}}` : '';
    const hostname = `
        - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}`;
    return webDeployment({ name, replicas, cpu, memory: '16Mi', extra: `${selector}${spread ? `${WEB_ZONE_SPREAD}${hostname}` : ''}` });
  };

  // Two Deployments with one pod template share their PreFilter state; between them another one binds `between` pods
  // the spreading counts, all in one zone, which the state catches up with (or, beyond what the log keeps, is
  // prepared again): the second then keeps out of that zone.
  it.each([[40], [1500]])('places the second as on the nodes the first two left (%i pods bound in between)', (between) => {
    const yaml = [...nodes, deployment('a', 7, '10m', true), deployment('b', between, '20m', false, 'z0'), deployment('a-copy', 20, '10m', true)].join('\n---\n');
    const objects = objectsFromYaml(yaml);
    const snapshot = toSchedulerSnapshot(toClusterSnapshot(objects), 35);
    const requests: PlacementRequest[] = objects.map(toWorkload).flatMap((w) => (w?.kind === 'Deployment' ? [w] : [])).map((w) => {
      const pod = buildPodInfo(podSourceOfWorkload(w, snapshot.controllers), snapshot.podOptions, []);
      return { pods: [{ pod, replicas: Number((w.object.value['spec'] as { replicas: number }).replicas) }], priority: 0 };
    });
    const [first, second, third] = requests;
    if (!first || !second || !third) throw new Error('no workloads');
    expect(first.pods[0]?.pod.signature).toBe(third.pods[0]?.pod.signature);
    const together = placeAll(requests, snapshot).outcomes[2];
    const apart = placeAll([third], snapshot, placeAll([first, second], snapshot).nodes).outcomes[0];
    // each node's verdict for the first replica that failed (parts list their members in no particular order)
    const verdicts = (outcome: typeof together) =>
      Object.fromEntries((outcome?.failure ?? []).flatMap((part) => [...part.members].map((node) => [node, part.reasons?.join(', ')])));
    expect({ ...together, failure: verdicts(together) }).toEqual({ ...apart, failure: verdicts(apart) });
    expect(together?.nodes).not.toEqual({});
  });
});

describe('placeAll with nodes that share a hostname label', () => {
  // Two nodes labelled with one hostname are one domain of a hostname spread constraint (the label, not the node):
  // a replica on either counts for both.
  it('places DoNotSchedule hostname spreading as one pod at a time does', () => {
    const node = (name: string, hostname: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${hostname}, topology.kubernetes.io/zone: z0}}
status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}`;
    const running = (name: string, nodeName: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, labels: {app: web}}
spec: {nodeName: ${nodeName}, containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]}`;
    // a running replica on n2 (and one on n4) makes n2 a node of its own for placement
    const busy = `apiVersion: v1
kind: Pod
metadata: {name: busy, namespace: default, labels: {app: other}}
spec: {nodeName: n5, containers: [{name: c, resources: {requests: {cpu: "4", memory: 8Gi}}}]}`;
    // n1 and n3 are alike but for hostname; n5 is loaded, so that n3 scores best among the nodes left for a replica
    const yaml = [node('n1', 'shared'), node('n2', 'shared'), node('n3', 'n3'), node('n4', 'n4'), node('n5', 'n5'), running('old-0', 'n2'), running('old-1', 'n4'), busy, webDeployment({ replicas: 9, memory: '64Mi', extra: `
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}` })].join('\n---\n');
    const { snapshot, pod } = snapshotAndPod(yaml);
    // every count of replicas: the order they land in matters, not only where all of them end up
    for (const replicas of [2, 3, 5, 9]) {
      const together = placeAll([{ pods: [{ pod, replicas }], priority: 0 }], snapshot).outcomes[0];
      const merged: Record<string, number> = {};
      for (const outcome of placeAll(Array.from({ length: replicas }, () => ({ pods: [{ pod, replicas: 1 }], priority: 0 })), snapshot).outcomes) {
        for (const [name, count] of Object.entries(outcome.nodes)) merged[name] = (merged[name] ?? 0) + count;
      }
      expect(together?.nodes).toEqual(merged);
    }
    // the first replica goes to n3, the emptiest node whose domain counts none; the replica queue picks it too
    expect(placeAll([{ pods: [{ pod, replicas: 1 }], priority: 0 }], snapshot).outcomes[0]?.nodes).toEqual({ n3: 1 });
    const nodes = new NodeClasses(snapshot.nodes);
    const cluster = nodes.clusterState(snapshot.namespaceLabels, snapshot.minor, { storage: snapshot.storage });
    const queue = ReplicaQueue.build(runPreFilters(pod, cluster), nodes, cluster);
    expect(queue && nodes.nodes[queue.next() ?? -1]?.name).toBe('n3');
  });
});
