// Port of test/integration/scheduler/scoring/priorities_test.go (kubernetes/kubernetes, newest stored version): the
// whole scheduler places pods, and each lands on one of upstream's expected nodes. Upstream enables only the score
// plugin under test; kubefit runs the default profile, so the other scores must tie, and they do: the nodes are
// upstream's st.MakeNode() (32 pods, nothing else allocatable) and the pods are pause pods without requests.
// TestNodeResourcesScoring runs both strategies with upstream's initTestSchedulerForNodeResourcesTest profile (cpu 1,
// memory 1, example.com/gpu 2). Skipped: the case with MatchLabelKeysInPodTopologySpread disabled (the gate is GA).
import { describe, expect, it } from 'vitest';
import { node, place, pod, type Value } from './integration-test-support.js';
import { readSchedulerConfiguration } from './profile/scheduler-configuration.js';
import { NEWEST_MINOR } from './version.js';

type Labels = Readonly<Record<string, string>>;

function expectOne(docs: readonly Value[], expected: readonly string[], profiles?: Parameters<typeof place>[1]): void {
  const [placed] = place(docs, profiles);
  expect(expected).toContain(placed);
}

/** initTestSchedulerForNodeResourcesTest: NodeResourcesFit's strategy over cpu 1, memory 1, example.com/gpu 2. */
function nodeResourcesProfile(strategy: string) {
  const config = {
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    profiles: [{
      schedulerName: 'default-scheduler',
      pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: strategy, resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }, { name: 'example.com/gpu', weight: 2 }] } } }],
    }],
  };
  return readSchedulerConfiguration(JSON.stringify(config), 'test.json', NEWEST_MINOR).profiles;
}

describe('TestNodeResourcesScoring (upstream test/integration/scheduler/scoring)', () => {
  it.each([
    ['with least allocated strategy, take existing sidecars into consideration', 'LeastAllocated', 'node-2'],
    ['with most allocated strategy, take existing sidecars into consideration', 'MostAllocated', 'node-1'],
  ])('%s', (_name, strategy, expected) => {
    const requests = { cpu: '2', memory: '4G', 'example.com/gpu': '1' };
    const capacity = { cpu: '8', memory: '16G', 'example.com/gpu': '4' };
    const container = (name: string) => ({ name, image: 'registry.k8s.io/pause:3.10', resources: { requests, limits: { 'example.com/gpu': '1' } } });
    const sidecar = { name: 'sidecar', image: 'registry.k8s.io/pause:3.10', restartPolicy: 'Always', resources: { requests: { cpu: '2', memory: '2G' } } };
    expectOne(
      [
        node({ name: 'node-1', capacity }),
        node({ name: 'node-2', capacity }),
        pod({ name: 'existing-pod-1', node: 'node-1', spec: { containers: [container('c')], initContainers: [sidecar] } }),
        pod({ name: 'existing-pod-2', node: 'node-2', spec: { containers: [container('c')] } }),
        pod({ name: 'pod', spec: { containers: [container('c')] } }),
      ],
      [expected],
      nodeResourcesProfile(strategy),
    );
  });
});

describe('TestNodeAffinityScoring (upstream test/integration/scheduler/scoring)', () => {
  it('the pod lands on the one node its preferred term matches', () => {
    const preference = { matchExpressions: [{ key: 'kubernetes.io/node-topologyKey', operator: 'In', values: ['topologyvalue'] }] };
    expectOne(
      [
        ...[0, 1, 2, 3].map((i) => node({ name: `testnode-${i}` })),
        node({ name: 'testnode-4', labels: { 'kubernetes.io/node-topologyKey': 'topologyvalue' } }),
        pod({ name: 'pod-with-node-affinity', spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 20, preference }] } } } }),
      ],
      ['testnode-4'],
    );
  });
});

describe('TestPodAffinityScoring (upstream test/integration/scheduler/scoring)', () => {
  const key = 'node-topologykey';
  const namespaces = ['ns1', 'ns2'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team: 'team1' } } }));
  const nodes = (count: number, others = false) => [
    ...Array.from({ length: count }, (_, i) => node({ name: `node${i + 1}`, labels: { [key]: `topologyvalue${i % (count === 10 ? 5 : 3)}` } })),
    ...(others ? [node({ name: 'other-node1' }), node({ name: 'other-node2' })] : []),
  ];
  const serviceIn = { matchExpressions: [{ key: 'service', operator: 'In', values: ['S1', 'S3'] }] };
  const fooExists = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
  const barHoge = { matchExpressions: [{ key: 'bar', operator: 'In', values: ['hoge'] }] };
  const term = (weight: number, labelSelector: Value, extra: Value = {}) => ({ weight, podAffinityTerm: { topologyKey: key, labelSelector, ...extra } });
  const incoming = (namespace: string, kind: 'podAffinity' | 'podAntiAffinity', terms: readonly Value[], labels: Labels = {}) =>
    pod({ name: 'incoming', namespace, labels, spec: { affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: terms } } } });
  const bound = (labelsByNode: readonly Labels[]) => labelsByNode.map((labels, i) => pod({ name: `pod${i + 1}`, namespace: 'ns1', labels, node: `node${i + 1}` }));
  const attractor = pod({ name: 'attractor-pod', namespace: 'ns1', labels: { service: 'S1' }, node: 'node1' });
  const fooBar = (bar: string): Labels => ({ foo: '', bar });
  /**
   * Upstream's (mis)matchLabelKeys cases: the incoming pod (foo, bar=a) prefers, with weight 50, pods with foo and the
   * keys (not) matching its bar; the affinity cases add a weaker term for bar=hoge. Pods with these bar values are
   * bound to node1, node2, ...; the affinity cases have 6 nodes over 3 topology values.
   */
  const labelKeysCase = (kind: 'affinity' | 'anti affinity', keys: 'matchLabelKeys' | 'mismatchLabelKeys', bars: readonly string[], expected: readonly string[]) => {
    const terms = [term(50, fooExists, { [keys]: ['bar'] }), ...(kind === 'affinity' ? [term(10, barHoge)] : [])];
    const operator = keys === 'matchLabelKeys' ? 'In' : 'NotIn';
    return {
      name: `${kind}: ${keys} is merged into LabelSelector with ${operator} operator`,
      docs: [...nodes(kind === 'affinity' ? 6 : 2), ...bound(bars.map(fooBar)), incoming('ns1', kind === 'affinity' ? 'podAffinity' : 'podAntiAffinity', terms, fooBar('a'))],
      expected,
    };
  };

  it.each([
    { name: 'pod affinity', docs: [...nodes(10, true), attractor, incoming('ns1', 'podAffinity', [term(50, serviceIn)])], expected: ['node1', 'node6'] },
    {
      name: 'pod affinity with namespace selector',
      docs: [...nodes(10, true), attractor, incoming('ns2', 'podAffinity', [term(50, serviceIn, { namespaceSelector: {} })])],
      expected: ['node1', 'node6'],
    },
    labelKeysCase('anti affinity', 'matchLabelKeys', ['fuga', 'a'], ['node1']),
    labelKeysCase('anti affinity', 'mismatchLabelKeys', ['fuga', 'a'], ['node2']),
    labelKeysCase('affinity', 'matchLabelKeys', ['hoge', 'hoge', 'a'], ['node3', 'node6']),
    labelKeysCase('affinity', 'mismatchLabelKeys', ['a', 'a', 'hoge'], ['node3', 'node6']),
  ])('$name', ({ docs, expected }) => expectOne([...namespaces, ...docs], expected));
});

describe('TestTaintTolerationScoring (upstream test/integration/scheduler/scoring)', () => {
  const taint = { key: 'example-key', value: 'example-value', effect: 'PreferNoSchedule' };
  const toleration = (key: string, value: string) => ({ key, operator: 'Equal', value, effect: 'PreferNoSchedule' });
  it.each([
    { name: 'no taints or tolerations', tainted: false, tolerations: [], expected: ['node-1', 'node-2'] },
    { name: "pod with toleration for node's taint", tainted: true, tolerations: [toleration('example-key', 'example-value')], expected: ['node-1', 'node-2'] },
    { name: "pod without toleration for node's taint", tainted: true, tolerations: [toleration('other-key', 'other-value')], expected: ['node-2'] },
  ])('$name', ({ tainted, tolerations, expected }) =>
    expectOne([node({ name: 'node-1', ...(tainted && { taints: [taint] }) }), node({ name: 'node-2' }), pod({ name: 'test-pod', spec: { tolerations } })], expected),
  );
});

describe('TestImageLocalityScoring (upstream test/integration/scheduler/scoring)', () => {
  it('the pod lands on the node that has its large image', () => {
    const image = 'fake-large-image:v1';
    expectOne(
      [
        node({ name: 'testnode-large-image', images: { [image]: 3000 * 1024 * 1024 } }),
        ...Array.from({ length: 10 }, (_, i) => node({ name: `testnode-${i}` })),
        pod({ name: 'pod-using-large-image', spec: { containers: [{ name: 'fake-large-image-v1-container', image }] } }),
      ],
      ['testnode-large-image'],
    );
  });
});

describe('TestPodTopologySpreadScoring (upstream test/integration/scheduler/scoring)', () => {
  const foo: Labels = { foo: '' };
  const fooBar: Labels = { foo: '', bar: '' };
  const FOO = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
  const defaultNodes = [0, 1, 2, 3].map((i) =>
    node({ name: `node-${i}`, labels: { node: `node-${i}`, zone: `zone-${i < 2 ? 0 : 1}` }, ...(i === 0 && { taints: [{ key: 'k1', value: 'v1', effect: 'NoSchedule' }] }) }),
  );
  const policyNodes = [1, 2, 3, 4].map((i) =>
    node({
      name: `node-${i}`,
      labels: { node: `node-${i}`, zone: `zone-${i < 3 ? 1 : 2}`, ...(i !== 4 && foo) },
      ...(i === 2 && { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'PreferNoSchedule' }] }),
    }),
  );
  const spread = (key: string, whenUnsatisfiable: string, extra: Value = {}) => ({ maxSkew: 1, topologyKey: key, whenUnsatisfiable, labelSelector: FOO, ...extra });
  /** Bound pods: node → labels of each pod there. */
  const existing = (pods: Readonly<Record<string, readonly Labels[]>>) =>
    Object.entries(pods).flatMap(([nodeName, list]) => list.map((labels, i) => pod({ name: `${nodeName}-p${i}`, labels, node: nodeName })));
  const incoming = (labels: Labels, constraints: readonly Value[], extra: Value = {}) => pod({ name: 'p', labels, spec: { topologySpreadConstraints: constraints, ...extra } });

  it.each([
    {
      name: 'place pod on a ~0~/1/2/3 cluster with MaxSkew=1, node-1 is the preferred fit',
      docs: [...defaultNodes, ...existing({ 'node-1': [foo], 'node-2': [foo, foo], 'node-3': [foo, foo, foo] }), incoming(foo, [spread('node', 'ScheduleAnyway')])],
      expected: ['node-1'],
    },
    {
      name: 'combined with hardSpread constraint on a ~4~/0/1/2 cluster',
      docs: [
        ...defaultNodes,
        ...existing({ 'node-0': [foo, foo, foo, foo], 'node-2': [foo], 'node-3': [foo, foo] }),
        incoming(foo, [spread('node', 'ScheduleAnyway'), spread('zone', 'DoNotSchedule')]),
      ],
      expected: ['node-2'],
    },
    {
      name: 'soft constraint with two node inclusion Constraints, zone: honor/ignore, node: honor/ignore',
      docs: [
        ...policyNodes,
        ...existing({ 'node-1': [foo], 'node-2': [foo, foo], 'node-4': [foo] }),
        incoming(foo, [spread('zone', 'ScheduleAnyway'), spread('node', 'ScheduleAnyway')], { nodeSelector: foo }),
      ],
      expected: ['node-3'],
    },
    {
      name: 'soft constraint with two node inclusion Constraints, zone: ignore/ignore, node: honor/honor',
      docs: [
        ...policyNodes,
        ...existing({ 'node-1': [foo], 'node-2': [foo, foo], 'node-4': [foo] }),
        incoming(foo, [spread('zone', 'ScheduleAnyway', { nodeAffinityPolicy: 'Ignore' }), spread('node', 'ScheduleAnyway', { nodeTaintsPolicy: 'Honor' })], { nodeSelector: foo }),
      ],
      expected: ['node-3'],
    },
    {
      name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty, node-2 is the preferred fit",
      docs: [
        ...defaultNodes,
        ...existing({ 'node-1': [fooBar], 'node-2': [foo, foo], 'node-3': [fooBar, fooBar, foo] }),
        incoming(fooBar, [spread('node', 'ScheduleAnyway', { matchLabelKeys: ['bar'] })]),
      ],
      expected: ['node-2'],
    },
    {
      name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty, node-1 is the preferred fit',
      docs: [
        ...defaultNodes,
        ...existing({ 'node-1': [foo], 'node-2': [foo, foo], 'node-3': [foo, foo, foo] }),
        incoming(foo, [spread('node', 'ScheduleAnyway', { labelSelector: {}, matchLabelKeys: ['foo'] })]),
      ],
      expected: ['node-1'],
    },
  ])('$name', ({ docs, expected }) => expectOne(docs, expected));
});

describe('TestDefaultPodTopologySpreadScoring (upstream test/integration/scheduler/scoring)', () => {
  // 300 nodes over 3 zones; pods a Service selects spread by the system default constraints (zone maxSkew 5,
  // hostname maxSkew 3, ScheduleAnyway), so the zones stay even as pods are added.
  const nodes = Array.from({ length: 300 }, (_, i) =>
    node({ name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } }),
  );
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'test-service', namespace: 'default' }, spec: { selector: { service: 'test-service' }, ports: [{ port: 80, targetPort: 80 }] } };

  it.each([3, 12, 27])('%i-pods: zone skew is 0', (count) => {
    const pods = Array.from({ length: count }, (_, i) => pod({ name: `p-${i}`, labels: { service: 'test-service' } }));
    const placed = place([...nodes, service, ...pods]);
    expect(placed).not.toContain('');
    const perZone = [0, 1, 2].map((zone) => placed.filter((name) => Number(name.slice('node-'.length)) % 3 === zone).length);
    // Zone skew 0: every zone has as many pods.
    expect(new Set(perZone).size).toBe(1);
  });
});
