// Scoring by node class (selectHost scores one node per class of nodes the filters and the active scores cannot tell
// apart) against scoring every feasible node on its own, as kube-scheduler does, over generated clusters: node labels
// that some scores read and others do not, PreferNoSchedule taints, images, bound pods (terminating ones too, and ones
// with preferred affinity), and an incoming pod with any mix of the default profile's scores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreEachNode, scoreNodes, selectedNode, type Value } from './integration-test-support.js';
import { DEFAULT_PROFILES } from './profile/profile.js';

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

const nodeShape = fc.record({
  zone: fc.constantFrom('z0', 'z1', undefined),
  hostnamed: fc.constantFrom(true, true, true, false),
  tier: fc.constantFrom('t0', 't1', undefined),
  rack: fc.constantFrom('r0', 'r1', 'r2', undefined),
  prefer: fc.constantFrom(undefined, undefined, 'spot'),
  cpu: fc.constantFrom('2', '4'),
  image: fc.constantFrom(undefined, 'big:1', 'small:1'),
  pods: fc.array(fc.record({ app: fc.constantFrom('a', 'b', 'c'), cpu: fc.constantFrom('0', '100m', '500m'), terminating: fc.constantFrom(false, false, false, true), prefer: fc.constantFrom(undefined, undefined, 'a', 'b') }), { maxLength: 3 }),
});

const podShape = fc.record({
  app: fc.constantFrom('a', 'b', 'c'),
  cpu: fc.constantFrom(undefined, '0', '200m'),
  nodePreference: fc.constantFrom(undefined, 't1', 'r1'),
  affinity: fc.constantFrom(undefined, { app: 'a', key: ZONE }, { app: 'b', key: HOSTNAME }, { app: 'a', key: 'rack' }),
  antiAffinity: fc.constantFrom(undefined, { app: 'a', key: ZONE }, { app: 'c', key: HOSTNAME }, { app: 'b', key: 'rack' }),
  spread: fc.constantFrom(undefined, ZONE, HOSTNAME, 'rack', 'both'),
  service: fc.boolean(),
  tolerate: fc.boolean(),
  image: fc.constantFrom(undefined, 'big:1', 'small:1'),
});

const clusterShape = fc.record({ nodes: fc.array(nodeShape, { minLength: 1, maxLength: 10 }), pod: podShape });
type Shape = typeof clusterShape extends fc.Arbitrary<infer T> ? T : never;

const term = (app: string, topologyKey: string) => ({ weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey } });
const soft = (topologyKey: string, app: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app } } });

function docsOf(shape: Shape): Value[] {
  const docs: Value[] = [];
  shape.nodes.forEach((n, i) => {
    const name = `node-${String(i).padStart(2, '0')}`;
    const labels = { ...(n.zone && { [ZONE]: n.zone }), ...(n.hostnamed && { [HOSTNAME]: name }), ...(n.tier && { tier: n.tier }), ...(n.rack && { rack: n.rack }) };
    docs.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels },
      spec: n.prefer ? { taints: [{ key: n.prefer, value: 'true', effect: 'PreferNoSchedule' }] } : {},
      status: { allocatable: { cpu: n.cpu, memory: '8Gi', pods: '20' }, ...(n.image && { images: [{ names: [n.image], sizeBytes: n.image.startsWith('big') ? 900 * 1024 * 1024 : 60 * 1024 * 1024 }] }) },
    });
    n.pods.forEach((p, j) => {
      docs.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${name}-${j}`, namespace: 'default', labels: { app: p.app }, ...(p.terminating && { deletionTimestamp: '2026-01-01T00:00:00Z' }) },
        spec: {
          nodeName: name,
          containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: p.cpu } } }],
          ...(p.prefer && { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(p.prefer, ZONE)] } } }),
        },
        status: { phase: 'Running' },
      });
    });
  });
  const p = shape.pod;
  const affinity: Value = {
    ...(p.nodePreference && {
      nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, preference: { matchExpressions: [{ key: p.nodePreference.startsWith('t') ? 'tier' : 'rack', operator: 'In', values: [p.nodePreference] }] } }] },
    }),
    ...(p.affinity && { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(p.affinity.app, p.affinity.key)] } }),
    ...(p.antiAffinity && { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(p.antiAffinity.app, p.antiAffinity.key)] } }),
  };
  const spread = p.spread === undefined ? [] : p.spread === 'both' ? [soft(ZONE, p.app), soft(HOSTNAME, p.app)] : [soft(p.spread, p.app)];
  if (p.service) docs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: p.app } } });
  docs.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'incoming', namespace: 'default', labels: { app: p.app } },
    spec: {
      containers: [{ name: 'c', image: p.image ?? 'x', ...(p.cpu !== undefined && { resources: { requests: { cpu: p.cpu } } }) }],
      ...(Object.keys(affinity).length > 0 && { affinity }),
      ...(spread.length > 0 && { topologySpreadConstraints: spread }),
      ...(p.tolerate && { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }] }),
    },
  });
  return docs;
}

describe('scoring by node class', () => {
  it('gives every feasible node the total that scoring it on its own gives', () => {
    fc.assert(
      fc.property(clusterShape, (shape) => {
        const docs = docsOf(shape);
        expect(scoreNodes(docs, DEFAULT_PROFILES)).toEqual(scoreEachNode(docs, DEFAULT_PROFILES));
      }),
      { numRuns: 150, seed: 20_261_203 },
    );
  });

  const apart = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term('web', HOSTNAME)] } };
  it.each([
    ['the spreading counts', { topologySpreadConstraints: [soft(HOSTNAME, 'web')] }],
    ['a preferred anti-affinity term matches', { affinity: apart }],
  ])('tells a node holding a pod %s from a node alike but for that pod', (_name, incoming) => {
    const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { [HOSTNAME]: name, [ZONE]: 'z0' } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '20' } } });
    const pod = (name: string, app: string, spec: Value) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app } },
      spec: { ...spec, containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' } } }] },
      ...(spec['nodeName'] !== undefined && { status: { phase: 'Running' } }),
    });
    // node-a and node-b are one class (equal labels and usage); only node-a holds a pod of app web
    const docs = [node('node-a'), node('node-b'), pod('a-0', 'web', { nodeName: 'node-a' }), pod('b-0', 'other', { nodeName: 'node-b' }), pod('incoming', 'web', incoming)];
    expect(selectedNode(docs, DEFAULT_PROFILES)).toBe('node-b');
  });

  // kube-scheduler's InterPodAffinity PreScore visits every pod, terminating ones too (the pod-label index leaves them out)
  it('counts a terminating pod that a preferred anti-affinity term matches', () => {
    const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { [HOSTNAME]: name } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '20' } } });
    const leaving = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'old', namespace: 'default', labels: { app: 'web' }, deletionTimestamp: '2026-01-01T00:00:00Z' }, spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'x' }] } };
    const incoming = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'incoming', namespace: 'default', labels: { app: 'web' } }, spec: { affinity: apart, containers: [{ name: 'c', image: 'x' }] } };
    // node-b holds a pod as large that the term does not match: the nodes differ in that term alone
    const other = { ...leaving, metadata: { name: 'other', namespace: 'default', labels: { app: 'other' } }, spec: { ...leaving.spec, nodeName: 'node-b' } };
    const docs = [node('node-a'), node('node-b'), leaving, other, incoming];
    const totals = scoreEachNode(docs, DEFAULT_PROFILES);
    expect(totals['node-a']).toBeLessThan(totals['node-b'] ?? 0);
    expect(selectedNode(docs, DEFAULT_PROFILES)).toBe('node-b');
  });

  // selectHost scores fewer candidates still where hostname reaches the scores only through spreading's count of
  // matching pods per node: one per class for the nodes holding none.
  it('picks the node with the highest total of scoring each node on its own, the first by name among equals', () => {
    fc.assert(
      fc.property(clusterShape, (shape) => {
        // every node labelled with its hostname, as that path needs
        const docs = docsOf({ ...shape, nodes: shape.nodes.map((node) => ({ ...node, hostnamed: true })) });
        const totals = Object.entries(scoreEachNode(docs, DEFAULT_PROFILES));
        const best = Math.max(...totals.map(([, total]) => total));
        expect(selectedNode(docs, DEFAULT_PROFILES)).toBe(totals.find(([, total]) => total === best)?.[0]);
      }),
      { numRuns: 300, seed: 20_261_204 },
    );
  });
});
