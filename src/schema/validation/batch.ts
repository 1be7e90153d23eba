// pkg/apis/batch/validation: Job and CronJob specs (create).
import { validateNonnegativeField, validateNonnegativeFields } from './core-container.js';
import { templateOptions, validatePodTemplateSpec, type ValidationContext } from './core-pod.js';
import { cronScheduleError } from './cron-schedule.js';
import { invalid, notSupported, owned, required, type ErrorList, type FieldPath } from './field-error.js';
import { INVALID_NAME, nameOnCreate } from './object-meta.js';
import { INVALID_RESTART_POLICY, validateTemplateMatchesSelector } from './template.js';
import { labelSelectorValue } from './label-selector.js';
import { dns1123LabelErrors } from '../../model/name-validation.js';
import { asRecord, intField, recordField, stringField, type Fields } from './values.js';
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
  }
  appendAll(errors, validateIndexedJobName(object, spec));
  return errors;
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

// upstream: validation.go validateJobSpec (v1.36); an absent restartPolicy is defaulted to Always, then refused
function validateJobSpec(spec: Fields | undefined, field: FieldPath, context: ValidationContext): ErrorList {
  const errors = validateNonnegativeFields(spec ?? {}, JOB_COUNTS, field);
  if (spec?.['completionMode'] === 'Indexed' && intField(spec, 'completions') === undefined) {
    errors.push(required(field.concat('completions'), 'when completion mode is Indexed'));
  }
  const template = spec?.['template'];
  if (!asRecord(template)) return errors;
  appendAll(errors, validatePodTemplateSpec(template, field.concat('template'), templateOptions(context)));
  return [...errors, ...validateJobRestartPolicy(spec, field.concat('template', 'spec', 'restartPolicy'))];
}

function validateJobRestartPolicy(spec: Fields | undefined, field: FieldPath): ErrorList {
  const policy = stringField(recordField(recordField(spec, 'template'), 'spec'), 'restartPolicy') ?? '';
  let error;
  if (policy === 'Always' || policy === '') error = required(field, 'valid values: "OnFailure", "Never"');
  else if (policy !== 'OnFailure' && policy !== 'Never') error = notSupported(field, policy, ['OnFailure', 'Never']);
  else if (recordField(spec, 'podFailurePolicy') && policy !== 'Never') error = invalid(field, policy, 'only "Never" is supported when podFailurePolicy is specified');
  return error ? owned([error], INVALID_RESTART_POLICY) : [];
}

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
