// Port of pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity (kubernetes/kubernetes
// @022462ccaeb5664cfd0c860978624bb0619aaa01): PreFilter's result (skip, narrowed node names, rejection) and Filter's
// status on one node, copied from upstream: all 31 cases, the three with NodeAffinityArgs.addedAffinity through
// nodeAffinityFilter (a profile's args; the default profile sets none).
import { describe, expect, it } from 'vitest';
import { toNodeSelector } from '../../model/labels.js';
import { SUCCESS, unresolvable, type FilterPlugin, type FilterResult } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf } from '../test-support.js';
import plugin, { ERR_REASON_CONFLICT, ERR_REASON_ENFORCED, ERR_REASON_POD, nodeAffinityFilter } from './node-affinity.js';

const rejected = unresolvable(ERR_REASON_POD);
const required = (...nodeSelectorTerms: unknown[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
});
const req = (key: string, operator: string, values?: string[]) => ({ key, operator, ...(values ? { values } : {}) });
const exprs = (...matchExpressions: unknown[]) => ({ matchExpressions });
const nameIn = (name: string) => req('metadata.name', 'In', [name]);

type PreFilterWant = 'skip' | 'no narrowing' | 'reject' | readonly string[];
interface Case {
  readonly name: string;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly nodeName?: string;
  readonly wantPreFilter: PreFilterWant;
  readonly want: FilterResult;
  /** NodeAffinityArgs.addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms */
  readonly added?: readonly unknown[];
}

const cases: Case[] = [
  { name: 'missing labels', spec: { nodeSelector: { foo: 'bar' } }, wantPreFilter: 'no narrowing', want: rejected },
  { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, wantPreFilter: 'no narrowing', want: SUCCESS },
  { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, wantPreFilter: 'no narrowing', want: SUCCESS },
  { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, wantPreFilter: 'no narrowing', want: rejected },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    spec: required(exprs(req('foo', 'In', ['bar', 'value2']))),
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    spec: required(exprs(req('kernel-version', 'Gt', ['0204']))),
    labels: { 'kernel-version': '0206' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    spec: required(exprs(req('mem-type', 'NotIn', ['DDR', 'DDR2']))),
    labels: { 'mem-type': 'DDR3' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    spec: required(exprs(req('GPU', 'Exists'))),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    spec: required(exprs(req('foo', 'In', ['value1', 'value2']))),
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    spec: required(exprs()),
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  { name: 'Pod with no Affinity will schedule onto a node', spec: {}, labels: { foo: 'bar' }, wantPreFilter: 'skip', want: SUCCESS },
  {
    name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
    spec: { affinity: { nodeAffinity: {} } },
    labels: { foo: 'bar' },
    wantPreFilter: 'skip',
    want: SUCCESS,
  },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    spec: required(exprs(req('GPU', 'Exists'), req('GPU', 'NotIn', ['AMD', 'INTER']))),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    spec: required(exprs(req('GPU', 'Exists'), req('GPU', 'In', ['AMD', 'INTER']))),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    spec: required(exprs(req('foo', 'In', ['bar', 'value2'])), exprs(req('diffkey', 'In', ['wrong', 'value2']))),
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    spec: { nodeSelector: { foo: 'bar' }, ...required(exprs(req('foo', 'Exists'))) },
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    spec: { nodeSelector: { foo: 'bar' }, ...required(exprs(req('foo', 'Exists'))) },
    labels: { foo: 'barrrrrr' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    spec: required(exprs(req('foo', 'NotIn', ['invalid value: ___@#$%^']))),
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    spec: required({ matchFields: [nameIn('node1')] }),
    nodeName: 'node1',
    wantPreFilter: ['node1'],
    want: SUCCESS,
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    spec: required({ matchFields: [nameIn('node1')] }),
    nodeName: 'node2',
    wantPreFilter: ['node1'],
    want: rejected,
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    spec: required({ matchFields: [nameIn('node1'), nameIn('node2')] }, exprs(req('foo', 'In', ['bar']))),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    spec: required({ matchFields: [nameIn('node1')], matchExpressions: [req('foo', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilter: ['node1'],
    want: rejected,
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    spec: required({ matchFields: [nameIn('node1')], matchExpressions: [req('foo', 'In', ['bar'])] }),
    nodeName: 'node1',
    labels: { foo: 'bar' },
    wantPreFilter: ['node1'],
    want: SUCCESS,
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    spec: required({ matchFields: [nameIn('node1')] }, exprs(req('foo', 'In', ['not-match-to-bar']))),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: 'Pod with two terms of node.Name affinity',
    spec: required({ matchFields: [nameIn('node1')] }, { matchFields: [nameIn('node2')] }),
    nodeName: 'node2',
    wantPreFilter: ['node1', 'node2'],
    want: SUCCESS,
  },
  {
    name: 'Pod with two conflicting mach field requirements',
    spec: required({ matchFields: [nameIn('node1'), nameIn('node2')] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    wantPreFilter: 'reject',
    want: rejected,
  },
  {
    name: "Matches added affinity and Pod's node affinity",
    spec: required(exprs(req('zone', 'In', ['foo']))),
    nodeName: 'node2',
    labels: { zone: 'foo' },
    added: [{ matchFields: [nameIn('node2')] }],
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: "Matches added affinity but not Pod's node affinity",
    spec: required(exprs(req('zone', 'In', ['bar']))),
    nodeName: 'node2',
    labels: { zone: 'foo' },
    added: [{ matchFields: [nameIn('node2')] }],
    wantPreFilter: 'no narrowing',
    want: rejected,
  },
  {
    name: "Doesn't match added affinity",
    spec: {},
    nodeName: 'node2',
    labels: { zone: 'foo' },
    added: [exprs(req('zone', 'In', ['bar']))],
    wantPreFilter: 'no narrowing',
    want: unresolvable(ERR_REASON_ENFORCED),
  },
  {
    name: 'Matches node selector correctly even if PreFilter is not called',
    spec: { nodeSelector: { foo: 'bar' } },
    labels: { foo: 'bar', baz: 'blah' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
  {
    name: 'Matches node affinity correctly even if PreFilter is not called',
    spec: required(exprs(req('GPU', 'Exists'), req('GPU', 'NotIn', ['AMD', 'INTER']))),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    wantPreFilter: 'no narrowing',
    want: SUCCESS,
  },
];

function preFilterOutcome(tested: FilterPlugin, spec: Readonly<Record<string, unknown>>): PreFilterWant {
  const result = tested.preFilter?.(podInfoOf({ containers: [{ name: 'c' }], ...spec }), clusterOf([]));
  if (result?.kind !== 'state') return result?.kind ?? 'no narrowing';
  return result.nodeNames ? [...result.nodeNames].sort() : 'no narrowing';
}

describe('TestNodeAffinity (upstream)', () => {
  it.each(cases)('$name', ({ spec, labels, nodeName, wantPreFilter, want, added }) => {
    const tested = added ? nodeAffinityFilter({ required: toNodeSelector({ nodeSelectorTerms: added }), preferred: [] }) : plugin;
    expect(preFilterOutcome(tested, spec)).toEqual(wantPreFilter);
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...spec });
    expect(tested.filter(pod, nodeInfoOf({ name: nodeName ?? 'node', labels: labels ?? {} }), undefined)).toEqual(want);
  });

  it('rejects conflicting matchFields with upstream reason', () => {
    expect(plugin.preFilter?.(podInfoOf({ containers: [{ name: 'c' }], ...required({ matchFields: [nameIn('a'), nameIn('b')] }) }), clusterOf([]))).toEqual({ kind: 'reject', reason: ERR_REASON_CONFLICT });
  });
});
