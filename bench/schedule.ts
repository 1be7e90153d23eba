// Timing of the scheduling dry-run on generated clusters (not a test): `npm run bench`.
import { performance } from 'node:perf_hooks';
import { toClusterSnapshot } from '../src/model/cluster.js';
import type { KubeObject } from '../src/model/object.js';
import { toWorkload, type Workload } from '../src/model/workload.js';
import { scheduleWorkloads } from '../src/schedule/schedule.js';
import { objectsFromYaml } from '../src/schedule/test-support.js';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const TYPES = [
  { type: 'm5.xlarge', cpu: '4', memory: '15Gi' },
  { type: 'm5.2xlarge', cpu: '8', memory: '31Gi' },
  { type: 'c5.4xlarge', cpu: '16', memory: '30Gi' },
  { type: 'r5.2xlarge', cpu: '8', memory: '63Gi' },
];

function nodes(count: number): object[] {
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % TYPES.length] ?? TYPES[0];
    const name = `node-${String(i).padStart(5, '0')}`;
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': ZONES[i % 3], 'node.kubernetes.io/instance-type': type?.type, pool: i % 10 === 0 ? 'batch' : 'general' },
      },
      spec: i % 50 === 0 ? { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] } : {},
      status: { allocatable: { cpu: type?.cpu, memory: type?.memory, pods: '110' } },
    };
  });
}

/** Distinct pod templates: names, labels and requests differ; some select pools, tolerate taints or spread by zone. */
function deployments(count: number, replicas: number): object[] {
  return Array.from({ length: count }, (_, i) => {
    const spec: Record<string, unknown> = {
      containers: [{ name: 'app', resources: { requests: { cpu: `${50 + (i % 40) * 10}m`, memory: `${64 + (i % 32) * 16}Mi` } } }],
    };
    if (i % 5 === 0) spec['nodeSelector'] = { pool: i % 10 === 0 ? 'batch' : 'general' };
    if (i % 7 === 0) spec['tolerations'] = [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }];
    if (i % 11 === 0) {
      spec['topologySpreadConstraints'] = [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: `app-${i}` } } },
      ];
    }
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace: `team-${i % 20}` },
      spec: { replicas, selector: { matchLabels: { app: `app-${i}` } }, template: { metadata: { labels: { app: `app-${i}`, tier: `t${i % 3}` } }, spec } },
    };
  });
}

function load(values: readonly object[]): KubeObject[] {
  return objectsFromYaml(values.map((value) => JSON.stringify(value)).join('\n---\n'), 'bench.yaml');
}

function measure(label: string, nodeCount: number, workloadCount: number, replicas: number): void {
  const objects = [...load(nodes(nodeCount)), ...load(deployments(workloadCount, replicas))];
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined);
  const cluster = toClusterSnapshot(objects);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const output = scheduleWorkloads(workloads, cluster, { kubernetesVersion: undefined, drain: [] });
  const cpu = process.cpuUsage(cpuStart);
  const elapsed = performance.now() - start;
  const placed = output.results.reduce((sum, r) => sum + Object.values(r.placement.nodes).reduce((a, b) => a + b, 0), 0);
  const unschedulable = output.results.reduce((sum, r) => sum + r.placement.unschedulable, 0);
  // CPU time is reported beside wall time because a busy machine inflates the latter.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`${label}: ${elapsed.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms cpu (${placed} placed, ${unschedulable} unschedulable)`);
}

const only = process.argv[2];
if (!only || only === 'feasibility') measure('feasibility: 1,000 distinct pods x 5,000 nodes', 5000, 1000, 0);
if (!only || only === 'one') measure('feasibility and placement: 1,000 distinct pods x 5,000 nodes, 1 replica each', 5000, 1000, 1);
if (only === 'small') measure('placement: 5,000 replicas (500 workloads x 10) on 5,000 nodes', 5000, 500, 10);
if (!only || only === 'placement') measure('placement: 50,000 replicas (500 workloads x 100) on 5,000 nodes', 5000, 500, 100);
