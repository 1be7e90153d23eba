import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPodLabels, podLabelKey, withPodLabels } from './pod-label-counts.js';
import { podInfoOf } from './test-support.js';

const PODS = [
  podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'apps', labels: { app: 'web' } }),
  podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'apps', labels: { app: 'db', tier: 'data' } }),
  podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'other', labels: { app: 'web' } }),
  podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'apps' }),
  ...Array.from({ length: 20 }, (_, i) => podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'apps', labels: { app: `app-${i}`, team: `t${i % 3}` } })),
];

const sorted = (counts: ReadonlyMap<string, number>) => [...counts].sort(([a], [b]) => (a < b ? -1 : 1));

describe('withPodLabels', () => {
  it('counts as copying the map and counting each bound pod does, and leaves the earlier counts as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: PODS.length - 1 }), { maxLength: 60 }), (binds) => {
        const plain = new Map<string, number>();
        let layered: ReadonlyMap<string, number> = new Map();
        const history: [ReadonlyMap<string, number>, [string, number][]][] = [];
        for (const bind of binds) {
          const pod = PODS[bind];
          if (!pod) continue;
          history.push([layered, sorted(plain)]);
          layered = withPodLabels(layered, pod);
          countPodLabels(plain, pod);
          expect(sorted(layered)).toEqual(sorted(plain));
          expect(layered.size).toBe(plain.size);
          expect([...layered.keys()].sort()).toEqual([...plain.keys()].sort());
          for (const key of [...plain.keys(), podLabelKey('apps', 'app', 'none')]) {
            expect(layered.get(key)).toBe(plain.get(key));
            expect(layered.has(key)).toBe(plain.has(key));
          }
        }
        for (const [counts, then] of history) expect(sorted(counts)).toEqual(then);
      }),
      { numRuns: 200 },
    );
  });
});
