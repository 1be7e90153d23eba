// Events, core/v1 and events.k8s.io/v1, as the API server validates them on create. Both are stored as core.Event,
// so errors name the core fields (involvedObject, message, source, count ...) whatever the request's version; each
// finding points at the field as written.
// upstream: pkg/apis/core/validation/events.go ValidateEventCreate, legacyValidateEvent, validateV1EventSeries;
// pkg/apis/events/v1 conversion (note -> message, regarding -> involvedObject, deprecated* -> source, firstTimestamp,
// lastTimestamp, count)
import { byteLength, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { invalid, pointing, required, type ErrorList, type FieldError } from './field-error.js';
import { intField, recordField, stringField, type Fields } from './values.js';

/** core.Event's fields, and where each is written in the request's version. */
interface EventFields {
  readonly path: (core: string) => string;
  readonly text: (core: string) => string;
}

const CORE_V1: Readonly<Record<string, string>> = { reportingController: 'reportingComponent' };
const EVENTS_V1: Readonly<Record<string, string>> = {
  message: 'note', involvedObject: 'regarding', source: 'deprecatedSource', firstTimestamp: 'deprecatedFirstTimestamp',
  lastTimestamp: 'deprecatedLastTimestamp', count: 'deprecatedCount',
};

// upstream: events.go ReportingInstanceLengthLimit, ActionLengthLimit, ReasonLengthLimit, NoteLengthLimit
const LENGTH_LIMITS: readonly (readonly [string, number])[] = [['reportingInstance', 128], ['action', 128], ['reason', 128], ['message', 1024]];

function fieldsOf(object: Fields, renamed: Readonly<Record<string, string>>): EventFields {
  const path = (core: string): string => renamed[core] ?? core;
  return { path, text: (core) => stringField(object, path(core)) ?? '' };
}

/** The error at the core field, pointing at its written place. */
function at(error: FieldError, fields: EventFields, core: string, rest: readonly string[] = []): FieldError {
  return pointing(error, [fields.path(core), ...rest]);
}

/** A v1 Event: the legacy checks only (ValidateEventCreate returns them alone for core/v1 and events/v1beta1). */
export function validateCoreEvent(object: Fields): ErrorList {
  return legacyErrors(object, fieldsOf(object, CORE_V1));
}

// upstream: ValidateEventCreate for events.k8s.io/v1: the legacy checks, then ObjectMeta (run by the caller), the
// series, eventTime, type, and the deprecated fields unset
export function validateEventsV1Event(object: Fields): ErrorList {
  const fields = fieldsOf(object, EVENTS_V1);
  const errors = legacyErrors(object, fields);
  const series = recordField(object, 'series');
  if (series) {
    if ((intField(series, 'count') ?? 0) < 2) errors.push(invalid(['series.count'], '', 'should be at least 2'));
    if (!stringField(series, 'lastObservedTime')) errors.push(required(['series.lastObservedTime']));
  }
  // a missing eventTime is the schema's finding (required in events.k8s.io/v1)
  if (object['eventTime'] === null) errors.push(required(['eventTime']));
  const type = fields.text('type');
  if (type !== 'Normal' && type !== 'Warning') errors.push(invalid(['type'], '', `has invalid value: ${type}`));
  for (const unset of ['firstTimestamp', 'lastTimestamp']) {
    if (fields.text(unset) !== '') errors.push(at(invalid([unset], '', 'needs to be unset'), fields, unset));
  }
  if ((intField(object, fields.path('count')) ?? 0) !== 0) errors.push(at(invalid(['count'], '', 'needs to be unset'), fields, 'count'));
  const source = recordField(object, fields.path('source'));
  if (stringField(source, 'component') || stringField(source, 'host')) errors.push(at(invalid(['source'], '', 'needs to be unset'), fields, 'source'));
  return errors;
}

// upstream: legacyValidateEvent: without an eventTime only the namespaces are compared (an event in no namespace or
// "default" may name an object in none); with one, the reporting fields are required and bounded too
function legacyErrors(object: Fields, fields: EventFields): ErrorList {
  const errors: ErrorList = [];
  // kubectl sends its context's namespace, "default" unless told
  const namespace = stringField(recordField(object, 'metadata'), 'namespace') || 'default';
  const involvedNamespace = stringField(recordField(object, fields.path('involvedObject')), 'namespace') ?? '';
  const mismatch = (): FieldError => at(invalid(['involvedObject', 'namespace'], involvedNamespace, 'does not match event.namespace'), fields, 'involvedObject', ['namespace']);
  if (!stringField(object, 'eventTime')) {
    const agree = involvedNamespace === '' ? namespace === '' || namespace === 'default' : namespace === involvedNamespace;
    if (!agree) errors.push(mismatch());
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') errors.push(mismatch());
    const controller = fields.text('reportingController');
    if (controller === '') errors.push(at(required(['reportingController']), fields, 'reportingController'));
    for (const message of qualifiedNameErrors(controller)) errors.push(at(invalid(['reportingController'], controller, message), fields, 'reportingController'));
    for (const [core, limit] of LENGTH_LIMITS) {
      const text = fields.text(core);
      if (text === '' && core !== 'message') errors.push(at(required([core]), fields, core));
      if (byteLength(text) > limit) errors.push(at(invalid([core], '', `can have at most ${limit} characters`), fields, core));
    }
  }
  for (const message of subdomainErrors(namespace)) errors.push(pointing(invalid(['namespace'], namespace, message), ['metadata', 'namespace']));
  return errors;
}
