import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNodesThatFit, statusOf } from './feasibility.js';
import { NodeClasses } from './node-classes.js';
import { addPodToNode, HOSTNAME_LABEL, type NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { filterNode, runPreFilters } from './run-filters.js';
import { nodeInfoOf, podInfoOf, type NodeSpec } from './test-support.js';

const ZONE = 'topology.kubernetes.io/zone';
const POOL = 'example.com/pool';

/** Node pools: taints, cordons, labels and sizes the usage-free plugins and NodeResourcesFit tell apart. */
const NODE_POOLS: readonly NodeSpec[] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
  labels: { [ZONE]: `z${i % 2}`, [POOL]: `p${i % 3}` },
  allocatable: { cpu: String(1 + (i % 3)), memory: '4Gi', pods: String(3 + (i % 2)) },
  ...(i % 4 === 3 && { taints: [{ key: 'dedicated', value: `p${i % 3}`, effect: 'NoSchedule' }] }),
  ...(i === 6 && { unschedulable: true }),
}));

/** Pending and placed pods: requests, tolerations, node selectors, node affinity, host ports. */
const PODS: readonly PodInfo[] = [
  podInfoOf({ containers: [{ name: 'c', resources: { requests: { cpu: '600m' } } }] }),
  podInfoOf({ containers: [{ name: 'c', resources: { requests: { cpu: '1', memory: '1Gi' } } }], nodeSelector: { [POOL]: 'p1' } }),
  podInfoOf({
    containers: [{ name: 'c', resources: { requests: { cpu: '200m' } }, ports: [{ containerPort: 80, hostPort: 8080 }] }],
    tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
  }),
  podInfoOf({
    containers: [{ name: 'c', resources: { requests: { memory: '3Gi' } } }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: 'In', values: ['z1'] }] }] } } },
  }),
  podInfoOf({ containers: [{ name: 'c' }], tolerations: [{ operator: 'Exists' }] }),
  // InterPodAffinity: hostname affinity to app=a pods (none may be placed yet); zone anti-affinity against itself
  podInfoOf(
    { containers: [{ name: 'c' }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'a' } }, topologyKey: HOSTNAME_LABEL }] } } },
    { labels: { app: 'b' } },
  ),
  podInfoOf(
    { containers: [{ name: 'c' }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'a' } }, topologyKey: ZONE }] } } },
    { labels: { app: 'a' } },
  ),
  // zone anti-affinity against app=b pods, which have no anti-affinity of their own
  podInfoOf(
    { containers: [{ name: 'c' }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'b' } }, topologyKey: ZONE }] } } },
    { labels: { app: 'c' } },
  ),
  // a terminating app=b pod (pod affinity and anti-affinity count it; spreading does not)
  podInfoOf({ containers: [{ name: 'c' }] }, { labels: { app: 'b' }, deletionTimestamp: '2026-12-04T00:00:00Z' }),
];

function nodeOf(pool: number, index: number): NodeInfo {
  const spec = NODE_POOLS[pool] ?? NODE_POOLS[0];
  if (!spec) throw new Error('no pool');
  const name = `node-${String(index).padStart(3, '0')}`;
  // the zone by index, so that the nodes of one pool sit in different zones
  return nodeInfoOf({ ...spec, name, labels: { ...spec.labels, [HOSTNAME_LABEL]: name, [ZONE]: `z${index % 3}` } });
}

describe('findNodesThatFit', () => {
  it('gives every node once the verdict of running the filters on that node alone, also after pods fragment the classes', () => {
    const indexArb = fc.nat({ max: PODS.length - 1 });
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: NODE_POOLS.length - 1 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), indexArb), { maxLength: 25 }),
        indexArb,
        (pools, binds, pending) => {
          const classes = new NodeClasses(pools.map(nodeOf));
          const cluster = classes.clusterState(new Map(), 35);
          for (const [at, pod] of binds) {
            const index = at % pools.length;
            const node = classes.nodes[index];
            const placed = PODS[pod];
            if (node && placed) classes.replace(index, addPodToNode(node, placed));
          }
          const pod = PODS[pending];
          if (!pod) return;
          const prepared = runPreFilters(pod, cluster);
          const feasibility = findNodesThatFit(prepared, classes);
          classes.nodes.forEach((node, index) => expect(statusOf(feasibility, index)).toEqual(filterNode(prepared, node)));
          // the verdicts partition the nodes: each node listed once
          const listed = feasibility.verdicts.flatMap((verdict) => verdict.members).sort((a, b) => a - b);
          expect(listed).toEqual(classes.nodes.map((_, index) => index));
        },
      ),
      { numRuns: 300 },
    );
  });
});
