// Ports of pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinityPriority (kubernetes/
// kubernetes, newest stored version), run the way kube-scheduler scores: the objects are loaded as a cluster, the
// profile (a KubeSchedulerConfiguration, with NodeAffinityArgs.addedAffinity for the "added affinity" cases) scores with
// NodeAffinity alone, and the scores are the ones selectHost compares. A PreScore Skip leaves every node at 0.
// node-affinity.test.ts runs the same table against the plugin alone. Skipped: "PreScore returns error when an incoming
// Pod has a broken affinity" (a label key the API server rejects) and "calculate the priorities correctly even if
// PreScore is not called" (the scheduler always runs PreScore; its scores equal the case with PreScore).
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';
import { inTerm, label1, label2, label3, label4, label5, nodeAffinity1, nodeAffinity2, preferredTerms } from './upstream-score-objects.js';

type Labels = Readonly<Record<string, string>>;

interface Case {
  readonly name: string;
  readonly affinity?: Value;
  readonly addedAffinity?: Value;
  readonly nodes: readonly (readonly [string, Labels])[];
  readonly want: Readonly<Record<string, number>>;
}

function scores(c: Case): Record<string, number> {
  const incoming = pod({ name: 'p', spec: c.affinity ? { affinity: { nodeAffinity: c.affinity } } : {} });
  const docs = [...c.nodes.map(([name, labels]) => node({ name, labels })), incoming];
  return scoreNodes(docs, scoreOnlyConfig('NodeAffinity', c.addedAffinity && { addedAffinity: c.addedAffinity }));
}

describe('TestNodeAffinityPriority (upstream)', () => {
  it.each<Case>([
    { name: 'all nodes are same priority as NodeAffinity is nil', nodes: [['node1', label1], ['node2', label2], ['node3', label3]], want: { node1: 0, node2: 0, node3: 0 } },
    { name: 'Skip is returned in PreScore when NodeAffinity is nil', nodes: [['node1', label1]], want: { node1: 0 } },
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      affinity: nodeAffinity1,
      nodes: [['node1', label4], ['node2', label2], ['node3', label3]],
      want: { node1: 0, node2: 0, node3: 0 },
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      affinity: nodeAffinity1,
      nodes: [['node1', label1], ['node2', label2], ['node3', label3]],
      want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities ',
      affinity: nodeAffinity2,
      nodes: [['node1', label1], ['node5', label5], ['node2', label2]],
      want: { node1: 18, node5: 100, node2: 36 },
    },
    { name: 'added affinity', addedAffinity: nodeAffinity1, nodes: [['node1', label1], ['node2', label2]], want: { node1: 100, node2: 0 } },
    {
      name: 'added affinity and pod has default affinity',
      affinity: nodeAffinity1,
      addedAffinity: preferredTerms([3, [inTerm('key', 'value')]]),
      nodes: [['node1', label1], ['node2', label2], ['node3', label5]],
      want: { node1: 40, node2: 60, node3: 100 },
    },
  ])('$name', (c) => {
    expect(scores(c)).toEqual(c.want);
  });
});
