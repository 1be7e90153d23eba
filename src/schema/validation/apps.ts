// pkg/apis/apps/validation: Deployment, ReplicaSet, StatefulSet, DaemonSet specs (create).
import { IS_NEGATIVE_ERROR, validateNonnegativeField } from './core-container.js';
import { templateOptions, validatePodTemplateSpec, type ValidationContext } from './core-pod.js';
import { forbidden, GoIntOrString, GoStruct, invalid, notSupported, owned, pointing, required, type ErrorList, type FieldPath } from './field-error.js';
import { labelSelectorValue, validateLabelSelector } from './label-selector.js';
import { percentErrors } from '../../model/name-validation.js';
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
  if (kind === 'StatefulSet') appendAll(appendAll(errors, validateStatefulSetStrategy(recordField(spec, 'updateStrategy'), context.maxUnavailableStatefulSet)), validateStatefulSetFields(spec));
  if (kind === 'DaemonSet') appendAll(errors, validateDaemonSetUpdateStrategy(recordField(spec, 'updateStrategy')));
  return errors;
}

// upstream: validation.go ValidateStatefulSetSpec, the updateStrategy switch, and validateRollingUpdateStatefulSet
// (v1.36), after apps/v1 SetDefaults_StatefulSet: an absent type is RollingUpdate; an unknown type is the schema's enum.
// Without the MaxUnavailableStatefulSet gate, strategy.go dropStatefulSetDisabledFields clears maxUnavailable first.
function validateStatefulSetStrategy(strategy: Fields | undefined, withMaxUnavailable: boolean): ErrorList {
  const field: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const type = stringField(strategy, 'type') || 'RollingUpdate';
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
  if (!rollingUpdate) return [];
  const maxUnavailable = withMaxUnavailable ? rollingUpdate['maxUnavailable'] : undefined;
  const intOrString = typeof maxUnavailable === 'number' || typeof maxUnavailable === 'string' ? maxUnavailable : null;
  // the internal RollingUpdateStatefulSetStrategy has no json tags: json.Marshal prints its Go field names
  if (type === 'OnDelete') return [invalid(field, new GoStruct([['Partition', intField(rollingUpdate, 'partition') ?? 0], ['MaxUnavailable', intOrString]]), "only allowed for updateStrategy 'RollingUpdate'")];
  if (type !== 'RollingUpdate') return [];
  const errors = validateNonnegativeField(intField(rollingUpdate, 'partition'), field.concat('partition'));
  if (intOrString === null) return errors;
  const at = field.concat('maxUnavailable');
  appendAll(errors, validatePositiveIntOrPercent(intOrString, at));
  if (intOrPercentValue(intOrString) === 0) errors.push(invalid(at, new GoIntOrString(intOrString), 'cannot be 0'));
  return appendAll(errors, isNotMoreThan100Percent(intOrString, at));
}

const RETENTION_POLICY_TYPES = ['Retain', 'Delete'];

// upstream: ValidateStatefulSetSpec: podManagementPolicy (apps/v1 SetDefaults_StatefulSet makes an empty one OrderedReady),
// ValidatePersistentVolumeClaimRetentionPolicy (empty values default to Retain) and ordinals.start, whose path upstream
// writes as one child "ordinals.start"
function validateStatefulSetFields(spec: Fields): ErrorList {
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
  return errors;
}

// upstream: validation.go ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet (v1.36), after apps/v1
// SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0 unless set; an unknown type is the schema's enum
function validateDaemonSetUpdateStrategy(strategy: Fields | undefined): ErrorList {
  if ((stringField(strategy, 'type') || 'RollingUpdate') !== 'RollingUpdate') return [];
  const field: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
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

// upstream: validation.go ValidateDeploymentStrategy, ValidateRollingUpdateDeployment; absent fields default to RollingUpdate 25%/25%
function validateDeploymentStrategy(strategy: Fields | undefined, field: FieldPath): ErrorList {
  const type = stringField(strategy, 'type') ?? 'RollingUpdate';
  const rollingUpdate = recordField(strategy, 'rollingUpdate');
  if (type === 'Recreate') return rollingUpdate ? [forbidden(field.concat('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type !== 'RollingUpdate') return [];
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
