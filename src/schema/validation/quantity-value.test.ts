import { describe, expect, it } from 'vitest';
import { validatePod } from './core.js';
import { errorMessage, errorMessageOf, errorPrinting, invalid } from './field-error.js';
import { contextOf } from './index.js';
import { quantityValue, RESOURCE_LIST_ENTRY } from './quantity-value.js';

const struct = (value: string, scale: number, s: string, format: string, dec = '(*inf.Dec)(nil)'): string =>
  `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:${dec}}, s:"${s}", Format:"${format}"}`;

const printed = (raw: unknown, release: string, history = RESOURCE_LIST_ENTRY): string =>
  errorMessageOf(invalid(['v'], quantityValue(raw, history), 'd'), errorPrinting(release)).slice('v: Invalid value: '.length, -': d'.length);

// upstream: apimachinery pkg/api/resource quantity.go ParseQuantity (the int64 fast path caches canonical text),
// RoundUp; field/errors.go ErrorBody. Real API server messages up to 1.33: ValidateNodeResources "status.capacity...
// Invalid value: resource.Quantity{i:resource.int64Amount{value:8589934592, scale:0}, ..., s:\"\", Format:\"BinarySI\"}"
// for 8Gi and s:"2Gi" for 2Gi; validateMetricTarget "...{value:0, scale:0}, ..., s:\"0\", Format:\"DecimalSI\"}: must be positive"
describe('a resource.Quantity as a bad value (ParseQuantity, field.Error ErrorBody)', () => {
  it.each([
    ['8Gi', struct('8589934592', 0, '', 'BinarySI'), '"8Gi"'],
    ['2Gi', struct('2147483648', 0, '2Gi', 'BinarySI'), '"2Gi"'],
    ['0', struct('0', 0, '0', 'DecimalSI'), '"0"'],
    ['500m', struct('500', -3, '500m', 'DecimalSI'), '"500m"'],
    ['1000m', struct('1000', -3, '', 'DecimalSI'), '"1"'],
    [1.5, struct('15', -1, '', 'DecimalSI'), '"1500m"'],
    ['+3', struct('3', 0, '+3', 'DecimalSI'), '"+3"'],
    ['12e3', struct('12', 3, '12e3', 'DecimalExponent'), '"12e3"'],
    ['0.5Ki', struct('0', 0, '', 'BinarySI', '(*inf.Dec)(0xc000000000)'), '"512"'],
  ])('%s', (raw, goSyntax, json) => {
    const history = { resourceList: false, stringCalled: false };
    expect(printed(raw, '1.33', history)).toBe(goSyntax);
    expect(printed(raw, '1.36', history)).toBe(json);
  });

  it('a ResourceList entry is rounded up to milli units by v1 defaulting (SetDefaults_ResourceList), dropping its text', () => {
    expect(printed('1500u', '1.33')).toBe(struct('2', -3, '', 'DecimalSI'));
    expect(printed('1500u', '1.34')).toBe('"2m"');
    expect(printed('-1500u', '1.33')).toBe(struct('-2', -3, '', 'DecimalSI'));
  });

  it('a String() call on the same variable caches the canonical text (ValidateLimitRange details)', () => {
    expect(printed('1000m', '1.33', { resourceList: true, stringCalled: true })).toBe(struct('1000', -3, '1', 'DecimalSI'));
  });
});

// upstream: validation.go validateResourceRequirements and ValidateLimitRange print quantities with Quantity.String()
// after v1 defaulting (SetDefaults_ResourceList: RoundUp(-3)); ParseQuantity keeps a canonical text as written
describe('Quantity.String() in details (validateResourceRequirements, ValidateLimitRange)', () => {
  it('prints a ResourceList entry rounded up to milli units, and a cached text as written', () => {
    const pod = (requests: Record<string, string>, limits: Record<string, string>): string[] =>
      validatePod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i', resources: { requests, limits } }] } }, contextOf('1.36'))
        .map(errorMessage).filter((message) => message.includes('limit of'));
    expect(pod({ cpu: '1500u' }, { cpu: '1m' })).toEqual(['spec.containers[0].resources.requests: Invalid value: "2m": must be less than or equal to cpu limit of 1m']);
    // 1200u and 1100u are both 2m once defaulted: equal
    expect(pod({ cpu: '1200u' }, { cpu: '1100u' })).toEqual([]);
    expect(pod({ memory: '+3Gi' }, { memory: '+2Gi' })).toEqual(['spec.containers[0].resources.requests: Invalid value: "+3Gi": must be less than or equal to memory limit of +2Gi']);
  });
});
