import { describe, expect, it } from 'vitest';
import type { PluginName } from './framework.js';
import { BindListeners, bindHintFor, queuedByEviction } from './queueing-hints.js';
import { node, pod, schedule } from './integration-test-support.js';
import { podInfoOf } from './test-support.js';

const container = { name: 'c', image: 'nginx:1.27' };
const rejectedBy = (...plugins: PluginName[]) => new Set<PluginName>(plugins);

describe('bindHintFor: whether a bound pod queues an unschedulable pod again', () => {
  // upstream: interpodaffinity/plugin_test.go Test_isSchedulableAfterPodChange (the "add" cases)
  const affinity = (selectors: Record<string, string>[]) => ({
    containers: [container],
    affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: selectors.map((matchLabels) => ({ labelSelector: { matchLabels }, topologyKey: 'zone' })) } },
  });

  it.each<[string, Record<string, string>[], Record<string, string>, string, boolean]>([
    ['add a pod which matches the pod affinity', [{ service: 'securityscan' }], { service: 'securityscan' }, 'default', true],
    ["add a pod which doesn't match the pod affinity", [{ service: 'securityscan' }], { service: 'other' }, 'default', false],
    ['add a pod which matches one of two affinity terms only (one pod must match all)', [{ service: 'securityscan' }, { tier: 'db' }], { service: 'securityscan' }, 'default', false],
    ['add a pod which matches both affinity terms', [{ service: 'securityscan' }, { tier: 'db' }], { service: 'securityscan', tier: 'db' }, 'default', true],
    ["add a matching pod in another namespace (the term's namespaces default to the pod's)", [{ service: 'securityscan' }], { service: 'securityscan' }, 'other', false],
  ])('InterPodAffinity: %s', (_name, selectors, labels, namespace, queued) => {
    const pod = podInfoOf(affinity(selectors));
    const bound = podInfoOf({ containers: [container], nodeName: 'n1' }, { name: 'bound', namespace, labels });
    expect(bindHintFor(pod, rejectedBy('InterPodAffinity'))?.matches(bound)).toBe(queued);
  });

  // podMatchesAllAffinityTerms matches with nil namespace labels: a namespaceSelector selects by them nothing but what
  // an empty set matches (all namespaces for {}, those without the key for DoesNotExist)
  it.each<[string, Record<string, unknown>, boolean]>([
    ['namespaceSelector {} (every namespace)', { namespaceSelector: {} }, true],
    ['namespaceSelector with matchLabels, even one the namespace has', { namespaceSelector: { matchLabels: { team: 'a' } } }, false],
    ['namespaceSelector with DoesNotExist (an empty label set matches it)', { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] } }, true],
    ['the namespace listed by name', { namespaces: ['other'] }, true],
  ])('InterPodAffinity: add a matching pod in another namespace, term with %s', (_name, namespaces, queued) => {
    const pod = podInfoOf({
      containers: [container],
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { service: 'securityscan' } }, topologyKey: 'zone', ...namespaces }] } },
    });
    const bound = podInfoOf({ containers: [container], nodeName: 'n1' }, { name: 'bound', namespace: 'other', labels: { service: 'securityscan' } });
    expect(bindHintFor(pod, rejectedBy('InterPodAffinity'))?.matches(bound)).toBe(queued);
  });

  it('InterPodAffinity: a pod with only anti-affinity waits for a deletion, never a bind', () => {
    const pod = podInfoOf({
      containers: [container],
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'x' } }, topologyKey: 'zone' }] } },
    });
    expect(bindHintFor(pod, rejectedBy('InterPodAffinity'))).toBeUndefined();
  });

  // upstream: podtopologyspread/plugin_test.go Test_isSchedulableAfterPodChange (the "add" cases)
  const spread = (whenUnsatisfiable: string) => ({
    containers: [container],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable, labelSelector: { matchLabels: { foo: '' } } }],
  });

  it.each([
    ['add pod with labels match topologySpreadConstraints selector', { foo: '' }, 'default', true],
    ["add pod with labels don't match topologySpreadConstraints selector", { bar: '' }, 'default', false],
    ['add pod with different namespace', { foo: '' }, 'ns1', false],
  ])('PodTopologySpread: %s', (_name, labels, namespace, queued) => {
    const pod = podInfoOf(spread('DoNotSchedule'), { labels: { foo: '' } });
    const bound = podInfoOf({ containers: [container], nodeName: 'n1' }, { name: 'bound', namespace, labels });
    expect(bindHintFor(pod, rejectedBy('PodTopologySpread'))?.matches(bound)).toBe(queued);
  });

  it('PodTopologySpread: only DoNotSchedule constraints count (getConstraints reads the hard ones)', () => {
    const pod = podInfoOf(spread('ScheduleAnyway'), { labels: { foo: '' } });
    expect(bindHintFor(pod, rejectedBy('PodTopologySpread'))).toBeUndefined();
  });

  it.each<PluginName>(['NodeResourcesFit', 'NodeAffinity', 'TaintToleration', 'NodePorts', 'VolumeBinding'])('%s: a bind never queues the pod (no assigned-pod add event, or its hint skips it)', (plugin) => {
    const pod = podInfoOf(spread('DoNotSchedule'), { labels: { foo: '' } });
    expect(bindHintFor(pod, rejectedBy(plugin))).toBeUndefined();
  });
});

describe('BindListeners: the waiting pods a bind asks, found by the labels their hints need', () => {
  const affinityTo = (matchLabels: Record<string, string>) =>
    podInfoOf({ containers: [container], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels }, topologyKey: 'zone' }] } } });
  const existsTerm = podInfoOf({
    containers: [container],
    affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, topologyKey: 'zone' }] } },
  });
  const bound = (labels: Record<string, string>) => podInfoOf({ containers: [container], nodeName: 'n1' }, { name: 'bound', labels });

  it('queues exactly the pods whose hint the bound pod fires, by label or (without an In requirement) by asking', () => {
    const listeners = new BindListeners<{ name: string; queued: boolean }>();
    const entries = [
      { name: 'cache', pod: affinityTo({ app: 'cache' }) },
      { name: 'db', pod: affinityTo({ app: 'db' }) },
      { name: 'tiered', pod: existsTerm },
    ].map(({ name, pod }) => {
      const entry = { name, queued: false };
      const hint = bindHintFor(pod, rejectedBy('InterPodAffinity'));
      if (hint) listeners.add(entry, hint);
      return entry;
    });
    listeners.bound(bound({ app: 'cache' }));
    expect(entries.filter((e) => e.queued).map((e) => e.name)).toEqual(['cache']);
    listeners.dropQueued();
    listeners.bound(bound({ app: 'cache', tier: 'web' }));
    expect(entries.filter((e) => e.queued).map((e) => e.name)).toEqual(['cache', 'tiered']);
    // dropped once queued: a later matching bind no longer reaches them
    listeners.dropQueued();
    entries.forEach((e) => (e.queued = false));
    listeners.bound(bound({ app: 'db', tier: 'web' }));
    expect(entries.filter((e) => e.queued).map((e) => e.name)).toEqual(['db']);
  });
});

describe('queuedByEviction: whether an evicted pod queues an unschedulable pod again', () => {
  it.each<[PluginName, boolean]>([
    ['NodeResourcesFit', true],
    ['NodePorts', true],
    ['VolumeRestrictions', true],
    ['NodeVolumeLimits', true],
    ['InterPodAffinity', true],
    ['PodTopologySpread', true],
    ['NodeAffinity', false],
    ['TaintToleration', false],
    ['NodeUnschedulable', false],
    ['VolumeBinding', false],
  ])('%s: %s', (plugin, queued) => {
    expect(queuedByEviction(rejectedBy(plugin))).toBe(queued);
  });
});

// Through the whole scheduler: a pod whose required affinity selects the namespace of its match only by its labels is
// not tried again when that match binds later in the run (upstream would retry it only at the unschedulable pool's
// periodic flush), while one that lists the namespace is.
describe('InterPodAffinity bind hint and namespaceSelector, through the scheduler', () => {
  const namespace = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
  const needsDb = (term: Record<string, unknown>) =>
    pod({ name: 'app', namespace: 'web', spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname', ...term }] } } } });
  const cluster = [namespace('web', {}), namespace('data', { team: 'a' }), node({ name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } })];
  const db = pod({ name: 'db', namespace: 'data', labels: { app: 'db' } });

  it.each([
    ['namespaceSelector team=a: stays pending', { namespaceSelector: { matchLabels: { team: 'a' } } }, ''],
    ['namespaces [data]: placed beside db', { namespaces: ['data'] }, 'n1'],
  ])('%s', (_name, term, want) => {
    const [app, placedDb] = schedule([...cluster, needsDb(term), db]);
    expect(Object.keys(placedDb?.placement.nodes ?? {})).toEqual(['n1']);
    expect(Object.keys(app?.placement.nodes ?? {})[0] ?? '').toBe(want);
  });
});
