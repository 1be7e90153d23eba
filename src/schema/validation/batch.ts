// pkg/apis/batch/validation: Job and CronJob specs (create).
import { validateNonnegativeField } from './core-container.js';
import { validatePodTemplateSpec } from './core-pod.js';
import { cronScheduleError } from './cron-schedule.js';
import { invalid, notSupported, owned, required, type ErrorList, type FieldPath } from './field-error.js';
import { INVALID_NAME } from './object-meta.js';
import { INVALID_RESTART_POLICY } from './template.js';
import { asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: validation.go ValidateJob (spec part)
export function validateJob(object: Fields): ErrorList {
  return validateJobSpec(recordField(object, 'spec'), ['spec']);
}

// upstream: validation.go validateJobSpec, ValidateJobSpec (v1.36); the template's restartPolicy is defaulted to Always first
function validateJobSpec(spec: Fields | undefined, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const name of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errors.push(...validateNonnegativeField(intField(spec, name), [...field, name]));
  }
  if (spec?.['completionMode'] === 'Indexed' && intField(spec, 'completions') === undefined) {
    errors.push(required([...field, 'completions'], 'when completion mode is Indexed'));
  }
  const template = spec?.['template'];
  if (!asRecord(template)) return errors;
  errors.push(...validatePodTemplateSpec(template, [...field, 'template']));
  const policy = stringField(recordField(asRecord(template), 'spec'), 'restartPolicy') ?? 'Always';
  if (policy !== 'OnFailure' && policy !== 'Never') {
    errors.push(...owned([notSupported([...field, 'template', 'spec', 'restartPolicy'], policy, ['OnFailure', 'Never'])], INVALID_RESTART_POLICY));
  }
  return errors;
}

// upstream: validation.go ValidateCronJobCreate, validateCronJobSpec, validateScheduleFormat, validateTimeZone (v1.36)
export function validateCronJob(object: Fields, isTimeZone: (name: string) => boolean): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(recordField(object, 'metadata'), 'name') ?? '';
  if (name.length > 52) errors.push(...owned([invalid(['metadata', 'name'], name, 'must be no more than 52 characters')], INVALID_NAME));
  const spec = recordField(object, 'spec');
  const schedule = stringField(spec, 'schedule');
  if (schedule === '') errors.push(required(['spec', 'schedule']));
  else if (schedule !== undefined) errors.push(...validateScheduleFormat(schedule, isTimeZone));
  const timeZone = stringField(spec, 'timeZone');
  if (timeZone !== undefined) errors.push(...validateTimeZone(timeZone, isTimeZone));
  for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    errors.push(...validateNonnegativeField(intField(spec, field), ['spec', field]));
  }
  const jobTemplate = recordField(spec, 'jobTemplate');
  errors.push(...validateJobSpec(recordField(jobTemplate, 'spec'), ['spec', 'jobTemplate', 'spec']));
  return errors;
}

function validateScheduleFormat(schedule: string, isTimeZone: (name: string) => boolean): ErrorList {
  const errors: ErrorList = [];
  const error = cronScheduleError(schedule, isTimeZone);
  if (error) errors.push(invalid(['spec', 'schedule'], schedule, error));
  if (schedule.includes('TZ')) errors.push(invalid(['spec', 'schedule'], schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errors;
}

const TIME_ZONE_PART = /^[A-Za-z._+\-0-9]+$/;

function validateTimeZone(timeZone: string, isTimeZone: (name: string) => boolean): ErrorList {
  const field = ['spec', 'timeZone'];
  if (timeZone.length === 0) return [invalid(field, timeZone, 'timeZone must be nil or non-empty string')];
  if (timeZone.toLowerCase() === 'local') return [invalid(field, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  const errors: ErrorList = [];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) errors.push(invalid(field, timeZone, `unknown time zone ${timeZone}`));
  }
  if (errors.length === 0 && !isTimeZone(timeZone)) errors.push(invalid(field, timeZone, `unknown time zone ${timeZone}`));
  return errors;
}
