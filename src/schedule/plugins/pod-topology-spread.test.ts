import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, unschedulable, type FilterResult } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH } from './pod-topology-spread.js';

const skewed = unschedulable("node(s) didn't match pod topology spread constraints");
const missingLabel = unresolvable("node(s) didn't match pod topology spread constraints (missing required label)");

const foo: Readonly<Record<string, string>> = { foo: '' };
const spreadPod = (constraints: readonly Readonly<Record<string, unknown>>[], extra: Readonly<Record<string, unknown>> = {}, labels = foo) =>
  podInfoOf({ containers: [{ name: 'c' }], topologySpreadConstraints: constraints, ...extra }, { labels });
const zoneConstraint = (extra: Readonly<Record<string, unknown>> = {}) => ({
  maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, ...extra,
});
const matching = (n: number, labels: Readonly<Record<string, string>> = foo) =>
  Array.from({ length: n }, () => podInfoOf({ containers: [{ name: 'c' }] }, { labels }));

/** Upstream's common layout: zone1 = node-a (n_a pods), node-b; zone2 = node-x, node-y. */
function cluster(counts: { a: number; b: number; x: number; y: number }): NodeInfo[] {
  return [
    nodeInfoOf({ name: 'node-a', labels: { zone: 'zone1', node: 'node-a' } }, matching(counts.a)),
    nodeInfoOf({ name: 'node-b', labels: { zone: 'zone1', node: 'node-b' } }, matching(counts.b)),
    nodeInfoOf({ name: 'node-x', labels: { zone: 'zone2', node: 'node-x' } }, matching(counts.x)),
    nodeInfoOf({ name: 'node-y', labels: { zone: 'zone2', node: 'node-y' } }, matching(counts.y)),
  ];
}

function verdicts(pod: ReturnType<typeof spreadPod>, nodes: NodeInfo[]): Record<string, FilterResult> {
  const out: Record<string, FilterResult> = {};
  for (const node of nodes) out[node.name] = runFilter(plugin, pod, node, clusterOf(nodes));
  return out;
}

// Names from pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint where ported.
describe('PodTopologySpread', () => {
  it('pods spread across zones as 3/3, all nodes fit', () => {
    expect(verdicts(spreadPod([zoneConstraint()]), cluster({ a: 1, b: 2, x: 2, y: 1 }))).toEqual({
      'node-a': SUCCESS, 'node-b': SUCCESS, 'node-x': SUCCESS, 'node-y': SUCCESS,
    });
  });

  it('pods spread across zones as 3/1, only nodes of zone2 fit', () => {
    expect(verdicts(spreadPod([zoneConstraint()]), cluster({ a: 1, b: 2, x: 1, y: 0 }))).toEqual({
      'node-a': skewed, 'node-b': skewed, 'node-x': SUCCESS, 'node-y': SUCCESS,
    });
  });

  it('pods spread across nodes as 2/1/0/3, only node-x fits (maxSkew 1 on the node label)', () => {
    const pod = spreadPod([zoneConstraint({ topologyKey: 'node' })]);
    expect(verdicts(pod, cluster({ a: 2, b: 1, x: 0, y: 3 }))).toEqual({
      'node-a': skewed, 'node-b': skewed, 'node-x': SUCCESS, 'node-y': skewed,
    });
  });

  it('no existing pods, incoming pod doesn\'t match itself', () => {
    const pod = spreadPod([zoneConstraint()], {}, { bar: '' });
    expect(verdicts(pod, cluster({ a: 0, b: 0, x: 0, y: 0 }))['node-a']).toEqual(SUCCESS);
    expect(verdicts(pod, cluster({ a: 1, b: 0, x: 0, y: 0 }))['node-a']).toEqual(SUCCESS);
  });

  it('a node without the topology key is unresolvable', () => {
    const nodes = [nodeInfoOf({ name: 'node-a', labels: { zone: 'zone1' } }), nodeInfoOf({ name: 'node-n', labels: {} })];
    expect(runFilter(plugin, spreadPod([zoneConstraint()]), nodes[1] as NodeInfo, clusterOf(nodes))).toEqual(missingLabel);
  });

  it('minDomains above the number of eligible domains makes the global minimum 0', () => {
    const nodes = cluster({ a: 1, b: 0, x: 1, y: 0 });
    expect(verdicts(spreadPod([zoneConstraint({ minDomains: 3 })]), nodes)['node-a']).toEqual(skewed);
    expect(verdicts(spreadPod([zoneConstraint({ minDomains: 2 })]), nodes)['node-a']).toEqual(SUCCESS);
  });

  it('nodeAffinityPolicy Honor leaves out domains the pod cannot reach; Ignore counts them', () => {
    const nodes = cluster({ a: 0, b: 0, x: 1, y: 0 });
    const selector = { nodeSelector: { zone: 'zone2' } };
    const honor = verdicts(spreadPod([zoneConstraint()], selector), nodes);
    expect(honor['node-x']).toEqual(SUCCESS);
    const ignore = verdicts(spreadPod([zoneConstraint({ nodeAffinityPolicy: 'Ignore' })], selector), nodes);
    expect(ignore['node-x']).toEqual(skewed);
  });

  it('nodeTaintsPolicy Honor leaves out domains whose nodes taint the pod away', () => {
    const nodes = [
      nodeInfoOf({ name: 'node-a', labels: { zone: 'zone1' }, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }),
      nodeInfoOf({ name: 'node-x', labels: { zone: 'zone2' } }, matching(1)),
    ];
    const honor = spreadPod([zoneConstraint({ nodeTaintsPolicy: 'Honor' })]);
    expect(runFilter(plugin, honor, nodes[1] as NodeInfo, clusterOf(nodes))).toEqual(SUCCESS);
    expect(runFilter(plugin, spreadPod([zoneConstraint()]), nodes[1] as NodeInfo, clusterOf(nodes))).toEqual(skewed);
  });

  // upstream: common.go matchNodeInclusionPolicies reads node.Spec.Taints, where only the node lifecycle controller puts
  // the cordon taint: a cordoned node written without it is still a domain under Honor (NodeUnschedulable rejects it).
  it('nodeTaintsPolicy Honor counts a cordoned node whose spec.taints lack the unschedulable taint', () => {
    const nodes = [
      nodeInfoOf({ name: 'node-a', labels: { zone: 'zone1' }, unschedulable: true }),
      nodeInfoOf({ name: 'node-x', labels: { zone: 'zone2' } }, matching(1)),
    ];
    expect(runFilter(plugin, spreadPod([zoneConstraint({ nodeTaintsPolicy: 'Honor' })]), nodes[1] as NodeInfo, clusterOf(nodes))).toEqual(skewed);
  });

  it('matchLabelKeys narrows the selector to pods with the same value', () => {
    const nodes = [
      nodeInfoOf({ name: 'node-a', labels: { zone: 'zone1' } }, matching(2, { foo: '', rev: 'old' })),
      nodeInfoOf({ name: 'node-x', labels: { zone: 'zone2' } }),
    ];
    const pod = spreadPod([zoneConstraint({ matchLabelKeys: ['rev'] })], {}, { foo: '', rev: 'new' });
    expect(runFilter(plugin, pod, nodes[0] as NodeInfo, clusterOf(nodes))).toEqual(SUCCESS);
    const same = spreadPod([zoneConstraint({ matchLabelKeys: ['rev'] })], {}, { foo: '', rev: 'old' });
    expect(runFilter(plugin, same, nodes[0] as NodeInfo, clusterOf(nodes))).toEqual(skewed);
  });

  it('an empty labelSelector counts no existing pod (v1.35) and ScheduleAnyway never filters', () => {
    const nodes = cluster({ a: 5, b: 0, x: 0, y: 0 });
    expect(verdicts(spreadPod([zoneConstraint({ labelSelector: {} })]), nodes)['node-a']).toEqual(SUCCESS);
    expect(verdicts(spreadPod([zoneConstraint({ whenUnsatisfiable: 'ScheduleAnyway' })]), nodes)['node-a']).toEqual(SUCCESS);
  });

  it('exports the upstream reasons', () => {
    expect([ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH]).toEqual([
      "node(s) didn't match pod topology spread constraints",
      "node(s) didn't match pod topology spread constraints (missing required label)",
    ]);
  });
});
