import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { node, place, scoreNodes, scoreOnlyConfig } from './integration-test-support.js';
import { PodRequestsMemo, podRequests, type QuantityProblem } from './resources.js';

const quantityArb = fc.constantFrom('100m', '1', '1.5', '2Gi', '128Mi', 1, '0', 'abc', '-1');
const resourceListArb = fc.option(fc.dictionary(fc.constantFrom('cpu', 'memory', 'pods', 'example.com/gpu', 'hugepages-2Mi'), quantityArb, { maxKeys: 3 }), { nil: undefined });
const resourcesArb = fc.option(fc.record({ requests: resourceListArb, limits: resourceListArb }, { requiredKeys: [] }), { nil: undefined });
const containerArb = fc.record({ name: fc.constantFrom('a', 'b'), resources: resourcesArb }, { requiredKeys: ['name'] });
const initContainerArb = fc.record({ name: fc.constant('init'), resources: resourcesArb, restartPolicy: fc.constantFrom('Always', 'Never') }, { requiredKeys: ['name'] });
const specArb = fc.record(
  {
    containers: fc.array(containerArb, { maxLength: 3 }),
    initContainers: fc.array(initContainerArb, { maxLength: 2 }),
    overhead: resourceListArb,
    resources: resourcesArb,
  },
  { requiredKeys: ['containers'] },
);

describe('PodRequestsMemo', () => {
  it('gives every pod the requests and quantity problems podRequests gives it, whatever pods came before', () => {
    // few distinct specs, each met several times: the memo answers most of them
    const podsArb = fc.array(specArb, { minLength: 1, maxLength: 4 }).chain((specs) => fc.array(fc.constantFrom(...specs), { minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(podsArb, fc.boolean(), (specs, podLevelResources) => {
        const memo = new PodRequestsMemo();
        for (const spec of specs) {
          const expectedProblems: QuantityProblem[] = [];
          const problems: QuantityProblem[] = [];
          const expected = podRequests(spec, ['spec'], podLevelResources, expectedProblems);
          expect(memo.podRequests(spec, ['spec'], podLevelResources, problems)).toEqual(expected);
          expect(problems).toEqual(expectedProblems);
        }
      }),
    );
  });

  it('shares the amounts of pods that declare the same resources', () => {
    const memo = new PodRequestsMemo();
    const spec = (nodeName: string) => ({ nodeName, containers: [{ name: 'agent', image: nodeName, resources: { requests: { cpu: '100m' } } }] });
    expect(memo.podRequests(spec('node-1'), ['spec'], true, [])).toBe(memo.podRequests(spec('node-2'), ['spec'], true, []));
  });

  it('tells containers from init containers that share the same resources objects', () => {
    const memo = new PodRequestsMemo();
    const small = { requests: { cpu: '100m' } };
    const large = { requests: { cpu: '1' } };
    const both = { containers: [{ name: 'a', resources: small }, { name: 'b', resources: large }] };
    const oneInit = { containers: [{ name: 'a', resources: small }], initContainers: [{ name: 'b', resources: large }] };
    expect(memo.podRequests(both, ['spec'], false, []).requests).toEqual({ cpu: 1100n });
    expect(memo.podRequests(oneInit, ['spec'], false, []).requests).toEqual({ cpu: 1000n });
  });
});

// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod, defaultPodRequests (PodLevelResources, on from v1.34): the
// scheduler reads the Pod the API server stored, whose missing pod-level requests it defaulted from the containers.
describe('podRequests: pod-level requests the API server defaults', () => {
  const container = (requests: Readonly<Record<string, string>>) => ({ name: 'c', resources: { requests } });
  it.each([
    [
      'a pod-level limit with containers requesting the resource: the containers total',
      { resources: { limits: { cpu: '2', memory: '2Gi' } }, containers: [container({ cpu: '500m', memory: '256Mi' }), container({ cpu: '250m' })] },
      { cpu: 750n, memory: 256n * 1024n * 1024n },
    ],
    ['a pod-level limit with containers requesting nothing: the limit', { resources: { limits: { cpu: '2', memory: '2Gi' } }, containers: [{ name: 'c' }] }, { cpu: 2000n, memory: 2n * 1024n ** 3n }],
    [
      'a hugepages limit (no overcommit): the limit, whatever the containers request',
      { resources: { limits: { cpu: '1', 'hugepages-2Mi': '8Mi' } }, containers: [container({ cpu: '100m', 'hugepages-2Mi': '2Mi' })] },
      { cpu: 100n, 'hugepages-2Mi': 8n * 1024n * 1024n },
    ],
    [
      'a pod-level request stays',
      { resources: { requests: { cpu: '1' }, limits: { cpu: '2', memory: '1Gi' } }, containers: [container({ cpu: '500m', memory: '128Mi' })] },
      { cpu: 1000n, memory: 128n * 1024n * 1024n },
    ],
  ])('%s', (_name, spec, want) => {
    expect(podRequests(spec, ['spec'], true, []).requests).toEqual(want);
  });

  it('before v1.34 the pod level is not read', () => {
    const spec = { resources: { limits: { cpu: '2' } }, containers: [container({ cpu: '500m' })] };
    expect(podRequests(spec, ['spec'], false, []).requests).toEqual({ cpu: 500n });
  });

  it('a pod with pod-level limits above a node fits by its containers total', () => {
    const docs = [
      node({ name: 'n1', capacity: { cpu: '1', memory: '4Gi' } }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { resources: { limits: { cpu: '2', memory: '2Gi' } }, containers: [{ ...container({ cpu: '500m', memory: '256Mi' }), image: 'x' }] } },
    ];
    expect(place(docs)).toEqual(['n1']);
  });
});

// upstream: pkg/scheduler/framework/types.go PodInfo.calculateResource, getNonMissingContainerRequests (v1.34+): what a
// bound pod adds to NodeInfo.NonZeroRequested; the incoming pod's score (resourceAllocationScorer
// .calculatePodResourceRequest) always defaults every container that requests no cpu or memory.
describe('podRequests: the non-zero requests of a bound pod with pod-level requests', () => {
  const MI = 1024n * 1024n;
  it.each([
    [
      'pod-level memory, one container requesting cpu: no cpu default for the other',
      { resources: { requests: { memory: '1Gi' } }, containers: [{ name: 'a', resources: { requests: { cpu: '500m' } } }, { name: 'b' }] },
      { cpu: 600n, memory: 1024n * MI },
      { cpu: 500n, memory: 1024n * MI },
    ],
    [
      'pod-level cpu, no container requesting memory: the memory default for each',
      { resources: { requests: { cpu: '1' } }, containers: [{ name: 'a' }, { name: 'b' }] },
      { cpu: 1000n, memory: 400n * MI },
      { cpu: 1000n, memory: 400n * MI },
    ],
    [
      'pod-level memory and an overhead cpu: the overhead is the cpu request',
      { resources: { requests: { memory: '1Gi' } }, overhead: { cpu: '250m' }, containers: [{ name: 'a' }] },
      { cpu: 350n, memory: 1024n * MI },
      { cpu: 250n, memory: 1024n * MI },
    ],
  ])('%s', (_name, spec, nonZero, bound) => {
    const { nonZeroRequests, boundNonZeroRequests } = podRequests(spec, ['spec'], true, []);
    expect({ cpu: nonZeroRequests['cpu'], memory: nonZeroRequests['memory'] }).toEqual(nonZero);
    expect({ cpu: boundNonZeroRequests['cpu'], memory: boundNonZeroRequests['memory'] }).toEqual(bound);
  });

  it('without pod-level requests a bound pod counts what the score reads', () => {
    const { nonZeroRequests, boundNonZeroRequests } = podRequests({ containers: [{ name: 'a' }] }, ['spec'], true, []);
    expect(boundNonZeroRequests).toBe(nonZeroRequests);
  });

  it('NodeResourcesFit scores a node by what its bound pods count', () => {
    // node1 holds a pod whose pod level requests 1Gi and whose containers request 500m cpu and nothing: 500m, not 600m
    const bound = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bound', namespace: 'default' },
      spec: { nodeName: 'node1', resources: { requests: { memory: '1Gi' } }, containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '500m' } } }, { name: 'b', image: 'x' }] },
      status: { phase: 'Running' },
    };
    const incoming = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '0', memory: '0' } } }] } };
    const docs = [node({ name: 'node1', capacity: { cpu: '1', memory: '4Gi' } }), bound, incoming];
    // LeastAllocated: cpu (1000 - 500) * 100 / 1000 = 50, memory (4Gi - 1Gi) * 100 / 4Gi = 75, (50 + 75) / 2 = 62
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesFit'))).toEqual({ node1: 62 });
  });
});
