// Kubernetes' CEL extension functions that kubefit evaluates (upstream: apiserver pkg/cel/library lists.go, regex.go,
// ip.go, cidr.go). Others (quantity, url, ip and cidr values, format, authz) are left out: rules calling them are
// skipped, never guessed.
import { isIP } from '../load/deferred-builtins.js';
import { re2RegExpOf } from './re2-pattern.js';
import type { CelFunc, CelValue } from '@bufbuild/cel';

type Cel = typeof import('@bufbuild/cel');

/** lists.go: isSorted, sum, min, max, indexOf, lastIndexOf; regex.go: find, findAll; ip.go isIP, cidr.go isCIDR. */
export function kubernetesCelFunctions(cel: Cel): CelFunc[] {
  const { celFunc, celMethod, CelScalar, listType } = cel;
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
      return re2Expression(pattern, 'u').exec(this)?.[0] ?? '';
    }),
    celMethod('findAll', CelScalar.STRING, [CelScalar.STRING], listType(CelScalar.STRING), function findAll(pattern) {
      return [...this.matchAll(re2Expression(pattern, 'gu'))].map((match) => match[0]);
    }),
    celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, isKubernetesIp),
    celFunc('isCIDR', [CelScalar.STRING], CelScalar.BOOL, (text) => {
      const [address, bits, ...rest] = text.split('/');
      const max = isIP(address ?? '') === 4 ? 32 : 128;
      return rest.length === 0 && isKubernetesIp(address ?? '') && /^(0|[1-9]\d*)$/.test(bits ?? '') && Number(bits) <= max;
    }),
  ];
}

/**
 * The RE2 `pattern` (regex.go compiles with Go's regexp) as a JavaScript expression. One kubefit cannot translate, or
 * that may backtrack exponentially (a hostile CRD must not hang the run), is an error: the rule is skipped.
 */
function re2Expression(pattern: string, flags: string): RegExp {
  const expression = re2RegExpOf(pattern, flags.includes('g'));
  if (expression === undefined) throw new Error(`pattern ${JSON.stringify(pattern)} not run: RE2 syntax kubefit does not translate, or exponential backtracking in JavaScript`);
  return expression;
}

/** upstream: ip.go parseIPAddr: netip.ParseAddr without a zone and not an IPv4-mapped IPv6 address. */
function isKubernetesIp(text: string): boolean {
  if (text.includes('%') || isIP(text) === 0) return false;
  return isIP(text) === 4 || !/^(0{0,4}:){5}ffff:/i.test(expandIpv6Prefix(text));
}

/** The first six groups of an IPv6 address written out ("::ffff:1.2.3.4" → "0:0:0:0:0:ffff:..."). */
function expandIpv6Prefix(text: string): string {
  const [head = '', tail] = text.toLowerCase().split('::');
  if (tail === undefined) return head;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const tailGroups = groups(tail).flatMap((group) => (group.includes('.') ? ['x', 'x'] : [group]));
  const missing = 8 - groups(head).length - tailGroups.length;
  return [...groups(head), ...Array.from({ length: missing }, () => '0'), ...tailGroups].join(':');
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
