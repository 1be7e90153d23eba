// pkg/apis/certificates/validation: the CertificateSigningRequest on create (usages, signerName, expirationSeconds).
import { appendAll } from '../../model/append.js';
import { byteLength, dns1123LabelErrors, subdomainErrors } from '../../model/name-validation.js';
import { duplicate, GoNamedString, goQuote, invalid, required, tooLong, unsupportedValue, type ErrorList, type FieldPath } from './field-error.js';
import { nameIsPathSegment, type NameFunc } from './object-meta.js';
import { arrayField, intField, recordField, stringField, type Fields } from './values.js';

// upstream: pkg/apis/certificates/types.go KeyUsage constants; validation.go allValidUsages, listed sorted (sets.String.List)
const VALID_USAGES = [
  'signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement', 'data encipherment', 'cert sign',
  'crl sign', 'encipher only', 'decipher only', 'any', 'server auth', 'client auth', 'code signing', 'email protection', 's/mime',
  'ipsec end system', 'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing', 'microsoft sgc', 'netscape sgc',
].sort();

const LEGACY_UNKNOWN_SIGNER_NAME = 'kubernetes.io/legacy-unknown';
const MIN_EXPIRATION_SECONDS = 600;

/**
 * ValidateCertificateRequestName accepts any name; the API server's generic check after the kind's validation
 * (BeforeCreate: ValidateObjectMetaAccessor with path.ValidatePathSegmentName) still refuses '/', '%', '.' and '..'.
 */
// upstream: certificates validation.go ValidateCertificateRequestName; apiserver pkg/registry/rest/create.go BeforeCreate (v1.36)
export const certificateRequestName: NameFunc = nameIsPathSegment;

// upstream: validation.go validateCertificateSigningRequest (v1.36; the same checks since before 1.27). The request's
// PEM and signature (validateCSR) are not checked here; status is cleared on create (strategy.go PrepareForCreate).
export function validateCertificateSigningRequest(object: Fields): ErrorList {
  const spec = recordField(object, 'spec');
  const errors: ErrorList = [];
  const usages = arrayField(spec, 'usages').map((usage) => (typeof usage === 'string' ? usage : ''));
  if (usages.length === 0) errors.push(required(['spec', 'usages']));
  usages.forEach((usage, index) => appendAll(errors, unsupportedValue(['spec', 'usages', index], usage, VALID_USAGES)));
  usages.forEach((usage, index) => {
    if (usages.indexOf(usage) < index) errors.push(duplicate(['spec', 'usages', index], new GoNamedString(usage)));
  });
  const signerName = stringField(spec, 'signerName') ?? '';
  if (signerName === LEGACY_UNKNOWN_SIGNER_NAME) errors.push(invalid(['spec', 'signerName'], signerName, 'the legacy signerName is not allowed via this API version'));
  else appendAll(errors, validateSignerName(['spec', 'signerName'], signerName));
  const expirationSeconds = intField(spec, 'expirationSeconds');
  if (expirationSeconds !== undefined && expirationSeconds < MIN_EXPIRATION_SECONDS) {
    errors.push(invalid(['spec', 'expirationSeconds'], expirationSeconds, 'may not specify a duration less than 600 seconds (10 minutes)'));
  }
  return errors;
}

const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1123_LABEL_MAX_LENGTH = 63;
const MAX_SIGNER_NAME_LENGTH = DNS1123_SUBDOMAIN_MAX_LENGTH + (DNS1123_SUBDOMAIN_MAX_LENGTH + DNS1123_LABEL_MAX_LENGTH + 1) + 1;

/** A signer name is 'example.com/signer-name': a domain of two labels or more, then dot-separated subdomains. */
// upstream: pkg/apis/core/validation/names.go ValidateSignerName (v1.36)
export function validateSignerName(field: FieldPath, signerName: string): ErrorList {
  if (signerName.length === 0) return [required(field)];
  const segments = signerName.split('/');
  const [domain = '', path = ''] = segments;
  if (segments.length !== 2) return [invalid(field, signerName, "must be a fully qualified domain and path of the form 'example.com/signer-name'")];
  const errors: ErrorList = [];
  if (byteLength(domain) > DNS1123_SUBDOMAIN_MAX_LENGTH) errors.push(tooLong(field, DNS1123_SUBDOMAIN_MAX_LENGTH));
  const domainLabels = domain.split('.');
  appendAll(errors, firstLabelErrors(field, domain, domainLabels, dns1123LabelErrors));
  if (domainLabels.length < 2) errors.push(invalid(field, domain, 'should be a domain with at least two segments separated by dots'));
  appendAll(errors, firstLabelErrors(field, path, path.split('.'), (label) => subdomainErrors(label)));
  if (byteLength(signerName) > MAX_SIGNER_NAME_LENGTH) errors.push(tooLong(field, MAX_SIGNER_NAME_LENGTH));
  return errors;
}

/** The errors of the first label that has any: later ones would repeat them, indistinguishably. */
function firstLabelErrors(field: FieldPath, segment: string, labels: readonly string[], check: (label: string) => readonly string[]): ErrorList {
  for (const label of labels) {
    const messages = check(label);
    if (messages.length > 0) return messages.map((message) => invalid(field, segment, `validating label ${goQuote(label)}: ${message}`));
  }
  return [];
}
