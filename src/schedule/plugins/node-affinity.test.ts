import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON_CONFLICT, ERR_REASON_POD } from './node-affinity.js';

const rejected = unresolvable("node(s) didn't match Pod's node affinity/selector");
const required = (...nodeSelectorTerms: unknown[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
});
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

interface Case {
  readonly name: string;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly nodeName?: string;
  readonly want: FilterResult;
}

// Names from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity where ported.
const cases: Case[] = [
  { name: 'no selector', spec: {}, labels: {}, want: SUCCESS },
  { name: 'missing labels', spec: { nodeSelector: { foo: 'bar' } }, labels: {}, want: rejected },
  { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, want: SUCCESS },
  { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, want: SUCCESS },
  { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, want: rejected },
  { name: 'Pod with matchExpressions using In operator that matches the existing node', spec: required(expr('foo', 'In', ['bar', 'value2'])), labels: { foo: 'bar' }, want: SUCCESS },
  { name: 'Pod with matchExpressions using Gt operator that matches the existing node', spec: required(expr('kernel-version', 'Gt', ['0204'])), labels: { 'kernel-version': '0206' }, want: SUCCESS },
  { name: "Pod with matchExpressions using NotIn operator that doesn't match the existing node", spec: required(expr('mem-type', 'NotIn', ['DDR', 'DDR2'])), labels: { 'mem-type': 'DDR3' }, want: SUCCESS },
  { name: 'Pod with matchExpressions using Exists operator that matches the existing node', spec: required(expr('GPU', 'Exists')), labels: { GPU: 'NVIDIA-GRID-K1' }, want: SUCCESS },
  { name: 'Pod with affinity that don\'t match node\'s labels won\'t schedule onto the node', spec: required(expr('foo', 'In', ['value1', 'value2'])), labels: { foo: 'bar' }, want: rejected },
  { name: 'Pod with a nil []NodeSelectorTerm in affinity, can\'t match the node\'s labels and won\'t schedule onto the node', spec: required(), labels: { foo: 'bar' }, want: rejected },
  { name: 'Pod with an empty []NodeSelectorTerm in affinity, can\'t match the node\'s labels and won\'t schedule onto the node', spec: required({}), labels: { foo: 'bar' }, want: rejected },
  { name: 'Pod with DoesNotExist operator that matches the node', spec: required(expr('foo', 'DoesNotExist')), labels: { bar: 'x' }, want: SUCCESS },
  { name: 'Pod with multiple matchExpressions ANDed that doesn\'t match the existing node', spec: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }, { key: 'foo', operator: 'NotIn', values: ['bar'] }] }), labels: { foo: 'bar' }, want: rejected },
  { name: 'Pod with multiple NodeSelectorTerms ORed in affinity, matches the node\'s labels and will schedule onto the node', spec: required(expr('foo', 'In', ['x']), expr('diffkey', 'In', ['wrong', 'value2'])), labels: { diffkey: 'value2' }, want: SUCCESS },
  { name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node', spec: { nodeSelector: { foo: 'bar' }, ...required(expr('foo', 'Exists')) }, labels: { foo: 'bar' }, want: SUCCESS },
  { name: 'Pod with an Affinity matches node\'s labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won\'t schedule onto the node', spec: { nodeSelector: { foo: 'bar' }, ...required(expr('foo', 'Exists')) }, labels: { foo: 'barrrrrr' }, want: rejected },
  { name: 'Pod with Gt on a label that is not an integer does not match', spec: required(expr('v', 'Gt', ['1'])), labels: { v: '1.5' }, want: rejected },
  { name: 'Pod with Lt on a missing label does not match', spec: required(expr('v', 'Lt', ['10'])), labels: {}, want: rejected },
  { name: 'a malformed term (In without values) matches nothing but other terms still count', spec: required(expr('foo', 'In', []), expr('zone', 'Exists')), labels: { foo: 'bar', zone: 'a' }, want: SUCCESS },
  { name: 'a malformed term alone matches nothing', spec: required(expr('foo', 'Gt', ['1', '2'])), labels: { foo: '5' }, want: rejected },
  { name: 'a Gt term with a non-integer value is kept and never matches', spec: required(expr('v', 'Gt', ['abc'])), labels: { v: '5' }, want: rejected },
  { name: 'Pod with matchFields using In operator that matches the existing node', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }), labels: {}, nodeName: 'node1', want: SUCCESS },
  { name: 'Pod with matchFields using In operator that does not match the existing node', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }), labels: {}, nodeName: 'node2', want: rejected },
  { name: 'Pod with two terms: matchFields does not match, but matchExpressions matches', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }, expr('foo', 'In', ['bar'])), labels: { foo: 'bar' }, nodeName: 'node2', want: SUCCESS },
  { name: 'Pod with one term: both matchFields and matchExpressions do not match', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }), labels: { foo: 'bar' }, nodeName: 'node2', want: rejected },
  { name: 'Pod with matchFields using NotIn operator excludes the node', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node1'] }] }), labels: {}, nodeName: 'node1', want: rejected },
  { name: 'PreFilter rejects terms whose metadata.name sets do not intersect', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }), labels: {}, want: unresolvable('pod affinity terms conflict') },
];

const nameIn = (...values: string[]) => ({ key: 'metadata.name', operator: 'In', values });

// upstream: node_affinity_test.go TestNodeAffinity's wantPreFilterResult / wantPreFilterStatus cases.
const preFilterCases: { name: string; spec: Readonly<Record<string, unknown>>; want: 'skip' | 'state' | 'reject' | readonly string[] }[] = [
  { name: 'no node affinity and no nodeSelector skips', spec: {}, want: 'skip' },
  { name: 'Pod with matchFields using In operator that matches the existing node', spec: required({ matchFields: [nameIn('node1')] }), want: ['node1'] },
  { name: 'Pod with two terms: both matchFields match the existing node', spec: required({ matchFields: [nameIn('node1')] }, { matchFields: [nameIn('node2')] }), want: ['node1', 'node2'] },
  { name: 'Pod with two terms: matchFields does not match, but matchExpressions matches', spec: required({ matchFields: [nameIn('node1')] }, expr('foo', 'In', ['bar'])), want: 'state' },
  { name: 'Pod with one term: matchFields In with several values (unparsable for matching) still narrows', spec: required({ matchFields: [nameIn('node1', 'node2')] }), want: ['node1', 'node2'] },
  { name: 'a term whose only requirement cannot be parsed lacks a metadata.name field: no narrowing', spec: required({ matchFields: [nameIn('node1')] }, expr('v', 'Gt', ['abc'])), want: 'state' },
  { name: 'Pod with affinity to a specific node and conflicting terms is rejected', spec: required({ matchFields: [nameIn('node1'), nameIn('node2')] }), want: 'reject' },
  { name: 'matchFields NotIn does not narrow', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node1'] }] }), want: 'state' },
];

describe('NodeAffinity PreFilter', () => {
  it.each(preFilterCases)('$name', ({ spec, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...spec });
    const result = plugin.preFilter?.(pod, clusterOf([]));
    const got = result?.kind === 'state' && result.nodeNames ? [...result.nodeNames].sort() : result?.kind;
    expect(got).toEqual(want);
  });
});

describe('NodeAffinity', () => {
  it.each(cases)('$name', ({ spec, labels, nodeName, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...spec });
    expect(runFilter(plugin, pod, nodeInfoOf({ name: nodeName ?? 'node', labels }))).toEqual(want);
  });

  it('exports the upstream reasons', () => {
    expect([ERR_REASON_POD, ERR_REASON_CONFLICT]).toEqual(["node(s) didn't match Pod's node affinity/selector", 'pod affinity terms conflict']);
  });
});
