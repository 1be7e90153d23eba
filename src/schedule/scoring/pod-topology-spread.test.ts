import { describe, expect, it } from 'vitest';
import { HOSTNAME_LABEL } from '../node-info.js';
import { toPodInfo } from '../pod-info.js';
import { podSourceOfPod } from '../snapshot.js';
import { nodeInfoOf, podInfoOf, podObject, runScorePlugin } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import podTopologySpread from './pod-topology-spread.js';

const foo = { foo: '' };
const fooSelector = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const constraint = (maxSkew: number, topologyKey: string, labelSelector: unknown = fooSelector) => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'ScheduleAnyway',
  ...(labelSelector !== null && { labelSelector }),
});
const incoming = (...constraints: ReturnType<typeof constraint>[]) =>
  podInfoOf({ containers: [{ name: 'c' }], topologySpreadConstraints: constraints }, { name: 'p', labels: foo });

/** Nodes by name: labels (hostname unless given) and the number of matching pods bound there. */
type NodeRow = readonly [name: string, pods: number, labels?: Readonly<Record<string, string>>];
const nodesOf = (rows: readonly NodeRow[]) =>
  rows.map(([name, pods, labels]) =>
    nodeInfoOf(
      { name, labels: labels ?? { [HOSTNAME_LABEL]: name } },
      Array.from({ length: pods }, (_, i) => podInfoOf({ containers: [{ name: 'c' }], nodeName: name }, { name: `p-${name}${i}`, labels: foo })),
    ),
  );

/** Matching pods spread as 2/1/0/3. */
const spread2103: NodeRow[] = [['node-a', 2], ['node-b', 1], ['node-c', 0], ['node-d', 3]];

// Ported from pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore (nodes:
// the candidates; failed: nodes in the cluster that did not pass the filters).
describe('PodTopologySpread score', () => {
  it.each([
    { name: 'one constraint on node, no existing pods', pod: incoming(constraint(1, HOSTNAME_LABEL)), nodes: [['node-a', 0], ['node-b', 0]], failed: [], want: [100, 100] },
    {
      name: 'one constraint on node, only one node is candidate',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 2]],
      failed: [['node-b', 1]],
      want: [100],
    },
    {
      name: 'one constraint on node, all nodes have the same number of matching pods',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 1], ['node-b', 1]],
      want: [100, 100],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: spread2103,
      want: [20, 60, 100, 0],
    },
    {
      name: 'one constraint on node, null selector',
      pod: incoming(constraint(1, HOSTNAME_LABEL, null)),
      nodes: spread2103,
      want: [100, 100, 100, 100],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
      pod: incoming(constraint(2, HOSTNAME_LABEL)),
      nodes: spread2103,
      want: [33, 66, 100, 16],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
      pod: incoming(constraint(3, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 3], ['node-c', 2], ['node-d', 1]],
      want: [44, 66, 77, 100],
    },
    {
      name: 'one constraint on node, 3 out of 4 nodes are candidates',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 2], ['node-x', 1]],
      failed: [['node-y', 3]],
      want: [33, 83, 100],
    },
    {
      name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 2, { n: 'node-b' }], ['node-x', 1]],
      failed: [['node-y', 3]],
      want: [16, 0, 100],
    },
    {
      name: 'one constraint on zone, 3 out of 4 nodes are candidates',
      pod: incoming(constraint(1, 'zone')),
      nodes: [['node-a', 4, { zone: 'zone1' }], ['node-b', 2, { zone: 'zone1' }], ['node-x', 1, { zone: 'zone2' }]],
      failed: [['node-y', 3, { zone: 'zone2' }]],
      want: [75, 75, 100],
    },
  ] as { name: string; pod: ReturnType<typeof incoming>; nodes: NodeRow[]; failed?: NodeRow[]; want: number[] }[])('$name', ({ pod, nodes, failed = [], want }) => {
    const feasible = nodesOf(nodes);
    expect(runScorePlugin(podTopologySpread, pod, feasible, [...feasible, ...nodesOf(failed)])).toEqual(want);
  });

  it('system defaulting, nodes don\'t have zone, pods match service', () => {
    const options = { minor: NEWEST_MINOR, services: [{ namespace: 'default', selector: foo }], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
    const pod = toPodInfo(podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: foo })), options, []);
    const nodes = nodesOf([['node-a', 4], ['node-b', 3], ['node-c', 2], ['node-d', 1]]);
    expect(runScorePlugin(podTopologySpread, pod, nodes)).toEqual([44, 66, 77, 100]);
  });
});
