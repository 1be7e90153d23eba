// Port of test/integration/scheduler/filters/filters_test.go TestInterPodAffinity, TestTaintTolerationFilter and
// TestUnschedulablePodBecomesSchedulable (kubernetes/kubernetes @0097b89273f4d1bdc914e66736acbd64368b3a26): the whole
// scheduler places the incoming pod, which must land (fits) or stay unschedulable. All 20 and 6 cases of the first two. Nodes are upstream's: testnode-0 and anothernode-0 share
// region r1 and zone z11 and differ in their "node" label, 1G of memory and 32 pods each; namespaces ns1 and ns2 are
// team1, ns3 team2, and pods default to ns1. The first case's pod is one the API server may reject (fits: false
// either way). matchLabelKeys/mismatchLabelKeys are GA: the cases "(feature flag: enabled)" hold.
import { describe, expect, it } from 'vitest';
import { node, place, pod, type Value } from './integration-test-support.js';

type Labels = Readonly<Record<string, string>>;
const podLabel: Labels = { service: 'securityscan' };
const podLabel2: Labels = { security: 'S1' };

const namespaces = [['ns1', 'team1'], ['ns2', 'team1'], ['ns3', 'team2']].map(([name, team]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }));
const nodes = [['testnode-0', 'n1'], ['anothernode-0', 'n2']].map(([name, n]) => node({ name: name ?? '', labels: { region: 'r1', zone: 'z11', node: n ?? '' }, capacity: { memory: '1G' } }));

const req = (key: string, operator: string, values?: string[]) => ({ key, operator, ...(values ? { values } : {}) });
interface Term {
  readonly topologyKey: string;
  readonly expressions: readonly Value[];
  readonly namespaces?: readonly string[];
  readonly matchLabelKeys?: readonly string[];
  readonly mismatchLabelKeys?: readonly string[];
}
const term = ({ topologyKey, expressions, ...rest }: Term) => ({ labelSelector: { matchExpressions: expressions }, topologyKey, ...rest });
const affinity = (required: readonly Term[] = [], anti: readonly Term[] = []) => ({
  affinity: {
    ...(required.length > 0 && { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required.map(term) } }),
    ...(anti.length > 0 && { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: anti.map(term) } }),
  },
});

interface Existing {
  readonly name?: string;
  readonly labels: Labels;
  readonly node?: string;
  readonly namespace?: string;
  readonly spec?: Value;
  readonly memory?: string;
}
const existing = ({ name = 'fakename2', labels, node: nodeName = 'testnode-0', namespace = 'ns1', spec, memory }: Existing) =>
  pod({ name, namespace, labels, node: nodeName, ...(spec && { spec }), ...(memory && { requests: { memory } }) });

interface Case {
  readonly name: string;
  readonly labels?: Labels;
  readonly spec?: Value;
  readonly memory?: string;
  readonly pods?: readonly Existing[];
  readonly fits: boolean;
}

const inSecurityScan = req('service', 'In', ['securityscan', 'value2']);
const antiAntivirus: Term = { topologyKey: 'node', expressions: [req('service', 'In', ['antivirusscan', 'value2'])] };
const regionAffinity: Term = { topologyKey: 'region', expressions: [inSecurityScan] };

const cases: Case[] = [
  {
    name: 'validates that a pod with an invalid podAffinity is rejected because of the LabelSelectorRequirement is invalid',
    labels: podLabel2,
    spec: affinity([{ topologyKey: 'region', expressions: [req('security', 'DoesNotExist')] }]),
    fits: false,
  },
  {
    name: 'validates that Inter-pod-Affinity is respected if not matching',
    labels: podLabel2,
    spec: affinity([{ topologyKey: 'region', expressions: [req('security', 'In', ['securityscan'])] }]),
    fits: false,
  },
  {
    name: 'validates that InterPodAffinity is respected if matching. requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    labels: podLabel2,
    spec: affinity([regionAffinity]),
    pods: [{ labels: podLabel }],
    fits: true,
  },
  {
    name: 'validates that InterPodAffinity is respected if matching. requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
    labels: podLabel2,
    spec: affinity([{ topologyKey: 'region', expressions: [req('service', 'NotIn', ['securityscan3', 'value3'])] }]),
    pods: [{ labels: podLabel }],
    fits: true,
  },
  {
    name: 'validates that inter-pod-affinity is respected when pods have different Namespaces',
    labels: podLabel2,
    spec: affinity([{ ...regionAffinity, namespaces: ['diff-namespace'] }]),
    pods: [{ labels: podLabel, namespace: 'ns2' }],
    fits: false,
  },
  {
    name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
    labels: podLabel,
    spec: affinity([{ topologyKey: 'region', expressions: [req('service', 'In', ['antivirusscan', 'value2'])] }]),
    pods: [{ labels: podLabel }],
    fits: false,
  },
  {
    name: 'validates that InterPodAffinity is respected if matching with multiple affinities in multiple RequiredDuringSchedulingIgnoredDuringExecution ',
    labels: podLabel2,
    spec: affinity([
      { topologyKey: 'region', expressions: [req('service', 'Exists'), req('wrongkey', 'DoesNotExist')] },
      { topologyKey: 'region', expressions: [req('service', 'In', ['securityscan']), req('service', 'NotIn', ['WrongValue'])] },
    ]),
    pods: [{ labels: podLabel }],
    fits: true,
  },
  {
    name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression items doesn't match.",
    labels: podLabel2,
    spec: affinity([
      { topologyKey: 'region', expressions: [req('service', 'Exists'), req('wrongkey', 'DoesNotExist')] },
      { topologyKey: 'region', expressions: [req('service', 'In', ['securityscan2']), req('service', 'NotIn', ['WrongValue'])] },
    ]),
    pods: [{ labels: podLabel }],
    fits: false,
  },
  {
    name: 'validates that InterPod Affinity and AntiAffinity is respected if matching',
    labels: podLabel2,
    spec: affinity([regionAffinity], [antiAntivirus]),
    pods: [{ labels: podLabel }],
    fits: true,
  },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
    labels: podLabel2,
    spec: affinity([regionAffinity], [antiAntivirus]),
    pods: [{ labels: podLabel, spec: affinity([], [antiAntivirus]) }],
    fits: true,
  },
  {
    name: "satisfies the PodAffinity but doesn't satisfies the PodAntiAffinity with the existing pod",
    labels: podLabel2,
    spec: affinity([regionAffinity], [{ topologyKey: 'zone', expressions: [inSecurityScan] }]),
    pods: [{ labels: podLabel }],
    fits: false,
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfies PodAntiAffinity symmetry with the existing pod",
    labels: podLabel,
    spec: affinity([regionAffinity], [antiAntivirus]),
    pods: [{ labels: podLabel, spec: affinity([], [{ topologyKey: 'zone', expressions: [req('service', 'In', ['securityscan', 'value3'])] }]) }],
    fits: false,
  },
  {
    name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
    labels: podLabel,
    spec: affinity([{ topologyKey: 'region', expressions: [req('service', 'NotIn', ['securityscan', 'value2'])] }]),
    pods: [{ labels: podLabel, node: 'machine2' }],
    fits: false,
  },
  {
    name: 'Verify that PodAntiAffinity of an existing pod is respected when PodAntiAffinity symmetry is not satisfied with the existing pod',
    labels: podLabel,
    pods: [{ labels: podLabel, spec: affinity([], [{ topologyKey: 'zone', expressions: [inSecurityScan] }]) }],
    fits: false,
  },
  {
    name: 'Verify that PodAntiAffinity from existing pod is respected when pod statisfies PodAntiAffinity symmetry with the existing pod',
    labels: podLabel,
    pods: [{ name: 'fake-name2', labels: podLabel, spec: affinity([], [{ topologyKey: 'zone', expressions: [req('service', 'NotIn', ['securityscan', 'value2'])] }]) }],
    fits: true,
  },
  {
    name: 'nodes[0] and nodes[1] have same topologyKey and label value. nodes[0] has an existing pod that matches the inter pod affinity rule. The new pod can not be scheduled onto either of the two nodes.',
    spec: { nodeSelector: { region: 'r1' }, ...affinity([], [{ topologyKey: 'region', expressions: [req('foo', 'In', ['abc'])] }]) },
    pods: [{ name: 'fakename', labels: { foo: 'abc' } }],
    fits: false,
  },
  {
    name: 'anti affinity: matchLabelKeys is merged into LabelSelector with In operator (feature flag: enabled)',
    labels: { foo: '', bar: 'a' },
    spec: affinity([], [{ topologyKey: 'zone', expressions: [req('foo', 'Exists')], matchLabelKeys: ['bar'] }]),
    pods: [{ name: 'pod1', labels: { foo: '', bar: 'fuga' } }, { name: 'pod2', labels: { foo: '', bar: 'hoge' } }],
    fits: true,
  },
  {
    name: 'anti affinity: mismatchLabelKeys is merged into LabelSelector with NotIn operator (feature flag: enabled)',
    labels: { foo: '', bar: 'a' },
    spec: affinity([], [{ topologyKey: 'zone', expressions: [req('foo', 'Exists')], mismatchLabelKeys: ['bar'] }]),
    pods: [{ name: 'pod1', labels: { foo: '', bar: 'a' } }, { name: 'pod2', labels: { foo: '', bar: 'a' } }],
    fits: true,
  },
  {
    name: 'affinity: matchLabelKeys is merged into LabelSelector with In operator (feature flag: enabled)',
    labels: { foo: '', bar: 'a' },
    memory: '1G',
    spec: affinity([{ topologyKey: 'node', expressions: [req('foo', 'Exists')], matchLabelKeys: ['bar'] }]),
    pods: [
      { name: 'pod1', labels: { foo: '', bar: 'a' }, node: 'anothernode-0', memory: '1G' },
      { name: 'pod2', labels: { foo: '', bar: 'hoge' } },
      { name: 'pod3', labels: { foo: '', bar: 'fuga' } },
    ],
    fits: false,
  },
  {
    name: 'affinity: mismatchLabelKeys is merged into LabelSelector with NotIn operator (feature flag: enabled)',
    labels: { foo: '', bar: 'a' },
    memory: '1G',
    spec: affinity([{ topologyKey: 'node', expressions: [req('foo', 'Exists')], mismatchLabelKeys: ['bar'] }]),
    pods: [
      { name: 'pod1', labels: { foo: '', bar: 'fuga' }, node: 'anothernode-0', memory: '1G' },
      { name: 'pod2', labels: { foo: '', bar: 'a' } },
      { name: 'pod3', labels: { foo: '', bar: 'a' } },
    ],
    fits: false,
  },
];

describe('TestInterPodAffinity (upstream test/integration/scheduler/filters)', () => {
  it.each(cases)('$name', ({ labels = {}, spec, memory, pods = [], fits }) => {
    const incoming = pod({ name: 'incoming', namespace: 'ns1', labels, ...(spec && { spec }), ...(memory && { requests: { memory } }) });
    const [placed] = place([...namespaces, ...nodes, ...pods.map(existing), incoming]);
    expect(placed !== '').toBe(fits);
  });
});

const taint1 = { key: 'example.com/taint1', value: 'value1', effect: 'NoSchedule' };
const taint2 = { key: 'example.com/taint2', value: 'value2', effect: 'NoSchedule' };

describe('TestTaintTolerationFilter (upstream test/integration/scheduler/filters)', () => {
  it.each([
    ['Pod tolerates node taint', [taint1], [taint1], true],
    ['Pod does not tolerate node taint', [taint1], [], false],
    ['Pod tolerates some but not all node taints', [taint1, taint2], [taint1], false],
    ['Pod tolerates all node taints', [taint1, taint2], [taint1, taint2], true],
    ['Node has one taint, pod has multiple tolerations and tolerates all node taints', [taint1], [taint1, taint2], true],
    ['Node has no taint, pod has one toleration', [], [taint1], true],
  ] as const)('%s', (_name, taints, tolerations, fits) => {
    const [placed] = place([node({ name: 'node-1', ...(taints.length > 0 && { taints }) }), pod({ name: 'pod-1', spec: { tolerations } })]);
    expect(placed !== '').toBe(fits);
  });
});

// Port of the same file's TestUnschedulablePodBecomesSchedulable: each case's cluster before the update (the pod stays
// unschedulable) and after it (the pod is scheduled), as two snapshots. Skipped: the "before" of "node gets added" and
// of "pod with pvc has node-affinity to non-existent/illegal nodes" (a cluster without nodes, which kubefit does not run).
describe('TestUnschedulablePodBecomesSchedulable (upstream test/integration/scheduler/filters)', () => {
  const withAffinity = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { 'pod-with-affinity': 'true' } }, topologyKey: 'region' }] } } };
  const claimVolume = (claimName: string) => ({ volumes: [{ name: 'volume', persistentVolumeClaim: { claimName } }] });
  const rwop = (name: string, affinity?: Readonly<Record<string, readonly string[]>>) => [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `pv-${name}` },
      spec: {
        accessModes: ['ReadWriteOncePod'],
        capacity: { storage: '1Mi' },
        hostPath: { path: '/mnt', type: 'DirectoryOrCreate' },
        ...(affinity && {
          nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: Object.entries(affinity).map(([key, values]) => ({ key, operator: 'In', values })) }] } },
        }),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `pvc-${name}`, namespace: 'default', annotations: { 'pv.kubernetes.io/bind-completed': 'true' } },
      spec: { volumeName: `pv-${name}`, accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Mi' } } },
    },
  ];
  const cases: { name: string; before?: readonly Value[]; after: readonly Value[]; pod: Value }[] = [
    { name: 'node gets added', after: [node({ name: 'node-added' })], pod: pod({ name: 'pod-1' }) },
    {
      name: 'node gets taint removed',
      before: [node({ name: 'node-tainted', taints: [{ key: 'test', value: 'test', effect: 'NoSchedule' }] })],
      after: [node({ name: 'node-tainted' })],
      pod: pod({ name: 'pod-1' }),
    },
    {
      name: 'other pod gets deleted',
      before: [node({ name: 'node-scheduler-integration-test', capacity: { pods: '1' } }), pod({ name: 'pod-to-be-deleted', node: 'node-scheduler-integration-test' })],
      after: [node({ name: 'node-scheduler-integration-test', capacity: { pods: '1' } })],
      pod: pod({ name: 'pod-1' }),
    },
    {
      name: 'pod with pod-affinity gets added',
      before: [node({ name: 'node-1', labels: { region: 'test' } })],
      after: [node({ name: 'node-1', labels: { region: 'test' } }), pod({ name: 'pod-with-affinity', labels: { 'pod-with-affinity': 'true' }, node: 'node-1' })],
      pod: pod({ name: 'pod-1', spec: withAffinity }),
    },
    {
      name: 'scheduled pod gets updated to match affinity',
      before: [node({ name: 'node-1', labels: { region: 'test' } }), pod({ name: 'pod-to-be-updated', node: 'node-1' })],
      after: [node({ name: 'node-1', labels: { region: 'test' } }), pod({ name: 'pod-to-be-updated', labels: { 'pod-with-affinity': 'true' }, node: 'node-1' })],
      pod: pod({ name: 'pod-1', spec: withAffinity }),
    },
    {
      name: 'scheduled pod uses read-write-once-pod pvc',
      before: [node({ name: 'node' }), ...rwop('with-read-write-once-pod'), pod({ name: 'pod-to-be-deleted', node: 'node', spec: claimVolume('pvc-with-read-write-once-pod') })],
      after: [node({ name: 'node' }), ...rwop('with-read-write-once-pod')],
      pod: pod({ name: 'pod-to-take-over-pvc', spec: claimVolume('pvc-with-read-write-once-pod') }),
    },
    {
      name: 'pod with pvc has node-affinity to non-existent/illegal nodes',
      after: [node({ name: 'node-available', labels: { 'kubernetes.io/hostname': 'node-available' } }), ...rwop('has-non-existent-nodes', { 'kubernetes.io/hostname': ['node-available', 'non-existing'] })],
      pod: pod({ name: 'pod-with-pvc-has-non-existent-nodes', spec: claimVolume('pvc-has-non-existent-nodes') }),
    },
    {
      name: "pod with pvc got scheduled after node updated it's label",
      before: [node({ name: 'node-foo', labels: { foo: 'foo' } }), ...rwop('foo', { foo: ['bar'] })],
      after: [node({ name: 'node-foo', labels: { foo: 'bar' } }), ...rwop('foo', { foo: ['bar'] })],
      pod: pod({ name: 'pod-with-pvc-foo', spec: claimVolume('pvc-foo') }),
    },
  ];
  it.each(cases)('$name', ({ before, after, pod: incoming }) => {
    if (before) expect(place([...before, incoming])).toEqual(['']);
    expect(place([...after, incoming])[0]).not.toBe('');
  });
});
