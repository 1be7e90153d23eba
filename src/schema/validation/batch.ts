// pkg/apis/batch/validation: Job and CronJob specs (create).
import { validateNonnegativeField, validateNonnegativeFields } from './core-container.js';
import { templateOptions, validatePodTemplateSpec, type ValidationContext } from './core-pod.js';
import { cronScheduleError } from './cron-schedule.js';
import { duplicate, GoSlice, GoStruct, goQuote, invalid, invalidOmitValue, notSupported, owned, pointing, required, tooLong, tooLongMaxLength, tooMany, type ErrorList, type FieldPath } from './field-error.js';
import { INVALID_NAME, nameOnCreate, validateLabels } from './object-meta.js';
import { INVALID_RESTART_POLICY, selectorMismatch, validateTemplateMatchesSelector } from './template.js';
import { labelSelectorValue } from './label-selector.js';
import { byteLength, dns1123LabelErrors, qualifiedNameErrors } from '../../model/name-validation.js';
import { domainPrefixedPathErrors } from './networking.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';
import { matchesSelector, toLabelSelector } from '../../model/labels.js';

// upstream: validation.go ValidateJob, ValidateJobSpec, validateGeneratedSelector (v1.36): without manualSelector the
// API server adds the controller-uid label to the selector and the job-name labels to the template
// (registry/batch/job/strategy.go generateSelector); a selector that then selects more than those is refused
export function validateJob(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec');
  const errors = validateJobSpec(spec, ['spec'], context);
  const selector = recordField(spec, 'selector');
  if (selector && spec?.['manualSelector'] !== true) {
    if (!selectsGeneratedLabels(selector, nameOnCreate(recordField(object, 'metadata')))) {
      errors.push(invalid(['spec', 'selector'], labelSelectorValue(selector), '`selector` not auto-generated'));
    }
  } else if (selector) {
    appendAll(errors, validateTemplateMatchesSelector({ kind: 'labelSelector', value: selector }, spec?.['template'], ['spec', 'template']));
  } else if (spec?.['manualSelector'] === true) {
    appendAll(errors, validateMissingManualSelector(spec));
  }
  appendAll(errors, validateIndexedJobName(object, spec));
  appendAll(errors, validateGeneratedJobNameLabels(object, spec));
  return errors;
}

/**
 * With manualSelector, generateSelector leaves a missing selector missing: ValidateJobSpec requires it, and
 * LabelSelectorAsSelector(nil) is labels.Nothing(), which no template's labels match.
 */
// upstream: validation.go ValidateJobSpec (v1.36); registry/batch/job/strategy.go generateSelector
function validateMissingManualSelector(spec: Fields): ErrorList {
  return [required(['spec', 'selector']), ...selectorMismatch(['spec', 'template'], recordField(recordField(spec, 'template'), 'metadata')?.['labels'])];
}

const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];

// upstream: registry/batch/job/strategy.go PrepareForCreate, generateSelector: without manualSelector the template
// gets the job-name labels the user did not set, with the Job's name as their value, before ValidateJob checks the
// template's labels; a name longer than a label value may be (63) is refused there. Both labels break alike, and the
// API server prints an error once however often the list holds it.
function validateGeneratedJobNameLabels(object: Fields, spec: Fields | undefined): ErrorList {
  if (spec?.['manualSelector'] === true) return [];
  const name = nameOnCreate(recordField(object, 'metadata'));
  const labels = recordField(recordField(recordField(spec, 'template'), 'metadata'), 'labels');
  const generated = JOB_NAME_LABELS.find((key) => labels?.[key] === undefined);
  if (name === '' || generated === undefined) return [];
  return validateLabels({ [generated]: name }, ['spec', 'template', 'metadata', 'labels']).map((error) => pointing(error, ['metadata', 'name']));
}

/** The user's part of a generated selector must select the labels generateSelector puts on every pod of the Job. */
function selectsGeneratedLabels(selector: Fields, name: string): boolean {
  return matchesSelector(toLabelSelector(selector), { 'job-name': name, 'batch.kubernetes.io/job-name': name });
}

// upstream: ValidateJob: an Indexed Job's pods are named <job>-<index>, which must be a DNS label
function validateIndexedJobName(object: Fields, spec: Fields | undefined): ErrorList {
  const completions = intField(spec, 'completions');
  const name = nameOnCreate(recordField(object, 'metadata'));
  if (spec?.['completionMode'] !== 'Indexed' || completions === undefined || completions <= 0) return [];
  const hostname = `${name}-${completions - 1}`;
  if (dns1123LabelErrors(hostname).length === 0) return [];
  return [invalid(['metadata', 'name'], name, `will not able to create pod with invalid DNS label: ${hostname}`)];
}

const JOB_COUNTS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'];

// upstream: validation.go validateJobSpec (v1.36); an absent restartPolicy is defaulted to Always, then refused.
// batch/v1 SetDefaults_Job sets completions to 1 when neither completions nor parallelism is set.
function validateJobSpec(spec: Fields | undefined, field: FieldPath, context: ValidationContext): ErrorList {
  const errors = validateNonnegativeFields(spec ?? {}, JOB_COUNTS, field);
  if (spec?.['maxFailedIndexes'] !== undefined && spec['backoffLimitPerIndex'] === undefined) {
    errors.push(required(field.concat('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  appendAll(errors, validateManagedBy(stringField(spec, 'managedBy'), field.concat('managedBy')));
  appendAll(errors, validateCompletionMode(spec ?? {}, field));
  const podFailurePolicy = recordField(spec, 'podFailurePolicy');
  if (podFailurePolicy) appendAll(errors, validatePodFailurePolicy(spec ?? {}, podFailurePolicy, field.concat('podFailurePolicy')));
  appendAll(errors, validateSuccessPolicy(spec ?? {}, field.concat('successPolicy')));
  appendAll(errors, validatePodReplacementPolicy(spec ?? {}, field.concat('podReplacementPolicy')));
  const template = spec?.['template'];
  if (!asRecord(template)) return errors;
  appendAll(errors, validatePodTemplateSpec(template, field.concat('template'), templateOptions(context)));
  return [...errors, ...validateJobRestartPolicy(spec, field.concat('template', 'spec', 'restartPolicy'))];
}

const MAX_MANAGED_BY_LENGTH = 63;

// upstream: validateJobSpec managedBy: IsDomainPrefixedPath, at most 63 bytes (field.TooLongMaxLength up to 1.31)
function validateManagedBy(managedBy: string | undefined, field: FieldPath): ErrorList {
  if (managedBy === undefined) return [];
  const errors = domainPrefixedPathErrors(managedBy, field);
  if (byteLength(managedBy) > MAX_MANAGED_BY_LENGTH) errors.push(tooLongMaxLength(field, MAX_MANAGED_BY_LENGTH));
  return errors;
}

const MAX_PARALLELISM_INDEXED = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10_000;
const HIGH_COMPLETIONS = 'when completions are above 100000 and used with backoff limit per index';

/** Completions after SetDefaults_Job: 1 when neither completions nor parallelism is set. */
function defaultedCompletions(spec: Fields): number | undefined {
  return intField(spec, 'completions') ?? (spec['completions'] === undefined && spec['parallelism'] === undefined ? 1 : undefined);
}

const COMPLETION_MODES = ['NonIndexed', 'Indexed'];

// upstream: validateJobSpec, the completionMode branches: an unknown mode is neither Indexed nor NonIndexed
function validateCompletionMode(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const perIndex = intField(spec, 'backoffLimitPerIndex');
  const maxFailed = intField(spec, 'maxFailedIndexes');
  const mode = stringField(spec, 'completionMode');
  if (mode !== undefined && !COMPLETION_MODES.includes(mode)) return [notSupported(field.concat('completionMode'), mode, COMPLETION_MODES)];
  if (mode !== 'Indexed') {
    if (perIndex !== undefined) errors.push(invalid(field.concat('backoffLimitPerIndex'), perIndex, 'requires indexed completion mode'));
    if (maxFailed !== undefined) errors.push(invalid(field.concat('maxFailedIndexes'), maxFailed, 'requires indexed completion mode'));
    return errors;
  }
  const completions = defaultedCompletions(spec);
  const parallelism = intField(spec, 'parallelism');
  if (completions === undefined && spec['completions'] === undefined) errors.push(required(field.concat('completions'), 'when completion mode is Indexed'));
  if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) errors.push(invalid(field.concat('parallelism'), parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
  if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) errors.push(invalid(field.concat('maxFailedIndexes'), maxFailed, 'must be less than or equal to completions'));
  if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) errors.push(invalid(field.concat('maxFailedIndexes'), maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
  if (completions === undefined || completions <= COMPLETIONS_SOFT_LIMIT || perIndex === undefined) return errors;
  if (maxFailed === undefined) errors.push(required(field.concat('maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
  if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) errors.push(invalid(field.concat('parallelism'), parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} ${HIGH_COMPLETIONS}`));
  if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES_HIGH_COMPLETIONS) errors.push(invalid(field.concat('maxFailedIndexes'), maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} ${HIGH_COMPLETIONS}`));
  return errors;
}

const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS = 20;
// upstream: sets.List of the supported values: sorted
const POD_FAILURE_POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const ON_EXIT_CODES_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** fmt's %q of a []string, as in `valid values: %q`. */
const quotedList = (values: readonly string[]): string => `[${values.map((value) => JSON.stringify(value)).join(' ')}]`;

// upstream: validation.go validatePodFailurePolicy, validatePodFailurePolicyRule (v1.36)
function validatePodFailurePolicy(spec: Fields, policy: Fields, field: FieldPath): ErrorList {
  const rules = arrayField(policy, 'rules');
  const errors: ErrorList = rules.length > MAX_POD_FAILURE_POLICY_RULES ? [tooMany(field.concat('rules'), rules.length, MAX_POD_FAILURE_POLICY_RULES)] : [];
  const podSpec = recordField(recordField(spec, 'template'), 'spec');
  const containerNames = new Set([...arrayField(podSpec, 'containers'), ...arrayField(podSpec, 'initContainers')].map((container) => stringField(asRecord(container), 'name') ?? ''));
  rules.forEach((entry, index) => {
    const rule = asRecord(entry) ?? {};
    const at = field.concat('rules', index);
    appendAll(errors, validatePodFailurePolicyAction(spec, stringField(rule, 'action') ?? '', at.concat('action')));
    const onExitCodes = recordField(rule, 'onExitCodes');
    const onPodConditions = arrayField(rule, 'onPodConditions');
    if (onExitCodes) appendAll(errors, validateOnExitCodes(onExitCodes, at.concat('onExitCodes'), containerNames));
    if (onPodConditions.length > 0) appendAll(errors, validateOnPodConditions(onPodConditions, at.concat('onPodConditions')));
    if (onExitCodes && onPodConditions.length > 0) errors.push(invalidOmitValue(at, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!onExitCodes && onPodConditions.length === 0) errors.push(invalidOmitValue(at, 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  return errors;
}

function validatePodFailurePolicyAction(spec: Fields, action: string, field: FieldPath): ErrorList {
  if (action === '') return [required(field, `valid values: ${quotedList(POD_FAILURE_POLICY_ACTIONS)}`)];
  if (action === 'FailIndex') return spec['backoffLimitPerIndex'] === undefined ? [invalid(field, action, 'requires the backoffLimitPerIndex to be set')] : [];
  return POD_FAILURE_POLICY_ACTIONS.includes(action) ? [] : [notSupported(field, action, POD_FAILURE_POLICY_ACTIONS)];
}

// upstream: validatePodFailurePolicyRuleOnExitCodes (an absent `values` is the schema's required field)
function validateOnExitCodes(onExitCodes: Fields, field: FieldPath, containerNames: ReadonlySet<string>): ErrorList {
  const errors: ErrorList = [];
  const operator = stringField(onExitCodes, 'operator') ?? '';
  if (operator === '') errors.push(required(field.concat('operator'), `valid values: ${quotedList(ON_EXIT_CODES_OPERATORS)}`));
  else if (!ON_EXIT_CODES_OPERATORS.includes(operator)) errors.push(notSupported(field.concat('operator'), operator, ON_EXIT_CODES_OPERATORS));
  const containerName = stringField(onExitCodes, 'containerName');
  if (containerName !== undefined && !containerNames.has(containerName)) errors.push(invalid(field.concat('containerName'), containerName, 'must be one of the container or initContainer names in the pod template'));
  if (!Array.isArray(onExitCodes['values'])) return errors;
  const values = arrayField(onExitCodes, 'values').filter((value): value is number => typeof value === 'number');
  if (values.length === 0) errors.push(invalid(field.concat('values'), new GoSlice('[]int32', values), 'at least one value is required'));
  else if (values.length > MAX_ON_EXIT_CODES_VALUES) errors.push(tooMany(field.concat('values'), values.length, MAX_ON_EXIT_CODES_VALUES));
  const seen = new Set<number>();
  values.forEach((value, index) => {
    if (operator === 'In' && value === 0) errors.push(invalid(field.concat('values', index), value, 'must not be 0 for the In operator'));
    if (seen.has(value)) errors.push(duplicate(field.concat('values', index), value));
    seen.add(value);
  });
  if (values.some((value, index) => index > 0 && values[index - 1]! > value)) errors.push(invalid(field.concat('values'), new GoSlice('[]int32', values), 'must be ordered'));
  return errors;
}

// upstream: validatePodFailurePolicyRuleOnPodConditions; SetDefaults_Job makes an empty status True
function validateOnPodConditions(patterns: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = patterns.length > MAX_ON_POD_CONDITIONS ? [tooMany(field, patterns.length, MAX_ON_POD_CONDITIONS)] : [];
  patterns.forEach((entry, index) => {
    const pattern = asRecord(entry) ?? {};
    const type = stringField(pattern, 'type') ?? '';
    appendAll(errors, qualifiedNameErrors(type).map((message) => invalid(field.concat(index, 'type'), type, message)));
    const status = stringField(pattern, 'status') || 'True';
    if (!CONDITION_STATUSES.includes(status)) errors.push(notSupported(field.concat(index, 'status'), status, CONDITION_STATUSES));
  });
  return errors;
}

const MAX_SUCCESS_POLICY_RULES = 20;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;

// upstream: validateJobSpec successPolicy, validateSuccessPolicy, validateSuccessPolicyRule (v1.36)
function validateSuccessPolicy(spec: Fields, field: FieldPath): ErrorList {
  const policy = recordField(spec, 'successPolicy');
  if (!policy) return [];
  if (spec['completionMode'] !== 'Indexed') return [invalid(field, new GoStruct([['Rules', arrayField(policy, 'rules').map(successPolicyRuleValue)]]), 'requires indexed completion mode')];
  const rules = arrayField(policy, 'rules');
  const errors: ErrorList = [];
  if (rules.length === 0) errors.push(required(field.concat('rules'), 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errors.push(tooMany(field.concat('rules'), rules.length, MAX_SUCCESS_POLICY_RULES));
  const completions = defaultedCompletions(spec);
  rules.forEach((entry, index) => {
    const rule = asRecord(entry) ?? {};
    const at = field.concat('rules', index);
    const count = intField(rule, 'succeededCount');
    const indexes = stringField(rule, 'succeededIndexes');
    if (count === undefined && indexes === undefined) errors.push(required(at, 'at least one of succeededCount or succeededIndexes must be specified'));
    if (indexes !== undefined && byteLength(indexes) > MAX_SUCCEEDED_INDEXES_LENGTH) errors.push(tooLong(at.concat('succeededIndexes'), MAX_SUCCEEDED_INDEXES_LENGTH));
    const parsed = indexes === undefined || completions === undefined ? undefined : indexesFormat(indexes, completions);
    if (typeof parsed === 'string') errors.push(invalid(at.concat('succeededIndexes'), indexes, `error parsing succeededIndexes: ${parsed}`));
    if (count === undefined) return;
    appendAll(errors, validateNonnegativeField(count, at.concat('succeededCount')));
    if (completions !== undefined && count > completions) errors.push(invalid(at.concat('succeededCount'), count, `must be less than or equal to ${completions} (the number of specified completions)`));
    // a succeededIndexes that does not parse counts no index
    const total = typeof parsed === 'number' ? parsed : 0;
    if (parsed !== undefined && count > total) errors.push(invalid(at.concat('succeededCount'), count, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
  });
  return errors;
}

/** How many indexes a list of intervals (`1,3-5`) names, or why it does not parse. */
// upstream: validation.go validateIndexesFormat (v1.36)
function indexesFormat(indexes: string, completions: number): number | string {
  if (indexes === '') return 0;
  let last: number | undefined;
  let total = 0;
  for (const fragment of indexes.split(',')) {
    const interval = indexInterval(fragment, completions);
    if (typeof interval === 'string') return interval;
    const [first, end] = interval;
    if (last !== undefined && last >= first) return `non-increasing order, previous: ${last}, current: ${first}`;
    total += end - first + 1;
    last = end;
  }
  return total;
}

// upstream: validation.go parseIndexInterval (v1.36)
function indexInterval(fragment: string, completions: number): readonly [number, number] | string {
  const limits = fragment.split('-');
  if (limits.length > 2) return `the fragment ${goQuote(fragment)} violates the requirement that an index interval can have at most two parts separated by '-'`;
  const bounds: number[] = [];
  for (const limit of limits) {
    const index = atoi(limit);
    if (index === undefined) return `cannot convert string to integer for index: ${goQuote(limit)}`;
    if (index >= completions) return `too large index: ${goQuote(limit)}`;
    bounds.push(index);
  }
  const [first = 0, end = first] = bounds;
  if (limits.length > 1 && first >= end) return `non-increasing order, previous: ${first}, current: ${end}`;
  return [first, end];
}

/** Go's strconv.Atoi: an optional sign and decimal digits within int64. */
function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(value) : undefined;
}

/** The internal SuccessPolicyRule as json.Marshal prints it: Go field names, pointers null when unset. */
function successPolicyRuleValue(entry: unknown): GoStruct {
  const rule = asRecord(entry);
  return new GoStruct([['SucceededIndexes', stringField(rule, 'succeededIndexes') ?? null], ['SucceededCount', intField(rule, 'succeededCount') ?? null]]);
}

// upstream: validatePodReplacementPolicy; SetDefaults_Job picks Failed with a podFailurePolicy, else TerminatingOrFailed
function validatePodReplacementPolicy(spec: Fields, field: FieldPath): ErrorList {
  const policy = stringField(spec, 'podReplacementPolicy');
  if (policy === undefined) return [];
  if (recordField(spec, 'podFailurePolicy')) return policy === 'Failed' ? [] : [notSupported(field, policy, ['Failed'])];
  return policy === 'Failed' || policy === 'TerminatingOrFailed' ? [] : [notSupported(field, policy, ['Failed', 'TerminatingOrFailed'])];
}

function validateJobRestartPolicy(spec: Fields | undefined, field: FieldPath): ErrorList {
  const policy = stringField(recordField(recordField(spec, 'template'), 'spec'), 'restartPolicy') ?? '';
  let error;
  if (policy === 'Always' || policy === '') error = required(field, 'valid values: "OnFailure", "Never"');
  else if (policy !== 'OnFailure' && policy !== 'Never') error = notSupported(field, policy, ['OnFailure', 'Never']);
  else if (recordField(spec, 'podFailurePolicy') && policy !== 'Never') error = invalid(field, policy, 'only "Never" is supported when podFailurePolicy is specified');
  return error ? owned([error], INVALID_RESTART_POLICY) : [];
}

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

// upstream: validation.go ValidateCronJobCreate, validateCronJobSpec, validateScheduleFormat, validateTimeZone (v1.36);
// on create a schedule may not carry TZ or CRON_TZ
export function validateCronJob(object: Fields, isTimeZone: (name: string) => boolean, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const name = nameOnCreate(recordField(object, 'metadata'));
  if (name.length > 52) appendAll(errors, owned([invalid(['metadata', 'name'], name, 'must be no more than 52 characters')], INVALID_NAME));
  const spec = recordField(object, 'spec');
  const schedule = stringField(spec, 'schedule');
  if (schedule === '') errors.push(required(['spec', 'schedule']));
  else if (schedule !== undefined) appendAll(errors, validateScheduleFormat(schedule, isTimeZone));
  const timeZone = stringField(spec, 'timeZone');
  if (timeZone !== undefined) appendAll(errors, validateTimeZone(timeZone, isTimeZone));
  // upstream: validateConcurrencyPolicy; batch/v1 SetDefaults_CronJob makes an empty policy Allow
  const concurrencyPolicy = stringField(spec, 'concurrencyPolicy') || 'Allow';
  if (!CONCURRENCY_POLICIES.includes(concurrencyPolicy)) errors.push(notSupported(['spec', 'concurrencyPolicy'], concurrencyPolicy, CONCURRENCY_POLICIES));
  for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    appendAll(errors, validateNonnegativeField(intField(spec, field), ['spec', field]));
  }
  appendAll(errors, validateJobTemplateSpec(recordField(spec, 'jobTemplate'), context));
  return errors;
}

// upstream: validation.go ValidateJobTemplateSpec: a CronJob's jobs always get a generated selector
function validateJobTemplateSpec(jobTemplate: Fields | undefined, context: ValidationContext): ErrorList {
  const spec = recordField(jobTemplate, 'spec');
  const errors = validateJobSpec(spec, ['spec', 'jobTemplate', 'spec'], context);
  const selector = recordField(spec, 'selector');
  if (selector) errors.push(invalid(['spec', 'jobTemplate', 'spec', 'selector'], labelSelectorValue(selector), '`selector` will be auto-generated'));
  if (spec?.['manualSelector'] === true) errors.push(notSupported(['spec', 'jobTemplate', 'spec', 'manualSelector'], true, ['nil', 'false']));
  return errors;
}

function validateScheduleFormat(schedule: string, isTimeZone: (name: string) => boolean): ErrorList {
  const errors: ErrorList = [];
  const error = cronScheduleError(schedule, isTimeZone);
  if (error) errors.push(invalid(['spec', 'schedule'], schedule, error));
  if (schedule.includes('TZ')) errors.push(invalid(['spec', 'schedule'], schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errors;
}

// upstream: validation.go validTimeZoneCharacters
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(timeZone: string, isTimeZone: (name: string) => boolean): ErrorList {
  const field = ['spec', 'timeZone'];
  if (timeZone.length === 0) return [invalid(field, timeZone, 'timeZone must be nil or non-empty string')];
  const badPart = timeZone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part));
  if (badPart) return [invalid(field, timeZone, `unknown time zone ${timeZone}`)];
  const errors: ErrorList = [];
  if (timeZone.toLowerCase() === 'local') errors.push(invalid(field, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (!isTimeZone(timeZone)) errors.push(invalid(field, timeZone, `unknown time zone ${timeZone}`));
  return errors;
}
