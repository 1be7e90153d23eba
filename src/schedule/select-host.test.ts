import { describe, expect, it } from 'vitest';
import { findNodesThatFit } from './feasibility.js';
import { NodeClasses } from './node-classes.js';
import { toPodInfo } from './pod-info.js';
import { expandPoint, type Plugins } from './profile/plugin-sets.js';
import { DEFAULT_PROFILE, type SchedulerProfile } from './profile/profile.js';
import { runPreFilters } from './run-filters.js';
import { defineScorePlugin, type ScorePlugin } from './scoring/score-plugin.js';
import { candidatesOf, prepareScoring, rawScores, selectHighestScore, totals } from './select-host.js';
import { podSourceOfPod } from './snapshot.js';
import { nodeInfoOf, podObject } from './test-support.js';
import { NEWEST_MINOR } from './version.js';

// Ported from pkg/scheduler/schedule_one_test.go Test_SelectHost: the node with the highest total score is picked.
// Upstream picks among equal totals at random and returns the top nodes' scores; kubefit takes the first node by name
// (nodes are indexed in name order), which is always one of upstream's possible nodes.
describe('Test_SelectHost (upstream)', () => {
  it.each<{ name: string; list: readonly (readonly [string, number])[]; possible: readonly string[] }>([
    { name: 'unique properly ordered scores', list: [['node1', 1], ['node2', 2]], possible: ['node2'] },
    { name: 'numberOfNodeScoresToReturn > len(list)', list: [['node1', 1], ['node2', 2]], possible: ['node2'] },
    { name: 'equal scores', list: [['node2.1', 2], ['node2.2', 2], ['node2.3', 2]], possible: ['node2.1', 'node2.2', 'node2.3'] },
    { name: 'out of order scores', list: [['node3.1', 3], ['node2.1', 2], ['node1.1', 1], ['node3.2', 3]], possible: ['node3.1', 'node3.2'] },
    { name: 'empty priority list', list: [], possible: [] },
  ])('$name', ({ list, possible }) => {
    const byName = list.map(([name]) => name).sort();
    const chosen = selectHighestScore(list.map(([name]) => byName.indexOf(name)), list.map(([, score]) => score));
    const name = chosen === undefined ? undefined : byName[chosen];
    if (possible.length === 0) expect(name).toBeUndefined();
    else expect(possible).toContain(name);
    expect(name).toBe(possible[0]);
  });
});

/** A score plugin whose results are given, as upstream's injected TestScorePlugin and TestScoreWithNormalizePlugin. */
interface Injected {
  readonly name: string;
  readonly weight: number;
  readonly scoreRes?: number;
  readonly normalizeRes?: number;
  /** PreScore returns Skip. */
  readonly skipped?: boolean;
}

function injected({ name, weight, scoreRes = 0, normalizeRes, skipped = false }: Injected): ScorePlugin {
  return defineScorePlugin<true>({
    name,
    weight,
    perNode: true,
    preScore: () => (skipped ? undefined : true),
    score: () => scoreRes,
    ...(normalizeRes !== undefined && { normalize: (scores: number[]) => scores.fill(normalizeRes) }),
  });
}

/** Each node's total after PreScore, Score, NormalizeScore and weighting, on two equal nodes; and the plugins that ran. */
function runScorePlugins(scores: readonly ScorePlugin[]): { totals: number[]; ran: string[] } {
  const profile: SchedulerProfile = { ...DEFAULT_PROFILE, scores };
  const nodes = new NodeClasses([nodeInfoOf({ name: 'node1' }), nodeInfoOf({ name: 'node2' })]);
  const cluster = nodes.clusterState(new Map(), NEWEST_MINOR);
  const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0, profiles: new Map([[profile.schedulerName, profile]]) };
  const pod = toPodInfo(podSourceOfPod(podObject({ containers: [{ name: 'c' }] })), options, []);
  const feasibility = findNodesThatFit(runPreFilters(pod, cluster), nodes);
  const scoring = prepareScoring(pod, feasibility, nodes, cluster);
  const candidates = candidatesOf(feasibility, nodes, scoring.spec);
  const total = totals(rawScores(pod, candidates, nodes, scoring.active), scoring.active);
  return { totals: candidates.map((_, i) => total[i] ?? 0), ran: scoring.active.map(({ plugin }) => plugin.name) };
}

// Ported from pkg/scheduler/framework/runtime/framework_test.go TestRunScorePlugins: a node's total is the sum of each
// plugin's (normalized) score times its weight, and a plugin whose PreScore skips takes no part. The profile weight
// of "single Score plugin with MultiPointExpansion" comes from expandPoint, as a configured profile's would. Skipped:
// the cases where a plugin fails or returns a score out of [0, 100] (kubefit's plugins return neither).
describe('TestRunScorePlugins (upstream)', () => {
  const weightOf = (plugins: Plugins): number => expandPoint(plugins, 'score', () => true)[0]?.weight ?? 0;
  it.each<{ name: string; plugins: readonly Injected[]; want: number; ran: readonly string[] }>([
    { name: 'no Score plugins', plugins: [], want: 0, ran: [] },
    { name: 'single Score plugin', plugins: [{ name: 'score-plugin-1', weight: 1, scoreRes: 1 }], want: 1, ran: ['score-plugin-1'] },
    {
      name: 'single ScoreWithNormalize plugin',
      plugins: [{ name: 'score-with-normalize-plugin-1', weight: 1, scoreRes: 10, normalizeRes: 5 }],
      want: 5,
      ran: ['score-with-normalize-plugin-1'],
    },
    {
      name: '3 Score plugins, 2 NormalizeScore plugins',
      plugins: [
        { name: 'score-plugin-1', weight: 1, scoreRes: 1 },
        { name: 'score-with-normalize-plugin-1', weight: 1, scoreRes: 3, normalizeRes: 4 },
        { name: 'score-with-normalize-plugin-2', weight: 2, scoreRes: 4, normalizeRes: 5 },
      ],
      want: 15,
      ran: ['score-plugin-1', 'score-with-normalize-plugin-1', 'score-with-normalize-plugin-2'],
    },
    {
      name: 'single Score plugin with MultiPointExpansion',
      plugins: [{
        name: 'score-plugin-1',
        weight: weightOf({ multiPoint: { enabled: [{ name: 'score-plugin-1' }], disabled: [] }, score: { enabled: [{ name: 'score-plugin-1', weight: 3 }], disabled: [] } }),
        scoreRes: 1,
      }],
      want: 3,
      ran: ['score-plugin-1'],
    },
    {
      name: 'one success plugin, one skip plugin',
      plugins: [{ name: 'score-plugin-1', weight: 1, scoreRes: 1 }, { name: 'score-with-normalize-plugin-1', weight: 1, skipped: true }],
      want: 1,
      ran: ['score-plugin-1'],
    },
    { name: 'all plugins are skipped in prescore', plugins: [{ name: 'score-plugin-1', weight: 1, skipped: true }], want: 0, ran: [] },
  ])('$name', ({ plugins, want, ran }) => {
    const run = runScorePlugins(plugins.map(injected));
    expect(run.totals.length).toBeGreaterThan(0);
    expect(run.totals.every((total) => total === want)).toBe(true);
    expect(run.ran).toEqual(ran);
  });
});
