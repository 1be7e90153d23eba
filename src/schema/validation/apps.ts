// pkg/apis/apps/validation: Deployment, ReplicaSet, StatefulSet, DaemonSet specs (create).
import { IS_NEGATIVE_ERROR, validateNonnegativeField } from './core-container.js';
import { templateOptions, validatePodTemplateSpec, type ValidationContext } from './core-pod.js';
import { forbidden, GoIntOrString, GoStruct, goQuote, invalid, notSupported, owned, pointing, required, toPath, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { labelSelectorValue, validateLabelSelector } from './label-selector.js';
import { dns1123LabelErrors, percentErrors } from '../../model/name-validation.js';
import { SELECTOR_MISMATCH, validateRestartPolicyAlways, validateTemplateMatchesSelector } from './template.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

type AppsKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet';

// upstream: validation.go ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec (v1.36);
// a missing selector or template is the schema's finding (both are required there)
export function validateAppsSpec(kind: AppsKind, object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors: ErrorList = [];
  if (kind !== 'DaemonSet') appendAll(errors, validateNonnegativeField(intField(spec, 'replicas'), ['spec', 'replicas']));
  for (const name of ['minReadySeconds', 'revisionHistoryLimit']) appendAll(errors, validateNonnegativeField(intField(spec, name), ['spec', name]));
  appendAll(errors, validateSelectorAndTemplate(kind, spec, context));
  if (kind === 'Deployment') appendAll(appendAll(errors, validateDeploymentStrategy(recordField(spec, 'strategy'), ['spec', 'strategy'])), validateProgressDeadline(spec));
  if (kind === 'StatefulSet') appendAll(appendAll(errors, validateStatefulSetStrategy(recordField(spec, 'updateStrategy'), context.maxUnavailableStatefulSet)), validateStatefulSetFields(spec, context));
  if (kind === 'DaemonSet') appendAll(errors, validateDaemonSetUpdateStrategy(recordField(spec, 'updateStrategy')));
  return errors;
}

// upstream: validation.go ValidateStatefulSetSpec, the updateStrategy switch, and validateRollingUpdateStatefulSet
// (v1.36), after apps/v1 SetDefaults_StatefulSet: an absent type is RollingUpdate; an unknown one is Invalid with the
// whole internal StatefulSetUpdateStrategy as its value. Without the MaxUnavailableStatefulSet gate, strategy.go
// dropStatefulSetDisabledFields clears maxUnavailable first.
function validateStatefulSetStrategy(strategy: Fields | undefined, withMaxUnavailable: boolean): ErrorList {
  const field: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const type = stringField(strategy, 'type') || 'RollingUpdate';
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
  const maxUnavailable = withMaxUnavailable ? rollingUpdate?.['maxUnavailable'] : undefined;
  const intOrString = typeof maxUnavailable === 'number' || typeof maxUnavailable === 'string' ? maxUnavailable : null;
  // the internal RollingUpdateStatefulSetStrategy has no json tags: json.Marshal prints its Go field names
  const rollingUpdateValue = rollingUpdate && new GoStruct([['Partition', intField(rollingUpdate, 'partition') ?? 0], ['MaxUnavailable', intOrString]]);
  if (type !== 'RollingUpdate' && type !== 'OnDelete') {
    const value = updateStrategyValue('StatefulSetUpdateStrategy', type, rollingUpdateValue, 'RollingUpdateStatefulSetStrategy');
    return [pointing(invalid(['spec', 'updateStrategy'], value, "must be 'RollingUpdate' or 'OnDelete'"), ['spec', 'updateStrategy', 'type'])];
  }
  if (!rollingUpdateValue) return [];
  if (type === 'OnDelete') return [invalid(field, rollingUpdateValue, "only allowed for updateStrategy 'RollingUpdate'")];
  const errors = validateNonnegativeField(intField(rollingUpdate, 'partition'), field.concat('partition'));
  if (intOrString === null) return errors;
  const at = field.concat('maxUnavailable');
  appendAll(errors, validatePositiveIntOrPercent(intOrString, at));
  if (intOrPercentValue(intOrString) === 0) errors.push(invalid(at, new GoIntOrString(intOrString), 'cannot be 0'));
  return appendAll(errors, isNotMoreThan100Percent(intOrString, at));
}

const RETENTION_POLICY_TYPES = ['Retain', 'Delete'];

// upstream: ValidateStatefulSetSpec: podManagementPolicy (apps/v1 SetDefaults_StatefulSet makes an empty one OrderedReady),
// ValidatePersistentVolumeClaimRetentionPolicy (empty values default to Retain), ordinals.start, whose path upstream
// writes as one child "ordinals.start", and on create a set serviceName (ValidateDNS1123Label: the controller makes it
// each pod's spec.subdomain; kubernetes#130233, StatefulSetValidationOptions)
function validateStatefulSetFields(spec: Fields, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const podManagementPolicy = stringField(spec, 'podManagementPolicy') || 'OrderedReady';
  if (podManagementPolicy !== 'OrderedReady' && podManagementPolicy !== 'Parallel') errors.push(invalid(['spec', 'podManagementPolicy'], podManagementPolicy, "must be 'OrderedReady' or 'Parallel'"));
  const policy = recordField(spec, 'persistentVolumeClaimRetentionPolicy');
  for (const name of ['whenDeleted', 'whenScaled']) {
    const value = stringField(policy, name) ?? '';
    if (value !== '' && !RETENTION_POLICY_TYPES.includes(value)) errors.push(notSupported(['spec', 'persistentVolumeClaimRetentionPolicy', name], value, RETENTION_POLICY_TYPES));
  }
  const start = intField(recordField(spec, 'ordinals'), 'start');
  if (start !== undefined && start < 0) errors.push(pointing(invalid(['spec', 'ordinals.start'], start, IS_NEGATIVE_ERROR), ['spec', 'ordinals', 'start']));
  const serviceName = stringField(spec, 'serviceName') ?? '';
  if (context.statefulSetServiceName && serviceName !== '') appendAll(errors, dns1123LabelErrors(serviceName).map((message) => invalid(['spec', 'serviceName'], serviceName, message)));
  return errors;
}

// upstream: validation.go ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet (v1.36), after apps/v1
// SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0 unless set; an unknown type is NotSupported
// with the whole internal DaemonSetUpdateStrategy as its value
function validateDaemonSetUpdateStrategy(strategy: Fields | undefined): ErrorList {
  const type = stringField(strategy, 'type') || 'RollingUpdate';
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') return [unknownStrategyType(['spec', 'updateStrategy'], updateStrategyValue('DaemonSetUpdateStrategy', type, rollingUpdate && maxUnavailableAndSurge(rollingUpdate), 'RollingUpdateDaemonSet'), ['RollingUpdate', 'OnDelete'])];
  const field: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const maxUnavailable = rollingUpdate?.['maxUnavailable'] ?? 1;
  const maxSurge = rollingUpdate?.['maxSurge'] ?? 0;
  const errors: ErrorList = [
    ...validatePositiveIntOrPercent(maxUnavailable, field.concat('maxUnavailable')),
    ...validatePositiveIntOrPercent(maxSurge, field.concat('maxSurge')),
    ...isNotMoreThan100Percent(maxUnavailable, field.concat('maxUnavailable')),
    ...isNotMoreThan100Percent(maxSurge, field.concat('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errors.push(invalid(field.concat('maxSurge'), intOrStringValue(maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errors.push(required(field.concat('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errors;
}

function validateSelectorAndTemplate(kind: AppsKind, spec: Fields, context: ValidationContext): ErrorList {
  const selector = asRecord(spec['selector']);
  const errors: ErrorList = [];
  if (selector) {
    appendAll(errors, validateLabelSelector(selector, ['spec', 'selector']));
    if (Object.keys(recordField(selector, 'matchLabels') ?? {}).length + arrayField(selector, 'matchExpressions').length === 0) {
      const what = kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase();
      appendAll(errors, owned([invalid(['spec', 'selector'], labelSelectorValue(selector), `empty selector is invalid for ${what}`)], SELECTOR_MISMATCH));
    }
  }
  const template = spec['template'];
  if (!asRecord(template)) return errors;
  if (selector) appendAll(errors, validateTemplateMatchesSelector({ kind: 'labelSelector', value: selector }, template, ['spec', 'template']));
  const claimTemplates = kind === 'StatefulSet' ? arrayField(spec, 'volumeClaimTemplates').map((claim) => stringField(recordField(asRecord(claim), 'metadata'), 'name') ?? '') : [];
  appendAll(errors, validatePodTemplateSpec(template, ['spec', 'template'], templateOptions(context, claimTemplates)));
  appendAll(errors, validateRestartPolicyAlways(kind === 'Deployment' ? 'ReplicaSet' : kind, template, ['spec', 'template']));
  return errors;
}

// upstream: validation.go ValidateDeploymentStrategy, ValidateRollingUpdateDeployment; an absent or empty type (apps/v1
// SetDefaults_Deployment) is RollingUpdate with absent fields 25%/25%; an unknown one is NotSupported with the whole
// internal DeploymentStrategy as its value
function validateDeploymentStrategy(strategy: Fields | undefined, field: FieldPath): ErrorList {
  const type = stringField(strategy, 'type') || 'RollingUpdate';
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
  if (type === 'Recreate') return rollingUpdate ? [forbidden(field.concat('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type !== 'RollingUpdate') return [unknownStrategyType(field, updateStrategyValue('DeploymentStrategy', type, rollingUpdate && maxUnavailableAndSurge(rollingUpdate), 'RollingUpdateDeployment'), ['Recreate', 'RollingUpdate'])];
  const maxUnavailable = rollingUpdate?.['maxUnavailable'] ?? '25%';
  const maxSurge = rollingUpdate?.['maxSurge'] ?? '25%';
  const errors: ErrorList = [
    ...validatePositiveIntOrPercent(maxUnavailable, field.concat('rollingUpdate', 'maxUnavailable')),
    ...validatePositiveIntOrPercent(maxSurge, field.concat('rollingUpdate', 'maxSurge')),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errors.push(invalid(field.concat('rollingUpdate', 'maxUnavailable'), intOrStringValue(maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  appendAll(errors, isNotMoreThan100Percent(maxUnavailable, field.concat('rollingUpdate', 'maxUnavailable')));
  return errors;
}

/** A strategy type none of the kind's: NotSupported naming the strategy, pointing at its type. */
function unknownStrategyType(field: FieldPath, value: GoStruct, supported: readonly string[]): FieldError {
  return pointing(notSupported(field, value, supported), toPath(field.concat('type')));
}

/**
 * An internal apps strategy (DeploymentStrategy, DaemonSetUpdateStrategy, StatefulSetUpdateStrategy: no json tags) as
 * json.Marshal prints it (1.34+), and as %#v does (up to 1.33) when its rollingUpdate pointer is nil.
 */
// upstream: pkg/apis/apps/types.go; apimachinery field/errors.go ErrorBody
function updateStrategyValue(type: string, strategyType: string, rollingUpdate: GoStruct | undefined, rollingUpdateType: string): GoStruct {
  const goSyntax = rollingUpdate ? undefined : `apps.${type}{Type:${goQuote(strategyType)}, RollingUpdate:(*apps.${rollingUpdateType})(nil)}`;
  return new GoStruct([['Type', strategyType], ['RollingUpdate', rollingUpdate ?? null]], goSyntax);
}

/** An internal RollingUpdateDeployment or RollingUpdateDaemonSet: a nil v1 *IntOrString converts to the zero value, 0. */
// upstream: apimachinery meta/v1 Convert_Pointer_intstr_IntOrString_To_intstr_IntOrString
function maxUnavailableAndSurge(rollingUpdate: Fields): GoStruct {
  const intOrString = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : 0);
  return new GoStruct([['MaxUnavailable', intOrString(rollingUpdate['maxUnavailable'])], ['MaxSurge', intOrString(rollingUpdate['maxSurge'])]]);
}

// upstream: validation.go ValidatePositiveIntOrPercent
export function validatePositiveIntOrPercent(value: unknown, field: FieldPath): ErrorList {
  if (typeof value === 'string') return percentErrors(value).map((message) => invalid(field, new GoIntOrString(value), message));
  return typeof value === 'number' ? validateNonnegativeField(value, field) : [];
}

// upstream: validation.go IsNotMoreThan100Percent, getPercentValue
export function isNotMoreThan100Percent(value: unknown, field: FieldPath): ErrorList {
  return typeof value === 'string' && (intOrPercentValue(value) ?? 0) > 100 ? [invalid(field, new GoIntOrString(value), 'must not be greater than 100%')] : [];
}

/** An int-or-string as the intstr.IntOrString upstream's message prints, anything else as it is. */
function intOrStringValue(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'string' ? new GoIntOrString(value) : value;
}

// upstream: validation.go getIntOrPercentValue: a percent's number, else IntOrString.IntValue (strconv.Atoi of a
// string, 0 when it does not parse)
function intOrPercentValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  if (/^[0-9]+%$/.test(value)) return Number(value.slice(0, -1));
  return /^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) < 2 ** 63 ? Number(value) : 0;
}

const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

// upstream: ValidateDeploymentSpec progressDeadlineSeconds; apps/v1 SetDefaults_Deployment makes an unset one 600, so a
// minReadySeconds of 600 or more alone is refused (the finding then points at minReadySeconds, the field written)
function validateProgressDeadline(spec: Fields): ErrorList {
  const field: FieldPath = ['spec', 'progressDeadlineSeconds'];
  const written = intField(spec, 'progressDeadlineSeconds');
  const deadline = written ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
  const errors = written === undefined ? [] : validateNonnegativeField(written, field);
  if (deadline > (intField(spec, 'minReadySeconds') ?? 0)) return errors;
  const error = invalid(field, deadline, 'must be greater than minReadySeconds');
  errors.push(written === undefined ? pointing(error, ['spec', 'minReadySeconds']) : error);
  return errors;
}
