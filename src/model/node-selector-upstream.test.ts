// Ports of kubernetes/component-helpers (v0.36.3, the v1.36 sources) scheduling/corev1/helpers_test.go
// TestMatchNodeSelectorTerms and scheduling/corev1/nodeaffinity/nodeaffinity_test.go TestNodeSelectorMatch: a
// NodeSelector's match against one node (labels and metadata.name), every case. Upstream's NewNodeSelector returns an
// error for the malformed terms of "invalid field selector and label selector"; kube-scheduler reads required node
// affinity through NewLazyErrorNodeSelector, so here such terms never match and the well-formed ones still count.
import { describe, expect, it } from 'vitest';
import { matchesNodeSelector, toNodeSelector } from './labels.js';

type Value = Readonly<Record<string, unknown>>;

interface Case {
  readonly name: string;
  readonly terms: readonly Value[] | undefined;
  readonly node: { readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly want: boolean;
}

const expression = (key: string, values: readonly string[]) => ({ key, operator: 'In', values });
const label1 = { matchExpressions: [expression('label_1', ['label_1_val'])] };
const host1 = { matchFields: [expression('metadata.name', ['host_1'])] };
const both = { ...label1, ...host1 };

const matchNodeSelectorTermsCases: Case[] = [
  { name: 'nil terms', terms: undefined, node: {}, want: false },
  { name: 'node label matches matchExpressions terms', terms: [label1], node: { labels: { label_1: 'label_1_val' } }, want: true },
  { name: 'node field matches matchFields terms', terms: [host1], node: { name: 'host_1' }, want: true },
  { name: 'invalid node field requirement', terms: [{ matchFields: [expression('metadata.name', ['host_1', 'host_2'])] }], node: { name: 'host_1' }, want: false },
  { name: 'fieldSelectorTerm with node labels', terms: [host1], node: { name: 'not_host_1', labels: { 'metadata.name': 'host_1' } }, want: false },
  { name: 'labelSelectorTerm with node fields', terms: [{ matchExpressions: [expression('metadata.name', ['host_1'])] }], node: { name: 'host_1' }, want: false },
  { name: 'labelSelectorTerm and fieldSelectorTerm was set, but only node fields', terms: [both], node: { name: 'host_1' }, want: false },
  {
    name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (both matched)',
    terms: [both],
    node: { name: 'host_1', labels: { label_1: 'label_1_val' } },
    want: true,
  },
  {
    name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (one mismatched)',
    terms: [both],
    node: { name: 'host_1', labels: { label_1: 'label_1_val-failed' } },
    want: false,
  },
  {
    name: 'multi-selector was set, both node fields and labels (one mismatched)',
    terms: [label1, host1],
    node: { name: 'host_1', labels: { label_1: 'label_1_val-failed' } },
    want: true,
  },
];

const invalidTerms = [
  { matchFields: [expression('metadata.name', ['host_1', 'host_2'])] },
  both,
  { matchExpressions: [expression('invalid key', ['label_value'])] },
];

const nodeSelectorMatchCases: Case[] = [
  { name: 'node matches field selector, but not labels', terms: [both], node: { name: 'host_1' }, want: false },
  { name: 'node matches field selector and label selector', terms: [both], node: { name: 'host_1', labels: { label_1: 'label_1_val' } }, want: true },
  { name: 'second term matches', terms: [label1, host1], node: { name: 'host_1' }, want: true },
  // upstream wants NewNodeSelector's error here; the lazy reading keeps the middle term, which needs label_1
  { name: 'invalid field selector and label selector (lazy: only the well-formed term counts)', terms: invalidTerms, node: { name: 'host_1' }, want: false },
  { name: 'invalid field selector and label selector (lazy: the well-formed term matches)', terms: invalidTerms, node: { name: 'host_1', labels: { label_1: 'label_1_val' } }, want: true },
];

function matches({ terms, node }: Case): boolean {
  const selector = toNodeSelector(terms === undefined ? undefined : { nodeSelectorTerms: terms });
  return matchesNodeSelector(selector, node.labels ?? {}, node.name ?? '');
}

describe('TestMatchNodeSelectorTerms (upstream component-helpers scheduling/corev1/helpers_test.go)', () => {
  it.each(matchNodeSelectorTermsCases)('$name', (c) => expect(matches(c)).toBe(c.want));
});

describe('TestNodeSelectorMatch (upstream component-helpers scheduling/corev1/nodeaffinity/nodeaffinity_test.go)', () => {
  it.each(nodeSelectorMatchCases)('$name', (c) => expect(matches(c)).toBe(c.want));
});
