import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON_UNTOLERATED, untoleratedTaint } from './taint-toleration.js';

type Taint = Readonly<Record<string, string>>;
interface Case {
  readonly name: string;
  readonly tolerations: readonly Taint[];
  readonly taints: readonly Taint[];
  readonly want: FilterResult;
}

// Ported from pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter.
const cases: Case[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: unresolvable(ERR_REASON_UNTOLERATED),
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: SUCCESS,
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: unresolvable(ERR_REASON_UNTOLERATED),
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: SUCCESS,
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ],
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
    want: SUCCESS,
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: unresolvable(ERR_REASON_UNTOLERATED),
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: SUCCESS,
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: SUCCESS,
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: SUCCESS,
  },
  {
    name: 'an empty key with operator Exists tolerates every taint',
    tolerations: [{ operator: 'Exists' }],
    taints: [{ key: 'a', value: 'b', effect: 'NoExecute' }],
    want: SUCCESS,
  },
  {
    name: 'a NoExecute taint filters like NoSchedule',
    tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'a', value: 'b', effect: 'NoExecute' }],
    want: unresolvable(ERR_REASON_UNTOLERATED),
  },
];

// Ported from taint_toleration_test.go TestTaintTolerationFilterWithFeatureGate (@04c0d74f), the cases with the gate
// disabled: TaintTolerationComparisonOperators is alpha (off by default), so a Gt or Lt toleration tolerates nothing.
// The cases with the gate enabled are skipped, kubefit follows the default gates.
const sla = (value: string) => ({ key: 'node.kubernetes.io/sla', value, effect: 'NoSchedule' });
const slaToleration = (operator: string, value: string) => ({ ...sla(value), operator });
const dedicated = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };
const gateDisabledCases: Case[] = [
  { name: 'Pod with Gt toleration cannot be scheduled when feature gate is disabled', tolerations: [slaToleration('Gt', '750')], taints: [sla('950')], want: unresolvable(ERR_REASON_UNTOLERATED) },
  { name: 'Pod with Lt toleration cannot be scheduled when feature gate is disabled', tolerations: [slaToleration('Lt', '950')], taints: [sla('800')], want: unresolvable(ERR_REASON_UNTOLERATED) },
  {
    name: 'Pod with mixed tolerations (Equal and Gt) when feature gate is disabled - only Equal is honored',
    tolerations: [{ ...dedicated, operator: 'Equal' }, slaToleration('Gt', '750')],
    taints: [dedicated],
    want: SUCCESS,
  },
  {
    name: 'Pod with mixed tolerations, Gt toleration needed but filtered out when feature gate is disabled',
    tolerations: [{ ...dedicated, operator: 'Equal' }, slaToleration('Gt', '750')],
    taints: [dedicated, sla('950')],
    want: unresolvable(ERR_REASON_UNTOLERATED),
  },
];

describe('TaintToleration', () => {
  it.each(gateDisabledCases)('TestTaintTolerationFilterWithFeatureGate: $name', ({ tolerations, taints, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], tolerations });
    expect(runFilter(plugin, pod, nodeInfoOf({ taints }))).toEqual(want);
  });

  it.each(cases)('$name', ({ tolerations, taints, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], tolerations });
    expect(runFilter(plugin, pod, nodeInfoOf({ taints }))).toEqual(want);
  });

  // upstream: taint_toleration.go Filter reads node.Spec.Taints; spec.unschedulable is NodeUnschedulable's alone
  it('passes a cordoned node whose spec.taints lack the unschedulable taint (a profile without NodeUnschedulable)', () => {
    const pod = podInfoOf({ containers: [{ name: 'c' }] });
    expect(runFilter(plugin, pod, nodeInfoOf({ unschedulable: true }))).toEqual(SUCCESS);
  });

  it('names the first untolerated taint before v1.35, with an empty value printed as nothing', () => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], tolerations: [{ key: 'a', operator: 'Exists' }] });
    const node = nodeInfoOf({ taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'dedicated', value: '', effect: 'NoSchedule' }, { key: 'z', value: 'x', effect: 'NoSchedule' }] });
    const result = runFilter(plugin, pod, node, clusterOf([node], 34));
    expect(result).toEqual(unresolvable('node(s) had untolerated taint {dedicated: }'));
    expect(untoleratedTaint({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })).toBe('node(s) had untolerated taint {dedicated: gpu}');
  });
});
