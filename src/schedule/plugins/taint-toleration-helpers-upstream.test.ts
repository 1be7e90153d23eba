// Ports of the helpers TaintToleration's Filter is built on (kubernetes/component-helpers and kubernetes/api at
// v0.36.3, the v1.36 sources): scheduling/corev1/helpers_test.go TestFindMatchingUntoleratedTaint and
// core/v1/toleration_test.go TestTolerationToleratesTaint, the cases that hold with the default gates. Skipped: the
// Gt and Lt cases, which upstream runs with TaintTolerationComparisonOperators on (alpha, off by default; with it off
// such a toleration tolerates nothing, as taint-toleration.test.ts checks through the Filter).
import { describe, expect, it } from 'vitest';
import { toTaint, toToleration, type Taint } from '../pod-info.js';
import { findUntoleratedTaint, toleratesTaint } from './taint-toleration.js';

type Value = Readonly<Record<string, string>>;

interface FindCase {
  readonly name: string;
  readonly tolerations: readonly Value[];
  readonly taints: readonly Value[];
  /** upstream's applyFilter; undefined: every taint applies (findUntoleratedTaint's default is the Filter's own). */
  readonly applies?: (taint: Taint) => boolean;
  readonly tolerated: boolean;
}

const fooExists = { key: 'foo', operator: 'Exists', effect: 'NoSchedule' };
const all = (): boolean => true;

const findCases: FindCase[] = [
  { name: 'empty tolerations tolerate empty taints', tolerations: [], taints: [], applies: all, tolerated: true },
  { name: 'non-empty tolerations tolerate empty taints', tolerations: [fooExists], taints: [], applies: all, tolerated: true },
  { name: 'tolerations match all taints, expect tolerated', tolerations: [fooExists], taints: [{ key: 'foo', effect: 'NoSchedule' }], applies: all, tolerated: true },
  {
    name: "tolerations don't match taints, but no taints apply to the filter, expect tolerated",
    tolerations: [fooExists],
    taints: [{ key: 'bar', effect: 'NoSchedule' }],
    applies: () => false,
    tolerated: true,
  },
  {
    name: "no filterFunc indicated, means all taints apply to the filter, tolerations don't match taints, expect untolerated",
    tolerations: [fooExists],
    taints: [{ key: 'bar', effect: 'NoSchedule' }],
    applies: all,
    tolerated: false,
  },
  {
    name: 'tolerations match taints, expect tolerated',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoExecute' }],
    taints: [{ key: 'foo', effect: 'NoExecute' }, { key: 'bar', effect: 'NoSchedule' }],
    applies: (taint) => taint.effect === 'NoExecute',
    tolerated: true,
  },
];

describe('TestFindMatchingUntoleratedTaint (upstream component-helpers scheduling/corev1/helpers_test.go)', () => {
  it.each(findCases)('$name', ({ tolerations, taints, applies, tolerated }) => {
    const found = findUntoleratedTaint(taints.map(toTaint), tolerations.map(toToleration), applies);
    expect(found === undefined).toBe(tolerated);
  });
});

interface ToleratesCase {
  readonly name: string;
  readonly toleration: Value;
  readonly taint: Value;
  readonly tolerated: boolean;
}

const toleratesCases: ToleratesCase[] = [
  {
    name: 'toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated',
    toleration: fooExists,
    taint: { key: 'foo', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated',
    toleration: fooExists,
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
    toleration: { key: '', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'value2', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoExecute' },
    tolerated: false,
  },
];

describe('TestTolerationToleratesTaint (upstream api core/v1/toleration_test.go)', () => {
  it.each(toleratesCases)('$name', ({ toleration, taint, tolerated }) => {
    expect(toleratesTaint(toToleration(toleration), toTaint(taint))).toBe(tolerated);
  });
});
