import { describe, expect, it } from 'vitest';
import { selectHighestScore } from './select-host.js';

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
