import { describe, expect, it } from 'vitest';
import { toNodeSelector, type NodeSelector } from '../../model/labels.js';
import { translateTopology } from './csi-topology.js';

type Expression = readonly [key: string, values: readonly string[]];

const GCE_PD_TOPOLOGY_KEY = 'topology.gke.io/zone';
const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';

/** A required node affinity of these terms, each a list of `key In values` expressions. */
const affinity = (...terms: readonly (readonly Expression[])[]): NodeSelector =>
  toNodeSelector({ nodeSelectorTerms: terms.map((term) => ({ matchExpressions: term.map(([key, values]) => ({ key, operator: 'In', values })) })) });
const expressionsOf = (selector: NodeSelector | undefined) =>
  selector?.terms.map((term) => (term.labels?.requirements ?? []).map(({ key, operator, values }) => [key, operator, values]));

interface Case {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly affinity?: NodeSelector;
  /** The expected terms, each a list of `key In values`; undefined for no node affinity. */
  readonly want: readonly (readonly Expression[])[] | undefined;
}

// Ported from staging/src/k8s.io/csi-translation-lib/plugins/in_tree_volume_test.go (kubernetes/kubernetes at
// 04791b4906602ffda5ccf9bc4c84d3329f1d7080): TestTranslateTopologyFromInTreeToCSI, and TestAddTopology's cases with the
// zones coming from the PV's zone label, as translateTopologyFromInTreeToCSI passes them.
const upstream: readonly Case[] = [
  {
    name: 'Replace GA Kubernetes Zone Topology to GCE CSI Topology',
    labels: { [ZONE]: 'us-east1-a', [REGION]: 'us-east1' },
    affinity: affinity([[ZONE, ['us-east1-a']], [REGION, ['us-east1']]]),
    want: [[[GCE_PD_TOPOLOGY_KEY, ['us-east1-a']], [REGION, ['us-east1']]]],
  },
  {
    name: 'Replace Beta Kubernetes Topology to GCE CSI Topology and upgrade region label',
    labels: { [ZONE]: 'us-east1-a', [REGION]: 'us-east1' },
    affinity: affinity([[BETA_ZONE, ['us-west2-b']], [BETA_REGION, ['us-west2']]]),
    want: [[[GCE_PD_TOPOLOGY_KEY, ['us-west2-b']], [REGION, ['us-west2']]]],
  },
  { name: 'only whitespace-named zones', labels: { [ZONE]: ' __\n__\t__  ' }, want: undefined },
  { name: 'including whitespace-named zones', labels: { [ZONE]: ' __us-central1-a' }, want: [[[GCE_PD_TOPOLOGY_KEY, ['us-central1-a']]]] },
  {
    name: 'unsorted zones', labels: { [ZONE]: 'us-central1-f__us-central1-a__us-central1-c__us-central1-b' },
    want: [[[GCE_PD_TOPOLOGY_KEY, ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f']]]],
  },
];

// getTopologyLabel's precedence and addTopology on existing terms.
const more: readonly Case[] = [
  { name: 'a beta zone label becomes the CSI key (binder_test.go zone1Labels)', labels: { [BETA_ZONE]: 'us-east-1', [BETA_REGION]: 'us-east-1a' }, want: [[[GCE_PD_TOPOLOGY_KEY, ['us-east-1']]]] },
  { name: 'the GA zone label wins over the beta one', labels: { [ZONE]: 'zone-ga', [BETA_ZONE]: 'zone-beta' }, want: [[[GCE_PD_TOPOLOGY_KEY, ['zone-ga']]]] },
  { name: 'a zone key in the node affinity wins over the labels', labels: { [ZONE]: 'zone-label' }, affinity: affinity([[ZONE, ['zone-affinity']]]), want: [[[GCE_PD_TOPOLOGY_KEY, ['zone-affinity']]]] },
  {
    name: 'a zone label is added to every term of an affinity without zone',
    labels: { [ZONE]: 'zone-a' },
    affinity: affinity([['rack', ['r1']]], [['rack', ['r2']]]),
    want: [[['rack', ['r1']], [GCE_PD_TOPOLOGY_KEY, ['zone-a']]], [['rack', ['r2']], [GCE_PD_TOPOLOGY_KEY, ['zone-a']]]],
  },
  { name: 'a GA region is kept', affinity: affinity([[REGION, ['r']]]), want: [[[REGION, ['r']]]] },
  { name: 'no zone anywhere keeps no affinity', labels: { rack: 'r1' }, want: undefined },
];

describe('translateTopology (translateTopologyFromInTreeToCSI)', () => {
  it.each([...upstream, ...more])('$name', ({ labels = {}, affinity: required, want }) => {
    expect(expressionsOf(translateTopology(required, labels, GCE_PD_TOPOLOGY_KEY))).toEqual(want?.map((term) => term.map(([key, values]) => [key, 'In', values])));
  });
});
