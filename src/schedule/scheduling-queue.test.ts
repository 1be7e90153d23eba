import { describe, expect, it } from 'vitest';
import type { PluginName } from './framework.js';
import { SchedulingQueue } from './scheduling-queue.js';
import { podInfoOf } from './test-support.js';

const container = { name: 'c', image: 'nginx:1.27' };
const withAffinityTo = (app: string, priority = 0) =>
  podInfoOf({
    containers: [container],
    priority,
    affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'zone' }] } },
  });
const failure = (...plugins: PluginName[]) => ({ message: 'm', parts: [], rejectors: new Set(plugins) });
const bound = (app: string) => podInfoOf({ containers: [container], nodeName: 'n1' }, { name: app, labels: { app } });
const names = (round: readonly { request: number }[]) => round.map((p) => p.request);

describe('SchedulingQueue', () => {
  it('moves back only the pods a bind queues, higher priority first and then in the order they failed', () => {
    const queue = new SchedulingQueue();
    queue.unschedulable({ request: 0, at: 0, pod: withAffinityTo('cache'), replicas: 2 }, failure('InterPodAffinity'));
    queue.unschedulable({ request: 1, at: 0, pod: withAffinityTo('db'), replicas: 1 }, failure('InterPodAffinity'));
    queue.unschedulable({ request: 2, at: 0, pod: withAffinityTo('cache', 1000), replicas: 1 }, failure('InterPodAffinity'));
    queue.unschedulable({ request: 3, at: 0, pod: withAffinityTo('cache'), replicas: 1 }, failure('NodeResourcesFit'));
    queue.unschedulable({ request: 4, at: 0, pod: withAffinityTo('cache'), replicas: 1 }, failure('NodeAffinity'));
    expect(queue.nextRound()).toEqual([]);
    queue.bound(bound('cache'));
    expect(names(queue.nextRound())).toEqual([2, 0]);
    expect(names(queue.waiting)).toEqual([1, 3, 4]);
    // an eviction queues the pods rejected for what pods hold (room, affinity), not one a node label keeps out
    queue.evicted();
    expect(names(queue.nextRound())).toEqual([1, 3]);
    expect(queue.nextRound()).toEqual([]);
    expect(names(queue.waiting)).toEqual([4]);
  });

  it('creates the pods an ordered request holds back one at a time, each once the one before it is placed', () => {
    const queue = new SchedulingQueue();
    const pod = withAffinityTo('x');
    queue.holdBack(0, [{ request: 0, at: 1, pod, replicas: 1 }, { request: 0, at: 2, pod, replicas: 1 }]);
    queue.placed(0);
    expect(queue.nextRound().map((p) => p.at)).toEqual([1]);
    expect(queue.uncreated.get(0)?.map((p) => p.at)).toEqual([2]);
    queue.placed(0);
    expect(queue.nextRound().map((p) => p.at)).toEqual([2]);
    expect(queue.uncreated.get(0)).toEqual([]);
  });
});
