// pkg/apis/node/validation: the RuntimeClass on create (handler, overhead, scheduling).
import { appendAll } from '../../model/append.js';
import { dns1123LabelErrors } from '../../model/name-validation.js';
import { validateResourceRequirements } from './core-container.js';
import { validateTolerations, type ValidationContext } from './core-pod.js';
import { invalid, pointing, toPath, type ErrorList } from './field-error.js';
import { validateLabels } from './object-meta.js';
import { containerResourceNameErrors } from './resource-names.js';
import { arrayField, recordField, stringField, type Fields } from './values.js';

// upstream: validation.go ValidateRuntimeClass, validateOverhead, validateScheduling (v1.36); a missing handler is the
// schema's finding
export function validateRuntimeClass(object: Fields, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const handler = stringField(object, 'handler');
  if (handler !== undefined) appendAll(errors, dns1123LabelErrors(handler).map((message) => invalid(['handler'], handler, message)));
  const podFixed = recordField(recordField(object, 'overhead'), 'podFixed');
  if (podFixed) appendAll(errors, validateOverhead(podFixed));
  const scheduling = recordField(object, 'scheduling');
  if (scheduling) {
    appendAll(errors, validateLabels(scheduling['nodeSelector'], ['scheduling', 'nodeSelector']));
    appendAll(errors, validateTolerations(arrayField(scheduling, 'tolerations'), ['scheduling', 'tolerations'], context));
  }
  return errors;
}

/**
 * Upstream validates overhead.podFixed as the limits of a container's ResourceRequirements at `overhead`
 * (ValidateContainerResourceRequirements), so its messages name overhead.limits[<resource>]; the findings point at the
 * podFixed entry itself.
 */
function validateOverhead(podFixed: Fields): ErrorList {
  return validateResourceRequirements({ limits: podFixed }, ['overhead'], containerResourceNameErrors).map((error) => {
    const [, , ...rest] = toPath(error.field);
    return pointing(error, ['overhead', 'podFixed', ...rest], error.on);
  });
}
