import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Labels } from '../../model/labels.js';
import { SUCCESS, unresolvable, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './inter-pod-affinity.js';

const affinityFails = unresolvable("node(s) didn't match pod affinity rules");
const antiAffinityFails = unschedulable("node(s) didn't match pod anti-affinity rules");
const existingAntiAffinityFails = unschedulable("node(s) didn't satisfy existing pods anti-affinity rules");

type Term = Readonly<Record<string, unknown>>;
const term = (matchLabels: Labels, topologyKey = 'region', extra: Term = {}): Term => ({ labelSelector: { matchLabels }, topologyKey, ...extra });
const withAffinity = (kind: 'podAffinity' | 'podAntiAffinity', terms: readonly Term[], labels: Labels = {}, namespace = 'default') =>
  podInfoOf(
    { containers: [{ name: 'c' }], affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } },
    { labels, namespace },
  );
const plain = (labels: Labels, namespace = 'default') => podInfoOf({ containers: [{ name: 'c' }] }, { labels, namespace });

function run(pod: ReturnType<typeof plain>, nodes: NodeInfo[], target = nodes[0] as NodeInfo, namespaces = new Map<string, Labels>()) {
  return runFilter(plugin, pod, target, clusterOf(nodes, undefined, namespaces));
}

// Names from pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode where ported.
describe('InterPodAffinity', () => {
  it('A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', () => {
    expect(run(plain({}), [nodeInfoOf({ name: 'machine1', labels: { region: 'r1' } })])).toEqual(SUCCESS);
  });

  it('satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod', () => {
    const node = nodeInfoOf({ name: 'machine1', labels: { region: 'r1' } }, [plain({ service: 'securityscan' })]);
    expect(run(withAffinity('podAffinity', [term({ service: 'securityscan' })]), [node])).toEqual(SUCCESS);
  });

  it("Does not satisfy the PodAffinity with labelSelector because of diff Namespace", () => {
    const node = nodeInfoOf({ name: 'machine1', labels: { region: 'r1' } }, [plain({ service: 'securityscan' }, 'other')]);
    expect(run(withAffinity('podAffinity', [term({ service: 'securityscan' })], {}), [node])).toEqual(affinityFails);
  });

  it('the node must carry the topology key, even for the first pod of a group', () => {
    const pod = withAffinity('podAffinity', [term({ app: 'x' }, 'zone')], { app: 'x' });
    expect(run(pod, [nodeInfoOf({ name: 'n', labels: {} })])).toEqual(affinityFails);
    expect(run(pod, [nodeInfoOf({ name: 'n', labels: { zone: 'z' } })])).toEqual(SUCCESS);
  });

  it('the first pod of a group needs to match its own terms, namespace included', () => {
    const nodes = [nodeInfoOf({ name: 'n', labels: { zone: 'z' } })];
    expect(run(withAffinity('podAffinity', [term({ app: 'x' }, 'zone')], { app: 'y' }), nodes)).toEqual(affinityFails);
    expect(run(withAffinity('podAffinity', [term({ app: 'x' }, 'zone', { namespaces: ['other'] })], { app: 'x' }), nodes)).toEqual(affinityFails);
  });

  it('a matching pod elsewhere takes the exception away: only its domain fits', () => {
    const nodes = [
      nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [plain({ app: 'x' })]),
      nodeInfoOf({ name: 'b', labels: { zone: 'z2' } }),
    ];
    const pod = withAffinity('podAffinity', [term({ app: 'x' }, 'zone')], { app: 'x' });
    expect(run(pod, nodes, nodes[0])).toEqual(SUCCESS);
    expect(run(pod, nodes, nodes[1])).toEqual(affinityFails);
  });

  it('anti-affinity rejects the domain of a matching pod; a node without the key cannot violate it', () => {
    const nodes = [
      nodeInfoOf({ name: 'a', labels: { 'kubernetes.io/hostname': 'a' } }, [plain({ app: 'web' })]),
      nodeInfoOf({ name: 'b', labels: { 'kubernetes.io/hostname': 'b' } }),
    ];
    const pod = withAffinity('podAntiAffinity', [term({ app: 'web' }, 'kubernetes.io/hostname')], { app: 'web' });
    expect(run(pod, nodes, nodes[0])).toEqual(antiAffinityFails);
    expect(run(pod, nodes, nodes[1])).toEqual(SUCCESS);
    const zoned = withAffinity('podAntiAffinity', [term({ app: 'web' }, 'zone')], { app: 'web' });
    expect(run(zoned, nodes, nodes[0])).toEqual(SUCCESS);
  });

  it("existing pods' anti-affinity rejects the incoming pod in their domain", () => {
    const guard = withAffinity('podAntiAffinity', [term({ app: 'noisy' }, 'zone')], { app: 'quiet' });
    const nodes = [
      nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [guard]),
      nodeInfoOf({ name: 'b', labels: { zone: 'z1' } }),
      nodeInfoOf({ name: 'c', labels: { zone: 'z2' } }),
    ];
    const noisy = plain({ app: 'noisy' });
    expect(nodes.map((node) => run(noisy, nodes, node))).toEqual([existingAntiAffinityFails, existingAntiAffinityFails, SUCCESS]);
  });

  it("an existing pod's namespaceSelector is matched against the incoming pod's Namespace labels", () => {
    const guard = withAffinity('podAntiAffinity', [term({ app: 'x' }, 'zone', { namespaceSelector: { matchLabels: { team: 'a' } } })]);
    const nodes = [nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [guard])];
    const incoming = plain({ app: 'x' }, 'team-a');
    expect(run(incoming, nodes, nodes[0], new Map([['team-a', { team: 'a' }]]))).toEqual(existingAntiAffinityFails);
    expect(run(incoming, nodes, nodes[0], new Map([['team-a', { team: 'b' }]]))).toEqual(SUCCESS);
  });

  it("the incoming pod's namespaceSelector selects among known Namespaces; {} selects all", () => {
    const nodes = [nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [plain({ app: 'x' }, 'prod')])];
    const anti = (namespaceSelector: Term) => withAffinity('podAntiAffinity', [term({ app: 'x' }, 'zone', { namespaceSelector })]);
    expect(run(anti({ matchLabels: { env: 'prod' } }), nodes, nodes[0], new Map([['prod', { env: 'prod' }]]))).toEqual(antiAffinityFails);
    expect(run(anti({ matchLabels: { env: 'prod' } }), nodes)).toEqual(SUCCESS);
    expect(run(anti({}), nodes)).toEqual(antiAffinityFails);
  });

  it('an absent labelSelector matches no pod', () => {
    const nodes = [nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [plain({ app: 'x' })])];
    expect(run(withAffinity('podAntiAffinity', [{ topologyKey: 'zone' }]), nodes)).toEqual(SUCCESS);
    expect(run(withAffinity('podAntiAffinity', [{ topologyKey: 'zone', labelSelector: {} }]), nodes)).toEqual(antiAffinityFails);
  });
});

// upstream: pkg/registry/core/pod/strategy_test.go TestApplyMatchLabelKeysAndMismatchLabelKeys, seen through the filter.
describe('InterPodAffinity: matchLabelKeys and mismatchLabelKeys merged as the API server does', () => {
  const nodes = [
    nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [plain({ app: 'web', version: 'v1' })]),
    nodeInfoOf({ name: 'b', labels: { zone: 'z2' } }, [plain({ app: 'web', version: 'v2' })]),
  ];
  const incoming = (extra: Term, labels: Labels = { app: 'web', version: 'v2' }) =>
    withAffinity('podAntiAffinity', [term({ app: 'web' }, 'zone', extra)], labels);

  it('matchLabelKeys adds `key In [value]`: only pods with the same version repel', () => {
    const pod = incoming({ matchLabelKeys: ['version'] });
    expect(nodes.map((node) => run(pod, nodes, node))).toEqual([SUCCESS, antiAffinityFails]);
  });

  it('mismatchLabelKeys adds `key NotIn [value]`: only pods with another version repel', () => {
    const pod = incoming({ mismatchLabelKeys: ['version'] });
    expect(nodes.map((node) => run(pod, nodes, node))).toEqual([antiAffinityFails, SUCCESS]);
  });

  it("a key the pod's labels lack adds nothing", () => {
    const pod = incoming({ matchLabelKeys: ['track'] });
    expect(nodes.map((node) => run(pod, nodes, node))).toEqual([antiAffinityFails, antiAffinityFails]);
  });

  it('a nil labelSelector stays nil (matches no pod)', () => {
    const pod = withAffinity('podAntiAffinity', [{ topologyKey: 'zone', matchLabelKeys: ['version'] }], { app: 'web', version: 'v2' });
    expect(nodes.map((node) => run(pod, nodes, node))).toEqual([SUCCESS, SUCCESS]);
  });

  it("a bound pod's terms are merged with its own labels", () => {
    const guard = withAffinity('podAntiAffinity', [term({ app: 'web' }, 'zone', { matchLabelKeys: ['version'] })], { app: 'guard', version: 'v1' });
    const guarded = [nodeInfoOf({ name: 'a', labels: { zone: 'z1' } }, [guard])];
    expect(run(plain({ app: 'web', version: 'v1' }), guarded)).toEqual(existingAntiAffinityFails);
    expect(run(plain({ app: 'web', version: 'v2' }), guarded)).toEqual(SUCCESS);
  });
});

describe('InterPodAffinity PreFilter counts', () => {
  // Existing pods: labels, namespace, terminating or not, and an anti-affinity term of their own.
  const existingPod = fc.record({
    app: fc.constantFrom('a', 'b', 'c'),
    namespace: fc.constantFrom('default', 'other'),
    terminating: fc.boolean(),
    antiAgainst: fc.constantFrom(undefined, 'a', 'b'),
  });
  const incomingTerm = fc.record({
    app: fc.constantFrom('a', 'b', 'c'),
    topologyKey: fc.constantFrom('zone', 'kubernetes.io/hostname'),
    namespaces: fc.constantFrom('own', 'other', 'all'),
  });
  const toTerm = (t: { app: string; topologyKey: string; namespaces: string }): Term =>
    term({ app: t.app }, t.topologyKey, t.namespaces === 'other' ? { namespaces: ['other'] } : t.namespaces === 'all' ? { namespaceSelector: {} } : {});
  const countsOf = (state: unknown) => {
    const { affinityCounts, antiAffinityCounts, existingAntiAffinityCounts } = state as Record<string, Map<string, number>>;
    return [affinityCounts, antiAffinityCounts, existingAntiAffinityCounts].map((counts) => [...(counts ?? new Map()).entries()].sort());
  };

  it('equal the counts of adding every existing pod one by one (the label index visits only nodes that may match)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(existingPod, { maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.array(incomingTerm, { maxLength: 2 }), fc.array(incomingTerm, { minLength: 1, maxLength: 2 }), (nodes, affinity, anti) => {
        const existing = nodes.map((pods) =>
          pods.map((p, i) =>
            podInfoOf(
              { containers: [{ name: 'c' }], ...(p.antiAgainst && { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: p.antiAgainst }, 'zone')] } } }) },
              { name: `p${i}`, labels: { app: p.app }, namespace: p.namespace, ...(p.terminating && { deletionTimestamp: '2026-12-04T00:00:00Z' }) },
            ),
          ),
        );
        const spec = (i: number) => ({ name: `n${i}`, labels: { zone: `z${i % 2}`, 'kubernetes.io/hostname': `n${i}` } });
        const pod = podInfoOf(
          { containers: [{ name: 'c' }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: affinity.map(toTerm) }, podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: anti.map(toTerm) } } },
          { labels: { app: 'a' } },
        );
        const withPods = clusterOf(existing.map((pods, i) => nodeInfoOf(spec(i), pods)));
        const empty = clusterOf(existing.map((_, i) => nodeInfoOf(spec(i))));
        const indexed = plugin.preFilter?.(pod, withPods);
        const reference = plugin.preFilter?.(pod, empty);
        // with a term of its own, the pod always keeps a state
        if (indexed?.kind !== 'state' || reference?.kind !== 'state') throw new Error('PreFilter skipped a pod with terms');
        let state = reference.state;
        withPods.nodes.forEach((node) => node.pods.forEach((existingPod) => (state = plugin.addPod?.(state, pod, existingPod, node) ?? state)));
        expect(countsOf(indexed.state)).toEqual(countsOf(state));
      }),
      { numRuns: 300 },
    );
  });
});
