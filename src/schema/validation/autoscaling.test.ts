import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateHorizontalPodAutoscalerV1, validateHorizontalPodAutoscalerV2 } from './autoscaling.js';

const scaleTargetRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const cpu = (target: object): object => ({ type: 'Resource', resource: { name: 'cpu', target } });
const v2 = (spec: object): string[] => validateHorizontalPodAutoscalerV2({ spec: { scaleTargetRef, maxReplicas: 5, ...spec } }).map(errorMessage);

// upstream: pkg/apis/autoscaling/validation/validation_test.go (v1.36), rows named after the test functions they mirror
describe('TestValidateHorizontalPodAutoscaler', () => {
  it.each([
    ['defaults make a bare spec valid', {}, []],
    ['every metric source with a valid target', { minReplicas: 2, metrics: [
      cpu({ type: 'Utilization', averageUtilization: 70 }),
      { type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', target: { type: 'AverageValue', averageValue: '500Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } } },
      { type: 'Object', object: { describedObject: { apiVersion: 'v1', kind: 'Service', name: 'web' }, metric: { name: 'requests' }, target: { type: 'Value', value: '10' } } },
      { type: 'External', external: { metric: { name: 'queue_length' }, target: { type: 'AverageValue', averageValue: '30' } } },
    ] }, []],
    ['replica bounds; the defaulted CPU metric cannot scale to zero', { minReplicas: 0, maxReplicas: 0 }, [
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
    ]],
    ['maxReplicas below the defaulted minReplicas', { maxReplicas: 0 }, [
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`',
    ]],
    ['scaling to zero without an Object or External metric', { minReplicas: 0, metrics: [cpu({ type: 'Utilization', averageUtilization: 50 })] }, [
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
    ]],
  ])('%s', (_name, spec, expected) => {
    expect(v2(spec)).toEqual(expected);
  });

  it.each([
    ['a kind and name that are no path segments', { apiVersion: 'apps/v1', kind: 'Deploy/ment', name: '..' }, [
      "spec.scaleTargetRef.kind: Invalid value: \"Deploy/ment\": may not contain '/'",
      "spec.scaleTargetRef.name: Invalid value: \"..\": may not be '..'",
    ]],
    ['an apiVersion without group', { apiVersion: 'v1', kind: 'Deployment', name: 'web' }, ['spec.scaleTargetRef.apiVersion: Invalid value: "v1": apiVersion must specify API group']],
    ['no apiVersion', { kind: 'StatefulSet', name: 'db' }, ['spec.scaleTargetRef.apiVersion: Invalid value: "": apiVersion must specify API group']],
    ['a ReplicationController may name no group', { apiVersion: 'v1', kind: 'ReplicationController', name: 'web' }, []],
    ['an apiVersion ParseGroupVersion rejects', { apiVersion: 'apps/v1/x', kind: 'ReplicationController', name: 'web' }, ['spec.scaleTargetRef.apiVersion: Invalid value: "apps/v1/x": unexpected GroupVersion string: apps/v1/x']],
  ])('ValidateCrossVersionObjectReference: %s', (_name, ref, expected) => {
    expect(v2({ scaleTargetRef: ref })).toEqual(expected);
  });

  it.each([
    ['an unknown type, and the source it names missing', { type: 'Custom' }, ['spec.metrics[0].type: Unsupported value: "Custom": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"']],
    ['a missing type is the schema\'s finding', { resource: { name: 'cpu', target: { averageUtilization: 50 } } }, []],
    ['an empty type and target type', { type: '', resource: { name: 'cpu', target: { type: '', averageUtilization: 50 } } }, [
      'spec.metrics[0].type: Required value: must specify a metric source type',
      'spec.metrics[0].type: Unsupported value: "": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      'spec.metrics[0].resource.target.type: Required value: must specify a metric target type',
      'spec.metrics[0].resource.target.type: Invalid value: "": must be either Utilization, Value, or AverageValue',
    ]],
    ['the source of the type missing', { type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }, ['spec.metrics[0].pods: Required value: must populate information for the given metric source']],
    ['two sources: the first is validated, the other forbidden', { type: 'Resource', external: { metric: { name: 'q' }, target: { type: 'Value', value: '1' } }, resource: { name: 'cpu', target: { type: 'Utilization' } } }, [
      'spec.metrics[0].external: Forbidden: must populate the given metric source only',
    ]],
    ['a target type, utilization and quantities out of range', cpu({ type: 'Average', averageUtilization: 0, averageValue: '0' }), [
      'spec.metrics[0].resource.target.type: Invalid value: "Average": must be either Utilization, Value, or AverageValue',
      'spec.metrics[0].resource.target.averageValue: Invalid value: "0": must be positive',
      'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      'spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization',
    ]],
    ['a Resource target without value or utilization', cpu({ type: 'Utilization' }), ['spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization']],
    ['a Pods target needs averageValue', { type: 'Pods', pods: { metric: { name: 'a/b' }, target: { type: 'Value', value: '1' } } }, [
      "spec.metrics[0].pods.metric.name: Invalid value: \"a/b\": may not contain '/'",
      'spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue',
    ]],
    ['an Object target needs value or averageValue', { type: 'Object', object: { describedObject: { kind: 'Ingress', name: 'main' }, metric: { name: 'rps' }, target: { type: 'Value' } } }, [
      'spec.metrics[0].object.target.averageValue: Required value: must set either a target value or averageValue',
    ]],
    ['an External target may not set both', { type: 'External', external: { metric: { name: 'q' }, target: { type: 'Value', value: '1', averageValue: '2' } } }, [
      'spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a per-pod target',
    ]],
    ['a ContainerResource with a bad resource and container name', { type: 'ContainerResource', containerResource: { name: 'pods', container: 'App', target: { type: 'Utilization', averageUtilization: 60 } } }, [
      'spec.metrics[0].containerResource.name: Invalid value: "pods": must be a standard resource for containers',
      "spec.metrics[0].containerResource.container: Invalid value: \"App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]],
  ])('validateMetricSpec: %s', (_name, metric, expected) => {
    expect(v2({ metrics: [metric] })).toEqual(expected);
  });

  it.each([
    ['null policies are defaulted', { scaleDown: { policies: null, selectPolicy: 'Min', stabilizationWindowSeconds: 0 } }, []],
    ['an empty policy list', { scaleUp: { policies: [] } }, ['spec.behavior.scaleUp.policies: Required value: must specify at least one Policy']],
    ['window, select policy and policies out of range', { scaleDown: { stabilizationWindowSeconds: 3601, selectPolicy: 'Fastest', policies: [{ type: 'Nodes', value: 0, periodSeconds: 1801 }, { type: 'Pods', value: 1, periodSeconds: 0 }] } }, [
      'spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600',
      'spec.behavior.scaleDown.selectPolicy: Unsupported value: "Fastest": supported values: "Disabled", "Max", "Min"',
      'spec.behavior.scaleDown.policies[0].type: Unsupported value: "Nodes": supported values: "Percent", "Pods"',
      'spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800',
      'spec.behavior.scaleDown.policies[1].periodSeconds: Invalid value: 0: must be greater than zero',
    ]],
    ['a negative window', { scaleUp: { stabilizationWindowSeconds: -1 } }, ['spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero']],
  ])('validateScalingRules: %s', (_name, behavior, expected) => {
    expect(v2({ behavior })).toEqual(expected);
  });
});

describe('autoscaling/v1 as converted to the internal spec', () => {
  it('targetCPUUtilizationPercentage becomes a Resource metric; its finding points at the v1 field', () => {
    const errors = validateHorizontalPodAutoscalerV1({ spec: { scaleTargetRef, maxReplicas: 3, targetCPUUtilizationPercentage: 0 } });
    expect(errors.map((error) => [errorMessage(error), error.at])).toEqual([
      ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0', ['spec', 'targetCPUUtilizationPercentage']],
    ]);
  });

  it('a v1 autoscaler without CPU target is valid', () => {
    expect(validateHorizontalPodAutoscalerV1({ spec: { scaleTargetRef, minReplicas: 1, maxReplicas: 3 } })).toEqual([]);
  });
});
