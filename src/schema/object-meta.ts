// ObjectMeta as the API server validates it on create, for any kind (upstream: apimachinery pkg/api/validation/objectmeta.go).
import { formatPath, type Path } from '../model/document.js';
import { asRecord } from '../model/object.js';
import { labelValueErrors, qualifiedNameErrors, subdomainErrors } from './names.js';

/** One field.Error, rendered as upstream's `field.Error.Error()`: `<field>: <type>: <value>: <detail>`. */
export interface FieldError {
  readonly check: 'name' | 'labels';
  readonly path: Path;
  readonly on: 'key' | 'value';
  readonly message: string;
}

/** upstream: objectmeta.go TotalAnnotationSizeLimitB */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

export type NameValidator = (name: string) => string[];

/** upstream: ValidateObjectMetaAccessor (name, generateName, labels, annotations) for an object's `metadata`. */
export function validateObjectMeta(metadata: unknown, nameFn: NameValidator = subdomainErrors): FieldError[] {
  const record = asRecord(metadata) ?? {};
  return [...validateName(record, nameFn), ...validateLabels(record['labels']), ...validateAnnotations(record['annotations'])];
}

function validateName(metadata: Readonly<Record<string, unknown>>, nameFn: NameValidator): FieldError[] {
  const errors: FieldError[] = [];
  const { name, generateName } = metadata;
  if (typeof generateName === 'string' && generateName !== '') {
    // upstream: NameIsDNSSubdomain(prefix=true) masks a trailing '-' (maskTrailingDash), since characters follow it
    const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
    for (const msg of nameFn(masked)) errors.push(invalid('name', ['metadata', 'generateName'], generateName, msg));
  }
  if (typeof name !== 'string' || name === '') {
    if (typeof generateName !== 'string' || generateName === '') {
      errors.push({ check: 'name', path: ['metadata', 'name'], on: 'key', message: 'metadata.name: Required value: name or generateName is required' });
    }
    return errors;
  }
  for (const msg of nameFn(name)) errors.push(invalid('name', ['metadata', 'name'], name, msg));
  return errors;
}

/** upstream: apimachinery pkg/apis/meta/v1/validation ValidateLabels (errors are reported on metadata.labels) */
function validateLabels(labels: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(asRecord(labels) ?? {})) {
    for (const msg of qualifiedNameErrors(key)) errors.push({ ...invalid('labels', ['metadata', 'labels'], key, msg), path: ['metadata', 'labels', key], on: 'key' });
    if (typeof value !== 'string') continue;
    for (const msg of labelValueErrors(value)) errors.push({ ...invalid('labels', ['metadata', 'labels'], value, msg), path: ['metadata', 'labels', key] });
  }
  return errors;
}

/** upstream: objectmeta.go ValidateAnnotations (keys are checked lower-cased; keys and values share one size limit) */
function validateAnnotations(annotations: unknown): FieldError[] {
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(asRecord(annotations) ?? {})) {
    size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    for (const msg of qualifiedNameErrors(key.toLowerCase())) {
      errors.push({ ...invalid('labels', ['metadata', 'annotations'], key, msg), path: ['metadata', 'annotations', key], on: 'key' });
    }
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errors.push({ check: 'labels', path: ['metadata', 'annotations'], on: 'key', message: `metadata.annotations: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return errors;
}

function invalid(check: FieldError['check'], path: Path, value: string, detail: string): FieldError {
  return { check, path, on: 'value', message: `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${detail}` };
}
