import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable } from '../framework.js';
import { nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON } from './node-name.js';

// Ported from pkg/scheduler/framework/plugins/nodename/node_name_test.go.
describe('NodeName', () => {
  it.each([
    { name: 'no host specified', nodeName: undefined, want: SUCCESS },
    { name: 'host matches', nodeName: 'foo', want: SUCCESS },
    { name: 'host doesn\'t match', nodeName: 'bar', want: unresolvable("node(s) didn't match the requested node name") },
  ])('$name', ({ nodeName, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...(nodeName ? { nodeName } : {}) });
    expect(runFilter(plugin, pod, nodeInfoOf({ name: 'foo' }))).toEqual(want);
    expect(ERR_REASON).toBe("node(s) didn't match the requested node name");
  });
});
