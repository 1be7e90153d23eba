import { describe, expect, it } from 'vitest';
import { NodeClasses } from './node-classes.js';
import { addPodToNode, podLabelKey, removePodsFromNode, type NodeInfo } from './node-info.js';
import { nodeInfoOf, podInfoOf } from './test-support.js';

const web = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'web', namespace: 'apps', labels: { app: 'web' } });
const db = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'db', namespace: 'apps', labels: { app: 'db', tier: 'data' } });
const other = podInfoOf({ containers: [{ name: 'c' }] }, { name: 'web', namespace: 'other', labels: { app: 'web' } });

/** The index the slow way: every node whose podLabelCounts has the key. */
function holdersOf(nodes: readonly NodeInfo[], namespace: string, key: string, value: string): number[] {
  return nodes.flatMap((node, i) => (node.podLabelCounts.has(podLabelKey(namespace, key, value)) ? [i] : []));
}

describe('NodeClasses.podLabelHolders', () => {
  it('follows binds, evictions and nodes put back as they were', () => {
    const start = [nodeInfoOf({ name: 'a' }, [web]), nodeInfoOf({ name: 'b' }), nodeInfoOf({ name: 'c' }, [other])];
    const nodes = new NodeClasses(start);
    const check = () => {
      for (const [namespace, key, value] of [['apps', 'app', 'web'], ['apps', 'app', 'db'], ['apps', 'tier', 'data'], ['other', 'app', 'web']] as const) {
        expect([...nodes.podLabelHolders(namespace, key, value)].sort(), `${namespace}/${key}=${value}`).toEqual(holdersOf(nodes.nodes, namespace, key, value));
      }
    };
    check();
    nodes.replace(1, addPodToNode(nodes.nodes[1] ?? start[1]!, db));
    nodes.replace(0, addPodToNode(nodes.nodes[0] ?? start[0]!, db));
    check();
    nodes.replace(0, removePodsFromNode(nodes.nodes[0]!, new Set([web])));
    check();
    // One pod more than before, but not appended (a probe's evictions undone): [db] → [web, db].
    nodes.replace(0, nodeInfoOf({ name: 'a' }, [web, db]));
    check();
    start.forEach((node, i) => nodes.replace(i, node));
    check();
  });
});
