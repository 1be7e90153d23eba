// Kubernetes string formats (apimachinery pkg/util/validation and pkg/api/validate/content): what is wrong, in upstream's words.
import { appendAll } from './append.js';
import {
  DNS1123_LABEL_FMT, DNS1123_SUBDOMAIN_FMT, QUALIFIED_NAME_FMT as LABEL_KEY_FMT, isLabelValue, isQualifiedName,
} from './label-syntax.js';

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const PERCENT_FMT = '[0-9]+%';
const WILDCARD_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;

/** Go's len() of a string: bytes, not UTF-16 units. */
export const byteLength = (value: string): number => Buffer.byteLength(value, 'utf8');

const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = anchored(DNS1035_LABEL_FMT);
const LABEL_KEY = anchored(LABEL_KEY_FMT);
const LABEL_VALUE = anchored(LABEL_VALUE_FMT);
const CONFIG_MAP_KEY = anchored(CONFIG_MAP_KEY_FMT);
const PERCENT = anchored(PERCENT_FMT);
const WILDCARD_SUBDOMAIN = anchored(WILDCARD_SUBDOMAIN_FMT);

const LABEL_KEY_ERROR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// upstream: validation.go MaxLenError, RegexError, InclusiveRangeError; content/errors.go MaxLenError (v1.36)
const maxLenError = (length: number): string => `must be no more than ${length} characters`;
const maxBytesError = (length: number): string => `must be no more than ${length} bytes`;
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

function regexError(message: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${fmt}')`;
  return `${message} (e.g. ${examples.map((example) => `'${example}', `).join(' or ')}regex used for validation is '${fmt}')`;
}


// upstream: content/identifier.go IsCIdentifier (v1.36)
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const C_IDENTIFIER = anchored(C_IDENTIFIER_FMT);

export function cIdentifierErrors(value: string): string[] {
  if (C_IDENTIFIER.test(value)) return [];
  return [regexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

// upstream: validation.go IsHTTPHeaderName (v1.36)
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

export function httpHeaderNameErrors(value: string): string[] {
  return HTTP_HEADER_NAME.test(value) ? [] : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", '[-A-Za-z0-9]+', 'X-Header-Name')];
}

// upstream: validation.go IsDNS1123Label (v1.36)
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots'
      : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errors;
}

// upstream: validation.go IsDNS1123Subdomain; content/dns.go IsDNS1123Subdomain counts bytes (v1.36)
export function subdomainErrors(value: string, unit: 'characters' | 'bytes' = 'characters'): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(unit === 'bytes' ? maxBytesError(253) : maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errors.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errors;
}

const DNS1123_LABEL_WITH_UNDERSCORE_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT = `${DNS1123_LABEL_WITH_UNDERSCORE_FMT}(\\.${DNS1123_LABEL_WITH_UNDERSCORE_FMT})*`;
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = anchored(DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT);

// upstream: validation.go IsDNS1123SubdomainWithUnderscore (v1.36; a pod's dnsConfig.searches)
export function subdomainWithUnderscoreErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE.test(value)) {
    errors.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT, 'example.com'));
  }
  return errors;
}

// upstream: validation.go IsDNS1035Label (v1.36)
export function dns1035LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenError(63));
  if (!DNS1035_LABEL.test(value)) {
    errors.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errors;
}

// upstream: validation.go IsWildcardDNS1123Subdomain (v1.36)
export function wildcardSubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(maxLenError(253));
  if (!WILDCARD_SUBDOMAIN.test(value)) {
    errors.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_SUBDOMAIN_FMT, '*.example.com'));
  }
  return errors;
}

/** The answer of the checks run on every label: one shared list, so that a valid key or value allocates nothing. */
const NO_ERRORS: readonly string[] = Object.freeze([]);

// upstream: content/kube.go IsLabelKey (= IsQualifiedName) (v1.36)
export function qualifiedNameErrors(value: string): readonly string[] {
  if (isQualifiedName(value)) return NO_ERRORS;
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a valid label key ${regexError(LABEL_KEY_ERROR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else appendAll(errors, subdomainErrors(prefix, 'bytes').map((error) => `prefix part ${error}`));
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push(`name part ${maxBytesError(63)}`);
  if (!LABEL_KEY.test(name)) errors.push(`name part ${regexError(LABEL_KEY_ERROR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

// upstream: content/kube.go IsLabelValue (v1.36)
export function labelValueErrors(value: string): readonly string[] {
  if (isLabelValue(value)) return NO_ERRORS;
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxBytesError(63));
  if (!LABEL_VALUE.test(value)) {
    errors.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errors;
}

// upstream: validation.go IsValidPortName (IANA_SVC_NAME) (v1.36)
export function portNameErrors(port: string): string[] {
  const errors: string[] = [];
  if (byteLength(port) > 15) errors.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errors.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errors.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

// upstream: validation.go IsValidPortNum (v1.36)
export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

// upstream: validation.go IsConfigMapKey, hasChDirPrefix (v1.36)
export function configMapKeyErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(value)) {
    errors.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errors, ...chDirPrefixErrors(value)];
}

// upstream: validation.go hasChDirPrefix
function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  return value.startsWith('..') ? ["must not start with '..'"] : [];
}

// upstream: validation.go IsValidPercent (v1.36)
export function percentErrors(value: string): string[] {
  return PERCENT.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

// upstream: validation.go IsEnvVarName, hasChDirPrefix (the rule before RelaxedEnvironmentVariableValidation, 1.31 and earlier)
export function envVarNameErrors(value: string): string[] {
  const errors = ENV_VAR_NAME.test(value) ? [] : [regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')];
  return [...errors, ...chDirPrefixErrors(value)];
}

// upstream: validation.go IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on by default since v1.32)
export function relaxedEnvVarNameErrors(value: string): string[] {
  if (value.length === 0) return ['environment variable name must be non-empty'];
  return /^[\x20-\x3c\x3e-\x7e]*$/.test(value) ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

/** upstream: apimachinery pkg/api/validation/generic.go maskTrailingDash: generateName may end with '-'. */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}
