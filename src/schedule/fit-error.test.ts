import { describe, expect, it } from 'vitest';
import { fitErrorMessage, NO_NODES_AVAILABLE, withPostFilterMessage } from './fit-error.js';

const nodes = (...statuses: (readonly string[])[]) => statuses.map((reasons) => ({ reasons, nodes: 1 }));

describe('fitErrorMessage', () => {
  it('sorts entries as byte strings, counts included', () => {
    const message = fitErrorMessage(5, [
      { reasons: ['node(s) had untolerated taint {dedicated: gpu}'], nodes: 2 },
      { reasons: ['Insufficient cpu'], nodes: 2 },
      { reasons: ['node(s) were unschedulable'], nodes: 1 },
    ]);
    expect(message).toBe(
      '0/5 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu, 2 node(s) had untolerated taint {dedicated: gpu}.',
    );
  });

  it('does not compare counts as numbers', () => {
    expect(fitErrorMessage(12, [{ reasons: ['Insufficient cpu'], nodes: 10 }, { reasons: ['Insufficient memory'], nodes: 2 }])).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory.',
    );
    expect(fitErrorMessage(11, [{ reasons: ['node(s) were unschedulable'], nodes: 10 }, { reasons: ['node(s) were unschedulable x'], nodes: 1 }])).toBe(
      '0/11 nodes are available: 1 node(s) were unschedulable x, 10 node(s) were unschedulable.',
    );
  });

  it('counts every reason of a node once', () => {
    expect(fitErrorMessage(2, nodes(['Insufficient cpu', 'Insufficient memory'], ['Insufficient cpu']))).toBe(
      '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    );
  });

  it('puts upper case before lower case at equal counts', () => {
    expect(fitErrorMessage(2, nodes(['node(s) were unschedulable'], ['Too many pods']))).toBe(
      '0/2 nodes are available: 1 Too many pods, 1 node(s) were unschedulable.',
    );
  });

  it('prints the DaemonSet narrowing reason like any other', () => {
    expect(fitErrorMessage(4, [{ reasons: ['Insufficient cpu'], nodes: 1 }, { reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"], nodes: 3 }])).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    );
  });

  it('replaces the histogram with a PreFilter message', () => {
    expect(fitErrorMessage(3, nodes(['Insufficient cpu']), 'pod affinity terms conflict')).toBe(
      '0/3 nodes are available: pod affinity terms conflict.',
    );
  });

  it('has its own message for an empty cluster', () => {
    expect(fitErrorMessage(0, [])).toBe(NO_NODES_AVAILABLE);
    expect(NO_NODES_AVAILABLE).toBe('no nodes available to schedule pods');
  });

  it('appends the PostFilter message with " %v" since v1.30 (upstream TestPostFilter, issue #123301)', () => {
    const message = '0/1 nodes are available: 1 Insufficient cpu.';
    const postFilter = 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
    expect(withPostFilterMessage(message, postFilter, 30)).toBe(`${message} ${postFilter}`);
    expect(withPostFilterMessage(message, postFilter, 29)).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
    expect(withPostFilterMessage(message, 'preemption: not eligible due to preemptionPolicy=Never.', 27)).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..',
    );
  });

  it('adds nothing when the PostFilter made a preemption (a Success status has no message)', () => {
    expect(withPostFilterMessage('0/1 nodes are available: 1 Insufficient cpu.', undefined, 35)).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });

  // Ported from pkg/scheduler/framework/types_test.go TestFitError_Error (v1.35; "failed to Reserve on node" @008b3652).
  const f1 = 'Node(s) failed Filter plugin FalseFilter-1';
  const f2 = 'Node(s) failed Filter plugin FalseFilter-2';
  const post = 'Error running PostFilter plugin FailedPostFilter';
  const preFilter = 'Node(s) failed PreFilter plugin FalsePreFilter';
  it.each([
    ['nodes failed Prefilter plugin', 3, nodes(), preFilter, undefined, `0/3 nodes are available: ${preFilter}.`],
    ['nodes failed Prefilter plugin and the preemption also failed', 3, nodes(), preFilter, post, `0/3 nodes are available: ${preFilter}. ${post}`],
    ['nodes failed one Filter plugin with an empty PostFilterMsg', 3, nodes([f1], [f1], [f1]), undefined, undefined, `0/3 nodes are available: 3 ${f1}.`],
    ['nodes failed one Filter plugin with a non-empty PostFilterMsg', 3, nodes([f1], [f1], [f1]), undefined, post, `0/3 nodes are available: 3 ${f1}. ${post}`],
    ['nodes failed two Filter plugins with an empty PostFilterMsg', 3, nodes([f1], [f1], [f2]), undefined, undefined, `0/3 nodes are available: 1 ${f2}, 2 ${f1}.`],
    ['nodes failed two Filter plugins with a non-empty PostFilterMsg', 3, nodes([f1], [f1], [f2]), undefined, post, `0/3 nodes are available: 1 ${f2}, 2 ${f1}. ${post}`],
    ['failed to Permit on node', 1, nodes(['Node failed Permit plugin Permit-1']), undefined, undefined, '0/1 nodes are available: 1 Node failed Permit plugin Permit-1.'],
    ['failed to Reserve on node', 1, nodes(['Node failed Reserve plugin Reserve-1']), undefined, undefined, '0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1.'],
  ] as const)('TestFitError_Error: %s', (_name, numAllNodes, reasons, preFilterMessage, postFilterMessage, want) => {
    expect(withPostFilterMessage(fitErrorMessage(numAllNodes, reasons, preFilterMessage), postFilterMessage, 35)).toBe(want);
  });
});
