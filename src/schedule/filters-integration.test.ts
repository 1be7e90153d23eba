// Port of test/integration/scheduler/filters/filters_test.go TestPodTopologySpreadFilter (kubernetes/kubernetes, newest
// stored version): the whole scheduler (every filter, the scores, preemption) places one pod among bound pods; the
// node it lands on must be one of upstream's candidateNodes, or it must stay unschedulable. Nodes are upstream's
// st.MakeNode() (32 pods, nothing else allocatable). Skipped: the two cases with a feature gate disabled
// (NodeInclusionPolicyInPodTopologySpread and MatchLabelKeysInPodTopologySpread are GA).
import { describe, expect, it } from 'vitest';
import { node, place, pod, type Value } from './integration-test-support.js';

type Labels = Readonly<Record<string, string>>;
type NodeRow = readonly [name: string, labels: Labels, tainted?: boolean];

const foo: Labels = { foo: '' };
const FOO = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const DEFAULT_NODES: NodeRow[] = [0, 1, 2, 3].map((i) => [`node-${i}`, { node: `node-${i}`, zone: `zone-${i < 2 ? 0 : 1}` }]);
const POLICY_NODES = (taintedNode?: string, node3Foo = false): NodeRow[] => [1, 2, 3, 4].map((i) => {
  const name = `node-${i}`;
  const hasFoo = i !== 3 || node3Foo;
  return [name, { node: name, zone: `zone-${i < 3 ? 1 : 2}`, ...(hasFoo ? foo : {}) }, name === taintedNode];
});

interface Spread {
  readonly maxSkew: number;
  readonly key: string;
  readonly selector?: Value;
  readonly minDomains?: number;
  readonly nodeAffinityPolicy?: string;
  readonly nodeTaintsPolicy?: string;
  readonly matchLabelKeys?: readonly string[];
}

const spread = ({ maxSkew, key, selector = FOO, ...rest }: Spread) => ({ maxSkew, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector, ...rest });
const nodeAffinity = (key: string, operator: string, values: readonly string[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values }] }] } } },
});

interface Case {
  readonly name: string;
  readonly labels?: Labels;
  readonly spreads: readonly Spread[];
  readonly extra?: Value;
  /** Node → labels of the pods bound there (foo unless said otherwise). */
  readonly existing: Readonly<Record<string, readonly Labels[] | number>>;
  readonly nodes?: readonly NodeRow[];
  /** Upstream's candidateNodes; undefined: the pod does not fit. */
  readonly candidates?: readonly string[];
}

function placedOn(c: Case): string[] {
  const nodes = (c.nodes ?? DEFAULT_NODES).map(([name, labels, tainted]) =>
    node({ name, labels, ...(tainted && { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }) }),
  );
  const bound = Object.entries(c.existing).flatMap(([nodeName, pods]) =>
    (typeof pods === 'number' ? Array.from({ length: pods }, () => foo) : pods).map((labels, i) => pod({ name: `${nodeName}-p${i}`, labels, node: nodeName })),
  );
  const incoming = pod({ name: 'p', labels: c.labels ?? foo, spec: { topologySpreadConstraints: c.spreads.map(spread), ...c.extra } });
  return place([...nodes, ...bound, incoming]).filter((name) => name !== '');
}

const notNode0 = nodeAffinity('node', 'NotIn', ['node-0']);
const twoTwoOne = { 'node-1': 2, 'node-2': 2, 'node-3': 1 };

const cases: Case[] = [
  { name: 'place pod on a 1/1/0/1 cluster with MaxSkew=1, node-2 is the only fit', spreads: [{ maxSkew: 1, key: 'node' }], existing: { 'node-0': 1, 'node-1': 1, 'node-3': 1 }, candidates: ['node-2'] },
  { name: 'place pod on a 2/0/0/1 cluster with MaxSkew=2, node-{1,2,3} are good fits', spreads: [{ maxSkew: 2, key: 'node' }], existing: { 'node-0': 2, 'node-3': 1 }, candidates: ['node-1', 'node-2', 'node-3'] },
  { name: 'pod is required to be placed on zone0, so only node-1 fits', spreads: [{ maxSkew: 1, key: 'node' }], extra: nodeAffinity('zone', 'In', ['zone-0']), existing: { 'node-0': 1, 'node-3': 1 }, candidates: ['node-1'] },
  { name: 'two constraints: pod can only be placed to zone-1/node-2', spreads: [{ maxSkew: 1, key: 'zone' }, { maxSkew: 1, key: 'node' }], existing: { 'node-0': 1, 'node-1': 1, 'node-3': 2 }, candidates: ['node-2'] },
  { name: 'pod cannot be placed onto any node', spreads: [{ maxSkew: 1, key: 'zone' }, { maxSkew: 1, key: 'node' }], extra: notNode0, existing: { 'node-1': 2, 'node-2': 2, 'node-3': 1 } },
  { name: 'high priority pod can preempt others', spreads: [{ maxSkew: 1, key: 'zone' }, { maxSkew: 1, key: 'node' }], extra: { ...notNode0, priority: 100 }, existing: { 'node-1': 2, 'node-2': 2, 'node-3': 1 }, candidates: ['node-1', 'node-2', 'node-3'] },
  { name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits', spreads: [{ maxSkew: 2, key: 'node', minDomains: 4 }], extra: notNode0, existing: twoTwoOne, candidates: ['node-3'] },
  { name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit', spreads: [{ maxSkew: 2, key: 'node', minDomains: 2 }], extra: notNode0, existing: twoTwoOne, candidates: ['node-1', 'node-2', 'node-3'] },
  { name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit', spreads: [{ maxSkew: 2, key: 'zone', minDomains: 3 }], existing: { 'node-0': 1, 'node-1': 1, 'node-2': 1 }, candidates: ['node-2', 'node-3'] },
  { name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the all nodes fit', spreads: [{ maxSkew: 2, key: 'zone', minDomains: 1 }], existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1 }, candidates: ['node-0', 'node-1', 'node-2', 'node-3'] },
  { name: 'NodeAffinityPolicy honored with labelSelectors, pods spread across zone as 2/1', spreads: [{ maxSkew: 1, key: 'zone' }], extra: { nodeSelector: foo }, existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 }, nodes: POLICY_NODES(), candidates: ['node-4'] },
  { name: 'NodeAffinityPolicy ignored with nodeAffinity, pods spread across zone as 1/~2~', spreads: [{ maxSkew: 1, key: 'zone', nodeAffinityPolicy: 'Ignore' }], extra: nodeAffinity('foo', 'In', ['']), existing: { 'node-1': 1, 'node-3': 1, 'node-4': 1 }, nodes: POLICY_NODES(), candidates: ['node-1', 'node-2'] },
  { name: 'NodeTaintsPolicy honored, pods spread across zone as 2/1', spreads: [{ maxSkew: 1, key: 'zone', nodeTaintsPolicy: 'Honor' }], existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 }, nodes: POLICY_NODES('node-3'), candidates: ['node-4'] },
  { name: 'NodeTaintsPolicy ignored, pods spread across zone as 2/2', spreads: [{ maxSkew: 1, key: 'zone' }], existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 }, nodes: POLICY_NODES('node-3'), candidates: ['node-1', 'node-2', 'node-4'] },
  {
    name: 'two node inclusion Constraints, zone: honor/ignore, node: honor/ignore',
    spreads: [{ maxSkew: 1, key: 'zone' }, { maxSkew: 1, key: 'node' }],
    extra: { nodeSelector: foo },
    existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 },
    nodes: POLICY_NODES('node-2'),
    candidates: ['node-4'],
  },
  {
    name: 'two node inclusion Constraints, zone: ignore/ignore, node: honor/honor',
    spreads: [{ maxSkew: 1, key: 'zone', nodeAffinityPolicy: 'Ignore' }, { maxSkew: 1, key: 'node', nodeTaintsPolicy: 'Honor' }],
    extra: { nodeSelector: foo },
    existing: { 'node-1': 1, 'node-2': 1, 'node-3': 1, 'node-4': 1 },
    nodes: POLICY_NODES('node-2'),
    candidates: ['node-1', 'node-4'],
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty, pods spread across zone as 0/1",
    labels: { foo: '', bar: '' },
    spreads: [{ maxSkew: 1, key: 'zone', matchLabelKeys: ['bar'] }],
    existing: { 'node-0': [foo], 'node-1': [foo], 'node-2': [{ foo: '', bar: '' }] },
    candidates: ['node-0', 'node-1'],
  },
  {
    name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty, pods spread across zone as 2/1',
    spreads: [{ maxSkew: 1, key: 'zone', selector: {}, matchLabelKeys: ['foo'] }],
    existing: { 'node-0': 1, 'node-1': 1, 'node-2': 1 },
    candidates: ['node-2', 'node-3'],
  },
];

describe('TestPodTopologySpreadFilter (upstream test/integration/scheduler/filters)', () => {
  it.each(cases)('$name', (c) => {
    const nodes = placedOn(c);
    if (c.candidates === undefined) expect(nodes).toEqual([]);
    else {
      expect(nodes).toHaveLength(1);
      expect(c.candidates).toContain(nodes[0]);
    }
  });
});

// Port of the same file's TestInterPodAffinityWithNamespaceSelector (both cases): required affinity to a pod in a
// namespace the term's namespaceSelector selects (team1) or not (team2).
describe('TestInterPodAffinityWithNamespaceSelector (upstream test/integration/scheduler/filters)', () => {
  const namespaces = [['ns1', 'team1'], ['ns2', 'team1'], ['ns3', 'team2']].map(([name, team]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }));
  const nodes = [0, 1].map((i) => node({ name: `testnode-${i}`, labels: { region: 'r1', zone: 'z11' } }));
  const affinity = {
    podAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchExpressions: [{ key: 'service', operator: 'In', values: ['securityscan'] }] },
        namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
        topologyKey: 'region',
      }],
    },
  };
  it.each([
    ['MatchingNamespaces', 'ns2', true],
    ['MismatchingNamespaces', 'ns3', false],
  ] as const)('%s', (_name, namespace, fits) => {
    const existing = pod({ name: 'fakename2', namespace, labels: { service: 'securityscan' }, node: 'testnode-0' });
    const [placed] = place([...namespaces, ...nodes, existing, pod({ name: 'pod-ns-selector', namespace: 'ns1', spec: { affinity } })]);
    expect(placed !== '').toBe(fits);
  });
});
