import { describe, expect, it } from 'vitest';
import { objectOf } from './test-support.js';
import { draExtendedResources } from './dra-extended-resources.js';

const deviceClass = (name: string, extendedResourceName?: string) =>
  objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name }, spec: { ...(extendedResourceName && { extendedResourceName }) } });

// upstream: pkg/scheduler/framework/plugins/dynamicresources/extended/deviceclassresolver_test.go (newest stored version)
describe('draExtendedResources (the DeviceClass mapping)', () => {
  const classes = [deviceClass('class1', 'example.com/gpu1'), deviceClass('class2', 'example.com/gpu2'), deviceClass('class3')];

  it('TestDeviceClassMapping: each explicit extendedResourceName, and every class\'s implicit name', () => {
    expect(Object.fromEntries(draExtendedResources(classes, 36))).toEqual({
      'example.com/gpu1': 'class1',
      'example.com/gpu2': 'class2',
      'deviceclass.resource.kubernetes.io/class1': 'class1',
      'deviceclass.resource.kubernetes.io/class2': 'class2',
      'deviceclass.resource.kubernetes.io/class3': 'class3',
    });
  });

  it('TestNoDeviceClassMapping: no classes, no mapping', () => {
    expect(draExtendedResources([], 36).size).toBe(0);
  });

  it('(kubefit) none before v1.36, where DRAExtendedResource is off by default', () => {
    expect(draExtendedResources(classes, 35).size).toBe(0);
  });
});
