// pkg/apis/autoscaling/validation: the HorizontalPodAutoscaler spec on create, autoscaling/v2 and v1 (as converted).
import { appendAll } from '../../model/append.js';
import type { Path } from '../../model/document.js';
import { groupVersionError } from '../../model/kinds.js';
import { parseQuantity } from '../../model/quantity.js';
import { validateDNS1123Label } from './core-container.js';
import { forbidden, invalid, notSupported, pointing, required, type ErrorList, type FieldPath } from './field-error.js';
import { nameIsPathSegment } from './object-meta.js';
import { quantityValue } from './quantity-value.js';
import { containerResourceNameErrors } from './resource-names.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: validation.go MaxPeriodSeconds, MaxStabilizationWindowSeconds, validMetricSourceTypes, validSelectPolicyTypes,
// validPolicyTypes (sets, listed sorted) (v1.36)
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];
const TARGET_TYPES = ['Utilization', 'Value', 'AverageValue'];
/** MetricSpec.type → the field holding its source, in the order validateMetricSpec looks for them. */
const SOURCE_FIELDS: readonly (readonly [string, string])[] = [
  ['Object', 'object'], ['External', 'external'], ['Pods', 'pods'], ['Resource', 'resource'], ['ContainerResource', 'containerResource'],
];

/** An HPA spec in the internal form validation sees, with where a converted field's finding points. */
interface InternalSpec {
  readonly spec: Fields;
  readonly metrics: readonly unknown[];
  /** autoscaling/v1's targetCPUUtilizationPercentage, converted to metrics[0]. */
  readonly convertedFrom?: Path;
}

// upstream: validation.go ValidateHorizontalPodAutoscaler; v2 defaults.go SetDefaults_HorizontalPodAutoscaler (minReplicas
// 1, a CPU metric when there is none, behavior rules filled in); registry strategy.go validationOptionsForHorizontalPodAutoscaler
export function validateHorizontalPodAutoscalerV2(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  return validateSpec({ spec, metrics: arrayField(spec, 'metrics') });
}

// upstream: autoscaling/v1 conversion.go Convert_v1_HorizontalPodAutoscalerSpec_To_autoscaling_HorizontalPodAutoscalerSpec:
// targetCPUUtilizationPercentage becomes a Resource metric of cpu with that averageUtilization
export function validateHorizontalPodAutoscalerV1(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const utilization = intField(spec, 'targetCPUUtilizationPercentage');
  if (utilization === undefined) return validateSpec({ spec, metrics: [] });
  const metric = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } };
  return validateSpec({ spec, metrics: [metric], convertedFrom: ['spec', 'targetCPUUtilizationPercentage'] });
}

// upstream: validation.go validateHorizontalPodAutoscalerSpec (HPAScaleToZero is alpha and off: minReplicas is at least 1)
function validateSpec({ spec, metrics, convertedFrom }: InternalSpec): ErrorList {
  const errors: ErrorList = [];
  const minReplicas = intField(spec, 'minReplicas');
  const maxReplicas = intField(spec, 'maxReplicas');
  if (minReplicas !== undefined && minReplicas < 1) errors.push(invalid(['spec', 'minReplicas'], minReplicas, 'must be greater than or equal to 1'));
  if (maxReplicas !== undefined && maxReplicas < 1) errors.push(invalid(['spec', 'maxReplicas'], maxReplicas, 'must be greater than 0'));
  if (maxReplicas !== undefined && maxReplicas < (minReplicas ?? 1)) errors.push(invalid(['spec', 'maxReplicas'], maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const scaleTargetRef = recordField(spec, 'scaleTargetRef');
  // the only scalable kind of the core group may name no API group
  if (scaleTargetRef) appendAll(errors, validateCrossVersionObjectReference(scaleTargetRef, ['spec', 'scaleTargetRef'], stringField(scaleTargetRef, 'kind') === 'ReplicationController'));
  const metricErrors = validateMetrics(metrics, minReplicas);
  appendAll(errors, convertedFrom ? metricErrors.map((error) => pointing(error, convertedFrom)) : metricErrors);
  const behavior = recordField(spec, 'behavior');
  for (const direction of ['scaleUp', 'scaleDown']) {
    const rules = recordField(behavior, direction);
    if (rules) appendAll(errors, validateScalingRules(rules, ['spec', 'behavior', direction]));
  }
  return errors;
}

// upstream: validation.go ValidateCrossVersionObjectReference, ValidateAPIVersion; apimachinery schema.ParseGroupVersion
function validateCrossVersionObjectReference(ref: Fields, field: FieldPath, allowEmptyGroup: boolean): ErrorList {
  const errors: ErrorList = [];
  for (const name of ['kind', 'name']) {
    const value = stringField(ref, name) ?? '';
    if (value === '') errors.push(required(field.concat(name)));
    else appendAll(errors, nameIsPathSegment(value, false).map((message) => invalid(field.concat(name), value, message)));
  }
  const apiVersion = stringField(ref, 'apiVersion') ?? '';
  const unreadVersion = groupVersionError(apiVersion);
  if (unreadVersion !== undefined) errors.push(invalid(field.concat('apiVersion'), apiVersion, unreadVersion));
  else if (!allowEmptyGroup && (!apiVersion.includes('/') || apiVersion.startsWith('/'))) errors.push(invalid(field.concat('apiVersion'), apiVersion, 'apiVersion must specify API group'));
  return errors;
}

// upstream: validation.go validateMetrics: scaling to zero needs an Object or External metric
function validateMetrics(metrics: readonly unknown[], minReplicas: number | undefined): ErrorList {
  const errors: ErrorList = [];
  const types = metrics.map((metric) => stringField(asRecord(metric), 'type'));
  metrics.forEach((metric, index) => appendAll(errors, validateMetricSpec(asRecord(metric) ?? {}, ['spec', 'metrics', index])));
  if (minReplicas === 0 && !types.includes('Object') && !types.includes('External')) {
    errors.push(forbidden(['spec', 'metrics'], 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  return errors;
}

// upstream: validation.go validateMetricSpec: the first source present is validated; the type's own must be there, no
// other may; an unknown type is reported once (the API server drops the repeated message); a missing type (required
// by the schema) is the schema's finding
function validateMetricSpec(metric: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = stringField(metric, 'type');
  if (type === '') errors.push(required(field.concat('type'), 'must specify a metric source type'));
  if (type !== undefined && !METRIC_SOURCE_TYPES.includes(type)) errors.push(notSupported(field.concat('type'), type, METRIC_SOURCE_TYPES));
  const present = SOURCE_FIELDS.map(([, name]) => name).filter((name) => recordField(metric, name) !== undefined);
  const first = present[0];
  if (first !== undefined) appendAll(errors, validateSource(first, recordField(metric, first) ?? {}, field.concat(first)));
  const expected = SOURCE_FIELDS.find(([sourceType]) => sourceType === type)?.[1];
  if (expected !== undefined && !present.includes(expected)) errors.push(required(field.concat(expected), 'must populate information for the given metric source'));
  if (present.length > 1) for (const name of present.filter((name) => name !== expected)) errors.push(forbidden(field.concat(name), 'must populate the given metric source only'));
  return errors;
}

/** describedObject, metric and target are required by the schema: an absent one is its finding, not validated here. */
function validateSource(name: string, source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const describedObject = recordField(source, 'describedObject');
  if (name === 'object' && describedObject) appendAll(errors, validateCrossVersionObjectReference(describedObject, field.concat('describedObject'), true));
  const metric = recordField(source, 'metric');
  if (metric && (name === 'object' || name === 'pods' || name === 'external')) appendAll(errors, validateMetricIdentifier(metric, field.concat('metric')));
  if (name === 'resource' || name === 'containerResource') appendAll(errors, validateResourceName(name, source, field));
  const target = recordField(source, 'target');
  if (!target) return errors;
  appendAll(errors, validateMetricTarget(target, field.concat('target')));
  return appendAll(errors, targetValueErrors(name, target, field.concat('target')));
}

// upstream: validation.go validateResourceSource, validateContainerResourceSource
function validateResourceName(name: string, source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const resource = stringField(source, 'name') ?? '';
  if (resource === '') errors.push(required(field.concat('name'), 'must specify a resource name'));
  else if (name === 'containerResource') appendAll(errors, containerResourceNameErrors(resource, field.concat('name')));
  if (name !== 'containerResource') return errors;
  const container = stringField(source, 'container') ?? '';
  if (container === '') errors.push(required(field.concat('container'), 'must specify a container'));
  else appendAll(errors, validateDNS1123Label(container, field.concat('container')));
  return errors;
}

// upstream: validation.go validateObjectSource, validateExternalSource, validatePodsSource, validateResourceSource,
// validateContainerResourceSource: which of value, averageValue and averageUtilization each source needs
function targetValueErrors(name: string, target: Fields, field: FieldPath): ErrorList {
  const [value, averageValue, utilization] = ['value', 'averageValue', 'averageUtilization'].map((key) => target[key] !== undefined && target[key] !== null);
  if (name === 'object' && !value && !averageValue) return [required(field.concat('averageValue'), 'must set either a target value or averageValue')];
  if (name === 'external' && !value && !averageValue) return [required(field.concat('averageValue'), 'must set either a target value for metric or a per-pod target')];
  if (name === 'external' && value && averageValue) return [forbidden(field.concat('value'), 'may not set both a target value for metric and a per-pod target')];
  if (name === 'pods' && !averageValue) return [required(field.concat('averageValue'), 'must specify a positive target averageValue')];
  if (name !== 'resource' && name !== 'containerResource') return [];
  if (!utilization && !averageValue) return [required(field.concat('averageUtilization'), 'must set either a target raw value or a target utilization')];
  return utilization && averageValue ? [forbidden(field.concat('averageValue'), 'may not set both a target raw value and a target utilization')] : [];
}

// upstream: validation.go validateMetricTarget: quantities must be positive (resource.Quantity.Sign() == 1); a missing
// type (required by the schema) is the schema's finding
function validateMetricTarget(target: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = stringField(target, 'type');
  if (type === '') errors.push(required(field.concat('type'), 'must specify a metric target type'));
  if (type !== undefined && !TARGET_TYPES.includes(type)) errors.push(invalid(field.concat('type'), type, 'must be either Utilization, Value, or AverageValue'));
  for (const name of ['value', 'averageValue']) {
    const quantity = parseQuantity(target[name]);
    if (quantity && quantity.numerator <= 0n) errors.push(invalid(field.concat(name), quantityValue(target[name], { resourceList: false, stringCalled: false }), 'must be positive'));
  }
  const utilization = intField(target, 'averageUtilization');
  if (utilization !== undefined && utilization < 1) errors.push(invalid(field.concat('averageUtilization'), utilization, 'must be greater than 0'));
  return errors;
}

// upstream: validation.go validateMetricIdentifier
function validateMetricIdentifier(metric: Fields, field: FieldPath): ErrorList {
  const name = stringField(metric, 'name') ?? '';
  if (name === '') return [required(field.concat('name'), 'must specify a metric name')];
  return nameIsPathSegment(name, false).map((message) => invalid(field.concat('name'), name, message));
}

// upstream: validation.go validateScalingRules, validateScalingPolicy; v2 defaults.go GenerateHPAScaleUpRules and
// GenerateHPAScaleDownRules fill in unset fields (policies only when null, not when an empty list)
function validateScalingRules(rules: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const window = intField(rules, 'stabilizationWindowSeconds');
  if (window !== undefined && window < 0) errors.push(invalid(field.concat('stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errors.push(invalid(field.concat('stabilizationWindowSeconds'), window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  const selectPolicy = stringField(rules, 'selectPolicy');
  if (selectPolicy !== undefined && !SELECT_POLICIES.includes(selectPolicy)) errors.push(notSupported(field.concat('selectPolicy'), selectPolicy, SELECT_POLICIES));
  const policies = rules['policies'];
  if (Array.isArray(policies) && policies.length === 0) errors.push(required(field.concat('policies'), 'must specify at least one Policy'));
  arrayField(rules, 'policies').forEach((policy, index) => appendAll(errors, validateScalingPolicy(asRecord(policy) ?? {}, field.concat('policies', index))));
  return errors;
}

/** Fields the schema marks required are checked only when present: an absent one is its finding. */
function validateScalingPolicy(policy: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = stringField(policy, 'type');
  if (type !== undefined && !POLICY_TYPES.includes(type)) errors.push(notSupported(field.concat('type'), type, POLICY_TYPES));
  const value = intField(policy, 'value');
  if (value !== undefined && value <= 0) errors.push(invalid(field.concat('value'), value, 'must be greater than zero'));
  const period = intField(policy, 'periodSeconds');
  if (period !== undefined && period <= 0) errors.push(invalid(field.concat('periodSeconds'), period, 'must be greater than zero'));
  if (period !== undefined && period > MAX_PERIOD_SECONDS) errors.push(invalid(field.concat('periodSeconds'), period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  return errors;
}
