import { describe, expect, it } from 'vitest';
import { nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import taintToleration from './taint-toleration.js';

const prefer = (key: string, value: string, effect = 'PreferNoSchedule') => ({ key, value, effect });
const toleration = (key: string, value: string, effect = 'PreferNoSchedule') => ({ key, operator: 'Equal', value, effect });

// Ported from pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationScore
// (@04c0d74f). Skipped: the Gt and Lt cases that need TaintTolerationComparisonOperators (alpha, off by default).
describe('TaintToleration score', () => {
  it.each([
    {
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      tolerations: [toleration('foo', 'bar')],
      taints: [[prefer('foo', 'bar')], [prefer('foo', 'blah')]],
      want: [100, 0],
    },
    {
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      tolerations: [toleration('cpu-type', 'arm64'), toleration('disk-type', 'ssd')],
      taints: [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      want: [100, 100, 100],
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets.',
      tolerations: [toleration('foo', 'bar')],
      taints: [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      want: [100, 50, 0],
    },
    {
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by prioritize function',
      tolerations: [toleration('cpu-type', 'arm64', 'NoSchedule'), toleration('disk-type', 'ssd', 'NoSchedule')],
      taints: [[], [prefer('cpu-type', 'arm64', 'NoSchedule')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      want: [100, 100, 0],
    },
    {
      name: 'Default behaviour No taints and tolerations',
      tolerations: [],
      taints: [[], [prefer('cpu-type', 'arm64')]],
      want: [100, 0],
    },
    // Upstream runs it with TaintTolerationComparisonOperators on; with the alpha gate off (kubefit follows the default
    // gates) a Gt toleration tolerates nothing, which gives the same scores.
    {
      name: 'Score ignores parse errors from numeric PreferNoSchedule taint value',
      tolerations: [{ key: 'node.kubernetes.io/sla', operator: 'Gt', value: '950', effect: 'PreferNoSchedule' }],
      taints: [[], [prefer('node.kubernetes.io/sla', 'high')]],
      want: [100, 0],
    },
  ])('$name', ({ tolerations, taints, want }) => {
    const nodes = taints.map((list, i) => nodeInfoOf({ name: `node${i}`, taints: list }));
    expect(runScorePlugin(taintToleration, podInfoOf({ containers: [{ name: 'c' }], tolerations }), nodes)).toEqual(want);
  });
});
