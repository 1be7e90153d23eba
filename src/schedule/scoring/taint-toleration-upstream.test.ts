// Ports of pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationScore
// (kubernetes/kubernetes at 04c0d74f8e8bf18e93a9d8d082b218d3eb4c6395), run the way kube-scheduler scores: the objects
// are loaded as a cluster, the profile (a KubeSchedulerConfiguration) scores with TaintToleration alone, and the scores
// are the ones selectHost compares. taint-toleration.test.ts runs the same table against the plugin alone. Skipped:
// the Gt and Lt cases, which need TaintTolerationComparisonOperators (alpha, off by default); "Score ignores parse
// errors from numeric PreferNoSchedule taint value" runs with the gate off, where a Gt toleration tolerates nothing
// and the scores are the same.
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';

const taint = (key: string, value: string, effect = 'PreferNoSchedule') => ({ key, value, effect });
const toleration = (key: string, value: string, effect = 'PreferNoSchedule', operator = 'Equal') => ({ key, operator, value, effect });

interface Case {
  readonly name: string;
  readonly tolerations: readonly Value[];
  readonly taints: Readonly<Record<string, readonly Value[]>>;
  readonly want: Readonly<Record<string, number>>;
}

function scores(c: Case): Record<string, number> {
  const docs = [...Object.entries(c.taints).map(([name, taints]) => node({ name, taints })), pod({ name: 'pod1', spec: { tolerations: c.tolerations } })];
  return scoreNodes(docs, scoreOnlyConfig('TaintToleration'));
}

describe('TestTaintTolerationScore (upstream)', () => {
  it.each<Case>([
    {
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      tolerations: [toleration('foo', 'bar')],
      taints: { nodeA: [taint('foo', 'bar')], nodeB: [taint('foo', 'blah')] },
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      tolerations: [toleration('cpu-type', 'arm64'), toleration('disk-type', 'ssd')],
      taints: { nodeA: [], nodeB: [taint('cpu-type', 'arm64')], nodeC: [taint('cpu-type', 'arm64'), taint('disk-type', 'ssd')] },
      want: { nodeA: 100, nodeB: 100, nodeC: 100 },
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets.',
      tolerations: [toleration('foo', 'bar')],
      taints: { nodeA: [], nodeB: [taint('cpu-type', 'arm64')], nodeC: [taint('cpu-type', 'arm64'), taint('disk-type', 'ssd')] },
      want: { nodeA: 100, nodeB: 50, nodeC: 0 },
    },
    {
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
      tolerations: [toleration('cpu-type', 'arm64', 'NoSchedule'), toleration('disk-type', 'ssd', 'NoSchedule')],
      taints: { nodeA: [], nodeB: [taint('cpu-type', 'arm64', 'NoSchedule')], nodeC: [taint('cpu-type', 'arm64'), taint('disk-type', 'ssd')] },
      want: { nodeA: 100, nodeB: 100, nodeC: 0 },
    },
    {
      name: 'Default behaviour No taints and tolerations, lands on node with no taints',
      tolerations: [],
      taints: { nodeA: [], nodeB: [taint('cpu-type', 'arm64')] },
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      name: 'Score ignores parse errors from numeric PreferNoSchedule taint value',
      tolerations: [toleration('node.kubernetes.io/sla', '950', 'PreferNoSchedule', 'Gt')],
      taints: { nodeA: [], nodeB: [taint('node.kubernetes.io/sla', 'high')] },
      want: { nodeA: 100, nodeB: 0 },
    },
  ])('$name', (c) => {
    expect(scores(c)).toEqual(c.want);
  });
});
