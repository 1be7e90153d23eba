import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
