// Kubernetes' CEL extension functions that kubefit evaluates (upstream: apiserver pkg/cel/library lists.go, regex.go).
// Others (quantity, url, ip, cidr, format, authz) are left out: rules calling them are skipped, never guessed.
import type { CelFunc, CelValue } from '@bufbuild/cel';

type Cel = typeof import('@bufbuild/cel');

/** lists.go: isSorted, sum, min, max, indexOf, lastIndexOf; regex.go: find, findAll. */
export function kubernetesCelFunctions(cel: Cel): CelFunc[] {
  const { celMethod, CelScalar, listType } = cel;
  const LIST = listType(CelScalar.DYN);
  const values = (list: Iterable<CelValue>): CelValue[] => [...list];
  return [
    celMethod('isSorted', LIST, [], CelScalar.BOOL, function isSorted() {
      const items = values(this);
      return items.every((item, index) => index === 0 || compare(items[index - 1], item) <= 0);
    }),
    celMethod('sum', LIST, [], CelScalar.DYN, function sum() {
      return values(this).reduce<CelValue>((total, item) => (typeof total === 'bigint' && typeof item === 'bigint' ? total + item : Number(total) + Number(item)), 0n);
    }),
    celMethod('min', LIST, [], CelScalar.DYN, function min() {
      return extreme(values(this), -1);
    }),
    celMethod('max', LIST, [], CelScalar.DYN, function max() {
      return extreme(values(this), 1);
    }),
    celMethod('indexOf', LIST, [CelScalar.DYN], CelScalar.INT, function indexOf(wanted) {
      return BigInt(values(this).findIndex((item) => compare(item, wanted) === 0));
    }),
    celMethod('lastIndexOf', LIST, [CelScalar.DYN], CelScalar.INT, function lastIndexOf(wanted) {
      return BigInt(values(this).findLastIndex((item) => compare(item, wanted) === 0));
    }),
    celMethod('find', CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function find(pattern) {
      return new RegExp(pattern, 'u').exec(this)?.[0] ?? '';
    }),
    celMethod('findAll', CelScalar.STRING, [CelScalar.STRING], listType(CelScalar.STRING), function findAll(pattern) {
      return [...this.matchAll(new RegExp(pattern, 'gu'))].map((match) => match[0]);
    }),
  ];
}

/** Orders ints, doubles and strings; anything else cannot be ordered (the rule is then not evaluated). */
function compare(a: CelValue | undefined, b: CelValue | undefined): number {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new Error('kubefit compares only numbers and strings in list functions');
}

function extreme(items: readonly CelValue[], sign: 1 | -1): CelValue {
  if (items.length === 0) throw new Error('min or max of an empty list');
  return items.reduce((best, item) => (compare(item, best) * sign > 0 ? item : best));
}
