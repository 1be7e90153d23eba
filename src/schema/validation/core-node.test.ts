import { describe, expect, it } from 'vitest';
import { errorMessageOf, errorPrinting } from './field-error.js';
import { contextOf } from './index.js';
import { validateNode } from './core.js';

function node(fields: Record<string, unknown>, release = '1.36'): string[] {
  const printing = errorPrinting(release);
  return validateNode(fields, contextOf(release)).map((error) => errorMessageOf(error, printing));
}

const podCIDRs = (cidrs: string[], release?: string): string[] => node({ spec: { podCIDRs: cidrs } }, release);

// upstream: pkg/apis/core/validation/validation_test.go TestValidateNode (v1.36): spec.podCIDRs and the status
// resources ValidateNodeResources checks on create
describe('TestValidateNode', () => {
  it('accepts one CIDR, or one of each family, and whole counted resources', () => {
    expect(podCIDRs(['192.168.0.0/16'])).toEqual([]);
    expect(podCIDRs(['192.168.0.0/16', '2000::/10'])).toEqual([]);
    expect(node({ status: { capacity: { cpu: '4', memory: '16Gi', pods: '110', 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '0' }, allocatable: { 'example.com/gpu': '2' } } })).toEqual([]);
  });

  it('invalid-pod-cidr, duplicate-pod-cidr, multi-pod-cidr-same-family, more than two', () => {
    expect(podCIDRs(['192.168.0.0'])).toEqual(['spec.podCIDRs[0]: Invalid value: "192.168.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']);
    expect(podCIDRs(['10.0.0.0/16', '10.0.0.0/16'])).toEqual([
      'spec.podCIDRs: Invalid value: ["10.0.0.0/16","10.0.0.0/16"]: may specify no more than one CIDR for each IP family',
      'spec.podCIDRs[1]: Duplicate value: "10.0.0.0/16"',
    ]);
    expect(podCIDRs(['10.0.0.0/16', '10.1.0.0/16'], '1.33')).toEqual(['spec.podCIDRs: Invalid value: []string{"10.0.0.0/16", "10.1.0.0/16"}: may specify no more than one CIDR for each IP family']);
    expect(podCIDRs(['10.0.0.0/16', '2000::/10', '10.1.0.0/16'])).toEqual(['spec.podCIDRs: Invalid value: ["10.0.0.0/16","2000::/10","10.1.0.0/16"]: may specify no more than one CIDR for each IP family']);
  });

  it('a CIDR that does not parse beside another is also IsDualStackCIDRStrings\' internal error', () => {
    expect(podCIDRs(['10.9.8.0/24', 'bogus'])).toEqual([
      'spec.podCIDRs[1]: Invalid value: "bogus": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.podCIDRs: Internal error: invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[1]: <nil> (invalid CIDR address: bogus)',
      'spec.podCIDRs: Invalid value: ["10.9.8.0/24","bogus"]: may specify no more than one CIDR for each IP family',
    ]);
  });

  it('host bits are refused from 1.36 (StrictIPCIDRValidation)', () => {
    expect(podCIDRs(['10.0.0.1/24'])).toEqual(['spec.podCIDRs[0]: Invalid value: "10.0.0.1/24": must not have bits set beyond the prefix length']);
    expect(podCIDRs(['10.0.0.1/24'], '1.35')).toEqual([]);
  });

  it('ValidateNodeResources: negative and fractional counted quantities, hugepages of two page sizes', () => {
    expect(node({ status: { capacity: { cpu: '-1', pods: '1.5' }, allocatable: { 'example.com/gpu': '500m' } } })).toEqual([
      'status.capacity[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'status.capacity[pods]: Invalid value: "1500m": must be an integer',
      'status.allocatable[example.com/gpu]: Invalid value: "500m": must be an integer',
    ]);
    expect(node({ status: { capacity: { 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi', memory: '8Gi' } } })).toEqual([
      'status.capacity[hugepages-1Gi]: Invalid value: "2Gi": may not have pre-allocated hugepages for multiple page sizes',
      'status.capacity[memory]: Invalid value: "8Gi": may not have pre-allocated hugepages for multiple page sizes',
    ]);
  });
});
