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
