// PodTopologySpreadArgs.defaultConstraints with defaultingType List, the cases earlier ports skipped as profile args:
// filtering_test.go TestPreFilterState "default constraints and a service" (and "... that doesn't match", "..., but pod
// has constraints", "default soft constraints and a service"; the DoNotSchedule defaults filter) and
// scoring_test.go TestPreScoreStateEmptyNodes "default constraints and a replicaset" (with and without the pod's own
// constraints: the ScheduleAnyway defaults score, nodes must carry every key). Expected values from upstream.
import { describe, expect, it } from 'vitest';
import { matchesSelector, toLabelSelector } from '../../model/labels.js';
import { HOSTNAME_LABEL } from '../node-info.js';
import { toPodInfo, type TopologySpreadConstraint } from '../pod-info.js';
import { normalizingWeight, podTopologySpreadScore, type SpreadScoreState } from '../scoring/pod-topology-spread.js';
import { podSourceOfPod } from '../snapshot.js';
import { clusterOf, feasibleNodes, nodeInfoOf, podObject } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import { podTopologySpreadFilter, type DefaultSpreadConstraint, type PodTopologySpreadState, type SpreadDefaulting } from './pod-topology-spread.js';

const base = { minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' } as const;
const constraint = (maxSkew: number, topologyKey: string, whenUnsatisfiable: string): DefaultSpreadConstraint => ({ ...base, maxSkew, topologyKey, whenUnsatisfiable });
const list = (...constraints: DefaultSpreadConstraint[]): SpreadDefaulting => ({ type: 'List', constraints });
const options = (services: readonly { namespace: string; selector: Readonly<Record<string, string>> }[]) => ({ minor: NEWEST_MINOR, services, priorityClasses: new Map<string, number>(), defaultPriority: 0 });
/** The constraints without their selectors, and whether each selector matches `labels`. */
const shapeOf = (constraints: readonly TopologySpreadConstraint[], labels: Readonly<Record<string, string>>) =>
  constraints.map(({ selector, ...rest }) => ({ ...rest, matches: matchesSelector(selector, labels) }));

describe('TestPreFilterState: default constraints and a service (upstream)', () => {
  it('keeps the DoNotSchedule defaults, with the Service selector foo=bar', () => {
    const source = podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: { foo: 'bar', baz: 'kar' } }));
    const pod = toPodInfo(source, options([{ namespace: 'default', selector: { foo: 'bar' } }]), []);
    const filter = podTopologySpreadFilter(list(constraint(3, 'node', 'DoNotSchedule'), constraint(2, 'node', 'ScheduleAnyway'), constraint(5, 'rack', 'DoNotSchedule')));
    const result = filter.preFilter?.(pod, clusterOf([]));
    expect(result?.kind).toBe('state');
    const state = (result as { state: PodTopologySpreadState }).state;
    expect(shapeOf(state.constraints, { foo: 'bar' })).toEqual([
      { ...constraint(3, 'node', 'DoNotSchedule'), matches: true },
      { ...constraint(5, 'rack', 'DoNotSchedule'), matches: true },
    ]);
    expect(state.constraints.every((c) => !matchesSelector(c.selector, { baz: 'kar' }))).toBe(true);
  });

  it("default constraints and a service that doesn't match", () => {
    const source = podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: { foo: 'bar' } }));
    const pod = toPodInfo(source, options([{ namespace: 'default', selector: { baz: 'kep' } }]), []);
    expect(podTopologySpreadFilter(list(constraint(3, 'node', 'DoNotSchedule'))).preFilter?.(pod, clusterOf([]))).toEqual({ kind: 'skip' });
  });

  it('default constraints and a service, but pod has constraints', () => {
    const own = [
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { baz: 'tar' } } },
      { maxSkew: 2, topologyKey: 'planet', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { fot: 'rok' } } },
    ];
    const source = podSourceOfPod(podObject({ containers: [{ name: 'c' }], topologySpreadConstraints: own }, { name: 'p', labels: { foo: 'bar', baz: 'tar' } }));
    const pod = toPodInfo(source, options([{ namespace: 'default', selector: { foo: 'bar' } }]), []);
    const result = podTopologySpreadFilter(list(constraint(2, 'node', 'DoNotSchedule'))).preFilter?.(pod, clusterOf([]));
    const state = (result as { state: PodTopologySpreadState }).state;
    expect(shapeOf(state.constraints, { baz: 'tar' })).toEqual([{ ...constraint(1, 'zone', 'DoNotSchedule'), matches: true }]);
    expect(state.matchNum.map((counts) => counts.size)).toEqual([0]);
  });

  it('default soft constraints and a service', () => {
    const source = podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: { foo: 'bar' } }));
    const pod = toPodInfo(source, options([{ namespace: 'default', selector: { foo: 'bar' } }]), []);
    expect(podTopologySpreadFilter(list(constraint(2, 'node', 'ScheduleAnyway'))).preFilter?.(pod, clusterOf([]))).toEqual({ kind: 'skip' });
  });

  it('System defaulting adds no DoNotSchedule constraint (the PreFilter skips)', () => {
    const source = podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: { foo: 'bar' } }));
    const pod = toPodInfo(source, options([{ namespace: 'default', selector: { foo: 'bar' } }]), []);
    expect(podTopologySpreadFilter({ type: 'System' }).preFilter?.(pod, clusterOf([]))).toEqual({ kind: 'skip' });
  });
});

describe('TestPreScoreStateEmptyNodes: default constraints and a replicaset (upstream)', () => {
  const defaults = list(constraint(1, HOSTNAME_LABEL, 'ScheduleAnyway'), constraint(2, 'rack', 'DoNotSchedule'), constraint(2, 'planet', 'ScheduleAnyway'));
  const ownedBy = (spec: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>) =>
    toPodInfo({ ...podSourceOfPod(podObject(spec, { name: 'p', labels })), ownerSelector: toLabelSelector({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }, options([]), []);
  const preScore = (pod: ReturnType<typeof ownedBy>, defaulting: SpreadDefaulting, labels: Readonly<Record<string, string>>) => {
    const node = nodeInfoOf({ name: 'node-a', labels });
    return podTopologySpreadScore(defaulting).preScore(pod, feasibleNodes([node]), clusterOf([node])) as SpreadScoreState;
  };

  it('default constraints and a replicaset', () => {
    const pod = ownedBy({ containers: [{ name: 'c' }] }, { foo: 'tar', baz: 'sup' });
    const state = preScore(pod, defaults, { rack: 'rack1', [HOSTNAME_LABEL]: 'node-a', planet: 'mars' });
    expect(shapeOf(state.constraints, { foo: 'x' })).toEqual([
      { ...constraint(1, HOSTNAME_LABEL, 'ScheduleAnyway'), matches: true },
      { ...constraint(2, 'planet', 'ScheduleAnyway'), matches: true },
    ]);
    expect(state.podCounts.map((counts) => Object.fromEntries(counts))).toEqual([{}, { mars: 0 }]);
    expect(state.weights).toEqual([normalizingWeight(1), normalizingWeight(1)]);
  });

  it('default constraints and a replicaset, but pod has constraints', () => {
    const own = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'bar', operator: 'Exists' }] } },
      { maxSkew: 2, topologyKey: 'planet', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { baz: 'sup' } } }];
    const pod = ownedBy({ containers: [{ name: 'c' }], topologySpreadConstraints: own }, { foo: 'bar', baz: 'sup' });
    const state = preScore(pod, list(constraint(2, 'galaxy', 'ScheduleAnyway')), { planet: 'mars', galaxy: 'andromeda' });
    expect(shapeOf(state.constraints, { baz: 'sup' })).toEqual([{ ...constraint(2, 'planet', 'ScheduleAnyway'), matches: true }]);
    expect(state.podCounts.map((counts) => Object.fromEntries(counts))).toEqual([{ mars: 0 }]);
    expect(state.weights).toEqual([normalizingWeight(1)]);
  });
});
