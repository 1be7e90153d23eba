// pkg/apis/core/validation for dynamic resource allocation in a pod: its resourceClaims and the containers' claims of them.
import { validateDNS1123Label } from './core-container.js';
import { duplicate, GoStruct, invalid, notFound, required, type ErrorList, type FieldPath } from './field-error.js';
import { subdomainErrors } from '../../model/name-validation.js';
import { asRecord, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

/** The names of the pod's resourceClaims the containers may claim, and the errors of those entries. */
export interface PodResourceClaims {
  readonly names: ReadonlySet<string>;
  readonly errors: ErrorList;
}

const CLAIM_SOURCES = ['resourceClaimName', 'resourceClaimTemplateName'] as const;

/**
 * A static pod's claims ("static pods do not support resource claims", at an empty path) are not reported: kubefit does
 * not know from which release the API server says so.
 */
// upstream: validation.go validatePodResourceClaims, validatePodResourceClaim, gatherPodResourceClaimNames (v1.36)
export function validatePodResourceClaims(claims: readonly unknown[], field: FieldPath): PodResourceClaims {
  const names = new Set<string>();
  const errors: ErrorList = [];
  claims.forEach((entry, index) => {
    const claim = asRecord(entry) ?? {};
    const at = field.concat(index);
    const name = stringField(claim, 'name') ?? '';
    if (name === '') errors.push(required(at.concat('name')));
    else if (names.has(name)) errors.push(duplicate(at.concat('name'), name));
    else appendAll(errors, validateDNS1123Label(name, at.concat('name')));
    if (name !== '') names.add(name);
    const sources = CLAIM_SOURCES.filter((source) => typeof claim[source] === 'string');
    if (sources.length === 2) errors.push(invalid(at, internalClaim(claim), 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'));
    if (sources.length === 0) errors.push(invalid(at, internalClaim(claim), 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'));
    for (const source of sources) {
      const value = stringField(claim, source) ?? '';
      appendAll(errors, subdomainErrors(value).map((message) => invalid(at.concat(source), value, message)));
    }
  });
  return { names, errors };
}

/** A claim not named before: its request, and no request of it named twice or both alone and as the whole claim. */
function validateClaimRequest(claim: { name: string; request: string; names: Set<string> }, field: FieldPath): ErrorList {
  const { name, request, names } = claim;
  const errors = request === '' ? [] : validateDNS1123Label(request, field.concat('request'));
  const claimed = request === '' ? name : `${name}/${request}`;
  if (names.has(claimed)) errors.push(duplicate(field, claimed));
  else if (request === '') {
    // the whole claim after some of its requests: a duplicate for each request named before
    for (const earlier of names) if (earlier.includes('/') && earlier.slice(0, earlier.indexOf('/')) === name) errors.push(duplicate(field, name));
  }
  names.add(claimed);
  return errors;
}

/** The internal core.PodResourceClaim, as json.Marshal prints it. */
function internalClaim(claim: Fields): GoStruct {
  return new GoStruct([['Name', stringField(claim, 'name') ?? ''], ['ResourceClaimName', claim['resourceClaimName'] ?? null], ['ResourceClaimTemplateName', claim['resourceClaimTemplateName'] ?? null]]);
}

/** `field` is the container's resources.claims. */
// upstream: validation.go validateResourceClaimNames (from validateResourceRequirements)
export function validateResourceClaimNames(claims: readonly unknown[], podClaimNames: ReadonlySet<string>, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  claims.forEach((entry, index) => {
    const claim = asRecord(entry) ?? {};
    const name = stringField(claim, 'name') ?? '';
    const request = stringField(claim, 'request') ?? '';
    const at = field.concat(index);
    if (name === '') {
      errors.push(required(at));
      return;
    }
    if (names.has(name)) errors.push(duplicate(at, name));
    else appendAll(errors, validateClaimRequest({ name, request, names }, at));
    if (!podClaimNames.has(name)) errors.push({ ...notFound(at, name), detail: `must be one of the names in pod.spec.resourceClaims${podClaimNames.size === 0 ? ' which is empty' : `: ${[...podClaimNames].sort().join(', ')}`}` });
  });
  return errors;
}
