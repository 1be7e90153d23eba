// Ports of pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (kubernetes/kubernetes at
// 072825f9a367e9ca0f73f91830945f1b7f46e0d9) TestRequiredAffinitySingleNode and TestRequiredAffinityMultipleNodes:
// InterPodAffinity's Filter status on each node, copied from upstream. Upstream's default namespace "" is "default" here.
import { describe, expect, it } from 'vitest';
import type { Labels } from '../../model/labels.js';
import { SUCCESS, unresolvable, unschedulable, type FilterResult } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { type InterPodAffinityState } from './inter-pod-affinity.js';

const AFFINITY = unresolvable("node(s) didn't match pod affinity rules");
const ANTI_AFFINITY = unschedulable("node(s) didn't match pod anti-affinity rules");
const EXISTING_ANTI_AFFINITY = unschedulable("node(s) didn't satisfy existing pods anti-affinity rules");

type Term = Readonly<Record<string, unknown>>;
type Requirement = readonly [key: string, operator: string, values?: readonly string[]];

/** A PodAffinityTerm whose labelSelector ANDs these requirements; topologyKey "" when upstream leaves it unset. */
const term = (topologyKey: string, requirements: readonly Requirement[], extra: Term = {}): Term => ({
  labelSelector: { matchExpressions: requirements.map(([key, operator, values]) => ({ key, operator, ...(values ? { values } : {}) })) },
  ...(topologyKey ? { topologyKey } : {}),
  ...extra,
});
const exists = (key: string, topologyKey: string) => term(topologyKey, [[key, 'Exists']]);
const inTerm = (key: string, topologyKey: string, values: readonly string[], extra: Term = {}) => term(topologyKey, [[key, 'In', values]], extra);
const notIn = (key: string, topologyKey: string, values: readonly string[]) => term(topologyKey, [[key, 'NotIn', values]]);

interface PodShape {
  readonly labels?: Labels;
  readonly namespace?: string;
  readonly affinity?: readonly Term[];
  readonly anti?: readonly Term[];
}

function podOf(shape: PodShape, nodeName?: string, name = 'pod'): PodInfo {
  const affinity = {
    ...(shape.affinity ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: shape.affinity } } : {}),
    ...(shape.anti ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: shape.anti } } : {}),
  };
  return podInfoOf(
    { containers: [{ name: 'c' }], ...(nodeName ? { nodeName } : {}), ...(Object.keys(affinity).length > 0 ? { affinity } : {}) },
    { name, labels: shape.labels ?? {}, namespace: shape.namespace ?? 'default' },
  );
}

interface BoundPod extends PodShape {
  readonly node: string;
}

interface Case {
  readonly name: string;
  readonly pod: PodShape;
  readonly pods?: readonly BoundPod[];
  readonly nodes: readonly (readonly [name: string, labels: Labels])[];
  readonly want: readonly FilterResult[];
}

// upstream interpodaffinity tests' `namespaces`
const NAMESPACE_LABELS = new Map<string, Labels>([
  ['subteam1.team1', { team: 'team1' }],
  ['subteam2.team1', { team: 'team1' }],
  ['subteam1.team2', { team: 'team2' }],
  ['subteam2.team2', { team: 'team2' }],
]);

function statuses(c: Case): FilterResult[] {
  const pods = c.pods ?? [];
  const nodes = c.nodes.map(([name, labels]) => nodeInfoOf({ name, labels }, pods.filter((p) => p.node === name).map((p, i) => podOf(p, name, `${name}-${i}`))));
  const cluster = clusterOf(nodes, undefined, NAMESPACE_LABELS);
  const incoming = podOf(c.pod);
  return nodes.map((node) => runFilter(plugin, incoming, node, cluster));
}

const podLabel: Labels = { service: 'securityscan' };
const podLabel2: Labels = { security: 'S1' };
const NODE1 = [['node1', { region: 'r1', zone: 'z11' }]] as const;
const scanInRegion = inTerm('service', 'region', ['securityscan', 'value2']);
const antivirusOnNode = inTerm('service', 'node', ['antivirusscan', 'value2']);
const scanInZone = inTerm('service', 'zone', ['securityscan', 'value2']);
const existing = (shape: PodShape = {}): BoundPod => ({ node: 'node1', labels: podLabel, ...shape });
const operatorTerms = (value: string) => [
  term('region', [['service', 'Exists'], ['wrongkey', 'DoesNotExist']]),
  term('region', [['service', 'In', [value]], ['service', 'NotIn', ['WrongValue']]]),
];
const teamSelector = { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] } };

// Skipped: "PodAffinity fails PreFilter with an invalid affinity label syntax" and its anti-affinity twin: API
// validation rejects such a pod (kubefit reports it through schema validation), so the scheduler never sees it.
const singleNode: Case[] = [
  { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: {}, nodes: NODE1, want: [SUCCESS] },
  { name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod', pod: { labels: podLabel2, affinity: [scanInRegion] }, pods: [existing()], nodes: NODE1, want: [SUCCESS] },
  { name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod', pod: { labels: podLabel2, affinity: [notIn('service', 'region', ['securityscan3', 'value3'])] }, pods: [existing()], nodes: NODE1, want: [SUCCESS] },
  { name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace', pod: { labels: podLabel2, affinity: [inTerm('service', '', ['securityscan', 'value2'], { namespaces: ['DiffNameSpace'] })] }, pods: [existing({ namespace: 'ns' })], nodes: NODE1, want: [AFFINITY] },
  { name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", pod: { labels: podLabel, affinity: [inTerm('service', '', ['antivirusscan', 'value2'])] }, pods: [existing()], nodes: NODE1, want: [AFFINITY] },
  { name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ', pod: { labels: podLabel2, affinity: operatorTerms('securityscan') }, pods: [existing()], nodes: NODE1, want: [SUCCESS] },
  { name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.", pod: { labels: podLabel2, affinity: operatorTerms('securityscan2') }, pods: [existing()], nodes: NODE1, want: [AFFINITY] },
  { name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod', pod: { labels: podLabel2, affinity: [scanInRegion], anti: [antivirusOnNode] }, pods: [existing()], nodes: NODE1, want: [SUCCESS] },
  { name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod', pod: { labels: podLabel2, affinity: [scanInRegion], anti: [antivirusOnNode] }, pods: [existing({ anti: [antivirusOnNode] })], nodes: NODE1, want: [SUCCESS] },
  { name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod", pod: { labels: podLabel2, affinity: [scanInRegion], anti: [scanInZone] }, pods: [existing()], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod", pod: { labels: podLabel, affinity: [scanInRegion], anti: [antivirusOnNode] }, pods: [existing({ anti: [scanInZone] })], nodes: NODE1, want: [EXISTING_ANTI_AFFINITY] },
  {
    name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
    pod: { labels: podLabel, affinity: [notIn('service', 'region', ['securityscan', 'value2'])] },
    pods: [{ node: 'node2', labels: podLabel }],
    nodes: [...NODE1, ['node2', {}]],
    want: [AFFINITY, AFFINITY],
  },
  { name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod", pod: { labels: podLabel }, pods: [existing({ anti: [scanInZone] })], nodes: NODE1, want: [EXISTING_ANTI_AFFINITY] },
  { name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod', pod: { labels: podLabel }, pods: [existing({ anti: [notIn('service', 'zone', ['securityscan', 'value2'])] })], nodes: NODE1, want: [SUCCESS] },
  { name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod", pod: { labels: podLabel, anti: [exists('service', 'region'), exists('security', 'region')] }, pods: [existing({ labels: podLabel2, anti: [exists('security', 'zone')] })], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms', pod: { labels: podLabel, anti: [exists('service', 'zone'), exists('security', 'zone')] }, pods: [existing({ labels: podLabel2, anti: [exists('security', 'zone')] })], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms', pod: { labels: podLabel2, anti: [exists('security', 'zone')] }, pods: [existing({ anti: [exists('service', 'zone'), exists('security', 'zone')] })], nodes: NODE1, want: [EXISTING_ANTI_AFFINITY] },
  { name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms', pod: { labels: { abc: '', xyz: '' }, anti: [exists('abc', 'zone'), exists('def', 'zone')] }, pods: [existing({ labels: { def: '', xyz: '' }, anti: [exists('abc', 'zone'), exists('def', 'zone')] })], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms', pod: { labels: { def: '', xyz: '' }, anti: [exists('abc', 'zone'), exists('def', 'zone')] }, pods: [existing({ labels: { abc: '', xyz: '' }, anti: [exists('abc', 'zone'), exists('def', 'zone')] })], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: 'affinity with NamespaceSelector', pod: { labels: podLabel2, affinity: [inTerm('service', 'region', ['securityscan', 'value2'], teamSelector)] }, pods: [existing({ namespace: 'subteam1.team1' })], nodes: NODE1, want: [SUCCESS] },
  { name: 'affinity with non-matching NamespaceSelector', pod: { labels: podLabel2, affinity: [inTerm('service', 'region', ['securityscan', 'value2'], teamSelector)] }, pods: [existing({ namespace: 'subteam1.team2' })], nodes: NODE1, want: [AFFINITY] },
  { name: 'anti-affinity with matching NamespaceSelector', pod: { namespace: 'subteam1.team1', labels: podLabel2, anti: [inTerm('service', 'zone', ['securityscan', 'value2'], teamSelector)] }, pods: [existing({ namespace: 'subteam2.team1' })], nodes: NODE1, want: [ANTI_AFFINITY] },
  { name: 'anti-affinity with matching all NamespaceSelector', pod: { namespace: 'subteam1.team1', labels: podLabel2, anti: [inTerm('service', 'zone', ['securityscan', 'value2'], { namespaceSelector: {} })] }, pods: [existing({ namespace: 'subteam2.team1' })], nodes: NODE1, want: [ANTI_AFFINITY] },
  {
    name: 'anti-affinity with non-matching NamespaceSelector',
    pod: { namespace: 'subteam1.team1', labels: podLabel2, anti: [inTerm('service', 'zone', ['securityscan', 'value2'], teamSelector)] },
    pods: [existing({ namespace: 'subteam1.team2' })],
    nodes: NODE1,
    want: [SUCCESS],
  },
];

describe('TestRequiredAffinitySingleNode (upstream filtering_test.go)', () => {
  it.each(singleNode)('$name', (c) => {
    expect(statuses(c).slice(0, c.want.length)).toEqual(c.want);
  });
});

const CHINA = { region: 'China' };
const CHINA_AZ1 = { region: 'China', az: 'az1' };
const INDIA = { region: 'India' };
const rz = (name: string, zone: string) => [name, { region: 'r1', zone, hostname: name }] as const;
const AB_SAME_ZONE = [rz('nodeA', 'z1'), rz('nodeB', 'z1')];
const AB = [rz('nodeA', 'z1'), rz('nodeB', 'z2')];
const fooBar: Labels = { foo: '', bar: '' };

/**
 * Upstream's pairs of cases where one pod's anti-affinity `terms` meet the other's foo and bar labels: once the pod on
 * nodeA holds the terms, once the incoming pod does. `rejects`: whether each of nodeA and nodeB is rejected.
 */
function mirroredAntiAffinity(suffix: string, terms: readonly Term[], rejects: readonly boolean[]): Case[] {
  const prefix = "only when labelSelector and topologyKey both match, it's counted as a single term match - ";
  return [
    {
      name: `Test existing pod's anti-affinity: ${prefix}${suffix}`,
      pod: { labels: fooBar },
      pods: [{ node: 'nodeA', anti: terms }],
      nodes: AB,
      want: rejects.map((rejected) => (rejected ? EXISTING_ANTI_AFFINITY : SUCCESS)),
    },
    {
      name: `Test incoming pod's anti-affinity: ${prefix}${suffix}`,
      pod: { anti: terms },
      pods: [{ node: 'nodeA', labels: fooBar }],
      nodes: AB,
      want: rejects.map((rejected) => (rejected ? ANTI_AFFINITY : SUCCESS)),
    },
  ];
}

const multipleNodes: Case[] = [
  {
    name: 'A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules',
    pod: { affinity: [inTerm('foo', 'region', ['bar'])] },
    pods: [{ node: 'node1', labels: { foo: 'bar' } }],
    nodes: [['node1', CHINA], ['node2', CHINA_AZ1], ['node3', INDIA]],
    want: [SUCCESS, SUCCESS, AFFINITY],
  },
  {
    name: "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
    pod: { labels: { foo: 'bar', service: 'securityscan' }, affinity: [inTerm('foo', 'zone', ['bar']), inTerm('service', 'zone', ['securityscan'])] },
    pods: [{ node: 'nodeA', labels: { foo: 'bar' } }],
    nodes: [['nodeA', { zone: 'az1', hostname: 'h1' }], ['nodeB', { zone: 'az2', hostname: 'h2' }]],
    want: [SUCCESS, SUCCESS],
  },
  {
    name: 'The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys',
    pod: { labels: { foo: 'bar', service: 'securityscan' }, affinity: [inTerm('foo', 'zone', ['bar']), inTerm('service', 'zone', ['securityscan'])] },
    pods: [{ node: 'nodeA', labels: { foo: 'bar' } }],
    nodes: [['nodeA', { zoneLabel: 'az1', hostname: 'h1' }], ['nodeB', { zoneLabel: 'az2', hostname: 'h2' }]],
    want: [AFFINITY, AFFINITY],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.',
    pod: { anti: [inTerm('foo', 'region', ['abc'])] },
    pods: [{ node: 'nodeA', labels: { foo: 'abc' } }],
    nodes: [['nodeA', { region: 'r1', hostname: 'nodeA' }], ['nodeB', { region: 'r1', hostname: 'nodeB' }]],
    want: [ANTI_AFFINITY, ANTI_AFFINITY],
  },
  {
    name: 'This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.',
    pod: { anti: [inTerm('foo', 'region', ['abc']), inTerm('service', 'zone', ['securityscan'])] },
    pods: [{ node: 'nodeA', labels: { foo: 'abc', service: 'securityscan' } }],
    nodes: AB,
    want: [ANTI_AFFINITY, ANTI_AFFINITY],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC',
    pod: { anti: [inTerm('foo', 'region', ['abc'])] },
    pods: [{ node: 'nodeA', labels: { foo: 'abc' } }],
    nodes: [['nodeA', CHINA], ['nodeB', CHINA_AZ1], ['nodeC', INDIA]],
    want: [ANTI_AFFINITY, ANTI_AFFINITY, SUCCESS],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)',
    pod: { namespace: 'NS1', labels: { foo: '123' }, anti: [inTerm('foo', 'region', ['bar'])] },
    pods: [{ node: 'nodeA', namespace: 'NS1', labels: { foo: 'bar' } }, { node: 'nodeC', namespace: 'NS2', anti: [inTerm('foo', 'region', ['123'])] }],
    nodes: [['nodeA', CHINA], ['nodeB', CHINA_AZ1], ['nodeC', INDIA]],
    want: [ANTI_AFFINITY, ANTI_AFFINITY, SUCCESS],
  },
  {
    name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
    pod: { labels: { foo: '' } },
    pods: [{ node: 'nodeA', anti: [exists('foo', 'invalid-node-label')] }],
    nodes: AB_SAME_ZONE,
    want: [SUCCESS, SUCCESS],
  },
  {
    name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
    pod: { anti: [exists('foo', 'invalid-node-label')] },
    pods: [{ node: 'nodeA', labels: { foo: '' } }],
    nodes: AB_SAME_ZONE,
    want: [SUCCESS, SUCCESS],
  },
  {
    name: "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
    pod: { labels: fooBar },
    pods: [{ node: 'nodeA', anti: [exists('foo', 'zone')] }, { node: 'nodeA', anti: [exists('bar', 'region')] }],
    nodes: AB,
    want: [EXISTING_ANTI_AFFINITY, EXISTING_ANTI_AFFINITY],
  },
  {
    name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
    pod: { anti: [exists('foo', 'zone'), exists('bar', 'region')] },
    pods: [{ node: 'nodeA', labels: { foo: '' } }, { node: 'nodeB', labels: { bar: '' } }],
    nodes: AB,
    want: [ANTI_AFFINITY, ANTI_AFFINITY],
  },
  ...mirroredAntiAffinity('case when one term has invalid topologyKey', [exists('foo', 'invalid-node-label'), exists('bar', 'zone')], [true, false]),
  ...mirroredAntiAffinity('case when all terms have valid topologyKey', [exists('foo', 'region'), exists('bar', 'zone')], [true, true]),
  {
    name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
    pod: { labels: fooBar },
    pods: [{ node: 'nodeA', anti: [exists('foo', 'zone'), exists('labelA', 'zone')] }, { node: 'nodeB', anti: [exists('bar', 'zone'), exists('labelB', 'zone')] }],
    nodes: [...AB, rz('nodeC', 'z3')],
    want: [EXISTING_ANTI_AFFINITY, EXISTING_ANTI_AFFINITY, SUCCESS],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
    pod: { affinity: [exists('foo', 'region'), exists('bar', 'zone')] },
    pods: [{ node: 'nodeA', labels: fooBar }],
    nodes: AB_SAME_ZONE,
    want: [SUCCESS, SUCCESS],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
    pod: { affinity: [exists('foo', 'region'), exists('bar', 'zone')] },
    pods: [{ node: 'nodeA', labels: { foo: '' } }, { node: 'nodeB', labels: { bar: '' } }],
    nodes: AB,
    want: [AFFINITY, AFFINITY],
  },
];

describe('TestRequiredAffinityMultipleNodes (upstream filtering_test.go)', () => {
  it.each(multipleNodes)('$name', (c) => {
    expect(statuses(c)).toEqual(c.want);
  });
});

/** The state's incoming-pod counts as upstream's topologyToMatchedTermCount: "key/value" → count. */
const countsOf = (counts: ReadonlyMap<string, number>) => Object.fromEntries([...counts].map(([key, n]) => [key.replace('\u0000', '/'), n]));

function preFilterState(pod: PodShape, pods: readonly BoundPod[], nodes: readonly (readonly [string, Labels])[]): InterPodAffinityState | 'skip' {
  const infos = nodes.map(([name, labels]) => nodeInfoOf({ name, labels }, pods.filter((p) => p.node === name).map((p, i) => podOf(p, name, `${name}-${i}`))));
  const result = plugin.preFilter?.(podOf(pod), clusterOf(infos));
  if (result?.kind === 'skip') return 'skip';
  if (result?.kind !== 'state') throw new Error('no state');
  return result.state as InterPodAffinityState;
}

// TestGetTPMapMatchingIncomingAffinityAntiAffinity (the same stored filtering_test.go): the incoming pod's affinity and
// anti-affinity counts PreFilter records. Upstream's empty maps for a pod without terms are kubefit's PreFilter skip.
describe('TestGetTPMapMatchingIncomingAffinityAntiAffinity (upstream filtering_test.go)', () => {
  const NODE_A = [['nodeA', { hostname: 'nodeA' }]] as const;
  const onA = (...keys: string[]): BoundPod => ({ node: 'nodeA', labels: Object.fromEntries(keys.map((k) => [k, ''])) });
  const terms = (...keys: string[]) => keys.map((key) => exists(key, 'hostname'));
  const ONE = { 'hostname/nodeA': 1 };
  it.each([
    { name: 'nil test', pod: {}, pods: [], affinity: 'skip', anti: 'skip' },
    { name: 'incoming pod without affinity/anti-affinity causes a no-op', pod: {}, pods: [onA('aaa')], affinity: 'skip', anti: 'skip' },
    { name: "no pod has label that violates incoming pod's affinity and anti-affinity", pod: { affinity: terms('aaa'), anti: terms('aaa') }, pods: [onA('bbb')], affinity: {}, anti: {} },
    { name: "existing pod matches incoming pod's affinity and anti-affinity - single term case", pod: { affinity: terms('aaa'), anti: terms('aaa') }, pods: [onA('aaa')], affinity: ONE, anti: ONE },
    { name: "existing pod matches incoming pod's affinity and anti-affinity - multiple terms case", pod: { affinity: terms('aaa', 'bbb'), anti: terms('aaa') }, pods: [onA('aaa', 'bbb')], affinity: { 'hostname/nodeA': 2 }, anti: ONE },
    { name: "existing pod not match incoming pod's affinity but matches anti-affinity", pod: { affinity: terms('aaa', 'bbb'), anti: terms('aaa', 'bbb') }, pods: [onA('aaa')], affinity: {}, anti: ONE },
    { name: "incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 1", pod: { affinity: terms('aaa', 'ccc'), anti: terms('aaa', 'ccc') }, pods: [onA('aaa', 'bbb')], affinity: {}, anti: ONE },
    { name: "incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 2", pod: { affinity: terms('aaa', 'bbb'), anti: terms('aaa', 'bbb') }, pods: [onA('bbb')], affinity: {}, anti: ONE },
  ])('$name', ({ pod, pods, affinity, anti }) => {
    const state = preFilterState(pod, pods, NODE_A);
    const got = state === 'skip' ? { affinity: 'skip', anti: 'skip' } : { affinity: countsOf(state.affinityCounts), anti: countsOf(state.antiAffinityCounts) };
    expect(got).toEqual({ affinity, anti });
  });
});

// TestPreFilterStateAddRemovePod (the same stored filtering_test.go): AddPod brings the counts to PreFilter's with the
// added pod bound. kubefit has no RemovePod (preemption prepares PreFilter again), so only the AddPod half is ported.
describe('TestPreFilterStateAddRemovePod (upstream filtering_test.go)', () => {
  const nodes = [['nodeA', { region: 'r1', zone: 'z11' }], ['nodeB', { region: 'r1', zone: 'z12' }], ['nodeC', { region: 'r2', zone: 'z21' }]] as const;
  const fooBar = inTerm('foo', 'region', ['bar']);
  const complex = [inTerm('foo', 'region', ['bar', 'buzz']), notIn('service', 'zone', ['bar', 'security', 'test'])];
  const selector1: Labels = { foo: 'bar' };
  const p1: BoundPod = { node: 'nodeA', labels: selector1 };
  it.each([
    {
      name: 'preFilterState anti-affinity terms are updated correctly after adding and removing a pod',
      pending: { labels: selector1, anti: [fooBar] },
      existing: [p1, { node: 'nodeC', anti: [fooBar] }],
      added: { node: 'nodeB', labels: selector1, anti: [fooBar] },
      anti: { 'region/r1': 2 },
      affinity: {},
    },
    {
      name: 'preFilterState anti-affinity terms are updated correctly after adding and removing a pod (complex terms)',
      pending: { labels: selector1, anti: complex },
      existing: [p1, { node: 'nodeC', anti: [fooBar] }],
      added: { node: 'nodeA', labels: selector1, anti: complex },
      anti: { 'region/r1': 2, 'zone/z11': 2, 'zone/z21': 1 },
      affinity: {},
    },
    {
      name: 'preFilterState matching pod affinity and anti-affinity are updated correctly after adding and removing a pod',
      pending: { labels: selector1, affinity: complex },
      existing: [p1, { node: 'nodeC', anti: [fooBar], affinity: complex }],
      added: { node: 'nodeA', labels: selector1, anti: complex },
      anti: {},
      affinity: { 'region/r1': 2, 'zone/z11': 2 },
    },
  ] as { name: string; pending: PodShape; existing: BoundPod[]; added: BoundPod; anti: Record<string, number>; affinity: Record<string, number> }[])('$name', ({ pending, existing, added, anti, affinity }) => {
    const state = preFilterState(pending, existing, nodes);
    const all = preFilterState(pending, [...existing, added], nodes);
    if (state === 'skip' || all === 'skip') throw new Error('skipped');
    const node = nodeInfoOf({ name: added.node, labels: Object.fromEntries(nodes)[added.node] ?? {} });
    const after = plugin.addPod?.(state, podOf(pending), podOf(added, added.node, 'addedPod'), node) as InterPodAffinityState;
    expect({ anti: countsOf(after.antiAffinityCounts), affinity: countsOf(after.affinityCounts) }).toEqual({ anti, affinity });
    expect(after).toEqual(all);
  });
});

// upstream: filtering_discrepancy_test.go TestAffinityDiscrepancy (kubernetes/kubernetes @2048681c, after v1.36: a
// fast track for hostname-scoped terms that must keep these verdicts). Two hostname terms need one pod matching both.
describe('TestAffinityDiscrepancy (upstream filtering_discrepancy_test.go)', () => {
  const HOSTNAME = 'kubernetes.io/hostname';
  const twoTerms = [term(HOSTNAME, [['foo', 'In', ['bar']]]), term(HOSTNAME, [['baz', 'In', ['qux']]])];
  const host = (name: string) => [name, { [HOSTNAME]: name }] as const;
  const podA = { node: 'node-1', labels: { foo: 'bar' } };
  const podB = { node: 'node-1', labels: { baz: 'qux' } };
  it.each<Case>([
    {
      name: 'a node with two pods each matching one term fails, the node of a pod matching both passes, an empty node fails',
      pod: { affinity: twoTerms },
      pods: [podA, podB, { node: 'node-3', labels: { foo: 'bar', baz: 'qux' } }],
      nodes: [host('node-1'), host('node-3'), host('node-2')],
      want: [AFFINITY, SUCCESS, AFFINITY],
    },
    {
      name: 'with no pod matching both terms anywhere, a pod matching its own terms passes on the empty node (the first-pod exception)',
      pod: { labels: { foo: 'bar', baz: 'qux' }, affinity: twoTerms },
      pods: [podA, podB],
      nodes: [host('node-1'), host('node-2')],
      want: [SUCCESS, SUCCESS],
    },
  ])('$name', (c) => {
    expect(statuses(c)).toEqual(c.want);
  });
});
