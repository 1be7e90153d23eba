// Kubernetes name syntax (apimachinery pkg/util/validation): what is wrong with a name, in upstream's words.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

// upstream: validation.go IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue (v1.36)
const SUBDOMAIN_ERROR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const NAME_PART_ERROR = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_ERROR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Problems of a DNS-1123 subdomain (object names), [] when valid. */
export function subdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(SUBDOMAIN_ERROR);
  return errors;
}

/** Problems of a qualified name (label and annotation keys: optional DNS subdomain prefix, '/', name). */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [`a qualified name must consist of an optional DNS subdomain prefix, '/', and a name; ${NAME_PART_ERROR}`];
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  const errors: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else for (const error of subdomainErrors(prefix)) errors.push(`prefix part ${error}`);
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) errors.push(NAME_PART_ERROR);
  return errors;
}

/** Problems of a label value, [] when valid. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errors.push(LABEL_VALUE_ERROR);
  return errors;
}
