// Label keys and values as labels.NewRequirement accepts them (apimachinery validation.IsQualifiedName, IsValidLabelValue).
// The formats are upstream's (pkg/util/validation/validation.go, v1.36); schema validation words its errors with them.
export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';

const NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
// the optional prefix and the name in one pattern: neither admits '/', so the prefix ends at the first one, as upstream
// splits the key; no substring is made for a key checked on every label of every object
const PREFIXED_NAME = new RegExp(`^(?:${DNS1123_SUBDOMAIN_FMT}/)?${QUALIFIED_NAME_FMT}$`);

/**
 * A name of at most 63 characters, optionally after a DNS subdomain prefix of at most 253 and '/'. The patterns admit
 * only ASCII, so lengths are byte lengths.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  return key.length - slash - 1 <= 63 && slash <= 253 && PREFIXED_NAME.test(key);
}

/** Empty, or at most 63 characters that start and end alphanumeric. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}
