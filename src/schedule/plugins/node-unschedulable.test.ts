import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON_UNSCHEDULABLE } from './node-unschedulable.js';

interface Case {
  readonly name: string;
  readonly tolerations: readonly Readonly<Record<string, string>>[];
  readonly unschedulable: boolean;
  readonly want: FilterResult;
}

// Ported from pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go.
const cases: Case[] = [
  { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', tolerations: [], unschedulable: true, want: unresolvable(ERR_REASON_UNSCHEDULABLE) },
  { name: 'Schedule pod to normal node', tolerations: [], unschedulable: false, want: SUCCESS },
  {
    name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    unschedulable: true,
    want: SUCCESS,
  },
  {
    name: 'a toleration of another key does not admit the pod to a cordoned node',
    tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
    unschedulable: true,
    want: unresolvable('node(s) were unschedulable'),
  },
];

describe('NodeUnschedulable', () => {
  it.each(cases)('$name', ({ tolerations, unschedulable, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], tolerations });
    expect(runFilter(plugin, pod, nodeInfoOf({ unschedulable }))).toEqual(want);
  });
});
