// kube-aggregator's pkg/apis/apiregistration/validation: an APIService on create (its name is version.group, the
// group and version, the priorities, a local APIService's TLS fields, the service reference).
import { dns1035LabelErrors, subdomainErrors } from '../../model/name-validation.js';
import { goQuote, invalid, required, type ErrorList } from './field-error.js';
import { nameIsPathSegment, type NameFunc } from './object-meta.js';
import { intField, recordField, stringField, type Fields } from './values.js';

/** The name an APIService must have: `spec.version + "." + spec.group` (ValidateAPIService's ValidateNameFunc). */
export function apiServiceNameFn(object: Fields): NameFunc {
  const spec = recordField(object, 'spec');
  const requiredName = `${stringField(spec, 'version') ?? ''}.${stringField(spec, 'group') ?? ''}`;
  return (name) => {
    const failures = nameIsPathSegment(name, false);
    if (failures.length > 0) return failures;
    return name === requiredName ? [] : [`must be \`spec.version+"."+spec.group\`: ${goQuote(requiredName)}`];
  };
}

// upstream: validation.go ValidateAPIService (what follows ValidateObjectMeta); groupPriorityMinimum and versionPriority
// are required by the schema, so an absent one is left to it
export function validateAPIService(object: Fields): ErrorList {
  const errors: ErrorList = [];
  const spec = recordField(object, 'spec');
  const group = stringField(spec, 'group') ?? '';
  const version = stringField(spec, 'version') ?? '';
  if (group === '' && version !== 'v1') errors.push(required(['spec', 'group'], 'only v1 may have an empty group and it better be legacy kube'));
  if (group !== '') for (const message of subdomainErrors(group)) errors.push(invalid(['spec', 'group'], group, message));
  for (const message of dns1035LabelErrors(version)) errors.push(invalid(['spec', 'version'], version, message));
  const groupPriority = spec ? intField(spec, 'groupPriorityMinimum') : 0;
  if (groupPriority !== undefined && (groupPriority <= 0 || groupPriority > 20000)) errors.push(invalid(['spec', 'groupPriorityMinimum'], groupPriority, 'must be positive and less than 20000'));
  const versionPriority = spec ? intField(spec, 'versionPriority') : 0;
  if (versionPriority !== undefined && (versionPriority <= 0 || versionPriority > 1000)) errors.push(invalid(['spec', 'versionPriority'], versionPriority, 'must be positive and less than 1000'));
  const caBundle = stringField(spec, 'caBundle');
  const caBytes = caBundle === undefined ? 0 : Buffer.from(caBundle, 'base64').length;
  const insecure = spec?.['insecureSkipTLSVerify'] === true;
  const service = recordField(spec, 'service');
  if (!service) {
    if (caBytes > 0) errors.push(invalid(['spec', 'caBundle'], `${caBytes} bytes`, 'local APIServices may not have a caBundle'));
    if (insecure) errors.push(invalid(['spec', 'insecureSkipTLSVerify'], true, 'local APIServices may not have insecureSkipTLSVerify'));
    return errors;
  }
  if (!stringField(service, 'namespace')) errors.push(required(['spec', 'service', 'namespace']));
  if (!stringField(service, 'name')) errors.push(required(['spec', 'service', 'name']));
  if (insecure && caBytes > 0) errors.push(invalid(['spec', 'insecureSkipTLSVerify'], true, 'may not be true if caBundle is present'));
  return errors;
}
