import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classKey, NodeClasses, snapshotOf, specId, type ClassSpec, type NodeClass } from './node-classes.js';
import { addPodToNode, HOSTNAME_LABEL, removePodsFromNode, type NodeInfo } from './node-info.js';
import { podLabelKey } from './pod-label-counts.js';
import { nodeInfoOf, podInfoOf } from './test-support.js';

const ZONE = 'topology.kubernetes.io/zone';
const POOL = 'example.com/pool';

/** A small pool of distinct nodes; the generated clusters repeat them under many names, as node pools do. */
const TEMPLATES: readonly NodeInfo[] = [0, 1, 2, 3, 4, 5].map((i) =>
  nodeInfoOf({
    labels: { ...(i % 3 !== 2 && { [ZONE]: `z${i % 2}` }), [POOL]: `p${i % 3}` },
    allocatable: { cpu: String(2 + (i % 2)), memory: '8Gi', pods: '110' },
    ...(i === 5 && { taints: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }] }),
  }),
);

const POD = podInfoOf({ containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] });

/** A node of template `template` named `node-<index>`, with or without the hostname label. */
function named(template: number, index: number, hostname: boolean): NodeInfo {
  const base = TEMPLATES[template] ?? TEMPLATES[0];
  if (!base) throw new Error('no template');
  const name = `node-${String(index).padStart(3, '0')}`;
  return { ...base, name, labels: { ...base.labels, ...(hostname && { [HOSTNAME_LABEL]: name }) } };
}

const nodesArb = fc.array(fc.tuple(fc.nat({ max: TEMPLATES.length - 1 }), fc.boolean()), { minLength: 1, maxLength: 40 });
const specArb: fc.Arbitrary<ClassSpec> = fc.record({
  keys: fc.subarray([HOSTNAME_LABEL, POOL, ZONE, 'absent']),
  usesName: fc.boolean(),
  images: fc.option(fc.constant(['img:1']), { nil: undefined }),
  ignoresUsage: fc.option(fc.constant(true), { nil: undefined }),
});

/** The per-node definition: every node keyed by classKey, classes in the order of their first member. */
function expectedClasses(nodes: readonly NodeInfo[], spec: ClassSpec): NodeClass[] {
  const byKey = new Map<string, NodeClass>();
  nodes.forEach((node, index) => {
    const key = classKey(node, spec);
    const nodeClass = byKey.get(key);
    if (nodeClass) nodeClass.members.push(index);
    else byKey.set(key, { key, members: [index] });
  });
  return [...byKey.values()];
}

/** The classes as NodeClass says them (a grouping's classes also carry the tail of their key). */
function keysAndMembers(classes: Iterable<NodeClass>): NodeClass[] {
  return [...classes].map(({ key, members }) => ({ key, members }));
}

describe('NodeClasses', () => {
  it('groups nodes as the per-node class keys do, also from base classes and after nodes change', () => {
    fc.assert(
      fc.property(nodesArb, fc.array(specArb, { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), specArb, (shape, early, binds, late) => {
        const nodes = shape.map(([template, hostname], index) => named(template, index, hostname));
        const classes = new NodeClasses(nodes);
        // member lists handed out as snapshots (a pod's verdict parts) stay as they were while the classes change
        const snapshots = early.flatMap((spec) => [...classes.classes(spec)].map((c) => ({ kept: snapshotOf(c.members), was: [...c.members] })));
        for (const bind of binds) {
          const index = bind % nodes.length;
          const node = classes.nodes[index];
          if (node) classes.replace(index, addPodToNode(node, POD));
        }
        const current = classes.nodes;
        // a grouping built after the changes lists its classes in order of their first member
        const fresh = !early.some((spec) => specId(spec) === specId(late));
        if (fresh) expect(keysAndMembers(classes.classes(late))).toEqual(expectedClasses(current, late));
        // groupings built before the changes followed them (their class order may differ)
        for (const spec of [...early, late]) {
          const byKey = (list: NodeClass[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));
          expect(byKey(keysAndMembers(classes.classes(spec)))).toEqual(byKey(expectedClasses(current, spec)));
          current.forEach((node, index) => expect(classes.classKeyOf(spec, index)).toBe(classKey(node, spec)));
        }
        for (const { kept, was } of snapshots) expect(kept).toEqual(was);
      }),
      { numRuns: 300 },
    );
  });

  it('merges base classes afresh for a grouping built after a node changed (no union made before it)', () => {
    const zoned = (name: string, zone: string) => nodeInfoOf({ name, labels: { [ZONE]: zone, [POOL]: 'p0' }, allocatable: { cpu: '4', memory: '8Gi', pods: '110' } });
    const classes = new NodeClasses([zoned('a', 'z0'), zoned('b', 'z1'), zoned('c', 'z0'), zoned('d', 'z1')]);
    // both groupings merge the two zones' base classes: the first before the bind, the second after it
    expect([...classes.classes({ keys: [], usesName: false })].map((c) => c.members)).toEqual([[0, 1, 2, 3]]);
    const bound = classes.nodes[0];
    if (bound) classes.replace(0, addPodToNode(bound, POD));
    expect([...classes.classes({ keys: [POOL], usesName: false })].map((c) => c.members)).toEqual([[0], [1, 2, 3]]);
    expect([...classes.classes({ keys: [], usesName: false })].map((c) => c.members).sort()).toEqual([[0], [1, 2, 3]]);
  });

  it('puts identical nodes of a pool in one class whatever their names and hostnames', () => {
    const nodes = [0, 1, 2].flatMap((i) => [named(0, 2 * i, true), named(1, 2 * i + 1, true)]);
    const classes = [...new NodeClasses(nodes).classes({ keys: [ZONE], usesName: false })];
    expect(classes.map((c) => c.members)).toEqual([[0, 2, 4], [1, 3, 5]]);
  });
});

const web = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'web', namespace: 'apps', labels: { app: 'web' } });
const db = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'db', namespace: 'apps', labels: { app: 'db', tier: 'data' } });
const other = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'web', namespace: 'other', labels: { app: 'web' } });

/** The index the slow way: every node whose podLabelCounts has the key. */
function holdersOf(nodes: readonly NodeInfo[], namespace: string, key: string, value: string): number[] {
  return nodes.flatMap((node, i) => (node.podLabelCounts.has(podLabelKey(namespace, key, value)) ? [i] : []));
}

describe('NodeClasses.podLabelHolders', () => {
  it('follows binds, evictions and nodes put back as they were', () => {
    const start = [nodeInfoOf({ name: 'a' }, [web]), nodeInfoOf({ name: 'b' }), nodeInfoOf({ name: 'c' }, [other])];
    const nodes = new NodeClasses(start);
    const check = () => {
      for (const [namespace, key, value] of [['apps', 'app', 'web'], ['apps', 'app', 'db'], ['apps', 'tier', 'data'], ['other', 'app', 'web']] as const) {
        expect([...nodes.podLabelHolders(namespace, key, value)].sort(), `${namespace}/${key}=${value}`).toEqual(holdersOf(nodes.nodes, namespace, key, value));
      }
    };
    check();
    nodes.replace(1, addPodToNode(nodes.nodes[1] ?? start[1]!, db));
    nodes.replace(0, addPodToNode(nodes.nodes[0] ?? start[0]!, db));
    check();
    nodes.replace(0, removePodsFromNode(nodes.nodes[0]!, [web]));
    check();
    // One pod more than before, but not appended (a probe's evictions undone): [db] → [web, db].
    nodes.replace(0, nodeInfoOf({ name: 'a' }, [web, db]));
    check();
    start.forEach((node, i) => nodes.replace(i, node));
    check();
  });
});

const repelling = podInfoOf(
  {
    containers: [{ name: 'c' }],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOSTNAME_LABEL, labelSelector: { matchLabels: { app: 'cache' } } }] } },
  },
  { name: 'cache', namespace: 'apps', labels: { app: 'cache' } },
);

describe('NodeClasses.clusterState', () => {
  it('lists the nodes with (anti-)affinity pods as filtering every node does, through binds, evictions and restores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 })), { maxLength: 30 }), (steps) => {
        const start = [nodeInfoOf({ name: 'a' }), nodeInfoOf({ name: 'b' }, [repelling]), nodeInfoOf({ name: 'c' }, [web])];
        const nodes = new NodeClasses(start);
        const cluster = nodes.clusterState(new Map(), 35);
        for (const [node, action] of steps) {
          const index = node % start.length;
          const current = nodes.nodes[index];
          if (!current) continue;
          if (action === 0) nodes.replace(index, addPodToNode(current, repelling));
          else if (action === 1) nodes.replace(index, addPodToNode(current, web));
          else nodes.replace(index, node === 3 ? (start[index] ?? current) : removePodsFromNode(current, [repelling]));
          expect(cluster.nodesWithRequiredAntiAffinityPods()).toEqual(nodes.nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0));
          expect(cluster.nodesWithAffinityPods()).toEqual(nodes.nodes.filter((n) => n.podsWithAffinity.length > 0));
        }
      }),
      { numRuns: 200 },
    );
  });
});
